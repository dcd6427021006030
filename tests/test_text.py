from askclover.text import edit_distance, fold, terms


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
