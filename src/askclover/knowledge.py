"""Finding and reading knowledge files: a file or a folder of .txt/.md articles."""
from __future__ import annotations

import os
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


def find_files(path: Path) -> list[Path]:
    """The knowledge files under ``path`` (itself if a file), sorted, hidden ones skipped."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise KnowledgeError(f"knowledge path not found: {path}")
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files
                  if not f.startswith(".") and f.lower().endswith(SUFFIXES)]
    return sorted(found)


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise KnowledgeError(f"skipped {path}: empty")
    return text


def read_text(path: Path) -> str:
    """Read and decode one knowledge file."""
    return decode(path, read_bytes(path))


@dataclass(frozen=True)
class Document:
    """One knowledge file: its absolute path and its text as read."""

    source: str
    text: str


@dataclass
class Knowledge:
    """The loaded articles, split into passages, with warnings about skipped files."""

    documents: list[Document]
    passages: list[Passage]
    warnings: list[str] = field(default_factory=list)
    _texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Knowledge:
        """Load a file or folder; raise KnowledgeError when no usable file is found."""
        root = Path(path) if path is not None else default_path()
        files = find_files(root)
        docs, warnings = [], []
        for f in files:
            try:
                docs.append(Document(str(f.resolve()), read_text(f)))
            except KnowledgeError as e:
                warnings.append(str(e))
        if not docs:
            why = f" ({len(files)} skipped)" if files else ""
            raise KnowledgeError(f"no usable .txt or .md file in {root}{why}")
        return cls.from_documents(docs, warnings)

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
