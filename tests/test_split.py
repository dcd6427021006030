from askclover.split import passages, sentences


def test_sentences_keep_abbreviations_and_offsets():
    text = "The U.S. Food and Drug Administration agreed. Dr. Smith left on Oct. 3. It rained."
    got = [text[s.start:s.end] for s in sentences(text, 0, len(text))]
    assert got == ["The U.S. Food and Drug Administration agreed.", "Dr. Smith left on Oct. 3.", "It rained."]


def test_one_paragraph_per_line_when_lines_are_long():
    long_line = "This is a long paragraph line that goes on and on. " * 3
    text = f"Title\n{long_line}\n{long_line}\n"
    ps = passages(text, "x")
    assert [p.is_heading for p in ps] == [True, False, False]
    assert all(text[p.start:p.end] == p.text for p in ps)
    assert ps[1].heading == "Title"


def test_wrapped_paragraph_stays_whole_and_list_marks_are_dropped():
    text = "A wrapped paragraph that\ncontinues on a second line.\n\n- first item of a list here.\n- second item of a list here.\n"
    ps = passages(text, "x")
    assert ps[0].text == "A wrapped paragraph that\ncontinues on a second line."
    assert [p.text for p in ps[1:]] == ["first item of a list here.", "second item of a list here."]


MAKERSPACE = """Makerspace
==========

The makerspace opened in 2020 on the second floor of the library.

Equipment

- a laser cutter
- 4 study rooms

| room | seats |
|------|-------|
| A    | 6     |

---

## Hours

Open daily from nine to five.
"""


def test_headings_are_what_markdown_marks_and_list_items_and_rows_are_content():
    ps = passages(MAKERSPACE, "x")
    assert [(p.text, p.is_heading) for p in ps] == [
        ("Makerspace", True), ("The makerspace opened in 2020 on the second floor of the library.", False),
        ("Equipment", True), ("a laser cutter", False), ("4 study rooms", False),
        ("room | seats", False), ("A    | 6", False), ("Hours", True), ("Open daily from nine to five.", False)]
    assert all(MAKERSPACE[p.start:p.end] == p.text for p in ps)
    assert [p.heading for p in ps if p.text == "a laser cutter"] == ["Equipment"]


def test_a_short_line_with_no_body_after_it_is_content():
    text = "The hall was built in 1901.\n\nA lone closing line\n"
    assert [p.is_heading for p in passages(text, "x")] == [False, False]


def test_short_list_items_can_be_found_and_answered(tmp_path):
    from askclover import Answerer, Retriever, load_index

    (tmp_path / "space.md").write_text(MAKERSPACE, encoding="utf-8")
    index = load_index(tmp_path, use_cache=False)
    assert [h.text for h in Retriever(index).search("laser cutter")][:1] == ["a laser cutter"]
    answer = Answerer(index).ask("How many study rooms are there?")
    assert answer.answered and answer.text.startswith("4") and answer.quotes[0].text == "4 study rooms"


def test_markdown_rules_take_linear_time():
    import time

    from askclover.split import RULE, TABLE_RULE, UNDERLINE

    lines = [" " * 50000 + "x", "|---|" + " " * 50000 + "x", "- " * 25000 + "x", "|" + "-|" * 25000 + "x"]
    start = time.perf_counter()
    for line in lines:
        for rule in (RULE, TABLE_RULE, UNDERLINE):
            rule.match(line)
    assert time.perf_counter() - start < 0.5


def test_any_markdown_splits_into_exact_passages():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    line = st.sampled_from(["# Title", "Title", "=====", "-----", "---", "***", "- item", "  - nested item",
                            "1. first", "| a | b |", "|---|:--:|", "||", "|", "Body text ends here.",
                            "A question line?", "", "   ", "\t- tab item", "#hashtag", "## ", "-"])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(line, max_size=12))
    def check(lines):
        text = "\n".join(lines)
        for p in passages(text, "x"):
            assert text[p.start:p.end] == p.text and p.text.strip() == p.text and p.text
            assert all(p.start <= s.start < s.end <= p.end for s in p.sentences)

    check()
