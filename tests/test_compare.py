"""Comparisons: the side that has more (or less) of what is asked, both values quoted, or an
honest abstention when the article gives one side only."""
from __future__ import annotations

import pytest

from askclover import ask, load_index

ORCHARDS = ("Two orchards took part in the trial.\n\n"
            "North Orchard: The north orchard harvested 420 tonnes of apples this year. It employs 35 pickers, "
            "and its apples sell for $2.40 a kilogram.\n\n"
            "South Orchard: The south orchard harvested 380 tonnes of apples this year. It employs 52 pickers. "
            "Its trees are 18 years old on average.\n")


@pytest.fixture(scope="module")
def orchards(tmp_path_factory):
    path = tmp_path_factory.mktemp("compare") / "orchards.txt"
    path.write_text(ORCHARDS, encoding="utf-8")
    return load_index(path, use_cache=False)


@pytest.mark.parametrize("question, winner, values", [
    ("who harvested the larger crop, the north orchard or the south orchard?", "The north orchard",
     ("420 tonnes", "380 tonnes")),
    ("which harvested the smaller crop, the north orchard or the south orchard?", "The south orchard",
     ("380 tonnes", "420 tonnes")),
    ("which orchard has fewer pickers, the north one or the south one?", "The north", ("35 pickers", "52 pickers")),
    ("which one has more pickers, north or south?", "South", ("52 pickers", "35 pickers")),
])
def test_the_winning_side_comes_first_with_both_values_and_both_sentences(orchards, question, winner, values):
    a = ask(question, orchards)
    assert a.answered and a.text.startswith(winner + ":")
    assert a.text.index(values[0]) < a.text.index(values[1])
    assert [any(v in q.text for q in a.quotes) for v in values] == [True, True]
    assert all(ORCHARDS[q.start:q.end] == q.text for q in a.quotes)


def test_a_yes_no_comparison_says_yes_or_no_first(orchards):
    a = ask("did the south orchard harvest more than the north orchard?", orchards)
    assert a.text.startswith("No — the north orchard: 420 tonnes")


def test_a_side_the_article_gives_no_value_for_is_not_compared(orchards):
    a = ask("which orchard has older trees, the north orchard or the south orchard?", orchards)
    assert not a.answered and "nothing to compare for the north orchard" in a.note


def test_alternatives_without_a_comparative_are_read_as_before(orchards):
    a = ask("was the crop apples or pears?", orchards)
    assert "against" not in (a.text or "")


def test_the_command_quotes_both_sides_sentences(tmp_path, capsys):
    from askclover.cli import main

    (tmp_path / "orchards.txt").write_text(ORCHARDS, encoding="utf-8")
    code = main(["--knowledge", str(tmp_path / "orchards.txt"), "which orchard employs more pickers, north or south?"])
    out = capsys.readouterr().out
    assert code == 0 and "It employs 52 pickers." in out and "It employs 35 pickers" in out


@pytest.mark.parametrize("question, text", [
    ("which costs more at the pool, a day pass or a week pass?", "A week pass: $40, against $12 for a day pass"),
    ("which is cheaper, the week pass or the day pass?", "The day pass: $12, against $40 for the week pass"),
])
def test_two_values_side_by_side_go_to_the_sides_in_the_order_the_sentence_names_them(tmp_path, question, text):
    (tmp_path / "pool.txt").write_text("The town pool reopened in May after a new roof was fitted.\n\nUntil now, "
                                       "swimmers paid $12 for a day pass and $40 for a week pass. Children under "
                                       "five swim free.\n", encoding="utf-8")
    answer = ask(question, knowledge=tmp_path / "pool.txt")
    assert answer.answered and answer.text == text
