"""One-shot start-up: median wall time of `askclover --json "question"` against the floor
`python -c "import numpy"`, both run alternately in the same environment.

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
    print(f"runs {a.runs}, cpus {os.cpu_count()}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
