"""Accuracy per question type on a question set, in one process (fast to iterate on).

    python bench/accuracy.py ../shared/eval/dev.jsonl
    python bench/accuracy.py ../shared/eval/general/dev.jsonl --articles ../shared/eval/general/articles

Scores as ../shared/eval/score.py does (answer, evidence, concise, abstain), split by the
question type askclover detected, so a regression in one kind of question is visible.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from askclover import Conversation, load_index


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set")
    ap.add_argument("--articles", type=Path)
    ap.add_argument("--misses", action="store_true", help="print every miss")
    a = ap.parse_args()
    items = [json.loads(line) for line in open(a.set, encoding="utf-8") if line.strip()]
    indexes: dict[str, object] = {}
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in items:
        turns = item.get("turns", [item])
        path = a.articles / turns[0]["article"] if a.articles else None
        key = str(path)
        if key not in indexes:
            indexes[key] = load_index(path, use_cache=False)
        conv = Conversation(indexes[key])
        for t in turns:
            ans = conv.ask(t["q"])
            r = rows[ans.qtype.value if t["answerable"] else "unanswerable"]
            text = ans.text or ""
            if t["answerable"]:
                q0 = ans.quotes[0].text if ans.quotes else ""
                ok = ans.answered and len(text) <= 300 and any(norm(g) in norm(text) for g in t["answers"])
                r["n"] += 1
                r["answer"] += ok
                r["evidence"] += bool(q0) and any(norm(e) in norm(q0) for e in t["evidence"])
                r["false_abstain"] += not ans.answered
                if t.get("short"):
                    r["short"] += 1
                    r["concise"] += ok and len(text) <= max(60, 3 * min(len(g) for g in t["answers"]))
                if a.misses and not ok:
                    print(f"miss [{ans.qtype.value}] {t['q']!r} -> {text[:90]!r} (gold {t['answers'][0][:40]!r})")
            else:
                r["n"] += 1
                r["abstain"] += not ans.answered
                if a.misses and ans.answered:
                    print(f"miss [unanswerable] {t['q']!r} -> {text[:90]!r}")
    total = defaultdict(int)
    print(f"{'type':14} {'n':>4} {'answer':>7} {'evid':>6} {'concise':>8} {'f-abst':>7} {'abstain':>8}")
    for name, r in sorted(rows.items()):
        for k, v in r.items():
            total[k] += v
        pct = lambda k, d: f"{100 * r[k] / r[d]:.0f}%" if r[d] else "-"
        if name == "unanswerable":
            print(f"{name:14} {r['n']:4} {'':>7} {'':>6} {'':>8} {'':>7} {pct('abstain', 'n'):>8}")
        else:
            print(f"{name:14} {r['n']:4} {pct('answer', 'n'):>7} {pct('evidence', 'n'):>6} "
                  f"{pct('concise', 'short'):>8} {r['false_abstain']:7}")
    ans_n = total["n"] - rows["unanswerable"]["n"]
    un_n = rows["unanswerable"]["n"]
    f = lambda a_, b_: f"{100 * a_ / b_:.0f}% ({a_}/{b_})" if b_ else "-"
    print(f"ALL answer={f(total['answer'], ans_n)} evidence={f(total['evidence'], ans_n)} "
          f"concise={f(total['concise'], total['short'])} abstain={f(total['abstain'], un_n)} "
          f"false-abstain={total['false_abstain']}/{ans_n} "
          f"overall={f(total['answer'] + total['abstain'], ans_n + un_n)}")


if __name__ == "__main__":
    sys.exit(main())
