"""Property tests: any question and any article give an Answer, and every quote is verbatim."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from askclover import Answerer, Conversation, load_index

sys.path.insert(0, str(Path(__file__).parent))
from strategies import articles, questions  # noqa: E402

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(question=questions)
def test_any_question_returns_an_answer_quickly(harbor, question):
    t = time.perf_counter()
    answer = Conversation(harbor).ask(question)
    assert time.perf_counter() - t < 5.0  # a hang guard, not a speed test (bench/fuzz.py measures)
    for quote in answer.quotes:
        assert harbor.knowledge.text_of(quote.source)[quote.start:quote.end] == quote.text
    if answer.answered:
        said = answer.text.split(" — ", 1)[-1] if answer.qtype.value == "yes/no" else answer.text  # "Yes — …"
        assert said and said.lower() in answer.quotes[0].text.lower() and len(answer.text) <= 300
    else:
        assert answer.text is None and answer.note  # an abstention says why


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=articles(most=400))
def test_quotes_are_verbatim_in_generated_articles(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("a") / "article.md"
    path.write_bytes(data)
    text = open(path, encoding="utf-8").read()
    index = load_index(path, use_cache=False)
    answerer = Answerer(index)
    words = [w for w in text.split() if w.isalpha()][:3] or ["tower"]
    for q in [f"What about {' '.join(words)}?", "Who is Ellen?", "How many towers?", "When?",
              "What aircraft does the airline fly?", "How many birds did observers see?"]:
        answer = answerer.ask(q)
        for quote in answer.quotes:
            assert text[quote.start:quote.end] == quote.text
            assert len(quote.text) <= 450
        if answer.answered:
            assert answer.text in answer.quotes[0].text


def test_command_line_survives_undecodable_and_control_arguments(tmp_path):
    article = Path(__file__).parent / "data" / "harbor-light.md"
    for arg in [b"\xff\xfe lone bytes", b"\x1b]0;title\x07 who?", "😀 مرحبا".encode()]:
        p = subprocess.run([sys.executable, "-m", "askclover", "--knowledge", str(article), arg],
                           capture_output=True, timeout=60, env={"XDG_CACHE_HOME": str(tmp_path), "PATH": ""})
        assert p.returncode in (0, 1, 2)
        assert b"Traceback" not in p.stderr
        assert b"\x1b" not in p.stdout
