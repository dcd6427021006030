"""Each feature of the reader switched off in turn: the change in the held-out figure.

    python bench/ablation.py [--features coverage bm25 ...]

Held-out as in bench/cv.py (leave one article out), with the L2 strength and thresholds
chosen once on all folds, to keep the run short. A feature whose removal costs nothing
held-out has not earned its place.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import fit as F  # noqa: E402


def held_out_merit(rows, weights, l2, threshold, span_odds) -> tuple[float, float]:
    """(weighted share right, weighted merit) with weights fitted without each question's article."""
    picks = F.out_of_fold(rows, weights, l2)
    c = F.columns(rows, picks)
    right = F.outcome_arrays(c, threshold, span_odds)["right"]
    return float(weights @ right / weights.sum()), F.merit(c, weights, threshold, span_odds) / weights.sum()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=Path, default=F.ROOT / "bench/.rows.pkl")
    ap.add_argument("--features", nargs="*", default=list(F.FEATURES))
    a = ap.parse_args()
    rows = F.load_rows(F.FITTED, a.rows, False)
    weights = F.question_weights(rows)
    l2, threshold, span_odds = F.choose(rows, weights)
    base = held_out_merit(rows, weights, l2, threshold, span_odds)
    print(f"all features: held-out right {base[0]:.4f}, merit {base[1]:.4f} (l2={l2}, threshold={threshold})")
    print("| feature off | held-out right | Δ | merit Δ |\n|---|---:|---:|---:|")
    names = list(F.FEATURES)
    for name in a.features:
        col = names.index(name)
        saved = [r.x[:, col].copy() if len(r.x) else None for r in rows]
        for r in rows:
            if len(r.x):
                r.x[:, col] = 0.0
        got = held_out_merit(rows, weights, l2, threshold, span_odds)
        for r, s in zip(rows, saved):
            if s is not None:
                r.x[:, col] = s
        print(f"| {name} | {got[0]:.4f} | {got[0] - base[0]:+.4f} | {got[1] - base[1]:+.4f} |", flush=True)


if __name__ == "__main__":
    main()
