"""Writing a note in the real window: templates, typing, citing, preview, export, problems."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.claim_mime import CLAIM_KEYS_MIME, keys_from_mime
from briefing_app.gui.dialogs.claim_picker import ClaimPicker
from briefing_app.gui.dialogs.export_dialog import ExportDialog, ExportOptions
from briefing_app.gui.dialogs.new_note_dialog import NewNoteDialog, NewNoteRequest
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.note_editor import SectionEditor
from tests.gui.conftest import finished

TITLE = "Border security after the Khatlon attack"


def new_note(window: MainWindow, monkeypatch: pytest.MonkeyPatch, title: str = TITLE) -> int:
    """Create a briefing note through the New note action (the dialog answered by the test)."""
    monkeypatch.setattr(
        NewNoteDialog,
        "ask",
        classmethod(lambda cls, parent, t: NewNoteRequest("briefing-note", title)),
    )
    window.note_workspace.new_action.trigger()
    note = window.note_workspace.note
    assert note is not None and note.title == title
    return note.id


def editor(window: MainWindow, key: str) -> SectionEditor:
    found = window.note_workspace.editor.editor(key)
    assert found is not None
    return found


def type_into(qtbot: QtBot, widget: SectionEditor, text: str) -> None:
    widget.setFocus()
    widget.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(widget, text)


def saved_body(lib: Library, note_id: int, key: str) -> str:
    section = lib.notes.get(note_id).section(key)
    assert section is not None
    return section.body


def claim_row(window: MainWindow, key: str) -> int:
    claim = window.lib.claims.by_key(key)
    assert claim is not None
    row = window.claims_panel.model.position_of(claim.id)
    assert row is not None
    return row


def superscript_anchors(window: MainWindow) -> list[tuple[str, str]]:
    """Return (text, href) of every superscript link in the preview's document."""
    found = []
    block = window.note_workspace.preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if (
                fmt.isAnchor()
                and fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
            ):
                found.append((fragment.text(), fmt.anchorHref()))
            it += 1
        block = block.next()
    return found


def test_new_note_from_a_template_autosaves_typing_and_survives_reopening(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    assert window.workspace_tabs.currentWidget() is workspace
    assert list(workspace.editor.boxes) == [
        "summary", "issue", "background", "considerations", "recommendation"
    ]  # fmt: skip
    summary = editor(window, "summary")
    assert summary.placeholderText().startswith("The whole note in three or four sentences")
    assert window.undo_action.text() == f"&Undo New note “{TITLE}”"

    type_into(qtbot, summary, "Gunmen killed three workers.")
    qtbot.waitUntil(
        lambda: saved_body(demo_lib, note_id, "summary") == "Gunmen killed three workers."
    )
    # Typed, then the window closed before the autosave fired: closing saves it.
    type_into(qtbot, editor(window, "issue"), "Can Dushanbe hold the border?")
    window.close()

    with Library.open(library_path) as again:
        reopened = MainWindow(again)
        qtbot.addWidget(reopened)
        reopened.show()
        assert reopened.note_workspace.note is not None
        assert reopened.note_workspace.note.id == note_id  # the most recent note opens
        assert editor(reopened, "summary").body() == "Gunmen killed three workers."
        assert editor(reopened, "issue").body() == "Can Dushanbe hold the border?"
        reopened.close()


def test_undo_in_the_editor_undoes_typing_not_the_last_library_change(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    summary = editor(window, "summary")
    type_into(qtbot, summary, "Draft")
    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert summary.body() == ""
    assert demo_lib.notes.get(note_id).title == TITLE  # the New note was not undone
    qtbot.keyClick(
        summary,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert summary.body() == "Draft"


def test_dragging_a_claim_from_the_table_inserts_its_citation(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    model = window.claims_panel.model
    mime = model.mimeData([model.index(claim_row(window, "C3"), 0)])
    assert keys_from_mime(mime) == ["C3"]
    assert mime.text() == "[@C3]"
    background = editor(window, "background")
    type_into(qtbot, background, "Attackers used a drone.")

    # A real drop at the end of the text, as the mouse would deliver it.
    end = background.cursorRect(background.textCursor()).center()
    viewport = background.viewport()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        end, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(end), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, drop)

    assert background.body() == "Attackers used a drone. [@C3]"
    qtbot.waitUntil(lambda: saved_body(demo_lib, note_id, "background").endswith("[@C3]"))


def test_insert_from_mime_data_takes_several_claims_as_one_group(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    model = window.claims_panel.model
    mime = model.mimeData([model.index(claim_row(window, k), 0) for k in ("C2", "C1")])
    issue = editor(window, "issue")
    issue.insertFromMimeData(mime)
    # In the table's order (C1 before C2), one citation group.
    assert issue.body() == "[@C1; @C2]"
    assert issue.canInsertFromMimeData(mime)


def test_dragging_a_claims_passage_from_the_reader_carries_the_claim(window: MainWindow) -> None:
    claim = window.lib.claims.get(1)
    window.sources.show_claim(claim.id)
    mime = window.reader.createMimeDataFromSelection()
    assert keys_from_mime(mime) == [claim.key]
    assert mime.text() == claim.quote


def test_ctrl_k_cites_the_picked_claim_at_the_cursor(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    offered: list[list[str]] = []

    def pick(cls: type, parent: object, claims: list, start_at: object = None) -> list[str]:
        offered.append([c.key for c in claims])
        return ["C5"]

    monkeypatch.setattr(ClaimPicker, "ask", classmethod(pick))
    considerations = editor(window, "considerations")
    type_into(qtbot, considerations, "The Taliban deny it.")
    qtbot.keyClick(considerations, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)

    assert offered and len(offered[0]) == demo_lib.claims.count()
    assert considerations.body() == "The Taliban deny it. [@C5]"
    qtbot.waitUntil(lambda: "[@C5]" in saved_body(demo_lib, note_id, "considerations"))


def test_claim_picker_finds_claims_by_fuzzy_search(qtbot: QtBot, demo_lib: Library) -> None:
    from briefing_app.gui.dialogs.claim_picker import PickableClaim

    claims = [PickableClaim.of(c) for c in demo_lib.claims.all()]
    picker = ClaimPicker(claims)
    qtbot.addWidget(picker)
    guo = next(c for c in demo_lib.claims.all() if "Guo" in c.quote)
    qtbot.keyClicks(picker.search, "guo xjun")  # a typo still finds him
    assert picker.chosen()[0] == guo.key
    picker.search.setText(guo.key)
    assert picker.chosen() == [guo.key]
    picker.search.setText("zzzz nothing")
    assert picker.list.count() == 0
    # A party's name finds that party's claims, not every claim holding its letters.
    picker.search.setText("taliban")
    taliban = {c.key for c in claims if "taliban" in c.haystack()}
    assert 0 < len(taliban) < len(claims)
    assert set(picker.chosen()) <= taliban
    assert picker.list.count() == len(taliban)


def test_preview_numbers_citations_and_a_click_shows_the_claim_in_the_reader(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    workspace = window.note_workspace
    summary = editor(window, "summary")
    with qtbot.waitSignal(workspace.preview_updated):
        type_into(qtbot, summary, "Three workers were killed [@C2].")
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    assert superscript_anchors(window) == [("1", "briefing:claim/C2")]

    # Click the superscript 1 where it is drawn.
    preview = workspace.preview
    found = preview.document().find("Three workers were killed1")
    assert not found.isNull()
    cursor = QTextCursor(preview.document())
    cursor.setPosition(found.selectionEnd() - 1)
    rect = preview.cursorRect(cursor)
    point = QPoint(rect.right() + 2, rect.center().y())
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert window.workspace_tabs.currentWidget() is window.reader_page
    assert window.reader.selection_span() == (claim.start, claim.end)
    assert window.claims_panel.current_claim_id() == claim.id
    assert window.inspector.claim is not None and window.inspector.claim.key == "C2"


def test_preview_keeps_no_script_handler_javascript_link_or_remote_image(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    workspace = window.note_workspace
    hostile = (
        "Fine text [@C1].\n\n<script>alert(1)</script>\n\n"
        '<img src="http://example.com/x.png"> ![pic](https://example.com/y.png)\n\n'
        '[x](javascript:alert(1)) <a onclick="alert(2)" href="#">y</a>\n\n'
        "<style>@font-face { src: url(http://example.com/f.woff) }</style>"
        '<p style="background:url(http://example.com/z.png)">z</p>'
    )
    with qtbot.waitSignal(workspace.preview_updated):
        editor(window, "background").setPlainText(hostile)
    shown = workspace.preview.toHtml()
    rendered = workspace.last_html
    for bad in (
        "<script",
        "alert(1)",
        "javascript:",
        "<img",
        "@font-face",
    ):
        assert bad not in rendered
        assert bad not in shown
    # HTML typed inside a line is printed as text, by the Word file and so by the preview: it
    # may show a site's or a handler's name as words, never in markup that loads or runs it.
    for bad in ("example.com", "onclick"):
        assert not any(bad in tag for tag in re.findall(r"<[^>]*>", rendered))
        assert not any(bad in tag for tag in re.findall(r"<[^>]*>", shown))
    assert '<img src="http://example.com/x.png">' in workspace.preview.toPlainText()
    assert workspace.preview.refused == []  # nothing was even asked for
    assert ("1", "briefing:claim/C1") in superscript_anchors(window)


def test_export_writes_a_docx_that_opens_and_offers_the_folder(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    new_note(window, monkeypatch)
    type_into(qtbot, editor(window, "summary"), "Three workers were killed [@C2].")
    target = tmp_path / "out" / "brief.docx"
    target.parent.mkdir()
    asked = []

    def ask(
        cls: type, parent: object, title: str, style: str, report: object, headings: object
    ) -> ExportOptions:
        asked.append((title, style))
        return ExportOptions(target, "docx", "footnotes")

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    opened: list[QUrl] = []
    window.note_workspace.open_url = opened.append
    with qtbot.waitSignal(window.note_workspace.export_finished, timeout=20_000) as done:
        qtbot.keyClick(editor(window, "summary"), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert asked == [(TITLE, "footnotes")]
    assert done.args == [target]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Three workers were killed" in text
    box = window.note_workspace.export_box
    assert box is not None
    folder = next(b for b in box.buttons() if b.text() == "Open containing folder")
    folder.click()
    assert opened == [QUrl.fromLocalFile(str(target.parent))]


def test_a_broken_citation_stops_the_export_and_offers_to_go_to_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda *a: pytest.fail("no dialog")))
    asked: list[str] = []
    window.note_workspace.confirm = lambda title, text, yes: asked.append(text) or True
    issue = editor(window, "issue")
    issue.setPlainText("Who attacked? [@C1] and [@C999].")
    window.export_action.trigger()

    assert asked and "C999" in asked[0] and "Issue" in asked[0]
    assert issue.hasFocus() or QApplication.focusWidget() is issue
    assert issue.textCursor().selectedText() == "[@C999]"


def test_export_dialog_remembers_folder_and_format_and_lists_check_errors(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    from briefing_app.core.checks import CheckReport, Finding

    report = CheckReport(
        [Finding("citations.missing", "error", "issue", 0, 5, "Cites a retracted claim", "Drop it")]
    )
    dialog = ExportDialog("My note", "endnotes", report)
    qtbot.addWidget(dialog)
    assert dialog.export_button.text() == "Export anyway"
    assert dialog.findings.count() == 1
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(tmp_path / "memo.md"))
    assert dialog.options() == ExportOptions(tmp_path / "memo.md", "md", "endnotes")
    dialog.remember()

    again = ExportDialog("Other note", "footnotes")
    qtbot.addWidget(again)
    assert again.options() == ExportOptions(tmp_path / "other-note.md", "md", "footnotes")
    assert again.export_button.text() == "Export"


def test_export_dialog_names_a_finding_on_the_whole_note_not_a_bare_colon(
    qtbot: QtBot, demo_lib: Library
) -> None:
    # The walk: a fragile matrix behind the judgment is a finding on no section, listed as
    # ": The Q2 matrix is fragile…"; the command line says "Note: …".
    from briefing_app.core.checks import CheckReport, Finding

    report = CheckReport(
        [
            Finding("ach.fragile-single-source", "warning", "", 0, 0, "The Q2 matrix is fragile"),
            Finding("section.empty", "warning", "issue", 0, 0, "Issue is empty"),
        ]
    )
    dialog = ExportDialog("My note", "endnotes", report, None, {"issue": "Issue"})
    qtbot.addWidget(dialog)
    listed = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert listed == ["Note: The Q2 matrix is fragile", "Issue: Issue is empty"]


def test_problems_panel_lists_findings_jumps_to_them_and_dismisses_with_a_reason(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    considerations = editor(window, "considerations")
    text = "The attackers might strike again."
    with qtbot.waitSignal(workspace.checks_updated, timeout=5000):
        type_into(qtbot, considerations, text)
    tree = workspace.problems.tree
    messages = [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())]
    hedge = next(
        i
        for i, f in enumerate(workspace.problems.findings)
        if f.section == "considerations" and f.severity == "info"
    )
    finding = workspace.problems.findings[hedge]
    assert tree.topLevelItem(hedge).text(1) == "Considerations"
    assert finding.message in messages
    assert finding.fix in tree.topLevelItem(hedge).toolTip(3)
    assert tree.topLevelItem(hedge).text(2) == " ".join(finding.excerpt.split())

    considerations.clearFocus()
    tree.setCurrentItem(tree.topLevelItem(hedge))
    tree.itemActivated.emit(tree.topLevelItem(hedge), 0)
    assert considerations.textCursor().selectedText() == text[finding.start : finding.end]

    workspace.ask_reason = lambda f: "House style allows it here"
    with qtbot.waitSignal(workspace.checks_updated, timeout=5000):
        workspace.problems.dismiss_action.trigger()
    assert finding.fingerprint not in [f.fingerprint for f in workspace.problems.findings]
    kept = demo_lib.notes.get(note_id).settings["dismissed"]
    assert [d["reason"] for d in kept] == ["House style allows it here"]
    assert "dismissed" in workspace.problems.summary.text()


def test_a_key_judgments_table_shows_one_single_source_warning_per_row_judgment(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    other = demo_lib.sources.add(
        ExtractedDocument(title="Police report", text="Police confirmed the deaths at the camp.")
    )
    police = demo_lib.claims.add(other.id, quote="Police confirmed the deaths").key
    monkeypatch.setattr(
        NewNoteDialog,
        "ask",
        classmethod(lambda cls, parent, t: NewNoteRequest("intelligence-assessment", TITLE)),
    )
    window.note_workspace.new_action.trigger()
    workspace = window.note_workspace
    table = (
        "| Judgment | Confidence | Evidence |\n|---|---|---|\n"
        f"| Three workers were killed. | High | [@C2] [@{police}] |\n"
        "| Criminal groups carried out the attack. | Moderate | [@C1] [@C2] |\n"
    )
    with qtbot.waitSignal(workspace.checks_updated, timeout=5000):
        editor(window, "key_judgments").setPlainText(table)
        workspace.editor.flush()
        workspace.refresh_checks()
    single = [
        i
        for i, f in enumerate(workspace.problems.findings)
        if f.rule == "corroboration.single-source"
    ]
    # The first row's evidence cites two sources; the second row rests on the demo's one.
    assert len(single) == 1
    row = workspace.problems.tree.topLevelItem(single[0])
    assert row.text(2) == "Criminal groups carried out the attack. | Moderate"

    listed: list[str] = []

    def ask(cls: Any, parent: Any, title: str, style: str, report: Any, *rest: Any) -> None:
        dialog = ExportDialog(title, style, report, None, *rest)
        listed.extend(dialog.findings.item(i).text() for i in range(dialog.findings.count()))
        dialog.deleteLater()

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    window.export_action.trigger()
    first = demo_lib.claims.by_key("C1")
    assert first is not None
    demo_title = demo_lib.sources.get(first.source_id).title
    assert [t for t in listed if "single source" in t] == [
        f"Key Judgments: This key judgment rests on a single source ({demo_title!r})"
    ]


def test_counts_show_words_against_the_limit_in_red_when_over(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    box = window.note_workspace.editor.boxes["issue"]
    box.editor.setPlainText("One short sentence. Two short sentences.")
    assert box.counts.text().startswith("6/60 words · 2/2 sentences")
    assert "c0392b" not in box.counts.text()
    box.editor.setPlainText("One. Two. Three.")
    assert "<span style='color:#c0392b; font-weight:600'>3/2 sentences</span>" in box.counts.text()


def test_hovering_a_citation_describes_its_quote_and_source(
    window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    summary = editor(window, "summary")
    summary.setPlainText("Killed [@C2; @C999].")
    assert summary.citation_keys_at(10) == ["C2", "C999"]
    assert summary.citation_keys_at(2) == []
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    tip = summary.describe_citation(["C2", "C999"])
    source = demo_lib.sources.get(claim.source_id)
    assert claim.quote[:30] in tip and source.title in tip
    assert "not in the library" in tip


def test_notes_can_be_renamed_duplicated_marked_and_deleted_with_undo(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    editor(window, "summary").setPlainText("Body text [@C1].")
    workspace.flush()
    panel = workspace.notes_panel

    panel.select_note(note_id)
    panel.list.currentItem().setText("Renamed note")
    assert demo_lib.notes.get(note_id).title == "Renamed note"
    assert workspace.editor.title.text() == "Renamed note"

    workspace.editor.status.setCurrentIndex(workspace.editor.status.findData("in review"))
    workspace.editor.status.activated.emit(workspace.editor.status.currentIndex())
    assert demo_lib.notes.get(note_id).status == "in review"
    window.undo_stack.undo()
    assert demo_lib.notes.get(note_id).status == "draft"
    assert workspace.editor.status.currentData() == "draft"

    workspace.duplicate_action.trigger()
    copy = workspace.note
    assert copy is not None and copy.id != note_id
    assert copy.title == "Renamed note (copy)"
    assert editor(window, "summary").body() == "Body text [@C1]."

    panel.select_note(note_id)
    workspace.delete_action.trigger()
    assert all(n.id != note_id for n in demo_lib.notes.all())
    assert all(panel.list.item(r).text() != "Renamed note" for r in range(panel.list.count()))
    window.undo_stack.undo()
    assert demo_lib.notes.get(note_id).section("summary").body == "Body text [@C1]."
    assert any(panel.list.item(r).text() == "Renamed note" for r in range(panel.list.count()))


def test_new_note_dialog_lists_templates_and_needs_a_title(qtbot: QtBot) -> None:
    from briefing_app.core.templates import load_templates

    templates = sorted(load_templates().values(), key=lambda t: t.label)
    dialog = NewNoteDialog(templates)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(templates)
    assert templates[0].description in dialog.list.item(0).text()
    assert dialog.request() is None
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.list.setCurrentRow(1)
    dialog.title.setText("  Weekly sitrep ")
    assert dialog.request() == NewNoteRequest(templates[1].name, "Weekly sitrep")


def test_new_note_dialog_chooses_the_template_with_the_arrow_keys_from_the_title(
    qtbot: QtBot,
) -> None:
    from briefing_app.core.templates import load_templates

    templates = sorted(load_templates().values(), key=lambda t: t.label)
    dialog = NewNoteDialog(templates)
    qtbot.addWidget(dialog)
    # The title has the keyboard when the dialog opens: Down typed there did nothing, so the
    # analyst made the first template's note without noticing.
    qtbot.keyClicks(dialog.title, "Weekly")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Up)
    assert dialog.request() == NewNoteRequest(templates[1].name, "Weekly")
    assert templates[1].sections[0].heading in dialog.sections.text()


@pytest.fixture
def broken_user_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a valid and a broken template in an isolated user config folder; return the broken."""
    from briefing_app.core.templates import user_templates_dir
    from tests.conftest import write_fixture

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = user_templates_dir()
    write_fixture(folder / "mine.yaml", "name: mine\nsections:\n  - {key: gist, heading: Gist}\n")
    broken = "name: broken\nsections:\n  - key: a\n    heading: A\n    kind: opinion\n"
    return write_fixture(folder / "broken.yaml", broken)


def test_a_broken_user_template_is_reported_and_the_others_keep_working(
    broken_user_template: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.note_workspace
    window.workspace_tabs.setCurrentWidget(workspace)
    assert workspace.template is not None and workspace.template.name == "briefing-note"
    offered: list[str] = []
    shown: list[str] = []

    def ask(cls: type, parent: object, templates: list[Any]) -> NewNoteRequest:
        offered.extend(t.name for t in templates)
        shown.append(window.statusBar().currentMessage())  # while the dialog would be open
        return NewNoteRequest("mine", "Mine")

    monkeypatch.setattr(NewNoteDialog, "ask", classmethod(ask))
    workspace.new_action.trigger()
    assert sorted(offered) == [
        "briefing-note", "intelligence-assessment", "mine", "policy-memo", "sitrep",
    ]  # fmt: skip
    assert f"{broken_user_template}:5: kind must be" in shown[0]
    assert workspace.note is not None and workspace.note.title == "Mine"
    assert [s.heading for s in workspace.note.sections] == ["Gist"]


def test_a_claim_drag_carries_its_mime_type() -> None:
    from briefing_app.gui.claim_mime import claims_mime

    mime = claims_mime(["C1", "C22"])
    assert mime.hasFormat(CLAIM_KEYS_MIME)
    assert keys_from_mime(mime) == ["C1", "C22"]
    assert keys_from_mime(QMimeData()) == []


def test_hovering_a_citation_in_the_editor_shows_its_tooltip(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    new_note(window, monkeypatch)
    window.workspace_tabs.setCurrentWidget(window.note_workspace)
    summary = editor(window, "summary")
    summary.setPlainText("Killed [@C2].")
    cursor = QTextCursor(summary.document())
    cursor.setPosition(9)
    point = summary.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, summary.viewport().mapToGlobal(point))
    QApplication.sendEvent(summary.viewport(), event)
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    qtbot.waitUntil(lambda: claim.quote[:20] in QToolTip.text())


def test_switching_libraries_shows_the_other_librarys_note(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from briefing_app.core.bundled.demo import build_demo

    other = tmp_path / "other.sqlite"
    with Library.open(other) as lib:
        build_demo(lib)
        lib.notes.set_section(1, "issue", "The other library's issue.")
    editor(window, "issue").setPlainText("Typed in the first library.")
    first = window.lib.path
    window.switch_library(other)
    assert editor(window, "issue").body() == "The other library's issue."
    with Library.open(first) as lib:
        assert lib.notes.get(1).section("issue").body == "Typed in the first library."


def test_undoing_a_new_note_closes_it_and_redo_brings_it_back(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    editor(window, "summary").setPlainText("Saved before the undo.")
    workspace.flush()
    window.undo_stack.undo()  # the typing is a step of its own, undone first
    assert demo_lib.notes.get(note_id).section("summary").body == ""
    window.undo_stack.undo()
    assert all(n.id != note_id for n in demo_lib.notes.all())
    assert workspace.note is not None and workspace.note.id != note_id  # the demo note
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert demo_lib.notes.get(note_id).section("summary").body == "Saved before the undo."


def test_the_note_editor_screenshot_renders(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from briefing_app.gui.screenshot import main

    out = tmp_path / "note-editor.png"
    assert main([str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)


def test_an_empty_library_offers_a_new_note_and_nothing_to_export(
    qtbot: QtBot, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = MainWindow(lib)
    qtbot.addWidget(win)
    win.show()
    workspace = win.note_workspace
    assert workspace.note is None
    assert not win.export_action.isEnabled()
    assert not workspace.delete_action.isEnabled()
    assert workspace.editor.title.text() == "No note open"
    workspace.cite_action.trigger()
    assert "Open a note" in win.statusBar().currentMessage()
    new_note(win, monkeypatch, "First note")
    assert win.export_action.isEnabled()
    assert [win.note_workspace.notes_panel.list.item(0).text()] == ["First note"]
    win.close()


def test_a_claim_changed_since_cited_is_flagged_until_acknowledged(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.commands import EditClaimCommand

    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    editor(window, "background").setPlainText("Three died [@C2].")
    workspace.flush()
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    with qtbot.waitSignal(workspace.checks_updated, timeout=5000):
        window.execute(EditClaimCommand(demo_lib, claim.id, credibility=5))
    tree = workspace.problems.tree
    changed = [i for i, f in enumerate(workspace.problems.findings) if f.rule == "citation.changed"]
    assert len(changed) == 1
    # The passage is the note's words, not the finding's "C2@1" (key and revision).
    assert tree.topLevelItem(changed[0]).text(2) == "[@C2]"
    assert not workspace.problems.acknowledge_action.isEnabled()
    tree.setCurrentItem(tree.topLevelItem(changed[0]))
    assert workspace.problems.acknowledge_action.isEnabled()

    with qtbot.waitSignal(workspace.checks_updated, timeout=5000):
        workspace.problems.acknowledge_action.trigger()
    assert all(f.rule != "citation.changed" for f in workspace.problems.findings)
    with qtbot.waitSignal(workspace.checks_updated, timeout=5000):
        window.undo_stack.undo()
    assert any(f.rule == "citation.changed" for f in workspace.problems.findings)
    assert demo_lib.notes.get(note_id).settings["cited_revisions"]["C2"] == 1


def test_a_final_note_is_read_only_until_reopened(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    workspace = window.note_workspace
    note_id = demo_lib.notes.all()[0].id
    workspace.show_note(note_id)
    workspace.set_status("final")
    editor = workspace.editor.editor("summary")
    assert editor is not None and editor.isReadOnly()
    assert "read-only" in workspace.editor.subtitle.text()
    assert demo_lib.versions.all(note_id)[-1].status == "draft"  # the round was kept
    window.undo_stack.undo()
    assert demo_lib.notes.get(note_id).status == "draft"
    editor = workspace.editor.editor("summary")
    assert editor is not None and not editor.isReadOnly()


def test_citing_in_a_final_note_is_refused_and_nothing_claims_to_be_saved(
    complete: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = complete.note_workspace
    assert ws.note is not None
    ws.set_status("final")
    note_editor = ws.editor.current_editor()
    assert note_editor is not None
    qtbot.waitUntil(note_editor.isReadOnly)
    before = note_editor.body()

    def pick(cls: Any, parent: Any, claims: Any, start_at: Any = None) -> list[str]:
        return ["C2"]

    monkeypatch.setattr(ClaimPicker, "ask", classmethod(pick))
    ws.cite()
    assert note_editor.body() == before
    assert "final" in complete.statusBar().currentMessage()
    note_editor.insert_citation(["C2"])  # dropped or inserted by code: still nothing
    assert note_editor.body() == before and ws.editor.dirty() == []


def test_undo_and_redo_from_the_toolbar_keep_what_was_just_typed(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(complete, monkeypatch, title="T")
    type_into(qtbot, editor(complete, "summary"), "Three workers were killed.")
    complete.undo_action.trigger()  # "Undo New note": the note goes, with its text
    complete.redo_action.trigger()  # and comes back with it
    assert demo_lib.notes.get(note_id).section("summary").body == "Three workers were killed."


def test_a_duplicate_holds_the_text_typed_a_moment_ago(complete: MainWindow, qtbot: QtBot) -> None:
    ws = complete.note_workspace
    assert ws.note is not None
    key = ws.note.sections[0].key
    type_into(qtbot, editor(complete, key), " EXTRA")
    ws.duplicate_action.trigger()
    assert ws.note.title.endswith("(copy)")
    assert ws.note.sections[0].body.endswith(" EXTRA")


def test_export_asks_before_replacing_a_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.docx"
    target.write_bytes(b"my hand-edited version")
    dialog = ExportDialog("Memo", "footnotes")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(target))
    asked: list[Any] = []
    monkeypatch.setattr(
        ExportDialog, "confirm_replace", staticmethod(lambda p, path: asked.append(path) or False)
    )
    dialog.accept()
    assert asked == [target] and dialog.result() != ExportDialog.DialogCode.Accepted
    monkeypatch.setattr(ExportDialog, "confirm_replace", staticmethod(lambda p, path: True))
    dialog.accept()
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_export_dialog_offers_every_citation_style_and_exports_in_the_chosen_one(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    from briefing_app.core.exporters import export_note

    dialog = ExportDialog("My note", "footnotes")
    qtbot.addWidget(dialog)
    offered = [dialog.note_style.itemData(i) for i in range(dialog.note_style.count())]
    assert offered[0] is None and {"house", "intel", "academic"} <= set(offered)
    assert dialog.options().note_style is None  # the template's, unless another is picked
    dialog.note_style.setCurrentIndex(dialog.note_style.findData("intel"))
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(tmp_path / "memo.md"))
    options = dialog.options()
    assert options.note_style == "intel"
    note_id = demo_lib.notes.all()[0].id
    out = export_note(demo_lib, note_id, options.path, options.format, style=options.note_style)
    notes = [line for line in out.read_text("utf-8").splitlines() if line.startswith("[^")]
    assert notes[1].endswith("\\[F2\\]")  # the intel form: source and [grade], no Ibid.


def test_export_to_a_folder_that_is_not_there_stays_open_and_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog("Memo", "footnotes")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(tmp_path / "no such folder" / "memo.md"))

    dialog.accept()

    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert dialog.problem.isVisibleTo(dialog)
    assert str(tmp_path / "no such folder") in dialog.problem.text()
    assert dialog.current_format() == "md"  # the choices made are still there
    dialog.path.setText(str(tmp_path / "memo.md"))
    dialog.accept()
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_a_file_name_typed_with_docx_exports_word_whatever_format_was_left_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog("Memo", "footnotes")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))  # as the last export left it
    dialog.path.setText(str(tmp_path / "final.docx"))

    dialog.accept()

    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert dialog.options() == ExportOptions(tmp_path / "final.docx", "docx", "footnotes")
    assert dialog.format.currentData() == "docx"


def test_choosing_another_note_with_the_reader_in_front_lists_its_problems_not_the_last_ones(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    window = complete
    workspace = window.note_workspace
    demo = workspace.note
    assert demo is not None
    workspace.open_note_tab(demo.id)
    qtbot.waitUntil(lambda: bool(workspace.problems.findings))
    empty = demo_lib.notes.create("Nothing yet", "sitrep", [("developments", "Developments")])
    window.bring_forward(window.sources.reader)  # the Reader tab in front
    window.docks.docks["problems"].raise_()  # the Problems panel stays in sight
    assert workspace.problems.isVisible() and not workspace.isVisible()

    workspace.notes_panel.select_note(empty.id)
    qtbot.waitUntil(lambda: workspace.note is not None and workspace.note.id == empty.id)

    # The demo's findings stayed listed under the other note: a click went to a section it
    # has not, and Dismiss recorded the demo's finding on it.
    # Listed now: the new note's own problem only, in the section it has.
    assert [(f.rule, f.section) for f in workspace.problems.findings] == [
        ("section.empty", "developments")
    ]
    assert workspace.problems.summary.text() == "Checks: 1 warning"
    assert "Nothing yet" in workspace.last_html


def test_clicking_a_marking_finding_puts_the_cursor_in_the_notes_marking(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    window = complete
    workspace = window.note_workspace
    assert workspace.note is not None
    source = demo_lib.sources.all()[0]
    demo_lib.sources.update(source.id, marking="SECRET")
    workspace.open_note_tab(workspace.note.id)
    workspace.refresh_checks()
    tree = workspace.problems.tree
    at = next(
        i for i, f in enumerate(workspace.problems.findings) if f.rule == "marking.less-restrictive"
    )

    # The finding is about the note's marking, not a passage: it used to go nowhere.
    tree.setCurrentItem(tree.topLevelItem(at))
    tree.itemActivated.emit(tree.topLevelItem(at), 0)

    marking = workspace.editor.header_form.marking
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (marking, marking.lineEdit()))
    assert marking.lineEdit().selectedText() == marking.currentText()


def test_a_pasted_control_character_is_refused_and_the_saved_section_kept(
    window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    editor(window, "summary").setPlainText("Body text [@C1].")
    workspace.flush()
    editor(window, "summary").setPlainText("Body\x00 text from a binary paste.")
    workspace.flush()
    assert saved_body(demo_lib, note_id, "summary") == "Body text [@C1]."
    message = window.statusBar().currentMessage()
    assert "the section 'summary' holds a control character (U+0000" in message
    # The typing stays in the editor, to be corrected rather than lost.
    assert "binary paste" in editor(window, "summary").toPlainText()


def pasted_into_summary(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, text: str
) -> tuple[int, SectionEditor]:
    """Paste text into a new note's emptied summary and save; return the note and its editor."""
    note_id = new_note(window, monkeypatch)
    section = editor(window, "summary")
    section.setPlainText("")
    copied = QMimeData()
    copied.setText(text)
    section.insertFromMimeData(copied)
    window.note_workspace.flush()
    return note_id, section


def test_a_paste_from_a_pdf_viewer_saves_without_its_page_breaks(
    window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copied across a PDF's page break, the text holds a form feed: pasted, it saves."""
    note_id, _section = pasted_into_summary(
        window, monkeypatch, "The dam held\x0cthrough the night.\x00"
    )
    assert saved_body(demo_lib, note_id, "summary") == "The dam held\nthrough the night."


def test_shift_enter_in_a_section_is_a_line_break_in_the_saved_note_and_on_reopening(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shift+Enter (Qt's U+2028) used to be saved as a line feed, which Markdown and so every
    export reads as a space: it is saved as Word's manual line break, which they print as one."""
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    section = editor(window, "summary")
    section.setPlainText("")
    type_into(qtbot, section, "first line")
    qtbot.keyClick(section, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(section, "second line")
    workspace.flush()
    assert saved_body(demo_lib, note_id, "summary") == "first line\x0bsecond line"

    # Shown again from the library, it is a line break in the same paragraph, saved unchanged.
    section.set_body(saved_body(demo_lib, note_id, "summary"))
    assert section.document().blockCount() == 1
    assert section.document().toRawText() == "first line\u2028second line"
    assert section.body() == "first line\x0bsecond line"


def test_a_pasted_word_line_break_stays_a_line_break(
    window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text copied from Word carries its manual line breaks as vertical tabs."""
    note_id, section = pasted_into_summary(
        window, monkeypatch, "The dam held\x0bthrough the night."
    )
    assert saved_body(demo_lib, note_id, "summary") == "The dam held\x0bthrough the night."
    assert section.document().blockCount() == 1


def test_export_leaves_an_empty_section_out_unless_the_draft_box_is_ticked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_note(window, monkeypatch)
    editor(window, "summary").setPlainText("Talks resumed in Geneva.")
    window.note_workspace.flush()
    listed: list[str] = []

    def answer(out: Path, tick: bool) -> Any:
        def ask(cls: Any, parent: Any, title: str, style: str, report: Any, *rest: Any) -> Any:
            dialog = ExportDialog(title, style, report, None, *rest)
            listed.extend(dialog.findings.item(i).text() for i in range(dialog.findings.count()))
            assert not dialog.keep_empty.isChecked()  # a memo unless asked for a draft
            dialog.format.setCurrentIndex(dialog.format.findData("md"))
            dialog.path.setText(str(out))
            dialog.keep_empty.setChecked(tick)
            options = dialog.options()
            dialog.deleteLater()
            return options

        return classmethod(ask)

    for name, tick in (("memo.md", False), ("draft.md", True)):
        monkeypatch.setattr(ExportDialog, "ask", answer(tmp_path / name, tick))
        window.export_action.trigger()
        finished(qtbot, window.note_workspace._export)
    assert "Issue: Issue is empty" in listed  # the dialog said so before the export
    memo = (tmp_path / "memo.md").read_text("utf-8").splitlines()
    assert [ln for ln in memo if ln.startswith("## ")] == ["## Summary"]
    draft = (tmp_path / "draft.md").read_text("utf-8").splitlines()
    assert {"## Summary", "## Issue", "## Recommendation"} <= set(draft)
