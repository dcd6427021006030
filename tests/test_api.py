import askclover


def test_public_api_answers_the_shipped_article():
    a = askclover.ask("What does PFS stand for?")
    assert isinstance(a, askclover.Answer) and a.answered
    assert a.text == "progression-free survival"
    q = a.quotes[0]
    assert open(q.source, encoding="utf-8").read()[q.start:q.end] == q.text


def test_all_names_exist():
    for name in askclover.__all__:
        assert hasattr(askclover, name)
