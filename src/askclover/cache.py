"""Loading knowledge through an on-disk cache of the prepared index, keyed by file contents."""
from __future__ import annotations

import hashlib
import math
import os
import pickle
import struct
from typing import TYPE_CHECKING

import numpy as np

from . import __version__
from .index import Index
from .knowledge import Document, Knowledge, default_path, read_files, usable
from .text import remember

if TYPE_CHECKING:
    from pathlib import Path


KEEP = 8
SUFFIX = ".index"
MAGIC = b"askclover-index1"
MAX_BYTES = 2**30


def cache_dir() -> Path:
    """``$ASKCLOVER_CACHE``, else ``$XDG_CACHE_HOME/askclover``, else ``~/.cache/askclover``."""
    from pathlib import Path

    return Path(_cache_folder())


def _cache_folder() -> str:
    if os.environ.get("ASKCLOVER_CACHE"):
        return os.environ["ASKCLOVER_CACHE"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "askclover")


def _code_fingerprint(here: str | os.PathLike[str] | None = None) -> bytes:
    """A digest of the modules and data files (``data/*``) that shape the prepared index, so a
    changed askclover never trusts an index pickled by an older one, even at the same version."""
    here = os.fspath(here or os.path.dirname(os.path.realpath(__file__)))
    digest = hashlib.sha256()
    names = [f"{name}.py" for name in ("abbrev", "errors", "index", "knowledge", "model", "split", "text")]
    try:
        names += sorted(f"data/{f}" for f in os.listdir(os.path.join(here, "data")) if not f.startswith("."))
    except OSError:
        pass
    for name in names:
        digest.update(f"{name}\0".encode())
        try:
            with open(os.path.join(here, name), "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.digest()


def load_index(path: str | os.PathLike[str] | None = None, use_cache: bool = True,
               warn=lambda message: None, progress=None) -> Index:
    """The index of the knowledge at ``path``, from the cache when the files are unchanged."""
    root = os.path.normpath(os.fspath(path)) if path is not None else default_path()
    raw, warnings = read_files(root)
    digest = hashlib.sha256(f"askclover {__version__}\n".encode())
    digest.update(_code_fingerprint())
    digest.update("\n".join(warnings).encode("utf-8", "surrogateescape"))
    for f, data in raw:
        digest.update(f"{os.path.realpath(f)}\0{len(data)}\0".encode())
        digest.update(hashlib.sha256(data).digest())
    key = digest.hexdigest()
    target = os.path.join(_cache_folder(), f"{key[:32]}{SUFFIX}")
    try:
        docs = usable(root, raw, warnings)
    finally:
        for w in warnings:
            warn(w)
    del raw
    if use_cache:
        index = _read(target, key, docs, warnings)
        if index is not None:
            remember(index.stems)
            return index
    index = Index.build(Knowledge.from_documents(docs, warnings), progress)
    if use_cache:
        _write(target, key, index, warn)
    return index


def _prune(folder: str, keep: int, max_bytes: int = MAX_BYTES) -> None:
    """Delete the least recently used cached indexes beyond the ``keep`` newest or ``max_bytes``
    in all; the newest is always kept."""
    files = []
    for f in os.listdir(folder):
        if f.endswith(SUFFIX) and not f.startswith("."):
            try:
                files.append((os.stat(os.path.join(folder, f)), os.path.join(folder, f)))
            except OSError:
                pass
    files.sort(key=lambda sf: sf[0].st_mtime, reverse=True)
    total = 0
    for i, (st, f) in enumerate(files):
        total += st.st_size
        if i and (i >= keep or total > max_bytes):
            try:
                os.unlink(f)
            except OSError:
                pass


def clear_cache() -> tuple[int, int]:
    """Delete every cached index (and any left-over temporary file); return how many files
    and bytes were removed."""
    folder = cache_dir()
    count = size = 0
    for f in [*folder.glob(f"*{SUFFIX}"), *folder.glob(".tmp-*.part")] if folder.is_dir() else []:
        try:
            n = f.stat().st_size
            f.unlink()
        except FileNotFoundError:
            continue
        count, size = count + 1, size + n
    return count, size


def _read(target: str, key: str, docs: list[Document], warnings: list[str]) -> Index | None:
    """The cached index, its arrays mapped from the file, or None when it is missing, stale or
    corrupt (never trusted blindly: magic, key, extents and sources are checked)."""
    import gc
    import mmap

    collecting = gc.isenabled()
    gc.disable()  # the header and views are many small objects, none of them cyclic garbage
    try:
        with open(target, "rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if len(mapped) < 2 * len(MAGIC) + 8 or mapped[:len(MAGIC)] != MAGIC or mapped[-len(MAGIC):] != MAGIC:
            return None
        (at,) = struct.unpack("<Q", mapped[-len(MAGIC) - 8:-len(MAGIC)])
        header = pickle.loads(mapped[at:-len(MAGIC) - 8])
        if header["key"] != key:
            return None
        arrays = {}
        for name, (dtype, shape, offset) in header["arrays"].items():
            count = math.prod(shape)
            if offset + count * np.dtype(dtype).itemsize > at:
                return None
            arrays[name] = np.frombuffer(mapped, dtype=dtype, count=count, offset=offset).reshape(shape)
        index = Index.from_columns(arrays, header["meta"], docs, warnings)
    except Exception:
        return None
    finally:
        if collecting:
            gc.enable()
    try:
        os.utime(target)
    except OSError:
        pass
    return index


def _write(target: str, key: str, index: Index, warn) -> None:
    """Write the cache atomically: a temporary file in the same folder, then a rename. The file is
    the magic, each array at a 64-byte boundary, a pickled header, its offset and the magic again."""
    import tempfile

    tmp = None
    try:
        folder = os.path.dirname(target)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        arrays, meta = index.columns()
        layout = {}
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC)
            for name, array in arrays.items():
                array = np.ascontiguousarray(array)
                f.write(b"\0" * (-f.tell() % 64))
                layout[name] = (array.dtype.str, array.shape, f.tell())
                f.write(array.data)
            at = f.tell()
            pickle.dump({"key": key, "arrays": layout, "meta": meta}, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.write(struct.pack("<Q", at) + MAGIC)
        os.replace(tmp, target)
        tmp = None
        _prune(folder, keep=KEEP)
    except OSError as e:
        warn(f"cannot write the index cache in {os.path.dirname(target)} ({e.strerror or e}); continuing without it")
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
