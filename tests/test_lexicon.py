"""The English lexicon derived from WordNet (tools/lexicon.py): words, their parts, related words."""
import sys

import pytest

from askclover.retrieve import understand
from askclover.text import english, english_near, parts_of_speech, related_terms


@pytest.fixture(scope="module")
def ferry():
    from conftest import DATA

    from askclover import load_index

    return load_index(DATA / "ferry-trial.md", use_cache=False)


def test_english_words_and_their_forms_are_known():
    for w in ("cafe", "park", "right", "told", "country", "stand", "travelled", "quieter", "tumours", "crossings"):
        assert english(w), w
    for w in ("gurl", "survivl", "crosings", "countrys", "studys"):
        assert not english(w), w


def test_parts_of_speech_come_through_inflections():
    assert set(parts_of_speech("quieter")) == {"a"}
    assert "a" not in parts_of_speech("stands") and "v" in parts_of_speech("ran")


def test_a_non_word_is_one_edit_from_english_words():
    assert "country" in english_near("countrys") and "girl" in english_near("gurl")


def test_related_words_come_from_wordnet_and_exclude_opposites():
    assert ("chief",) in related_terms("boss")
    assert ("surviv",) in related_terms("live")
    assert not set(related_terms("safe")) & {("danger",), ("unsaf",)}
    assert related_terms("zzzz") == ()


def test_the_lexicon_is_not_read_on_import():
    import subprocess

    code = ("import askclover, askclover.text as t; "
            "print(t._lexicon.cache_info().currsize, t._related.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0"]


@pytest.mark.parametrize("question, word", [("is there a cafe on board", "cafe"), ("where can I park", "park"),
                                            ("who has the right to travel", "right")])
def test_an_english_word_the_text_lacks_is_no_typo(ferry, question, word):
    q = understand(question, ferry)
    assert q.corrections == () and word in q.unknown


@pytest.mark.parametrize("question, typo, fixed", [("how many crosings a day", "crosings", "crossings"),
                                                   ("what did a tickit cost", "tickit", "ticket"),
                                                   ("who is the cheif executive", "cheif", "chief"),
                                                   ("what did a singel ticket cost", "singel", "single")])
def test_a_non_word_is_repaired(ferry, question, typo, fixed):
    assert (typo, fixed) in understand(question, ferry).corrections


def test_a_non_word_nearer_an_english_word_than_the_texts_is_read_as_that_word(ferry):
    q = understand("which countrys authority ran the trial", ferry)  # not the text's "costs"
    assert q.corrections == (("countrys", "country"),) and "country" in q.unknown


def test_a_related_word_counts_less_than_the_word_itself(ferry):
    from askclover.retrieve import RELATED_WEIGHT

    q = understand("who is the boss of the authority", ferry)
    assert 0 < q.weights["chief"] <= RELATED_WEIGHT < q.weights["author"]
    assert ("chief",) in q.kin_of(0) and "boss" in q.unknown


@pytest.mark.parametrize("question, answer", [("who is the boss of the authority", "Maria Okafor"),
                                              ("what does NFA stand for", "Northbay Ferry Authority")])
def test_questions_in_other_words_are_answered(ferry, question, answer):
    from askclover.answer import Answerer

    assert Answerer(ferry).ask(question).text == answer


@pytest.mark.parametrize("question", ["is there a cafe on board", "where can I park", "how long is the coast path"])
def test_a_question_about_what_the_text_never_mentions_is_not_answered(ferry, question):
    from askclover.answer import Answerer

    assert not Answerer(ferry).ask(question).answered


@pytest.mark.parametrize("question", ["which crossings didnt run", "the ferry wasnt late?", "theyre travelling free?"])
def test_a_contraction_without_its_apostrophe_is_no_typo(ferry, question):
    q = understand(question, ferry)
    assert q.corrections == () and not {"didnt", "wasnt", "theyre"} & set(q.unknown)


def test_a_related_phrase_is_not_two_words_anywhere(ferry):
    q = understand("who is the boss of the authority", ferry)
    assert all(len(alt) == 1 for c in q.kin for alt in c)


@pytest.mark.parametrize("question, typed, text", [("how many fisherman were on board", "fisherman", "fishermen"),
                                                   ("how many postman walked", "postman", "postmen"),
                                                   ("what did the chairmen say", "chairmen", "chairman")])
def test_an_english_word_in_another_form_than_the_texts_is_read_in_the_texts(tmp_path, question, typed, text):
    from askclover import load_index

    (tmp_path / "a.txt").write_text("Six fishermen were on board. Two postmen walked to the pier. The chairman "
                                    "said the pier would reopen.\n", encoding="utf-8")
    q = understand(question, load_index(tmp_path / "a.txt", use_cache=False))
    assert q.corrections == ((typed, text),) and q.unknown == ()


def test_a_long_shared_stem_is_one_family_a_short_one_is_not(ferry):
    assert "cost" in understand("what did the costing show", ferry).stems
    q = understand("which countries took part", ferry)
    assert "count" not in q.stems and "countries" in q.unknown


@pytest.mark.parametrize("question, answer", [("what does RTB stand for", "Rapid Transit Board"),
                                              ("What does HWA stand for?", "Harbor Works Agency"),
                                              ("what does the abbreviation RTB stand for", "Rapid Transit Board")])
def test_stand_for_is_no_opposite_of_the_texts_run(tmp_path, question, answer):
    from askclover import load_index
    from askclover.answer import Answerer

    (tmp_path / "a.txt").write_text("The Rapid Transit Board (RTB) ran the trains for ten years. The Harbor Works "
                                    "Agency (HWA) ran the docks and sat on the board.\n", encoding="utf-8")
    assert Answerer(load_index(tmp_path / "a.txt", use_cache=False)).ask(question).text == answer


def test_opposites_count_between_adjectives_not_a_verb_and_its_pair():
    from askclover.text import opposed

    assert opposed("decreasing", "increasing") and opposed("likely", "unlikely")
    assert opposed("encourage", "discouraging")
    assert not opposed("stand", "ran")


def test_a_very_long_non_word_has_no_english_neighbour_and_is_read_at_once():
    from askclover.text import english_near

    assert english_near("gurl")[:1] == ["girl"] or "girl" in english_near("gurl")
    assert english_near("a" * 400) == []


def test_a_related_word_is_found_by_bisection_of_the_sorted_table_and_a_missing_one_is_not():
    from askclover.text import _line, _related

    table = _related()
    lines = [line.split("\t", 1) for line in table[1:].split("\n") if line]
    assert [k for k, _ in lines] == sorted(k for k, _ in lines)  # what the bisection needs
    assert all(_line(table, k) == rest for k, rest in lines[::97] + lines[-3:])
    assert [_line(table, k) for k in ("", "zzzzz", "g34r", lines[0][0] + "x")] == ["", "", "", ""]
