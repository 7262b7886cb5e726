"""Citations typed side by side ("… sabotage [@C9] [@C12].") make one note mark, naming each
source, in Word, the preview and Markdown alike: two marks printed together read as one
number ("¹²" is note twelve)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.build import build_document
from briefing_app.core.exporters.html_writer import render_html
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.templates import get_template
from tests.core.exporters.export_helpers import (
    STYLES,
    add_wire_claim,
    preview_notes,
    word_notes,
)


def _note(lib: Library, body: str) -> Note:
    spec = get_template("briefing-note")
    return lib.notes.create("Adjacent", "briefing-note", spec.headings(), bodies={"summary": body})


@pytest.mark.parametrize("style", STYLES)
def test_citations_side_by_side_make_one_note_mark(
    demo_lib: Library, tmp_path: Path, style: str
) -> None:
    wire = add_wire_claim(demo_lib)
    note = _note(demo_lib, f"The border closed [@C9] [@{wire.key}]. Talks go on [@C1].")
    docx = export_note(demo_lib, note.id, tmp_path / "n.docx", style=style)
    markdown = export_note(demo_lib, note.id, tmp_path / "n.md", style=style).read_text("utf-8")
    html = render_html(build_document(demo_lib, note, get_template("briefing-note"),
                                      note_style=style))  # fmt: skip
    # Two citations, two notes: the first names both sources.
    in_word = word_notes(docx)
    assert len(in_word) == 2
    assert "Example Wire" in in_word[0] and "China Urges Tajikistan" in in_word[0]
    assert preview_notes(html) == in_word
    assert "The border closed[^1]. Talks go on[^2]." in markdown


def test_a_note_naming_two_sources_separates_them(demo_lib: Library, tmp_path: Path) -> None:
    # The intel style prints no full stop after a source: the two ran together
    # ("… 2025 [F3] Example Wire, 1 Dec 2025 [B2]").
    wire = add_wire_claim(demo_lib)
    note = _note(demo_lib, f"The border closed [@C9; @{wire.key}].")
    (text,) = word_notes(export_note(demo_lib, note.id, tmp_path / "n.docx", style="intel"))
    assert "[F3]; Example Wire, 1 Dec 2025 [B2]" in text
