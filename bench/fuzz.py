"""Fuzz the library: many generated questions and articles (hostile ones among them: capitals,
names, identifier lists, digit runs, files of short lines, sentences of thousands of numbers,
2,000-character questions of typos), counting exceptions, checking that every quote is a verbatim
slice of its file, and timing the slowest question (wall time, and CPU time less the cyclic garbage
collector's pauses, which neither a busy shared machine nor the fuzzer's own heap inflates).

    python bench/fuzz.py [--questions 10000] [--articles 200]

Needs the test extra (hypothesis). Exits 1 on an exception or a quote that is not verbatim,
printing the first inputs that broke askclover.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from strategies import articles, questions  # noqa: E402

from askclover import Answerer, Conversation, load_index  # noqa: E402

ARTICLE_QUESTIONS = ["Who is Ellen?", "How many towers?", "When was it built?", "What aircraft does the airline fly?",
                     "How many birds did observers see?", "WHO IS THE KEEPER OF THE TOWER, REALLY?",
                     "What is the keeper lamp number?"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=10000)
    ap.add_argument("--articles", type=int, default=200)
    a = ap.parse_args()
    index = load_index(HERE.parent / "tests" / "data", use_cache=False)
    conversation = Conversation(index)
    for q in ["Who was the last keeper?", "How many steps?", "WHO IS ELLEN, REALLY?", "wat is teh towre"]:
        conversation.ask(q)  # the lazy patterns and the speller, built before anything is timed
    counts = {"questions": 0, "answered": 0, "articles": 0, "quotes": 0, "verbatim": 0, "exceptions": 0,
              "article questions": 0}
    slowest = {"wall": (0.0, ""), "cpu": (0.0, "")}
    collecting = [0.0, 0.0]  # CPU seconds the cyclic garbage collector took, when the last pass started

    def collector(phase: str, info: dict) -> None:
        if phase == "start":
            collecting[1] = time.process_time()
        else:
            collecting[0] += time.process_time() - collecting[1]

    gc.callbacks.append(collector)
    failures: list[str] = []

    def timed(ask, q: str, kind: str = "questions"):
        counts[kind] += 1
        t, c, g = time.perf_counter(), time.process_time(), collecting[0]
        try:
            return ask(q)
        except Exception:
            counts["exceptions"] += 1
            if len(failures) < 3:
                failures.append(f"{q[:200]!r}\n{traceback.format_exc()}")
            return None
        finally:
            for clock, took in (("wall", time.perf_counter() - t), ("cpu", time.process_time() - c - (collecting[0] - g))):
                if took > slowest[clock][0]:
                    slowest[clock] = (took, q)

    @settings(max_examples=a.questions, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(q=questions)
    def ask_anything(q: str) -> None:
        answer = timed(conversation.ask, q)
        if answer is None:
            return
        counts["answered"] += answer.answered
        for quote in answer.quotes:
            counts["quotes"] += 1
            counts["verbatim"] += index.knowledge.text_of(quote.source)[quote.start:quote.end] == quote.text

    @settings(max_examples=a.articles, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=articles())
    def read_anything(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "article.md"
            path.write_bytes(data)
            text = open(path, encoding="utf-8").read()
            answerer = Answerer(load_index(path, use_cache=False))
            counts["articles"] += 1
            words = [w for w in text.split() if w.isalpha()][:4]
            for q in [" ".join(words) + "?", *ARTICLE_QUESTIONS]:
                answer = timed(answerer.ask, q, "article questions")
                if answer is None:
                    continue
                for quote in answer.quotes:
                    counts["quotes"] += 1
                    counts["verbatim"] += text[quote.start:quote.end] == quote.text
                if answer.answered and answer.text not in answer.quotes[0].text:
                    counts["exceptions"] += 1
                    failures.append(f"{q!r}: the answer is not inside its quote")

    t = time.perf_counter()
    ask_anything()
    read_anything()
    took = time.perf_counter() - t
    rate = counts["verbatim"] / max(counts["quotes"], 1)
    print(f"questions {counts['questions']:,} ({counts['answered']:,} answered), articles {counts['articles']:,} "
          f"({counts['article questions']:,} questions), exceptions {counts['exceptions']}, quotes {counts['quotes']:,}, "
          f"verbatim {100 * rate:.1f}%, slowest question {slowest['wall'][0] * 1000:.0f} ms wall "
          f"({slowest['wall'][1][:40]!r}), {slowest['cpu'][0] * 1000:.0f} ms CPU without the garbage collector's pauses ({slowest['cpu'][1][:40]!r}), {took:.0f} s")
    for f in failures:
        print(f, file=sys.stderr)
    sys.exit(0 if rate == 1.0 and not counts["exceptions"] else 1)


if __name__ == "__main__":
    main()
