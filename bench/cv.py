"""Leave-one-article-out cross-validation of the fitted reader: fitted and held-out side by side.

    python bench/cv.py [--fresh] [--sets dev user ...] [--test heldout-b heldout-d heldout-f heldout-g heldout-h heldout-i]

Held-out: each article's questions are decided by weights (and an L2 strength and threshold)
chosen without any question about that article. Fitted: the weights fitted on everything.
Sets named with --test are never fitted on: they are decided by the weights fitted on all of
--sets, and only their totals are printed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import fit as F  # noqa: E402

INNER_FOLDS = 4  # the folds inside each training part that choose its L2 strength and thresholds
COLUMNS = ("answer", "evidence", "concise", "abstain", "false-abstain", "follow-ups", "overall")


def figures(rows, outs) -> dict[str, str]:
    ans = [(r, o) for r, o in zip(rows, outs) if r.answerable]
    un = [o for r, o in zip(rows, outs) if not r.answerable]
    short = [o for r, o in ans if r.short]
    chain = [o for r, o in ans if r.chained]

    def pct(a, b):
        return f"{100 * a / b:.0f}%" if b else "–"

    return {
        "answer": pct(sum(o["right"] for _, o in ans), len(ans)),
        "evidence": pct(sum(o["evidence"] for _, o in ans), len(ans)),
        "concise": pct(sum(o["concise"] for o in short), len(short)),
        "abstain": pct(sum(o["right"] for o in un), len(un)),
        "false-abstain": f"{sum(not o['answered'] for _, o in ans)}/{len(ans)}",
        "follow-ups": pct(sum(o["right"] for o in chain), len(chain)),
        "overall": pct(sum(o["right"] for o in outs), len(outs)),
    }


def held_out(rows, weights) -> list[dict]:
    """Each question's outcome under weights chosen and fitted without its article."""
    outs: list = [None] * len(rows)
    for article, held in F.folds(rows).items():
        keep = set(held)
        train = [i for i in range(len(rows)) if i not in keep]
        tr_rows, tr_w = [rows[i] for i in train], weights[train]
        l2, threshold, span_odds = F.choose(tr_rows, tr_w, k=INNER_FOLDS)
        model = F.fit(tr_rows, tr_w, l2)
        held_rows = [rows[i] for i in held]
        for i, o in zip(held, F.outcome(held_rows, F.predict(held_rows, model), threshold, span_odds)):
            outs[i] = o
    return outs


def table(title, rows, by_set) -> None:
    print(f"\n{title}")
    print("| set | " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---:|" * len(COLUMNS))
    for name, (fitted, held) in by_set.items():
        for label, outs in (("fitted", fitted), ("held-out", held)):
            if outs is None:
                continue
            idx = [i for i, r in enumerate(rows) if r.set == name]
            f = figures([rows[i] for i in idx], [outs[i] for i in idx])
            print(f"| {name} {label} | " + " | ".join(f[c] for c in COLUMNS) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=F.FITTED)
    ap.add_argument("--test", nargs="*", default=["heldout-b", "heldout-d", "heldout-f", "heldout-g", "heldout-h", "heldout-i"],
                    help="sets never fitted on: totals only")
    ap.add_argument("--rows", type=Path, default=F.ROOT / "bench/.rows.pkl")
    ap.add_argument("--fresh", action="store_true")
    ap.add_argument("--off", nargs="*", default=[], help="features switched off (ablation)")
    a = ap.parse_args()
    rows = F.load_rows(a.sets, a.rows, a.fresh)
    rows = [r for r in rows if r.set in a.sets]
    if a.off:
        cols = [i for i, name in enumerate(F.FEATURES) if name in a.off]
        for r in rows:
            if len(r.x):
                r.x[:, cols] = 0.0
    weights = F.question_weights(rows)
    l2, threshold, span_odds = F.choose(rows, weights)
    model = F.fit(rows, weights, l2)
    fitted = F.outcome(rows, F.predict(rows, model), threshold, span_odds)
    held = held_out(rows, weights)
    names = sorted({r.set for r in rows}, key=a.sets.index)
    table(f"l2={l2} threshold={threshold:.3f} span_odds={span_odds}", rows, {n: (fitted, held) for n in names})
    total = weights.sum()
    print(f"\nweighted overall: fitted {np.dot(weights, [o['right'] for o in fitted]) / total:.3f}, "
          f"held-out {np.dot(weights, [o['right'] for o in held]) / total:.3f}")
    if a.test:
        test = F.collect(a.test)
        if test:
            picks = F.predict(test, model)
            outs = F.outcome(test, picks, threshold, span_odds)
            names = sorted({r.set for r in test})
            table("never fitted on (weights fitted on all of --sets)", test, {n: (None, outs) for n in names})


if __name__ == "__main__":
    main()
