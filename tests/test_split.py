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
