"""The preview: the Word file's notes and numbering as typed, nothing unsafe kept.

How the HTML reads (numbering, inline attribution, missing claims, lists) is tested on the core's
writer in tests/core/exporters/test_export_html.py; here the window's preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template, printed_marking
from briefing_app.core.text.citations import find_citations
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.preview import claim_keys_of, sanitise
from tests.core.exporters.export_helpers import (
    TEMPLATES,
    demo_in_template,
    preview_citations,
    preview_notes,
    word_notes,
)
from tests.gui.test_notes import editor, new_note, saved_body, type_into


def test_sanitise_drops_scripts_handlers_styles_images_and_javascript_links() -> None:
    raw = (
        "<p onclick='x()' style='background:url(http://e.com/a.png)'>t</p><script>bad()</script>"
        "<img src='http://e.com/b.png'><img src='data:image/png;base64,AAAA'>"
        "<a href='javascript:alert(1)'>j</a><a href='JaVaScRiPt:alert(1)'>k</a>"
        "<iframe src='http://e.com'></iframe><link rel=stylesheet href='http://e.com/c.css'>"
        "<svg><image href='http://e.com/d.png'/></svg><a href='briefing:claim/C1'>1</a>"
    )
    clean = sanitise(raw).casefold()
    for bad in ("onclick", "style", "script", "bad()", "<img", "javascript", "iframe", "<link",
                "e.com", "<svg"):  # fmt: skip
        assert bad not in clean
    assert 'href="briefing:claim/c1"' in clean


def test_preview_links_name_claim_keys_only() -> None:
    assert claim_keys_of(QUrl("briefing:claim/C1,C12")) == ["C1", "C12"]
    assert claim_keys_of(QUrl("briefing:claim/C1,evil")) == ["C1"]
    assert claim_keys_of(QUrl("https://example.com/claim/C1")) == []
    assert claim_keys_of(QUrl("briefing:other/C1")) == []


def test_an_unsaved_citation_of_a_missing_claim_is_marked_in_the_preview(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    summary = editor(window, "summary")
    with qtbot.waitSignal(workspace.preview_updated):
        type_into(qtbot, summary, "Killed [@C2; @C999].")
    assert saved_body(demo_lib, note_id, "summary") == ""  # shown before it is saved
    shown = workspace.preview.toPlainText()
    assert "Killed" in shown and "[missing claim C999]" in shown
    assert "C999: no such claim in the library" in workspace.last_html
    assert preview_citations(workspace.last_html) == [("C2",)]  # the claim that exists: note 1


def test_a_repeated_source_is_shortened_in_the_preview_as_in_the_word_file(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    with qtbot.waitSignal(workspace.preview_updated):
        type_into(qtbot, editor(window, "summary"), "Killed [@C2]. Asked [@C1]. Again [@C2].")
    in_preview = preview_notes(workspace.last_html)
    source = demo_lib.claims.by_key("C2")
    assert source is not None
    title = demo_lib.sources.get(source.source_id).title
    # The house style: in full once, then Ibid. for each note repeating the source before it.
    full, ibid = f"\u201c{title}.\u201d", "Ibid."
    assert [n.split(" Graded")[0] for n in in_preview] == [full, ibid, ibid]

    workspace.flush()
    out = export_note(demo_lib, note_id, tmp_path / "note.docx")
    assert word_notes(out) == in_preview


def test_every_templates_demo_note_previews_the_notes_its_word_file_prints(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    workspace = window.note_workspace
    for template in TEMPLATES:
        note = demo_in_template(demo_lib, template)
        workspace.show_note(note.id)
        workspace.refresh_preview()
        html = workspace.last_html
        out = export_note(demo_lib, note.id, tmp_path / f"{template}.docx")
        cited = [c.keys for s in note.sections for c in find_citations(s.body)]
        assert preview_citations(html) == cited, template
        assert preview_notes(html) == word_notes(out), template
        assert printed_marking(note, get_template(template)) in workspace.preview.toPlainText()


def test_a_quotation_is_italic_in_the_preview_as_in_the_word_file(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    import docx
    from PySide6.QtGui import QTextCursor

    from briefing_app.gui.preview import PreviewBrowser, render_preview

    note = demo_lib.notes.headers()[0]
    demo_lib.notes.set_section(note.id, "issue", "> A quoted line of the report.")
    stored = demo_lib.notes.get(note.id)
    printed = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "q.docx")))
    quote = next(p for p in printed.paragraphs if p.text.startswith("A quoted line"))
    assert quote.style.font.italic or all(r.italic for r in quote.runs)

    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(render_preview(demo_lib, stored, get_template(stored.template), []))
    found = browser.document().find("A quoted line")
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 1)
    assert cursor.charFormat().fontItalic()


def test_a_table_is_ruled_in_the_preview_as_in_the_word_file(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    import docx
    from PySide6.QtGui import QTextTable

    from briefing_app.gui.preview import PreviewBrowser, render_preview

    note = demo_lib.notes.headers()[0]
    table = "| Actor | Claim |\n|---|---|\n| Police | Arrests |"
    demo_lib.notes.set_section(note.id, "issue", table)
    stored = demo_lib.notes.get(note.id)
    printed = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "t.docx")))
    assert printed.tables[0].style.name == "Table Grid"  # ruled

    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(render_preview(demo_lib, stored, get_template(stored.template), []))
    tables = [f for f in browser.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    ruled = [t for t in tables if t.cellAt(0, 0).firstCursorPosition().block().text() == "Actor"]
    assert ruled and ruled[0].format().border() >= 1
    # The memo header stays an unruled table of labels, as in the Word file.
    assert tables[0].format().border() == 0
