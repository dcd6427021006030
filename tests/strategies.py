"""Hypothesis strategies shared by the property tests and bench/fuzz.py."""
from __future__ import annotations

from hypothesis import strategies as st

WORDS = ["the", "tower", "keeper", "Ellen", "1872", "4.2", "mCi/m²", "U.S.", "café", "naïve", "—", "(CHT)",
         "Coastal", "Heritage", "Trust", "שלום", "مرحبا", "😀", "x\u200by", "\t", "e.g.", "Dr.", "50%"]

questions = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50),
    st.lists(st.sampled_from(WORDS + ["who", "what", "when", "how many", "?", "and", "her"]), max_size=30)
    .map(" ".join),
    st.sampled_from(["", " ", "\x00", "\x1b[31mred", "?" * 500, "a" * 2500, "\u202eevil", "\r\n"]),
)

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
newline = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def articles(draw) -> bytes:
    """An article as bytes: BOM or not, any line endings, headings, long lines, final newline or not."""
    nl = draw(newline)
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["para", "heading", "list", "long"]))
        if kind == "heading":
            blocks.append("# " + draw(sentence).rstrip("."))
        elif kind == "list":
            blocks.append(nl.join("- " + draw(sentence) for _ in range(draw(st.integers(1, 3)))))
        elif kind == "long":
            blocks.append(" ".join([draw(paragraph)] * 20))
        else:
            blocks.append(draw(paragraph))
    text = (nl + nl).join(blocks) + draw(st.sampled_from(["", nl]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return (bom + text).encode("utf-8")
