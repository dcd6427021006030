"""Speed on the shipped article: one-shot wall time of `askclover --json "question"` against the
floor `python -c "import numpy"` (run alternately), and warm per-question latency in one process.
With --before SRC, askclover from another source tree (e.g. `git archive main | tar -x -C /tmp/m`,
then --before /tmp/m/src) runs in the same rounds. Each child's CPU time is printed beside its
wall time: on a busy machine CPU time is the steadier of the two. The trees' bytecode is compiled
first: with PYTHONDONTWRITEBYTECODE set, a stale __pycache__ is recompiled on every run (~30 ms).

    python bench/startup.py [--runs 15] [--before SRC]
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


WARM_QUESTIONS = [
    "What were the side effects?", "Who is the CEO?", "What does PFS stand for?",
    "How many patients received at least 55 mCi?", "When were the results presented?",
    "What was her progression-free survival?", "and the overall survival?",
    "What is the capital of France?", "what were the side efects", "How long did she live?",
]


def wall(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=dict(os.environ, **(env or {})))
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--before", help="a source tree whose askclover runs in the same rounds")
    ap.add_argument("--question", default="What was the progression-free survival in patients who received at least 55 mCi?")
    a = ap.parse_args()
    exe = Path(sys.executable).with_name("askclover")
    ask = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "askclover"]),
           "--json", a.question]
    floor = [sys.executable, "-c", "import numpy"]
    runs = {"one-shot askclover --json": (ask, None), "floor python -c 'import numpy'": (floor, None)}
    if a.before:
        cache = tempfile.TemporaryDirectory(prefix="askclover-before-")
        runs["before (--before tree)"] = ([sys.executable, "-m", "askclover", "--json", a.question],
                                          {"PYTHONPATH": a.before, "XDG_CACHE_HOME": cache.name})
    import askclover

    for tree in [Path(askclover.__file__).parent, *([Path(a.before)] if a.before else [])]:
        compileall.compile_dir(tree, quiet=1)
    for cmd, env in runs.values():
        wall(cmd, env)  # let the first run write the index cache
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(a.runs):
        for name, (cmd, env) in runs.items():
            times[name].append(wall(cmd, env))
    floor_wall, floor_cpu = (statistics.median(x[i] for x in times["floor python -c 'import numpy'"]) for i in (0, 1))
    for name, xs in times.items():
        w, c = statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs)
        print(f"{name:32} wall {1000 * w:7.1f} ms (+{1000 * (w - floor_wall):6.1f})   "
              f"CPU {1000 * c:7.1f} ms (+{1000 * (c - floor_cpu):6.1f}, {c / floor_cpu:.2f}x the floor)")
    from askclover import Conversation, load_index

    index = load_index()
    warm = []
    for _ in range(5):
        conversation = Conversation(index)
        for q in WARM_QUESTIONS:
            t = time.perf_counter()
            conversation.ask(q)
            warm.append(time.perf_counter() - t)
    warm.sort()
    print(f"warm question (library)     median {1000 * statistics.median(warm):7.2f} ms, "
          f"p95 {1000 * warm[int(0.95 * (len(warm) - 1))]:.2f} ms over {len(warm)}")
    print(f"runs {a.runs}, cpus {os.cpu_count()}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
