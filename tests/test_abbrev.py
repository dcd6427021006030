from askclover.abbrev import find


def test_long_forms_are_learned_from_parentheses():
    text = ("The average progression-free survival (PFS) was long. It was led by the Coastal "
            "Heritage Trust (CHT), and dosed in millicuries (mCi). Results (see below) were good.")
    assert find(text) == {"PFS": "progression-free survival", "CHT": "Coastal Heritage Trust",
                          "mCi": "millicuries"}
