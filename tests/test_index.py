import numpy as np
from rank_bm25 import BM25Okapi

from askclover.index import LuceneBM25
from askclover.text import terms


def test_lucene_idf_never_vanishes_for_common_terms():
    corpus = [["drug", "dose"], ["drug", "trial"], ["side"], ["other"]]
    okapi, lucene = BM25Okapi(corpus), LuceneBM25(corpus)
    assert abs(okapi.idf["drug"]) < 1e-9
    assert lucene.idf["drug"] > 0 and lucene.idf["dose"] > lucene.idf["drug"]


def test_candidate_scores_equal_full_scores(data_index):
    query = terms("heritage apple trees restoration keeper")
    full = np.asarray(data_index.sentence_bm25.get_scores(query))
    ids = data_index.candidates(query)
    part = np.asarray(data_index.sentence_bm25.get_batch_scores(query, ids))
    assert np.allclose(full[ids], part)
    assert set(np.nonzero(full)[0]) <= set(ids)


def test_abbreviations_and_vocabulary_come_from_the_text(harbor):
    assert harbor.abbreviations == {"CHT": "Coastal Heritage Trust"}
    assert harbor.vocabulary["lighthouse"] >= 1
