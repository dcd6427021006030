"""Speed on the shipped article: one-shot wall time of `askclover --json "question"` against the
floor `python -c "import numpy"` (run alternately), and warm per-question latency in one process.

    python bench/startup.py [--runs 15]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


WARM_QUESTIONS = [
    "What were the side effects?", "Who is the CEO?", "What does PFS stand for?",
    "How many patients received at least 55 mCi?", "When were the results presented?",
    "What was her progression-free survival?", "and the overall survival?",
    "What is the capital of France?", "what were the side efects", "How long did she live?",
]


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--question", default="What was the progression-free survival in patients who received at least 55 mCi?")
    a = ap.parse_args()
    exe = Path(sys.executable).with_name("askclover")
    ask = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "askclover"]),
           "--json", a.question]
    floor = [sys.executable, "-c", "import numpy"]
    wall(ask)  # let the first run write the index cache
    ours, base = [], []
    for _ in range(a.runs):
        ours.append(wall(ask))
        base.append(wall(floor))
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    print(f"one-shot askclover --json   median {m_ours * 1000:7.1f} ms")
    print(f"floor python -c 'import numpy' median {m_base * 1000:7.1f} ms")
    print(f"over the floor              {1000 * (m_ours - m_base):7.1f} ms  (ratio {m_ours / m_base:.2f}x)")
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
