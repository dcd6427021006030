"""Fuzz the library: many generated questions and articles, counting exceptions and checking
that every quote is a verbatim slice of its file.

    python bench/fuzz.py [--questions 10000] [--articles 200]

Needs the test extra (hypothesis). A failure stops the run and prints the smallest input that
breaks askclover.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from strategies import articles, questions  # noqa: E402

from askclover import Answerer, Conversation, load_index  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=10000)
    ap.add_argument("--articles", type=int, default=200)
    a = ap.parse_args()
    index = load_index(HERE.parent / "tests" / "data", use_cache=False)
    conversation = Conversation(index)
    counts = {"questions": 0, "answered": 0, "articles": 0, "quotes": 0, "verbatim": 0}

    @settings(max_examples=a.questions, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(q=questions)
    def ask_anything(q: str) -> None:
        answer = conversation.ask(q)
        counts["questions"] += 1
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
            for q in [" ".join(words) + "?", "Who is Ellen?", "How many towers?", "When was it built?"]:
                answer = answerer.ask(q)
                for quote in answer.quotes:
                    counts["quotes"] += 1
                    counts["verbatim"] += text[quote.start:quote.end] == quote.text
                assert not answer.answered or answer.text in answer.quotes[0].text

    t = time.perf_counter()
    ask_anything()
    read_anything()
    took = time.perf_counter() - t
    rate = counts["verbatim"] / max(counts["quotes"], 1)
    print(f"questions {counts['questions']:,} ({counts['answered']:,} answered), articles {counts['articles']:,}, "
          f"exceptions 0, quotes {counts['quotes']:,}, verbatim {100 * rate:.1f}%, {took:.0f} s")
    sys.exit(0 if rate == 1.0 else 1)


if __name__ == "__main__":
    main()
