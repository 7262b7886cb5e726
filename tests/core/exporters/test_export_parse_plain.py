"""Plain prose skips Python-Markdown's inline pass, and marked-up text runs only the inline
patterns, block processors and preprocessors it can use: the blocks must be exactly the same as
with every one of them tried."""

from __future__ import annotations

from hypothesis import given, settings
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


# Every character or sequence that starts an inline pattern, alone and in typical mark-up, so
# bodies mix several patterns (each run only where its trigger appears) and nest them.
_MARKUP = st.sampled_from(
    [
        "*", "**", "_", "__", "***", "`", "``", "~", "~~", "\\", "\\*", "\\~", "[", "]", "(", ")",
        "<", ">", "!", "^", ":", "*grave*", "**bold**", "_it_", "~~struck~~", "`code`",
        "[link](https://example.org/a?b=1&c=2)", "[ref]", "[ref]: https://example.org/r",
        "<https://example.org/auto>", "![figure](f.png)", "[^a]", "\n\n[^a]: An aside *here*.",
        "  \n", "snake_case_name", "2*3*4", "&amp", "&copy;", "<b>bold</b>", "<!-- c -->",
        # Block syntax, each starting a line: headings, rules, lists, quotes, tables, code.
        "\n# Heading\n", "\nTitle\n===\n", "\nTitle\n---\n", "\n***\n", "\n- - -\n",
        "\n1. one\n2. two\n", "\n\u0663. three\n", "\n* star\n+ plus\n", "\n> quoted\n",
        "\n| a | b |\n|---|---|\n| c | d |\n", "\n\n    code block\n", "\n    - nested\n",
    ]
)  # fmt: skip


@st.composite
def marked_up_bodies(draw: st.DrawFn) -> str:
    """Return a body of plain words, block separators and inline mark-up."""
    parts = draw(
        st.lists(st.tuples(st.one_of(_WORDS, _MARKUP), _SEPARATORS), min_size=1, max_size=40)
    )
    return "".join(word + sep for word, sep in parts)


@settings(max_examples=400, deadline=None)
@given(marked_up_bodies())
def test_marked_up_text_parses_the_same_with_only_the_processors_it_can_use(body: str) -> None:
    assert FAST.parse(body) == FULL.parse(body)


def test_a_link_in_one_body_does_not_leave_its_patterns_off_for_the_next() -> None:
    parser = MarkdownParser()
    first = parser.parse("Only *emphasis* here.")
    second = parser.parse("A [linked report](https://example.org) and `code` and *emphasis*.")
    assert first == FULL.parse("Only *emphasis* here.")
    text = repr(second)
    assert "https://example.org" in text and "code=True" in text and "italic=True" in text


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
