"""The data that flows through the pipeline: passages, sentences, hits, quotes, answers."""
from __future__ import annotations

import os
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
    """A verbatim slice of a knowledge file; make it with :meth:`from_text`.

    Attributes:
        text: the quoted words, exactly ``file_text[start:end]``.
        source: the absolute path of the file.
        start: the offset of the first character in the file's text.
        end: the offset just past the last character.
        line: the 1-based line of the file the quote starts on.
    """

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
    """A sentence found by retrieval, with the passage it belongs to.

    Attributes:
        passage: the number of its passage in ``Knowledge.passages``.
        sentence: its number within that passage.
        source: the absolute path of its file.
        start: the offset of its first character in the file's text.
        end: the offset just past its last character.
        text: the sentence, exactly ``file_text[start:end]``.
        score: its BM25 score for the question (higher is closer).
    """

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
    """The reply to one question: the answer span and the quotes that back it.

    ``str()`` gives the answer as the command prints it; ``repr()`` a one-line summary.

    Attributes:
        question: the question as asked.
        answered: False when the articles don't say (then ``text`` is None).
        text: the answer, a verbatim span of the first quote's file.
        quotes: the supporting sentences, best first; when not answered, the closest one.
        resolved: the question as read: a follow-up spelled out ("her" → "the girl's").
        qtype: what kind of answer the question asks for.
        score: the BM25 score of the sentence answered from.
        span: the answer's ``(start, end)`` in its file, when it is a span of a sentence.
        hits: the sentences retrieval found, best first.
        note: a reply in words when not answered ("The article doesn't say. …").
        passage: the number of the passage answered from.
        corrections: ``(typo, fix)`` pairs repaired in the question.
        why_not: when not answered, the check the closest sentence failed.
        tentative: when the scorer was just under its threshold, the answer it came closest to.
        decision: the scorer's :class:`~askclover.decide.Decision` (candidates, chances, shares).
        rests_on: how many of the first quotes the answer needs (a comparison: both sides' sentences).
    """

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
    why_not: str = ""
    tentative: str | None = None
    decision: object = field(default=None, repr=False, compare=False)
    rests_on: int = 1

    def __repr__(self) -> str:
        where = f"{os.path.basename(self.quotes[0].source)}:{self.quotes[0].line}" if self.quotes else None
        return f"Answer(question={self.question!r}, answered={self.answered}, text={self.text!r}, quote={where!r})"

    def __str__(self) -> str:
        from .present import Style, render

        return render(self, Style())
