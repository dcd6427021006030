from askclover.abbrev import find, initials, spelled_in_lower_case


def test_long_forms_are_learned_from_parentheses():
    text = ("The average progression-free survival (PFS) was long. It was led by the Coastal "
            "Heritage Trust (CHT), and dosed in millicuries (mCi). Results (see below) were good.")
    assert find(text) == {"PFS": "progression-free survival", "CHT": "Coastal Heritage Trust",
                          "mCi": "millicuries"}


def test_a_short_form_the_text_never_defines_is_found_by_the_initials_of_a_name():
    names = initials("The American Automobile Association reported long lines. Sales fell in the United States.")
    assert names["aaa"] == "American Automobile Association" and names["aa"] == "American Automobile"
    assert names["us"] == "United States" and "un" not in names
    assert "ii" not in initials("In Italy the war went on.")  # a sentence's first word is capitalised too


def test_a_long_form_starts_at_a_capital_and_a_short_form_may_be_followed_by_a_gloss():
    text = ("The Treaty on the Functioning of the European Union (TFEU) applies. Members of the Organization of "
            "Arab Petroleum Exporting Countries (OAPEC, consisting of the Arab members of OPEC) met.")
    assert find(text) == {"TFEU": "Treaty on the Functioning of the European Union",
                          "OAPEC": "Organization of Arab Petroleum Exporting Countries"}


def test_a_roman_numeral_is_spelled_whole_and_a_lower_case_role_may_spell_a_short_form():
    assert initials("After World War II, the empire fell.")["wwii"] == "World War II"
    text = "In a talk, the company’s chief operating officer, Jarrod Longcor, reported results."
    assert spelled_in_lower_case("COO", text) == "chief operating officer"
    assert spelled_in_lower_case("ITT", text) is None  # "In a talk": "a" is a stop word
