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
