"""From a question to ranked sentences: typo repair, abbreviation expansion, BM25 scoring."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import Index
from .model import Hit
from .text import STOP_WORDS, edit_distance, stem, terms, tokens

PASSAGE_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class Query:
    """A question as the index understands it: weighted terms and the repairs made."""

    text: str
    terms: tuple[tuple[str, float], ...]
    corrections: tuple[tuple[str, str], ...] = ()

    @property
    def weights(self) -> dict[str, float]:
        """Each term's weight (the largest, if it came in twice)."""
        out: dict[str, float] = {}
        for t, w in self.terms:
            out[t] = max(w, out.get(t, 0.0))
        return out


def correct(word: str, index: Index) -> str | None:
    """The vocabulary word closest to an unknown ``word`` (edit distance, then frequency)."""
    if len(word) < 4 or not word.isalpha():
        return None
    limit = 1 if len(word) < 8 else 2
    best: tuple[int, int, str] | None = None
    for v, n in index.vocabulary.items():
        if v in STOP_WORDS or abs(len(v) - len(word)) > limit or not v.isalpha():
            continue
        d = edit_distance(word, v, limit)
        if d <= limit and (best is None or (d, -n) < best[:2]):
            best = (d, -n, v)
    return best[2] if best else None


def understand(question: str, index: Index, context: tuple[tuple[str, float], ...] = ()) -> Query:
    """Weighted query terms for ``question``: its own words, repaired and expanded, plus ``context``."""
    known_stems = index.sentence_bm25.idf
    weighted: list[tuple[str, float]] = []
    fixes: list[tuple[str, str]] = []
    words = [w for w, _, _ in tokens(question) if w and w not in STOP_WORDS]
    for w in words:
        t = stem(w)
        if t not in known_stems and w not in index.vocabulary and not w[:1].isdigit():
            fixed = correct(w, index)
            if fixed:
                fixes.append((w, fixed))
                w, t = fixed, stem(fixed)
        weighted.append((t, 1.0))
    weighted += expand(words, index)
    weighted += list(context)
    return Query(question, tuple(weighted), tuple(fixes))


def expand(words: list[str], index: Index) -> list[tuple[str, float]]:
    """Abbreviation terms: the long form for a short form asked, and the short form for a long one."""
    stems = {stem(w) for w in words}
    out: list[tuple[str, float]] = []
    for short, long in index.abbreviations.items():
        short_terms, long_terms = terms(short), terms(long)
        if not short_terms or not long_terms:
            continue
        if set(short_terms) <= stems:
            out += [(t, 0.8) for t in long_terms if t not in stems]
        elif set(long_terms) <= stems:
            out += [(t, 1.0) for t in short_terms]
    return out


class Retriever:
    """Ranks the sentences of a knowledge index against a question."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def score(self, query: Query) -> tuple[list[int], np.ndarray]:
        """BM25 scores of the candidate units: sentence score plus a share of its passage's."""
        ix = self.index
        weights = query.weights
        ids = ix.candidates(list(weights))
        if not ids:
            return [], np.zeros(0)
        passages = [ix.units[i].passage for i in ids]
        total = np.zeros(len(ids))
        for w in sorted(set(weights.values())):
            group = [t for t, tw in weights.items() if tw == w]
            total += w * np.asarray(ix.sentence_bm25.get_batch_scores(group, ids))
            total += w * PASSAGE_WEIGHT * np.asarray(ix.passage_bm25.get_batch_scores(group, passages))
        return ids, total

    def search(self, question: str | Query, k: int = 5) -> list[Hit]:
        """The ``k`` best sentences for a question, best first."""
        query = question if isinstance(question, Query) else understand(question, self.index)
        ids, scores = self.score(query)
        order = np.argsort(-scores, kind="stable")[:k]
        return [self.hit(ids[i], float(scores[i])) for i in order if scores[i] > 0]

    def hit(self, unit: int, score: float) -> Hit:
        """A Hit for one unit of the index."""
        u = self.index.units[unit]
        p = self.index.knowledge.passages[u.passage]
        text = self.index.knowledge.text_of(p.source)[u.start:u.end]
        return Hit(u.passage, u.sentence, p.source, u.start, u.end, text, score)
