import pytest

from askclover import Answerer, QuestionType as Q
from askclover.extract import classify


@pytest.mark.parametrize("question,qtype", [
    ("Who led the restoration?", Q.PERSON),
    ("When did the lighthouse reopen?", Q.DATE),
    ("Where is the orchard?", Q.PLACE),
    ("How many steps are there?", Q.COUNT),
    ("What is the number of steps?", Q.COUNT),
    ("How much did it cost?", Q.AMOUNT),
    ("How long do tours last?", Q.DURATION),
    ("How far apart are the tours?", Q.DURATION),
    ("What does CHT stand for?", Q.DEFINITION),
    ("What is the full name of the CHT?", Q.DEFINITION),
    ("Were there any injuries?", Q.YESNO),
    ("What was the income of growers who joined early?", Q.DESCRIPTION),
    ("In what year was it built?", Q.DATE),
    ("When the trucks came, what policy ended?", Q.DESCRIPTION),  # the clause before the comma is not the question
    ("Where the river bends, who built the mill?", Q.PERSON),
    ("Who are the patients in the study?", Q.DESCRIPTION),  # a group, not a name
    ("By whom were the results presented?", Q.PERSON),
    ("Who is the keeper?", Q.PERSON),
])
def test_classify(question, qtype):
    assert classify(question) is qtype


@pytest.mark.parametrize("question,answer", [
    ("Who led the restoration?", "Coastal Heritage Trust"),
    ("Who was the last keeper?", "Thomas Greer"),
    ("How many cast-iron plates were replaced?", "212 cast-iron plates"),
    ("How much did the restoration cost?", "4.2 million dollars"),
    ("How long do guided tours last?", "45 minutes"),
    ("What does CHT stand for?", "Coastal Heritage Trust"),
    ("How many steps do tours climb?", "119 steps"),
])
def test_short_answers(harbor, question, answer):
    a = Answerer(harbor).ask(question)
    assert a.answered and a.text == answer
    assert answer in a.quotes[0].text


def test_yes_no_answers_with_the_settling_sentence(harbor):
    a = Answerer(harbor).ask("Were there any injuries?")
    assert a.answered and a.text.startswith("No — no injuries were reported")


@pytest.mark.parametrize("question", [
    "What is the capital of France?", "tell me a joke", "asdf qwer zxcv", "Who won the World Cup?",
])
def test_abstains_off_topic(harbor, question):
    a = Answerer(harbor).ask(question)
    assert not a.answered and a.text is None
    assert "doesn't say" in a.note


def test_empty_and_huge_questions_do_not_raise(harbor):
    assert not Answerer(harbor).ask("   ").answered
    assert not Answerer(harbor).ask("word " * 5000).answered


def test_every_quote_is_verbatim_and_holds_the_answer(data_index):
    for q in ["How many heritage apple trees were planted?", "What were the most common pests?",
              "When did the lighthouse reopen?", "How many copies did the book sell?"]:
        a = Answerer(data_index).ask(q)
        assert a.answered
        for quote in a.quotes:
            assert data_index.knowledge.text_of(quote.source)[quote.start:quote.end] == quote.text
        assert a.text in a.quotes[0].text


def test_numbered_names_pick_the_right_passage():
    from askclover.extract import identity

    q = "How old was the patient in case study 2?"
    assert identity(q, "She was 15.", "Case Study 2: A girl. She was 15.") == 1
    assert identity(q, "He was 25.", "Case Study 1: A man. He was 25.") == -1
    assert identity("How old was the patient?", "He was 25.", "Case Study 1: A man. He was 25.") == 0
    assert identity("What does Article 102 prohibit?", "Article 102 prohibits abuse.",
                    "Article 101 bans cartels. Article 102 prohibits abuse.") == 1
    assert identity("What does Article 102 prohibit?", "Article 101 bans cartels.",
                    "Article 101 bans cartels. Article 102 prohibits abuse.") == -1


def test_how_long_words_are_not_content(harbor):
    from askclover.retrieve import understand

    assert understand("How long have tours lasted since 2024?", harbor).unknown == ()


def test_dates_and_quantities_are_found_as_written():
    from askclover.extract import DATE, QUANTITY, _tidy

    text = "You may go. Polls open on a Thursday in May; the 10th century, 1973 and October 6, 1973 count."
    assert [m.group() for m in DATE.finditer(text)] == ["Thursday", "May", "the 10th century", "1973", "October 6, 1973"]
    s = "It fell from 252 mm² to about 141 mm², with two experiencing shrinkage; CLOVER-2 had 6 patients."
    found = [s[slice(*_tidy(s, m.start(), m.end()))] for m in QUANTITY.finditer(s)]
    assert found == ["252 mm²", "about 141 mm²", "two", "6 patients"]


def test_yes_no_answer_is_the_settling_clause():
    from askclover.extract import settling_clause
    from askclover.text import terms

    s = "Notably, no patients had liver damage, and there were no cases of bleeding."
    a, b = settling_clause(s, 0, len(s), set(terms("Did any patients have liver damage?")))
    assert s[a:b] == "no patients had liver damage"
    a, b = settling_clause(s, 0, len(s), set(terms("Was there any bleeding?")))
    assert s[a:b] == "there were no cases of bleeding"


def test_what_is_the_x_of_answers_with_what_x_is(harbor):
    a = Answerer(harbor).ask("What is the aim of the trust?")
    assert a.answered and a.text == "to keep the lantern lit for another century"


def test_a_contrast_after_the_clause_is_kept():
    from askclover.extract import settling_clause
    from askclover.text import terms

    s = "The mayor and a clerk can attend council meetings, but do not have voting rights."
    a, b = settling_clause(s, 0, len(s), set(terms("Can the mayor vote in council meetings?")))
    assert s[a:b] == s.rstrip(".")


def test_a_capitalised_first_word_is_not_a_name_when_the_text_uses_it_in_lower_case(tmp_path):
    from askclover.extract import _candidates

    doc = "Receiving visitors is a joy. The keeper liked receiving them. Ellen wrote it. Fishing boats came."
    lower = _index_of(tmp_path, doc).lower
    names = [doc[s:e] for s, e in _candidates(Q.PERSON, doc, 0, len(doc), lower)]
    assert "Receiving" not in names and "Ellen" in names and "Fishing" in names


def test_things_named_at_the_end_are_given_by_the_next_sentence(data_index):
    a = Answerer(data_index).ask("What pruning methods were compared?")
    assert a.answered and a.text.startswith("Half of the trees were pruned in winter")


def _index_of(tmp_path, text):
    from askclover import load_index

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return load_index(tmp_path / "a.txt", use_cache=False)


def test_who_did_x_verb_looks_right_after_the_verb(tmp_path):
    from askclover.extract import OBJECT_QUESTION, _objects
    from askclover.retrieve import understand

    idx = _index_of(tmp_path, "At Dunfermline Abbey, Alexander married Sybilla of Normandy.\n")
    hit = Answerer(idx).retriever.search(understand("Who did Alexander marry?", idx), k=1)[0]
    doc = idx.knowledge.text_of(hit.source)
    assert OBJECT_QUESTION.match("Who did Alexander marry?") and not OBJECT_QUESTION.match("Who married Sybilla?")
    assert doc.index("Sybilla") in _objects(doc, hit, understand("Who did Alexander marry?", idx).stems)
    assert doc.index("Dunfermline") not in _objects(doc, hit, understand("Who did Alexander marry?", idx).stems)


def test_a_capitalised_modifier_is_not_the_name():
    from askclover.extract import _modifier

    doc = "Under the Italian abbot William of Volpiano, the abbey grew."
    i = doc.index("Italian")
    assert _modifier(doc, i, i + len("Italian"), len(doc))
    j = doc.index("William")
    assert not _modifier(doc, j, j + len("William of Volpiano"), len(doc))


def test_how_much_wants_a_measure_not_a_bare_count_or_a_time(tmp_path):
    idx = _index_of(tmp_path, "Case 2: A girl with a cyst was treated for 9 months, with two nurses helping. "
                              "Her cyst size decreased from 30 mm to about 12 mm.\n")
    a = Answerer(idx).ask("How much did the cyst size decrease?")
    assert a.answered and a.text == "30 mm to about 12 mm"


def test_a_sentence_opening_with_a_pronoun_is_read_with_the_sentence_before(tmp_path):
    idx = _index_of(tmp_path, "The second patient had ependymoma. Her tumour size fell from 25 mm to 14 mm. "
                              "Another tumour size fell by 3 mm in a patient with glioma.\n")
    a = Answerer(idx).ask("How much did the ependymoma tumour size fall?")
    assert a.answered and "25 mm" in a.text


def test_what_is_a_term_the_text_glosses_in_parentheses(tmp_path):
    idx = _index_of(tmp_path, "The common side effects were mild, including low platelet counts "
                              "(thrombocytopenia) and anemia.\n")
    a = Answerer(idx).ask("What is thrombocytopenia?")
    assert a.answered and a.text == "low platelet counts"


def test_an_identifier_before_the_asked_noun_names_it(tmp_path):
    idx = _index_of(tmp_path, "The patient carried the H3 G34R/V mutation. The 1759 naval battles were lost.\n")
    assert Answerer(idx).ask("What mutation did the patient carry?").text == "H3 G34R/V mutation"
    assert Answerer(idx).ask("What naval battles were lost?").text == "The 1759 naval battles were lost."  # a year, no name


def test_where_was_x_done_looks_after_the_verb():
    from askclover.extract import OBJECT_QUESTION

    assert OBJECT_QUESTION.match("Where were the findings shared?")
    assert OBJECT_QUESTION.match("Who did Alexander marry?")
    assert not OBJECT_QUESTION.match("Where is the castle?")
    assert not OBJECT_QUESTION.match("Who married Sybilla?")


def test_how_many_x_prefers_a_count_of_x(tmp_path):
    idx = _index_of(tmp_path, "The second group receives three cycles of 10 mg, given 14 days apart.\n")
    assert Answerer(idx).ask("How many cycles does the second group receive?").text == "three cycles"


@pytest.mark.parametrize("question", ["What does CHT mean?", "What does CHT stand for?"])
def test_what_does_a_short_form_mean(harbor, question):
    assert classify(question, harbor.abbreviations) is Q.DEFINITION
    assert Answerer(harbor).ask(question).text == "Coastal Heritage Trust"


def test_what_does_a_term_mean_reads_its_gloss(tmp_path):
    idx = _index_of(tmp_path, "Side effects included low platelet counts (thrombocytopenia) and anemia.\n")
    assert Answerer(idx).ask("What does thrombocytopenia mean?").text == "low platelet counts"
    assert Answerer(idx).ask("Define thrombocytopenia.").text == "low platelet counts"


def test_a_question_about_what_did_not_happen_needs_a_negation(tmp_path):
    idx = _index_of(tmp_path, "In 1999 the council adopted the charter. No member refused the second treaty.\n")
    assert Answerer(idx).ask("When did the council adopt the charter?").text == "1999"
    assert not Answerer(idx).ask("When did the council not adopt the charter?").answered
    assert Answerer(idx).ask("Which member did not refuse the second treaty?").answered
    assert Answerer(idx).ask("Did the council not adopt the charter?").answered
    from askclover.extract import unmatched_negation

    assert unmatched_negation("How many non-Muslim empires were there?", "Muslim empires number in the dozens.")
    assert not unmatched_negation("How many non-Muslim empires were there?", "Non-Muslim empires were few.")
    assert not unmatched_negation("Germany didn't have colonies until when?", "It had colonies from 1884.")


def test_a_name_swapped_for_another_is_not_answered(tmp_path):
    from askclover.extract import swapped_name

    s = "The European Union law applies to the member states."
    assert swapped_name("Who applies American Union law?", s, s, {})
    assert not swapped_name("Who applies European Union law?", s, s, {})
    assert not swapped_name("What does the EU's Union law say?", s, s, {})  # an acronym may be undefined
    assert not swapped_name("Who applies Europian Union law?", s, s, {})  # a misspelling, not a swap
    ceo = "James Caruso, president and CEO of Cellectar, stated it."
    assert swapped_name("Who is the CEO of Pfizer?", ceo, ceo, {}) == ("Pfizer", "Cellectar")
    assert not swapped_name("Who is the CEO of Cellectar?", ceo, ceo, {})
    sits = "Parliament sits from early January to late June."
    assert swapped_name("Parliament sits from February to late what?", sits, sits, {}) == ("February", "January")
    curie = "Maria Skłodowska-Curie was the first female recipient of the Nobel Prize."
    assert not swapped_name("What was Maria Curie the first female recipient of?", curie, curie, {})
    assert not swapped_name("What naval battles did France lose?", "The Battle of Quebec was lost.", "", {})
    idx = _index_of(tmp_path, "The Seven Years War ended in 1763.\n")
    assert Answerer(idx).ask("When did the Seven Years War end?").text == "1763"
    assert not Answerer(idx).ask("When did the Six Years War end?").answered


def test_a_question_saying_the_opposite_of_the_text_is_not_answered(tmp_path):
    from askclover.extract import contradicts
    from askclover.text import opposites, stem

    assert stem("decreasing") in opposites(stem("increasing"))
    assert contradicts("What has operated among a decreasing plurality?", "It operated among an increasing plurality.")
    assert not contradicts("What rose while others fell?", "Prices fell and wages rose.")
    assert not contradicts("Who bought the factory?", "The factory was sold to AvtoZAZ.")  # two sides of one event
    idx = _index_of(tmp_path, "Old oil was withdrawn from the market in 1974.\n")
    assert Answerer(idx).ask("When was old oil withdrawn from the market?").text == "1974"
    assert not Answerer(idx).ask("When was new oil withdrawn from the market?").answered


def test_numbers_the_question_states_must_be_in_the_passage():
    from askclover.extract import missing_numbers

    passage = "In the 10th century the date could be varied by up to one month; 6 patients took 4 doses."
    assert missing_numbers("What happened in the 10th century?", passage) == []
    assert missing_numbers("What happened in the 11th century?", passage) == ["11"]
    assert missing_numbers("What changed in the 1600s?", passage) == ["1600"]
    assert missing_numbers("Could it be varied by up to three months?", passage) == ["three"]
    assert missing_numbers("Which six patients took four doses?", passage) == []
    assert missing_numbers("Which two doses were late?", passage) == []  # counts the answer, states nothing
    assert missing_numbers("Who was rich before World War 1?", "Before World War I they were rich.") == []


@pytest.mark.xfail(strict=True, reason="the fitted sentence scorer prefers another sentence here (a rule that outweighed it was hand-set)")
def test_the_sentence_whose_passage_has_the_asked_year_is_preferred(tmp_path):
    idx = _index_of(tmp_path, "William became king of England, and then king of Scotland.\n\n"
                              "The old king died in 1643. Louis XIV became king of France.\n")
    a = Answerer(idx).ask("Who became king in 1643?")
    assert a.answered and "Louis XIV" in a.text


def test_who_does_x_verb_does_not_answer_with_a_name_inside_x(tmp_path):
    idx = _index_of(tmp_path, "The FDA's rare disease program supports the development of treatments for children "
                              "under 18.\n")
    a = Answerer(idx).ask("Who does the rare disease program support?")
    assert a.text == "The FDA's rare disease program supports the development of treatments for children under 18."


def test_an_identifier_is_not_a_measure_nor_the_questions_own_name(tmp_path):
    idx = _index_of(tmp_path, "The girl was treated with four doses totaling 58.9 mCi. "
                              "The phase 1b CLOVER-2 study is enrolling children.\n")
    assert Answerer(idx).ask("What was the total dose the girl received?").text == "58.9 mCi"
    assert Answerer(idx).ask("What phase is the CLOVER-2 study?").text == "phase 1b"
    from askclover.extract import _named_by_head

    doc = "A man with diffuse glioma carrying the H3 G34R mutation was treated."
    assert _named_by_head(doc, 0, len(doc), {"h3"}, {"h3", "g34r", "mutat"}) == []  # the question's own name
    assert _named_by_head(doc, 0, len(doc), {"h3"}, {"h3", "mutat"}) == [(doc.index("H3"), doc.index(" mutation"))]


@pytest.mark.parametrize("span,unit", [("58.9 mCi", True), ("20 mCi/m² per dose", True), ("$4", True), ("45%", True),
                                       ("4.2 million dollars", True), ("four doses", False),
                                       ("eight prior therapies", False)])
def test_a_measure_has_a_unit_a_count_does_not(span, unit):
    from askclover.extract import _has_unit

    assert _has_unit(span) is unit


def test_how_much_of_a_thing_is_measured_not_counted(tmp_path):
    idx = _index_of(tmp_path, "The man had three previous treatments. He then received four doses totaling "
                              "126.6 mCi of the drug.\n")
    assert Answerer(idx).ask("How much of the drug did the man receive?").text == "126.6 mCi"


def test_the_conference_takes_its_date_from_the_sentence_that_introduced_it(tmp_path):
    idx = _index_of(tmp_path, "Findings were shared at the Spring Conference on Lighthouses, held in May 2024.\n\n"
                              "In a talk during the conference, the keeper presented the restoration results.\n")
    a = Answerer(idx).ask("When were the restoration results presented?")
    assert a.answered and a.text == "May 2024" and "held in May 2024" in a.quotes[0].text

def test_a_when_question_whose_event_has_no_date_is_not_answered(tmp_path):
    idx = _index_of(tmp_path, "Findings were shared at the Spring Conference on Lighthouses.\n\n"
                              "In 2020 the museum opened.\n\n"
                              "In a talk during the visit, the keeper presented the restoration results.\n")
    assert not Answerer(idx).ask("When were the restoration results presented?").answered  # not the museum's 2020


def test_what_conference_takes_the_name_from_the_sentence_that_introduced_it(tmp_path):
    idx = _index_of(tmp_path, "Findings were shared at the Spring Conference on Lighthouses, held in May 2024.\n\n"
                              "In a talk during the conference, the keeper presented the restoration results.\n")
    a = Answerer(idx).ask("What conference were the restoration results presented at?")
    assert a.text == "the Spring Conference on Lighthouses" and a.quotes[0].text.startswith("Findings")
    idx = _index_of(tmp_path, "Findings were shared at the American Spring Conference on Lighthouses, held in May "
                              "2024. The museum is in the United States.\n\n"
                              "In a talk during the conference, the keeper presented the restoration results.\n")
    assert Answerer(idx).ask("Where were the restoration results presented?").text == \
        "American Spring Conference on Lighthouses"


def test_how_many_x_wants_a_count_of_x_and_nothing_else(tmp_path):
    idx = _index_of(tmp_path, "There are over 100 different species of trees in the garden, one of the oldest in "
                              "the city, planted in 1818 next to two opera houses.\n")
    assert Answerer(idx).ask("Over how many species of trees are in the garden?").text == "over 100 different species"
    a = Answerer(idx).ask("How many trees does the city have?")
    assert a.text not in ("one", "1818", "two opera houses")


def test_an_appositive_belongs_to_the_whole_name_and_to_a_sentence_opening_subject(tmp_path):
    from askclover.extract import appositive
    from askclover.retrieve import understand

    idx = _index_of(tmp_path, "Warsaw has parks. The Medical University of Warsaw, the largest medical school, is old. "
                              "What makes the park differ from others in Warsaw is the presence of peacocks.\n")
    doc = idx.knowledge.text_of(idx.knowledge.passages[0].source)
    query = understand("What is Warsaw?", idx)
    for p in idx.knowledge.passages:
        for s in p.sentences:
            assert appositive(doc, s.start, s.end, query, set()) is None


def test_a_currency_with_a_country_prefix_is_one_quantity():
    from askclover.extract import QUANTITY, _tidy

    s = "The price rose from US$3 per barrel to nearly $12 globally."
    found = [s[slice(*_tidy(s, m.start(), m.end()))] for m in QUANTITY.finditer(s)]
    assert found[0] == "US$3 per barrel" and "$12" in found[1] and "globally" not in found[1]


def test_who_is_a_named_person_answers_with_their_role(tmp_path):
    idx = _index_of(tmp_path, "“We are pleased,” James Caruso, president and CEO of Cellectar, stated. In a talk "
                              "during the conference, the company’s chief operating officer, Jarrod Longcor, "
                              "reported results.\n")
    assert classify("Who is James Caruso?") is Q.DESCRIPTION and classify("Who is the chief?") is Q.PERSON
    assert Answerer(idx).ask("Who is James Caruso?").text == "president and CEO of Cellectar"
    assert Answerer(idx).ask("Who is Jarrod Longcor?").text == "the company’s chief operating officer"
    idx = _index_of(tmp_path, "Chief engineer Maria Lindqvist said the crew found coins. Huguenots included poet "
                              "Theodor Fontane. The crew met Anna Berg.\n")
    assert Answerer(idx).ask("Who is Maria Lindqvist?").text == "Chief engineer"
    assert Answerer(idx).ask("Who was Theodor Fontane?").text == "poet"  # not "included poet"
    # "Who is Anna Berg?" ("The crew met Anna Berg.") reads "crew met", a verb for a role: a known miss, not asserted


def test_what_noun_answers_with_the_name_that_ends_in_that_noun(tmp_path):
    idx = _index_of(tmp_path, "Governor Robert Dinwiddie of Virginia was an investor in the Ohio Company, which "
                              "stood to lose money. A General Assembly met in Richmond that spring. Maria "
                              "Skłodowska-Curie was the first female recipient of the prize.\n")
    ans = Answerer(idx)
    assert ans.ask("Dinwiddie had an investment in what company?").text == "the Ohio Company"
    from askclover.extract import _titled_by_head

    s = "A General Assembly met in Richmond that spring."
    assert _titled_by_head(s, 0, len(s), {"general"}, {"general", "met"}, ()) == []  # a title, not the asked kind
    assert ans.ask("What was Maria Curie the first female recipient of?").text == "the prize"


def test_a_blank_after_the_question_s_last_words_is_the_phrase_after_them(tmp_path):
    idx = _index_of(tmp_path, "Article 9 forbids the sale of raw milk, such as farm cheese. The towns now trade "
                              "under a common charter, though some object. The levy was based on “acreage”, so "
                              "that farmers paid more. At the start of each year, the mayor delivers a speech to "
                              "the council. A guild known as the Hansa ruled the ports.\n")
    ans = Answerer(idx)
    assert ans.ask("What does Article 9 forbid?").text == "the sale of raw milk"
    assert ans.ask("The towns now trade under what?").text == "a common charter"
    assert ans.ask("What was the levy based on?").text == "acreage"
    assert ans.ask("What does the mayor deliver at the start of each year?").text == "a speech"
    assert ans.ask("What did the guild call itself?").text.startswith("A guild known as the Hansa")  # no verb to complete
    idx = _index_of(tmp_path, "The council sits from early January to late June and from September to December. "
                              "The compound received rare pediatric drug designation for treating glioma.\n")
    assert Answerer(idx).ask("The council sits from early January to late what?").text == "June"
    assert Answerer(idx).ask("What designation did the compound receive?").text == "rare pediatric drug designation"
    idx = _index_of(tmp_path, "The Norman language was adopted by a Norse-speaking ruling class. The charters now "
                              "co-exist under European Union law.\n")
    assert Answerer(idx).ask("What language did the Normans speak?").text == \
        "The Norman language was adopted by a Norse-speaking ruling class."  # "speaking" is inside a word: no "ruling class"
    assert Answerer(idx).ask("The charters now co-exist under what?").text == "European Union law"
    idx = _index_of(tmp_path, "The U.S. Food and Drug Administration (FDA) has granted rare pediatric drug designation "
                              "for the compound in glioma.\n")
    assert Answerer(idx).ask("What did the FDA grant?").text == "rare pediatric drug designation"  # "Drug" is not asked


def test_what_is_the_x_answers_with_what_the_sentence_says_is_the_x(tmp_path):
    idx = _index_of(tmp_path, "The mermaid (syrenka) is the town's symbol and is found on its coat of arms. "
                              "The Zachęta Gallery, the oldest exhibition site in the town, opened in 1860. "
                              "The most notable buildings are St. John's Cathedral and the Royal Castle.\n")
    ans = Answerer(idx)
    assert ans.ask("What is the town's symbol?").text == "The mermaid"
    assert ans.ask("What is the oldest exhibition site in the town?").text == "The Zachęta Gallery"
    assert ans.ask("What is St. John's Cathedral an example of?").text == \
        "The most notable buildings are St. John's Cathedral and the Royal Castle."


def test_what_day_or_month_wants_a_date_of_that_kind(tmp_path):
    idx = _index_of(tmp_path, "Under the Act of 1998, general elections are held on polling day, the first "
                              "Thursday in May, every four years (1999, 2003, 2007). Campaigns last a month.\n")
    ans = Answerer(idx)
    assert ans.ask("What day are general elections held on?").text == "Thursday"
    assert ans.ask("In what month is polling day?").text == "May"


def test_a_runner_up_without_evidence_forms_no_pair():
    from askclover.extract import Span, _choose

    doc = "France and the French crown."
    assert _choose([Span(0, 6, 0.8), Span(15, 21, 0.5)], Q.PERSON, doc, len(doc)) == Span(0, 21, 0.8)
    assert _choose([Span(0, 6, 0.8), Span(15, 21, -0.1)], Q.PERSON, doc, len(doc)).end == 6
    twice = "Directives bind, but not from Directives alone."
    at = twice.index("Directives", 1)
    assert _choose([Span(0, 10, 0.8), Span(at, at + 10, 0.5)], Q.PLACE, twice, len(twice)) == Span(0, 10, 0.8)


def test_two_names_close_in_score_answer_with_the_stretch_that_holds_both(tmp_path):
    idx = _index_of(tmp_path, "In 1973, Nixon named William E. Simon as the first Administrator of the Federal "
                              "Energy Office, a short-term organization created to coordinate the response.\n")
    text = Answerer(idx).ask("Who is the first administrator of the Federal Energy Office?").text
    assert text == "Nixon named William E. Simon"
    idx = _index_of(tmp_path, "In 1750 Christopher Gist, acting on behalf of both Virginia and the company, "
                              "explored the Ohio territory and opened negotiations with the Indian tribes.\n")
    assert Answerer(idx).ask("Who explored Ohio territory in 1750?").text == "Christopher Gist"  # the verb's subject
    idx = _index_of(tmp_path, "At their Kuwait meeting, OAPEC proclaimed the embargo. In 1066, Duke William II of "
                              "Normandy conquered England killing King Harold II at Hastings.\n")
    assert Answerer(idx).ask("Who proclaimed the embargo?").text == "OAPEC"  # the name right before the verb
    assert Answerer(idx).ask("Who killed Harold II?").text == "Duke William II of Normandy"  # not "England killing"
    idx = _index_of(tmp_path, "Several monks fled to southern Italy, where they were patronised by Robert Guiscard "
                              "and established a Latin monastery at Sant'Eufemia.\n")
    assert Answerer(idx).ask("Who patronized the monks in Italy?").text == "Robert Guiscard"  # by whom, one spelling
    idx = _index_of(tmp_path, "French regular army reinforcements arrived in New France in May 1756, led by Major "
                              "General Louis-Joseph de Montcalm and seconded by the Chevalier de Lévis and Colonel "
                              "François-Charles de Bourlamaque, both veterans.\n")
    assert Answerer(idx).ask("Who led the reinforcements in 1756?").text == "Major General Louis-Joseph de Montcalm"
    idx = _index_of(tmp_path, "The Scottish Parliament building was designed by Spanish architect Enric Miralles "
                              "in partnership with a local firm.\n")
    assert Answerer(idx).ask("Who designed the Scottish Parliament building?").text == "Enric Miralles"


def test_what_is_x_done_for_is_a_blank_and_what_was_the_x_done_has_no_asked_noun():
    from askclover.extract import defines, head_words

    assert defines("What is iopofosine-131?") and not defines("What is iopofosine-131 being studied for?")
    assert head_words("What was the goal of the trial?") == {"goal"}
    assert head_words("What was the trial designed to evaluate?") == set()
    assert head_words("What fuelled demands for home rule?") == set()
    assert head_words("What speed limit was set?") == {"speed", "limit"}
    assert head_words("What dosing schedules are being tested?") == {"dose", "schedul"}


def test_why_answers_with_the_purpose_or_cause_after_the_question_s_words(tmp_path):
    idx = _index_of(tmp_path, "Most small lakes in the parks are emptied before winter to clean them of plants. "
                              "The ferry stopped running because the river froze.\n")
    ans = Answerer(idx)
    assert ans.ask("Why are the small lakes in the parks emptied before winter?").text == "to clean them of plants"
    assert ans.ask("Why did the ferry stop running?").text == "because the river froze"
    from askclover.extract import REASON

    assert not REASON.search("One lane is open to cars now.")  # "to" a noun is no purpose
    assert REASON.search("The lane is closed to focus the repairs.")


def test_of_two_numbered_names_the_one_nearer_the_question_s_words_answers(tmp_path):
    idx = _index_of(tmp_path, "Article 65 of the agreement banned cartels and article 66 made provisions for "
                              "mergers. The dose was 58.9 mCi in total.\n")
    assert Answerer(idx).ask("Which article made provisions for mergers?").text == "article 66"


def test_a_month_is_no_name_and_a_weak_lone_name_does_not_answer_alone():
    from askclover.answer import sure
    from askclover.extract import Span, _candidates

    s = "Findings from the CLOVER-2 study were shared at the Spring Conference, held in September 2025."
    assert [s[a:b] for a, b in _candidates(Q.PLACE, s, 0, len(s), ())] == ["Findings", "CLOVER-2", "Spring Conference"]
    s = "Committee meetings take place on Tuesday, Wednesday and Thursday morning."
    assert [s[a:b] for a, b in _candidates(Q.PLACE, s, 0, len(s), ())] == ["Committee"]
    assert sure(Span(0, 8, 0.4), Q.PLACE) and not sure(Span(0, 8, -0.3), Q.PLACE)
    assert sure(Span(0, 8, -0.3), Q.AMOUNT)


def test_what_type_of_x_answers_with_the_words_before_x(tmp_path):
    idx = _index_of(tmp_path, "Opposition members can table “wrecking amendments” to the bill. The most notable "
                              "examples of Renaissance architecture in the city are the merchant houses.\n")
    ans = Answerer(idx)
    assert ans.ask("What type of amendments might opposition members table?").text == "wrecking amendments"
    assert ans.ask("The merchant houses are examples of what type of architecture?").text == "Renaissance architecture"


def test_in_which_case_answers_with_the_name_after_in(tmp_path):
    idx = _index_of(tmp_path, "In Konsumentombudsmannen v De Agostini the Court of Justice reviewed Swedish bans "
                              "on advertising to children. In 1700 settlers moved to the colony of Virginia, "
                              "where they were promised land in Lower Norfolk County.\n")
    ans = Answerer(idx)
    assert ans.ask("In which case did the Court of Justice review Swedish bans on advertising?").text == \
        "Konsumentombudsmannen v De Agostini"
    assert ans.ask("In what colony were settlers promised land?").text == ("In 1700 settlers moved to the colony of "
                                                                            "Virginia, where they were promised land in Lower Norfolk County.")


def test_how_long_reads_a_span_of_years_as_a_duration():
    from askclover.extract import _candidates

    s = "The Summer Theatre was in operation from 1870 to 1939, and reopened in 1950."
    assert [s[a:b] for a, b in _candidates(Q.DURATION, s, 0, len(s), ())] == ["1870 to 1939"]
    s = "Free movement was central to development since the Treaty of Rome 1957."
    assert [s[a:b] for a, b in _candidates(Q.DURATION, s, 0, len(s), ())] == ["since the Treaty of Rome 1957"]


def test_a_fragment_sentence_takes_its_value_from_the_next(tmp_path):
    idx = _index_of(tmp_path, "The museum reopened after repairs.\n\nReference\n- Harbour Trust. News Release. "
                              "Oct. 27, 2025.\n")
    assert Answerer(idx).ask("When was the news release?").text == "Oct. 27, 2025"


def test_what_did_the_verb_answers_with_the_phrase_before_that_verb(tmp_path):
    idx = _index_of(tmp_path, "Increasingly the Court of Justice has taken the view that free trade serves "
                              "well-being. However after 1945 anti-colonial movements began to challenge the "
                              "Empire. By the 1840s, Britain had adopted a policy of free trade that gave it "
                              "dominance in world trade.\n")
    ans = Answerer(idx)
    assert ans.ask("What entity has taken the view that free trade serves well-being?").text == "the Court of Justice"
    assert ans.ask("After 1945, what challenged the Empire?").text == "anti-colonial movements"
    assert ans.ask("What policy gave Britain dominance in world trade?").text == \
        "By the 1840s, Britain had adopted a policy of free trade that gave it dominance in world trade."
    idx = _index_of(tmp_path, "All patients experienced disease control, which the Response Assessment committee "
                              "notes can correlate with improved survival.\n")
    assert Answerer(idx).ask("Which committee notes that disease control can correlate with improved survival?"
                             ).text == "the Response Assessment committee"
    idx = _index_of(tmp_path, "Under TEU article 19(3) is to be the ultimate court to interpret questions of law.\n")
    assert Answerer(idx).ask("Which court interprets the law?").text == \
        "Under TEU article 19(3) is to be the ultimate court to interpret questions of law."  # no verb phrase


def test_a_long_phrase_before_an_appositive_gives_its_name(tmp_path):
    idx = _index_of(tmp_path, "For the Conservatives, the main disappointment was the loss of Edinburgh Pentlands, "
                              "the seat of former party leader David McLetchie, to the SNP.\n")
    assert Answerer(idx).ask("What was the seat of former party leader David McLetchie?").text == "Edinburgh Pentlands"


def test_the_party_takes_its_name_from_the_sentence_before_and_a_date_phrase_is_no_subject(tmp_path):
    idx = _index_of(tmp_path, "The campaign of the Scottish National Party (SNP) won support. The party argued that "
                              "oil revenues were not benefitting Scotland. A sharp rise in nationalism in Scotland "
                              "during the late 1960s fuelled demands for home rule.\n")
    ans = Answerer(idx)
    assert ans.ask("Which party argued that oil revenues were not benefitting Scotland?").text == \
        "the Scottish National Party"
    assert ans.ask("What fuelled demands for home rule?").text == "A sharp rise in nationalism in Scotland"


def test_a_sentence_opening_word_before_a_number_is_no_name_and_thousands_counts():
    from askclover.extract import _candidates, _counted_noun

    s = "Approximately 1,000 soldiers died. It was approximately noon."
    assert [s[a:b] for a, b in _candidates(Q.PLACE, s, 0, len(s), {"approximately"})] == []
    t = "thousands of Huguenots were killed"
    assert _counted_noun(t, 0, len("thousands of Huguenots")) == "huguenot"


def test_what_x_answers_with_the_list_the_sentence_gives_after_x(tmp_path):
    idx = _index_of(tmp_path, "Honda, Toyota and Nissan established their luxury divisions (Acura, Lexus and "
                              "Infiniti, respectively). The progression-free survival (PFS) was 5.4 months.\n")
    ans = Answerer(idx)
    assert ans.ask("Name a luxury division of Toyota.").text == "Acura, Lexus and Infiniti"
    assert ans.ask("What was the progression-free survival?").text == "5.4 months"  # not "PFS"


def test_a_quoted_name_before_the_asked_noun_answers_what_noun(tmp_path):
    idx = _index_of(tmp_path, "After the war, the “Bricks for Warsaw” campaign was initiated to address the "
                              "housing shortage.\n")
    assert Answerer(idx).ask("What campaign was initiated after the war?").text == "the “Bricks for Warsaw” campaign"


def test_a_place_is_named_after_a_locative_word():
    from askclover.extract import LOCATIVE

    assert LOCATIVE.search("several monks fled to southern ") and LOCATIVE.search("died at the ")
    assert not LOCATIVE.search("popular fancy held that ")


def test_what_did_x_say_answers_with_the_words_quoted_beside_x(tmp_path):
    idx = _index_of(tmp_path, "The harbour reopened in May. “The repairs took two winters. We are proud of the "
                              "crews,” Anne Morvan, the harbour master, said at the ceremony. The mayor spoke "
                              "about the budget.\n")
    ans = Answerer(idx)
    a = ans.ask("What did Anne Morvan say?")
    assert a.text == "The repairs took two winters. We are proud of the crews"
    assert "Anne Morvan" in a.quotes[0].text
    assert ans.ask("What did the harbour master say?").text == a.text


def test_a_person_named_by_role_is_no_place(tmp_path):
    idx = _index_of(tmp_path, "Findings were shared at the Spring Conference on Lighthouses in May 2024. In an oral "
                              "presentation during the conference, the chief operating officer, Jarrod Longcor, "
                              "reported encouraging early results.\n")
    assert Answerer(idx).ask("Where were the results presented?").text == "Spring Conference on Lighthouses"


def test_which_two_answers_with_both_names(tmp_path):
    idx = _index_of(tmp_path, "Formal institutions were established through the Treaty of Rome 1957 and the "
                              "Maastricht Treaty 1992 (now: TFEU).\n")
    assert Answerer(idx).ask("Which two treaties established formal institutions?").text == \
        "Treaty of Rome 1957 and the Maastricht Treaty 1992"


@pytest.mark.xfail(strict=True, reason="the fitted sentence scorer prefers another sentence here (a rule that outweighed it was hand-set)")
def test_when_prefers_a_sentence_that_gives_a_date(tmp_path):
    idx = _index_of(tmp_path, "Similar rebellions took place in other towns in the weeks following. A series of "
                              "three small civil wars known as the Huguenot rebellions broke out between 1621 and "
                              "1629.\n")
    assert Answerer(idx).ask("When did these rebellions take place?").text == "between 1621 and 1629"


@pytest.mark.xfail(strict=True, reason="the fitted sentence scorer weighs the year the other sentence lacks as little "
                                      "as the word this one lacks (a year veto cost 0.004 held-out)")
def test_a_sentence_giving_another_number_than_the_questions_counts_less(tmp_path):
    idx = _index_of(tmp_path, "In 1759 the navy lost the battles of Lagos and Quiberon Bay. "
                              "In 1760 the navy lost naval battles outside the city.\n")
    assert Answerer(idx).ask("What naval battles did the navy lose in 1759?").quotes[0].text.startswith("In 1759")


def test_how_old_wants_an_age_and_how_often_an_interval(tmp_path):
    idx = _index_of(tmp_path, "A 15-year-old girl was treated with four doses totaling 58.9 mCi. One group "
                              "receives two doses of 20 mCi/m², given 14 days apart.\n")
    ans = Answerer(idx)
    assert ans.ask("How old was the girl?").text == "15-year-old"
    assert classify("How often are doses given?") is Q.DURATION
    assert ans.ask("How often are doses given?").text == "14 days apart"


DEPOT = ("The Riverside tram depot reopened on Monday after a two-year refit. Trams leave the depot every 12 "
         "minutes during the day. The night tram runs once an hour after midnight. Inspectors check each tram "
         "twice a week, and the brakes are replaced three times a year. The refit recruited 35 new drivers and "
         "12 mechanics. Local residents lodged 48 complaints about noise during the works.\n")


@pytest.mark.parametrize("question, expected", [
    ("how often do trams leave the depot", "every 12 minutes"),
    ("how often does the night tram run", "once an hour"),
    ("how often are the trams checked", "twice a week"),
    ("How frequently are the brakes replaced?", "three times a year"),
])
def test_how_often_is_answered_by_a_frequency(tmp_path, question, expected):
    assert Answerer(_index_of(tmp_path, DEPOT)).ask(question).text == expected


def test_how_often_and_no_frequency_is_not_said(tmp_path):
    a = Answerer(_index_of(tmp_path, "The depot reopened after a two-year refit that took 20 weeks.\n")).ask(
        "how often is the depot refitted")
    assert not a.answered


@pytest.mark.parametrize("question, expected", [
    ("how many people complained about the noise", "48 complaints"),  # a noun derived from the verb
    ("how many mechanics were recruited", "12 mechanics"),  # two counts joined by "and" are no range
    ("how many drivers did the refit recruit", "35 new drivers"),
])
def test_a_count_of_what_the_question_asks_in_other_words(tmp_path, question, expected):
    assert Answerer(_index_of(tmp_path, DEPOT)).ask(question).text == expected


def test_a_bare_count_followed_by_what_the_question_asks_counts_those(tmp_path):
    idx = _index_of(tmp_path, "Three patients who received at least four infusions showed an average PFS of 8.1 "
                              "months, with two experiencing measurable tumor shrinkage. The man received four "
                              "doses of iopofosine-131 totaling 126.6 mCi.\n")
    ans = Answerer(idx)
    assert ans.ask("How many patients had tumor shrinkage?").text == "two"
    assert ans.ask("What was the man's total dose?").text == "126.6 mCi"  # "totaling" is no named noun


@pytest.mark.xfail(strict=True, reason="the fitted sentence scorer prefers another sentence here (a rule that outweighed it was hand-set)")
def test_a_line_under_references_yields_to_the_article_s_own_sentence():
    import askclover

    assert askclover.ask("What drug received the designation?").text == "Iopofosine-131"  # not the cited title's
    assert askclover.ask("When was the news release issued?").text == "Oct. 27, 2025"  # references still answer


def test_what_is_a_term_reads_the_defining_sentence_and_the_whole_term(tmp_path):
    idx = _index_of(tmp_path, "Imperialism is a type of advocacy of empire. Lenin wrote Imperialism, the Highest "
                              "Stage of Capitalism. The trial enrolls young adults with pediatric high-grade "
                              "glioma, a rare and aggressive brain cancer.\n")
    ans = Answerer(idx)
    assert ans.ask("What is imperialism?").text == "a type of advocacy of empire"
    assert ans.ask("What is pediatric high-grade glioma?").text == "a rare and aggressive brain cancer"
    idx = _index_of(tmp_path, "Lenin wrote Imperialism, the Highest Stage of Capitalism. Cultural imperialism is "
                              "when a country's influence is felt in cultural circles.\n")
    assert Answerer(idx).ask("What is cultural imperialism?").text == \
        "Cultural imperialism is when a country's influence is felt in cultural circles."  # the term met whole


def test_a_person_named_by_role_is_no_company(tmp_path):
    idx = _index_of(tmp_path, "In a talk during the conference, the company’s chief operating officer, Jarrod Longcor, "
                              "reported results. James Caruso, president and CEO of Cellectar, stated it.\n")
    assert Answerer(idx).ask("Which company reported results?").text == ("In a talk during the conference, the company’s "
                                                                          "chief operating officer, Jarrod Longcor, reported results.")


def test_the_full_name_of_a_defined_short_form_and_a_count_is_no_percentage(tmp_path):
    idx = _index_of(tmp_path, "The Cape Heritage Trust (CHT) restored the lighthouse. Approximately eight months after "
                              "screening, the lesion had decreased by more than 50%.\n")
    ans = Answerer(idx)
    assert ans.ask("What is the full name of the CHT?").text == "Cape Heritage Trust"
    assert ans.ask("How many months after screening did the lesion decrease?").text == "Approximately eight months"


def test_a_possessive_name_of_the_question_s_subject_is_no_answer():
    from askclover.extract import _qualifies

    s = "The FDA’s rare pediatric disease designation program supports treatments for children."
    e = s.index("’s")
    assert _qualifies(s, e, len(s), {"design", "program", "help"})
    assert not _qualifies(s, e, len(s), {"treatment", "help"})


def test_who_is_x_wants_a_role_and_where_no_nationality(tmp_path):
    from askclover.extract import head_words

    idx = _index_of(tmp_path, "Since Tanaghrisson had promised support to the British, Washington continued toward "
                              "the fort and, with Tanaghrisson and his party, surprised the troops. Two expeditions "
                              "succeeded, with Fort Duquesne falling to substantial British forces.\n")
    ans = Answerer(idx)
    assert ans.ask("Who was Washington?").text not in ("the British", "with Tanaghrisson and his party")
    assert ans.ask("Where was Fort Duquesne?").text == \
        "Two expeditions succeeded, with Fort Duquesne falling to substantial British forces."  # not "British"
    assert head_words("What was the Ohio Company?") == set() and head_words("What was the PFS?") == {"pf"}


def test_a_doctrine_is_no_name_and_a_role_may_follow_a_parenthesis(tmp_path):
    from askclover.extract import _candidates

    s = "In 1685, he issued the Edict of Fontainebleau, declaring Protestantism illegal."
    assert "Protestantism" not in [s[a:b] for a, b in _candidates(Q.PERSON, s, 0, len(s), ())]
    idx = _index_of(tmp_path, "Jean Cauvin (John Calvin), another student at the University of Paris, also "
                              "converted.\n")
    assert Answerer(idx).ask("Who was John Calvin?").text == "another student at the University of Paris"


def test_a_gloss_in_parentheses_does_not_hide_what_the_sentence_says_of_its_subject(tmp_path):
    from askclover.extract import predicates
    from askclover.retrieve import understand

    idx = _index_of(tmp_path, "The Normans (Norman: Nourmands; Latin: Normanni) were a people of France.\n")
    query = understand("Who were the Normans?", idx)
    assert predicates(query, "The Normans (Norman: Nourmands; Latin: Normanni) were a people of France.")
    assert not predicates(query, "The Normans took (and held) Sicily.")


def test_the_name_after_the_questions_subject_and_a_verb_of_its_own_is_its_object():
    from askclover.extract import _objects
    from askclover.model import Hit

    doc = "Some Normans joined Turkish forces to aid in the siege of Sassoun in eastern Anatolia."
    starts = _objects(doc, Hit(0, 0, "a", 0, len(doc), doc, 1.0), {"norman", "anatolia"})
    assert doc.index("Turkish") in starts and doc.index("Sassoun") not in starts


def test_a_role_named_before_a_person_gives_the_person(tmp_path):
    idx = _index_of(tmp_path, "Figures of Huguenot descent include poet Theodor Fontane, General Hermann von François, "
                              "the hero of Tannenberg, and Luftwaffe General and fighter ace Adolf Galland.\n")
    ask = Answerer(idx).ask
    assert ask("What general and fighter ace was of Huguenot descent?").text == "Adolf Galland"
    assert ask("Which general was the hero of Tannenberg?").text == "General Hermann von François"
    assert ask("What poet was of Huguenot descent?").text == "Theodor Fontane"


def test_the_second_of_an_enumeration_is_the_one_the_text_introduces_second(tmp_path):
    idx = _index_of(tmp_path, "Tours run in two groups. One group climbs 119 steps to the lantern at noon. "
                              "The other group climbs 40 steps to the gallery at dusk.\n")
    ask = Answerer(idx).ask
    assert ask("How many steps does the second group climb?").text == "40 steps"
    assert ask("How many steps does the first group climb?").text == "119 steps"
    assert ask("What is the second group's climb?").answered


def test_a_count_of_a_measure_is_read_whole_for_how_much(tmp_path):
    idx = _index_of(tmp_path, "The other group receives three cycles of 10 mCi/m², given 14 days apart.\n")
    assert Answerer(idx).ask("How much does the other group receive?").text == "three cycles of 10 mCi/m²"


def test_a_long_sentence_is_cut_to_the_stretch_of_the_questions_words_running_on_to_its_end():
    from askclover.extract import focus

    doc = ("Saudi Arabia spent over 100 billion dollars for helping spread its interpretation of Islam throughout "
           "the world, via religious charities such as al-Haramain Foundation, which often also distributed funds "
           "to violent extremist groups such as Al-Qaeda and the Taliban.")
    points = [doc.index(w) for w in ("religious", "Haramain", "distributed", "funds", "groups")]
    a, b = focus(doc, 0, len(doc), 160, points)
    assert b - a <= 160 and doc[a:b] == doc[doc.index("via"):]  # from a clause's start to the end


def test_a_sentence_speaking_of_her_fits_a_question_about_her():
    from askclover.extract import gender_fit

    assert gender_fit("What was her PFS?", "Her progression-free survival was 11.2 months.") == 1
    assert gender_fit("What was her PFS?", "His progression-free survival was 10.9 months.") == -1
    assert gender_fit("What was her PFS?", "The average PFS was 5.4 months.") == 0
    assert gender_fit("What was the girl's PFS?", "Her progression-free survival was 11.2 months.") == 0


@pytest.mark.xfail(strict=True, reason="the fitted sentence scorer prefers another sentence here (a rule that outweighed it was hand-set)")
def test_where_is_the_trial_is_not_answered_by_the_trials_own_name(tmp_path):
    idx = _index_of(tmp_path, "Iopofosine-131 was well tolerated in the CLOVER-2 trial, with effects seen in earlier "
                              "trial findings.\n\nThe phase 1b trial is enrolling children in the United States and "
                              "Canada.\n")
    assert Answerer(idx).ask("Where is the trial?").text == "United States and Canada"


def test_a_measure_the_text_never_names_is_not_answered_with_another(tmp_path):
    idx = _index_of(tmp_path, "The average overall survival was 8.6 months. The FDA granted the designation.\n")
    a = Answerer(idx).ask("What was the median overall survival?")
    assert not a.answered and "median" in a.why_not
    assert Answerer(idx).ask("What was the average overall survival?").text == "8.6 months"
    assert Answerer(idx).ask("Which agency granted the designation?").answered  # "agency" is what is asked


def test_how_fast_wide_and_close_ask_a_measure(tmp_path):
    idx = _index_of(tmp_path, "The comet, named C/1913 R2, will pass closest to the Sun on August 9. Dr. Aiko "
                              "Tanaka, who leads the small-bodies team, said the nucleus is about 4 kilometres wide. "
                              "It travels at up to 45 kilometres per second, and its closest approach to Earth will "
                              "be 80 million kilometres. The last comet was seen long ago.\n")
    ask = Answerer(idx).ask
    assert ask("How fast does the comet travel?").text == "up to 45 kilometres per second"  # not "last"
    assert ask("How wide is the nucleus?").text == "about 4 kilometres wide"
    assert ask("How close will it come to Earth?").text == "80 million kilometres"
    assert ask("When will the comet pass closest to the Sun?").text == "August 9"  # "C/1913" is no year
    idx = _index_of(tmp_path, "Astronomers announced its return on Monday, 12 May 2025; the comet was last seen in "
                              "1913.\n")
    assert Answerer(idx).ask("When did astronomers announce the return?").text == "Monday, 12 May 2025"
    assert ask("Who is Aiko Tanaka?").text == "leads the small-bodies team"


def test_what_is_it_called_gives_the_name_the_text_gives_it(tmp_path):
    idx = _index_of(tmp_path, "The team used three telescopes to measure the comet's orbit. The comet, named "
                              "C/1913 R2 (Hale), will pass the Sun in August. A native of Harwick is known as a "
                              "Harwegian.\n")
    ask = Answerer(idx).ask
    assert ask("What is the comet's name?").text == "C/1913 R2 (Hale)"
    assert ask("What is the comet called?").text == "C/1913 R2 (Hale)"
    assert ask("What is a native of Harwick called?").text == "Harwegian"


def test_a_percentage_answers_how_much(tmp_path):
    idx = _index_of(tmp_path, "Northwind cut its forecast. Shares fell 3% in early trading.\n")
    assert Answerer(idx).ask("How much did shares fall?").text == "3%"


def test_an_ordinal_is_no_amount_and_a_complement_does_not_open_with_of(tmp_path):
    idx = _index_of(tmp_path, "Northwind Foods, the Oslo-based maker of frozen meals, said its profit for the third "
                              "quarter rose 18% to 42 million euros.\n")
    ask = Answerer(idx).ask
    assert "42 million euros" in ask("What was the third-quarter profit?").text
    assert ask("What is Northwind the maker of?").text == "frozen meals"


def test_an_x_based_company_is_based_in_x(tmp_path):
    idx = _index_of(tmp_path, "Northwind Foods, the Oslo-based maker of frozen meals, grew on strong sales in "
                              "Germany.\n")
    assert Answerer(idx).ask("Where is Northwind based?").text == "Oslo"


def test_an_ordinal_the_passage_never_says_is_not_answered_with_another(tmp_path):
    idx = _index_of(tmp_path, "Northwind said its profit for the third quarter rose 18% to 42 million euros.\n\n"
                              "A fourth factory will open in Gdansk.\n")
    assert not Answerer(idx).ask("What was the profit in the fourth quarter?").answered
    assert Answerer(idx).ask("What was the profit in the third quarter?").answered


def test_a_weekday_alone_is_no_past_date_and_a_lifespan_is_not_an_events_date(tmp_path):
    idx = _index_of(tmp_path, "The Vestby Glass Museum opened to the public on 4 October 2025 in a railway depot on "
                              "the edge of Vestby.\n\nThe museum is open Tuesday to Sunday.\n\nA gallery shows the "
                              "work of Ingrid Sæther (1921–2009), the glassblower who founded the town's first "
                              "studio in 1954.\n")
    ask = Answerer(idx).ask
    assert ask("When did the museum open?").text == "4 October 2025"
    assert ask("When is the museum open?").text == "Tuesday to Sunday"
    assert ask("When did Ingrid Sæther found the studio?").text == "1954"
    assert ask("When did Ingrid Sæther die?").text == "1921–2009"


def test_a_number_after_a_capital_letter_is_part_of_a_name(tmp_path):
    idx = _index_of(tmp_path, "A 15-year-old girl was treated with four doses of iopofosine I 131.\n")
    assert not Answerer(idx).ask("How many siblings does the 15-year-old girl have?").answered  # not "131"
    assert Answerer(idx).ask("How many doses did the girl get?").text == "four doses"


def test_she_said_after_a_sentence_naming_her_and_a_time_is_no_count(tmp_path):
    idx = _index_of(tmp_path, "The women's race was won by Sofia Lindgren in 2:24:10. Lindgren, a nurse from Uppsala, "
                              "trained on a treadmill. “I only wanted a personal best,” she said.\n")
    ask = Answerer(idx).ask
    assert ask("What did Lindgren say?").text == "I only wanted a personal best"
    assert not ask("How many women ran?").answered  # "2:24:10" is a time, no count


@pytest.mark.parametrize("text, question, answer", [
    pytest.param("The project released version 4.0 of its editor on 2 June 2025. The release requires at least 4 GB "
                 "of memory.\n", "How much memory does version 4.0 require?", "at least 4 GB", id="a date is no amount"),
    pytest.param("Chief engineer Maria Lindqvist said the crew found Roman coins under the second arch.\n",
                 "What did the crew find?", "Roman coins under the second arch", id="the question's find, the text's found"),
    pytest.param("The Lake Council meets in the old mill.\n\nThe chair is elected by a secret ballot of the 35 "
                 "councillors, 12 of whom must attend.\n", "How many councillors are there?", "35 councillors",
                 id="how many: a count of the asked noun"),
    pytest.param("The harbour town grew in the 12th century.\n\nKing Olaf of Vestby, whose elder brother Harald had "
                 "married Ingrid of Lund, was instrumental in founding the harbour town.\n", "Who did Harald marry?",
                 "Ingrid of Lund", id="who did X verb: the name after the verb"),
])
def test_a_span_of_the_asked_kind_is_cut(tmp_path, text, question, answer):
    assert Answerer(_index_of(tmp_path, text)).ask(question).text == answer


def test_a_sentence_opening_word_written_in_lower_case_elsewhere_is_no_name(tmp_path):
    idx = _index_of(tmp_path, "The Harbor Trust keeps the old light.\n\n"
                              "Following the storm, the keeper moved to Vestby in 2004. The days following were calm.\n")
    answer = Answerer(idx).ask("Who moved to Vestby in 2004?")
    assert answer.answered and "the keeper" in answer.text


def test_what_did_x_say_reads_the_quotation_her_she_said_stands_for(tmp_path):
    idx = _index_of(tmp_path, "The Harbor Trust keeps the old light.\n\nMaria Lindgren opened the new exhibition in the tower "
                              "in May. “The light belongs to everyone who sails past it,” she said.\n")
    assert "The light belongs to everyone who sails past it" in Answerer(idx).ask("What did Lindgren say?").text


def test_two_places_close_in_score_are_not_cut_as_a_pair_when_a_third_is_as_close(tmp_path):
    idx = _index_of(tmp_path, "The Border War lasted seven years.\n\nThe war was fought mainly along the frontier "
                              "between Arland and the Northern Marches, from Kell in the south to Orsa in the north.\n")
    answer = Answerer(idx).ask("where was the war fought?")
    assert answer.answered and "between Arland and the Northern Marches" in answer.text
