"""Hypothesis strategies shared by the property tests and bench/fuzz.py."""
from __future__ import annotations

from hypothesis import strategies as st

WORDS = ["the", "tower", "keeper", "Ellen", "1872", "4.2", "mCi/m²", "U.S.", "café", "naïve", "—", "(CHT)",
         "Coastal", "Heritage", "Trust", "שלום", "مرحبا", "😀", "x\u200by", "\t", "e.g.", "Dr.", "50%"]
CAPS = ["WHO", "IS", "THE", "PRESIDENT", "AND", "CEO", "OF", "CELLECTAR", "BIOSCIENCES", "KEEPER", "HARBOR", "LIGHT",
        "A", "U.S.", "O’BRIEN", "VAN", "DE", "WHAT", "WAS", "ROLE"]
NAMES = ["Ellen", "Berg", "Maria", "Lindqvist", "Coastal", "Heritage", "Trust", "Van", "de", "the", "of", "O’Brien",
         "U.S.", "A", "AAAA", "Skłodowska-Curie", "3M", "A320neo"]
LONG_WORDS = ["keeper", "lighthouse", "harbour", "tower", "lantern", "storms", "coastal", "heritage", "restoration",
              "visitors", "guided", "museum", "steps", "lamp"]


def _identifiers(n: int, kind: int) -> str:
    """``n`` model numbers or identifiers as a text lists them: "A220, A221", "a0 a1", "H3 G34R/V"."""
    return [", ".join(f"A{200 + i}" for i in range(n)), " ".join(f"a{i}" for i in range(n)),
            " ".join(f"G{i}R/V" for i in range(n))][kind % 3]


@st.composite
def typo_questions(draw) -> str:
    """A question of up to 2,000 characters, every word mistyped (letters swapped, one dropped)."""
    out: list[str] = []
    size = draw(st.integers(200, 1990))
    while sum(map(len, out)) + len(out) < size:
        w = draw(st.sampled_from(LONG_WORDS))
        i = draw(st.integers(0, len(w) - 2))
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:] if draw(st.booleans()) else w[:i] + w[i + 1:]
        out.append(w)
    return " ".join(out)[:size] + "?"


hostile_questions = st.one_of(
    st.lists(st.sampled_from(CAPS), min_size=1, max_size=40).map(lambda ws: " ".join(ws) + ", REALLY?"),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=40).map(lambda ws: "Who is " + " ".join(ws) + "?"),
    st.tuples(st.integers(1, 200), st.integers(0, 2)).map(
        lambda nk: f"What aircraft does the airline fly, the {_identifiers(*nk)} commission files?"),
    st.integers(1, 1900).map(lambda n: "How many " + "1" * n + " steps?"),
    st.integers(1, 900).map(lambda n: "Who is " + "A" * n + ", really?"),
    typo_questions(),
)

questions = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50),
    st.lists(st.sampled_from(WORDS + ["who", "what", "when", "how many", "?", "and", "her"]), max_size=30)
    .map(" ".join),
    st.sampled_from(["", " ", "\x00", "\x1b[31mred", "?" * 500, "a" * 2500, "\u202eevil", "\r\n"]),
    hostile_questions,
)

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
newline = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def hostile_block(draw, nl: str, most: int = 3000) -> str:
    """A block that once made the reader slow: lists of identifiers, runs of digits or capitals,
    a sentence of thousands of counts, a file's worth of short lines with no blank line between."""
    kind = draw(st.sampled_from(["identifiers", "digits", "capitals", "counts", "lines", "quotes"]))
    n = draw(st.integers(1, most))
    if kind == "identifiers":
        return f"The airline flies the {_identifiers(n // 10 + 1, n)} aircraft and commission files."
    if kind == "digits":
        return f"The tower number is {'1' * (n * 7)} exactly."
    if kind == "capitals":
        return "Ellen met " + " ".join(draw(st.sampled_from(NAMES)) for _ in range(n // 20 + 1)) + "."
    if kind == "counts":
        return "Observers saw " + ", ".join(f"{i % 97 + 2} birds" for i in range(n)) + " in all."
    if kind == "quotes":
        return "The keeper said “" + "a “b " * (n // 3 + 1) + "and left."
    return nl.join(f"keeper lamp number {i} of tower {i % 13}." for i in range(n // 2 + 1))


@st.composite
def articles(draw, most: int = 3000) -> bytes:
    """An article as bytes: BOM or not, any line endings, headings, long lines, hostile blocks
    (of up to ``most`` items), final newline or not."""
    nl = draw(newline)
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["para", "heading", "list", "long", "para", "hostile"]))
        if kind == "heading":
            blocks.append("# " + draw(sentence).rstrip("."))
        elif kind == "list":
            blocks.append(nl.join("- " + draw(sentence) for _ in range(draw(st.integers(1, 3)))))
        elif kind == "long":
            blocks.append(" ".join([draw(paragraph)] * 20))
        elif kind == "hostile":
            blocks.append(draw(hostile_block(nl, most)))
        else:
            blocks.append(draw(paragraph))
    text = (nl + nl).join(blocks) + draw(st.sampled_from(["", nl]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return (bom + text).encode("utf-8")
