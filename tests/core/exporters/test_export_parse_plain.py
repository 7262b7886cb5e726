"""Plain prose skips Python-Markdown's inline pass: the blocks must be exactly the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.exporters.parse import MarkdownParser

FAST = MarkdownParser()
FULL = MarkdownParser(skip_plain=False)

# Everything a plain briefing paragraph holds, block syntax included (headings, lists, quotes,
# tables, rules), and citations; none of the characters that start an inline pattern.
_WORDS = st.sampled_from(
    [
        "The", "ministry", "said", "42", "on", "Tuesday", "—", "(", ")", ".", ",", ";", ":",
        "'quoted'", '"said"', "#", "##", "-", "+", "1.", ">", "|", "---", "!", "?", "/", "&",
        "&amp;", "é", "[@C1]", "[@C2; @C3]", "@C4", "]", "\u00a0",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from(
    [" ", " ", " ", "\n", "\n\n", " \n", "\t", "\t\n", "  \r\n", "\r", "\r\n", " \x02", "\x03"]
)


@st.composite
def plain_bodies(draw: st.DrawFn) -> str:
    """Return a body built of plain words and block separators."""
    parts = draw(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=40))
    return "".join(word + sep for word, sep in parts)


@given(plain_bodies())
def test_plain_prose_parses_the_same_with_and_without_the_inline_pass(body: str) -> None:
    assert FAST.parse(body) == FULL.parse(body)


def test_marked_up_text_still_gets_its_emphasis_links_and_code() -> None:
    body = "A *grave* risk, see [report](https://example.org) and `code`  \nnext line [@C1]."
    assert FAST.parse(body) == FULL.parse(body)
    text = repr(FAST.parse(body))
    assert "italic=True" in text and "https://example.org" in text


def test_a_line_ending_in_a_tab_still_breaks_where_it_did() -> None:
    # Pasted from a spreadsheet: Markdown reads tab + newline as a hard line break.
    for body in ("Casualties: three\t\nInjured: two", "Casualties: three  \r\nInjured: two"):
        assert FAST.parse(body) == FULL.parse(body)
        assert "'\\n'" in repr(FAST.parse(body))
