"""Abbreviations defined in the text itself, as in "overall survival (OS)" (Schwartz & Hearst, 2003)."""
from __future__ import annotations

import re

from .text import STOP_WORDS, LazyPattern

SHORT_FORM = LazyPattern(r"\(([^()\s,;][^(),;]{0,12}?)(?:[,;]\s[^()]*)?\)")  # "(OAPEC, consisting of …)" too


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


NAME = LazyPattern(r"(?<![\w’'-])(?>[\w’'-]*?\b(?=[A-Z]))"  # a run's first capitalised word: a later one fails alike
                  r"([A-Z][\w’'-]*+(?:\s++(?:(?:of|and|for|the|on|de)\s++)*+[A-Z][\w’'-]*+)++)")
ROMAN = LazyPattern(r"[IVX]+")


def initials(text: str, longest: int = 6) -> dict[str, str]:
    """Each run of capitalised words in ``text``'s names by its initials, the first one kept
    ("aaa": "American Automobile Association"), to find a short form a question uses that the
    text never defines; a run of capitalised stop words ("In Italy") is no name."""
    out: dict[str, str] = {}
    for name in (m.group(1) for m in NAME.finditer(text)):
        caps = list(re.finditer(r"[A-Z][\w’'-]*+", name))
        for i in range(len(caps)):
            for j in range(i + 2, min(len(caps), i + longest) + 1):
                run = caps[i:j]
                if any(c.group().lower() in STOP_WORDS for c in run):
                    break
                letters = "".join(c.group() if ROMAN.fullmatch(c.group()) else c.group()[0] for c in run)
                out.setdefault(letters.lower(), name[run[0].start():run[-1].end()])  # "WWII": "World War II"
    return out


def spelled_in_lower_case(short: str, text: str) -> str | None:
    """The first run of content words in lower case whose initials spell ``short`` ("COO":
    "chief operating officer"), for a short form that no capitalised name spells."""
    letters = [re.escape(c) for c in short.lower()]  # from a run's first such word: a later one fails alike
    pattern = rf"(?<![\w’'-])(?>[\w’'-]*?\b(?={letters[0]}))(" + r"[\w’'-]*+\s+".join(letters) + r"[\w’'-]*+)"
    return next((m.group(1) for m in re.finditer(pattern, text)
                 if not any(w in STOP_WORDS for w in m.group(1).split())), None)
