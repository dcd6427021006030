"""Fit the reader's scorer (src/askclover/data/weights.json) on labeled question sets.

    python tools/fit.py            # collect candidates, fit, choose L2 and thresholds by
                                   # leave-one-article-out folds, write weights.json

Each question is asked through the library (a chain through one Conversation); every
candidate the reader proposes is labeled right when a gold answer is in the text it would
give. One logistic regression over candidates ranks them and its probability decides.
The regularisation strength and the thresholds are chosen on held-out folds.
"""
from __future__ import annotations

import argparse
import os
import json
import pickle
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import askclover  # noqa: E402
from askclover.decide import FEATURES, vector  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SHIPPED = ROOT / "knowledge"
SETS = {  # name -> (questions, articles folder or None for the shipped article)
    "dev": (EVAL / "dev.jsonl", None),
    "user": (EVAL / "user.jsonl", None),
    "user-articles": (EVAL / "user/questions.jsonl", EVAL / "user/articles"),
    "squad": (EVAL / "general/dev.jsonl", EVAL / "general/articles"),
    "heldout-a": (ROOT / "bench/sets/a/questions.jsonl", ROOT / "bench/sets/a/articles"),
    "heldout-b": (ROOT / "bench/sets/b/questions.jsonl", ROOT / "bench/sets/b/articles"),
    "heldout-c": (ROOT / "bench/sets/c/questions.jsonl", ROOT / "bench/sets/c/articles"),
    "heldout-d": (ROOT / "bench/sets/d/questions.jsonl", ROOT / "bench/sets/d/articles"),
    "heldout-e": (ROOT / "bench/sets/e/questions.jsonl", ROOT / "bench/sets/e/articles"),
    "heldout-f": (ROOT / "bench/sets/f/questions.jsonl", ROOT / "bench/sets/f/articles"),
    "heldout-g": (ROOT / "bench/sets/g/questions.jsonl", ROOT / "bench/sets/g/articles"),
    "heldout-h": (ROOT / "bench/sets/h/questions.jsonl", ROOT / "bench/sets/h/articles"),
    "heldout-i": (ROOT / "bench/sets/i/questions.jsonl", ROOT / "bench/sets/i/articles"),
}
FITTED = ["dev", "user", "user-articles", "squad", "heldout-a", "heldout-c", "heldout-e"]  # b, d, f, g, h, i: only reported
UNANSWERABLE_SHARE = 0.2  # the mix a user asks: mostly answerable (README of the user sets)
L2_GRID = (0.003, 0.03, 0.3)
L2_TIE = 0.001  # a share of the questions' weight: differences smaller than this are noise
MAX_ANSWER = 300
SPAN_GRID = (0.2, 0.3, 0.4, 0.5)  # a span is given when its chance of being right clears this
SMOOTH = 0.03  # a threshold is judged with its neighbours this far either side
CONCISE_BONUS = 0.5  # a short right answer is worth more to a reader than the sentence around it


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split())


@dataclass
class Row:
    """One question as the reader saw it: its candidates' features and labels."""

    set: str
    article: str
    qid: str
    answerable: bool
    short: bool
    chained: bool
    gold_len: int
    x: np.ndarray        # candidates × features
    right: np.ndarray    # the candidate's answer holds a gold answer
    concise: np.ndarray  # ... and is short enough
    evidence: np.ndarray # the candidate's quote holds the evidence
    whole: np.ndarray    # the candidate's sentence (not its span) holds a gold answer
    spanned: np.ndarray  # the candidate's answer is a span, not the sentence
    blocked: np.ndarray  # the candidate may not answer (decide.Facts.blocked)
    qtype: str = ""


def items(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            it = json.loads(line)
            yield it["turns"] if "turns" in it else [it]


def collect(names: list[str]) -> list[Row]:
    """Ask every question of the named sets and describe each candidate the reader proposed."""
    rows: list[Row] = []
    indexes: dict[Path, askclover.Index] = {}
    for name in names:
        questions, folder = SETS[name]
        if not questions.exists():
            print(f"skipped {name}: {questions} not found", file=sys.stderr)
            continue
        for turns in items(questions):
            article = turns[0].get("article") or "shipped"
            path = folder / article if folder else SHIPPED
            if path not in indexes:
                indexes[path] = askclover.load_index(path, use_cache=False)
            chat = askclover.Conversation(indexes[path])
            for k, t in enumerate(turns):
                answer = chat.ask(t["q"])
                rows.append(describe(name, article, t, k > 0 and len(turns) > 1, answer, chat))
    return rows


def describe(name, article, t, chained, answer, chat) -> Row:
    decision = answer.decision
    cands = decision.candidates if decision else ()
    answerer = chat.answerer
    golds = [norm(a) for a in t.get("answers", [])]
    evid = [norm(e) for e in t.get("evidence", [])]
    shortest = min((len(a) for a in t.get("answers", [])), default=0)
    right, concise, evidence, whole, spanned, xs = [], [], [], [], [], []
    blocked = [bool(c.facts.blocked) for c in cands]
    for c in cands:
        held, text, _, around = answerer.render(c, decision.query, answer.qtype)
        quote = answerer.quote(held, around).text
        ok = len(text) <= MAX_ANSWER and any(g in norm(text) for g in golds)
        right.append(ok)
        concise.append(ok and len(text) <= max(60, 3 * shortest))
        evidence.append(len(quote) <= 450 and any(e in norm(quote) for e in evid))
        _, sentence, _, _ = answerer.render(c, decision.query, answer.qtype, whole=True)
        whole.append(len(sentence) <= MAX_ANSWER and any(g in norm(sentence) for g in golds))
        spanned.append(sentence != text)
        xs.append(vector(c.facts))
    return Row(name, article, t["id"], t["answerable"], bool(t.get("short")), chained, shortest,
               np.array(xs, dtype=float).reshape(len(cands), len(FEATURES)),
               np.array(right, bool), np.array(concise, bool), np.array(evidence, bool),
               np.array(whole, bool), np.array(spanned, bool), np.array(blocked, bool), answer.qtype.value)


def question_weights(rows: list[Row]) -> np.ndarray:
    """Each question's weight: every set counts by its size, its unanswerable questions making
    up UNANSWERABLE_SHARE of it (SQuAD's adversarial half is not what users ask)."""
    w = np.zeros(len(rows))
    for name in {r.set for r in rows}:
        ids = [i for i, r in enumerate(rows) if r.set == name]
        n_ans = sum(rows[i].answerable for i in ids)
        n_un = len(ids) - n_ans
        for i in ids:
            share = (1 - UNANSWERABLE_SHARE) if rows[i].answerable else UNANSWERABLE_SHARE
            if not n_un or not n_ans:
                share = 1.0
            w[i] = len(ids) * share / (n_ans if rows[i].answerable else n_un)
    return w


def logistic(X: np.ndarray, y: np.ndarray, sw: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weighted, L2-regularised logistic regression by Newton's method: (coefficients, bias)."""
    X = np.hstack([X, np.ones((len(X), 1))])
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ beta, -30, 30)))
        grad = X.T @ (sw * (p - y)) + reg * beta
        hess = (X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


@dataclass
class Fitted:
    """The two scorers: which sentence holds the answer, and whether its span is right."""

    sentence: tuple[np.ndarray, float]
    span: tuple[np.ndarray, float]


def fit(rows: list[Row], weights: np.ndarray, l2: float) -> Fitted:
    """Fit the sentence scorer on every candidate and the span scorer on those with a span;
    each question weighs ``weights[i]``, shared among its candidates."""
    used = [(r, w) for r, w in zip(rows, weights) if len(r.x)]
    X = np.vstack([r.x for r, _ in used])
    sw = np.concatenate([np.full(len(r.x), w / len(r.x)) for r, w in used])
    sentence = logistic(X, np.concatenate([r.whole for r, _ in used]).astype(float), sw, l2)
    mask = np.concatenate([r.spanned for r, _ in used])
    y = np.concatenate([r.right for r, _ in used]).astype(float)
    span = logistic(X[mask], y[mask], sw[mask], l2)
    return Fitted(sentence, span)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))




def predict(rows: list[Row], model: Fitted) -> list[tuple[int | None, float, float]]:
    """For each question: the chosen candidate, its sentence's chance, its span's chance (0 if none)."""
    out = []
    for r in rows:
        if not len(r.x):
            out.append((None, 0.0, 0.0))
            continue
        p = sigmoid(r.x @ model.sentence[0] + model.sentence[1])
        blocked = r.blocked
        best = int(np.argmax(np.where(blocked, -1.0, p) if not blocked.all() else p))
        if blocked[best]:
            out.append((best, 0.0, 0.0))
            continue
        q = float(sigmoid(r.x[best] @ model.span[0] + model.span[1])) if r.spanned[best] else 0.0
        out.append((best, float(p[best]), q))
    return out


def columns(rows: list[Row], picks) -> dict[str, np.ndarray]:
    """The chosen candidates' labels and chances as arrays, one entry per question."""
    def col(f):
        return np.array([f(r, b) if b is not None else False for r, (b, _, _) in zip(rows, picks)], bool)
    return dict(
        found=np.array([b is not None for b, _, _ in picks]),
        p_sentence=np.array([p for _, p, _ in picks]), p_span=np.array([q for _, _, q in picks]),
        span_right=col(lambda r, b: r.right[b]), whole_right=col(lambda r, b: r.whole[b]),
        concise=col(lambda r, b: r.concise[b]), evidence=col(lambda r, b: r.evidence[b]),
        answerable=np.array([r.answerable for r in rows]),
    )


def span_used(c: dict[str, np.ndarray], threshold: float, span_odds: float) -> np.ndarray:
    """Where the span is given: trusted, and answering, or the sentence would not answer either
    (as decide.decide chooses)."""
    return (c["p_span"] >= span_odds) & ((c["p_span"] >= threshold) | (c["p_sentence"] < threshold))


def outcome_arrays(c: dict[str, np.ndarray], threshold: float, span_odds: float) -> dict[str, np.ndarray]:
    use_span = span_used(c, threshold, span_odds)
    answered = c["found"] & (np.where(use_span, c["p_span"], c["p_sentence"]) >= threshold)
    right = answered & np.where(use_span, c["span_right"], c["whole_right"])
    return dict(answered=answered, right=np.where(c["answerable"], right, ~answered),
                concise=right & use_span & c["concise"], evidence=c["evidence"])


def outcome(rows: list[Row], picks, threshold: float, span_odds: float) -> list[dict]:
    """What each question's answer would score, as score.py counts it."""
    o = outcome_arrays(columns(rows, picks), threshold, span_odds)
    return [{k: bool(v[i]) for k, v in o.items()} for i in range(len(rows))]


def merit(c: dict[str, np.ndarray], weights, threshold, span_odds) -> float:
    """Weighted questions right, a right answer that is also concise counting CONCISE_BONUS more."""
    o = outcome_arrays(c, threshold, span_odds)
    return float(weights @ (o["right"] + CONCISE_BONUS * o["concise"]))


def best_thresholds(rows, picks, weights) -> tuple[float, float]:
    """The answer threshold and span odds that do best on ``picks``, each threshold judged by
    its merit averaged over the thresholds within SMOOTH of it: the middle of a broad good
    stretch, not a spike that a handful of questions make."""
    c = columns(rows, picks)
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    merits = {s: np.array([merit(c, weights, t, s) for t in grid]) for s in SPAN_GRID}
    width = int(round(SMOOTH / 0.01))
    smooth = {s: np.convolve(np.pad(m, width, mode="edge"), np.ones(2 * width + 1) / (2 * width + 1), "valid")
              for s, m in merits.items()}
    i, s = max(((i, s) for i in range(len(grid)) for s in SPAN_GRID),
               key=lambda is_: (smooth[is_[1]][is_[0]], -abs(grid[is_[0]] - 0.5)))
    return float(grid[i]), s


def folds(rows: list[Row], k: int = 0) -> dict[str, list[int]]:
    """Leave-one-article-out: the questions of each article (with ``k``, of k groups of articles)."""
    out: dict[str, list[int]] = {}
    articles = list(dict.fromkeys(r.article for r in rows))
    group = {a: (str(i % k) if k else a) for i, a in enumerate(articles)}
    for i, r in enumerate(rows):
        out.setdefault(group[r.article], []).append(i)
    return out


def out_of_fold(rows, weights, l2, k: int = 0) -> list[tuple[int | None, float]]:
    """Each question's pick by weights fitted without its article (or its group of ``k``)."""
    picks: list = [None] * len(rows)
    for _, held in folds(rows, k).items():
        keep = set(held)
        train = [i for i in range(len(rows)) if i not in keep]
        model = fit([rows[i] for i in train], weights[train], l2)
        for i, pick in zip(held, predict([rows[i] for i in held], model)):
            picks[i] = pick
    return picks


def choose(rows, weights, k: int = 0) -> tuple[float, float, float]:
    """The L2 strength, answer threshold and span odds that do best on held-out folds; a
    stronger L2 only when it does better by more than L2_TIE of the questions' weight (else
    the pick flips between refits on a question or two)."""
    best = None
    for l2 in L2_GRID:
        picks = out_of_fold(rows, weights, l2, k)
        t, s = best_thresholds(rows, picks, weights)
        m = merit(columns(rows, picks), weights, t, s)
        if best is None or m > best[0] + L2_TIE * weights.sum():
            best = (m, l2, t, s)
    return best[1], best[2], best[3]


def tentative_floor(rows, picks, threshold, span_odds) -> float:
    """The lowest chance from which held-out answers under the threshold are still right at
    least half the time: the band where "the article may not say this exactly" is fair to show."""
    c = columns(rows, picks)
    use_span = span_used(c, threshold, span_odds)
    p = np.where(use_span, c["p_span"], c["p_sentence"])
    right = c["answerable"] & np.where(use_span, c["span_right"], c["whole_right"])
    floor = threshold
    for t in np.round(np.arange(threshold - 0.01, 0.0, -0.01), 2):
        band = (p >= t) & (p < threshold)
        if band.any() and right[band].mean() >= 0.5:
            floor = float(t)
    return floor


def load_rows(names: list[str], cache: Path | None, fresh: bool) -> list[Row]:
    if cache and cache.exists() and not fresh:
        return [Row(**d) for d in pickle.loads(cache.read_bytes()) if d["set"] in names]
    rows = collect(names)
    if cache:
        cache.write_bytes(pickle.dumps([vars(r) for r in rows]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=FITTED)
    ap.add_argument("--rows", type=Path, default=ROOT / "bench/.rows.pkl", help="cache of collected candidates")
    ap.add_argument("--fresh", action="store_true", help="collect again even if --rows exists")
    ap.add_argument("--out", type=Path, default=ROOT / "src/askclover/data/weights.json")
    a = ap.parse_args()
    rows = load_rows(a.sets, a.rows, a.fresh)
    weights = question_weights(rows)
    l2, threshold, span_odds = choose(rows, weights)
    model = fit(rows, weights, l2)
    tentative = tentative_floor(rows, out_of_fold(rows, weights, l2), threshold, span_odds)
    data = {
        "sentence": {"weights": {n: round(float(c), 4) for n, c in zip(FEATURES, model.sentence[0])},
                     "bias": round(model.sentence[1], 4)},
        "span": {"weights": {n: round(float(c), 4) for n, c in zip(FEATURES, model.span[0])},
                 "bias": round(model.span[1], 4)},
        "span_odds": span_odds,
        "threshold": round(threshold, 4),
        "tentative": round(tentative, 4),
        "l2": l2,
        "fitted_on": sorted({r.set for r in rows}),
    }
    a.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} questions, {sum(len(r.x) for r in rows)} candidates; l2={l2} threshold={threshold:.3f}")
    print(json.dumps(data, indent=1))


if __name__ == "__main__":
    main()
