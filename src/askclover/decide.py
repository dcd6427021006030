"""The decision: candidates described by named features, one fitted scorer, answer or abstain.

Every number here comes from ``data/weights.json``, which ``tools/fit.py`` fits on labeled
question sets (``bench/cv.py`` judges it on articles it was not fitted on).
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from .extract import Span
from .model import Hit


class Origin(str, Enum):
    """Where a candidate came from."""

    RANKED = "ranked"            # one of the sentences retrieval ranked
    QUOTED = "quoted"            # words quoted beside the name a "what did X say" asks about
    DEFINED = "defined"          # a definition or description of the term asked about
    ENUMERATED = "enumerated"    # "the second group": the one the text introduces second


class Reason(str, Enum):
    """Why the chosen candidate was or was not given as the answer."""

    ANSWERED = "answered"
    TENTATIVE = "tentative"      # just under the threshold: shown as what the text comes closest to
    UNSURE = "unsure"            # the scorer's probability is under the threshold
    BLOCKED = "blocked"          # every candidate contradicts the question or lacks the asked value
    NOTHING = "nothing found"


@dataclass(frozen=True, slots=True)
class Facts:
    """What the reader found out about one candidate, the raw material of its features."""

    bm25: float                  # the sentence's retrieval score over the best one's
    coverage: float              # share of the question's IDF weight the sentence (and passage) says
    said: float                  # the same, counting the sentence's own words only
    kin: float                   # the share it says only in words related to ones the text lacks
    sure: bool                   # a span that can answer alone
    span_strength: float         # the span's own evidence, 0–1
    typed: bool                  # the question asks for a typed value (a date, a name, a number …)
    description: bool            # the question asks "what …" with no type
    predicate: bool
    names_asked: bool
    names_source: bool
    naming: bool
    identity: float
    gender: float
    no_date: bool
    numbers_passage: bool
    numbers_sentence: bool
    conflict: str                # the first check the sentence fails ("" if none)
    swapped: str
    no_value: bool               # a how-many/much/long question and no such value in the sentence
    origin: Origin
    qtype: str = ""              # the question's type (QuestionType's value)

    @property
    def blocked(self) -> str:
        """Why the candidate may not answer at all, or "": it contradicts the question, or gives
        no value of the kind asked (checks as vetoes; bench/cv.py measured them as features too)."""
        return self.conflict or self.swapped or ("it gives no " + self.qtype if self.no_value else "")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible answer: the sentence ranked, the sentence holding its span, and the span."""

    hit: Hit
    held: Hit
    span: Span | None
    facts: Facts
    bridge: tuple[Hit, Span] | None = None


FEATURES: dict[str, Callable[[Facts], float]] = {}


def feature(fn):
    """Register ``fn`` as a named feature of a candidate's facts."""
    FEATURES[fn.__name__] = fn
    return fn


@feature
def bm25(f: Facts) -> float:
    """Retrieval score relative to the best sentence's: the words the question shares."""
    return f.bm25


@feature
def coverage(f: Facts) -> float:
    """How much of the question (by IDF) the sentence says, half-counting its passage."""
    return f.coverage


@feature
def said(f: Facts) -> float:
    """How much of the question the sentence itself says, without its passage."""
    return f.said


@feature
def kin(f: Facts) -> float:
    """How much of the question the sentence says only in words related to those the articles lack."""
    return f.kin


@feature
def coverage_typed(f: Facts) -> float:
    """Coverage where a typed span was found: a value of the asked kind needs fewer words around it."""
    return f.coverage * (f.typed and f.sure)


@feature
def span_typed(f: Facts) -> float:
    """A typed question and a span of its type, clear of the runner-up."""
    return float(f.typed and f.sure)


@feature
def span_description(f: Facts) -> float:
    """A descriptive question and a phrase the sentence's shape gives."""
    return float(f.description and f.sure)


@feature
def span_strength(f: Facts) -> float:
    """The span's own evidence (how well it fits the question's type and words)."""
    return f.span_strength


@feature
def typed_without_span(f: Facts) -> float:
    """A typed question whose sentence has no clear value of that type."""
    return float(f.typed and not f.sure)


@feature
def predicate(f: Facts) -> float:
    """The sentence uses the question's verb."""
    return float(f.predicate)


@feature
def names_asked(f: Facts) -> float:
    """The sentence names the kind of thing asked for ("what tradition": "a tradition of …")."""
    return float(f.names_asked)


@feature
def names_source(f: Facts) -> float:
    """"According to X": the sentence names X."""
    return float(f.names_source)


@feature
def naming(f: Facts) -> float:
    """"What is it called": the sentence says "named", "called", "known as"."""
    return float(f.naming)


@feature
def identity(f: Facts) -> float:
    """Identifiers of the question (a model number, a code) that the sentence shares or contradicts."""
    return f.identity


@feature
def gender(f: Facts) -> float:
    """A question about a man or a woman, and a sentence that speaks of him or her (or not)."""
    return f.gender


@feature
def no_date(f: Facts) -> float:
    """A "when" sentence with no date, nor one it points back to."""
    return float(f.no_date)


@feature
def numbers_passage(f: Facts) -> float:
    """The question states a number the passage never mentions."""
    return float(f.numbers_passage)


@feature
def numbers_sentence(f: Facts) -> float:
    """The sentence gives other numbers than the question's."""
    return float(f.numbers_sentence)


@feature
def conflict(f: Facts) -> float:
    """The sentence contradicts the question: another name, the opposite word, no negation."""
    return float(bool(f.conflict))


@feature
def swapped(f: Facts) -> float:
    """The question's "A B" is the text's "C B"."""
    return float(bool(f.swapped))


@feature
def no_value(f: Facts) -> float:
    """How many, how much or how long, and the sentence gives no such value."""
    return float(f.no_value)


@feature
def quoted(f: Facts) -> float:
    """Words quoted beside the person the question names."""
    return float(f.origin is Origin.QUOTED)


@feature
def defined(f: Facts) -> float:
    """A definition of the term the question asks about."""
    return float(f.origin is Origin.DEFINED)


@feature
def enumerated(f: Facts) -> float:
    """The sentence that introduces the n-th of an enumeration the question asks about."""
    return float(f.origin is Origin.ENUMERATED)


def _asks(kind: str):
    def asks(f: Facts) -> float:
        return float(f.qtype == kind)
    asks.__doc__ = f"The question asks for a {kind}: how far a span or a sentence of that kind is trusted."
    return asks


for _kind in ("person", "date", "place", "count", "amount", "duration", "definition", "yes/no"):
    FEATURES["asks " + _kind] = _asks(_kind)


@dataclass(frozen=True, slots=True)
class Scorer:
    """A logistic scorer over the named features."""

    weights: dict[str, float]
    bias: float = 0.0

    def contributions(self, facts: Facts) -> dict[str, float]:
        """Each feature's share of the score (weight × value), non-zero ones only."""
        out = {}
        for name, fn in FEATURES.items():
            share = self.weights.get(name, 0.0) * fn(facts)
            if share:
                out[name] = share
        return out

    def probability(self, facts: Facts) -> float:
        z = self.bias + sum(self.contributions(facts).values())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True, slots=True)
class Model:
    """The two fitted scorers and the decision's thresholds.

    ``sentence`` ranks candidates by the chance their sentence holds the answer; ``span`` says
    whether a candidate's span is right; the answer is given when its chance clears ``threshold``.
    """

    sentence: Scorer
    span: Scorer
    threshold: float = 0.5
    tentative: float = 0.35
    span_odds: float = 0.5

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        return cls(Scorer(data["sentence"]["weights"], data["sentence"]["bias"]),
                   Scorer(data["span"]["weights"], data["span"]["bias"]),
                   data["threshold"], data["tentative"], data["span_odds"])


def vector(facts: Facts) -> list[float]:
    """A candidate's feature values, in ``FEATURES`` order (what tools/fit.py fits on)."""
    return [fn(facts) for fn in FEATURES.values()]


@cache
def shipped_model() -> Model:
    """The fitted weights shipped with askclover."""
    with open(os.path.join(os.path.dirname(__file__), "data", "weights.json"), encoding="utf-8") as f:
        return Model.from_dict(json.load(f))


@dataclass(frozen=True, slots=True)
class Decision:
    """Which candidate the scorer chose, how likely its answer is right, and what that decided."""

    reason: Reason
    chosen: int | None
    probability: float
    whole: bool                                  # the chosen sentence is the answer, not its span
    probabilities: tuple[float, ...] = ()
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)
    contributions: dict[str, float] = field(default_factory=dict)
    query: object = field(default=None, repr=False)  # the Query the candidates were read for

    @property
    def likeliest(self) -> int | None:
        """The candidate the sentence scorer likes best, vetoed or not: the closest the text comes."""
        return _likeliest(self.probabilities, range(len(self.probabilities)))

    @property
    def shares(self) -> list[tuple[str, float]]:
        """The features' shares of the chosen candidate's score, largest first."""
        return sorted(self.contributions.items(), key=lambda kv: -abs(kv[1]))


def _likeliest(probs: tuple[float, ...], among) -> int | None:
    """The index of the highest probability among ``among``; the earlier one on a tie."""
    return max(among, key=lambda i: (probs[i], -i), default=None)


def decide(candidates: list[Candidate], model: Model, query: object = None) -> Decision:
    """Take the candidate likeliest to hold the answer, give its span when the span scorer
    trusts it (and the span answers, or the sentence would not either), and answer when the
    answer's chance clears the threshold."""
    if not candidates:
        return Decision(Reason.NOTHING, None, 0.0, True, query=query)
    probs = tuple(model.sentence.probability(c.facts) for c in candidates)
    open_ = [i for i, c in enumerate(candidates) if not c.facts.blocked] or range(len(candidates))
    best = _likeliest(probs, open_)
    facts = candidates[best].facts
    if facts.blocked:
        return Decision(Reason.BLOCKED, best, probs[best], True, probs, tuple(candidates),
                        model.sentence.contributions(facts), query)
    p_span = model.span.probability(facts) if facts.sure else 0.0
    whole = p_span < model.span_odds or p_span < model.threshold <= probs[best]  # the sentence answers where its span would not
    p = probs[best] if whole else p_span
    reason = Reason.ANSWERED if p >= model.threshold else Reason.TENTATIVE if p >= model.tentative else Reason.UNSURE
    scorer = model.sentence if whole else model.span
    return Decision(reason, best, p, whole, probs, tuple(candidates), scorer.contributions(facts), query)
