"""The reader: what a question asks for, the span of a sentence that answers it, and when to abstain."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .index import Index
from .model import Hit, QuestionType
from .retrieve import Query
from .text import NUMBER_WORDS, ORDINAL_WORDS, STOP_WORDS, fold, stem, tokens

Q = QuestionType
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
TIME_UNITS = "second minute hour day week month year decade century centuries".split()
_NUM_WORD = "|".join(sorted([*NUMBER_WORDS, *ORDINAL_WORDS, "dozen", "half", "several", "hundreds",
                             "thousands", "millions", "billion", "billions"], key=len, reverse=True))
NUMBER = rf"(?:\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|(?:{_NUM_WORD})\b)"
MODIFIER = (r"(?:(?:more|less|fewer|greater|higher|lower) than|at least|at most|about|approximately|"
            r"nearly|almost|around|over|under|up to|roughly|some|only|just|exactly|an? estimated)")
UNIT = r"(?:[%‰]|[A-Za-zµμ]+(?:/[A-Za-z0-9²³]+)?[²³]?)"
QUANTITY = re.compile(
    rf"(?:\b{MODIFIER}\s+)?(?<![\w.])(?:[$€£¥]\s?)?{NUMBER}(?:\s*(?:-|–|to|and|or)\s*{NUMBER})?"
    rf"(?:-(?:[a-z]+-)*[a-z]+\b|\s*{UNIT}(?:\s+(?!(?:of|and|or|the|a|an|in|to|for|at|on|by|with|was|were|is|are)\b)[a-z]+(?:-[a-z]+)*)?)?",
    re.IGNORECASE,
)
DATE = re.compile(
    rf"\b(?:(?:{'|'.join(MONTHS)})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}|"
    rf"\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\.?,?\s+\d{{4}}|"
    rf"(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    rf"(?:(?:early|late|mid|the)[\s-]+)?\d{{1,2}}(?:st|nd|rd|th)(?:\s+(?:and|or|to)\s+\d{{1,2}}(?:st|nd|rd|th))?\s+centur(?:y|ies)|"
    rf"(?:the\s+)?\d{{3,4}}s|\d{{3,4}}(?:\s*(?:-|–|to|and)\s*\d{{2,4}})?)\b",
    re.IGNORECASE,
)
CAPITALISED = re.compile(
    r"(?:[A-Z][\w’'.-]*|\d+[A-Z][\w-]*)(?:\s+(?:(?:of|de|du|von|van|der|the|and|&|for|la|le)\s+)*"
    r"(?:[A-Z][\w’'.-]*|\d+\w*))*"
)
WH_NOUN = re.compile(r"\b(?:what|which|whose)\s+((?:\w+[\s-]){0,2}?\w+)\b", re.IGNORECASE)
AUXILIARIES = frozenset("is are was were did do does has have had can could will would should may might".split())
NEGATIONS = frozenset("no not none never neither nor without n't".split())
MIN_COVERAGE = 0.6


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate answer inside a sentence, with the evidence for it."""

    start: int
    end: int
    score: float


def classify(question: str, abbreviations: dict[str, str] | None = None) -> QuestionType:
    """What the question asks for, from its wh-word and the words around it."""
    q = fold(question).strip()
    words = re.findall(r"[\w'-]+", q)
    if not words:
        return Q.DESCRIPTION
    text = " ".join(words)
    if re.search(r"\bstand for\b|\bshort for\b|\babbreviation\b|\bacronym\b", text):
        return Q.DEFINITION
    m = re.match(r"(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?([\w-]+)$", text)
    if m and abbreviations and any(fold(s) == m.group(1) for s in abbreviations):
        return Q.DEFINITION
    if re.search(r"\bhow many\b|\bnumber of\b", text):
        return Q.COUNT
    if re.search(r"\bhow (?:much|large|big|high|far|old|tall|heavy)\b|\bwhat (?:total )?(?:dose|amount|percent|percentage|proportion|size|rate|price)\b", text):
        return Q.AMOUNT
    if re.search(r"\bhow long\b|\bwhat (?:duration|period)\b", text):
        return Q.DURATION
    if re.search(r"\bwhen\b|\bwhat (?:year|date|month|day|decade|century|time)\b|\bwhich (?:year|date|month|day|decade|century)\b|\bin what year\b", text):
        return Q.DATE
    if re.search(r"\bwhere\b|\b(?:what|which) (?:country|city|countries|cities|place|region|state|continent|town)\b", text):
        return Q.PLACE
    if re.search(r"\bwho(?:m|se)?\b|\b(?:what|which) (?:company|person|organi[sz]ation|group|firm|man|woman|king|leader|agency)\b", text):
        return Q.PERSON
    if words[0] in AUXILIARIES:
        return Q.YESNO
    if re.match(r"(?:what|which) (?:were|are) the\b", text) or words[0] == "list":
        return Q.LIST
    return Q.DESCRIPTION


def _question_stems(query: Query) -> set[str]:
    return {t for t, w in query.terms if w >= 0.8}


def _matches(doc: str, start: int, end: int, wanted: set[str]) -> list[int]:
    """Offsets of the words of ``doc[start:end]`` whose stems the question asked about."""
    return [start + s for w, s, _ in tokens(doc[start:end]) if stem(w) in wanted]


def _overlap(doc: str, start: int, end: int, wanted: set[str]) -> float:
    ws = [stem(w) for w, _, _ in tokens(doc[start:end]) if w not in STOP_WORDS]
    return sum(w in wanted for w in ws) / len(ws) if ws else 0.0


def _candidates(qtype: QuestionType, doc: str, start: int, end: int, index: Index) -> list[tuple[int, int]]:
    """Spans of the sentence ``doc[start:end]`` that could answer a question of ``qtype``."""
    text = doc[start:end]
    if qtype in (Q.COUNT, Q.AMOUNT, Q.DURATION):
        out = []
        for m in QUANTITY.finditer(text):
            span = m.group()
            if qtype is Q.DURATION and not any(u in fold(span) for u in TIME_UNITS):
                continue
            if qtype is Q.COUNT and re.search(r"\d(?:st|nd|rd|th)\b", span):
                continue
            out.append((start + m.start(), start + m.end()))
        return out
    if qtype is Q.DATE:
        return [(start + m.start(), start + m.end()) for m in DATE.finditer(text)]
    if qtype in (Q.PERSON, Q.PLACE):
        out = []
        for m in CAPITALISED.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".’'":
                e -= 1
            word = fold(text[s:e])
            if s == 0 and word in STOP_WORDS:
                continue
            if qtype is Q.PLACE and e + 5 < len(text) and text[e:e + 5] == " and " and text[e + 5:e + 6].isupper():
                m2 = CAPITALISED.match(text, e + 5)
                if m2:
                    e = m2.end()
            out.append((start + s, start + e))
        return out
    return []


def _label_score(doc: str, s: int, sent_start: int, wanted: set[str], index: Index) -> float:
    """Reward a value whose nearest preceding word is what the question asks about; punish
    one labelled with a different term the text defines (a value of another measure)."""
    before = [w for w, _, _ in tokens(doc[max(sent_start, s - 40):s]) if w not in STOP_WORDS]
    if not before:
        return 0.0
    label = before[-1]
    if stem(label) in wanted:
        return 1.5
    shorts = {fold(k) for k in index.abbreviations}
    if label in shorts:
        return -2.0
    if len(label) <= 4 and any(len(w) >= 2 and label.endswith(w) and len(label) - len(w) == 1 for w in wanted):
        return 1.0
    return 0.0


def best_span(qtype: QuestionType, hit: Hit, doc: str, query: Query, index: Index) -> Span | None:
    """The candidate span of ``hit`` that best fits the question, or None."""
    wanted = _question_stems(query)
    spots = _matches(doc, hit.start, hit.end, wanted)
    wh = WH_NOUN.search(query.text)
    head = {stem(fold(w)) for w in wh.group(1).split()} - {stem(x) for x in STOP_WORDS} if wh else set()
    m = re.search(r"\bhow (?:many|much)\s+([\w-]+)", fold(query.text))
    if m:
        head.add(stem(m.group(1)))
    best: Span | None = None
    for s, e in _candidates(qtype, doc, hit.start, hit.end, index):
        span_words = [stem(w) for w, _, _ in tokens(doc[s:e]) if w not in STOP_WORDS]
        if not span_words:
            continue
        inside = sum(w in wanted for w in span_words)
        if qtype in (Q.PERSON, Q.PLACE) and inside == len(span_words):
            continue
        if qtype in (Q.COUNT, Q.AMOUNT, Q.DURATION, Q.DATE) and inside == len(span_words):
            continue
        dist = min((abs(p - s) if p < s else abs(p - e) for p in spots), default=200)
        score = -dist / 25.0 - inside * 0.5
        score += 1.5 * sum(w in head for w in span_words)
        if qtype in (Q.COUNT, Q.AMOUNT, Q.DURATION):
            score += _label_score(doc, s, hit.start, wanted, index)
        if best is None or score > best.score:
            best = Span(s, e, score)
    return best


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


def coverage(query: Query, hit: Hit, doc: str, context: str, index: Index) -> float:
    """Share of the question's IDF weight found in the sentence (or, half-counted, its passage)."""
    weights = {t: w for t, w in query.weights.items() if w >= 0.8}
    if not weights:
        return 0.0
    top = max(index.sentence_bm25.idf.values(), default=1.0)
    sent = {stem(w) for w, _, _ in tokens(doc[hit.start:hit.end])}
    ctx = {stem(w) for w, _, _ in tokens(context)}
    expanded = {t for t, w in query.terms if w < 1.0}
    total = got = 0.0
    for t, w in weights.items():
        idf = index.idf(t) or top
        if t in expanded:
            continue
        total += idf
        if t in sent or _expanded_hit(t, sent, index):
            got += idf
        elif t in ctx:
            got += 0.5 * idf
    return got / total if total else 0.0


def _expanded_hit(term: str, sent: set[str], index: Index) -> bool:
    """True when ``term`` is one half of a defined abbreviation whose other half is in ``sent``."""
    for short, long in index.abbreviations.items():
        st = stem(fold(short))
        lt = {stem(w) for w, _, _ in tokens(long) if w not in STOP_WORDS}
        if term == st and lt <= sent or term in lt and st in sent:
            return True
    return False


def trim(doc: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """Shorten a sentence span to at most ``limit`` characters, cutting at a word boundary."""
    if end - start <= limit:
        return start, end
    cut = doc.rfind(" ", start, start + limit)
    return start, cut if cut > start else start + limit
