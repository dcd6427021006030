"""Turning text into index terms: tokens with offsets, case-folding, stop words, stems."""
from __future__ import annotations

import importlib.util
import os
import re
import sys
import types
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate


class LazyPattern:
    """A regular expression compiled on first use (start-up is a feature: a one-shot question
    uses few of them); each attribute looked up is then kept, so later uses cost nothing extra."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self.flags), name)
        setattr(self, name, value)
        return value


TOKEN = LazyPattern(r"\w++(?:[.,]\d++)*+", re.UNICODE)
TOKEN_SPLIT = LazyPattern(rf"({TOKEN.pattern})", re.UNICODE)

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren as at be because been before
    being below between both but by can could did didn do does doesn doing don down during each
    few for from further had hadn has hasn have haven having he her here hers herself him himself
    his how i if in into is isn it its itself just let me more most my myself nor of off on once
    only or other our ours ourselves out over own same shan she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up
    upon very was wasn we were weren what when where which while who whom whose why will with
    won would you your yours yourself yourselves s t d ll m o re ve y also get got tell say said
    does did done many much must might shall already else still ones""".split()
)

MEASURES = ("much", "large", "big", "high", "far", "old", "tall", "heavy", "low", "small", "wide", "deep", "fast",
            "close", "near", "hot", "cold", "bright")  # "how much", "how fast": a measure is asked

NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(thirty="30", forty="40", fifty="50", sixty="60", seventy="70",
                    eighty="80", ninety="90", hundred="100", thousand="1000", million="1000000")
ORDINAL_WORDS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th"}


def fold(word: str) -> str:
    """Case- and compatibility-fold a word: ``mCi`` -> ``mci``, ``m²`` -> ``m2``."""
    return unicodedata.normalize("NFKC", word).casefold()


def _forwarding(name: str, *names: str) -> types.ModuleType:
    """A stand-in for module ``name`` whose attributes import the real module on first use."""
    def forward(attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(importlib.import_module(name), attr)

    module = types.ModuleType(name)
    module.__getattr__ = forward  # type: ignore[method-assign]
    for attr in names:
        setattr(module, attr, lambda *a, _attr=attr, **k: getattr(importlib.import_module(name), _attr)(*a, **k))
    return module


@lru_cache(maxsize=1)
def _stemmer():
    """nltk's Porter stemmer, loaded without running ``nltk/__init__`` (0.2 s of imports we do
    not use) when nltk is not imported yet, and without ``nltk.redos`` (the third-party ``regex``
    package) and ``nltk.termsec``, which only its ``demo()`` uses; the stand-ins are removed after."""
    if "nltk" not in sys.modules:
        spec = importlib.util.find_spec("nltk")
        if spec and spec.submodule_search_locations:
            root = list(spec.submodule_search_locations)[0]
            stubs = {"nltk": root, "nltk.stem": os.path.join(root, "stem")}
            for name, path in stubs.items():
                module = types.ModuleType(name)
                module.__path__ = [path]
                sys.modules[name] = module
            sys.modules["nltk.redos"] = _forwarding("nltk.redos")
            sys.modules["nltk.termsec"] = _forwarding("nltk.termsec", "safe_print")
            try:
                from nltk.stem.porter import PorterStemmer

                return PorterStemmer()
            except Exception:
                pass  # a future nltk may need its package set up: fall back to the plain import
            finally:
                for name in [n for n in sys.modules if n == "nltk" or n.startswith("nltk.")]:
                    del sys.modules[name]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


_KNOWN: dict[str, str] = {}


def remember(stems: dict[str, str]) -> None:
    """Seed the stem cache with stems computed earlier (from a cached index), so a question in
    known words needs no stemmer at all."""
    _KNOWN.update(stems)


def stem(word: str) -> str:
    """The Porter stem of a folded word; numbers and number words become digits."""
    known = _KNOWN.get(word)
    if known is None:
        known = _KNOWN[word] = _stem(word)
    return known


def _lines(name: str) -> list[str]:
    """The lines of one of askclover's data tables (none if it is missing)."""
    path = os.path.join(os.path.dirname(__file__), "data", name)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except OSError:
        return []


def _pairs(name: str) -> list[tuple[str, str]]:
    """The tab-separated word pairs of one of askclover's data tables."""
    return [(a, b) for a, tab, b in (line.partition("\t") for line in _lines(name)) if tab]


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    return dict(_pairs("units.tsv"))


def is_length(word: str) -> bool:
    """Whether a word names a unit of length ("kilometres", "foot"), from WordNet 3.0 (tools/lexicon.py)."""
    return _units().get(stem(fold(word))) == "l"


def is_unit(word: str) -> bool:
    """Whether a word names a unit of measure other than time ("litres", "shillings", "miles")."""
    return stem(fold(word)) in _units()


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    """Irregular forms and their base words ("began" -> "begin", "children" -> "child"), from
    WordNet 3.0's exception lists (tools/irregular_forms.py)."""
    return dict(_pairs("irregular.tsv"))


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each first word of ``pairs`` with all the second words it is paired with (made into a set
    only when looked up: most of a table is never asked for)."""
    table: dict[str, list[str]] = {}
    for a, b in pairs:
        table.setdefault(a, []).append(b)
    return table


@lru_cache(maxsize=1)
def _homographs() -> dict[str, list[str]]:
    return _grouped([(base, form) for form, base in _pairs("homographs.tsv")])


def past_forms(word: str) -> frozenset[str]:
    """A verb's irregular forms that are words of their own too ("find" -> "found", "leave" ->
    "left"): kept out of stemming ("found" also stems "founded"), but in a sentence already
    chosen, a question's "find" may be read as the text's very word "found"."""
    return frozenset(_homographs().get(word, ()))


@lru_cache(maxsize=1)
def _opposites() -> dict[str, list[str]]:
    return _grouped(_pairs("antonyms.tsv"))


def opposites(term: str) -> frozenset[str]:
    """Stems of the words opposite in meaning to the stem ``term`` ("increas" -> "decreas"),
    from WordNet 3.0's antonyms (tools/antonyms.py)."""
    return frozenset(_opposites().get(term, ()))


@lru_cache(maxsize=1)
def _scales() -> dict[str, str]:
    return dict(_pairs("scales.tsv"))


def scale_end(adjective: str) -> int:
    """1 for an adjective naming the greater end of its scale ("big", "long"), -1 the lesser
    ("small", "short"), 0 if WordNet pairs it with no opposite on a scale (tools/lexicon.py)."""
    return {"+": 1, "-": -1}.get(_scales().get(adjective, ""), 0)


def _packed(name: str) -> str:
    """The text of one of askclover's gzipped data tables ("" if it is missing)."""
    import gzip

    try:
        with open(os.path.join(os.path.dirname(__file__), "data", name), "rb") as f:
            return gzip.decompress(f.read()).decode("utf-8")
    except OSError:
        return ""


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """English words and their parts of speech (n v a r), irregular forms too ("ran": v), from
    WordNet 3.0 (tools/lexicon.py); read on the first question word an article lacks."""
    fields = iter(_packed("words.tsv.gz").split())
    return dict(zip(fields, fields))


VOWELS = "aeiou"


def _inflected(lemma: str, kinds: str) -> set[str]:
    """The regular inflections of a lemma: plurals and verb forms, comparatives."""
    out = set()
    if kinds.strip("ar"):  # a noun or a verb: -s
        if "n" in kinds and lemma.endswith("man"):
            out.add(lemma[:-3] + "men")
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            out.add(lemma + "es")
        elif len(lemma) > 1 and lemma[-1] == "y" and lemma[-2] not in VOWELS:
            out.add(lemma[:-1] + "ies")
        else:
            out |= {lemma + "s", lemma + "es"}
    if "v" in kinds:
        bare = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        out |= {bare + "ing", lemma + "ing"}
        if len(lemma) > 1 and lemma[-1] == "y" and lemma[-2] not in VOWELS:
            out.add(lemma[:-1] + "ied")
        else:
            out.add(lemma + ("d" if lemma.endswith("e") else "ed"))
    if "a" in kinds:
        base = lemma[:-1] + "i" if len(lemma) > 1 and lemma[-1] == "y" and lemma[-2] not in VOWELS else lemma
        base = base[:-1] if base.endswith("e") else base
        if len(lemma) > 1 and lemma[-1] in "bdglmnpt" and lemma[-2] in VOWELS \
                and (len(lemma) == 2 or lemma[-3] not in VOWELS):  # "big": "bigger", "hot": "hottest"
            base += lemma[-1]
        out |= {base + "er", base + "est"}
    return out


def parts_of_speech(word: str) -> str:
    """The parts of speech (n v a r) a folded word may be, itself or as a regular inflection
    ("stands": n v; "quieter": a); "" for a word WordNet lacks."""
    return _entry(word)[0]


def frequency(word: str) -> int:
    """How often WordNet's sense-tagged texts use a folded word (its lemma's count; 0 if rare)."""
    return _entry(word)[1]


def lemmas(word: str) -> set[str]:
    """The lemmas a folded word is, or is a regular inflection of ("higher": "high", "higher")."""
    return _entry(word)[2]


def _entry(word: str) -> tuple[str, int, set[str]]:
    known = _lexicon()
    found, count, bases_found = set(), 0, set()
    for w in {word, american(word)}:
        bases = [(w, None)] + [(b, w) for cut in range(1, min(4, len(w) - 1))
                               for b in {w[:-cut], w[:-cut] + "e", w[:-cut] + "y", w[:-cut] + "an"}]
        for base, form in bases:
            entry = known.get(base)
            if not entry:
                continue
            kinds = entry.rstrip(DIGITS)
            if form is not None:
                kinds = "".join(k for k in kinds if form in _inflected(base, k))
            if kinds:
                found.update(kinds)
                bases_found.add(base)
                count = max(count, int(entry[len(entry.rstrip(DIGITS)):] or 0))
    return "".join(sorted(found)), count, bases_found


DIGITS = "0123456789"


def english(word: str) -> bool:
    """Whether a folded word is English (a WordNet word or its form, a small word or a number):
    a word the article lacks that is English says something; it is no typo."""
    if not word.isalpha() or word in STOP_WORDS or word in NUMBER_WORDS or word in ORDINAL_WORDS:
        return True
    return bool(parts_of_speech(word))


LONGEST_ENGLISH = 30  # letters: a longer non-word is no typo of an English word, and is not searched


def english_near(word: str) -> list[str]:
    """The English words one edit (a letter dropped, added, changed or two swapped) from a
    folded non-word ("gurl": "girl", "curl", …), the most used first."""
    if len(word) > LONGEST_ENGLISH + 1:
        return []
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} \
        | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters}
    return sorted((e for e in edits - {word} if len(e) > 2 and english(e)), key=lambda e: (-frequency(e), e))


@lru_cache(maxsize=1)
def _related() -> str:
    return "\n" + _packed("related.tsv.gz")


def related_terms(term: str) -> tuple[tuple[str, ...], ...]:
    """Stems related in meaning to the stem ``term`` (synonyms, derived words, one step more
    general or more specific, a relational adjective's gloss words: "boss" -> "chief", …),
    each as the stems of its words, from WordNet 3.0 (tools/lexicon.py)."""
    line = _line(_related(), term)
    return tuple(tuple(w.split("+")) for w in line.split()) if line else ()


def _line(table: str, key: str) -> str:
    """What follows ``key`` and a tab on its line of ``table`` (lines each after a "\n", sorted
    by their first field), found by bisection; "" if no line has that key."""
    lo, hi = 0, len(table)  # the line's "\n" is in [lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        at = table.rfind("\n", lo, mid + 1)
        if at < 0 and (at := table.find("\n", mid, hi)) < 0:
            return ""
        tab = table.find("\t", at + 1)
        found = table[at + 1:tab]
        if found == key:
            end = table.find("\n", tab)
            return table[tab + 1:end if end >= 0 else len(table)]
        lo, hi = (at + 1, hi) if found < key else (lo, at)
    return ""


NEGATING = LazyPattern(r"(?:dis|un|in|im|il|ir|non|mis)")


def opposed(a: str, b: str) -> bool:
    """Whether two words of an opposite pair are used as opposites: both can be adjectives or
    adverbs (the pairs' own parts), they are opposite verbs too, or one negates the other by a
    prefix; "stand" (for) is no "standing" against the text's "ran"."""
    if any(x.endswith(y) and NEGATING.fullmatch(x[:len(x) - len(y)]) for x, y in ((a, b), (b, a))):
        return True
    if stem(b) in _opposite_verbs().get(stem(a), ()):
        return True
    return all(set(parts_of_speech(w)) & {"a", "r"} for w in (a, b))


@lru_cache(maxsize=1)
def _opposite_verbs() -> dict[str, frozenset[str]]:
    return _grouped(_pairs("opposite_verbs.tsv"))


def _stem(word: str) -> str:
    word = _irregular().get(word, word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    if not word.isalpha():
        return word
    return _stemmer().stem(american(word))


BRITISH = ((re.compile(r"(?<=\w\w\w)is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # organise -> organize
           (re.compile(r"(?<=\w\w\w)our(s|ed|ing|ite|ites|able)?$"), r"or\1"),  # favour -> favor
           (re.compile(r"(?<=\w\w)([tb])re(s)?$"), r"\1er\2"))  # centre -> center, theatre -> theater


def american(word: str) -> str:
    """One spelling for British and American forms, so "patronised" finds "patronized"."""
    if "is" not in word and "our" not in word and "re" not in word[-4:]:
        return word  # none of the patterns can match: the common case, without three searches
    for pattern, repl in BRITISH:
        word = pattern.sub(repl, word)
    return word


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(folded word, start, end)`` for every word and number in ``text``."""
    if len(text) <= MEMO_TOKENS:  # a question or a sentence, read by many features: found once
        return iter(_tokens(text))
    return _scan(text)


MEMO_TOKENS = 2000  # characters: the texts whose tokens are remembered (the last 4,096 of them)


def _scan(text: str) -> Iterator[tuple[str, int, int]]:
    return zip(*columns(text))


def columns(text: str) -> tuple[list[str], list[int], list[int]]:
    """The folded words of ``text``, their starts and their ends, as three lists: the text is
    folded whole and scanned once; only words with a character that folds apart from its case
    ("_", "²", "ﬁ") are folded on their own."""
    whole = text.casefold()
    odd = {"_"} if "_" in text else set()
    if not text.isascii():
        odd.update(c for c in set(text) if c > "\x7f" and unicodedata.normalize("NFKC", c) != c)
    if len(whole) != len(text) or not text.isascii() and not unicodedata.is_normalized(
            "NFKC", text.translate(dict.fromkeys(map(ord, odd), " ")) if odd else text):
        found = [(fold(m.group()).replace("_", ""), m.start(), m.end()) for m in TOKEN.finditer(text)]
        return [w for w, _, _ in found], [a for _, a, _ in found], [b for _, _, b in found]
    parts = TOKEN_SPLIT.split(whole)  # gap, word, gap, word … gap
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    for c in odd:
        at = text.find(c)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < ends[i]:
                words[i] = fold(text[starts[i]:ends[i]]).replace("_", "")
            at = text.find(c, at + 1)
    return words, starts, ends


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_scan(text))


def terms(text: str) -> list[str]:
    """The index terms of ``text``: folded, stop words dropped, stemmed."""
    return [stem(w) for w, _, _ in tokens(text) if w and w not in STOP_WORDS]


def is_content(word: str) -> bool:
    """True for a folded word that carries meaning (not a stop word)."""
    return bool(word) and word not in STOP_WORDS


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
