"""Every regular expression askclover uses, and how it uses it: collected while questions are asked."""
from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable

import askclover

SCANS = ("search", "finditer", "findall", "sub", "subn", "split")
Uses = dict[tuple[str, int], set[str]]


class Recorder:
    """A compiled pattern that notes each way it is called: "scan", "match" (at the start) or
    "match at" (at a position)."""

    def __init__(self, compiled: re.Pattern[str], uses: Uses) -> None:
        self.compiled, self.uses = compiled, uses

    def __getattr__(self, name: str):
        attr = getattr(self.compiled, name)
        if name not in SCANS and name not in ("match", "fullmatch"):
            return attr

        def call(*args, **kwargs):
            pos = args[1] if len(args) > 1 else kwargs.get("pos", 0)
            mode = "scan" if name in SCANS else "match at" if pos else "match"
            self.uses.setdefault((self.compiled.pattern, self.compiled.flags), set()).add(mode)
            return attr(*args, **kwargs)
        return call


def collect(workload: Callable[[], object]) -> Uses:
    """The patterns ``workload`` runs, module-level, lazily compiled or written inline."""
    uses: Uses = {}
    compile_ = re.compile
    saved: list[tuple[object, str, object]] = []

    def through(name: str):
        direct = getattr(re, name)

        def call(pattern, string, *args, **kwargs):
            if isinstance(pattern, Recorder):
                pattern = pattern.compiled
            flags = kwargs.get("flags", args[-1] if args and name not in ("sub", "subn", "split") else 0)
            p = compile_(pattern, flags) if isinstance(pattern, str) else pattern
            uses.setdefault((p.pattern, p.flags), set()).add("scan" if name in SCANS else "match")
            return direct(pattern, string, *args, **kwargs)
        return call

    def wrap(value):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            return Recorder(value, uses)
        if type(value).__name__ == "LazyPattern":
            return Recorder(compile_(value.pattern, value.flags), uses)
        if isinstance(value, tuple) and any(isinstance(x, (re.Pattern, tuple)) for x in value):
            return tuple(wrap(x) for x in value)
        return value

    for name in (*SCANS, "match", "fullmatch"):
        saved.append((re, name, getattr(re, name)))
        setattr(re, name, through(name))
    saved.append((re, "compile", compile_))
    re.compile = lambda pattern, flags=0: Recorder(compile_(pattern, flags), uses)  # type: ignore[assignment]
    for info in pkgutil.iter_modules(askclover.__path__):
        module = importlib.import_module(f"askclover.{info.name}")
        for key, value in list(vars(module).items()):
            if (wrapped := wrap(value)) is not value:
                saved.append((module, key, value))
                setattr(module, key, wrapped)
    try:
        workload()
    finally:
        for owner, key, value in reversed(saved):
            setattr(owner, key, value)
    return uses
