"""Finding and reading knowledge files: a file or a folder of .txt/.md articles."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KnowledgeError
from .model import Passage
from .split import passages

SUFFIXES = (".txt", ".md", ".markdown")
ENV_VAR = "ASKCLOVER_KNOWLEDGE"
MAX_FILE_BYTES = 200 * 1024 * 1024


def shipped_path() -> Path:
    """The article that ships with askclover: package data when installed, else the repo's folder."""
    packaged = Path(__file__).resolve().parent / "knowledge"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "knowledge"


def default_path() -> Path:
    """``$ASKCLOVER_KNOWLEDGE`` if set, else the shipped article."""
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env) if env else shipped_path()


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


def scan(path: Path) -> tuple[list[Path], list[Path]]:
    """The knowledge files under ``path`` (itself if a file), and the other files there that
    are not read; both sorted, hidden ones left out."""
    if path.is_file():
        return [path], []
    if not path.is_dir():
        raise KnowledgeError(f"knowledge path not found: {path}")
    found, other = [], []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if not f.startswith("."):
                (found if f.lower().endswith(SUFFIXES) else other).append(Path(root) / f)
    return sorted(found), sorted(other)


def find_files(path: Path) -> list[Path]:
    """The knowledge files under ``path`` (itself if a file), sorted, hidden ones skipped."""
    return scan(path)[0]


def skipped(other: list[Path]) -> list[str]:
    """A warning for each document of a kind askclover cannot read, one for the rest."""
    kinds = [f for f in other if f.suffix.lower() in CONVERT]
    warnings = [f"skipped {f}: {CONVERT[f.suffix.lower()]}; only .txt and .md files are read" for f in kinds]
    rest = [f for f in other if f.suffix.lower() not in CONVERT]
    if rest:
        names = ", ".join(f.name for f in rest[:3]) + (", …" if len(rest) > 3 else "")
        warnings.append(f"skipped {len(rest)} other file{'s' * (len(rest) != 1)} not .txt or .md ({names})")
    return warnings


def read_bytes(path: Path) -> bytes:
    """The raw bytes of a knowledge file, or a KnowledgeError saying why it cannot be read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise KnowledgeError(f"skipped {path}: larger than {MAX_FILE_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as e:
        raise KnowledgeError(f"skipped {path}: cannot read it ({e.strerror or e})") from None


def decode(path: Path, data: bytes) -> str:
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


def read_files(root: Path) -> tuple[list[tuple[Path, bytes]], list[str]]:
    """The raw bytes of every knowledge file under ``root``, and a warning for each unreadable one."""
    found, other = scan(root)
    raw, warnings = [], skipped(other)
    for f in found:
        try:
            raw.append((f, read_bytes(f)))
        except KnowledgeError as e:
            warnings.append(str(e))
    return raw, warnings


def usable(root: Path, raw: list[tuple[Path, bytes]], warnings: list[str]) -> list[Document]:
    """Decode files already read, adding a warning for each that cannot be used; at least one
    must be usable, or KnowledgeError says so."""
    docs = []
    for f, data in raw:
        try:
            docs.append(Document(str(f.resolve()), decode(f, data)))
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
        root = Path(path) if path is not None else default_path()
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
