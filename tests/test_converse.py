from askclover import Conversation


def test_pronoun_for_a_person(harbor):
    c = Conversation(harbor)
    assert c.ask("Who was the last keeper?").text == "Thomas Greer"
    a = c.ask("Who was his daughter?")
    assert a.text == "Ellen" and a.resolved == "Who was Thomas Greer's daughter?"
    b = c.ask("How many copies did her book sell?")
    assert "20,000" in b.text and "Ellen" in b.resolved


def test_elliptical_follow_up_borrows_the_question(data_index):
    c = Conversation(data_index)
    assert c.ask("What was the average income rise for growers who joined before 2020?").text == "12 percent"
    a = c.ask("And for those who joined later?")
    assert a.answered and a.text == "5 percent"


def test_standalone_question_after_a_chain_is_answered_as_alone(data_index):
    alone = Conversation(data_index).ask("How long do guided tours last?")
    c = Conversation(data_index)
    c.ask("Who was the last keeper?")
    c.ask("Who was his daughter?")
    after = c.ask("How long do guided tours last?")
    assert after.text == alone.text == "45 minutes"
    assert after.resolved == after.question


def test_reset_forgets(harbor):
    c = Conversation(harbor)
    c.ask("Who was the last keeper?")
    c.reset()
    assert c.ask("Who was his daughter?").resolved == "Who was his daughter?"


def test_merge_reads_an_ellipsis_into_the_previous_question():
    from askclover.converse import merge

    prev = "What was the PFS for patients who got at least four infusions?"
    assert merge(prev, "the overall survival") == "What was the overall survival for patients who got at least four infusions?"
    assert merge(prev, "for those with at least 55 mCi") == "What was the PFS for those with at least 55 mCi?"
    assert merge("Tell me more", "the rest") == "Tell me more — the rest?"
    assert merge("What is thrombocytopenia?", "neutropenia") == "What is neutropenia?"
    assert merge("What does PFS stand for?", "OS") == "What does OS stand for?"


def test_new_noun_replaces_what_was_asked(data_index):
    c = Conversation(data_index)
    assert c.ask("How long do guided tours last?").text == "45 minutes"
    a = c.ask("And how many steps do they climb?")
    assert a.text == "119 steps"


def test_referent_persists_through_a_chain(harbor):
    c = Conversation(harbor)
    c.ask("What did the last keeper do?")
    a = c.ask("Who was his daughter?")
    assert "Ellen" in a.text and "the last keeper's daughter" in a.resolved


def test_she_is_not_read_as_a_man(harbor):
    c = Conversation(harbor)
    assert c.ask("Who was the last keeper?").text == "Thomas Greer"
    assert c.ask("Who was his daughter?").resolved == "Who was Thomas Greer's daughter?"
    c.reset()
    c.ask("Who was the last keeper?")
    assert c.ask("What did she write?").resolved == "What did she write?"


def test_and_y_after_what_is_x_defines_y(tmp_path):
    from askclover import load_index

    (tmp_path / "a.txt").write_text("Side effects included low platelet counts (thrombocytopenia) and "
                                    "low white blood cell counts (neutropenia).\n", encoding="utf-8")
    conv = Conversation(load_index(tmp_path / "a.txt", use_cache=False))
    assert conv.ask("What is thrombocytopenia?").text == "low platelet counts"
    a = conv.ask("and neutropenia?")
    assert a.question == "and neutropenia?" and a.resolved == "What is neutropenia?"
    assert a.text == "low white blood cell counts"
