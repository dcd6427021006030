"""Mutation check of the reader's constants: set each module-level UPPER_CASE number of
answer.py, extract.py and retrieve.py to 0 and to twice its value, run the test suite on that
copy, and report each change that no test notices.

    python bench/mutation.py [--only NAME ...] [--modules answer extract retrieve] [--tests tests/ ...]

Works on a copy of the tree in a temporary folder (the working tree is never edited), one pytest
run a mutation, stopping at the first failure. A whole run is ~100 suites: pass --only to check a
few constants at a time on a shared machine.
"""
from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path("src") / "askclover"
SUITE_TIMEOUT = 600  # seconds


def constants(source: str) -> list[tuple[str, int, int, int, float]]:
    """(name, line, start column, end column, value) of each module-level UPPER_CASE number."""
    out = []
    for node in ast.parse(source).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.isupper() and isinstance(node.value, ast.Constant)
                and type(node.value.value) in (int, float)):
            v = node.value
            out.append((node.targets[0].id, v.lineno, v.col_offset, v.end_col_offset, v.value))
    return out


def mutated(source: str, line: int, start: int, end: int, value: float) -> str:
    """``source`` with the number at ``line`` [start:end) replaced by ``value``."""
    lines = source.splitlines(keepends=True)
    text = lines[line - 1]
    lines[line - 1] = text[:start] + repr(value) + text[end:]
    return "".join(lines)


def run_suite(tree: Path, tests: list[str]) -> tuple[bool, float, str]:
    """Whether the suite passes on ``tree``, how long it took, and the end of its output."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), PYTHONDONTWRITEBYTECODE="1")
    t = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
                           cwd=tree, env=env, capture_output=True, text=True, timeout=SUITE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, time.perf_counter() - t, "timed out"  # a mutation that makes the suite hang is noticed
    return p.returncode == 0, time.perf_counter() - t, p.stdout[-2000:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modules", nargs="+", default=["answer", "extract", "retrieve"])
    ap.add_argument("--only", nargs="*", default=[], help="constant names to check (default: all)")
    ap.add_argument("--tests", nargs="+", default=["tests"], help="the test paths to run (default: the whole suite)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="askclover-mutation-") as tmp:
        tree = Path(tmp) / "tree"
        shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.pyc"))
        ok, took, out = run_suite(tree, a.tests)
        if not ok:
            sys.exit(f"{out}\nthe suite fails unmutated: nothing to compare with")
        print(f"unmutated suite: passes in {took:.0f} s")
        unnoticed, checked = [], 0
        for module in a.modules:
            path = tree / PACKAGE / f"{module}.py"
            original = path.read_text(encoding="utf-8")
            for name, line, start, end, value in constants(original):
                if a.only and name not in a.only:
                    continue
                for label, new in (("0", type(value)(0)), ("doubled", value * 2)):
                    path.write_text(mutated(original, line, start, end, new), encoding="utf-8")
                    ok, took, _ = run_suite(tree, a.tests)
                    checked += 1
                    verdict = "UNNOTICED" if ok else "caught"
                    print(f"{module}.{name} = {value!r} -> {label} ({new!r}): {verdict} ({took:.0f} s)", flush=True)
                    if ok:
                        unnoticed.append(f"{module}.{name} {label}")
                path.write_text(original, encoding="utf-8")
        print(f"{checked} mutations, {len(unnoticed)} unnoticed" + (": " + ", ".join(unnoticed) if unnoticed else ""))


if __name__ == "__main__":
    main()
