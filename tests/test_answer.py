"""The answerer: how a sentence is weighed against the question."""
import pytest

from askclover.answer import Answerer, names_asked, names_source
from askclover.cache import load_index
from askclover.retrieve import understand


def _index_of(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return load_index(tmp_path, use_cache=False)


def test_a_sentence_names_the_asked_thing_in_either_of_its_forms(tmp_path):
    idx = _index_of(tmp_path, "The progression-free survival (PFS) was 5.4 months. At Saint-Evroul, a tradition of "
                              "singing had developed.\n")
    pfs = understand("What was the man's PFS?", idx)
    assert names_asked(pfs, "His progression-free survival was 10.9 months.")
    assert not names_asked(pfs, "His survival was 10.9 months.")
    tradition = understand("What tradition were the Saint-Evroul monks known for?", idx)
    assert names_asked(tradition, "At Saint-Evroul, a tradition of singing had developed.")
    assert not names_asked(tradition, "Several monks of Saint-Evroul fled to Italy.")


def test_a_question_citing_a_source_reads_the_sentence_that_names_it(tmp_path):
    idx = _index_of(tmp_path, "For some countries, the policy meant idealism. In his writings Lenin portrayed the "
                              "policy as a need of capital to expand. The American Automobile Association reported "
                              "long lines.\n")
    lenin = understand("According to Lenin why must countries have the policy?", idx)
    assert names_source(lenin, "In his writings Lenin portrayed the policy as a need of capital to expand.")
    assert not names_source(lenin, "For some countries, the policy meant idealism.")
    assert names_source(understand("According to the AAA, how long were lines?", idx),
                        "The American Automobile Association reported long lines.")
    assert not names_source(understand("Why must countries have the policy?", idx), "Lenin portrayed the policy.")
    a = Answerer(idx).ask("According to Lenin, why must countries have the policy?")
    assert "Lenin" in a.quotes[0].text


def test_a_how_many_question_whose_sentence_gives_no_count_is_not_answered(tmp_path):
    idx = _index_of(tmp_path, "The study is enrolling children, adolescents and young adults in Canada. Muslim "
                              "empires number in the dozens.\n")
    a = Answerer(idx).ask("How many adults is the study enrolling?")
    assert not a.answered and a.why_not == "it gives no count"
    assert Answerer(idx).ask("How many Muslim empires were there?").text == "dozens"


WING = ("The new wing of the Harlow Museum opened on Saturday after years of delay.\n\n"
        "The wing was designed to hold the museum's collection of sea charts, and the design of the wing won praise "
        "from visitors on the first day. Architect Lena Moravec drew the plans after her firm won a competition.\n\n"
        "Building work began in March 2021. The work on the wing was slowed when the builders found the old harbour "
        "wall under the site, and the work stopped for a winter.\n")


@pytest.mark.parametrize("question, expected", [
    ("when did the work on the wing start?", "March 2021"),
    ("when did the museum wing open?", "Saturday"),
    ("when did building start?", "March 2021"),
])
def test_a_when_question_is_answered_from_the_sentence_with_a_date_not_the_one_sharing_more_words(tmp_path, question,
                                                                                                   expected):
    answer = Answerer(_index_of(tmp_path, WING)).ask(question)
    assert answer.answered and expected in answer.text


CLINIC = ("The Marrow Street clinic reported on its first two years.\n\n"
          "Patients treated with the new regimen stayed relapse-free for a median of 14 months, against 9 months "
          "on the old one. The waiting room has been smoke-free since March 2021. The clinic's canteen serves "
          "only gluten-free bread. The ward remained free of measles outbreaks for 30 months.\n\n"
          "The clinic plans to open a second site in Dunmore next spring.\n")


@pytest.mark.parametrize("question, expected", [
    ("how long did patients on the new regimen go without a relapse?", "14 months"),
    ("since when has the waiting room been without smoke?", "March 2021"),
    ("how long was the ward without measles outbreaks?", "30 months"),
])
def test_without_in_the_question_is_met_by_free_in_the_text(tmp_path, question, expected):
    """"Without X" asks what "X-free" or "free of X" says: no negation the sentence lacks."""
    answer = Answerer(_index_of(tmp_path, CLINIC)).ask(question)
    assert answer.answered and expected in answer.text


@pytest.mark.parametrize("question, verdict", [
    ("is the canteen's bread without gluten?", "Yes"),
    ("does the canteen serve bread with gluten?", "No"),
    ("is the bread in the canteen gluten-free?", "Yes"),
])
def test_a_yes_no_question_without_x_is_settled_by_x_free(tmp_path, question, verdict):
    answer = Answerer(_index_of(tmp_path, CLINIC)).ask(question)
    assert answer.answered and answer.text.startswith(verdict + " —"), answer.text


RIDES = ("The county cycling club reported on its spring season.\n\n"
         "Riders who trained three times a week finished the 80 km course in an average of 190 minutes. "
         "Seven of the twelve club members who entered the hill climb reached the summit, and the fastest took "
         "41 minutes. The club's four minibuses covered 2,300 km carrying riders to races.\n")


@pytest.mark.parametrize("question, expected", [
    ("how long did riders who trained 3 times a week take?", "190 minutes"),
    ("how many of the 12 members who entered the hill climb reached the top?", "Seven"),
    ("how far did the 4 minibuses travel?", "2,300 km"),
])
def test_a_number_in_digits_is_met_by_the_same_number_in_words(tmp_path, question, expected):
    """"3 times" asks what "three times" says: no number the text lacks."""
    answer = Answerer(_index_of(tmp_path, RIDES)).ask(question)
    assert answer.answered and expected in answer.text, answer.text or answer.note


WORKS = ("The Holm Valley water works reopened after its refit.\n\n"
         "The plant now treats 38 million litres a day, and its filters are cleaned every week. "
         "Its bottling line fills about 9,000 bottles an hour. "
         "Guided tours start on Saturdays at 10:30 a.m. The visitor centre closes at 4 p.m. "
         "The next open day is on 14 March, when the new reservoir will be shown. "
         "The pumps, which need 2,600 kWh per day, were built in Leeds.\n")
CLAIMS = ("The city council published its housing review.\n\n"
          "In a 2019 report, the economist Hanna Berg argued that rents in the city would double within a decade, "
          "and that building more homes was the only fix. At a conference in May, the mayor said that the tram "
          "line would open in 2027. In his 2021 study Clear Water, the biologist Tomas Ek found that trout had "
          "returned to the river after the dam was removed.\n")
POOL = ("The town pool reopened after a long refit.\n\n"
        "The sauna opens on Tuesdays and Fridays, and the outdoor pool is heated by solar panels. "
        "Swimming lessons for adults were held in 2019 and 2021, and lessons for children will start again soon. "
        "The diving board, built by a firm from Hull, reopens on Mondays.\n")
TEAM = ("A survey of the Tarrow cliffs was published on Friday.\n\n"
        "The survey was led by Dr Ruth Amsel, a geologist at Tarrow University. "
        "Its report was checked by Colin Breck, the council's chief engineer, before it went to print. "
        "The cliffs have retreated by four metres since 1990.\n")
DROUGHT = ("The dry spring hit the valley hard.\n\n"
           "The hosepipe ban cost the Elm Lane nursery about a third of its spring sales, its owner said. "
           "Half of the wells in the valley ran dry by May. "
           "Two-thirds of the fishing boats stayed in port, and the first-in-class pump at Otley was switched off.\n")
PIPELINE = ("The water board chose a pipeline from the Varne.\n\n"
            "The pipeline will be 46 kilometres long and will cross the moor in a 3-kilometre tunnel. "
            "Building it will take about 18 months. The pumping trial lasts 24 weeks, and a 900-metre spur "
            "will feed the village of Ashby.\n")
NAMES = ("The harbour has a new ferry.\n\n"
         "The ferry, called the Swift, carries 80 passengers. The hill above the quay is known as the Tor. "
         "Its old lighthouse was named Galley Head after a ship. The inn by the bridge is called the Anchor.\n")
CLUB = ("The club has a new membership plan.\n\n"
        "The basic plan includes parking, a locker and two guest passes. Members who pay more also get coaching, "
        "a newsletter or a free towel, and the club said prices would rise in May. The gold plan covers "
        "physiotherapy, massage and sauna sessions during the winter. The family plan offers swimming, tennis "
        "and a climbing wall for children.\n")
MUSEUM = ("The museum reopened in May.\n\n"
          "An adult ticket costs 12 pounds and a child ticket costs 6 pounds. A family pass is 30 pounds. "
          "The museum has 40 staff, while the gardens have 12 gardeners and a shop with 3 staff.\n")
CANAL = ("The old canal reopened this spring.\n\n"
         "In 1890 each porter was paid 6 shillings a week by the canal company. The first barge carried 40 "
         "tonnes of coal and 3 passengers. The lock keeper, who had worked there for 30 years, was given 2 acres "
         "of land.\n")


@pytest.mark.parametrize("text, question, expected", [
    # a value keeps its rate: "38 million litres a day" is one amount
    (WORKS, "how much water does the plant treat?", "38 million litres a day"),
    (WORKS, "how many bottles does the line fill?", "about 9,000 bottles an hour"),
    (WORKS, "how much power do the pumps need?", "2,600 kWh per day"),
    # a date without its year, and a time of day, are when-answers; "what time" asks the time
    (WORKS, "when is the next open day?", "14 March"),
    (WORKS, "what time do the tours start?", "10:30 a.m."),
    (WORKS, "what time does the visitor centre close?", "4 p.m."),
    # what X argued or found is the clause the verb introduces, not the book a trailing phrase names
    (CLAIMS, "what did berg argue in her 2019 report", "rents in the city would double within a decade"),
    (CLAIMS, "What did Hanna Berg argue about rents?", "rents in the city would double within a decade"),
    (CLAIMS, "what did berg argue about building", "building more homes was the only fix"),
    (CLAIMS, "what did ek find in his 2021 study", "trout had returned to the river after the dam was removed"),
    # "what days" and "which years" ask for a date as "what day" does
    (POOL, "what days does the sauna open?", "Tuesdays and Fridays"),
    (POOL, "which years were adult swimming lessons held?", "2019 and 2021"),
    (POOL, "what days is the diving board open?", "Mondays"),
    # a name typed in lower case is a name: "who is dr amsel" asks who Dr Amsel is
    (TEAM, "who is dr amsel", "a geologist at Tarrow University"),
    (TEAM, "who's ruth amsel?", "a geologist at Tarrow University"),
    (TEAM, "who is colin breck", "the council's chief engineer"),
    # a question in capitals throughout is read as if in lower case: its capitals name nothing
    (TEAM, "WHO IS THE CHIEF ENGINEER", "Colin Breck"),
    (TEAM, "WHO IS DR AMSEL?", "a geologist at Tarrow University"),
    (TEAM, "WHO CHECKED THE REPORT", "Colin Breck"),
    # a fraction is an amount of what it is a fraction of
    (DROUGHT, "how much did the ban cost the nursery?", "about a third of its spring sales"),
    (DROUGHT, "how many of the wells ran dry?", "Half of the wells"),
    (DROUGHT, "how many fishing boats stayed in port?", "Two-thirds of the fishing boats"),
    # "called the Swift": the name is "the Swift"
    (NAMES, "what's the inn by the bridge called", "the Anchor"),
    (NAMES, "whats the hill above the quay called", "the Tor"),
    (NAMES, "what was the old lighthouse called?", "Galley Head"),
    # what a thing includes may be a list: all of it
    (CLUB, "what does the basic plan include", "parking, a locker and two guest passes"),
    (CLUB, "what does the gold plan cover?", "physiotherapy, massage and sauna sessions"),
    (CLUB, "what does the family plan offer", "swimming, tennis and a climbing wall"),
    # a value belongs to what its own clause names, not to what the next clause names
    (MUSEUM, "how much is a child ticket?", "6 pounds"),
    (MUSEUM, "how much is an adult ticket", "12 pounds"),
    (MUSEUM, "how many gardeners do the gardens have?", "12 gardeners"),
    # a number in a unit WordNet knows is a measure, not an identifier like "Article 65"
    (CANAL, "what were porters paid a week in 1890?", "6 shillings a week"),
    (CANAL, "what was the keeper given?", "2 acres"),
    (CANAL, "how much coal did the first barge carry?", "40 tonnes"),
    # how long something is may be a length
    (PIPELINE, "how long will the pipeline be?", "46 kilometres"),
    (PIPELINE, "how long is the tunnel?", "3-kilometre"),
    (PIPELINE, "how long is the spur to ashby?", "900-metre"),
    (PIPELINE, "how long will building it take?", "about 18 months"),
    (PIPELINE, "how long is the pumping trial?", "24 weeks"),
])
def test_the_answer_is_the_span_of_the_kind_the_question_asks(tmp_path, text, question, expected):
    """The short answer: the value, clause or description asked for, and little around it."""
    answer = Answerer(_index_of(tmp_path, text)).ask(question)
    assert answer.answered and expected in answer.text and len(answer.text) <= len(expected) + 10, \
        answer.text or answer.note


def test_an_ordinal_is_no_amount(tmp_path):
    text = "The pumps were replaced.\n\nThe first-in-class pump at Otley cost the council dearly.\n"
    answer = Answerer(_index_of(tmp_path, text)).ask("how much did the pump cost?")
    assert not answer.answered, answer.text
