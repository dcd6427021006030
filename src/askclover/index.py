"""The BM25 index over sentences (and their passages), with the vocabulary it was built from."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from . import abbrev
from .knowledge import Knowledge
from .text import STOP_WORDS, stem, terms, tokens

K1, B = 1.2, 0.5


def lucene_idf(n_docs: int, n_with_term: int) -> float:
    """Lucene's IDF, ``log(1 + (N - n + 0.5) / (n + 0.5))``: never zero or negative.

    rank_bm25's Okapi IDF is near zero for a term in half of a small corpus's documents and
    floored above that, so a common but decisive word barely counts (its issues #39, #43).
    """
    return math.log(1 + (n_docs - n_with_term + 0.5) / (n_with_term + 0.5))


@dataclass
class BM25Table:
    """BM25 over a corpus as postings (one CSR array per field), so a query touches only the
    documents that hold its terms. Scores equal rank_bm25's with Lucene's IDF (a test checks)."""

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
        doc_ids: list[int] = []
        counts: list[int] = []
        lengths = np.fromiter((len(d) for d in corpus), dtype=np.float64, count=len(corpus))
        for i, doc in enumerate(corpus):
            for t, c in Counter(doc).items():
                term_ids.append(vocab.setdefault(t, len(vocab)))
                doc_ids.append(i)
                counts.append(c)
        tid = np.asarray(term_ids, dtype=np.int64)
        order = np.argsort(tid, kind="stable")
        df = np.bincount(tid, minlength=len(vocab))
        offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(df, out=offsets[1:])
        n = max(len(corpus), 1)
        avgdl = float(lengths.mean()) if len(corpus) and lengths.sum() else 1.0
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        return cls(vocab, offsets, np.asarray(doc_ids, dtype=np.int32)[order],
                   np.asarray(counts, dtype=np.float32)[order],
                   (k1 * (1 - b + b * lengths / avgdl)).astype(np.float32), idf, k1)

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
        """Weighted BM25 score of every document (0 where no term occurs)."""
        total = np.zeros(len(self))
        for term, w in weights.items():
            docs, tf = self.postings(term)
            if len(docs):
                total[docs] += w * self.idf[self.terms[term]] * tf * (self.k1 + 1) / (tf + self.norm[docs])
        return total


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence in the index: which passage and which of its sentences."""

    passage: int
    sentence: int
    start: int
    end: int


@dataclass
class Index:
    """Sentences and passages scored with BM25, plus what the text teaches about its words.

    Attributes:
        knowledge: the loaded files and their passages.
        unit_table: one row per indexed sentence: passage, sentence number, start, end.
        sentences: the BM25 table over sentences.
        passages: the BM25 table over passages (each with its heading).
        vocabulary: how often each folded word occurs in the files.
        stems: each word's stem.
        abbreviations: short forms the text defines, with their long forms ("OS" → "overall survival").
    """

    knowledge: Knowledge
    unit_table: np.ndarray
    sentences: BM25Table
    passages: BM25Table
    vocabulary: Counter[str]
    stems: dict[str, str]
    abbreviations: dict[str, str]

    @property
    def unit_passages(self) -> np.ndarray:
        """The passage of every unit, in unit order."""
        return self.unit_table[:, 0]

    def __len__(self) -> int:
        return len(self.unit_table)

    def __repr__(self) -> str:
        k = self.knowledge
        return f"Index(files={len(k.documents)}, passages={len(k.passages)}, sentences={len(self)})"

    def unit(self, i: int) -> Unit:
        """Unit ``i``: its passage, sentence number and offsets (kept as one array for a small cache)."""
        return Unit(*(int(x) for x in self.unit_table[i]))

    @classmethod
    def build(cls, knowledge: Knowledge, progress=None) -> Index:
        """Tokenise every sentence and passage and build both BM25 tables."""
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
        return cls(knowledge, table, BM25Table.build(unit_terms), BM25Table.build(passage_terms),
                   vocabulary, stems, abbreviations)

    def idf(self, term: str) -> float:
        """Sentence-level IDF of a term; 0 for a term the knowledge never uses."""
        return self.sentences.idf_of(term)
