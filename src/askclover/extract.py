"""The reader: what a question asks for, the span of a sentence that answers it, and when to abstain."""
from __future__ import annotations

import math
import os
import re
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache

from . import verdict
from .index import Index
from .model import Hit, QuestionType
from .retrieve import Query
from .text import (MEASURES, LazyPattern, NUMBER_WORDS, ORDINAL_WORDS, STOP_WORDS, edit_distance, fold, is_length,
                   is_unit, opposed, opposites, past_forms, related_terms, stem, tokens)

Q = QuestionType


WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
TIME_UNITS = "second minute hour day week month year decade century centuries".split()
_NUM_WORD = "|".join(sorted([*NUMBER_WORDS, *ORDINAL_WORDS, "dozen", "dozens", "half", "several", "hundreds",
                             "thousands", "millions", "billion", "billions"], key=len, reverse=True))
NUMBER = rf"(?:\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|(?:{_NUM_WORD})\b)"
MODIFIER = (r"(?:(?:more|less|fewer|greater|higher|lower) than|at least|at most|about|approximately|"
            r"nearly|almost|around|over|under|up to|roughly|some|only|just|exactly|an? estimated)")
UNIT = r"(?:[%‰]|[A-Za-zµμ]+(?:-[A-Za-z]+)*(?:/[A-Za-z0-9²³]+)?[²³]?)"
QUANTITY = LazyPattern(
    rf"(?:\b{MODIFIER}\s+)?(?<![\w.-])(?:(?:[A-Z]{{1,3}})?[$€£¥]\s?)?{NUMBER}(?:\s*(?:-|–|to|and|or)\s*{NUMBER})?"
    rf"(?:-(?:[a-z]+-)*[a-z]+\b|\s*{UNIT}(?:\s+(?!(?:of|and|or|the|a|an|in|to|for|at|on|by|with|was|were|is|are|now|"
    rf"then)\b)[a-z]+(?:-[a-z]+)*){{0,2}})?",
    re.IGNORECASE,
)
FRACTIONS = "half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
FRACTION = LazyPattern(rf"(?:\b{MODIFIER}\s+)?(?<![\w-])(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
                       rf"(?:{FRACTIONS})|(?:{FRACTIONS})(?=\s+of\s))(?![\w-])", re.I)  # "about a third", "Half of"
RATE = LazyPattern(rf"\s{{1,3}}+(?:a|an|per|each|every)\s{{1,3}}+(?:{'|'.join(TIME_UNITS)})s?\b", re.I)
FREQUENCY = LazyPattern(  # "every 12 minutes", "twice a week", "three times a year", "14 days apart", "weekly"
    rf"(?:\b(?:no\s+more\s+than|no\s+less\s+than|at\s+least|at\s+most|up\s+to|about|roughly|around)\s+)?"
    rf"(?<![\w.,-])(?:(?:every|each)\s+(?:other\s+|few\s+)?(?:{NUMBER}\s+)?(?:{'|'.join(TIME_UNITS)}|fortnight)s?|"
    rf"(?:once|twice|thrice|{NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+(?:{'|'.join(TIME_UNITS)}|fortnight)|"
    rf"{NUMBER}\s+(?:{'|'.join(TIME_UNITS)})s?\s+apart|(?:hourly|daily|weekly|fortnightly|monthly|quarterly|yearly|annually))\b",
    re.I)
TIME_STEMS = frozenset(stem(u) for u in [*TIME_UNITS, "time"])
ORDINAL_NAMES = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                 "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
                 "twentieth twenty-first").split()
CLOCK = r"(?<![\w:.])(?:\d{1,2}(?::[0-5]\d)?\s?[ap]\.?m\b\.?|(?:[01]?\d|2[0-3]):[0-5]\d(?![\w:]))"  # "10:30 a.m.", "18:45"
DAY = rf"(?:{'|'.join(w.title() for w in WEEKDAYS)})s?"  # "Tuesday", "Sundays"
DATE = LazyPattern(
    rf"\b(?:(?:(?-i:{DAY}),?\s+)?"  # "Monday, 12 May 2025"
    rf"(?:(?:{'|'.join(MONTHS)})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}|"
    rf"\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\.?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?-i:{'|'.join(m.title() for m in MONTHS[:12])})|"  # "14 March"
    rf"(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)|"
    rf"(?:(?:early|late|mid|the)[\s-]+)?\d{{1,2}}(?:st|nd|rd|th)(?:\s+(?:and|or|to)\s+\d{{1,2}}(?:st|nd|rd|th))?\s+centur(?:y|ies)|"
    rf"(?-i:{DAY}(?:\s+(?:to|through|and)\s+{DAY})?|"
    rf"{'|'.join(m.title() for m in MONTHS[:12])})|"  # "Tuesday to Sunday"
    rf"(?:(?:early|late|mid|the)[\s-]+)?(?:{'|'.join(ORDINAL_NAMES)})\s+centur(?:y|ies)|"
    rf"(?:the\s+)?\d{{3,4}}s|(?<![\w./-])(?:1\d|20)\d\d(?:\s*(?:-|–|to|and)\s*\d{{2,4}})?)\b|{CLOCK}",
    re.IGNORECASE,
)
CAP_WORD = r"[A-Z][\w’'.-]*+"  # a capitalised word: "O’Brien", "U.S.", "Skłodowska-Curie"
COPULA = r"(?:is|are|was|were)"
CAPITALISED = LazyPattern(
    rf"(?:{CAP_WORD}|(?<!\d)\d++[A-Z][\w-]*+)(?:\s++(?:(?:of|de|du|von|van|der|the|and|&|for|on|la|le|v\.?)\s++)*+"
    rf"(?:{CAP_WORD}|\d\w*+))*+"
)
WH = r"(?:what|which|who|whom|whose|when|where|why|how)"  # the question words
ASKS_ATTRIBUTE = LazyPattern(r"\s*what\s+(?:is|was|are|were)\s+(?:(?:the|its|their|his|her)\s+[\w-]+(?:\s+[\w-]+)?\s+of\b|"
                            r".+?[’']s\s+[\w-]+\W*$)", re.I)  # "the goal of the study", "the study's goal"
WHO_IS_NAME = LazyPattern(rf"\s*(?:(?i:who(?:\s+{COPULA}|[’']s))\s+(?:{CAP_WORD}\s*+(?:(?:the|of|de|von|van)\s++)?)+|"
                         r"(?i:what\s+(?:is|was))\s+(?:[A-Z][\w.-]*+\s++)*[A-Z][\w.-]*+[’']s?\s+(?i:role|position|title|job))\??\s*$")
DEFINE = LazyPattern(r"\s*(?:what\s+(?:(?:kind|type|sort)\s+of\s+[\w-]+\s+)?(?:is|are|was|were)\s+(?!the\s+\w+\s+of\b)|"
                    r"what\s+(?:does|do)\s+\S+(?:\s+\S+)?\s+mean\b|define\b)", re.I)
OBJECT_QUESTION = LazyPattern(r"\s*(?:(?:who|whom|where|which\s+[\w-]+)\s+(?:did|does|do|had|has|have|will|would|could|can)\s|"
                             r"where\s+(?:is|are|was|were)\s+.+\w(?:ed|en|wn)\b)", re.I)
SCALE_WORDS = frozenset("hundred thousand million billion trillion percent per cent".split())
MEASURE_FIT = 1.0  # a how-much answer with a unit, against a count of things
DIMENSION = LazyPattern(rf"\s*how\s+(?:{'|'.join(m for m in MEASURES if m not in ('much', 'old'))})\b", re.I)
COUNTED_FIT = 1.0  # a how-many-X answer that counts X, against a count of something else
TITLED_FIT = 1.0  # a name whose last word is the asked noun, against other names
OBJECT_FIT = 1.0  # the name right after the question's words: "fled to southern Italy"
AGENT_FIT = 1.6  # the asked verb's subject: the name before it, or after its "by"
BODIES = frozenset(stem(w) for w in "company companies organization organisation firm agency institution".split())
MAX_CONTEXT = 10_000  # characters of a long passage read around a sentence as its context
MAX_OCCURRENCES = 20  # clauses, or mentions of the question's subject, a sentence is read at for a phrase
MAX_READ = 2000  # characters of a sentence the reader looks for a span in (a longer one: a window of it)
NAME_DATES = 1.5  # 1.0–1.5 alike on both sets; 2.0 costs an answer
LIFE = frozenset(stem(w) for w in "born birth die died death dead live lived life lifetime".split())
PLACE_UNPLACED = 0.3  # a place is named after 'in', 'at', 'to' …; a name without one, less likely
LOCATIVE = LazyPattern(r"\b(?:in|at|near|from|to|into|across|throughout|outside|inside|within|between|along|around|"
                       r"of|on|off|towards?|beyond|via)\s+(?:[a-z-]+\s+){0,2}$", re.I)  # "to southern ", "at the "
PAIR_MARGIN = 1.0  # two names closer than this in score are both shown ...
PAIR_GAP = 0.3  # ... when this far ahead of the third,
PAIR_SPAN = 60  # and no further apart (characters)
ARTICLES = frozenset("a an the".split())
AUXILIARIES = frozenset("is are was were did do does has have had can could will would should may might".split())


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate answer inside a sentence, with the evidence for it."""

    start: int
    end: int
    score: float
    margin: float = 9.0


def defines(question: str) -> bool:
    """True for a question that asks what a thing is or who a named person is (not what it is
    "studied for": that is a blank to fill)."""
    blank = BLANK.match(question)
    return bool(DEFINE.match(question) or WHO_IS_NAME.match(question)) and not (blank and blank.group(2))


def cased(question: str, index: Index) -> str:
    """The question with a capital on each word the knowledge writes only with one ("who is dr
    amsel": "who is Dr Amsel"), as its reader would write the names; not on a function word
    ("The" opening every sentence) nor on a short form the text defines ("PFS")."""
    shorts = {fold(k) for k in index.abbreviations}
    return LOWER_RUN.sub(lambda m: m.group().capitalize() if m.group() in index.vocabulary
                         and m.group() not in index.lower and m.group() not in STOP_WORDS
                         and m.group() not in shorts else m.group(), question)


LOWER_RUN = LazyPattern(r"(?<![\w'’-])[a-z]++(?![\w'’-])")


def classify(question: str, abbreviations: dict[str, str] | None = None) -> QuestionType:
    """What the question asks for, read from its first wh-word and the words after it."""
    words = re.findall(r"[\w'-]+", fold(question))
    if not words:
        return Q.DESCRIPTION
    text = " ".join(words)
    if re.search(r"\bstand for\b|\bshort for\b|\babbreviation\b|\bacronym\b|\bfull (?:name|form)\b", text):
        return Q.DEFINITION
    m = re.match(r"(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?([\w-]+)$|what\s+does\s+([\w-]+)\s+mean$", text)
    if m and abbreviations and any(fold(s) in m.groups() for s in abbreviations):
        return Q.DEFINITION
    # "When Japanese companies introduced trucks, what policy ended?" asks "what"
    clause = re.match(rf"\s*(?:when|where|while|if|once)\b[^,?]*,\s*(?={WH}\b)", question, re.I)
    if clause:
        text = " ".join(re.findall(r"[\w'-]+", fold(question[clause.end():])))
    wh = re.match(r"(?:(?:in|on|at|by|for|from|to|during|of|after|before|and|so|but)\s+)?"
                  rf"({WH})\b(.*)", text)
    if not wh and words[0] not in AUXILIARIES:
        wh = [m for m in re.finditer(rf"\b({WH})\b(.*)", text)]
        wh = wh[-1] if wh else None
    if not wh:
        if words[0] in AUXILIARIES:
            return Q.YESNO
        return Q.LIST if words[0] == "list" else Q.DESCRIPTION
    word, rest = wh.group(1), wh.group(2).split()
    nxt = rest[0] if rest else ""
    noun = " ".join(rest[:2])
    if word == "how":
        if nxt == "many":
            return Q.COUNT
        if nxt in ("long", "often", "frequently") or rest[:2] == ["far", "apart"]:  # "how often": every 14 days
            return Q.DURATION
        if nxt in MEASURES:
            return Q.AMOUNT
        return Q.DESCRIPTION
    if word == "when":
        return Q.DATE
    if word == "where":
        return Q.PLACE
    if word in ("who", "whom", "whose"):
        group = word == "who" and re.match(r"(?:are|were)\s+the\s+[a-z]+s\b", " ".join(rest[:3])) \
            and not re.search(r"\w(?:ed|en)\b", " ".join(rest[3:]))  # "who are the patients": a group
        return Q.DESCRIPTION if WHO_IS_NAME.match(question) or group else Q.PERSON
    if word in ("what", "which"):
        if re.match(r"(?:(?:total|average|exact|approximate)\s+)?(?:dose|amount|percent|percentage|proportion|size|rate|price|cost|number|quantity)\b", noun):
            return Q.COUNT if nxt in ("number",) else Q.AMOUNT
        if re.match(r"(?:is|are|was|were)\s+the\s+(?:total\s+)?number\s+of\b", " ".join(rest[:5])):
            return Q.COUNT  # "What is the number of constituency MSPs?" asks how many
        if re.match(r"(?:years?|dates?|months?|days?|decades?|century|centuries|times?|eras?|periods?)\b", noun):
            return Q.DATE
        if re.match(r"(?:country|countries|city|cities|place|region|state|continent|town|location|area|island|river)\b", noun):
            return Q.PLACE
        if re.match(r"(?:company|person|people|organi[sz]ation|group|firm|man|woman|king|queen|leader|agency|president|ruler|author)\b", noun):
            return Q.PERSON
        if re.match(r"(?:were|are) the\b", noun) and re.search(r"s\b", " ".join(rest[2:4])):
            return Q.LIST
    return Q.DESCRIPTION


def _tidy(doc: str, s: int, e: int) -> tuple[int, int]:
    """Cut a quantity before the first word after its number that cannot be part of it
    (a function word, a verb in -ed/-ing, an adverb in -ly), and drop a dangling "per"."""
    seen_number = worded = False
    before = ""
    for w, ws, _ in tokens(doc[s:e]):
        unit = before == "per"  # "45 kilometres per second": a unit, not a second number
        before = w
        if not unit and (w[:1].isdigit() or w in NUMBER_WORDS or w in ORDINAL_WORDS):
            if worded:  # a second number after words: another quantity ("second group … three")
                e = s + ws
                break
            seen_number = True
        elif seen_number and (w in STOP_WORDS or (len(w) > 4 and re.search(r"(?:ed|ing|ly)$", w))):
            e = s + ws
            break
        elif seen_number:
            worded = True
    text = doc[s:e].rstrip(" ,;:")
    text = re.sub(r"(?<!\s)\s++per$", "", text)
    return s, s + len(text)


def asks_extent(question: str) -> bool:
    """"How long is the tunnel", "how long will the pipeline be": a length may answer, not only a time."""
    words = [w for w, _, _ in tokens(question)]
    at = next((i for i in range(len(words) - 1) if words[i] == "how" and words[i + 1] == "long"), None)
    return at is not None and (words[at + 2:at + 3] in (["is"], ["was"], ["are"], ["were"]) or words[-1:] == ["be"])


def asks_frequency(question: str) -> bool:
    """"How often", "how frequently": a frequency answers ("every 12 minutes", "twice a week")."""
    return re.search(r"\bhow\s+(?:often|frequently)\b", question, re.I) is not None


def _candidates(qtype: QuestionType, doc: str, start: int, end: int, lower: Collection[str],
                extent: bool = False, frequency: bool = False) -> list[tuple[int, int]]:
    """Spans of the sentence ``doc[start:end]`` that could answer a question of ``qtype``
    (``lower``: the words the knowledge writes in lower case; ``extent``: a how-long question
    a length answers too; ``frequency``: a how-often question, which only a frequency answers)."""
    text = doc[start:end]
    if qtype is Q.DURATION and frequency:
        return [(start + m.start(), start + m.end()) for m in FREQUENCY.finditer(text)]
    if qtype in (Q.COUNT, Q.AMOUNT, Q.DURATION):
        out = [_of_what(doc, start + m.start(), start + m.end(), end) for m in FRACTION.finditer(text)]
        at = 0
        while m := QUANTITY.search(text, at):
            a, b = _tidy(doc, start + m.start(), start + m.end())
            b = rate.end() if (rate := RATE.match(doc, b, end)) else b  # "38 million litres a day": one amount
            at = max(b - start, m.start() + 1)  # what a cut quantity left may hold another
            span = m.group()
            long = extent and any(is_length(w) for w in re.split(r"[\s-]+", span)[1:])  # "a 3-kilometre tunnel"
            if qtype is Q.DURATION and (not (long or any(u in fold(span) for u in TIME_UNITS)) or doc[a:b].endswith("-old")):
                continue  # "15-year-old" is an age
            if re.search(r"\d(?:st|nd|rd|th)\b", span) or fold(re.split(r"[\s-]", span)[0]) in ORDINAL_NAMES:
                continue  # "the 3rd", "first-in-class", "a third" alone: no count nor amount
            if fold(doc[a:b]) == "one" and re.match(r"\s+of\b", doc[b:end]):
                continue  # "one of the largest": a pronoun, not a count
            if re.match(r":\d", doc[b:b + 2]) or re.search(r"\d:$", doc[max(0, a - 2):a]):
                continue  # "2:24:10" is a time, not three numbers
            dated = DATE.match(doc, a)
            if qtype is not Q.DURATION and dated and dated.end() >= b:
                continue  # "2 June 2025" is a date, no amount of June
            before = re.search(r"(?<![\w-])(?>[\w-]*?\b(?=[A-Z]))([A-Z][\w-]*+)\s$",  # a run's first capital only
                               text[_word_start(text, m.start() - 1):m.start()])
            if before and (fold(before.group(1)) not in STOP_WORDS or before.group(1) == "I") and span[:1].isdigit():
                continue  # "CLOVER 2", "iopofosine I 131": part of a name
            out.append((a, b))
        if qtype is Q.DURATION:  # "from 1870 to 1939", "since the Treaty of Rome 1957": a span of years
            for m in DATE.finditer(text):
                since = re.search(r"\bsince(?:\s+[\w'’-]+){0,5}\s+$", text[:m.start()])
                if since or re.search(r"\d\s*(?:-|–|to)\s*\d", m.group()):
                    out.append((start + (since.start() if since else m.start()), start + m.end()))
        return out + _ranges(doc, out, each=qtype is not Q.COUNT)
    if qtype is Q.DATE:
        return [(start + m.start(), start + m.end()) for m in DATE.finditer(text)]
    if qtype in (Q.PERSON, Q.PLACE):
        out = []
        for m in CAPITALISED.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".’'":
                e -= 1
            based = re.search(r"-(?:based|born|headquartered)$", text[s:e])
            e -= len(based.group()) if based and qtype is Q.PLACE else 0  # "the Oslo-based maker": Oslo
            while s < e:
                first = text[s:e].split(None, 1)[0]
                opening = " " in text[s:e] and _common_word(lower, text, s, s + len(first))  # "Approximately 1"
                if fold(first) not in STOP_WORDS and not first[:1].isdigit() and not opening:
                    break
                s += len(first)
                s += len(text[s:e]) - len(text[s:e].lstrip())
            if s >= e or _common_word(lower, text, s, e) or re.fullmatch(r"[A-Z][a-z]+(?:ism|ity)", text[s:e]) or \
                    DATE.fullmatch(text, s, e) or all(
                    DATE.fullmatch(w) or w in ("and", "or") for w in text[s:e].split()):
                continue  # "Protestantism", "September 2025", "Wednesday and Thursday" are no names
            if qtype is Q.PLACE and e + 5 < len(text) and text[e:e + 5] == " and " and text[e + 5:e + 6].isupper():
                m2 = CAPITALISED.match(text, e + 5)
                if m2:
                    e = m2.end()
            out.append((start + s, start + e))
        return out
    return []


def _of_what(doc: str, s: int, e: int, end: int) -> tuple[int, int]:
    """A fraction with what it is a fraction of, "about a third of its spring sales": the words
    after its "of" up to a comma, a clause word, a preposition or a verb in -ed."""
    of = re.match(r"\s+of\s", doc[e:end])
    if not of:
        return s, e
    stop = e
    for w, ws, we in tokens(doc[e + of.end() - 1:end]):
        if w in STOPS_PHRASE or w in AUXILIARIES or (len(w) > 4 and w.endswith("ed")) or \
                re.search(r"[,;:.()]", doc[stop:e + of.end() - 1 + ws]) and stop > e:
            break
        stop = e + of.end() - 1 + we
    return s, stop if stop > e else e


def _word_start(text: str, at: int) -> int:
    """Where the run of word characters and hyphens that ends at ``at`` starts."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_-"):
        at -= 1
    return at


LEADING = LazyPattern(r"[ “‘\"'(]*")


def _common_word(lower: Collection[str], text: str, s: int, e: int) -> bool:
    """A lone capitalised word that opens its sentence (``text``) and that the knowledge writes
    in lower case (``lower``, "Receiving …") is an ordinary word, not a name."""
    word = text[s:e]
    if " " in word or s > LEADING.match(text).end() or word.islower():
        return False
    return all(part in lower for part in re.split(r"[-'’]", word.lower()))  # "Well-known": "well", "known"


def _ranges(doc: str, spans: list[tuple[int, int]], each: bool = True) -> list[tuple[int, int]]:
    """Join neighbouring quantities into ranges, "from 252 mm² to about 141 mm²", and (with
    ``each``: not for how many) a count into the measure of each, "three cycles of 10 mCi/m²"."""
    out = []
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        joint = re.fullmatch(r"\s*(?:to|-|–|(and))\s*(?:about|approximately|around|nearly)?\s*", doc[e1:s2])
        if joint and joint.group(1) and not re.search(r"\bbetween\s+$", doc[max(0, s1 - 10):s1], re.I):
            joint = None  # "35 drivers and 12 mechanics": two counts; "between 2 mg and 5 mg": a range
        if joint or (
                each and re.fullmatch(r"\s+of\s+", doc[e1:s2]) and _has_unit(doc[s2:e2]) and not _has_unit(doc[s1:e1])):
            out.append((s1, e2))
    return out


QUANTIFIED = LazyPattern(r"\b(?:an?|the)\s+[\w-]+(?:\s+of)?\s*$", re.I)  # "an average of", "an estimated"


def _label_score(doc: str, s: int, sent_start: int, wanted: set[str], index: Index) -> float:
    """Reward a value whose nearest preceding word, past a phrase of its own ("spent an average of
    £42": spent), is what the question asks about; punish one labelled with a different term
    the text defines (a value of another measure)."""
    window = doc[max(sent_start, s - 40):s]
    before = [(w, a) for w, a, _ in tokens(window) if w not in STOP_WORDS]
    if not before:
        return 0.0
    label = before[-1][0]
    own = QUANTIFIED.search(window)
    past = [w for w, a in before if a < own.start()][-1:] if own else []
    if stem(label) in wanted or any(stem(w) in wanted for w in past):  # "a PFS of 8.1", "spent an average of £42"
        return 1.5
    shorts = {fold(k) for k in index.abbreviations}
    if label in shorts:
        return -2.0
    return 0.0


def head_words(question: str) -> set[str]:
    """Stems of the noun the question asks for: "what is the goal of" -> goal, "how many doses"
    -> dose, "how old" -> age."""
    q = re.sub(r"\b(?<!\w)(?<![\w-]-)(?:(?:the|a|an)\s+)?[\w-]++['’]s\s+", "",
               fold(question))  # "the man's survival": survival; from a run's first word, in linear time
    if re.search(r"\bhow old\b|\bwhat age\b", q):
        return {"old", "age", "year"}
    m = re.search(r"\b(?:what|which|whose|how many|how much|^name\s+(?:an?|one|two|three|the))\s+(?:(?:is|are|was|were|kind|type|sort|of)\s+)*"
                  r"(?:(?:the|a|an|her|his|their|its|my|your|our)\s+)?([\w-]+(?:\s+[\w-]+){0,2})", q)
    if not m:
        return set()
    if re.match(r"\s*(?:what|which)\s+(?:is|are|was|were)\s+(?:the\s+)?[A-Z]", question, re.I) and \
            re.match(r"\s*\w+\s+\w+\s+(?:(?:the\s+)?[A-Z][a-z]|[A-Z])", question):  # not "the PFS": a term
        return set()  # "what was (the) Maria Curie …", "what was the Ohio Company": a name is the subject
    out = set()
    for i, w in enumerate(m.group(1).split()):
        if w in STOP_WORDS or w in AUXILIARIES:
            break
        if (not i and re.search(r"..[^e]ed$", w)) or \
                (i and re.search(r"(?:ed|ing)$", w) and re.search(r"\b(?:is|are|was|were)\b", m.group())):
            return set()  # "what fuelled …", "what was the trial designed to …": no noun is asked for
        out.add(stem(w))
    return out


def asked_for(query: Query) -> set[str]:
    """The head words of the question, or those a follow-up borrowed from the turn before."""
    return set(query.head) or head_words(query.fixed_text)


IDENTIFIER = LazyPattern(r"(?=[\w/.-]*[A-Za-z])[\w/.-]*\d[\w/.-]*")  # "H3", "G34R/V", "A320neo"


def _identifiers_before(doc: str, start: int, at: int) -> int | None:
    """Where the run of identifiers that ends at ``at`` starts, each followed by one space ("the
    H3 G34R/V mutation"), or None; read back word by word, in time linear in the run."""
    found = None
    at -= at - 1 > start and doc[at - 1] == "\n"  # "$" matched before a last newline too
    while at > start and doc[at - 1] == " ":
        i = at - 1
        while i > start and not doc[i - 1].isspace():
            i -= 1
        if not IDENTIFIER.fullmatch(doc, i, at - 1):
            break
        found = at = i
    return found


def _named_by_head(doc: str, start: int, end: int, head: set[str], asked: set[str]) -> list[tuple[int, int]]:
    """Spans where the asked-for noun is named by an identifier after it ("phase 1b", "Scotland
    Act 1998", "Articles 106 and 107") or before it, in letters and digits ("the H3 G34R/V
    mutation"); not by a measure ("totaling 58.9 mCi") nor by the question's own name."""
    out = []
    toks = list(tokens(doc[start:end]))
    for i, (w, s, e) in enumerate(toks):
        if stem(w) not in head or re.search(r"..(?:ing|ed)$", w):
            continue  # "iopofosine-131 totaling 126.6 mCi": a verb, not the asked noun
        before = _identifiers_before(doc, start, start + s)
        if before is not None:
            if not {stem(t) for t, _, _ in tokens(doc[before:start + s])} & asked:
                out.append((before, start + e))
            continue
        if i + 1 == len(toks):
            break
        nxt, ns, ne = toks[i + 1]
        unit = re.match(r"\s*([A-Za-zµμ%][\w/²³]*)", doc[start + ne:end])
        measure = re.fullmatch(r"[\d.,]+", nxt) and unit and (_has_unit(f"{nxt} {unit.group(1)}")
                                                             or stem(fold(unit.group(1))) in TIME_STEMS)
        if ns - e <= 1 and any(c.isdigit() for c in nxt) and not measure and stem(nxt) not in asked:
            a, b = start + s, start + ne
            more = re.match(r"\s*(?:and|to|or|-|–)\s*\d+\w*", doc[b:end])
            b += more.end() if more else 0
            left = re.search(r"(?:[A-Z][\w’'-]*\s+)+$", doc[start:a])
            a = start + left.start() if left and doc[a].isupper() else a
            out.append((a, b))
    return out


# Descriptive questions: the phrase a sentence's shape gives ("the Santer Commission", "the
# abuse of dominant position"), found after the sentence is chosen; PHRASE_READERS tries them.


def _says_more(words: list[str], own: set[str]) -> bool:
    """True when folded ``words`` hold a word of their own, not the question's ("Santer" in "the
    Santer Commission" for "what commission"): a phrase that only repeats the question is no answer."""
    return any(w.isalpha() and w not in STOP_WORDS and stem(w) not in own for w in words)


NAME_TAILS = frozenset(". of on for".split())


def _titled_by_head(doc: str, start: int, end: int, head: set[str], asked: set[str],
                    lower: Collection[str]) -> list[tuple[int, int]]:
    """Names that carry the asked-for noun as a word of their own, last or before "of"/"on"
    ("the Santer Commission" for "what commission", "Battle of Sainte-Foy", "Special Conference
    on Pediatric Cancer"), or in quotes before it (the “Bricks for Warsaw” campaign), with a word
    the question lacks."""
    quoted = re.finditer(r"[“\"]([^”\"]{2,60})[”\"]\s+([\w-]+)", doc[start:end])  # the “Bricks for Warsaw” campaign
    out = [(_with_the(doc, start, start + m.start()), start + m.end()) for m in quoted
           if stem(fold(m.group(2))) in head and _says_more([w for w, _, _ in tokens(m.group(1))], asked)]
    for s, e in _candidates(Q.PERSON, doc, start, end, lower):
        words = [w for w, _, _ in tokens(doc[s:e])] + ["."]
        named = any(stem(w) in head and nxt in NAME_TAILS for w, nxt in zip(words, words[1:]))
        if named and _says_more(words, asked):
            out.append((_with_the(doc, start, s), e))
    return out


PERSON_NAME = r"(?<![\w’'-])[A-Z][\w’'-]++(?:\s++(?:(?:von|van|de|du|der|la|le)\s++)?[A-Z](?:\.|[\w’'-]++))++"  # "William E. Simon"


def _named_after_role(doc: str, start: int, end: int, head: set[str], asked: set[str]) -> list[tuple[int, int]]:
    """Persons named right after the asked-for role: in lower case ("architect Enric Miralles"),
    as a title with the name ("General Hermann von François" for "which general"), or after a
    title and a role of its own ("Luftwaffe General and fighter ace Adolf Galland")."""
    out = []
    for w, s, e in tokens(doc[start:end]):
        if stem(w) in head:
            m = re.match(rf"(\s+and(?:\s+[a-z][\w-]*){{1,3}})?\s+({PERSON_NAME})", doc[start + e:end])
            if m and not {stem(t) for t, _, _ in tokens(m.group(2))} <= asked:  # not "outside Quebec City"
                titled = doc[start + s].isupper() and not m.group(1)  # the title is part of the name
                out.append((start + (s if titled else e + m.start(2)), start + e + m.end(2)))
    return out


BLANK = LazyPattern(r"(?i:\s*(?:what|which)(?:\s+[a-z][\w-]*){0,2}?\s+(?:do|does|did|can|could|will|would)\s)(.*\w)\W*$|"
                   r"(?i:\s*(?:what|which)\s+(?:is|are|was|were|has|have|had)\s)(.*\w\s+(?:of|on|in|to|for|by|with|from|under|as|about))\W*$|"
                   r"(.*\w)\s+(?i:what|which)\W*$")
STOPS_PHRASE = frozenset("that which who whom whose where when while though although because so but as if "
                         "unless since to in for with by from at on into during until after before".split())
MAX_PHRASE = 8  # words


def complement(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For a question whose blank follows its last words ("What does Article 102 prohibit?",
    "… co-exist under what?", "What was it based on?"): the phrase right after those words in
    the sentence, up to a comma, a clause word or a preposition ("the abuse of dominant
    position"). Where that phrase repeats the question, the word before is tried, which skips
    a trailing "at the beginning of each year"."""
    m = BLANK.match(query.fixed_text)
    if not m:
        return None
    asked = re.sub(r"(?<!\s)\s++(?:that|which|who)\s.*(?:\s++(?:that|which|who)\s.*)*+", "",
                   next(g for g in m.groups() if g))  # "make that could be used"
    before = [(w, asked[s:e]) for w, s, e in tokens(asked)]
    anchors = [i for i, (w, raw) in enumerate(before) if w not in STOP_WORDS and raw[:1].islower()]
    own = query.said  # its own words, not "Drug" of "FDA" spelled out
    head = asked_for(query)  # "what designation did it receive": the phrase may name the designation
    toks = list(tokens(doc[start:end]))
    stems = {stem(before[a][0]) for a in anchors[-4:]}
    past = {p for a in anchors[-4:] for p in past_forms(before[a][0])}  # "find": "found that"
    for i, (w, _, _) in enumerate(toks[:-2]):  # "what did X argue in her book": "argued that …" says it
        if toks[i + 1][0] == "that" and (stem(w) in stems or w in past) and w not in STOP_WORDS:
            return _clause(doc, start, toks, i + 2, own)
    for a in reversed(anchors[-4:]):
        anchor, after = stem(before[a][0]), {w for w, _ in before[a + 1:]}
        joined = a > 0 and f"{before[a - 1][1]}-{before[a][1]}" in asked  # "co-exist" in the question too
        past = past_forms(before[a][0])  # "find": "the crew found Roman coins"
        places = [i for i, (w, ws, _) in enumerate(toks)  # not "Norse-speaking ruling class" for "speak"
                  if (stem(w) == anchor or w in past) and (joined or doc[start + ws - 1:start + ws] != "-")]
        if not places:
            return None  # the question's verb is not in the sentence: nothing to complete
        i = max(places, key=lambda k: sum(stem(w) in own for w, _, _ in toks[max(0, k - 8):k]))
        j = i + 1
        while j < len(toks) and toks[j][0] in after and toks[j][0] in STOP_WORDS and toks[j][0] not in ARTICLES:
            j += 1
        j += j < len(toks) - 1 and toks[j][0] == "of"  # "maker of frozen meals": what it makes
        k = j
        while k < len(toks) and k - j < MAX_PHRASE:
            w, ws, _ = toks[k]
            if k > j and re.search(r"[,;:.()!?]", doc[start + toks[k - 1][2]:start + ws]):
                break
            if w in STOPS_PHRASE or w in AUXILIARIES or (
                    w == "of" and all(stem(t) in own or t in STOP_WORDS for t, _, _ in toks[k + 1:k + 4])):
                break
            k += 1
        if k - j >= MAX_PHRASE:
            return None  # no clear end: the sentence says more than a phrase
        k = _listed(doc, start, toks, k)  # "includes servicing, insurance and a replacement bike"
        while k > j and toks[k - 1][0] in STOP_WORDS:  # "from February to late June and"
            k -= 1
        words = [w for w, _, _ in toks[j:k] if w not in STOP_WORDS]
        if _says_more(words, own) and not any(stem(w) in own - head for w in words) \
                and toks[j][0] not in ("and", "or", "but", "nor"):
            return start + toks[j][1], start + toks[k - 1][2]
    return None


MAX_CLAUSE = 30  # words
MAX_ITEM = 4  # words of one item of a list


def _listed(doc: str, start: int, toks: list, k: int) -> int:
    """Where a phrase ending before ``toks[k]`` ends when it is a list's first item: past
    ", insurance and a replacement bike" (items of up to MAX_ITEM words, the last after "and" or
    "or"); ``k`` itself when no such list follows."""
    at, words, last = k, 0, False
    while at < len(toks):
        gap = doc[start + toks[at - 1][2]:start + toks[at][1]]
        w = toks[at][0]
        if re.search(r"[;:.()!?]", gap) or (words and "," in gap and last):
            break
        if "," in gap or w in ("and", "or"):
            if w in ("and", "or"):
                last = True
            words = 0
            at += 1
            continue
        if w in STOPS_PHRASE or w in AUXILIARIES or words == MAX_ITEM:
            break
        words += 1
        at += 1
    return at if last and words and at > k and "," in doc[start + toks[k - 1][2]:start + toks[k][1]] else k


def _clause(doc: str, start: int, toks: list, i: int, own: set[str]) -> tuple[int, int] | None:
    """Of the clauses from ``toks[i]`` ("argued that rents would double, and that building …
    was the only fix"), each up to a semicolon, a bracket, the next ", and that" or the
    sentence's end, the one that says most of the question; None when it says no more than
    the question or runs over MAX_CLAUSE words."""
    clauses, k = [], i
    while k < len(toks):
        gap = doc[start + toks[k - 1][2]:start + toks[k][1]] if k > i else ""
        if re.search(r"[;:()]", gap):
            break
        if "," in gap and toks[k][0] in ("and", "but", "or") and k + 1 < len(toks) and toks[k + 1][0] == "that":
            clauses.append((i, k))
            i = k = k + 2
            continue
        k += 1
    clauses.append((i, k))
    said = [w not in STOP_WORDS and stem(w) in own for w, _, _ in toks]
    a, b = max((c for c in clauses if c[1] > c[0]), key=lambda c: sum(said[c[0]:c[1]]), default=(i, i))
    words = [w for w, _, _ in toks[a:b]]
    if not words or b - a > MAX_CLAUSE or not _says_more(words, own):
        return None
    return start + toks[a][1], start + toks[b - 1][2]


ASKS_WHAT_IS = LazyPattern(r"\s*(?:what|which)(?:\s+[\w-]+){0,2}?\s+(?:is|are|was|were)\s+(.*\w)", re.I)
LEAD_WORDS = frozenset("however then thus so also still yet".split())
CLAUSE_START = frozenset("that which who when while whilst where despite although though because since if".split())


def named_as(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "what is the highest court …": the noun phrase the sentence says is that thing,
    before "is" or set off by a comma ("The European Court of Justice is the highest court",
    "Zachęta Gallery, the oldest exhibition site in Warsaw,"); the sentence must say all the
    question says of it."""
    m = ASKS_WHAT_IS.match(query.fixed_text)
    if not m or BLANK.match(query.fixed_text):
        return None
    asked = {stem(w) for w, _, _ in tokens(m.group(1)) if w not in STOP_WORDS}
    text = doc[start:end]
    for k, m in enumerate(re.finditer(rf"(?<!\s)\s++{COPULA}\s+|,\s+(?=(?:the|a|an)\s)", text)):
        if k == MAX_OCCURRENCES or query.late():
            break
        said = text[m.end():].split(",")[0]
        if m.group().startswith(",") and re.search(r"\b(?:is|are|was|were|has|have|had)\b", said):
            continue  # not set off by commas: the subject of what follows
        said = re.split(r"[;:.()]|\s(?:and|but|which|who|that)\s", said + ".")[0]
        if not asked <= {stem(w) for w, _, _ in tokens(said)}:
            continue
        found = _phrase_before(doc, start, start + m.start(), query.said)
        if found:
            return found
    return None


def _phrase_before(doc: str, start: int, at: int, own: set[str]) -> tuple[int, int] | None:
    """The noun phrase that ends at ``at``, back to punctuation or a clause word, if short and
    saying something the question does not."""
    head = re.sub(r"(?<!\s)\s*\([^()]*+\)$", lambda p: " " * len(p.group()), doc[start:at])  # "The mermaid (syrenka) is": not its gloss
    head = re.sub(r"(?<!\s)\s++(?:in|during|by|after|before|since|until|from)\s+(?:the\s+)?(?:(?:early|late|mid\S*)\s+)?"
                  r"(?=[^\s\d]*\d)\S*+\s*$",
                  lambda p: " " * len(p.group()), head)  # "A sharp rise in nationalism during the late 1960s"
    a = max(head.rfind(c) for c in ",;:()") + 1
    words = list(tokens(head[a:]))
    for i in range(len(words) - 1, -1, -1):
        if words[i][0] in CLAUSE_START:
            words = words[i + 1:]
            break
    while words:  # "Increasingly the Court …", "However after 1945 anti-colonial movements"
        if words[0][0].endswith("ly") or words[0][0] in LEAD_WORDS:
            words = words[1:]
        elif len(words) > 2 and words[0][0] in STOPS_PHRASE and words[1][0][:1].isdigit():
            words = words[2:]
        else:
            break
    if len(words) > MAX_PHRASE:  # "the main disappointment was the loss of Edinburgh Pentlands": its name
        name = re.search(r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*$", head.rstrip())
        words = [t for t in words if name and a + t[1] >= name.start()]
    if not words or len(words) > MAX_PHRASE or words[0][0] in STOPS_PHRASE or words[0][0] in AUXILIARIES \
            or not _says_more([w for w, _, _ in words], own):
        return None
    return start + a + words[0][1], start + len(head.rstrip())


ASKS_SUBJECT = LazyPattern(r"(?:[^,?]*,\s*)?(?:what|which)\s+(.*\w)", re.I)


def subject_of(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "What entity has taken the view that …": the noun phrase before the question's verb
    in a sentence that says the rest of the question after it ("the Court of Justice has taken
    the view that …")."""
    m = ASKS_SUBJECT.match(query.fixed_text)
    if not m or BLANK.match(query.fixed_text) or ASKS_WHAT_IS.match(query.fixed_text):
        return None
    rest = [w for w, _, _ in tokens(m.group(1))]
    if {"do", "does", "did"} & set(rest[:3]):
        return None  # "what did X do": the blank is the object
    toks = list(tokens(doc[start:end]))
    stems = [stem(w) for w, _, _ in toks]
    for p in range(min(3, len(rest))):  # the verb: first ("what challenged"), after the noun, or after it and "has"
        if rest[p] in STOP_WORDS or stem(rest[p]) not in stems or (p == 0 and not re.search(r"(?:ed|s)$", rest[p])) \
                or (p == 2 and rest[1] not in AUXILIARIES):
            continue
        i = stems.index(stem(rest[p]))
        said = [stem(w) for w in rest[p:] if w not in STOP_WORDS]
        if sum(t in stems[i:] for t in said) < max(2, len(said) - 2):  # the rest, but for two words
            continue
        while i and toks[i - 1][0] in AUXILIARIES:
            i -= 1
        if i > 1 and toks[i - 1][0] == "to" and stem(toks[i - 2][0]) not in query.said:  # "movements began to challenge"
            i -= 2
        found = _phrase_before(doc, start, start + toks[i][1], query.said)
        if found:
            return found
    return None


PREPOSITION_WH = LazyPattern(r"\s*(in|at|on|by|from|under|during|with|to|into)\s+(?:which|what)\s+[\w-]+", re.I)


def after_preposition(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "In which case did …": the name the sentence puts after that same preposition
    ("in Commission v France"), when the question does not name it itself."""
    m = PREPOSITION_WH.match(query.fixed_text)
    if not m or stem(fold(m.group().split()[-1])) in {stem(w) for w, _, _ in tokens(doc[start:end])}:
        return None  # the sentence names the asked noun ("the colony of Virginia"): read it whole
    own = query.said
    for found in re.finditer(rf"\b{m.group(1)}\s+(?:the\s+)?", doc[start:end], re.I):
        name = CAPITALISED.match(doc, start + found.end(), end)
        if not name:
            continue
        text = name.group().rstrip(".")
        cut = re.search(r"\s+the\s+(.*)$", text)  # "… v De Agostini the Court of Justice reviewed"
        if cut and not _says_more([w for w, _, _ in tokens(cut.group(1))], own):
            text = text[:cut.start()]
        if _says_more([w for w, _, _ in tokens(text)], own):
            return name.start(), name.start() + len(text)
    return None


KIND_OF = LazyPattern(r"\b(?:what|which)\s+(?:kind|type|sort|form|style)s?\s+of\s+([\w-]+)", re.I)


def kind_of(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "what type of architecture …": the asked noun with the words the sentence puts before
    it ("Renaissance architecture", "wrecking amendments"), back to a function word."""
    m = KIND_OF.search(query.fixed_text)
    if not m:
        return None
    noun = stem(fold(m.group(1)))
    toks = list(tokens(doc[start:end]))
    for i, (w, s, e) in enumerate(toks):
        if stem(w) != noun:
            continue
        j = i
        while j and toks[j - 1][0] not in STOP_WORDS and i - j < 2 \
                and not re.search(r"[,;:.()\"“”]", doc[start + toks[j - 1][2]:start + toks[j][1]]):
            j -= 1
        if j < i and any(stem(w) not in query.said for w, _, _ in toks[j:i]):
            return start + toks[j][1], start + e
    return None


REASON = LazyPattern(r"\b(?:because(?:\s+of)?|due\s+to|so\s+that|in\s+order\s+to|"
                     r"to(?=\s+(?!(?:the|a|an|be)\b)(?![a-z]+[^su]s\b)[a-z]))\s+[^,;:.()]+")  # not "open to cars"


def reason(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "why …": the purpose or cause the sentence gives after the question's last word
    ("emptied before winter to clean them of plants", "because …")."""
    if not re.match(r"\s*why\b", query.fixed_text, re.I):
        return None
    toks = [(s, e) for w, s, e in tokens(doc[start:end]) if w not in STOP_WORDS and stem(w) in query.stems]
    if not toks:
        return None
    m = REASON.search(doc, start + toks[-1][1], end)
    if not m or len(doc[toks[-1][1] + start:m.start()].split()) > 3 or len(m.group().split()) > MAX_PHRASE + 2:
        return None
    return m.start(), m.end()


INSTANCES = LazyPattern(r",?\s+(?:\(|such\s+as\s+|including\s+)([^;:.()]{3,120}?)(?=\)|[;:.]|,\s+(?:which|who|and\s+\w+ed)\b|$)")


def instances(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "what X" and "name an X": the list the sentence gives right after its X ("luxury
    divisions (Acura, Lexus and Infiniti)", "amenities such as air conditioning")."""
    head = asked_for(query)
    if not head:
        return None
    for w, s, e in tokens(doc[start:end]):
        if stem(w) in head:
            m = INSTANCES.match(doc, start + e, end)
            listed = m and ("(" not in m.group() or re.search(r",|\band\b|\bor\b", m.group(1)))  # not "(PFS)"
            if listed and _says_more([t for t, _, _ in tokens(m.group(1))], query.said):
                tail = re.search(r",?\s*(?:respectively|etc\.?)$", m.group(1))  # "…, respectively"
                return m.start(1), m.start(1) + (tail.start() if tail else len(m.group(1)))
    return None


NAME_ASKED = LazyPattern(r"(?m)^(?:(?!\b(?:what|which)\b).)*+\b(?:what|which)\b.*\b(?:name|called|named|known\s+as)\b",
                        re.I)  # the first "what" of a line only: a later one cannot succeed where it failed
NAMING = LazyPattern(r"\b(?:named|called|known\s+as|dubbed)\s+(?:(?:the|an?)\s+)?([“\"][^”\"]{1,60}[”\"]|"
                     r"[A-Z0-9][\w/’'.-]*(?:\s+(?:(?:of|de|the)\s+)?[A-Z0-9(][\w/’'.()-]*)*)")


def called(doc: str, start: int, end: int, query: Query) -> tuple[int, int] | None:
    """For "what is X called" / "what is X's name": the name the sentence gives it ("The comet,
    named C/1913 R2 (Hale), …", "known as the Santer Commission")."""
    if not NAME_ASKED.search(query.fixed_text):
        return None
    m = NAMING.search(doc, start, end)
    if not m or not _says_more([w for w, _, _ in tokens(m.group(1))], query.said):
        return None
    a = _with_the(doc, start, m.start(1))  # "called the Mule": its name is "the Mule"
    return a, m.end(1) - (m.group(1).endswith(".") and not re.search(r"\b[A-Z]\.$", m.group(1)))


PHRASE_READERS = (called, kind_of, after_preposition, complement, named_as, subject_of, reason,
                  instances)  # the first that fits


SAID = LazyPattern(r"\s*(?:(?:and|so|also)\s+)?what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|state|tell|report|announce|note|"
                  r"add|explain|claim|write|comment)\b", re.I)
REPORTING = LazyPattern(r"(?<=\s)(?:also\s+)?(?:said|says|told\s+\w+|added|explained|argued|warned|noted|claimed|"
                        r"stated)\s+(?:that\s+)?")  # reported speech: "She said the water taxi …"
MAX_QUOTED = 1500  # characters a quotation may run back into earlier sentences
PRONOUN_REACH = 300  # characters back to the name a quotation's "she said" stands for


OPENERS, CLOSERS = "“\"", "”\""
MIN_QUOTED = 12  # characters


def _next_of(doc: str, chars: str, at: int, end: int) -> int:
    """The first index of any of ``chars`` in ``doc[at:end]``, or -1."""
    found = [i for i in (doc.find(c, at, end) for c in chars) if i >= 0]
    return min(found, default=-1)


def _quoted(doc: str, start: int, end: int) -> tuple[int, int] | None:
    """The first quotation in ``doc[start:end]`` of at least MIN_QUOTED characters, without its
    closing comma or full stop: the words between “ (or ") and the next ” (or "). Read once
    from left to right: the quotes opened before a closing one all end at it."""
    at = start
    while (p := _next_of(doc, OPENERS, at, end)) >= 0:
        q = _next_of(doc, CLOSERS, p + 1, end)
        if q < 0:
            return None
        inner = q - (p + 1)
        if inner - 1 >= MIN_QUOTED and doc[q - 1] in ",.":
            return p + 1, q - 1
        if inner >= MIN_QUOTED:
            return p + 1, q
        at = q if doc[q] in OPENERS else q + 1
    return None


def quotation(doc: str, start: int, end: int, query: Query, reported: bool = False) -> tuple[int, int] | None:
    """For "what did X say": the words the sentence quotes, where it also names X ("“Receiving
    … approach,” James Caruso … stated"); with ``reported``, failing a quotation, the clause
    a reporting verb of X's (or of "she") introduces ("She said the water taxi had been …")."""
    m = SAID.match(query.fixed_text)
    names = [stem(w) for w, _, _ in tokens(m.group(1)) if w not in STOP_WORDS] if m else []
    said = {stem(w) for w, _, _ in tokens(doc[start:end])}
    if re.search(r"\b(?:[Hh]e|[Ss]he)\s+(?:said|says|stated|added|told)\b", doc[start:end]):
        said |= {stem(w) for w, _, _ in tokens(doc[max(0, start - PRONOUN_REACH):start])}  # "Lindgren … “…,” she said"
    if not names or not (set(names) <= said or (len(names) > 1 and names[-1] in said)):
        return None  # "Lindqvist said" names Maria Lindqvist too
    q = _quoted(doc, start, end)
    if q:
        return q
    close = doc.find("”", start, end)  # a quotation opened in an earlier sentence ("“Receiving … approach,” he stated")
    open_ = doc.rfind("“", max(0, start - MAX_QUOTED), start) if close >= 0 and "“" not in doc[start:close] else -1
    if open_ >= 0 and "”" not in doc[open_:start]:
        return open_ + 1, close - (doc[close - 1] in ",.")
    if not reported or '"' in doc[start:end] or "“" in doc[start:end]:
        return None
    for m in REPORTING.finditer(doc, start, end):  # "She said the water taxi had been reliable …"
        subject = doc[max(start, m.start() - 60):m.start()].split()[-3:]
        if subject and (fold(subject[-1]) in ("he", "she", "they") or {stem(fold(w)) for w in subject} & set(names)):
            toks = list(tokens(doc[m.end():end]))
            return _clause(doc, m.end(), toks, 0, query.said) if toks else None
    return None


def _with_the(doc: str, start: int, s: int) -> int:
    """Where a name starts with the "the" before it: "the Ohio Company" is how a reader says it."""
    return s - 4 if re.search(r"\b[Tt]he $", doc[start:s]) else s


def _title_before(doc: str, start: int, at: int, asked: set[str]) -> tuple[int, int] | None:
    """The role written right before a name, in lower case, with at most one capitalised word
    before it ("Chief engineer Maria Lindqvist", "Spanish architect Enric Miralles", "including
    poet Theodor Fontane": "poet"); not a verb or a word of the question ("met …")."""
    m = re.search(r"(?:[\w’'-]+ +){1,4}$", doc[max(start, at - 60):at])
    if not m:
        return None
    base, kept = max(start, at - 60) + m.start(), []
    for w in reversed(list(re.finditer(r"[\w’'-]+", m.group()))):
        t = w.group()
        if len(kept) < 2 and t.islower() and fold(t) not in STOP_WORDS and stem(fold(t)) not in asked \
                and not re.search(r"(?:ing|ed|ly)$", t):
            kept.insert(0, w)
            continue
        if kept and t[:1].isupper() and fold(t) not in STOP_WORDS:
            kept.insert(0, w)  # "Chief engineer", "Spanish architect"
        break
    return (base + kept[0].start(), base + kept[-1].end()) if kept else None


def appositive(doc: str, start: int, end: int, query: Query, head: set[str]) -> tuple[int, int] | None:
    """For "what (kind of thing) is X" and "who is X": the phrase the sentence puts beside X
    ("X, a targeted radiotherapy," "X is a ...", "the chief operating officer, X,"), which is
    how text defines a thing or says who someone is."""
    # "what kind of drug is X": X, not the drug; a bare term ("what is pediatric high-grade glioma"): all of it
    who = WHO_IS_NAME.match(query.fixed_text) is not None
    term = not who and re.match(r"\s*what\s+(?:is|are)\s+(?!(?:the|a|an|its|their)\b)[^?]*\??\s*$", query.fixed_text,
                                re.I) and " of " not in query.fixed_text
    subject = query.stems if term else (query.stems - head or query.stems)
    if not subject or not defines(query.fixed_text):
        return None
    toks = list(tokens(doc[start:end]))
    whole = {t for t in subject if t in query.said}  # a multiword term is met whole ("cultural imperialism")
    met = 0
    for i, (w, s, e) in enumerate(toks):
        if stem(w) not in subject:
            continue
        met += 1
        if met > MAX_OCCURRENCES or query.late():
            break
        if term and len(whole) > 1 and not whole <= {stem(t) for t, _, _ in toks[max(0, i - len(whole)):i + 1]}:
            continue  # "Imperialism, the Highest Stage of Capitalism" is no appositive of "cultural imperialism"
        if re.search(r"(?<![\w-])(?>[\w-]*?(?=[A-Z]))[A-Z][\w-]*+\s++(?:of|de|for|on)\s+$", doc[start:start + s]):
            continue  # "Medical University of Warsaw, the largest …" describes the university
        rest = doc[start + e:end]
        gloss = _gloss(doc, start, start + s, start + e) if len(subject) == 1 else None
        if gloss:
            return gloss
        m = re.match(r"(?:,\s*|\s+(?:is|was|are|were)\s+)((?:an?|the)\s+[^,;.()]{3,80}?)(?=[,;.()]|\s+(?:that|which|who|in|for|with)\b)", rest)
        opening = re.fullmatch(r"[“\"']?(?:(?:[A-Z][\w’'-]*|the|a|an)\s+)*", doc[start:start + s])
        if m and any(w in AUXILIARIES for w in m.group(1).lower().split()):
            m = None  # "mCi, the average PFS was 5.4 months": a clause, not a phrase beside X
        if m and (rest.startswith(",") or opening):  # "X is a …" only where X opens the sentence
            s2 = start + e + m.start(1)
            return s2, s2 + len(m.group(1).rstrip())
        if who:  # a person's role, set off by commas either side
            after = re.match(r"\)?,\s*([a-z][^,;.()]{2,80}?),", rest)  # "Jean Cauvin (John Calvin), another student …,"
            before = re.search(r"(\b(?:the|a|an|its|his|her|their)\s+(?:(?!\b(?:the|a|an|its|his|her|their)\b)[^,;.()]){3,80}?"
                               r"\b[a-z][\w-]*),\s*(?:[A-Z][\w’'.-]*\s+)*$", doc[start:start + s])  # "the … officer, X"
            if after and after.group(1).split()[0] not in STOPS_PHRASE:  # not ", with Tanaghrisson and his party,"
                return start + e + after.start(1), start + e + after.end(1)
            relative = re.match(r",\s*who\s+(?:is\s+|was\s+)?([a-z][^,;.()]{2,80}?),", rest)
            if relative:  # "Dr. Aiko Tanaka, who leads the small-bodies team,"
                return start + e + relative.start(1), start + e + relative.end(1)
            if before:
                return start + before.start(1), start + before.end(1)
            named = re.match(r"\s*who\s+(?:is|was|are|were)\s+(.+?)\W*$", query.fixed_text, re.I)
            if named and doc.startswith(named.group(1), start + s):
                title = _title_before(doc, start, start + s, query.stems)
                if title:
                    return title
    return None


def _gloss(doc: str, start: int, s: int, e: int) -> tuple[int, int] | None:
    """The plain words a text glosses a term with in parentheses: "low platelet counts
    (thrombocytopenia)" gives "low platelet counts"; up to five words, back to a function
    word, a verb form or punctuation."""
    if doc[s - 1:s] != "(" or doc[e:e + 1] != ")":
        return None
    run = re.search(r"(?:[\w'’-]+ ){0,4}[\w'’-]+ ?$", doc[start:s - 1])
    if not run:
        return None
    a = start + run.start()
    for m in reversed(list(re.finditer(r"[\w'’-]+", run.group()))):
        if fold(m.group()) in STOP_WORDS or re.search(r"(?:ing|ed)$", m.group()):
            a = start + run.start() + m.end() + 1
            break
    b = s - 1 - (doc[s - 2:s - 1] == " ")
    return (a, b) if b > a else None


def _proximity(doc: str, s: int, e: int, places: dict[str, list[int]], weight: dict[str, float],
               clauses: bool = False) -> float:
    """How close a span sits to the question's words, each word counted by its IDF; with
    ``clauses`` (for a value), a word past a clause's end ("and", a comma, a semicolon, "while")
    is another clause's ("an adult ticket costs 12 pounds and a child ticket costs 6": the child
    is not the 12's)."""
    total = sum(weight.values()) or 1.0
    score = 0.0
    for term, offsets in places.items():
        i = bisect_left(offsets, s)
        before, after = (offsets[i - 1] if i else None), (offsets[i] if i < len(offsets) else None)
        d = min(s - before if before is not None and not (clauses and CLAUSE_BREAK.search(doc, before, s)) else math.inf,
                max(after - e, 0) if after is not None and not (clauses and CLAUSE_BREAK.search(doc, e, max(after, e)))
                else math.inf)
        score += weight[term] * 2.0 ** (-d / 30.0)
    return score / total


VALUES = (Q.COUNT, Q.AMOUNT, Q.DURATION, Q.DATE)  # what is said after what it is of
CLAUSE_BREAK = LazyPattern(r"[,;]|\band\b|\bwhile\b|\bwhereas\b|\bbut\b")


def _modifier(doc: str, s: int, e: int, end: int, asked: set[str] = frozenset(), plural: bool = False) -> bool:
    """A lone capitalised word standing before a lower-case noun ("French regular army", one the
    question names: "two Italian abbots", or for "where" any plural: "British forces"): it
    describes the noun, it is not the name asked for."""
    after = re.match(r" ([a-z][\w-]*)", doc[e:end])
    return " " not in doc[s:e] and after is not None and after.group(1) not in STOP_WORDS \
        and (not re.search(r"(?:ed|s)$", after.group(1)) or stem(after.group(1)) in asked
             or (plural and after.group(1).endswith("s")))


def _has_unit(span: str) -> bool:
    """True when a quantity is measured in a unit ("58.9 mCi", "20 mCi/m²", "$4", "45%",
    "4.2 million dollars", "46 kilometres"), not a count of things ("four doses", "eight prior
    therapies"): units are written with symbols or capitals, are scales of a number, or are
    words WordNet calls units."""
    if re.search(r"[%$€£¥‰/²³µμ]", span):
        return True
    words = span.split()
    return any(re.search(r"[A-Z]", w) or fold(w) in SCALE_WORDS for w in words[1:]) or \
        any(is_unit(w) for w in re.split(r"[\s-]+", span)[1:])  # "46 kilometres", "4 shillings" (WordNet's units)


def _bare_number(span: str, words: bool = True) -> bool:
    """A number with neither unit nor noun ("1,200", and with ``words`` "two"): weak evidence
    of a measure; a count is often written as a bare number word."""
    return not re.search(r"[%‰$€£¥]", span) and \
        all(w[:1].isdigit() or (words and w in NUMBER_WORDS) for w, _, _ in tokens(span))  # "3%" has a unit


def _counted_noun(doc: str, s: int, e: int) -> str:
    """The stem of the first word after the number in a quantity ("four doses" -> dose), if a
    noun ("two experiencing …" counts nothing named)."""
    seen = False
    for w, _, _ in tokens(doc[s:e]):
        if w[:1].isdigit() or w in NUMBER_WORDS or w in ("dozens", "hundreds", "thousands", "millions"):
            seen = True
        elif seen and w not in STOP_WORDS:
            return "" if re.search(r"(?:ing|ed)$", w) else stem(w)
    return ""


def _akin(a: str, b: str) -> bool:
    """Two stems WordNet relates either way (a synonym, a derived word, one step up or down)."""
    return (b,) in related_terms(a) or (a,) in related_terms(b)


def _counts_asked(counted: str, head: set[str], own: set[str]) -> bool:
    """The noun a number counts is, in other words, what the question asks to count: a relative
    of its noun ("therapies" for treatments), or a word derived from its verb ("48 complaints"
    for "how many people complained")."""
    return any(_akin(counted, h) for h in head) or any(
        len(os.path.commonprefix([counted, o])) >= 5 and _akin(counted, o) for o in own - head)


def _counts_those(doc: str, s: int, e: int, end: int, own: set[str]) -> bool:
    """True for a bare count followed by what the question asks of the things counted ("two
    experiencing measurable tumor shrinkage" for "how many patients had tumor shrinkage")."""
    m = re.match(r"(?:\s+[\w-]+)?\s+[a-z]+ing\b((?:\s+[\w-]+){1,4})", doc[e:end])
    return _bare_number(doc[s:e]) and m is not None and len({stem(w) for w, _, _ in tokens(m.group(1))} & own) >= 2


def _agent(qtype: QuestionType, query: Query, doc: str, hit: Hit,
           candidates: list[tuple[int, int]]) -> tuple[int, int] | None:
    """For "who <verb>ed ...": the first name before that verb in the sentence, its likely subject."""
    m = re.match(r"\s*who\s+(?!(?:is|are|was|were|did|does|do|has|have|had)\b)([\w-]+)", query.fixed_text, re.I)
    if qtype is not Q.PERSON or not m:
        return None
    verb = stem(fold(m.group(1)))
    found = next(((hit.start + s, hit.start + e) for w, s, e in tokens(doc[hit.start:hit.end])
                  if stem(w) == verb), None)
    if found is None:
        return None
    by = re.match(r"\s+by\s+(?:the\s+)?", doc[found[1]:hit.end])
    if by:  # "led by Major General Louis-Joseph de Montcalm and seconded …": the name after "by"
        a = found[1] + by.end()
        name = CAPITALISED.match(doc, a, hit.end)
        if name and _modifier(doc, a, name.end(), hit.end):  # "by Spanish architect Enric Miralles": the architect
            name = re.compile(r"[A-Z]").search(doc, name.end(), min(hit.end, name.end() + 40))
            name = name and CAPITALISED.match(doc, name.start(), hit.end)
            a = name.start() if name else a
        name = name or re.match(r"[^,;:.()]{3,80}?(?=\s*[,;:.()]|$)", doc[a:hit.end])
        if name:
            return a, a + len(name.group().rstrip(".’'"))
    before = [c for c in candidates if c[1] <= found[0]]
    close = [c for c in before if not re.search(r"[,;()]", doc[c[1]:found[0]])]  # "At their meeting, OAPEC proclaimed"
    if close and not doc[found[0]:found[1]].endswith("ing"):  # "William … conquered England killing Harold": William
        return close[-1]
    return before[0] if before else None


DATE_KINDS = {"day": rf"\b(?:{'|'.join(WEEKDAYS)})\b", "month": rf"\b(?:{'|'.join(MONTHS)})\b",
              "year": r"\b\d{4}\b", "centuri": r"\bcentur", "time": CLOCK}
DATE_FIT = 1.0  # "what day" wants a weekday, "what month" a month


def _date_kind(span: str, head: set[str]) -> int:
    """+1 when a date is of the kind the question names ("what day" -> Thursday), -1 when of
    another kind, 0 when the question names none."""
    kinds = [DATE_KINDS[k] for k in head if k in DATE_KINDS]
    if not kinds:
        return 0
    return 1 if any(re.search(k, span, re.I) for k in kinds) else -1


def _qualifies(doc: str, e: int, end: int, own: set[str]) -> bool:
    """True when the words right after a name are the question's own ("FDA's rare … program"):
    the name qualifies what the question names."""
    nxt = re.match(r"(?:[’']s)?\s+([\w-]+)", doc[e:end])
    if nxt is not None and stem(fold(nxt.group(1))) in own:
        return True
    owner = re.match(r"[’']s((?:\s+[\w-]+){1,5})", doc[e:end]) or (  # "the FDA’s rare pediatric … program"
        re.match(r"((?:\s+[\w-]+){1,5})", doc[e:end]) if re.search(r"[’']s$", doc[max(0, e - 2):e]) else None)
    return owner is not None and any(stem(w) in own for w, _, _ in tokens(owner.group(1)) if w not in STOP_WORDS)


def _objects(doc: str, hit: Hit, own: set[str]) -> set[int]:
    """For "who/where did X <verb> (to)": where a name may start right after one of the
    question's words in the sentence ("fled to southern Italy", "married Sybilla")."""
    out = set()
    for w, s, e in tokens(doc[hit.start:hit.end]):
        if w not in STOP_WORDS and not w[:1].isdigit() and w not in NUMBER_WORDS and stem(w) in own:
            gap = re.match(r"(?:\s+[a-z]+ed(?=\s+[A-Z]))?(?:\s+(?:to|with|in|into|at|from|on|for|by|the|a|an))*\s+",
                           doc[hit.start + e:hit.end])  # "Normans joined Turkish forces": the verb said otherwise
            if gap:
                out.add(hit.start + e + gap.end())
    return out


SAME_PLACE = {"other": {"other", "second", "another"}, "second": {"other", "second", "another"}, "first": {"first", "one"}}
POINTED = LazyPattern(rf"\bthe\s+(other|{'|'.join(ORDINAL_NAMES[:10])})\s+([a-z][\w-]*)", re.I)  # "the other plan"


def best_span(qtype: QuestionType, hit: Hit, doc: str, query: Query, index: Index) -> Span | None:
    """The candidate span of ``hit`` that best fits the question, or None; a long sentence is
    read in the window of MAX_READ characters that holds most of the question's words."""
    wanted = query.related
    if hit.end - hit.start > MAX_READ:
        a, b = focus(doc, hit.start, hit.end, MAX_READ,
                     [hit.start + ws for w, ws, _ in tokens(hit.text) if stem(w) in wanted])
        hit = replace(hit, start=a, end=b, text=doc[a:b])
    places: dict[str, list[int]] = {}
    pointed = POINTED.search(query.fixed_text)  # "the other plan": the text's "the other plan", not "One plan"
    pointer, said = (stem(fold(pointed.group(2))), SAME_PLACE.get(fold(pointed.group(1)), {fold(pointed.group(1))})) \
        if pointed else ("", set())
    before = ""
    for w, ws, _ in tokens(doc[hit.start:hit.end]):
        t = stem(w)
        if t in wanted and (t != pointer or before in said):
            places.setdefault(t, []).append(hit.start + ws)
        before = w
    own = query.stems
    if any(t in own for t in places):
        places = {t: v for t, v in places.items() if t in own}
    weight = {t: index.idf(t) or 1.0 for t in places}
    head = asked_for(query)
    measured = qtype in (Q.COUNT, Q.AMOUNT, Q.DURATION, Q.DESCRIPTION)
    heads = head | {t for c in query.concepts if any(alt[0] in head for alt in c) for alt in c for t in alt}
    for short, long in index.abbreviations.items():
        long_stems = {stem(w) for w, _, _ in tokens(long) if w not in STOP_WORDS}
        if long_stems and long_stems <= head:
            heads.add(stem(fold(short)))
    kind = Q.AMOUNT if qtype is Q.DESCRIPTION else qtype
    scored: list[Span] = []
    candidates = _candidates(kind, doc, hit.start, hit.end, index.lower, extent=asks_extent(query.fixed_text),
                             frequency=asks_frequency(query.fixed_text))
    subject = _agent(qtype, query, doc, hit, candidates)
    asks_object = qtype in (Q.PERSON, Q.PLACE) and OBJECT_QUESTION.match(query.fixed_text) is not None
    objects = _objects(doc, hit, own) if asks_object else set()
    if subject and subject not in candidates:
        candidates.append(subject)
    holds = _holding(candidates)
    for s, e in candidates:
        if scored and query.late():
            break  # past the deadline: the best span so far
        span_words = [NUMBER_WORDS.get(w) or stem(w) for w, _, _ in tokens(doc[s:e]) if w not in STOP_WORDS]  # "twelve": 12
        if not span_words or (measured and span_words[0] in own and fold(doc[s:e].split()[0]) in ORDINAL_WORDS):
            continue  # "third quarter rose" for "the third-quarter profit": the question's own words, no amount
        if measured and span_words[0][:1].isdigit() and span_words[0] in own:
            continue  # "twelve club members" for "how many of the 12 members …": the question states it
        titled = qtype in (Q.PERSON, Q.PLACE) and span_words[-1] in head  # "the Ohio Company" for "what company"
        inside = sum(w in wanted and not ((qtype is Q.AMOUNT or titled) and w in head) for w in span_words)
        if inside == len(span_words) or (qtype in (Q.PERSON, Q.PLACE) and inside * 2 >= len(span_words)):
            continue
        if qtype is Q.PLACE and span_words[-1] in own and span_words[-1] not in head:
            continue  # "Where is the museum?": "the Vestby Glass Museum" is the museum, not where it is
        if asks_object and s not in objects and _qualifies(doc, e, hit.end, own):
            continue  # "the FDA's program" in "who does the program support": part of the subject
        if qtype is Q.PERSON and head & BODIES and _named_by_role(doc, s, e, hit.start):
            continue  # "which company": not "the company’s chief operating officer, Jarrod Longcor,"
        score = 3.0 * _proximity(doc, s, e, places, weight, clauses=qtype in VALUES) - 0.3 * inside
        counted = _counted_noun(doc, s, e)
        if qtype is Q.COUNT and head & set(span_words):  # "over 100 different species": the asked noun is counted
            counted = next(iter(head & set(span_words)))
        elif qtype is Q.COUNT and head and _counts_those(doc, s, e, hit.end, own):
            counted = next(iter(head))  # "with two experiencing tumor shrinkage": two of them
        if qtype is Q.COUNT and counted and counted not in head and _counts_asked(counted, head, own):
            counted = next(iter(head or own))  # "48 complaints" for "how many people complained"
        if qtype is Q.COUNT and counted in head:
            score += COUNTED_FIT
        elif qtype is Q.COUNT and counted and head and not (counted in TIME_STEMS and head & TIME_STEMS):
            continue  # "how many cycles": a count of something else is no answer
        elif qtype is Q.COUNT and head and not counted and re.search(r"[%‰$€£¥/]", doc[s:e]):
            continue  # "how many months": "more than 50%" is a measure, no count of them
        elif qtype is Q.AMOUNT and (counted in head or (counted in TIME_STEMS and not TIME_STEMS & query.stems)):
            score -= 1.0
        else:
            score += sum(index.idf(w) or 1.0 for w in span_words if w in head) / 4.0
        if qtype is Q.AMOUNT and "old" in head:  # "how old": an age, not a dose
            score += MEASURE_FIT if re.search(r"-old\b|\byears?\b|\baged?\b", doc[s:e + 10]) else -MEASURE_FIT
        elif qtype is Q.AMOUNT and not DIMENSION.match(query.fixed_text):  # "how far": miles are lower-case
            score += MEASURE_FIT if _has_unit(doc[s:e]) else -MEASURE_FIT
        if (s, e) == subject:
            score += AGENT_FIT
        if titled:
            score += TITLED_FIT
        if qtype in (Q.PERSON, Q.PLACE) and _modifier(doc, s, e, hit.end, own | head, plural=qtype is Q.PLACE):
            score -= 1.0
            if qtype is Q.PLACE and _names_subject(doc, e, hit.end, query):
                continue  # "Where is the trial?": "the CLOVER-2 trial" names the trial, not where it is
        if s in objects:
            score += OBJECT_FIT
        if qtype is Q.PLACE:
            score -= _unplaced(doc, s, e, hit.start)
        if qtype is Q.DATE:
            score += 0.3 * len(re.findall(r"\d+|[A-Za-z]{3,}", doc[s:e]))
            if re.search(r"(?<![\w’'-])(?>[\w’'-]*?(?=[A-Z]))[A-Z][\w’'-]*+\s*+\($", doc[hit.start:s]) \
                    and doc[e:e + 1] == ")" and not LIFE & query.stems:
                score -= NAME_DATES  # "Ingrid Sæther (1921–2009)": her life, not when she founded the studio
            score += DATE_FIT * _date_kind(doc[s:e], head)
        elif (s, e) in holds:
            score += 0.25  # a range ("from 30 mm to 12 mm") says more than either end
        if measured:
            label = _label_score(doc, s, hit.start, wanted if qtype is not Q.DESCRIPTION else heads, index)
            if qtype is Q.DESCRIPTION and (label <= 0 or not re.search(r"[^\W\d_]|[%$€£¥]", doc[s:e])):
                continue
            score += label
            if qtype is Q.AMOUNT and "old" not in head and (_bare_number(doc[s:e]) or doc[s:e].endswith("-old")):
                continue  # "how much" wants a measure: not a bare number, not an age
            if _bare_number(doc[s:e], words=qtype is not Q.COUNT):
                if qtype is Q.COUNT and head and re.fullmatch(r"1\d{3}|20\d\d", doc[s:e]):
                    continue  # "how many universities": a year is no count of them
                score -= 1.0
        scored.append(Span(_with_the(doc, hit.start, s) if titled else s, e, score))
    if qtype is Q.DESCRIPTION:
        named = _named_by_head(doc, hit.start, hit.end, head, own)
        if named:  # "Article 65 banned cartels and article 66 made provisions for …": the one nearer the question's words
            s, e = max(named, key=lambda se: _proximity(doc, *se, places, weight))
            pair = re.search(r"\b(?:[A-Z][\w’'-]*\s+(?:(?:of|de|the)\s+)?)*[A-Z0-9][\w’'-]*\s+and\s+(?:the\s+)?$",
                             doc[hit.start:s]) if {"2", "both"} & query.said else None
            return Span(hit.start + pair.start() if pair else s, e, 2.0)  # "which two treaties": both
        named = _named_after_role(doc, hit.start, hit.end, head, own)
        if named:  # "poet Theodor Fontane, …, fighter ace Adolf Galland": the one nearer the question's words
            return Span(*max(named, key=lambda se: _proximity(doc, *se, places, weight)), 0.0)
        for s, e in _titled_by_head(doc, hit.start, hit.end, head, own, index.lower):
            return Span(s, e, 0.0)  # found after choosing the sentence, not a reason to choose it
        found = next(filter(None, (read(doc, hit.start, hit.end, query) for read in PHRASE_READERS)), None)
        if found:
            return Span(*found, 0.0)
        if not scored and ASKS_ATTRIBUTE.match(query.fixed_text):
            found = _predicate(doc, hit.start, hit.end, head)
            if found:
                return Span(*found, 1.0)
    return _choose(sorted(scored, key=lambda sp: -sp.score), qtype, doc, hit.end)


def _holding(spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that hold another of ``spans`` ("from 30 mm to 12 mm" holds "30 mm"), found
    with the spans sorted by start and the least end of those after each."""
    ordered = sorted(set(spans))
    least = [e for _, e in ordered]
    for i in range(len(least) - 2, -1, -1):
        least[i] = min(least[i], least[i + 1])
    out = set()
    for i, (s, e) in enumerate(ordered):
        later = bisect_left(ordered, (s + 1,))  # the first span that starts after this one
        if (later < len(ordered) and least[later] <= e) or (i and ordered[i - 1][0] == s):
            out.add((s, e))
    return out


def _choose(scored: list[Span], qtype: QuestionType, doc: str, end: int) -> Span | None:
    """The best of the ranked spans with its margin over the next; for two names close in score
    and well ahead of the rest, the stretch that holds both ("Nixon named William E. Simon")."""
    if not scored:
        return None
    best = scored[0]
    scored = [best] + [sp for sp in scored[1:] if doc[sp.start:sp.end] != doc[best.start:best.end]]  # one name, twice
    margin = best.score - scored[1].score if len(scored) > 1 else 9.0
    third = scored[1].score - scored[2].score if len(scored) > 2 else 9.0
    if qtype in (Q.PERSON, Q.PLACE) and len(scored) > 1 and margin < PAIR_MARGIN and third >= PAIR_GAP \
            and scored[1].score > 0:  # a runner-up with no evidence for it is no rival
        a, b = min(best.start, scored[1].start), max(best.end, scored[1].end)
        if doc.count("(", a, b) > doc.count(")", a, b):
            b = doc.find(")", b, end) + 1 or b
        if b - a <= PAIR_SPAN and ";" not in doc[a:b]:
            return Span(a, b, best.score)  # the pair is sure enough: one of them is the name
    return Span(_between(doc, best.start, best.end), best.end, best.score, margin)


def _between(doc: str, s: int, e: int) -> int:
    """Where a range "X and Y" starts: at the "between" before it, without which it reads as
    two values ("between 1621 and 1629")."""
    before = re.search(r"\bbetween\s+$", doc[max(0, s - 12):s])
    return s - len(before.group()) if before and re.search(r"\band\b", doc[s:e]) else s


def _names_subject(doc: str, e: int, end: int, query: Query) -> bool:
    """Whether the word after a name is the question's last word ("where is the trial"): the
    name is that thing's own ("the CLOVER-2 trial")."""
    after = re.match(r" ([a-z][\w-]*)", doc[e:end])
    said = [w for w, _, _ in tokens(query.fixed_text) if w not in STOP_WORDS]
    return bool(after and said) and stem(after.group(1)) == stem(said[-1])


def _unplaced(doc: str, s: int, e: int, start: int) -> float:
    """How much less a name fits "where": a place is named after "in", "at", "to" …, and a name
    set off by commas after a role is a person."""
    if LOCATIVE.search(doc[max(start, s - 30):s]) or re.match(r"-(?:based|born|headquartered)\b", doc[e:e + 16]):
        return 0.0
    return PLACE_UNPLACED + (1.0 if _named_by_role(doc, s, e, start) else 0.0)


def _named_by_role(doc: str, s: int, e: int, start: int) -> bool:
    """A name set off by commas after a lower-case role ("the chief operating officer, Jarrod
    Longcor,"): a person, neither a place nor a company."""
    return re.search(r"\b[a-z]+,\s+$", doc[max(start, s - 30):s]) is not None and doc[e:e + 1] == ","


def _predicate(doc: str, start: int, end: int, head: set[str]) -> tuple[int, int] | None:
    """For "what is the <goal> of …": what the sentence says the goal is ("Its goal is to assess
    …" -> "to assess …"), up to the end of its clause."""
    for m in re.finditer(rf"(?<![\w-])-*+\b([\w-]++)(?:\s+(?:of|for|in)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s+{COPULA}\s+(?!not\b)",
                         doc[start:end]):
        if stem(fold(m.group(1))) in head:
            rest = doc[start + m.end():end]
            stop = re.search(r"[;:]|,\s+(?:and|but|which|while)\b|\.\s|\.$", rest)
            e = start + m.end() + (stop.start() if stop else len(rest))
            said = {stem(w) for w, _, _ in tokens(doc[start + m.end():e])}
            if 3 <= e - (start + m.end()) <= 200 and not said & head:
                return start + m.end(), e
    return None


def identifiers(text: str) -> dict[str, set[str]]:
    """Numbered names in a text: "Case Study 2" -> {"studi": {"2"}}, "Article 7" -> {"articl": {"7"}}."""
    out: dict[str, set[str]] = {}
    for m in re.finditer(r"\b([A-Za-z][\w-]{0,60}+)\s++(\d+[a-z]?|[IVX]+)\b", text):
        word = fold(m.group(1))
        if word not in STOP_WORDS:
            out.setdefault(stem(word), set()).add(m.group(2).lower())
    return out


def identity(question: str, sentence: str, passage: str) -> int:
    """+1 when the sentence (else its passage) names the numbered thing the question names
    ("case study 2"), -1 when it names only others of its kind ("Case Study 1"), 0 when none."""
    asked = identifiers(question)
    if not asked:
        return 0
    named = identifiers(sentence)
    if not set(asked) & set(named):
        named = identifiers(passage)
    verdict = 0
    for word, numbers in asked.items():
        if word in named:
            if numbers & named[word]:
                return 1
            verdict = -1
    return verdict


GENDERED = {"f": frozenset("girl girls woman women she her hers mother daughter sister wife queen".split()),
            "m": frozenset("boy boys man men he him his father son brother husband king".split())}


PERSONAL = frozenset("he him his she her hers".split())
PERSONS = frozenset("girl girls woman women boy boys man men".split())
RELATIVES = frozenset("mother daughter sister wife father son brother husband".split())


@lru_cache(maxsize=64)
def _words(question: str) -> tuple[str, ...]:
    """The folded words of a question, split once however many sentences it is weighed against."""
    return tuple(w for w, _, _ in tokens(question))


def gender_fit(question: str, sentence: str) -> int:
    """-1 when the question asks about a girl or woman and the sentence speaks only of "he" and
    "his" (or the other way round): it is about someone else; 1 when it speaks of "her" as the
    question does ("What was her PFS?": "Her progression-free survival was …"); else 0."""
    asked = {g for g, words in GENDERED.items() for w in _words(question) if w in words}
    said = {g for g, words in GENDERED.items() for w, _, _ in tokens(sentence)
            if w in words and w in PERSONAL}
    if len(asked) != 1 or not said:
        return 0
    if not asked & said:
        return -1
    return int(asked == said and any(w in PERSONAL for w in _words(question)))


def _roman(n: int) -> str:
    """1-39 in Roman numerals ("World War 1" is "World War I")."""
    return "X" * (n // 10) + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10]


SPELLED = {digits: word for word, digits in NUMBER_WORDS.items()}


def missing_numbers(question: str, passage: str) -> list[str]:
    """Numbers the question states (years, amounts, "10th", "1600s", "three"; not the digits of
    names like "CLOVER-2") that the passage never mentions: a sign the question is about
    something else."""
    asked = re.findall(r"(?<![\w.-])(\d+(?:[.,]\d+)?)(?:st|nd|rd|th|s)?(?![\w-])", question)
    missing = [n for n in asked if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d]|[.,]\d)", passage)
               and not (n.isdigit() and 0 < int(n) < 40 and re.search(rf"\b{_roman(int(n))}\b", passage))
               and not (n in SPELLED and re.search(rf"\b{SPELLED[n]}\b", passage, re.I))]  # "7": "seven"
    missing += [c for c in re.findall(r"(?<![\w.-])\d+(?:-[a-z]+)+", question, re.I)  # "40-year-old"
                if c.lower() not in passage.lower()]
    said = {w for w, _, _ in tokens(passage)}
    words = list(_words(question))
    for before, w in zip(["", *words], words):  # "which two treaties" counts the answer, it states nothing
        if (w in NUMBER_WORDS and w != "one" and before not in ("which", "what")
                and w not in said and NUMBER_WORDS[w] not in said):
            missing.append(w)
        elif w in ORDINAL_NAMES[1:] and w not in said and stem(w) not in {stem(t) for t in said} \
                and not (w == "second" and said & {"other", "another"}):  # of two, the second is "the other"
            missing.append(w)  # "the fourth quarter" where the text has only the third
    return missing


NEGATION = LazyPattern(r"\b(?:not|no|never|none|nor|neither|without|cannot|nobody|nothing)\b|n[’']t\b|\bnon-(?=\w)", re.I)


def unmatched_negation(question: str, sentence: str) -> bool:
    """True when the question asks about what did *not* happen and the sentence negates
    nothing (``verdict.negated``: "without relapse" is met by "relapse-free"): it states the
    opposite, so it does not answer. "Not … until" asks when it first did happen ("Germany
    didn't have colonies until when?")."""
    negated = NEGATION.search(question)
    return bool(negated) and not re.search(r"\buntil\b", question[negated.end():], re.I) \
        and not verdict.negated(sentence)


_WORD = LazyPattern(r"[\w-]+(?:[’'][a-z]\b)?")


@lru_cache(maxsize=1024)
def _word_stems(text: str) -> tuple[tuple[str, str], ...]:
    """Each word of ``text`` with its stem, a possessive "'s" dropped (remembered: a question's
    sentences share their passage)."""
    return tuple((m.group(), stem(fold(re.sub(r"[’']s?$", "", m.group())))) for m in _WORD.finditer(text))


_LINKS = frozenset("of the a an to".split())


def _neighbours(words: list[tuple[str, str]], k: int) -> tuple[str | None, str | None]:
    """The stems of the words before and after ``words[k]``, looking past "of", "to" and articles
    ("CEO of Pfizer", "from February to late"), or None where another function word stands between."""
    def look(step: int) -> str | None:
        j = k + step
        while 0 <= j < len(words) and fold(words[j][0]) in _LINKS:
            j += step
        ok = 0 <= j < len(words) and fold(words[j][0]) not in STOP_WORDS
        return words[j][1] if ok else None
    return look(-1), look(1)


def swapped_name(question: str, sentence: str, passage: str, abbreviations: dict[str, str]) -> tuple[str, str] | None:
    """(what the question says, what the sentence says) when the question names A (capitalised)
    where the sentence has another capitalised C in its place, beside the same word ("American
    Union law" against "European Union law", "CEO of Pfizer" against "CEO of Cellectar"), and
    neither does the question say C nor the passage A: the question is about a different thing.
    Acronyms are let be, as a text may use one it never defines; so are parts of one name
    ("Curie", "Skłodowska-Curie")."""
    asked = _word_stems(question)
    said = _word_stems(sentence)
    asked_stems = {t for _, t in asked}
    seen = {t for _, t in _word_stems(passage)} | {t for _, t in said}
    shorts = {fold(k): fold(v) for k, v in abbreviations.items()}
    for i, (a, sa) in enumerate(asked):
        if (not i or not a[:1].isupper() or re.sub(r"[’']s?$", "", a).isupper() or fold(a) in STOP_WORDS
                or sa in seen):
            continue
        sides = _neighbours(asked, i)
        for k, (c, sc) in enumerate(said):
            if (not c[:1].isupper() or fold(c) in STOP_WORDS or sc in asked_stems or fold(c) in shorts.get(sa, "")
                    or edit_distance(fold(a), fold(c), 3) <= 2 or fold(a) in fold(c).split("-")):
                continue
            if any(x is not None and x == y for x, y in zip(sides, _neighbours(said, k))):
                return a, c
    return None


def swapped_modifier(query: Query, sentence: str) -> str:
    """Why the sentence is about another measure, or "": the asked noun phrase has a word the
    text never uses where the sentence has another ("median overall survival" against "average
    overall survival"): the text gives the average, not the median."""
    if not re.match(r"\s*what\s+(?:is|was|are|were)\s+(?:the|its|their|his|her)\s", query.fixed_text, re.I):
        return ""  # "What was the median …?" asks a value; in "Which agency granted …?" a verb follows
    head = head_words(query.fixed_text)
    asked = [w for w, _, _ in tokens(query.fixed_text)]
    said = [w for w, _, _ in tokens(sentence)]
    for w, n in zip(asked, asked[1:]):
        if w in query.unknown and w not in NUMBER_WORDS and stem(w) in head and stem(n) in head \
                and n not in STOP_WORDS:
            for m, n2 in zip(said, said[1:]):
                if stem(n2) == stem(n) and m not in STOP_WORDS and m not in asked and not m[:1].isdigit():
                    return f"the question says “{w} {n}”; the text says “{m} {n2}”"
    return ""


def contradicts(question: str, sentence: str) -> tuple[str, str] | None:
    """(question word, sentence word) when the sentence says the opposite of a word of the
    question that it does not say itself ("decreasing" against "increasing")."""
    asked = {stem(w): w for w in _words(question) if w not in STOP_WORDS}
    said = {stem(w): w for w, _, _ in tokens(sentence) if w not in STOP_WORDS}
    for t in asked.keys() - said.keys():
        for o in sorted(opposites(t) & said.keys() - asked.keys()):
            if opposed(asked[t], said[o]):
                return asked[t], said[o]
    return None


def conflict(question: str, sentence: str, passage: str, abbreviations: dict[str, str],
             yes_no: bool = False) -> str:
    """Why a sentence about the right thing still does not answer the question, or "": the
    question states what the text does not (a number, a negation, another name, an opposite).
    A yes/no question may ask the opposite of what the text says: the text settles it."""
    numbers = missing_numbers(question, passage)
    if numbers:
        return f"the question says {numbers[0]}; the passage does not"
    swapped = swapped_name(question, sentence, passage, abbreviations)
    if swapped:
        return f"the question says “{swapped[0]}”; the text says “{swapped[1]}”"
    if yes_no:
        return ""
    person = [w for w in _words(question) if w in PERSONS]
    if person and not RELATIVES & set(_words(question)) and gender_fit(question, sentence) < 0:
        return f"the question asks about a {person[0]}; the sentence speaks of someone else"  # "Her tumor size …"
    if unmatched_negation(question, sentence):
        return "the question asks what did not happen; the sentence negates nothing"
    opposite = contradicts(question, sentence)
    if opposite:
        return f"the question says “{opposite[0]}”; the text says “{opposite[1]}”"
    return ""


def names_only(query: Query, sentence: str) -> bool:
    """True when a "what <things> …" question's things close the sentence, named but not given
    ("… at different dosing schedules."): the text gives them next."""
    if not re.match(r"\s*(?:what|which)\s+(?!(?:is|are|was|were|did|do|does|has|have|had)\b)", query.fixed_text, re.I):
        return False
    head = asked_for(query)
    found = list(re.finditer(r"[\w'’-]+", sentence))
    if not head or len(found) <= len(head):
        return False
    tail = found[-len(head):]
    generic = found[-len(head) - 1].group().islower() and tail[-1].group().endswith("s")
    return generic and {stem(fold(m.group())) for m in tail} == head


STATING = "is are was were include includes included consist consists mean means".split()
AFTER_STATING = "|".join(rf"(?<=\s{v})" for v in STATING)
PREDICATE = LazyPattern(rf"(?:(?<![\w-])|{AFTER_STATING})"  # a word's start, or right after a verb
                        r"([\w-]++)\s+(?:is|are|was|were|include|includes|included|consists?|means?)\b")


def predicates(query: Query, sentence: str) -> bool:
    """True when the sentence states something of what the question asks about: "side effects
    were ...", "its goal is ..."."""
    wanted = asked_for(query) or query.stems
    sentence = re.sub(r"(?<!\s)\s*\((?=[^()]*\s)[^()]*+\)", "", sentence)  # a gloss: "The Normans (Norman: …; Latin: …) were"
    return any(stem(fold(m.group(1))) in wanted for m in PREDICATE.finditer(sentence))


def definition_span(query: Query, hits: list[Hit], doc_of, index: Index) -> tuple[Hit, Span] | None:
    """For "what is X" / "what does X stand for": the long form the text defines for X."""
    words = {w for w, _, _ in tokens(query.text)}
    for short, long in index.abbreviations.items():
        if fold(short) in words:
            for h in hits:
                doc = doc_of(h)
                i = doc.find(long, h.start, h.end)
                if i >= 0:
                    return h, Span(i, i + len(long), 10.0)
    return None


def _weighed(query: Query, index: Index) -> list[tuple[int, frozenset[tuple[str, ...]], float]]:
    """The question's concepts with their IDF weights (the rarest weight for a word the text lacks)."""
    top = float(index.sentences.idf.max(initial=1.0))
    return [(k, c, max((index.idf(alt[0]) for alt in c), default=0.0) or top) for k, c in enumerate(query.concepts)]


def coverage(query: Query, sentence: str, context: str, index: Index) -> float:
    """Share of the question's IDF weight found in the sentence (half-counted in its passage)."""
    sent = {stem(w) for w, _, _ in tokens(sentence)}
    ctx = {stem(w) for w, _, _ in tokens(context)}
    total = got = 0.0
    for _, concept, idf in _weighed(query, index):
        total += idf
        if any(set(alt) <= sent for alt in concept):
            got += idf
        elif any(set(alt) <= ctx for alt in concept):
            got += 0.5 * idf
    return got / total if total else 0.0


def kinship(query: Query, sentence: str, index: Index) -> float:
    """Share of the question's IDF weight the sentence says only in words related to those the
    articles lack (WordNet's synonyms, derived words, one step up or down: "boss" – "chief")."""
    sent = {stem(w) for w, _, _ in tokens(sentence)}
    total = got = 0.0
    for k, concept, idf in _weighed(query, index):
        total += idf
        if not any(set(alt) <= sent for alt in concept) and any(set(alt) <= sent for alt in query.kin_of(k)):
            got += idf
    return got / total if total else 0.0


def settling_clause(doc: str, start: int, end: int, wanted: set[str]) -> tuple[int, int]:
    """For a yes/no question: the clause of the sentence that settles it, the one holding most of
    the question's words ("no patients experienced heart, kidney or liver toxicity")."""
    bounds = [start]
    for m in re.finditer(r",\s+(?:and|but|while|which|whereas|although|though)\s+|;\s+", doc[start:end]):
        bounds += [start + m.start(), start + m.end()]
    bounds.append(end)
    clauses = list(zip(bounds[::2], bounds[1::2]))

    def hits(c: tuple[int, int]) -> int:
        return sum(stem(w) in wanted for w, _, _ in tokens(doc[c[0]:c[1]]))

    i = max(range(len(clauses)), key=lambda k: (hits(clauses[k]), -k))
    a, b = clauses[i]
    if i + 1 < len(clauses) and re.match(r",\s+(?:but|although|though|whereas)\b", doc[b:clauses[i + 1][0]]):
        b = clauses[i + 1][1]
    lead = re.match(r"[A-Z][a-z]+,\s+", doc[a:b])
    if lead and a == start:
        a += lead.end()
    b = a + len(doc[a:b].rstrip(" .;,"))
    return (a, b) if b - a <= 300 else trim(doc, a, b)


def focus(doc: str, start: int, end: int, limit: int, points: list[int]) -> tuple[int, int]:
    """The stretch of at most ``limit`` characters of ``doc[start:end]``, starting at a word,
    that holds the most of ``points`` (where the question's words are); of those, one from a
    clause's start, and the latest, as what a sentence adds to the question's words follows them."""
    if end - start <= limit:
        return start, end
    words = [start] + [start + m.end() for m in re.finditer(r"\s+", doc[start:end])]

    points = sorted(points)

    def fit(a: int) -> tuple[int, bool, int]:  # the most of the question's words, from a clause's start, the latest
        clause = a == start or bool(re.search(r"[,;:(—–]\s*$", doc[a - 3:a]))
        return bisect_left(points, a + limit) - bisect_left(points, a), clause, a
    best = max(words, key=fit)
    return trim(doc, best, end, limit)


def trim(doc: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """Shorten a sentence span to at most ``limit`` characters, cutting at a word boundary."""
    if end - start <= limit:
        return start, end
    cut = doc.rfind(" ", start, start + limit)
    return start, cut if cut > start else start + limit
