import math
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from askclover import Answerer, Knowledge, Retriever
from askclover.index import B, K1, BM25Table, Index, RankTable, lucene_idf
from askclover.text import terms

DATA = Path(__file__).parent / "data"


class LuceneBM25(BM25Okapi):
    """The reference: rank_bm25's Okapi scoring with Lucene's IDF."""

    def _calc_idf(self, nd):
        self.idf = {w: lucene_idf(self.corpus_size, f) for w, f in nd.items()}


def corpus_of(index):
    units = [index.unit(i) for i in range(len(index))]
    return [terms(index.knowledge.text_of(index.knowledge.passages[u.passage].source)[u.start:u.end])
            for u in units]


def test_lucene_idf_never_vanishes_for_common_terms():
    corpus = [["drug", "dose"], ["drug", "trial"], ["side"], ["other"]]
    assert abs(BM25Okapi(corpus).idf["drug"]) < 1e-9
    table = BM25Table.build(corpus)
    assert table.idf_of("drug") > 0 and table.idf_of("dose") > table.idf_of("drug")
    assert math.isclose(table.idf_of("drug"), math.log(1 + 2.5 / 2.5))


def test_scores_equal_rank_bm25_with_the_same_idf(data_index):
    corpus = corpus_of(data_index)
    reference = LuceneBM25(corpus, k1=K1, b=B)
    table = BM25Table.build(corpus)
    for question in ["heritage apple trees restoration keeper", "tower steps", "nothing matches zzz"]:
        query = list(dict.fromkeys(terms(question)))
        full = np.asarray(reference.get_scores(query))
        ours = table.scores({t: 1.0 for t in query})
        assert np.allclose(full, ours, rtol=1e-12)
        ids = np.flatnonzero(ours)
        assert np.allclose(np.asarray(reference.get_batch_scores(query, list(ids))), ours[ids], rtol=1e-12)


def test_both_engines_give_the_same_scores_bit_for_bit(data_index):
    corpus = corpus_of(data_index)
    sparse, rank = BM25Table.build(corpus), RankTable(corpus)
    assert RankTable.from_table(sparse).scores({"tower": 1.0}).tolist() == rank.scores({"tower": 1.0}).tolist()
    assert set(sparse.terms) == set(rank.terms)
    for t in list(sparse.terms)[:50]:
        assert sparse.idf_of(t) == rank.idf_of(t)
    for question in ["heritage apple trees restoration keeper", "tower steps lamp", "nothing matches zzz"]:
        weights = {t: w for t, w in zip(dict.fromkeys(terms(question)), [1.0, 0.8, 0.5, 1.0, 0.3])}
        assert sparse.scores(weights).tolist() == rank.scores(weights).tolist()


def test_weights_scale_term_scores():
    for table in (BM25Table.build([["a", "b"], ["b"], ["c"]]), RankTable([["a", "b"], ["b"], ["c"]])):
        one, two = table.scores({"a": 1.0}), table.scores({"a": 2.0})
        assert np.allclose(2 * one, two) and one[0] > 0 and one[1] == 0


@pytest.mark.parametrize("name", ["harbor-light.md", None])
def test_either_engine_gives_the_same_hits_and_answers(name, shipped):
    knowledge = Knowledge.load(DATA / name) if name else shipped.knowledge
    small, large = Index.build(knowledge, small=10**9), Index.build(knowledge, small=0)
    assert isinstance(small.sentences, RankTable) and isinstance(large.sentences, BM25Table)
    questions = ["Who was the last keeper?", "How many steps does the tower have?", "What were the side effects?",
                 "What does PFS stand for?", "What is the capital of France?", "when did the lamp go dark"]
    for q in questions:
        assert Retriever(small).search(q, 10) == Retriever(large).search(q, 10)
        assert Answerer(small).ask(q) == Answerer(large).ask(q)


def test_abbreviations_and_vocabulary_come_from_the_text(harbor):
    assert harbor.abbreviations == {"CHT": "Coastal Heritage Trust"}
    assert harbor.vocabulary["lighthouse"] >= 1


@pytest.mark.parametrize("where", [DATA, DATA / "harbor-light.md", None])
def test_passages_are_views_equal_to_the_split_passages(where, shipped):
    knowledge = Knowledge.load(where)
    index = Index.build(knowledge) if where else shipped
    assert list(index.knowledge.passages) == list(knowledge.passages)
    assert index.knowledge.passages[-2:] == knowledge.passages[-2:]
    for i, p in enumerate(knowledge.passages):
        assert index.source(i) == p.source


def test_knowledge_of_headings_only_still_has_one_unit(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\nAnother heading\n", encoding="utf-8")
    knowledge = Knowledge.load(tmp_path)
    index = Index.build(knowledge)
    assert len(index) == 1 and list(index.knowledge.passages) == list(knowledge.passages)


def test_span_terms_equal_the_terms_of_the_slice():
    from askclover.index import _Spans

    for text in ("Dr. Smith's 3.5 mg dose—twice daily (BID) for 12,000 patients_ok; then 1st. Ende.",
                 "Dr. Smith's 3.5 MG dose-Twice daily (BID) for 12,000 patients_ok; then 1st. Ende."):  # ASCII: folded at once
        number: dict[str, int] = {}
        spans = _Spans("x", text, {}, number)
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                found = spans.terms(start, end)
                assert [list(number)[i] for i in found] == terms(text[start:end]), (start, end)


def test_rank_bm25_serves_a_small_knowledge_and_not_one_long_line_of_many_words(tmp_path, shipped):
    assert isinstance(shipped.sentences, RankTable)  # the shipped article: the design card's engine
    (tmp_path / "lines.txt").write_text("\n".join(f"lamp {i} keeps the light of tower {i % 97}." for i in range(3000)),
                                        encoding="utf-8")
    index = Index.build(Knowledge.load(tmp_path))
    assert len(index) <= 200 and isinstance(index.sentences, BM25Table)  # few sentences, 15,000 terms
