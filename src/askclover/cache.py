"""Loading knowledge through an on-disk cache of the prepared index, keyed by file contents."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from . import __version__
from .index import Index
from .knowledge import Knowledge, default_path, read_files, usable
from .text import remember


KEEP = 8
MAX_BYTES = 2**30


def cache_dir() -> Path:
    """``$ASKCLOVER_CACHE``, else ``$XDG_CACHE_HOME/askclover``, else ``~/.cache/askclover``."""
    if os.environ.get("ASKCLOVER_CACHE"):
        return Path(os.environ["ASKCLOVER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "askclover"


def _code_fingerprint() -> bytes:
    """A digest of the modules that shape the prepared index, so a changed askclover never
    trusts an index pickled by an older one, even at the same version number."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("abbrev", "index", "knowledge", "model", "split", "text"):
        try:
            digest.update((here / f"{name}.py").read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.digest()


def load_index(path: str | os.PathLike[str] | None = None, use_cache: bool = True,
               warn=lambda message: None, progress=None) -> Index:
    """The index of the knowledge at ``path``, from the cache when the files are unchanged."""
    root = Path(path) if path is not None else default_path()
    raw, warnings = read_files(root)
    digest = hashlib.sha256(f"askclover {__version__}\n".encode())
    digest.update(_code_fingerprint())
    digest.update("\n".join(warnings).encode("utf-8", "surrogateescape"))
    for f, data in raw:
        digest.update(f"{f.resolve()}\0{len(data)}\0".encode())
        digest.update(hashlib.sha256(data).digest())
    key = digest.hexdigest()
    target = cache_dir() / f"{key[:32]}.pickle"
    if use_cache and raw:
        index = _read(target, key)
        if index is not None:
            remember(index.stems)
            for w in index.knowledge.warnings:
                warn(w)
            return index
    try:
        docs = usable(root, raw, warnings)
    finally:
        for w in warnings:
            warn(w)
    index = Index.build(Knowledge.from_documents(docs, warnings), progress)
    if use_cache:
        _write(target, key, index, warn)
    return index


def _prune(folder: Path, keep: int, max_bytes: int = MAX_BYTES) -> None:
    """Delete the least recently used cached indexes beyond the ``keep`` newest or ``max_bytes``
    in all; the newest is always kept."""
    files = []
    for f in folder.glob("*.pickle"):
        try:
            files.append((f.stat(), f))
        except OSError:
            pass
    files.sort(key=lambda sf: sf[0].st_mtime, reverse=True)
    total = 0
    for i, (st, f) in enumerate(files):
        total += st.st_size
        if i and (i >= keep or total > max_bytes):
            try:
                f.unlink()
            except OSError:
                pass


def clear_cache() -> tuple[int, int]:
    """Delete every cached index (and any left-over temporary file); return how many files
    and bytes were removed."""
    folder = cache_dir()
    count = size = 0
    for f in [*folder.glob("*.pickle"), *folder.glob(".tmp-*.pickle")] if folder.is_dir() else []:
        try:
            n = f.stat().st_size
            f.unlink()
        except FileNotFoundError:
            continue
        count, size = count + 1, size + n
    return count, size


def _read(target: Path, key: str) -> Index | None:
    """The cached index, or None when it is missing, stale or corrupt (never trusted blindly)."""
    try:
        with open(target, "rb") as f:
            stored_key, index = pickle.load(f)
    except Exception:
        return None
    if stored_key != key or not isinstance(index, Index):
        return None
    try:
        os.utime(target)
    except OSError:
        pass
    return index


def _write(target: Path, key: str, index: Index, warn) -> None:
    """Write the cache atomically: a temporary file in the same folder, then a rename."""
    import tempfile

    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((key, index), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        tmp = None
        _prune(target.parent, keep=KEEP)
    except OSError as e:
        warn(f"cannot write the index cache in {target.parent} ({e.strerror or e}); continuing without it")
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
