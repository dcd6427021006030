import math

import numpy as np
from rank_bm25 import BM25Okapi

from askclover.index import B, K1, BM25Table, lucene_idf
from askclover.text import terms


class LuceneBM25(BM25Okapi):
    """The reference: rank_bm25's Okapi scoring with Lucene's IDF."""

    def _calc_idf(self, nd):
        self.idf = {w: lucene_idf(self.corpus_size, f) for w, f in nd.items()}


def test_lucene_idf_never_vanishes_for_common_terms():
    corpus = [["drug", "dose"], ["drug", "trial"], ["side"], ["other"]]
    assert abs(BM25Okapi(corpus).idf["drug"]) < 1e-9
    table = BM25Table.build(corpus)
    assert table.idf_of("drug") > 0 and table.idf_of("dose") > table.idf_of("drug")
    assert math.isclose(table.idf_of("drug"), math.log(1 + 2.5 / 2.5))


def test_scores_equal_rank_bm25_with_the_same_idf(data_index):
    units = [data_index.unit(i) for i in range(len(data_index))]
    corpus = [terms(data_index.knowledge.text_of(data_index.knowledge.passages[u.passage].source)[u.start:u.end])
              for u in units]
    reference = LuceneBM25(corpus, k1=K1, b=B)
    table = BM25Table.build(corpus)
    for question in ["heritage apple trees restoration keeper", "tower steps", "nothing matches zzz"]:
        query = list(dict.fromkeys(terms(question)))
        full = np.asarray(reference.get_scores(query))
        ours = table.scores({t: 1.0 for t in query})
        assert np.allclose(full, ours, rtol=1e-5)
        ids = np.flatnonzero(ours)
        assert np.allclose(np.asarray(reference.get_batch_scores(query, list(ids))), ours[ids], rtol=1e-5)


def test_weights_scale_term_scores():
    table = BM25Table.build([["a", "b"], ["b"], ["c"]])
    one, two = table.scores({"a": 1.0}), table.scores({"a": 2.0})
    assert np.allclose(2 * one, two) and one[0] > 0 and one[1] == 0


def test_abbreviations_and_vocabulary_come_from_the_text(harbor):
    assert harbor.abbreviations == {"CHT": "Coastal Heritage Trust"}
    assert harbor.vocabulary["lighthouse"] >= 1
