from askclover.retrieve import Retriever, understand


def test_typo_is_corrected_to_the_vocabulary(harbor):
    q = understand("when did the lighthuose reopen", harbor)
    assert ("lighthuose", "lighthouse") in q.corrections
    hit = Retriever(harbor).search(q, 1)[0]
    assert "reopened" in hit.text


def test_short_form_finds_the_long_form_and_back(harbor):
    r = Retriever(harbor)
    assert "Coastal Heritage Trust" in r.search("What did the CHT do?", 1)[0].text
    long = understand("Coastal Heritage Trust", harbor)
    assert "cht" in dict(long.terms)


def test_unknown_words_are_reported(harbor):
    assert understand("what is the zorblat of the tower", harbor).unknown == ("zorblat",)


def test_hits_are_verbatim_slices(data_index):
    for hit in Retriever(data_index).search("apple growers income", 5):
        assert data_index.knowledge.text_of(hit.source)[hit.start:hit.end] == hit.text
