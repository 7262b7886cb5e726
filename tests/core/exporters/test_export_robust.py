"""Any Markdown a writer can type exports to a Word file that opens, and to Markdown."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library

PIECES = st.sampled_from(
    [
        "word ",
        "Ünïcödé ",
        "*",
        "**",
        "_",
        "`",
        "[",
        "]",
        "(",
        ")",
        "<b>",
        "&amp;",
        "&",
        "\n",
        "\n\n",
        "- ",
        "1. ",
        "    ",
        "> ",
        "# ",
        "| a | b |\n|---|---|\n| c | d |\n",
        "[@C1]",
        "[@C2; @C3]",
        "[^1]",
        "\n\n[^1]: note\n",
        "[link](https://example.org)",
        "\t",
        "\x0b",
        "\u2028",
    ]
)


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """One demo library for all generated examples (hypothesis reruns the test body)."""
    lib = Library.open(tmp_path_factory.mktemp("robust") / "lib.sqlite")
    build_demo(lib)
    yield lib
    lib.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(PIECES, max_size=30).map("".join))
def test_any_body_exports_to_files_that_open(shared_demo: Library, body: str) -> None:
    lib = shared_demo
    note = lib.notes.all()[0].id
    lib.notes.set_section(note, "background", body)
    with tempfile.TemporaryDirectory() as tmp:
        docx.Document(str(export_note(lib, note, Path(tmp) / "n.docx")))
        for style in ("endnotes", "inline"):
            docx.Document(str(export_note(lib, note, Path(tmp) / "e.docx", citations=style)))
        assert export_note(lib, note, Path(tmp) / "n.md").read_text(encoding="utf-8")


def test_a_word_line_break_in_a_section_keeps_its_words_apart_in_word(
    shared_demo: Library, tmp_path: Path
) -> None:
    """A vertical tab (Word's manual line break, pasted into a note) used to join two words;
    it is a line break within the paragraph (test_manual_line_break has the rest)."""
    note = shared_demo.notes.all()[0].id
    shared_demo.notes.set_section(note, "background", "first line\x0bsecond line")
    written = docx.Document(str(export_note(shared_demo, note, tmp_path / "n.docx")))
    texts = [p.text for p in written.paragraphs if "first line" in p.text]
    assert texts == ["first line\nsecond line"]
