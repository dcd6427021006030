"""Rendering answers for people (wrapped, optionally coloured) and for programs (JSON lines)."""
from __future__ import annotations

import json
import os
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Answer, Quote
from .text import LazyPattern

if TYPE_CHECKING:
    from .index import Index

CONTROL = LazyPattern(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BOLD, DIM, HILITE, RESET = "\x1b[1m", "\x1b[2m", "\x1b[1;33m", "\x1b[0m"


def clean(text: str) -> str:
    """Text safe to print on a terminal: escape sequences and control characters removed."""
    return CONTROL.sub("", text.replace("\t", " ")).encode("utf-8", "replace").decode("utf-8")


def to_json(answer: Answer, index: Index | None = None, explained: bool = False) -> dict:
    """The ``--json`` object for one answer (the contract in the README); ``explained`` adds
    the ``explain`` object."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "answer": answer.text if answer.answered else None,
        "quotes": [{"text": q.text, "source": q.source, "start": q.start, "end": q.end, "line": q.line}
                   for q in answer.quotes],
        "resolved": read_as_text(answer),
        "type": answer.qtype.value,
        "score": round(answer.score, 3),
        **({"note": answer.note} if answer.note and not answer.answered else {}),
        **({"tentative": answer.tentative} if answer.tentative else {}),
        **({"explain": explain_json(answer, index)} if explained else {}),
    }


def json_line(answer: Answer, index: Index | None = None, explained: bool = False) -> str:
    """One line of ``--json`` output."""
    return json.dumps(to_json(answer, index, explained), ensure_ascii=False, separators=(",", ":"))


def explain_json(answer: Answer, index: Index | None = None) -> dict:
    """What ``--explain`` shows, as data: the reading, the span, why not, the passages found."""
    unknown, lacking = missing(answer, index)
    return {
        "read_as": read_as_text(answer),
        "corrections": [list(pair) for pair in answer.corrections],
        "span": list(answer.span) if answer.answered and answer.span else None,
        "why_not": None if answer.answered else (answer.why_not or None),
        "not_in_articles": unknown,
        "not_in_closest": lacking,
        **decision_json(answer),
        "passages": [{"score": round(h.score, 3), "source": h.source, "start": h.start, "end": h.end,
                      **({"line": index.knowledge.text_of(h.source).count("\n", 0, h.start) + 1} if index else {}),
                      "text": h.text} for h in answer.hits[:5]],
    }


def decision_json(answer: Answer) -> dict:
    """The scorer's view: the chance the answer is right and each feature's share of it."""
    d = answer.decision
    if d is None or d.chosen is None:
        return {}
    return {"probability": round(d.probability, 3), "decision": d.reason.value,
            "features": {k: round(v, 3) for k, v in d.shares}}


def missing(answer: Answer, index: Index | None = None) -> tuple[list[str], list[str]]:
    """For an abstention: the question's words the articles never use, and those the closest
    sentence lacks."""
    if answer.answered or not answer.question:
        return [], []
    from .text import STOP_WORDS, stem, terms, tokens

    asked = read_as_text(answer)
    unknown: list[str] = []
    if index is not None:
        from .retrieve import understand

        unknown = list(dict.fromkeys(understand(asked, index).unknown))
    closest = set(terms(answer.quotes[0].text)) if answer.quotes else set()
    lacking = [w for w in dict.fromkeys(w for w, _, _ in tokens(asked) if w not in STOP_WORDS)
               if answer.quotes and stem(w) not in closest and w not in unknown]
    return unknown, lacking


def short_names(sources: Iterable[str]) -> dict[str, str]:
    """How each source is shown: its path from the folder all of them share (the file name
    alone when there is one file, or all sit in one folder)."""
    unique = list(dict.fromkeys(sources))
    if len(unique) < 2:
        return {s: os.path.basename(s) for s in unique}
    root = os.path.commonpath([os.path.dirname(s) for s in unique])
    return {s: os.path.relpath(s, root) for s in unique}


@dataclass(frozen=True)
class Style:
    """How human output looks: colour on or off, and the width to wrap at."""

    color: bool = False
    width: int = 80

    def paint(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color and text else text


def is_terminal(stream) -> bool:
    """True for an open terminal stream; False for files, pipes, closed or stand-in streams."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def auto_style(stream, width: int | None = None) -> Style:
    """Colour only on a terminal and when ``NO_COLOR`` is unset; width from the terminal."""
    color = is_terminal(stream) and not os.environ.get("NO_COLOR")
    if width is None:
        try:
            width = os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            width = int(os.environ.get("COLUMNS", "80") or 80)
    return Style(color, max(20, min(width, 100)))


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent) or [indent]


def _name(source: str, names: Mapping[str, str] | None) -> str:
    return clean((names or {}).get(source) or os.path.basename(source))


def _where(quote: Quote, names: Mapping[str, str] | None = None) -> str:
    """The line under a quote: its file name and line number."""
    return f"  — {_name(quote.source, names)}:{quote.line}"


def render_quote(quote: Quote, style: Style, span: tuple[int, int] | None = None,
                 names: Mapping[str, str] | None = None) -> str:
    """A quote wrapped to the width, the answer span highlighted, and its file:line below."""
    text = clean(quote.text)
    lines = _wrap(f"“{text}”", style.width, "  ")
    out = "\n".join(lines)
    if style.color and span and quote.start <= span[0] and span[1] <= quote.end:
        piece = clean(quote.text[span[0] - quote.start:span[1] - quote.start])
        words = piece.split()
        if words:
            pattern = r"\s+".join(re.escape(w) for w in words)
            out = re.sub(pattern, lambda m: style.paint(HILITE, m.group()), out, count=1)
    return out + "\n" + style.paint(DIM, _where(quote, names))


def read_as_text(answer: Answer) -> str:
    """The question as it was understood: follow-ups spelled out, typos repaired."""
    text = answer.resolved or answer.question
    for typo, fixed in answer.corrections:
        text = re.sub(rf"\b{re.escape(typo)}\b", fixed, text, flags=re.I)
    return text


def render(answer: Answer, style: Style, top_k: int = 1, names: Mapping[str, str] | None = None) -> str:
    """A human-readable answer: the answer in bold, then its quotes (sources shown by ``names``)."""
    read_as = read_as_text(answer)
    shown = style.paint(DIM, "\n".join(_wrap(f"(read as: {clean(read_as)})", style.width, "  "))) \
        if answer.question and read_as != answer.question else ""
    if not answer.answered:  # "(read as: …)" too, so a follow-up's reading can be seen
        note = "\n".join(_wrap(clean(answer.note or "The article doesn't say."), style.width, ""))
        return "\n".join(filter(None, [note, shown]))
    head = "\n".join(_wrap(clean(answer.text or ""), style.width, ""))
    parts = [style.paint(BOLD, head)]
    if shown:
        parts.append(shown)
    for i, q in enumerate(answer.quotes[:max(top_k, answer.rests_on, 1)]):
        if i == 0 and q.text == answer.text:
            parts.append(style.paint(DIM, _where(q, names)))
            continue
        parts.append(render_quote(q, style, answer.span if i == 0 else None, names))
    return "\n".join(parts)


def explain(answer: Answer, style: Style, index: Index | None = None,
            names: Mapping[str, str] | None = None) -> str:
    """Why this answer: the question type, the span, and the passages with their scores; for an
    abstention, which check failed and which of the question's words were not found."""
    lines = [f"question type: {answer.qtype.value}"]
    if read_as_text(answer) != answer.question:
        lines.append(f"read as: {clean(read_as_text(answer))}")
    if answer.corrections:
        lines.append("typos fixed: " + ", ".join(f"{clean(a)} → {clean(b)}" for a, b in answer.corrections))
    lines.append(f"answer: {clean(answer.text)}" if answer.answered else
                 f"answer: (abstained{': ' + clean(answer.why_not) if answer.why_not else ''})")
    if answer.answered and answer.quotes:
        q = answer.quotes[0]
        kind = "span in" if answer.span else "sentence"
        lines.append(f"from: {kind} {_name(q.source, names)}:{q.line}, characters {q.start}–{q.end}")
    d = answer.decision
    if d is not None and d.chosen is not None:
        shares = d.shares[:6]
        lines.append(f"chance it is right: {d.probability:.2f} ({d.reason.value}); "
                     + ", ".join(f"{k} {v:+.2f}" for k, v in shares))
    unknown, lacking = missing(answer, index)
    if unknown:
        lines.append("not in the articles: " + ", ".join(clean(w) for w in unknown))
    if lacking:
        lines.append("not in the closest sentence: " + ", ".join(clean(w) for w in lacking))
    if not answer.answered and answer.question and not answer.hits:
        lines.append("no sentence shares a word with the question")
    for i, h in enumerate(answer.hits[:5], 1):
        snippet = clean(h.text if len(h.text) < 160 else h.text[:157] + "…")
        lines.append(f"{i}. [{h.score:.2f}] {_name(h.source, names)}: {snippet}")
    return "\n".join(textwrap.fill(ln, style.width, subsequent_indent="   ") for ln in lines)


class Progress:
    """A one-line progress bar on a terminal stream: "indexing ####---- 12,000/100,000 passages"."""

    def __init__(self, stream, width: int = 24) -> None:
        self.stream, self.width, self.shown = stream, width, False

    def __call__(self, done: int, total: int) -> None:
        if total < 2000:
            return
        filled = self.width * done // max(total, 1)
        end = "\n" if done >= total else ""
        self.stream.write(f"\rindexing {'#' * filled}{'-' * (self.width - filled)} {done:,}/{total:,} passages{end}")
        self.stream.flush()
