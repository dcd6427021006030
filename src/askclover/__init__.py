"""askclover: answers questions about the articles in a folder, quoting them verbatim."""

__version__ = "0.1.0"

from .answer import Answerer, ask
from .cache import load_index
from .converse import Conversation
from .errors import AskCloverError, KnowledgeError, QuestionError
from .index import Index
from .knowledge import Knowledge
from .model import Answer, Hit, Passage, QuestionType, Quote, Sentence
from .retrieve import Retriever

__all__ = [
    "Answer", "Answerer", "AskCloverError", "Conversation", "Hit", "Index", "Knowledge",
    "KnowledgeError", "Passage", "QuestionError", "QuestionType", "Quote", "Retriever",
    "Sentence", "__version__", "ask", "load_index",
]
