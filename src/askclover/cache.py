"""Loading knowledge through an on-disk cache of the prepared index, keyed by file contents."""
from __future__ import annotations

import hashlib
import math
import os
import pickle
import struct
from pathlib import Path

import numpy as np

from . import __version__
from .index import Index
from .knowledge import Document, Knowledge, default_path, read_files, usable
from .text import remember


KEEP = 8
SUFFIX = ".index"
MAGIC = b"askclover-index1"
MAX_BYTES = 2**30


def cache_dir() -> Path:
    """``$ASKCLOVER_CACHE``, else ``$XDG_CACHE_HOME/askclover``, else ``~/.cache/askclover``."""
    if os.environ.get("ASKCLOVER_CACHE"):
        return Path(os.environ["ASKCLOVER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "askclover"


def _code_fingerprint(here: Path | None = None) -> bytes:
    """A digest of the modules and data files (``data/*``) that shape the prepared index, so a
    changed askclover never trusts an index pickled by an older one, even at the same version."""
    here = here or Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = [here / f"{name}.py" for name in ("abbrev", "errors", "index", "knowledge", "model", "split", "text")]
    files += sorted((here / "data").glob("*"))
    for path in files:
        digest.update(f"{path.relative_to(here).as_posix()}\0".encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
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
    target = cache_dir() / f"{key[:32]}{SUFFIX}"
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


def _prune(folder: Path, keep: int, max_bytes: int = MAX_BYTES) -> None:
    """Delete the least recently used cached indexes beyond the ``keep`` newest or ``max_bytes``
    in all; the newest is always kept."""
    files = []
    for f in folder.glob(f"*{SUFFIX}"):
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
    for f in [*folder.glob(f"*{SUFFIX}"), *folder.glob(".tmp-*.part")] if folder.is_dir() else []:
        try:
            n = f.stat().st_size
            f.unlink()
        except FileNotFoundError:
            continue
        count, size = count + 1, size + n
    return count, size


def _read(target: Path, key: str, docs: list[Document], warnings: list[str]) -> Index | None:
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


def _write(target: Path, key: str, index: Index, warn) -> None:
    """Write the cache atomically: a temporary file in the same folder, then a rename. The file is
    the magic, each array at a 64-byte boundary, a pickled header, its offset and the magic again."""
    import tempfile

    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
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
        _prune(target.parent, keep=KEEP)
    except OSError as e:
        warn(f"cannot write the index cache in {target.parent} ({e.strerror or e}); continuing without it")
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
