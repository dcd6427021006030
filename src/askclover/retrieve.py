"""From a question to ranked sentences: typo repair, abbreviation expansion, BM25 scoring."""
from __future__ import annotations

import _thread
import os
import re
from bisect import bisect_left
from collections import Counter
import time
from dataclasses import dataclass, field

import numpy as np

from . import abbrev
from .index import Index
from .model import Hit
from .text import (MEASURES, STOP_WORDS, LazyPattern, edit_distance, english, english_near, lemmas, parts_of_speech, past_forms,
                   related_terms, stem, terms, tokens)

PASSAGE_WEIGHT = 0.4
MAX_SENTENCE = 2000  # characters of a sentence a question reads; a longer one is read in a window
MAX_SCAN = 50_000  # characters of a longer sentence searched for that window
READ_DEADLINE = 0.2  # seconds a question may be read for before the reader answers with what it has
CONTRACTED = ("t", "s", "re", "ve", "ll", "d", "m")  # "didn|t", "they|re"
SHARED_STEM = 6  # "colonist" and "coloni(es)" are one family; "countri" and "count" are not
MAX_ENGLISH_REPAIRS = 6  # non-words of a question looked up among all English words; the rest only among the text's
RELATED_WEIGHT = 0.3  # the words related to a question's word (WordNet: "boss", "chief"), together, against the word
WH_PHRASE = LazyPattern(rf"\bhow\s+(?:long|many|often|soon|{'|'.join(MEASURES)})\b|\b(?:ever\s+)?since\b", re.I)
FRAME_WORDS = frozenset(
    "kind type sort name names way ways happen happened happens mean means meaning called call "
    "example examples thing things give gave given whether exist exists stand stands abbreviation "
    "acronym abbreviate abbreviated define".split()
)


@dataclass(frozen=True, slots=True)
class Query:
    """A question as the index understands it.

    ``terms`` are weighted BM25 terms; ``concepts`` are the question's content words, each a set
    of alternatives (a stem, or several stems that must all occur, as for a long form); ``kin``
    holds, concept by concept, the text's words related to a noun the text lacks ("boss": "chief");
    a verb's relatives ("made": "built") are looser, and only weigh in retrieval.
    """

    text: str
    terms: tuple[tuple[str, float], ...]
    concepts: tuple[frozenset[tuple[str, ...]], ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    unknown: tuple[str, ...] = ()
    context: tuple[tuple[str, float], ...] = ()
    head: frozenset[str] = frozenset()
    kin: tuple[frozenset[tuple[str, ...]], ...] = ()
    forms: tuple[tuple[str, str], ...] = ()  # the corrections that are the text's form of the same word

    started: float = field(default_factory=time.monotonic, compare=False, repr=False)
    stems: frozenset[str] = field(init=False, compare=False, repr=False)
    fixed_text: str = field(init=False, compare=False, repr=False)
    said: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """The derived forms, computed once: every stem that satisfies one of the question's
        words, the question with its typos corrected, and the stems of the words it says."""
        fixed = re.sub(rf"\b(?:{'|'.join(re.escape(w) for w, _ in self.corrections)})\b", self._repair, self.text,
                       flags=re.I) if self.corrections else self.text
        object.__setattr__(self, "stems", frozenset(t for c in self.concepts for alt in c for t in alt))
        object.__setattr__(self, "fixed_text", fixed)
        own = {stem(w) for w, _, _ in tokens(fixed)}  # and the text's words of the same family ("make": "maker")
        object.__setattr__(self, "said", frozenset(own | {alt[0] for c in self.concepts for o in own & {a[0] for a in c}
                                                          for alt in c if len(alt) == 1
                                                          and len(os.path.commonprefix([o, alt[0]])) >= 4}))

    @property
    def repairs(self) -> tuple[tuple[str, str], ...]:
        """The corrections that repair a typo ("gurl": "girl"), not those giving the text's form
        of the same word ("leave": "leaves"): what "read as" shows."""
        return tuple(c for c in self.corrections if c not in self.forms)

    def _repair(self, m: re.Match[str]) -> str:
        """The correction of one mistyped word, matched as re.I matches it (the first listed)."""
        word = m.group()
        first = next((right for wrong, right in self.corrections if wrong == word.lower()), None)
        return first or next((right for wrong, right in self.corrections
                              if re.fullmatch(re.escape(wrong), word, re.I)), word)

    def late(self) -> bool:
        """Whether reading this question has taken longer than READ_DEADLINE seconds: then the
        reader answers with what it has."""
        return time.monotonic() - self.started > READ_DEADLINE

    @property
    def weights(self) -> dict[str, float]:
        """Each term's weight (the largest, if it came in twice)."""
        out: dict[str, float] = {}
        for t, w in self.terms:
            out[t] = max(w, out.get(t, 0.0))
        return out

    def kin_of(self, k: int) -> frozenset[tuple[str, ...]]:
        """The text's words related to the question's ``k``-th concept (counted less than it)."""
        return self.kin[k] if k < len(self.kin) else frozenset()

    @property
    def related(self) -> set[str]:
        """The question's stems plus those it borrowed from earlier turns."""
        return self.stems | {t for t, _ in self.context}


class Speller:
    """Typo repair against a vocabulary, via its words' one-letter deletions (SymSpell's idea),
    so a look-up costs a few dictionary probes instead of a scan of the whole vocabulary."""

    def __init__(self, vocabulary: Counter[str]) -> None:
        self.counts = vocabulary
        self.deletes: dict[str, list[str]] = {}
        for v in vocabulary:
            if len(v) >= 3 and v.isalpha() and v not in STOP_WORDS:
                for d in {v, *_deletions(v)}:
                    self.deletes.setdefault(d, []).append(v)

    def correct(self, word: str) -> str | None:
        """The closest vocabulary word (edit distance, then frequency), or None; each word
        looked up once (a long question repeats its typos)."""
        if len(word) < 4 or not word.isalpha():
            return None
        known = self.__dict__.setdefault("_corrected", {})
        if word not in known:
            known[word] = self._closest(word)
        return known[word]

    def _closest(self, word: str) -> str | None:
        limit = 1 if len(word) < 8 else 2
        probes = {word, *_deletions(word)}
        if limit == 2:
            probes |= {d2 for d in list(probes) for d2 in _deletions(d)}
        best: tuple[int, int, str] | None = None
        for v in {v for p in probes for v in self.deletes.get(p, ())}:
            d = edit_distance(word, v, limit)
            if d <= limit and (best is None or (d, -self.counts[v], v) < best):
                best = (d, -self.counts[v], v)
        return best[2] if best else None


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def kept(index: Index, name: str, make):
    """What ``make()`` builds from the index, built on first need and kept with it (the speller,
    the names by their initials …): a question that needs none of them pays for none."""
    value = index.__dict__.get(name)
    if value is None:
        value = index.__dict__[name] = make()
    return value


def correct(word: str, index: Index) -> str | None:
    """The vocabulary word closest to an unknown ``word``; the speller is made on first need."""
    return kept(index, "_speller", lambda: Speller(index.vocabulary)).correct(word)


def family(term: str, index: Index) -> list[str]:
    """Known stems of the same word family as an unknown one ("shrink" -> "shrinkag")."""
    if len(term) < 5 or not term.isalpha():
        return []
    known = kept(index, "_sorted_terms", lambda: sorted(index.sentences.terms))
    longer = known[bisect_left(known, term):bisect_left(known, term + "\uffff")]
    shorter = [term[:n] for n in range(1, len(term)) if term[:n] in index.sentences]
    return [t for t in sorted({*longer, *shorter})
            if t != term and min(len(t), len(term)) >= 0.7 * max(len(t), len(term))]


def misspelt(short: str, index: Index) -> list[str]:
    """Words the text uses once that are a defined short form with one letter slipped in
    ("zos" for "OS"): the article's own typos, so the value they label is still found."""
    return [stem(w) for w, n in index.vocabulary.items()
            if n == 1 and len(w) == len(short) + 1 and short in w and w not in STOP_WORDS
            and w.isalpha() and stem(w) in index.sentences]


def spelled_out(word: str, question: str, index: Index) -> str | None:
    """For a short form in capitals the text never uses (nor defines), the text's name it spells."""
    said = re.search(rf"\b{re.escape(word)}\b", question, re.I)
    if not (said and said.group().isupper() and 2 <= len(word) <= 6 and word.isalpha()):
        return None
    names = kept(index, "_initials", lambda: {k: v for d in reversed(index.knowledge.documents)  # the first file wins
                                               for k, v in abbrev.initials(d.text).items()})
    if word.lower() not in names:  # looked for once, in lower case: "chief operating officer"
        names[word.lower()] = next(filter(None, (abbrev.spelled_in_lower_case(word, d.text)
                                                 for d in index.knowledge.documents)), None)
    return names[word.lower()]


def past_form(word: str, index: Index) -> str | None:
    """The stem of the text's irregular past of a verb the text never uses ("find": "found"), where
    that stem is no other word's too ("found" is also "founded": then not)."""
    forms = [f for f in past_forms(word) if f in index.vocabulary]
    if not forms:
        return None
    t = stem(forms[0])
    others = kept(index, "_stem_counts", lambda: Counter(index.stems.values()))
    return t if others[t] <= 1 else None


WH_WORDS = ("what", "which", "when", "where", "who", "why", "how")


def inflected(word: str, index: Index) -> str | None:
    """The text's form of an English word it lacks in this form ("Frenchman": "Frenchmen")."""
    other = correct(word, index)
    return other if other and lemmas(other) & (lemmas(word) | {word}) else None


def repair(word: str, index: Index, english_too: bool = True) -> str | None:
    """The word a non-word was meant to be: the text's closest word, unless an English word is
    closer ("countrys" is "country", not the text's "counts"); None if nothing is near. Without
    ``english_too``, only the text's words are tried."""
    fixed = correct(word, index)
    if fixed and edit_distance(word, fixed, 1) <= 1:
        return fixed
    near = english_near(word) if len(word) >= 4 and english_too else []
    if fixed and any(stem(w) == stem(fixed) for w in near):
        return fixed  # "studys": the text's "studies", not "study"
    return next(iter(near), fixed)


def contraction(word: str) -> bool:
    """Whether a word is two small words run together, its apostrophe dropped ("didnt", "theyre")."""
    return any(word.endswith(end) and word[:-len(end)] in STOP_WORDS for end in CONTRACTED) \
        and word not in STOP_WORDS and not english(word)


def wh_typo(word: str) -> str | None:
    """The question word a mistyped first word stands for ("wat" -> "what", "hwo" -> "who", and
    "whats" -> "what is", its apostrophe dropped); never a real small word ("were", "wo")."""
    if word in STOP_WORDS or len(word) < 3 or not word.isalpha():
        return None
    if word.endswith("s") and word[:-1] in WH_WORDS:
        return f"{word[:-1]} is"
    return next((w for w in WH_WORDS if edit_distance(word, w, 1) <= 1), None)


def understand(question: str, index: Index, context: tuple[tuple[str, float], ...] = (),
               head: frozenset[str] = frozenset()) -> Query:
    """Weighted terms and concepts for ``question``: its words, repaired and expanded, plus ``context``."""
    known = index.sentences
    weighted: list[tuple[str, float]] = []
    concepts: list[set[tuple[str, ...]]] = []
    fixes: list[tuple[str, str]] = []
    forms: list[tuple[str, str]] = []
    unknown: list[str] = []
    kin: list[frozenset[tuple[str, ...]]] = []
    repairs = 0
    first = next(tokens(question), ("", 0, 0))[0]
    wh = wh_typo(first) if stem(first) not in known else None
    if wh:  # "wat is thrombocytopenia": the question word, mistyped
        fixes.append((first, wh))
    asked = WH_PHRASE.sub(" ", question)
    skip = {*STOP_WORDS, *FRAME_WORDS, *([first] if wh else [])}
    words = [w for w, _, _ in tokens(asked) if w and w not in skip and not contraction(w)]
    for w in words:
        t = stem(w)
        alternatives = {(t,)}
        near: list[tuple[str, ...]] = []
        long = spelled_out(w, question, index) if t not in known else None
        past = past_form(w, index) if t not in known else None
        if long:  # "AAA", never defined, spells "American Automobile Association"
            alternatives.add(tuple(terms(long)))
            weighted += [(x, 0.8) for x in terms(long)]
        elif past:  # "find": the text's "found"
            alternatives.add((past,))
            weighted.append((past, 0.8))
        elif t not in known and not w[:1].isdigit():
            if english(w):
                fixed = inflected(w, index)
                forms += [(w, fixed)] if fixed else []
            elif family(t, index):
                fixed = None
            else:
                fixed = repair(w, index, english_too=repairs < MAX_ENGLISH_REPAIRS)
                repairs += 1
            if fixed:  # "gurl": "girl"; "countrys": "country" (the text may lack it); "Frenchman": "Frenchmen"
                fixes.append((w, fixed))
                w, t = fixed, stem(fixed)
                alternatives = {(t,)}
            if t not in known:
                related = family(t, index)
                if english(w):  # its family: a long shared stem, or WordNet's relatives ("make", "maker")
                    kindred = [r for r in related_terms(t) if len(r) == 1 and r[0] in known]  # not "old man" anywhere
                    related = [r for r in related if len(os.path.commonprefix([r, t])) >= SHARED_STEM] \
                        + [r[0] for r in kindred if r[0].startswith(t) or t.startswith(r[0])]
                    near = [r for r in kindred if r[0] not in related]
                if not related:
                    unknown.append(w)
                for r in related:
                    alternatives.add((r,))
                    weighted.append((r, 0.8))
                weighted += [(x, RELATED_WEIGHT / len(near)) for r in near for x in r]  # together, a fraction of one
        weighted.append((t, 1.0))
        concepts.append(alternatives)
        kin.append(frozenset(near) if near and "n" in parts_of_speech(w) else frozenset())
    for short, long in index.abbreviations.items():
        short_terms, long_terms = tuple(terms(short)), tuple(terms(long))
        if not short_terms or not long_terms:
            continue
        stems = {t for c in concepts for alt in c for t in alt}
        if set(short_terms) <= stems:
            weighted += [(t, 0.8) for t in long_terms if t not in stems]
            for c in concepts:
                if (short_terms[0],) in c:
                    c.add(long_terms)
                    c.update((t,) for t in misspelt(short_terms[0], index))
        elif set(long_terms) <= stems:
            weighted += [(t, 0.8) for t in short_terms]
            weighted += [(t, 0.5) for t in misspelt(short_terms[0], index)]
            for c in concepts:
                if any(alt[0] in long_terms for alt in c if len(alt) == 1):
                    c.add(short_terms)
                    c.update((t,) for t in misspelt(short_terms[0], index))
    return Query(question, tuple(weighted) + context, tuple(frozenset(c) for c in concepts),
                 tuple(fixes), tuple(unknown), context, head, tuple(kin), tuple(forms))


class Retriever:
    """Ranks the sentences of a knowledge index against a question."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._buffers: dict[str, np.ndarray] = {}
        self._lock = _thread.allocate_lock()

    def _buffer(self, buffers: dict[str, np.ndarray], name: str, size: int, dtype: type = np.float64) -> np.ndarray:
        """A working array, kept between questions in ``buffers``."""
        array = buffers.get(name)
        if array is None or len(array) != size:
            array = buffers[name] = np.empty(size, dtype=dtype)
        return array

    def _scores(self, query: Query, buffers: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Every unit's sentence BM25, and its score: that plus a share of its passage's (both in
        working arrays that the next question overwrites)."""
        ix = self.index
        weights = query.weights
        units, passages = len(ix), len(ix.passages)
        scratch = self._buffer(buffers, "scratch", max(units, passages))
        sentence = ix.sentences.scores(weights, self._buffer(buffers, "sentence", units), scratch[:units])
        passage = ix.passages.scores(weights, self._buffer(buffers, "passage", passages), scratch[:passages])
        passage *= PASSAGE_WEIGHT
        total = np.take(passage, ix.unit_passages, out=self._buffer(buffers, "total", units), mode="clip")
        total += sentence
        return sentence, total

    def _ranked(self, query: Query, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The best ``k`` candidates' units and scores (and any tied with them), best first; the
        kept working arrays are used by one thread at a time, others get their own."""
        owner = self._lock.acquire(blocking=False)
        try:
            buffers = self._buffers if owner else {}
            sentence, total = self._scores(query, buffers)
            if k < 0:
                ids = np.flatnonzero(sentence != 0)
            else:
                ids = _best(sentence, total, k, self._buffer(buffers, "mask", len(total), np.bool_))
            scores = total[ids]
        finally:
            if owner:
                self._lock.release()
        order = np.lexsort((ids, -scores))
        return ids[order], scores[order]

    def score(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """Candidate units (those sharing a term with the query) and their scores, best first."""
        return self._ranked(query, -1)

    def search(self, question: str | Query, k: int = 5) -> list[Hit]:
        """The ``k`` best sentences for a question, best first (ties: the earlier sentence)."""
        query = question if isinstance(question, Query) else understand(question, self.index)
        ids, scores = self._ranked(query, k)
        return [self.hit(int(i), float(s), query) for i, s in zip(ids[:k], scores[:k]) if s > 0]

    def hit(self, unit: int, score: float, query: Query | None = None) -> Hit:
        """A Hit for one unit of the index; a sentence longer than MAX_SENTENCE characters, only
        the window of it that holds most of the query's words."""
        p, si, start, end = self.index.unit_table[unit].tolist()
        source = self.index.source(p)
        doc = self.index.knowledge.text_of(source)
        start, end = window(doc, start, end, query) if end - start > MAX_SENTENCE else (start, end)
        return Hit(p, si, source, start, end, doc[start:end], score)


def _best(sentence: np.ndarray, total: np.ndarray, k: int, mask: np.ndarray, step: int = 16) -> np.ndarray:
    """The candidates (sentence score not 0) that may be among the ``k`` best totals, ties
    included: those at or above the k-th best total of every ``step``-th candidate, which at
    least ``k`` candidates reach. All candidates when the sample is too small."""
    if k < 1:
        return np.flatnonzero(mask[:0])
    sample = total[::step][sentence[::step] != 0]
    if len(sample) < k:
        return np.flatnonzero(np.not_equal(sentence, 0, out=mask))
    floor = np.partition(sample, len(sample) - k)[len(sample) - k]
    ids = np.flatnonzero(np.greater_equal(total, floor, out=mask))
    return ids[sentence[ids] != 0]


def window(doc: str, start: int, end: int, query: Query | None, limit: int = MAX_SENTENCE) -> tuple[int, int]:
    """The stretch of at most ``limit`` characters of ``doc[start:end]``, from a word's start to
    a word's end (but in a very long word), that holds the most words starting with the query's stems (the first such),
    looked for in the sentence's first MAX_SCAN characters."""
    stems = sorted({t for t in (query.weights if query is not None else ()) if t}, key=len, reverse=True)
    found = re.compile(rf"\b(?:{'|'.join(map(re.escape, stems))})", re.I) if stems else None
    points = [m.start() for m in found.finditer(doc, start, min(end, start + MAX_SCAN))] if found else []
    best, most = start, -1
    for i, a in enumerate(points or [start]):
        n = bisect_left(points, a + limit) - i
        if n > most:
            best, most = a, n
    stop = min(end, best + limit)
    cut = doc.rfind(" ", best, stop) if stop < end else stop
    return best, cut if cut > best + limit // 2 else stop  # within a word longer than half the window: cut it
