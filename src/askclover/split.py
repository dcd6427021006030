"""Splitting a file's text into passages (paragraphs) and sentences with exact offsets."""
from __future__ import annotations

import re

from .model import Passage, Sentence
from .text import LazyPattern

BLANK_LINE = LazyPattern(r"\n[ \t]*\n\s*")
LIST_MARK = LazyPattern(r"(?:[-*+•]|\d{1,3}[.)]|#{1,6})[ \t]+")
ENDS = ".!?…"
CLOSERS = "\"'”’)]"
SENTENCE_END = LazyPattern(rf"(?<![{ENDS}])[{ENDS}]++[{re.escape(CLOSERS)}]*+\s+")
HEADING_MARK = LazyPattern(r"[ \t]{0,3}#{1,6}[ \t]+\S")
UNDERLINE = LazyPattern(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
RULE = LazyPattern(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
TABLE_RULE = LazyPattern(r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$")
CLOCK_BEFORE = LazyPattern(r"\d\s?$")  # a time of day ends its sentence: "… closes at 4 p.m. The next …"
NEXT_STARTS = LazyPattern(r"[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F-]")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc al fig no vol ed eds inc ltd co corp dept univ approx est "
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf gen gov sen rep col lt mt ca".split()
)
WRAPPED_LINE = 100


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = LIST_MARK.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def _is_wrapped(text: str, lines: list[tuple[int, int]], items: list[bool]) -> bool:
    """True when a block's lines are one hard-wrapped paragraph, not one paragraph per line."""
    if len(lines) < 2:
        return True
    return not any(items) and all(e - s <= WRAPPED_LINE for s, e in lines[:-1])


def _is_item(text: str, start: int, end: int) -> bool:
    """A list item or a table row: content, never a heading."""
    while start < end and text[start] in " \t":
        start += 1
    return bool(LIST_MARK.match(text, start, end)) and not HEADING_MARK.match(text, start, end) \
        or text.startswith("|", start)


def _is_short(text: str) -> bool:
    """A line that could be a title: a question, or short with no closing punctuation."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    return stripped[-1:] not in ('.', '!', ':', ';', ',', '"', '”') and len(stripped.split()) <= 14


def _last_word(text: str, start: int, end: int) -> str | None:
    """The word before the closing punctuation of ``text[start:end]``'s last word ("U.S" of
    "U.S.", "Dr" of "(Dr.)"), or None where that word is punctuation alone; read back from
    ``end``, so a sentence costs its own length however many ends it skips."""
    i = end
    while i > start and not text[i - 1].isspace():
        i -= 1
    core = text[i:end].rstrip(CLOSERS)
    bare = core.rstrip(ENDS)
    if core == bare:
        return None  # no end mark before the closers
    if bare:
        return bare
    return core[0] if len(core) >= 2 else None  # "...": the first mark stands for the word


def sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    """Split ``text[start:end]`` into sentences, keeping abbreviations like ``U.S.`` whole."""
    out, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if not NEXT_STARTS.match(text, m.end(), end):
            continue
        word = _last_word(text, pos, m.start() + len(m.group().rstrip()))
        if word:
            w = word.lower().lstrip("(\"'“‘")
            at = m.start() - len(w)
            clock = w in ("a.m", "p.m") and CLOCK_BEFORE.search(text, max(pos, at - 2), at)  # "at 4 p.m. The …"
            if m.group()[0] == "." and not clock and (w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w):
                continue
        s, e = _strip(text, pos, m.end())
        if e > s:
            out.append(Sentence(s, e))
        pos = m.end()
    s, e = _strip(text, pos, end)
    if e > s:
        out.append(Sentence(s, e))
    return tuple(out)


def _spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """One block's paragraphs, each marked "heading" (``#`` or setext), "item" (list or table
    row), "line" (a line of a block set one paragraph a line) or "text"."""
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        if run:
            kind = "text" if len(run) == 1 else "line"
            items = [_is_item(text, s, e) for s, e in run]
            out.extend([(run[0][0], run[-1][1], "text")] if len(run) > 1 and _is_wrapped(text, run, items) else
                       [(s, e, "item" if item else kind) for (s, e), item in zip(run, items)])
            run.clear()

    for s, e in lines:
        line = text[s:e]
        if UNDERLINE.match(line) and run and not _is_item(text, *run[-1]):
            title = run.pop()
            flush()
            out.append((*title, "heading"))
        elif RULE.match(line) or TABLE_RULE.match(line):
            flush()
        elif HEADING_MARK.match(line):
            flush()
            out.append((s, e, "heading"))
        else:
            run.append((s, e))
    flush()
    return out


def passages(text: str, source: str) -> list[Passage]:
    """The paragraphs of a file: blank-line blocks, or single lines where a block is unwrapped.
    Headings are lines Markdown marks as such, or a short line that starts a block and has
    body text after it; list items and table rows are always content."""
    spans: list[tuple[int, int, str, bool]] = []
    pos = 0
    for m in [*BLANK_LINE.finditer(text), None]:
        stop = m.start() if m else len(text)
        lines = [ln for ln in _lines(text, pos, stop) if text[ln[0]:ln[1]].strip()]
        block = _spans(text, lines)
        spans.extend((s, e, kind, i == len(block) - 1 and i > 0) for i, (s, e, kind) in enumerate(block))
        pos = m.end() if m else len(text)
    titles = [kind == "heading" for _, _, kind, _ in spans]
    body_after = False
    for i in range(len(spans) - 1, -1, -1):
        s, e, kind, closes_block = spans[i]
        if kind in ("text", "line") and not closes_block and body_after and _is_short(text[s:e]) \
                and "\n" not in text[s:e]:
            titles[i] = True
        elif kind != "heading":
            body_after = True
    out: list[Passage] = []
    heading = ""
    for (s, e, _, _), title in zip(spans, titles):
        s, e = _strip(text, s, e)
        if text.startswith("|", s):
            s, e = _strip(text, s + 1, e - text.endswith("|", s + 1, e))
        if e <= s:
            continue
        body = text[s:e]
        if title:
            heading = body
            out.append(Passage(source, s, e, body, (Sentence(s, e),), heading, is_heading=True))
            continue
        out.append(Passage(source, s, e, body, sentences(text, s, e), heading))
    return out
