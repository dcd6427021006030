"""Where rank_bm25 stops paying: `Retriever.search` with each engine on generated knowledge of
a few dozen to a few thousand sentences (the corpus of bench/scale.py), medians in one run.

    python bench/engines.py [--passages 15 50 150 400 1000 3000]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale import generate  # noqa: E402

from askclover import Knowledge, Retriever  # noqa: E402
from askclover.index import Index  # noqa: E402
from askclover.retrieve import understand  # noqa: E402


def median_ms(retriever: Retriever, queries: list, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            retriever.search(q, 10)
            times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, nargs="+", default=[15, 50, 150, 400, 1000, 3000])
    a = ap.parse_args()
    print(f"{'passages':>8} {'sentences':>9} {'rank_bm25 ms':>12} {'sparse ms':>9} {'ratio':>6}")
    for n in a.passages:
        with tempfile.TemporaryDirectory() as tmp:
            questions = generate(Path(tmp), n)
            knowledge = Knowledge.load(tmp)
            rank, sparse = Index.build(knowledge, small=10**9), Index.build(knowledge, small=0)
            queries = [understand(q, sparse) for q in questions]
            r, s = median_ms(Retriever(rank), queries), median_ms(Retriever(sparse), queries)
            print(f"{n:8,} {len(sparse):9,} {r:12.3f} {s:9.3f} {r / s:5.2f}x", flush=True)


if __name__ == "__main__":
    main()
