"""Abbreviations defined in the text itself, as in "overall survival (OS)" (Schwartz & Hearst, 2003)."""
from __future__ import annotations

import re

from .text import STOP_WORDS

SHORT_FORM = re.compile(r"\(([^()\s,;][^(),;]{0,12}?)(?:[,;]\s[^()]*)?\)")  # "(OAPEC, consisting of …)" too


def _best_long_form(short: str, long: str, capital: bool = False) -> str | None:
    """Schwartz-Hearst: the shortest tail of ``long`` whose letters spell ``short`` in order
    (``capital``: starting at a capital, so "OAPEC" is "Organization of …", not "of …")."""
    s, l = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l >= 0 and (long[l].lower() != c or (s == 0 and l > 0 and long[l - 1].isalnum())
                          or (s == 0 and capital and not long[l].isupper())):
            l -= 1
        if l < 0:
            return None
        l -= 1
        s -= 1
    start = long.rfind(" ", 0, l + 1) + 1
    return long[start:].strip()


def find(text: str) -> dict[str, str]:
    """Map each short form defined in ``text`` to its long form."""
    found: dict[str, str] = {}
    for m in SHORT_FORM.finditer(text):
        short = m.group(1).strip()
        words = short.split()
        if not (2 <= len(short) <= 10 and len(words) <= 2 and any(c.isalpha() for c in short)):
            continue
        if not short[0].isalnum():
            continue
        before = text[max(0, m.start() - 200):m.start()]
        before = re.split(r"[.;:!?()\[\]\n]", before)[-1].rstrip(" ,")
        window = before.split()[-min(len(short) + 5, 2 * len(short)):]
        if not window:
            continue
        long = _best_long_form(short, " ".join(window), True) or _best_long_form(short, " ".join(window))
        if not long or len(long) <= len(short) or short.lower() in long.lower().split():
            continue
        if len(long.split()) > len(short) + 4:
            continue
        found.setdefault(short, long)
    return found


NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|the|on|de)\s+)*[A-Z][\w’'-]*)+")


def spelled(short: str, text: str) -> str | None:
    """The first capitalised name in ``text`` whose capital words' initials spell ``short``
    ("AAA": "American Automobile Association"): a short form a question uses, the text not."""
    want = short.lower()
    for m in NAME.finditer(text):
        caps = list(re.finditer(r"[A-Z][\w’'-]*", m.group()))
        for i in range(len(caps) - len(want) + 1):
            run = caps[i:i + len(want)]
            if "".join(c.group()[0] for c in run).lower() == want and not any(
                    c.group().lower() in STOP_WORDS for c in run):  # "In Italy" is no name
                return m.group()[run[0].start():run[-1].end()]
    return None
