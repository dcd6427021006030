"""askclover: answers questions about the articles in a folder, quoting them verbatim.

The names are imported on first use, so a command that needs few of them starts fast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

_HOMES = {
    "Answerer": "answer", "ask": "answer", "load_index": "cache", "Conversation": "converse",
    "AskCloverError": "errors", "KnowledgeError": "errors", "QuestionError": "errors", "Index": "index",
    "Knowledge": "knowledge", "Answer": "model", "Hit": "model", "Passage": "model",
    "QuestionType": "model", "Quote": "model", "Sentence": "model", "Retriever": "retrieve",
}

__all__ = sorted([*_HOMES, "__version__"])

if TYPE_CHECKING:
    from .answer import Answerer, ask
    from .cache import load_index
    from .converse import Conversation
    from .errors import AskCloverError, KnowledgeError, QuestionError
    from .index import Index
    from .knowledge import Knowledge
    from .model import Answer, Hit, Passage, QuestionType, Quote, Sentence
    from .retrieve import Retriever


def __getattr__(name: str):
    """Import a public name from its module the first time it is asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'askclover' has no attribute {name!r}")
    from importlib import import_module

    value = globals()[name] = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
