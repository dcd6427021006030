"""Scale: askclover, bm25s and rank_bm25 side by side on generated knowledge folders of 1,000 to
1,000,000 passages: build, cached start-up, peak memory, cache size, and search latency.

    python bench/scale.py --sizes 10000 100000 [--baseline-max 100000]

The corpus is seeded and Zipf-distributed (vocabulary ranks ~ 1/r^1.07, sentence lengths
log-normal around 20 words, 1-4 sentences a passage, 1,000 passages a file). Each kind of
measurement runs in a fresh process, so peak RSS belongs to it alone. askclover's
`Retriever.search(question, k=10)` and bm25s's `get_scores` + `topk(10)` (method "lucene",
k1 1.2, b 0.5, over the passages) are timed alternately, question by question, in one process,
so a busy machine slows both alike; rank_bm25 is plain `BM25Okapi.get_scores` over the passages.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
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


def passages_of(folder: str) -> list[str]:
    return [p for f in sorted(Path(folder).glob("*.txt")) for p in f.read_text("utf-8").split("\n\n")]


def tokenize(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text.lower())


def measure_build(folder: str, questions: list[str]) -> dict:
    from askclover import load_index
    from askclover.cache import cache_dir

    t = time.perf_counter()
    index = load_index(folder)
    built = time.perf_counter() - t
    text = sum(f.stat().st_size for f in Path(folder).glob("*.txt"))
    cached = sum(f.stat().st_size for f in cache_dir().iterdir() if f.suffix in (".index", ".pickle"))
    return {"build_s": built, "units": len(index), "rss_mb": peak_mb(), "text_mb": text / 2**20,
            "cache_mb": cached / 2**20}


def measure_cached(folder: str, questions: list[str]) -> dict:
    t = time.perf_counter()
    from askclover import Answerer, load_index

    index = load_index(folder)
    start = time.perf_counter() - t
    answerer = Answerer(index)
    answerer.ask(questions[0])  # first use compiles patterns
    ask = []
    for q in questions:
        t = time.perf_counter()
        answerer.ask(q)
        ask.append(time.perf_counter() - t)
    return {"cached_start_s": start, "ask": ask, "rss_mb": peak_mb()}


def measure_compare(folder: str, questions: list[str]) -> dict:
    """askclover and bm25s in one process, timed alternately on the same questions."""
    import bm25s
    from bm25s.selection import topk

    from askclover import Retriever, load_index

    retriever = Retriever(load_index(folder))
    t = time.perf_counter()
    bm = bm25s.BM25(method="lucene", k1=1.2, b=0.5)
    bm.index([tokenize(p) for p in passages_of(folder)], show_progress=False)
    built = time.perf_counter() - t
    retriever.search(questions[0], 10)
    ours, theirs = [], []
    for _ in range(3):
        for q in questions:
            t = time.perf_counter()
            retriever.search(q, 10)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            topk(bm.get_scores(tokenize(q)), 10)
            theirs.append(time.perf_counter() - t)
    return {"search": ours, "bm25s": theirs, "bm25s_build_s": built}


def measure_baseline(folder: str, questions: list[str]) -> dict:
    """Plain rank_bm25 over all passages, as a newcomer would: BM25Okapi and get_scores."""
    from rank_bm25 import BM25Okapi

    t = time.perf_counter()
    bm = BM25Okapi([tokenize(p) for p in passages_of(folder)])
    built = time.perf_counter() - t
    times = []
    for q in questions[:10]:
        t = time.perf_counter()
        scores = bm.get_scores(tokenize(q))
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


KINDS = {"build": measure_build, "cached": measure_cached, "compare": measure_compare,
         "baseline": measure_baseline}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--baseline-max", type=int, default=100000)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        kind, folder = a.child
        print(json.dumps(KINDS[kind](folder, json.loads(sys.stdin.read()))))
        return
    print(f"{'passages':>9} {'units':>9} {'build s':>7} {'cached s':>8} {'RSS MB':>6} {'disk/text':>9} "
          f"{'search p50':>10} {'p95':>5} {'bm25s p50':>9} {'ratio':>6} {'ask p50':>7} | "
          f"{'okapi p50':>9} {'okapi/ours':>10}")
    for n in a.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder, cache = Path(tmp) / "k", Path(tmp) / "cache"
            questions = generate(folder, n)
            built = child("build", str(folder), questions, str(cache))
            cached = child("cached", str(folder), questions, str(cache))
            both = child("compare", str(folder), questions, str(cache))
            base = child("baseline", str(folder), questions, str(cache)) if n <= a.baseline_max else None
            s50, b50 = ms(both["search"], 0.5), ms(both["bm25s"], 0.5)
            line = (f"{n:9,} {built['units']:9,} {built['build_s']:7.1f} {cached['cached_start_s']:8.2f} "
                    f"{cached['rss_mb']:6.0f} {built['cache_mb'] / built['text_mb']:8.2f}x "
                    f"{s50:10.2f} {ms(both['search'], 0.95):5.2f} {b50:9.2f} {s50 / b50:5.2f}x "
                    f"{ms(cached['ask'], 0.5):7.2f} | ")
            if base:
                o50 = ms(base["search"], 0.5)
                line += f"{o50:9.1f} {o50 / s50:9.0f}x"
            else:
                line += f"{'-':>9} {'-':>10}"
            print(line, flush=True)
    print(f"machine: {os.cpu_count()} cpus, python {sys.version.split()[0]}; times in ms unless marked")


if __name__ == "__main__":
    main()
