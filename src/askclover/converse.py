"""Conversation state: follow-up questions read in the light of the turns before them."""
from __future__ import annotations

import re

from .answer import Answerer
from .extract import head_words
from .index import Index
from .model import Answer, QuestionType
from .text import STOP_WORDS, fold, stem, tokens

PRONOUNS = frozenset("he she him her his hers they them their theirs it its those these this that".split())
FOLLOW_ON = re.compile(r"^\s*(?:and|also|what about|how about|and what about|same for|what of)\b", re.I)
WH_START = re.compile(r"^\s*(?:and\s+|also\s+)?(?:what|which|who|whom|whose|when|where|why|how)\b(?!\s+about)", re.I)
CONDITION = re.compile(r"^\s*(?:and|also|what about|how about|and what about)\s+(?:for|in|among|with|at|after|before|during|from|of|to|on)\b", re.I)
CONTEXT_WEIGHT = 0.5


class Conversation:
    """A chain of questions; each follow-up borrows terms and topic from the turn before."""

    def __init__(self, index: Index, top_k: int = 3) -> None:
        self.answerer = Answerer(index, top_k)
        self.last: Answer | None = None

    @property
    def index(self) -> Index:
        return self.answerer.index

    def reset(self) -> None:
        """Forget the previous turns."""
        self.last = None

    def is_follow_up(self, question: str) -> bool:
        """True when the question leans on the previous turn: a pronoun, "and …", or too few words."""
        words = [w for w, _, _ in tokens(question)]
        if self.last is None or not words:
            return False
        return bool(FOLLOW_ON.match(question)) or any(w in PRONOUNS for w in words)

    def ask(self, question: str) -> Answer:
        """Answer ``question`` as the next turn of the conversation."""
        if not self.is_follow_up(question):
            answer = self.answerer.ask(question)
        else:
            assert self.last is not None
            prev = self.last
            own = {stem(w) for w, _, _ in tokens(question) if w not in STOP_WORDS}
            said = (prev.resolved or prev.question) + " " + (prev.text if prev.span else "")
            context = tuple(dict.fromkeys((stem(w), CONTEXT_WEIGHT) for w, _, _ in tokens(said)
                                          if w not in STOP_WORDS and stem(w) not in own))
            near = frozenset({prev.passage} if prev.passage is not None else ())
            elliptical = FOLLOW_ON.match(question) and not WH_START.match(question)
            answer = self.answerer.ask(
                question, context, near, resolved=self.resolve(question, prev),
                qtype=prev.qtype if elliptical else None,
                head=frozenset(head_words(prev.resolved or prev.question)) if CONDITION.match(question) else frozenset())
            if not answer.answered:
                answer = self.answerer.ask(question) if not answer.hits else answer
        if answer.answered or self.last is None:
            self.last = answer
        return answer

    def resolve(self, question: str, prev: Answer) -> str:
        """The question with its pronoun (or ellipsis) spelled out from the previous turn."""
        subject = self.subject(prev)
        q = question.strip()
        if subject:
            for pron, repl in (("her|his|their|its", subject + "'s"), ("she|he|they|it|them|him", subject)):
                new = re.sub(rf"\b(?:{pron})\b", repl, q, count=1, flags=re.I)
                if new != q:
                    return new
        m = FOLLOW_ON.match(q)
        body = q[m.end():].strip(" ,?") if m else q.strip(" ?")
        return f"{prev.resolved or prev.question} — {body}?" if body else prev.resolved or prev.question

    @staticmethod
    def subject(prev: Answer) -> str:
        """What the previous turn was about: the person it named, else the noun phrase of its
        question ("the 15-year-old girl")."""
        if prev.qtype is QuestionType.PERSON and prev.answered and prev.text and len(prev.text) < 40:
            return prev.text
        m = re.search(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,3}?(?:[\w-]+))(?=\s+(?:with|who|in|at|of|for|did|was|were|get|got|had|received)\b|\s*\?|$)",
                      prev.resolved or prev.question, re.I)
        if not m:
            return ""
        words = m.group(0).split()
        return " ".join(words) if fold(words[-1]) not in STOP_WORDS else ""
