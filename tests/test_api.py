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


def test_short_reprs(shipped):
    assert repr(shipped) == "Index(files=1, passages=26, sentences=36)"
    assert repr(shipped.knowledge) == "Knowledge(files=1, passages=26, warnings=0)"
    a = askclover.Answerer(shipped).ask("What does PFS stand for?")
    assert repr(a) == ("Answer(question='What does PFS stand for?', answered=True, "
                       "text='progression-free survival', quote='iopofosine-131-clover-2.txt:12')")
    chat = askclover.Conversation(shipped)
    assert repr(chat) == "Conversation(Index(files=1, passages=26, sentences=36), last=None)"
    chat.ask("Who is the CEO of Cellectar?")
    assert repr(chat).endswith("last='Who is the CEO of Cellectar?')")


def test_str_of_an_answer_is_what_a_person_reads(harbor):
    a = askclover.Answerer(harbor).ask("How long do guided tours last?")
    assert str(a) == """45 minutes
  “Guided tours last 45 minutes and climb 119 steps to the gallery.”
  — harbor-light.md:13"""
    assert str(askclover.Answerer(harbor).ask("What is the capital of France?")) == "The article doesn't say."


def test_help_documents_every_field():
    import dataclasses

    for cls in (askclover.Answer, askclover.Quote, askclover.Hit, askclover.Index, askclover.Knowledge):
        doc = cls.__doc__ or ""
        for f in dataclasses.fields(cls):
            if not f.name.startswith("_"):
                assert f"\n        {f.name}: " in doc, (cls.__name__, f.name)
    chat_doc = askclover.Conversation.__doc__ or ""
    for name in ("index", "last", "referent", "topic", "named", "context"):
        assert f"\n        {name}: " in chat_doc, name
