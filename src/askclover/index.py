"""The BM25 index over sentences (and their passages), with the vocabulary it was built from."""
from __future__ import annotations

import importlib
import math
import os
import sys
import types
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import abbrev
from .knowledge import Knowledge
from .text import STOP_WORDS, stem, terms, tokens

K1, B = 1.2, 0.5
SMALL = 200  # sentences up to which rank_bm25 scores (within 0.1 ms of the sparse engine: bench/engines.py)


def lucene_idf(n_docs: int, n_with_term: int) -> float:
    """Lucene's IDF, ``log(1 + (N - n + 0.5) / (n + 0.5))``: never zero or negative.

    rank_bm25's Okapi IDF is near zero for a term in half of a small corpus's documents and
    floored above that, so a common but decisive word barely counts (its issues #39, #43).
    """
    return math.log(1 + (n_docs - n_with_term + 0.5) / (n_with_term + 0.5))


def norms(lengths: np.ndarray, k1: float = K1, b: float = B) -> np.ndarray:
    """Each document's ``k1 * (1 - b + b * len / avgdl)``, computed as rank_bm25 computes it."""
    avgdl = int(lengths.sum()) / max(len(lengths), 1) or 1.0
    return k1 * (1 - b + b * lengths / avgdl)


@dataclass
class BM25Table:
    """The sparse engine: BM25 over postings (CSR by term), scored for all of a query's terms at
    once with numpy. Scores equal rank_bm25's with Lucene's IDF bit for bit (a test checks)."""

    terms: dict[str, int]
    offsets: np.ndarray
    docs: np.ndarray
    tfs: np.ndarray
    norm: np.ndarray
    idf: np.ndarray
    k1: float = K1

    @classmethod
    def build(cls, corpus: list[list[str]], k1: float = K1, b: float = B) -> BM25Table:
        """Count every term of every document once; the work is linear in the corpus size."""
        vocab: dict[str, int] = {}
        term_ids: list[int] = []
        counts: list[int] = []
        sizes = np.zeros(len(corpus), dtype=np.int64)
        lengths = np.fromiter((len(d) for d in corpus), dtype=np.int64, count=len(corpus))
        for i, doc in enumerate(corpus):
            counted = Counter(doc)
            sizes[i] = len(counted)
            for t, c in counted.items():
                term_ids.append(vocab.setdefault(t, len(vocab)))
                counts.append(c)
        tid = np.asarray(term_ids, dtype=np.int64)
        order = np.argsort(tid, kind="stable")
        df = np.bincount(tid, minlength=len(vocab))
        offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(df, out=offsets[1:])
        doc_ids = np.repeat(np.arange(len(corpus), dtype=np.int32), sizes)
        top = max(counts, default=0)
        tf_type = np.uint8 if top < 2**8 else np.uint16 if top < 2**16 else np.uint32
        n = len(corpus)
        idf = np.array([lucene_idf(n, int(f)) for f in df], dtype=np.float64)
        return cls(vocab, offsets, doc_ids[order], np.asarray(counts, dtype=tf_type)[order],
                   norms(lengths, k1, b), idf, k1)

    def __len__(self) -> int:
        return len(self.norm)

    def __contains__(self, term: str) -> bool:
        return term in self.terms

    def idf_of(self, term: str) -> float:
        """IDF of a term; 0 for a term the corpus never uses."""
        i = self.terms.get(term)
        return float(self.idf[i]) if i is not None else 0.0

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The documents holding ``term`` and how often each holds it."""
        i = self.terms.get(term)
        if i is None:
            return self.docs[:0], self.tfs[:0]
        a, b = self.offsets[i], self.offsets[i + 1]
        return self.docs[a:b], self.tfs[a:b]

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        """Weighted BM25 score of every document (0 where no term occurs): the query's postings
        concatenated, scored in one pass and summed per document with ``bincount``."""
        found = [(self.terms[t], w) for t, w in weights.items() if t in self.terms]
        if not found:
            return np.zeros(len(self))
        ids = np.fromiter((i for i, _ in found), dtype=np.int64, count=len(found))
        starts, ends = self.offsets[ids], self.offsets[ids + 1]
        if len(found) == 1:
            docs, tf = self.docs[starts[0]:ends[0]], self.tfs[starts[0]:ends[0]]
        else:
            docs = np.concatenate([self.docs[a:b] for a, b in zip(starts, ends)])
            tf = np.concatenate([self.tfs[a:b] for a, b in zip(starts, ends)])
        counts = ends - starts
        part = tf * (self.k1 + 1)
        part /= tf + self.norm[docs]
        part *= np.repeat(self.idf[ids], counts)
        part *= np.repeat(np.fromiter((w for _, w in found), dtype=np.float64, count=len(found)), counts)
        return np.bincount(docs, weights=part, minlength=len(self))


@lru_cache(maxsize=1)
def _lucene_bm25() -> type:
    """rank_bm25's BM25Okapi with Lucene's IDF through its ``_calc_idf`` hook. rank_bm25 is
    imported with a stand-in for ``multiprocessing``, which it needs only to tokenise in a pool
    (never here) and which costs a one-shot question 10-25 ms of imports."""
    if "rank_bm25" not in sys.modules and "multiprocessing" not in sys.modules:
        stand_in = types.ModuleType("multiprocessing")
        stand_in.Pool = lambda *a, **k: importlib.import_module("multiprocessing").Pool(*a, **k)  # type: ignore[attr-defined]
        stand_in.cpu_count = lambda: os.cpu_count() or 1  # type: ignore[attr-defined]
        sys.modules["multiprocessing"] = stand_in
        try:
            from rank_bm25 import BM25Okapi
        finally:
            del sys.modules["multiprocessing"]
    else:
        from rank_bm25 import BM25Okapi

    class LuceneBM25(BM25Okapi):
        def _calc_idf(self, nd: dict[str, int]) -> None:
            self.idf = {w: lucene_idf(self.corpus_size, f) for w, f in nd.items()}

    return LuceneBM25


class RankTable:
    """The small engine: rank_bm25's Okapi BM25 with Lucene's IDF, behind BM25Table's interface.
    For a few hundred sentences its per-document loop costs less than numpy's fixed costs."""

    def __init__(self, corpus: list[list[str]], k1: float = K1, b: float = B) -> None:
        self.bm25 = _lucene_bm25()(corpus, k1=k1, b=b)
        self.terms = {t: i for i, t in enumerate(self.bm25.idf)}
        self.idf = np.fromiter(self.bm25.idf.values(), dtype=np.float64, count=len(self.terms))

    def __reduce__(self):
        corpus = [[t for t, n in doc.items() for _ in range(n)] for doc in self.bm25.doc_freqs]
        return RankTable, (corpus, self.bm25.k1, self.bm25.b)

    @classmethod
    def from_table(cls, table: BM25Table, b: float = B) -> RankTable:
        """The same corpus as a sparse table's (each term as often as it occurs: order is no part of BM25)."""
        docs: list[list[str]] = [[] for _ in range(len(table))]
        for term, i in table.terms.items():
            a, e = table.offsets[i], table.offsets[i + 1]
            for d, tf in zip(table.docs[a:e].tolist(), table.tfs[a:e].tolist()):
                docs[d] += [term] * tf
        return cls(docs, table.k1, b)

    def __len__(self) -> int:
        return self.bm25.corpus_size

    def __contains__(self, term: str) -> bool:
        return term in self.terms

    def idf_of(self, term: str) -> float:
        """IDF of a term; 0 for a term the corpus never uses."""
        return self.bm25.idf.get(term, 0.0)

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        """Weighted BM25 score of every document: rank_bm25's per-term scores, each times its weight."""
        total = np.zeros(len(self))
        for term, w in weights.items():
            if term in self.terms:
                total += w * self.bm25.get_scores([term])
        return total


Engine = BM25Table | RankTable


def engine(corpus: list[list[str]], small: bool) -> Engine:
    """rank_bm25 for small knowledge, else the sparse engine."""
    return RankTable(corpus) if small else BM25Table.build(corpus)


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
    unit_table: np.ndarray
    sentences: Engine
    passages: Engine
    vocabulary: Counter[str]
    stems: dict[str, str]
    abbreviations: dict[str, str]

    @property
    def unit_passages(self) -> np.ndarray:
        """The passage of every unit, in unit order."""
        return self.unit_table[:, 0]

    def __len__(self) -> int:
        return len(self.unit_table)

    def unit(self, i: int) -> Unit:
        """Unit ``i``: its passage, sentence number and offsets (kept as one array for a small cache)."""
        return Unit(*(int(x) for x in self.unit_table[i]))

    @classmethod
    def build(cls, knowledge: Knowledge, progress=None, small: int = SMALL) -> Index:
        """Tokenise every sentence and passage and build both BM25 tables (with rank_bm25 when
        there are at most ``small`` sentences)."""
        units: list[Unit] = []
        unit_terms: list[list[str]] = []
        passage_terms: list[list[str]] = []
        total = len(knowledge.passages)
        for pi, p in enumerate(knowledge.passages):
            if progress and pi % 5000 == 0:
                progress(pi, total)
            own = terms(p.text)
            passage_terms.append(own if p.is_heading else terms(p.heading) + own)
            if p.is_heading:
                continue
            doc = knowledge.text_of(p.source)
            for si, s in enumerate(p.sentences):
                units.append(Unit(pi, si, s.start, s.end))
                unit_terms.append(own if len(p.sentences) == 1 else terms(doc[s.start:s.end]))
        if not units:
            first = knowledge.passages[0]
            units.append(Unit(0, 0, first.start, first.end))
            unit_terms.append(terms(first.text))
        vocabulary: Counter[str] = Counter()
        abbreviations: dict[str, str] = {}
        for d in knowledge.documents:
            vocabulary.update(w for w, _, _ in tokens(d.text))
            for short, long in abbrev.find(d.text).items():
                abbreviations.setdefault(short, long)
        stems = {w: stem(w) for w in vocabulary if w not in STOP_WORDS}
        if progress:
            progress(total, total)
        table = np.array([(u.passage, u.sentence, u.start, u.end) for u in units], dtype=np.int64)
        few = len(unit_terms) <= small
        return cls(knowledge, table, engine(unit_terms, few), engine(passage_terms, few),
                   vocabulary, stems, abbreviations)

    def idf(self, term: str) -> float:
        """Sentence-level IDF of a term; 0 for a term the knowledge never uses."""
        return self.sentences.idf_of(term)
