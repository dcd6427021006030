"""Finding and reading knowledge files: a file or a folder of .txt/.md articles."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import KnowledgeError
from .model import Passage
from .split import passages

if TYPE_CHECKING:
    from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown")
ENV_VAR = "ASKCLOVER_KNOWLEDGE"
MAX_FILE_BYTES = 200 * 1024 * 1024


def shipped_path() -> str:
    """The article that ships with askclover: package data when installed, else the repo's folder."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "knowledge")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "knowledge")


def default_path() -> str:
    """``$ASKCLOVER_KNOWLEDGE`` if set, else the shipped article."""
    env = os.environ.get(ENV_VAR, "").strip()
    return os.path.normpath(env) if env else shipped_path()


CONVERT = {
    ".pdf": "a PDF (convert it to text, e.g. with pdftotext)",
    ".docx": "a word-processor file (save it as plain text)",
    ".doc": "a word-processor file (save it as plain text)",
    ".odt": "a word-processor file (save it as plain text)",
    ".rtf": "a word-processor file (save it as plain text)",
    ".epub": "an e-book (convert it to text, e.g. with pandoc -t plain)",
    ".html": "HTML (save it as text, e.g. with pandoc -t plain)",
    ".htm": "HTML (save it as text, e.g. with pandoc -t plain)",
}


def scan(path: str) -> tuple[list[str], list[str]]:
    """The knowledge files under ``path`` (itself if a file), and the other files there that
    are not read; both sorted as paths (by their parts), hidden ones left out."""
    path = os.path.normpath(path)
    if os.path.isfile(path):
        return [path], []
    if not os.path.isdir(path):
        raise KnowledgeError(f"knowledge path not found: {path}")
    found, other = [], []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if not f.startswith("."):
                (found if f.lower().endswith(SUFFIXES) else other).append(os.path.join(root, f))
    return sorted(found, key=_parts), sorted(other, key=_parts)


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def find_files(path: str | os.PathLike[str]) -> list[Path]:
    """The knowledge files under ``path`` (itself if a file), sorted, hidden ones skipped."""
    from pathlib import Path

    return [Path(f) for f in scan(os.fspath(path))[0]]


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def skipped(other: list[str]) -> list[str]:
    """A warning for each document of a kind askclover cannot read, one for the rest."""
    kinds = [f for f in other if _suffix(f) in CONVERT]
    warnings = [f"skipped {f}: {CONVERT[_suffix(f)]}; only .txt and .md files are read" for f in kinds]
    rest = [f for f in other if _suffix(f) not in CONVERT]
    if rest:
        names = ", ".join(os.path.basename(f) for f in rest[:3]) + (", …" if len(rest) > 3 else "")
        warnings.append(f"skipped {len(rest)} other file{'s' * (len(rest) != 1)} not .txt or .md ({names})")
    return warnings


def read_bytes(path: str) -> bytes:
    """The raw bytes of a knowledge file, or a KnowledgeError saying why it cannot be read."""
    try:
        if os.stat(path).st_size > MAX_FILE_BYTES:
            raise KnowledgeError(f"skipped {path}: larger than {MAX_FILE_BYTES // 2**20} MB")
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise KnowledgeError(f"skipped {path}: cannot read it ({e.strerror or e})") from None


def decode(path: str | os.PathLike[str], data: bytes) -> str:
    """Decode exactly as ``open(path, encoding="utf-8").read()`` does, or say why not."""
    if b"\x00" in data[:8192]:
        raise KnowledgeError(f"skipped {path}: not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise KnowledgeError(f"skipped {path}: not UTF-8 text (convert it with iconv)") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise KnowledgeError(f"skipped {path}: empty")
    return text


def read_files(root: str) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The raw bytes of every knowledge file under ``root``, and a warning for each unreadable one."""
    found, other = scan(root)
    raw, warnings = [], skipped(other)
    for f in found:
        try:
            raw.append((f, read_bytes(f)))
        except KnowledgeError as e:
            warnings.append(str(e))
    return raw, warnings


def usable(root: str, raw: list[tuple[str, bytes]], warnings: list[str]) -> list[Document]:
    """Decode files already read, adding a warning for each that cannot be used; at least one
    must be usable, or KnowledgeError says so."""
    docs = []
    for f, data in raw:
        try:
            docs.append(Document(os.path.realpath(f), decode(f, data)))
        except KnowledgeError as e:
            warnings.append(str(e))
    if not docs:
        why = f" ({len(warnings)} skipped)" if warnings else ""
        raise KnowledgeError(f"no usable .txt or .md file in {root}{why}")
    return docs


@dataclass(frozen=True)
class Document:
    """One knowledge file: its absolute path and its text as read."""

    source: str
    text: str


@dataclass
class Knowledge:
    """The loaded articles, split into passages, with warnings about skipped files.

    Attributes:
        documents: the files read, each with its absolute path and text.
        passages: their paragraphs and headings, in file order.
        warnings: one line for each file skipped, saying why.
    """

    documents: list[Document]
    passages: Sequence[Passage]
    warnings: list[str] = field(default_factory=list)
    _texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"Knowledge(files={len(self.documents)}, passages={len(self.passages)}, warnings={len(self.warnings)})"

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Knowledge:
        """Load a file or folder; raise KnowledgeError when no usable file is found."""
        root = os.path.normpath(os.fspath(path)) if path is not None else default_path()
        raw, warnings = read_files(root)
        return cls.from_documents(usable(root, raw, warnings), warnings)

    @classmethod
    def from_documents(cls, docs: list[Document], warnings: list[str] | None = None) -> Knowledge:
        """Split already-read documents into passages."""
        ps = [p for d in docs for p in passages(d.text, d.source)]
        return cls(docs, ps, list(warnings or []))

    def text_of(self, source: str) -> str:
        """The full text of one knowledge file."""
        if len(self._texts) != len(self.documents):
            self._texts.update((d.source, d.text) for d in self.documents)
        return self._texts[source]
