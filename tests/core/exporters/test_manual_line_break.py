"""A manual line break in a section (a vertical tab: Word's Shift+Enter, which the section
editor stores too) prints as a line break in every writer, and reads back from Word as one."""

from __future__ import annotations

from pathlib import Path

import docx
import lxml.html

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.build import build_document
from briefing_app.core.exporters.html_writer import render_html
from briefing_app.core.importers.base import extract_file
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.templates import get_template

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "first line\x0bsecond line"


def _note(lib: Library, body: str = BODY) -> Note:
    note = lib.notes.create(
        "Line breaks", "briefing-note", get_template("briefing-note").headings()
    )
    lib.notes.set_section(note.id, "background", body)
    return lib.notes.get(note.id)


def _word_paragraph(path: Path) -> docx.text.paragraph.Paragraph:
    written = docx.Document(str(path))
    return next(p for p in written.paragraphs if "first line" in p.text)


def test_word_prints_a_manual_line_break_inside_the_paragraph(lib: Library, tmp_path: Path) -> None:
    note = _note(lib)
    paragraph = _word_paragraph(export_note(lib, note.id, tmp_path / "n.docx"))
    # One paragraph (not two), the two lines parted by a w:br, each word whole.
    assert paragraph.text == "first line\nsecond line"
    pieces = [
        "BR" if el.tag == f"{_W}br" else el.text for el in paragraph._p.iter(f"{_W}t", f"{_W}br")
    ]
    assert pieces == ["first line", "BR", "second line"]


def test_spaces_around_a_manual_line_break_do_not_start_or_end_a_line(
    lib: Library, tmp_path: Path
) -> None:
    note = _note(lib, "**first line** \x0b second line")
    paragraph = _word_paragraph(export_note(lib, note.id, tmp_path / "n.docx"))
    assert paragraph.text == "first line\nsecond line"


def test_the_preview_shows_a_manual_line_break(lib: Library) -> None:
    note = _note(lib)
    html = render_html(build_document(lib, note, lenient=True), mark_empty=True)
    para = next(p for p in lxml.html.fromstring(html).iter("p") if "first line" in p.text_content())
    assert [child.tag for child in para] == ["br"]
    assert para.text == "first line" and para[0].tail == "second line"


def test_markdown_prints_a_manual_line_break_as_a_hard_break(lib: Library, tmp_path: Path) -> None:
    note = _note(lib)
    text = export_note(lib, note.id, tmp_path / "n.md").read_text(encoding="utf-8")
    assert "first line  \nsecond line" in text
    assert "\x0b" not in text


def test_the_word_importer_reads_the_break_back_between_the_same_words(
    lib: Library, tmp_path: Path
) -> None:
    note = _note(lib)
    extracted = extract_file(export_note(lib, note.id, tmp_path / "n.docx"))
    # A source's text is plain: its line break is a line feed, inside one paragraph.
    paragraphs = extracted.text.split("\n\n")
    assert "first line\nsecond line" in paragraphs
