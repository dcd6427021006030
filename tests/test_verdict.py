"""Yes/no answers open with the verdict the settling clause gives."""
import pytest

from askclover.answer import Answerer
from askclover.retrieve import understand
from askclover.verdict import Verdict, judge, say


@pytest.fixture(scope="module")
def ferry():
    from conftest import DATA

    from askclover import load_index

    return load_index(DATA / "ferry-trial.md", use_cache=False)


@pytest.mark.parametrize("question, text", [
    ("were any crossings cancelled?", "No — no crossings were cancelled because of battery faults"),
    ("did any crossings get cancelled", "No — no crossings were cancelled because of battery faults"),
    ("did the authority report higher fuel costs?", "No — the authority reported lower fuel costs"),
    ("was the electric ferry quieter?", "Yes — Riders said the electric ferry was quieter than the diesel one"),
    ("did the trial end in 2024?", "Yes — the trial ended in March 2024"),
])
def test_a_yes_no_answer_opens_with_its_verdict_then_the_clause(ferry, question, text):
    assert Answerer(ferry).ask(question).text == text


@pytest.mark.parametrize("question, clause, verdict", [
    ("Were any crossings cancelled?", "no crossings were cancelled", Verdict.NO),
    ("Did the ferry make 9 crossings?", "the ferry made 12 crossings a day", Verdict.NO),
    ("Was the ferry slow?", "the ferry was fast", Verdict.NO),
    ("Did the ferry make 12 crossings?", "the ferry made 12 crossings a day", Verdict.YES),
    ("Did children pay?", "children under 12 travelled free", Verdict.UNSAID),
    ("Was it a ferry or a bus?", "the ferry made 12 crossings a day", None),
])
def test_the_verdict_comes_from_negation_opposites_and_numbers(ferry, question, clause, verdict):
    assert judge(understand(question, ferry), clause) is verdict


def test_the_verdict_leads_and_the_clause_follows_whole():
    assert say(Verdict.NO, "No deaths were reported") == "No — no deaths were reported"
    assert say(Verdict.YES, "Maria Okafor said so") == "Yes — Maria Okafor said so"
    assert say(None, "An oral presentation") == "An oral presentation"
