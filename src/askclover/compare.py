"""Comparisons: which of the two things a question names has more (or less) of a quantity."""
from __future__ import annotations

import re
from itertools import takewhile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .extract import DATE, QUANTITY, LazyPattern
from .model import Answer, Hit, Quote
from .retrieve import Query, understand
from .text import NUMBER_WORDS, STOP_WORDS, fold, lemmas, parts_of_speech, scale_end, stem, tokens

if TYPE_CHECKING:
    from .answer import Answerer

MORE = {"more": 1, "most": 1, "greater": 1, "greatest": 1, "less": -1, "least": -1, "fewer": -1, "fewest": -1}
SIDE = r"[\w’'./-]{1,40}+(?:\s++(?!(?:or|than|and|the|a|an|with|without|in|on|at|for|of|after|before|during|by|to|from)\b)[\w’'./-]{1,40}+){0,3}+"
ALTERNATIVES = LazyPattern(rf"(?:^|[,:;]|\b(?:between|the|a|an|is|was|did|does|do|has|had)\b)\s*+({SIDE})\s++or\s++"
                          rf"(?:the\s++|an?\s++)?+({SIDE})", re.I)  # "the man or the girl"
THAN = LazyPattern(r"^\s*+(?:is|are|was|were|did|does|do|has|have|had)\s++(?:the\s++|an?\s++)?+"
                  r"([\w’'./-]{1,40}(?:\s+[\w’'./-]{1,40}){0,3}?)\s+\S.*?"
                  rf"\bthan\s++(?:the\s++|an?\s++)?+({SIDE})", re.I)  # "did the guy get more … than the girl"
SEARCHED = 10  # sentences retrieved for each side
MAX_GAP = 120  # characters between a value and a word of what is measured, beyond which it does not count
BASE_FIT = 0.05  # a value of a sentence about the side that names nothing measured ("a 25-minute trip")
PAIRED_FIT = 1.0  # two values of a kind given side by side for the two sides ("$2.15 for breakfast and $3.60 for lunch")


@dataclass(frozen=True, slots=True)
class Comparison:
    """A question that compares two sides on a scale: the sides as asked, the measured words'
    stems, which end wins (1: the greater, -1: the lesser), the stems of the scale's adjective
    ("older": "old"), whether a number of the measured things is asked ("more doses"), and
    whether it asks yes or no ("did the man get more … than the girl?")."""

    sides: tuple[str, str]
    measured: frozenset[str]
    direction: int
    scale: frozenset[str] = frozenset()
    counted: bool = False
    yes_no: bool = False


@dataclass(frozen=True, slots=True)
class Value:
    """One side's quantity: the sentence it is in, its offsets in the file, its number and unit,
    and how near it the measured words are (each by its IDF, less with distance)."""

    hit: Hit
    start: int
    end: int
    number: float
    unit: str
    fit: float


def direction(word: str) -> int:
    """1 for a comparative or superlative of the greater end of a scale ("bigger", "longer",
    "more"), -1 for the lesser ("smaller", "fewer"), 0 for another word (WordNet, tools/lexicon.py)."""
    if word in MORE:
        return MORE[word]
    if not re.search(r"[a-z]{2}(?:er|est)$", word):
        return 0
    ends = {scale_end(b) for b in lemmas(word) if b != word} - {0}
    return ends.pop() if len(ends) == 1 else 0


def parse(question: str) -> Comparison | None:
    """The comparison a question asks for ("who got the bigger total dose, the man or the girl?"),
    or None when it names no two sides or no comparative."""
    m = ALTERNATIVES.search(question)
    than = m is None and (m := THAN.search(question)) is not None
    if not m:  # first: most questions offer no alternatives, and need no lexicon
        return None
    words = [fold(w) for w, _, _ in tokens(question)]
    word = next((w for w in words if direction(w)), "")
    scale = direction(word)
    if not scale:
        return None
    a, b = (re.sub(r"^(?:the|an?)\s+|\s+ones?$", "", s.strip(), flags=re.I) for s in m.groups())  # "the north one"
    if than:  # "did the guy get more …", "is the 20 mci group dose higher …": the subject, up to its verb
        first, *rest = question[m.start(1):m.start(2)].split()
        subject = [first, *takewhile(lambda w: "v" not in parts_of_speech(fold(w)) and not direction(fold(w)), rest)]
        a = " ".join(subject[:4])
    sides = {stem(w) for s in m.groups() for w, _, _ in tokens(s)}
    measured = {stem(w) for w in words if w not in STOP_WORDS and not direction(w)} - sides
    content = [[w for w, _, _ in tokens(x) if fold(w) not in STOP_WORDS] for x in (a, b)]
    if not all(content) or fold(a) == fold(b) or direction(fold(b.split()[0])):
        return None  # "was that more than …" names no side; "4 or more infusions" is one quantity
    adjective = frozenset(stem(b) for b in lemmas(word) if b != word) if word not in MORE else frozenset()
    after = takewhile(lambda w: w not in STOP_WORDS, words[words.index(word) + 1:words.index(word) + 3])
    counted = word in MORE and any("n" in parts_of_speech(w) for w in after)  # "more (earlier) treatments"
    return Comparison((a, b), frozenset(measured), scale, adjective, counted, than)


def number(text: str) -> float | None:
    """The first number of a quantity ("126.6 mCi" -> 126.6, "four doses" -> 4)."""
    m = re.search(r"\d+(?:[.,]\d+)*", text)
    if m:
        digits = m.group().replace(",", "")
        return float(digits) if digits.count(".") <= 1 else None
    word = next((NUMBER_WORDS[fold(w)] for w, _, _ in tokens(text) if fold(w) in NUMBER_WORDS), None)
    return float(word) if word else None


def trimmed(sentence: str, m: re.Match[str]) -> tuple[int, int]:
    """A quantity's number and what it counts, without the words QUANTITY reads on ("$260 million
    came from": "$260 million"; "2,416 students aged": "2,416 students")."""
    first = re.search(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", m.group(), re.I)
    end = m.end()
    for w in re.finditer(r"(?<!\S)[A-Za-z]+(?!\S)", m.group()[first.end():] if first else ""):
        word = fold(w.group())
        kinds = parts_of_speech(word)
        if word in STOP_WORDS or (kinds == "v") or (re.search(r"(?:ed|ing)$", word) and "v" in kinds):
            end = m.start() + first.end() + w.start()
            break
    return m.start(), m.start() + len(sentence[m.start():end].rstrip())


def unit(quantity: str) -> str:
    """What a quantity counts or measures in ("126.6 mCi": "mci", "$3.80": "$", "11.2 months":
    "month"), so that only values of one kind are compared."""
    m = re.search(rf"(\S*?)(?:\d[\d.,]*|\b(?:{'|'.join(NUMBER_WORDS)})\b)(\S*)\s*(\S*)", quantity, re.I)
    if m is None:
        return ""
    sign = re.sub(r"\w", "", m.group(1))
    return sign + stem(fold(m.group(2) or m.group(3)).strip("-"))


def mentions(side: Query, text: str) -> list[int]:
    """Where ``text`` names the side (each of its words, in a form the question allows or a
    related word the text uses: "guy": "man"); none unless it names all its words."""
    at: list[list[int]] = [[] for _ in side.concepts]
    for word in re.findall(r"\w+(?:-\w+)+", side.text):  # "follow-up" is not "followed"
        if not re.search(rf"\b{re.escape(word)}\b", text, re.I):
            return []
    for w, o, _ in tokens(text):
        t = stem(w)
        for k, c in enumerate(side.concepts):
            if any(t in alt for alt in c | side.kin_of(k)):
                at[k].append(o)
    return sorted(o for found in at for o in found) if at and all(at) else []


def apart(at: int, a: int, b: int) -> int:
    """Characters between a place of a sentence and the stretch [a, b) of it."""
    return abs(at - (a if at < a else b))


def owner(side: Query, other: Query, sentence: str, span: tuple[int, int], same: list[tuple[int, int]],
          before: str) -> float:
    """How surely the value at ``span`` of ``sentence`` is said of the side, not the other (0: it
    is not). A sentence naming both with two values of a kind gives them in the order it names
    them ("A costs $3.80, and B costs $1.90"), side by side: the surest; else the side named
    nearer it, or when the sentence names neither, the one named last before it."""
    mine, theirs = mentions(side, sentence), mentions(other, sentence)
    if mine and theirs and len(same) == 2:
        return PAIRED_FIT * ((same.index(span) == 0) == (mine[0] < theirs[0]))
    if mine or theirs:
        near = lambda found: min((apart(o, *span) for o in found),
                                 default=float("inf"))
        return BASE_FIT * (near(mine) < near(theirs))
    mine, theirs = mentions(side, before), mentions(other, before)
    return BASE_FIT * (bool(mine) and (not theirs or mine[-1] > theirs[-1]))


def values(reader: Answerer, search: Query, side: Query, other: Query, found: Comparison) -> list[Value]:
    """The quantities said of one side, each with how near it the measured words are; for
    "bigger dose" no count of doses ("four doses")."""
    out, measured, seen = [], found.measured | found.scale, set()
    for hit in reader.retriever.search(search, k=SEARCHED):
        passage = reader.index.knowledge.passages[hit.passage]
        doc = reader.doc(hit)
        at = [(stem(w), o) for w, o, _ in tokens(hit.text) if stem(w) in measured]
        dates = [d.span() for d in DATE.finditer(hit.text)]
        found_here = [q for q in map(lambda m: trimmed(hit.text, m), QUANTITY.finditer(hit.text))
                      if number(hit.text[q[0]:q[1]]) is not None and not any(a < q[1] and q[0] < b for a, b in dates)]
        for a, b in found_here:
            text = hit.text[a:b]
            kind = unit(text)
            same = [q for q in found_here if unit(hit.text[q[0]:q[1]]) == kind]
            s, e = hit.start + a, hit.start + b
            sure = owner(side, other, hit.text, (a, b), same, doc[passage.start:hit.start])
            if (s, e) in seen or not sure or not kind:  # a bare number ("6 to 1") measures nothing said
                continue
            seen.add((s, e))
            counted = re.match(r"\S+\s+(\w+)", text)  # "four doses": a number of doses
            if counted and stem(fold(counted.group(1))) in found.measured and not found.counted:
                continue
            if found.counted:  # "more therapies": a number of therapies
                own = re.split(r"\s+per\s|/", text)[0]  # "40 mCi/m² per dose" counts no doses
                kind = next(iter(sorted({stem(w) for w, _, _ in tokens(own)} & found.measured)), None)
                if kind is None:
                    continue
            fit = sure + sum(max(reader.index.idf(t) * (1 - apart(o, a, b) / MAX_GAP), 0.0)
                             for t, o in dict(sorted(at, key=lambda p: -abs(p[1] - a))).items())
            out.append(Value(hit, s, e, number(text), kind, fit))
    return nearest(out, side)


def nearest(found: list[Value], side: Query) -> list[Value]:
    """Of a sentence's values of one kind, the one nearest where it names the side ("Of the final
    $412 million, $260 million came from a federal … grant": $260 million for the grant), or
    where it does not name it, the one nearest what is measured."""
    def distance(v: Value) -> float:
        named = mentions(side, v.hit.text)
        at = (v.start - v.hit.start, v.end - v.hit.start)
        return min((apart(o, *at) for o in named), default=0.0)
    best: dict[tuple[int, int, str], Value] = {}
    for v in found:
        key = (v.hit.passage, v.hit.sentence, v.unit)
        if key not in best or (distance(v), -v.fit) < (distance(best[key]), -best[key].fit):
            best[key] = v
    return [v for v in found if best[(v.hit.passage, v.hit.sentence, v.unit)] is v]


def answer(reader: Answerer, question: str, query: Query, resolved: str) -> Answer | None:
    """The side that wins the comparison the question asks for, with both values and both sentences;
    an abstention naming the side the article gives no value for; None when it is no comparison
    or neither side's value is found."""
    found = parse(query.fixed_text)
    if found is None:
        return None
    measured = " ".join(sorted(found.measured | found.scale))
    named = [understand(s, reader.index) for s in found.sides]
    got = [values(reader, understand(f"{s} {measured}", reader.index), named[i], named[1 - i], found)
           for i, s in enumerate(found.sides)]
    if not got[0] and not got[1]:
        return None
    asked = [shown(query.fixed_text, s) for s in found.sides]
    pairs = sorted(((-x.fit - y.fit, k, x, y) for k, (x, y) in enumerate((x, y) for x in got[0] for y in got[1])
                    if x.unit == y.unit and (max(x.fit, y.fit) > BASE_FIT or not found.measured)),
                   key=lambda p: p[:2])  # values near no measured word ("a 40-year-old woman") answer nothing
    if not pairs:
        have = max((0, 1), key=lambda k: max((v.fit for v in got[k]), default=0.0))
        v = max(got[have], key=lambda v: v.fit)
        note = (f"The article doesn't say. It gives {said(reader, v)} for {asked[have]}, and nothing to compare "
                f"for {asked[1 - have]}." if v.fit > BASE_FIT else
                f"The article doesn't say: it gives no such value for {asked[0]} or {asked[1]}.")
        return Answer(question, False, None, (quote(reader, v),), resolved, note=note)
    _, _, x, y = pairs[0]
    first = (x.number - y.number) * found.direction > 0
    win, lose = (x, y) if first else (y, x)
    who, other = asked if first else asked[::-1]
    if x.number == y.number:
        text = f"The same: {said(reader, x)} for {asked[0]}, {said(reader, y)} for {asked[1]}"
    else:
        text = f"{who}: {said(reader, win)}, against {said(reader, lose)} for {other}"
        text = f"{'Yes' if first else 'No'} — {text}" if found.yes_no else text
    quotes = tuple(dict.fromkeys(quote(reader, v) for v in (win, lose)))
    return Answer(question, True, text[:1].upper() + text[1:], quotes, resolved, score=win.hit.score,
                  hits=(win.hit, lose.hit), passage=win.hit.passage, rests_on=len(quotes))


def shown(question: str, side: str) -> str:
    """A side as the question names it, with its article ("the man")."""
    m = re.search(rf"\b(?:the|an?)\s+(?={re.escape(side)})", question, re.I)
    return (m.group().lower() if m else "") + side


def said(reader: Answerer, v: Value) -> str:
    """A value as the article writes it."""
    return reader.doc(v.hit)[v.start:v.end]


def quote(reader: Answerer, v: Value) -> Quote:
    """The sentence a value is in, windowed around the value when long."""
    return reader.quote(v.hit, (v.start, v.end))
