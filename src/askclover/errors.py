"""The errors askclover raises; the CLI turns each into one line and an exit code."""


class AskCloverError(Exception):
    """Base class of every error askclover raises on purpose."""


class KnowledgeError(AskCloverError):
    """The knowledge path is missing, or holds no usable text file."""


class QuestionError(AskCloverError):
    """The question cannot be asked (empty, or longer than the limit)."""
