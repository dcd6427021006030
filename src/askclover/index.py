"""The BM25 index over sentences (and their passages), with the vocabulary it was built from."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rank_bm25 import BM25Okapi

from . import abbrev
from .knowledge import Knowledge
from .text import STOP_WORDS, terms, tokens


class LuceneBM25(BM25Okapi):
    """BM25 with Lucene's IDF, ``log(1 + (N - n + 0.5) / (n + 0.5))``: never zero or negative.

    rank_bm25's Okapi IDF is near zero for a term in half of a small corpus's documents
    and floored above that, so a common but decisive word barely counts (its issues #39, #43).
    """

    def __init__(self, corpus: list[list[str]], k1: float = 1.2, b: float = 0.5) -> None:
        super().__init__(corpus, k1=k1, b=b)

    def _calc_idf(self, nd: dict[str, int]) -> None:
        n = self.corpus_size
        self.idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in nd.items()}
        self.average_idf = sum(self.idf.values()) / max(len(self.idf), 1)


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence in the index: which passage and which of its sentences."""

    passage: int
    sentence: int
    start: int
    end: int


@dataclass
class Index:
    """Sentences and passages scored with BM25, plus what the text teaches about its words."""

    knowledge: Knowledge
    units: list[Unit]
    sentence_bm25: LuceneBM25
    passage_bm25: LuceneBM25
    postings: dict[str, list[int]]
    vocabulary: Counter[str]
    stems: dict[str, str]
    abbreviations: dict[str, str]
    unit_of_passage: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, knowledge: Knowledge) -> Index:
        """Tokenise every sentence and passage and build both BM25 tables."""
        units: list[Unit] = []
        unit_terms: list[list[str]] = []
        passage_terms: list[list[str]] = []
        first_unit: list[int] = []
        for pi, p in enumerate(knowledge.passages):
            first_unit.append(len(units))
            passage_terms.append(terms(p.heading) + terms(p.text) if not p.is_heading else terms(p.text))
            if p.is_heading:
                continue
            doc = knowledge.text_of(p.source)
            for si, s in enumerate(p.sentences):
                units.append(Unit(pi, si, s.start, s.end))
                unit_terms.append(terms(doc[s.start:s.end]))
        if not units:
            units.append(Unit(0, 0, knowledge.passages[0].start, knowledge.passages[0].end))
            unit_terms.append(terms(knowledge.passages[0].text))
        postings: dict[str, list[int]] = {}
        for ui, ts in enumerate(unit_terms):
            for t in set(ts):
                postings.setdefault(t, []).append(ui)
        vocabulary: Counter[str] = Counter()
        abbreviations: dict[str, str] = {}
        for d in knowledge.documents:
            vocabulary.update(w for w, _, _ in tokens(d.text))
            for short, long in abbrev.find(d.text).items():
                abbreviations.setdefault(short, long)
        from .text import stem

        stems = {w: stem(w) for w in vocabulary if w not in STOP_WORDS}
        return cls(knowledge, units, LuceneBM25(unit_terms), LuceneBM25(passage_terms),
                   postings, vocabulary, stems, abbreviations, first_unit)

    def candidates(self, query_terms: list[str]) -> list[int]:
        """Units that share at least one term with the query (the only ones worth scoring)."""
        ids: set[int] = set()
        for t in set(query_terms):
            ids.update(self.postings.get(t, ()))
        return sorted(ids)

    def idf(self, term: str) -> float:
        """Sentence-level IDF of a term; 0 for a term the knowledge never uses."""
        return self.sentence_bm25.idf.get(term, 0.0)
