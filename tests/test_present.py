from askclover import Answerer
from askclover.present import Style, clean, explain, render, to_json


def test_clean_strips_escapes_and_controls_but_keeps_text():
    assert clean("a\x1b[31mred\x1b[0m \x1b]0;title\x07b\x00c\tz") == "ared bc z"
    assert clean("naïve — “quoted” 😀") == "naïve — “quoted” 😀"


def test_render_plain_and_coloured(harbor):
    answer = Answerer(harbor).ask("How long do guided tours last?")
    plain = render(answer, Style(color=False, width=40))
    assert plain.splitlines()[0] == "45 minutes"
    assert all(len(line) <= 40 for line in plain.splitlines())
    assert "\x1b" not in plain
    coloured = render(answer, Style(color=True, width=80))
    assert "\x1b[1m45 minutes" in coloured and "\x1b[1;33m45 minutes\x1b[0m" in coloured


def test_json_object_and_explain(harbor):
    answer = Answerer(harbor).ask("What is the capital of France?")
    obj = to_json(answer)
    assert obj["answered"] is False and obj["answer"] is None and obj["note"].startswith("The article doesn't say.")
    assert "question type: description" in explain(answer, Style())


def test_a_repaired_typo_is_shown_as_the_question_read(harbor):
    answer = Answerer(harbor).ask("How long do guided tuors last?")
    assert answer.corrections
    assert "(read as: How long do guided tours last?)" in render(answer, Style(color=False, width=80))
    plain = Answerer(harbor).ask("How long do guided tours last?")
    assert "read as" not in render(plain, Style(color=False, width=80))
    unsaid = Answerer(harbor).ask("Wat is the capital of France?")
    assert not unsaid.answered and "(read as: what is the capital of France?)" in \
        render(unsaid, Style(color=False, width=80))  # how it was read, even when the article doesn't say


def test_explain_says_why_it_abstained(tmp_path):
    from askclover import load_index

    (tmp_path / "a.txt").write_text("Old oil was withdrawn from the market in 1974. New rules came.\n", encoding="utf-8")
    answer = Answerer(load_index(tmp_path / "a.txt", use_cache=False)).ask("When was new oil withdrawn from the market?")
    assert not answer.answered and answer.why_not == "the question says “new”; the text says “old”"
    assert "abstained: the question says “new”; the text says “old”" in explain(answer, Style(width=200))
