"""Scale: index build time, cached start-up, peak memory and per-question latency on generated
knowledge folders of 1,000 to 1,000,000 passages, against plain rank_bm25.BM25Okapi.get_scores.

    python bench/scale.py --sizes 1000 10000 100000 [--baseline-max 100000]

The corpus is seeded and Zipf-distributed (vocabulary ranks ~ 1/r^1.07, sentence lengths
log-normal around 20 words, 1-4 sentences a passage, 1,000 passages a file). Each size is
measured in fresh processes so peak RSS belongs to that size alone.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu".split()


def vocabulary(n: int, rng: np.random.Generator) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES, size=rng.integers(2, 5))))
    return sorted(words)


def generate(folder: Path, passages: int, seed: int = 7) -> list[str]:
    """Write the corpus; return a few question strings drawn from the same distribution."""
    rng = np.random.default_rng(seed)
    words = vocabulary(50_000, rng)
    p = 1.0 / np.arange(1, len(words) + 1) ** 1.07
    p /= p.sum()
    folder.mkdir(parents=True, exist_ok=True)
    per_file = 1000
    for f in range(0, passages, per_file):
        n = min(per_file, passages - f)
        lengths = np.clip(rng.lognormal(3.0, 0.4, size=(n, 4)).astype(int), 4, 60)
        counts = rng.integers(1, 5, size=n)
        draw = iter(rng.choice(len(words), size=int(lengths.sum()), p=p))
        paras = []
        for i in range(n):
            sents = []
            for j in range(counts[i]):
                ws = [words[next(draw)] for _ in range(lengths[i, j])]
                sents.append(" ".join(ws).capitalize() + ".")
            for j in range(counts[i], 4):
                for _ in range(lengths[i, j]):
                    next(draw)
            paras.append(" ".join(sents))
        (folder / f"part-{f // per_file:05d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    qs = []
    for _ in range(60):
        k = int(rng.integers(3, 7))
        qs.append("What about " + " ".join(words[int(i)] for i in rng.choice(len(words), size=k, p=p)) + "?")
    return qs


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_ours(folder: str, questions: list[str]) -> dict:
    from askclover import Answerer, Retriever, load_index

    t = time.perf_counter()
    index = load_index(folder)
    built = time.perf_counter() - t
    retriever, answerer = Retriever(index), Answerer(index)
    answerer.ask(questions[0])  # first use compiles patterns and loads the stemmer
    search, ask = [], []
    for q in questions:
        t = time.perf_counter()
        retriever.search(q, 5)
        search.append(time.perf_counter() - t)
        t = time.perf_counter()
        answerer.ask(q)
        ask.append(time.perf_counter() - t)
    return {"build_s": built, "units": len(index), "search": search, "ask": ask, "rss_mb": peak_mb()}


def measure_cached(folder: str) -> dict:
    t = time.perf_counter()
    from askclover import load_index

    load_index(folder)
    return {"cached_start_s": time.perf_counter() - t, "rss_mb": peak_mb()}


def measure_baseline(folder: str, questions: list[str]) -> dict:
    """Plain rank_bm25 over all passages, as a newcomer would: BM25Okapi and get_scores."""
    import re

    from rank_bm25 import BM25Okapi

    paras = [p for f in sorted(Path(folder).glob("*.txt")) for p in f.read_text("utf-8").split("\n\n")]
    tok = lambda s: re.findall(r"\w+", s.lower())
    t = time.perf_counter()
    bm = BM25Okapi([tok(p) for p in paras])
    built = time.perf_counter() - t
    times = []
    for q in questions[:10]:
        t = time.perf_counter()
        scores = bm.get_scores(tok(q))
        int(np.argmax(scores))
        times.append(time.perf_counter() - t)
    return {"build_s": built, "search": times, "rss_mb": peak_mb()}


def child(kind: str, folder: str, questions: list[str], cache: str) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    out = subprocess.run([sys.executable, __file__, "--child", kind, folder],
                         input=json.dumps(questions), capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def ms(xs: list[float], q: float) -> float:
    return 1000 * float(np.quantile(xs, q))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--baseline-max", type=int, default=100000)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        kind, folder = a.child
        questions = json.loads(sys.stdin.read())
        fn = {"ours": lambda: measure_ours(folder, questions), "cached": lambda: measure_cached(folder),
              "baseline": lambda: measure_baseline(folder, questions)}[kind]
        print(json.dumps(fn()))
        return
    print(f"{'passages':>9} {'units':>9} {'build s':>8} {'cached s':>9} {'RSS MB':>7} {'search p50':>10} "
          f"{'p95':>6} {'ask p50':>8} {'p95':>6} | {'okapi p50':>9} {'speed-up':>8} {'okapi RSS':>9}")
    for n in a.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder, cache = Path(tmp) / "k", Path(tmp) / "cache"
            questions = generate(folder, n)
            ours = child("ours", str(folder), questions, str(cache))
            cached = child("cached", str(folder), questions, str(cache))
            base = child("baseline", str(folder), questions, str(cache)) if n <= a.baseline_max else None
            s50 = ms(ours["search"], 0.5)
            line = (f"{n:9,} {ours['units']:9,} {ours['build_s']:8.1f} {cached['cached_start_s']:9.2f} "
                    f"{max(ours['rss_mb'], cached['rss_mb']):7.0f} {s50:10.2f} {ms(ours['search'], 0.95):6.2f} "
                    f"{ms(ours['ask'], 0.5):8.2f} {ms(ours['ask'], 0.95):6.2f} | ")
            if base:
                b50 = ms(base["search"], 0.5)
                line += f"{b50:9.1f} {b50 / s50:7.0f}x {base['rss_mb']:9.0f}"
            else:
                line += f"{'-':>9} {'-':>8} {'-':>9}"
            print(line, flush=True)
    print(f"machine: {os.cpu_count()} cpus, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
