"""The fitted decision: the shipped weights match the features, and the scorer decides as documented."""
import json
import math
from dataclasses import replace
from importlib import resources

import pytest

from askclover import ask
from askclover.decide import FEATURES, Candidate, Facts, Model, Origin, Reason, Scorer, decide, shipped_model
from askclover.model import Hit


def facts(**kw) -> Facts:
    base = dict(bm25=1.0, coverage=1.0, said=1.0, kin=0.0, sure=False, span_strength=0.0,
                typed=False, description=True, predicate=False, names_asked=False, names_source=False,
                naming=False, identity=0.0, gender=0.0, no_date=False, numbers_passage=False,
                numbers_sentence=False, conflict="", swapped="", no_value=False,
                origin=Origin.RANKED, qtype="description")
    return Facts(**{**base, **kw})


def candidate(**kw) -> Candidate:
    hit = Hit(0, 0, "a.txt", 0, 1, "x", 1.0)
    return Candidate(hit, hit, None, facts(**kw))


def test_the_shipped_weights_name_every_feature_and_no_other():
    data = json.loads(resources.files("askclover").joinpath("data/weights.json").read_text())
    for scorer in ("sentence", "span"):
        assert set(data[scorer]["weights"]) == set(FEATURES)
    assert 0 < data["tentative"] <= data["threshold"] < 1


def test_every_feature_is_documented():
    assert all(fn.__doc__ and fn.__doc__.strip() for fn in FEATURES.values())


def test_the_likeliest_candidate_is_chosen_and_answered_above_the_threshold():
    model = Model(Scorer({"coverage": 4.0}, -2.0), Scorer({}, -5.0), threshold=0.6, tentative=0.4)
    d = decide([candidate(coverage=0.2), candidate(coverage=1.0)], model)
    assert d.chosen == 1 and d.reason is Reason.ANSWERED and d.whole
    assert d.probability == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert d.contributions == {"coverage": 4.0}


def test_under_the_threshold_it_is_tentative_then_unsure():
    model = Model(Scorer({"coverage": 4.0}, -2.0), Scorer({}, -5.0), threshold=0.6, tentative=0.4)
    assert decide([candidate(coverage=0.5)], model).reason is Reason.TENTATIVE   # p = 0.5
    assert decide([candidate(coverage=0.1)], model).reason is Reason.UNSURE
    assert decide([], model).reason is Reason.NOTHING


def test_a_span_is_given_only_when_the_span_scorer_trusts_it():
    model = Model(Scorer({"coverage": 4.0}, -2.0), Scorer({"span_strength": 6.0}, -3.0), span_odds=0.5)
    assert not decide([candidate(sure=True, span_strength=1.0)], model).whole
    assert decide([candidate(sure=True, span_strength=0.2)], model).whole
    assert decide([candidate(sure=False, span_strength=1.0)], model).whole


def test_the_answer_carries_its_decision_and_shares():
    answer = ask("What was the progression-free survival in patients who received at least 55 mCi?")
    d = answer.decision
    assert answer.answered and "5.4 months" in answer.text
    logit = shipped_model().sentence.bias if d.whole else shipped_model().span.bias
    assert 1 / (1 + math.exp(-(logit + sum(d.contributions.values())))) == pytest.approx(d.probability)


def test_a_question_the_article_never_touches_is_not_answered():
    answer = ask("How much does a ticket to the museum cost?")
    assert not answer.answered and answer.text is None


def test_the_model_is_a_config_not_a_monkeypatch():
    strict = replace(shipped_model(), threshold=0.999, tentative=0.999)
    from askclover import Answerer, load_index
    answer = Answerer(load_index(use_cache=False), model=strict).ask("What does PFS stand for?")
    assert not answer.answered
