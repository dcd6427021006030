from hypothesis import given, settings
from hypothesis import strategies as st

from askclover import Knowledge
from askclover.knowledge import Document
from askclover.index import Index
from askclover.text import TOKEN, edit_distance, fold, terms, tokens


def test_terms_fold_case_units_hyphens_and_number_words():
    assert terms("20 mCi/m² per dose") == terms("20 mci/m2 per doses")
    assert terms("15-year-old") == terms("15 year old")
    assert terms("four infusions") == ["4", "infus"]
    assert "the" not in terms("the treatment")


def test_fold_and_edit_distance():
    assert fold("mCi/m²") == "mci/m2"
    assert edit_distance("efects", "effects") == 1
    assert edit_distance("teh", "the") == 1
    assert edit_distance("apple", "orange") > 2


def test_irregular_forms_meet_their_base_words():
    assert terms("the crisis began") == terms("the crisis begins")
    assert terms("children fled") == terms("a child flees")
    assert terms("it was found") == ["found"]


def test_light_porter_is_nltks_porter():
    from askclover.text import _stemmer

    light = _stemmer()
    from nltk.stem.porter import PorterStemmer

    words = ["infusions", "survival", "tolerated", "designation", "hematologic", "running", "caresses"]
    assert [light.stem(w) for w in words] == [PorterStemmer().stem(w) for w in words]


def test_british_and_american_spellings_share_a_stem():
    from askclover.text import stem

    for british, american in [("patronised", "patronized"), ("organisation", "organization"),
                              ("behaviours", "behaviors"), ("centre", "center"), ("theatre", "theater")]:
        assert stem(british) == stem(american)
    assert stem("four") == "4" and stem("hour") != stem("hor")


WORDY = st.lists(st.sampled_from([*"aZ _.,9²ßİﬁΣσςé’“\u0301ΩKx", "e\u0301"]), max_size=40).map("".join)


@given(WORDY)
@settings(max_examples=400, deadline=None)
def test_tokens_fold_each_word_as_fold_does(text):
    """Folding the text whole is a shortcut: every word is what folding it alone gives."""
    expected = [(fold(m.group()).replace("_", ""), m.start(), m.end()) for m in TOKEN.finditer(text)]
    assert list(tokens(text + " " * 2001))[:len(expected)] == expected  # the unremembered path
    assert list(tokens(text)) == expected


def test_a_word_only_ever_capitalised_is_not_known_in_lower_case():
    knowledge = Knowledge.from_documents([Document("a.txt", "Receiving Care. Patients were receiving it. "
                                                            "Carter said so. Straße and STRASSE. Ēnd ēnd.")])
    lower = Index.build(knowledge).lower
    assert {"receiving", "were", "it", "said", "so", "and"} <= lower
    assert not {"carter", "care", "patients", "strasse"} & lower
