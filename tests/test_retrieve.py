from askclover import Answerer, load_index
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


def test_speller_agrees_with_a_full_scan(data_index):
    from askclover.retrieve import Speller
    from askclover.text import STOP_WORDS, edit_distance

    def scan(word):
        limit = 1 if len(word) < 8 else 2
        found = [(edit_distance(word, v, limit), -n, v) for v, n in data_index.vocabulary.items()
                 if v.isalpha() and v not in STOP_WORDS and len(v) >= 3]
        found = [f for f in found if f[0] <= limit]
        return min(found)[2] if found else None

    speller = Speller(data_index.vocabulary)
    for typo in ["lighthuose", "kepeer", "restoraton", "aple", "orchrad", "grwoers", "zzzzzz", "daugther"]:
        assert speller.correct(typo) == scan(typo), typo


def test_a_mistyped_question_word_is_read_as_the_question_word():
    import askclover
    from askclover.retrieve import wh_typo

    assert [wh_typo(w) for w in ("wat", "hwo", "wen", "wich", "were", "what", "cat")] == \
        ["what", "who", "when", "which", None, None, None]
    a = askclover.ask("wat is thrombocytopenia")
    assert a.text == "low platelet counts" and ("wat", "what") in a.corrections


def test_an_undefined_short_form_in_capitals_finds_the_name_it_spells(harbor):
    q = understand("Who did the MPL reopen for?", harbor)
    assert "MPL" not in dict(q.corrections) and not q.unknown
    assert "Marlow Point Lighthouse" in Retriever(harbor).search(q, 1)[0].text
    assert understand("Who did the mpl reopen for?", harbor).unknown == ("mpl",)  # only a word in capitals
    assert "chief architect" in Retriever(harbor).search("What did the CA replace?", 1)[0].text


def test_modal_verbs_and_already_carry_no_content(harbor):
    assert understand("Why must the lighthouse already reopen?", harbor).unknown == ()
    assert understand("Is the lighthouse still open?", harbor).unknown == ()
    assert understand("Why might the lighthouse reopen?", harbor).concepts == \
        understand("Why did the lighthouse reopen?", harbor).concepts


def test_a_question_word_with_its_apostrophe_dropped_is_read_whole(harbor):
    assert ("whats", "what is") in understand("whats the cost of the restoration?", harbor).corrections
    assert understand("whats the cost?", harbor).fixed_text == "what is the cost?"


def test_else_is_no_typo_of_a_name(tmp_path):
    from askclover.cache import load_index

    (tmp_path / "a.txt").write_text("Elie Neau settled in New York. Others went to Holland.\n", encoding="utf-8")
    assert understand("Where else did refugees settle?", load_index(tmp_path, use_cache=False)).corrections == ()


def test_a_verb_meets_its_past_homograph_only_where_that_is_no_other_words_stem(tmp_path):
    from askclover.cache import load_index
    from askclover.retrieve import past_form

    (tmp_path / "a.txt").write_text("The crew found coins.\n", encoding="utf-8")
    assert past_form("find", load_index(tmp_path, use_cache=False)) == "found"
    (tmp_path / "a.txt").write_text("The crew found coins. The town was founded in 1791.\n", encoding="utf-8")
    assert past_form("find", load_index(tmp_path, use_cache=False)) is None  # "found" also stands for "founded"


def test_the_floor_keeps_every_unit_of_the_exact_top_k_ties_included():
    import numpy as np

    from askclover.retrieve import _best

    rng = np.random.default_rng(3)
    for trial in range(200):
        n = int(rng.integers(1, 400))
        sentence = rng.choice([0.0, 1.0, 2.0, 2.5], size=n) * rng.integers(0, 2, size=n)
        total = sentence + rng.choice([0.0, 0.4, 0.8], size=n)
        k = int(rng.integers(0, 12))
        ids = np.flatnonzero(sentence != 0)
        exact = ids[np.lexsort((ids, -total[ids]))][:k]
        kept = _best(sentence, total, k, np.zeros(n, dtype=bool), step=int(rng.integers(1, 20)))
        assert set(exact) <= set(kept) and all(sentence[kept] != 0)
        assert kept[np.lexsort((kept, -total[kept]))][:k].tolist() == exact.tolist()


def test_search_for_none_or_for_more_than_there_are(harbor):
    from askclover import Retriever

    r = Retriever(harbor)
    assert r.search("Who was the last keeper?", 0) == []
    everything = r.search("Who was the last keeper?", 10**6)
    assert everything == sorted(everything, key=lambda h: (-h.score, h.passage, h.sentence))


def test_a_word_is_not_searched_as_a_word_sharing_only_a_short_stem(tmp_path):
    (tmp_path / "a.md").write_text("The trial enrolls patients in Canada.\n\nThe blood count of each patient fell.\n",
                                   encoding="utf-8")
    answer = Answerer(load_index(tmp_path / "a.md", use_cache=False)).ask("Which countries are the patients in?")
    assert answer.answered and "Canada" in answer.quotes[0].text  # "countries" is not "count"
