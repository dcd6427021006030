"""The data that flows through the pipeline: passages, sentences, hits, quotes, answers."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a passage, with offsets into its file's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of a knowledge file: its text is ``file_text[start:end]``."""

    source: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    heading: str = ""
    is_heading: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim slice of a knowledge file; make it with :meth:`from_text`."""

    text: str
    source: str
    start: int
    end: int
    line: int = 1

    @classmethod
    def from_text(cls, file_text: str, source: str, start: int, end: int) -> Quote:
        """Slice ``file_text`` so the quote is verbatim by construction."""
        return cls(file_text[start:end], source, start, end, file_text.count("\n", 0, start) + 1)


@dataclass(frozen=True, slots=True)
class Hit:
    """A sentence found by retrieval, with the passage it belongs to."""

    passage: int
    sentence: int
    source: str
    start: int
    end: int
    text: str
    score: float


class QuestionType(str, Enum):
    """What a question asks for; decides which span the reader looks for."""

    PERSON = "person"
    DATE = "date"
    PLACE = "place"
    COUNT = "count"
    AMOUNT = "amount"
    DURATION = "duration"
    DEFINITION = "definition"
    YESNO = "yes/no"
    LIST = "list"
    DESCRIPTION = "description"


@dataclass(frozen=True, slots=True)
class Answer:
    """The reply to one question: the answer span and the quotes that back it."""

    question: str
    answered: bool
    text: str | None
    quotes: tuple[Quote, ...] = ()
    resolved: str = ""
    qtype: QuestionType = QuestionType.DESCRIPTION
    score: float = 0.0
    span: tuple[int, int] | None = None
    hits: tuple[Hit, ...] = field(default=(), repr=False)
    note: str = ""
    passage: int | None = None
    corrections: tuple[tuple[str, str], ...] = ()
    why_not: str = ""  # when not answered: why the closest sentence does not answer
