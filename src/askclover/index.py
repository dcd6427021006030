"""The BM25 index over sentences (and their passages), with the vocabulary it was built from:
two engines behind one interface, and columns of offsets a cache can map from disk."""
from __future__ import annotations

import importlib
import math
import os
import sys
import types
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from typing import overload

import numpy as np

from . import abbrev
from .knowledge import Document, Knowledge
from .model import Passage, Sentence
from .text import STOP_WORDS, LazyPattern, columns, stem, terms, tokens

K1, B = 1.2, 0.5
KEEP_POSTINGS = 4096  # a term in at least this many documents keeps its scores
DENSE_BYTES = 128 * 2**20  # per table, for the score columns of the commonest terms
LOWER_WORD = LazyPattern(r"\b[a-zß-öø-ÿ]++\b")
LOWER_LETTERS = LazyPattern(r"[a-zß-öø-ÿ]++")
SMALL = 200  # sentences up to which rank_bm25 scores (within ~0.15 ms of the sparse engine: bench/engines.py)
SMALL_TERMS = 20 * SMALL  # ... and terms: its start-up loops over every term (240,000 in one long line: 0.23 s)


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
    """The sparse engine: BM25 over postings (CSR by term), scored with numpy, no Python per
    document. Scores equal rank_bm25's with Lucene's IDF bit for bit (a test checks)."""

    terms: dict[str, int]
    offsets: np.ndarray
    docs: np.ndarray
    tfs: np.ndarray
    norm: np.ndarray
    idf: np.ndarray
    k1: float = K1
    _kept: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    _dense: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, corpus: list[list[str]], k1: float = K1, b: float = B) -> BM25Table:
        """Number the terms in order of first use, then count (term, document) pairs with numpy."""
        vocab = {t: i for i, t in enumerate(dict.fromkeys(chain.from_iterable(corpus)))}
        return cls.numbered([list(map(vocab.__getitem__, d)) for d in corpus], list(vocab), k1, b)

    @classmethod
    def numbered(cls, corpus: list[list[int]], names: list[str], k1: float = K1, b: float = B) -> BM25Table:
        """The table of documents given as numbers of the terms ``names`` lists (the ones no
        document uses left out)."""
        lengths = np.fromiter(map(len, corpus), dtype=np.int64, count=len(corpus))
        ids = np.fromiter(chain.from_iterable(corpus), dtype=np.int64, count=int(lengths.sum()))
        seen = np.zeros(len(names), bool)
        seen[ids] = True
        used = np.flatnonzero(seen)
        ids = (np.cumsum(seen) - 1)[ids]
        vocab = dict(zip(map(names.__getitem__, used.tolist()), range(len(used))))
        n = len(corpus)
        pairs, counts = np.unique(ids * max(n, 1) + np.repeat(np.arange(n, dtype=np.int64), lengths),
                                  return_counts=True)
        term_of = pairs // max(n, 1)
        df = np.bincount(term_of, minlength=len(vocab))
        offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(df, out=offsets[1:])
        top = int(counts.max(initial=0))
        tf_type = np.uint8 if top < 2**8 else np.uint16 if top < 2**16 else np.uint32
        idf = np.array([lucene_idf(n, int(f)) for f in df], dtype=np.float64)
        return cls(vocab, offsets, (pairs % max(n, 1)).astype(np.int32), counts.astype(tf_type),
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

    def values(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Term ``i``'s documents and BM25 score in each, ``idf * tf * (k1 + 1) / (tf + norm)``;
        kept for a term in many documents, so a common word is scored once, not per question."""
        a, b = int(self.offsets[i]), int(self.offsets[i + 1])
        docs = self.docs[a:b]
        kept = self._kept.get(i)
        if kept is None:
            tf = self.tfs[a:b]
            kept = tf * (self.k1 + 1)
            kept /= tf + self.norm[docs]
            kept *= self.idf[i]
            if b - a >= KEEP_POSTINGS:
                self._kept[i] = kept
        return docs, kept

    def dense(self, i: int) -> np.ndarray | None:
        """Term ``i``'s score in every document, for a term in at least 1/16 of them while the
        budget lasts: adding a column costs a tenth of scattering its postings."""
        column = self._dense.get(i)
        if column is None:
            a, b = int(self.offsets[i]), int(self.offsets[i + 1])
            if 16 * (b - a) < len(self) or 8 * len(self) * (len(self._dense) + 1) > DENSE_BYTES:
                return None
            docs, values = self.values(i)
            column = self._dense[i] = np.zeros(len(self))
            column[docs] = values
        return column

    def scores(self, weights: dict[str, float], out: np.ndarray | None = None,
               scratch: np.ndarray | None = None) -> np.ndarray:
        """Weighted BM25 score of every document (0 where no term occurs), summed term by term
        in the order given (so it equals rank_bm25's bit for bit); into ``out`` when given, with
        ``scratch`` as working space (reused buffers spare the allocator large blocks)."""
        if out is None:
            out = np.zeros(len(self))
        else:
            out.fill(0.0)
        for term, w in weights.items():
            i = self.terms.get(term)
            if i is None:
                continue
            column = self.dense(i)
            if column is None:
                docs, values = self.values(i)
                np.add.at(out, docs, values if w == 1.0 else w * values)
            elif w == 1.0:
                out += column
            else:
                out += np.multiply(column, w, out=scratch)
        return out


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
    """The small engine: rank_bm25's Okapi BM25 with Lucene's IDF, behind BM25Table's interface;
    up to ``SMALL`` sentences its loop over every document costs a tenth of a millisecond."""

    def __init__(self, corpus: list[list[str]], k1: float = K1, b: float = B,
                 table: BM25Table | None = None) -> None:
        self.table = table if table is not None else BM25Table.build(corpus, k1, b)
        self.bm25 = _lucene_bm25()(corpus, k1=k1, b=b)
        self.terms = {t: i for i, t in enumerate(self.bm25.idf)}
        self.idf = np.fromiter(self.bm25.idf.values(), dtype=np.float64, count=len(self.terms))

    @classmethod
    def from_table(cls, table: BM25Table, b: float = B) -> RankTable:
        """The same corpus as a sparse table's (each term as often as it occurs: order is no part of BM25)."""
        names = list(table.terms)
        term_of = np.repeat(np.arange(len(names)), np.diff(table.offsets)).tolist()
        docs: list[list[str]] = [[] for _ in range(len(table))]
        for d, t, tf in zip(table.docs.tolist(), term_of, table.tfs.tolist()):
            docs[d] += [names[t]] * tf
        return cls(docs, table.k1, b, table)

    def __len__(self) -> int:
        return self.bm25.corpus_size

    def __contains__(self, term: str) -> bool:
        return term in self.terms

    def idf_of(self, term: str) -> float:
        """IDF of a term; 0 for a term the corpus never uses."""
        return self.bm25.idf.get(term, 0.0)

    def scores(self, weights: dict[str, float], out: np.ndarray | None = None,
               scratch: np.ndarray | None = None) -> np.ndarray:
        """Weighted BM25 score of every document: rank_bm25's per-term scores, each times its weight."""
        total = np.zeros(len(self)) if out is None else out
        total.fill(0.0)
        for term, w in weights.items():
            if term in self.terms:
                total += w * self.bm25.get_scores([term])
        return total


Engine = BM25Table | RankTable


def engine(corpus: list[list[int]], names: list[str], small: bool) -> Engine:
    """rank_bm25 for small knowledge, else the sparse engine (documents as term numbers into ``names``)."""
    if small:
        return RankTable([list(map(names.__getitem__, d)) for d in corpus])
    return BM25Table.numbered(corpus, names)


def sparse(engine: Engine) -> BM25Table:
    """The postings behind either engine (what the cache stores)."""
    return engine.table if isinstance(engine, RankTable) else engine


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence in the index: which passage and which of its sentences."""

    passage: int
    sentence: int
    start: int
    end: int


class PassageView(Sequence[Passage]):
    """The passages of the knowledge, each made on demand from columns of offsets (its file,
    start, end, heading passage, heading flag, first and last unit) and the files' texts."""

    def __init__(self, table: np.ndarray, units: np.ndarray, documents: list[Document]) -> None:
        self.table, self.units = table, units
        self.sources = [d.source for d in documents]
        self.texts = [d.text for d in documents]

    def __len__(self) -> int:
        return len(self.table)

    @overload
    def __getitem__(self, i: int) -> Passage: ...
    @overload
    def __getitem__(self, i: slice) -> list[Passage]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        doc, start, end, heading, is_heading, lo, hi = self.table[i].tolist()
        text = self.texts[doc]
        if is_heading:
            sentences: tuple[Sentence, ...] = (Sentence(start, end),)
        else:
            sentences = tuple(Sentence(a, b) for a, b in self.units[lo:hi, 2:4].tolist())
        title = text[self.table[heading, 1]:self.table[heading, 2]] if heading >= 0 else ""
        return Passage(self.sources[doc], start, end, text[start:end], sentences, title, bool(is_heading))


def passage_table(passages: Sequence[Passage], documents: list[Document], units: np.ndarray) -> np.ndarray:
    """The columns a PassageView reads, for passages split from ``documents``."""
    number = {d.source: i for i, d in enumerate(documents)}
    lo = np.searchsorted(units[:, 0], np.arange(len(passages)), side="left")
    hi = np.searchsorted(units[:, 0], np.arange(len(passages)), side="right")
    rows = np.zeros((len(passages), 7), dtype=np.int64)
    last: dict[str, int] = {}
    for i, p in enumerate(passages):
        if p.is_heading:
            last[p.source] = i
        heading = last.get(p.source, -1) if p.heading else -1
        rows[i, :5] = (number[p.source], p.start, p.end, heading, p.is_heading)
    rows[:, 5], rows[:, 6] = lo, hi
    rows[rows[:, 4] == 1, 5:] = 0
    return rows.astype(np.int32)


class _Spans:
    """One file's words found once, so the terms of any of its passages and sentences are a
    slice of them, as term numbers; a span whose edge cuts a word is tokenised on its own."""

    def __init__(self, source: str, text: str, stems: dict[str, str | None], number: dict[str, int]) -> None:
        self.source, self.text, self.number = source, text, number
        self.words, self.starts, self.ends = columns(text)
        for w in set(self.words).difference(stems):
            stems[w] = stem(w) if w and w not in STOP_WORDS else None
        kept = list(filter(None, map(stems.__getitem__, self.words)))  # the words' stems, stop words left out
        number.update(zip(sorted(set(kept).difference(number)), count(len(number))))
        self.ids = list(map(number.__getitem__, kept))
        self.before = [0, *accumulate(map(bool, map(stems.__getitem__, self.words)))]  # kept stems before each word

    def lower(self) -> set[str]:
        """The words the file writes somewhere with no capital ("receiving", "2025"; ``Index.build``
        keeps those of lower-case letters only)."""
        folded = self.text.casefold()
        if len(folded) != len(self.text):  # "ß" → "ss": the words are not where the letters are
            return set(LOWER_WORD.findall(self.text))
        wide = np.frombuffer(self.text.encode("utf-32-le"), np.uint32) != \
            np.frombuffer(folded.encode("utf-32-le"), np.uint32)
        written = np.ones(len(self.words), bool)  # the words with no capital, by position
        at = np.searchsorted(np.asarray(self.starts, np.int64), np.flatnonzero(wide), "right") - 1
        written[at[at >= 0]] = False
        return set(compress(self.words, written))

    def terms(self, start: int, end: int) -> list[int]:
        """The numbers of the terms of ``text[start:end]``."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if (i and self.ends[i - 1] > start) or (j and self.ends[j - 1] > end):
            return self.numbers(terms(self.text[start:end]))
        return self.ids[self.before[i]:self.before[j]]

    def numbers(self, found: list[str]) -> list[int]:
        """The numbers of some terms, new ones numbered next."""
        return [self.number.setdefault(t, len(self.number)) for t in found]


@dataclass
class Index:
    """Sentences and passages scored with BM25, plus what the text teaches about its words.
    Its arrays are columns a cache can map from disk; passages are views made on demand.

    Attributes:
        knowledge: the loaded files and their passages.
        unit_table: one row per indexed sentence: passage, sentence number, start, end.
        sentences: the BM25 table over sentences.
        passages: the BM25 table over passages (each with its heading).
        vocabulary: how often each folded word occurs in the files.
        stems: each word's stem.
        abbreviations: short forms the text defines, with their long forms ("OS" → "overall survival").
        passage_table: one row per passage (source, start, end, heading, …), the columns its views read.
        lower: the words the files write somewhere in lower case ("receiving"), so a capitalised
            one that opens a sentence ("Receiving …") is known to be no name.
    """

    knowledge: Knowledge
    unit_table: np.ndarray
    sentences: Engine
    passages: Engine
    vocabulary: Counter[str]
    stems: dict[str, str]
    abbreviations: dict[str, str]
    passage_table: np.ndarray | None = None
    lower: frozenset[str] = frozenset()

    @property
    def unit_passages(self) -> np.ndarray:
        """The passage of every unit, in unit order (one contiguous column, made on first use)."""
        column = self.__dict__.get("_unit_passages")
        if column is None:
            column = self.__dict__["_unit_passages"] = np.ascontiguousarray(self.unit_table[:, 0])
        return column

    def __len__(self) -> int:
        return len(self.unit_table)

    def __repr__(self) -> str:
        k = self.knowledge
        return f"Index(files={len(k.documents)}, passages={len(k.passages)}, sentences={len(self)})"

    def unit(self, i: int) -> Unit:
        """Unit ``i``: its passage, sentence number and offsets."""
        return Unit(*self.unit_table[i].tolist())

    def source(self, passage: int) -> str:
        """The file a passage comes from."""
        return self.knowledge.documents[int(self.passage_table[passage, 0])].source

    @classmethod
    def build(cls, knowledge: Knowledge, progress=None, small: int | None = None) -> Index:
        """Tokenise every sentence and passage and build both BM25 tables (with rank_bm25 when
        there are at most ``small`` sentences; by default SMALL of them and SMALL_TERMS terms)."""
        units: list[tuple[int, int, int, int]] = []
        unit_terms: list[list[int]] = []
        passage_terms: list[list[int]] = []
        number: dict[str, int] = {}  # each term's number, shared by both tables
        vocabulary: Counter[str] = Counter()
        abbreviations: dict[str, str] = {}
        spans = None
        counted: set[str] = set()
        stemmed: dict[str, str | None] = {}
        lower: set[str] = set()
        heading: tuple[str, list[int]] = ("", [])
        total = len(knowledge.passages)
        for pi, p in enumerate(knowledge.passages):
            if progress and pi % 5000 == 0:
                progress(pi, total)
            if spans is None or spans.source != p.source:
                spans = _Spans(p.source, knowledge.text_of(p.source), stemmed, number)
                heading = ("", [])
                if p.source not in counted:
                    counted.add(p.source)
                    vocabulary.update(spans.words)
                    lower.update(spans.lower())
            own = spans.terms(p.start, p.end)
            if p.is_heading:
                heading = (p.text, own)
                passage_terms.append(own)
                continue
            above = heading[1] if p.heading == heading[0] else spans.numbers(terms(p.heading))
            passage_terms.append(above + own)
            for si, s in enumerate(p.sentences):
                units.append((pi, si, s.start, s.end))
                unit_terms.append(own if len(p.sentences) == 1 else spans.terms(s.start, s.end))
        if not units:
            first = knowledge.passages[0]
            units.append((0, 0, first.start, first.end))
            unit_terms.append([number.setdefault(t, len(number)) for t in terms(first.text)])
        for d in knowledge.documents:
            if d.source not in counted:
                vocabulary.update(w for w, _, _ in tokens(d.text))
                lower.update(LOWER_WORD.findall(d.text))
            for short, long in abbrev.find(d.text).items():
                abbreviations.setdefault(short, long)
        lower = {w for w in lower if LOWER_LETTERS.fullmatch(w)}
        stems = {w: stem(w) for w in vocabulary if w not in STOP_WORDS}
        if progress:
            progress(total, total)
        table = np.array(units, dtype=np.int32)
        rows = passage_table(knowledge.passages, knowledge.documents, table)
        view = Knowledge(knowledge.documents, PassageView(rows, table, knowledge.documents), knowledge.warnings)
        few = len(unit_terms) <= small if small is not None else \
            len(unit_terms) <= SMALL and sum(map(len, unit_terms)) <= SMALL_TERMS
        names = list(number)
        return cls(view, table, engine(unit_terms, names, few), engine(passage_terms, names, few),
                   vocabulary, stems, abbreviations, rows, frozenset(lower))

    def columns(self) -> tuple[dict[str, np.ndarray], dict]:
        """The index as named arrays and a few small objects: what the cache writes."""
        arrays = {"units": self.unit_table, "passages": self.passage_table}
        meta = {"sources": [d.source for d in self.knowledge.documents], "vocabulary": self.vocabulary,
                "lower": self.lower, "stems": self.stems, "abbreviations": self.abbreviations,
                "small": isinstance(self.sentences, RankTable)}
        for name, table in (("sentences", sparse(self.sentences)), ("passage_terms", sparse(self.passages))):
            for field_name in ("offsets", "docs", "tfs", "norm", "idf"):
                arrays[f"{name}.{field_name}"] = getattr(table, field_name)
            meta[f"{name}.terms"] = list(table.terms)
            meta[f"{name}.k1"] = table.k1
        return arrays, meta

    @classmethod
    def from_columns(cls, arrays: dict[str, np.ndarray], meta: dict, documents: list[Document],
                     warnings: list[str]) -> Index:
        """The index :meth:`columns` gave, over the same documents (arrays may be memory-mapped)."""
        if meta["sources"] != [d.source for d in documents]:
            raise ValueError("the index was built from other files")
        engines = []
        for name in ("sentences", "passage_terms"):
            names = meta[f"{name}.terms"]
            table = BM25Table(dict(zip(names, range(len(names)))),
                              *(arrays[f"{name}.{f}"] for f in ("offsets", "docs", "tfs", "norm", "idf")),
                              meta[f"{name}.k1"])
            engines.append(RankTable.from_table(table) if meta["small"] else table)
        units, rows = arrays["units"], arrays["passages"]
        knowledge = Knowledge(documents, PassageView(rows, units, documents), list(warnings))
        return cls(knowledge, units, *engines, meta["vocabulary"], meta["stems"], meta["abbreviations"], rows,
                   meta["lower"])

    def idf(self, term: str) -> float:
        """Sentence-level IDF of a term; 0 for a term the knowledge never uses."""
        return self.sentences.idf_of(term)
