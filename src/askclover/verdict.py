"""Yes or no: what the clause that settles a yes/no question says of it."""
from __future__ import annotations

import re
from enum import Enum

from .retrieve import Query
from .text import STOP_WORDS, LazyPattern, lemmas, opposed, opposites, parts_of_speech, related_terms, stem, tokens

NEGATION = LazyPattern(r"\b(?:no|not|never|none|neither|nor|without|nothing|nobody|cannot)\b|n[’']t\b"
                      r"|\b(?:is|was|are|were|do|does|did|has|have|had|ca|can|wo|could|would|should)nt\b"
                      r"|\bnon-(?=\w)|\w-free\b|\bfree\s++(?:of|from)\b", re.I)  # "relapse-free": without relapse
EMBEDDED = LazyPattern(r"\b(?:whether|how|if)\b", re.I)
COMPARATIVE = LazyPattern(r"[a-z]{2}(?:er|est)$")
ALTERNATIVE = LazyPattern(r"\bor\b", re.I)  # "a poster or an oral presentation?" asks which, not whether


class Verdict(Enum):
    """What the settling clause says to a yes/no question."""

    YES = "Yes"
    NO = "No"
    UNSAID = "The article doesn't say"


def negated(text: str) -> bool:
    """Whether ``text`` negates what it says ("no patients experienced …", "didn't", "smoke-free")."""
    return NEGATION.search(text) is not None


def numbers(text: str) -> set[str]:
    """The numbers ``text`` gives, as digits ("two" -> "2")."""
    return {t for t in (stem(w) for w, _, _ in tokens(text)) if re.fullmatch(r"\d[\d.,]*", t)}


def forms(text: str) -> dict[str, str]:
    """The stems of the content words of ``text``, and of a comparative's lemma ("higher":
    "high"), each with its word."""
    out: dict[str, str] = {}
    for w, _, _ in tokens(text):
        if w not in STOP_WORDS:
            out[stem(w)] = w
            if COMPARATIVE.search(w):
                out.update({stem(b): w for b in lemmas(w) if b != w})
    return out


def judge(query: Query, clause: str) -> Verdict | None:
    """Yes, no, or not said, for the question of ``query`` and the clause that settles it; None
    when the question offers alternatives. No when exactly one of them negates, when the clause
    says the opposite of a word of the question, or gives other numbers than it; yes when it
    says each of the question's words (or a word related to it), else not said."""
    question = query.fixed_text
    if ALTERNATIVE.search(question):
        return None
    said = forms(EMBEDDED.split(clause, 1)[0])  # "to assess how safe it is" asserts no safety
    asked = forms(question)
    flips = negated(question) != negated(clause)
    for t in asked.keys() - said.keys():
        if any(opposed(asked[t], said[o]) for o in opposites(t) & said.keys() - asked.keys()):
            flips = not flips
            break
    given = numbers(clause)
    if numbers(question) - given and given:
        return Verdict.NO
    if flips:
        return Verdict.NO
    missing = [k for k, c in enumerate(query.concepts) if not met(c | query.kin_of(k), said.keys())
               and not any(NEGATION.fullmatch(alt[0]) for alt in c)]  # "without": weighed as a negation above
    return Verdict.UNSAID if any(not adverb(query, k) for k in missing) else Verdict.YES


def met(alternatives: frozenset[tuple[str, ...]], said) -> bool:
    """Whether the clause says one of a concept's forms, or a word related to its first."""
    if any(set(alt) <= said for alt in alternatives):
        return True
    return any(set(r) <= said for alt in alternatives if len(alt) == 1 for r in related_terms(alt[0]))


def adverb(query: Query, k: int) -> bool:
    """Whether the question's ``k``-th concept is only an adverb ("actually"): no fact to settle."""
    words = [w for w, _, _ in tokens(query.fixed_text) if (stem(w),) in query.concepts[k]]
    return bool(words) and all(parts_of_speech(w) == "r" for w in words)


def say(verdict: Verdict | None, clause: str) -> str:
    """The answer text: the verdict, then the clause ("No — no treatment-related deaths …")."""
    if verdict is None:
        return clause
    first = re.match(r"[A-Z][a-z]*\b", clause)
    if first and first.group().lower() in STOP_WORDS | {"no"}:
        clause = clause[:1].lower() + clause[1:]
    return f"{verdict.value} — {clause}"
