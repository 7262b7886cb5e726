"""The memo header form in the Note tab: To, From, Subject, Date and Marking, undoable."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.dialogs.export_dialog import ExportDialog, ExportOptions
from briefing_app.gui.dialogs.new_note_dialog import NewNoteDialog, NewNoteRequest
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.note_header import NoteHeaderForm
from tests.gui.test_notes import editor, type_into


def new_memo(window: MainWindow, monkeypatch: pytest.MonkeyPatch, title: str = "Visa") -> int:
    """Create an action memo through the New note action (the dialog answered by the test)."""
    monkeypatch.setattr(
        NewNoteDialog,
        "ask",
        classmethod(lambda cls, parent, t: NewNoteRequest("policy-memo", title)),
    )
    window.note_workspace.new_action.trigger()
    note = window.note_workspace.note
    assert note is not None and note.title == title
    return note.id


def form(window: MainWindow) -> NoteHeaderForm:
    return window.note_workspace.editor.header_form


def export_paragraphs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path, cite: str
) -> list[str]:
    """Export the shown note to target through the Export action; return its paragraphs."""
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda *a: ExportOptions(target, "docx", cite))
    )
    with qtbot.waitSignal(window.note_workspace.export_finished, timeout=20_000):
        window.note_workspace.export()
    return [p.text for p in docx.Document(str(target)).paragraphs]


def fill(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type into a field and press Return (which commits it)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_header_typed_in_the_note_tab_is_exported_as_the_memo_block(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note_id = new_memo(window, monkeypatch)
    header = form(window)
    assert header.isVisible()
    assert header.edits["memo_to"].accessibleName() == "Memo to"
    assert "MEMO FOR" in header.edits["memo_to"].toolTip()
    fill(qtbot, header.edits["memo_to"], "The Secretary")
    fill(qtbot, header.edits["memo_from"], "Policy Planning")
    fill(qtbot, header.edits["subject"], "Visa sanctions")
    fill(qtbot, header.edits["memo_date"], "2025-03-04")
    note = demo_lib.notes.get(note_id)
    assert (note.memo_to, note.memo_from, note.subject, note.memo_date) == (
        "The Secretary", "Policy Planning", "Visa sanctions", "2025-03-04",
    )  # fmt: skip
    window.note_workspace.refresh_preview()
    assert "MEMO FOR:" in window.note_workspace.last_html
    assert "The Secretary" in window.note_workspace.last_html

    target = tmp_path / "memo.docx"
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda *a: ExportOptions(target, "docx", "inline"))
    )
    with qtbot.waitSignal(window.note_workspace.export_finished, timeout=20_000) as done:
        window.note_workspace.export()
    assert done.args == [target]
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "MEMO FOR:\tThe Secretary" in texts
    assert "FROM:\tPolicy Planning" in texts
    assert "SUBJECT:\tVisa sanctions" in texts
    assert "DATE:\tMarch 4, 2025" in texts


def test_undo_reverts_a_header_edit_and_the_form_follows(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_memo(window, monkeypatch)
    header = form(window)
    fill(qtbot, header.edits["subject"], "Visa sanctions")
    assert demo_lib.notes.get(note_id).subject == "Visa sanctions"
    assert "subject" in window.undo_action.text()

    window.undo_stack.undo()
    assert demo_lib.notes.get(note_id).subject == ""
    assert header.edits["subject"].text() == ""
    window.undo_stack.redo()
    assert header.edits["subject"].text() == "Visa sanctions"


def test_marking_combo_offers_the_templates_markings_and_saves_a_pick(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_memo(window, monkeypatch)
    combo = form(window).marking
    assert combo.currentText() == "UNCLASSIFIED"
    assert combo.findText("SECRET//NOFORN") >= 0
    combo.setCurrentIndex(combo.findText("CONFIDENTIAL"))
    combo.activated.emit(combo.currentIndex())
    assert demo_lib.notes.get(note_id).marking == "CONFIDENTIAL"
    window.undo_stack.undo()
    assert demo_lib.notes.get(note_id).marking == "UNCLASSIFIED"
    assert combo.currentText() == "UNCLASSIFIED"


def test_an_invalid_date_is_refused_and_stays_in_the_field_marked_for_correcting(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_memo(window, monkeypatch)
    date = form(window).edits["memo_date"]
    fill(qtbot, date, "2025-02-28")
    fill(qtbot, date, "31/02/2025")
    assert demo_lib.notes.get(note_id).memo_date == "2025-02-28"
    assert date.text() == "31/02/2025"  # the typed text is not lost
    assert date.property("refused") is True
    assert "'31/02/2025' is not a real day" in date.toolTip()
    message = window.statusBar().currentMessage()
    assert "'31/02/2025' is not a real day" in message
    assert "Edit date" in window.undo_action.text()  # the refused edit is not on the stack


def test_a_refused_date_survives_focus_leaving_and_is_saved_once_corrected(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_memo(window, monkeypatch)
    date = form(window).edits["memo_date"]
    to = form(window).edits["memo_to"]
    window.show()
    qtbot.waitExposed(window)
    date.setFocus()
    qtbot.keyClicks(date, "next friday")
    to.setFocus()  # focus leaves: editingFinished commits, the library refuses
    qtbot.waitUntil(lambda: date.property("refused") is True)
    assert date.text() == "next friday"
    assert demo_lib.notes.get(note_id).memo_date in ("", None)
    assert window.statusBar().currentMessage().startswith("⚠")
    # Another field saved meanwhile leaves the refused text where it is.
    fill(qtbot, to, "The Minister")
    assert date.text() == "next friday" and date.property("refused") is True
    # Corrected: saved, unmarked, and the status-bar error is gone at once.
    window.show_error("'next friday' is not a date")  # as if it were still showing
    fill(qtbot, date, "2026-11-27")
    assert demo_lib.notes.get(note_id).memo_date == "2026-11-27"
    assert date.property("refused") is False
    assert not window.statusBar().currentMessage().startswith("⚠")
    assert "YYYY-MM-DD" in date.toolTip()  # its own tip is back


def test_escape_puts_the_stored_value_back_in_a_refused_field(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_memo(window, monkeypatch)
    header = form(window)
    date = header.edits["memo_date"]
    fill(qtbot, date, "2025-02-28")
    fill(qtbot, date, "next friday")
    assert date.property("refused") is True
    qtbot.keyClick(date, Qt.Key.Key_Escape)
    assert date.text() == "2025-02-28"
    assert date.property("refused") is False
    assert not window.statusBar().currentMessage().startswith("⚠")
    assert demo_lib.notes.get(note_id).memo_date == "2025-02-28"
    # A refused clearance date too.
    signed = header.setting_edits["drafted_by_date"]
    fill(qtbot, signed, "21/11/2026")
    assert signed.text() == "21/11/2026" and signed.property("refused") is True
    assert "drafted_by_date" not in demo_lib.notes.get(note_id).settings
    qtbot.keyClick(signed, Qt.Key.Key_Escape)
    assert signed.text() == "" and signed.property("refused") is False


def test_a_refused_field_edited_back_to_the_stored_value_is_unmarked_at_once(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_memo(window, monkeypatch)
    date = form(window).edits["memo_date"]
    fill(qtbot, date, "2025-02-28")
    date.setFocus()
    date.end(False)
    qtbot.keyClicks(date, "x")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    assert date.text() == "2025-02-28x" and date.property("refused") is True
    qtbot.keyClick(date, Qt.Key.Key_Backspace)  # focus has not even left yet
    assert date.text() == "2025-02-28"
    assert date.property("refused") is False
    assert not window.statusBar().currentMessage().startswith("⚠")
    assert demo_lib.notes.get(note_id).memo_date == "2025-02-28"


def test_a_final_notes_header_is_read_only(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_memo(window, monkeypatch)
    header = form(window)
    assert not header.edits["memo_to"].isReadOnly()
    window.note_workspace.set_status("final")
    assert all(edit.isReadOnly() for edit in header.edits.values())
    assert not header.marking.isEnabled()
    window.undo_stack.undo()
    assert not header.edits["memo_to"].isReadOnly()
    assert header.marking.isEnabled()


def test_the_form_shows_only_the_fields_the_template_prints(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        NewNoteDialog,
        "ask",
        classmethod(lambda cls, parent, t: NewNoteRequest("intelligence-assessment", "IA")),
    )
    window.note_workspace.new_action.trigger()
    header = form(window)
    assert not header.edits["memo_to"].isVisibleTo(header)
    assert not header.edits["subject"].isVisibleTo(header)
    assert header.edits["memo_from"].isVisibleTo(header)
    assert header.edits["memo_date"].isVisibleTo(header)
    assert header.marking.isVisibleTo(header)


def test_opening_another_note_shows_its_header(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = new_memo(window, monkeypatch, "First")
    fill(qtbot, form(window).edits["memo_to"], "The Secretary")
    new_memo(window, monkeypatch, "Second")
    assert form(window).edits["memo_to"].text() == ""
    window.note_workspace.show_note(first)
    assert form(window).edits["memo_to"].text() == "The Secretary"


def test_undoing_a_deletion_opens_the_restored_note(
    window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.note_workspace
    kept = new_memo(window, monkeypatch, "Kept")
    gone = new_memo(window, monkeypatch, "Gone")
    workspace.delete_action.trigger()
    assert workspace.note is not None and workspace.note.id == kept

    window.undo_stack.undo()
    assert workspace.note is not None and workspace.note.id == gone
    assert workspace.editor.title.text() == "Gone"
    assert workspace.notes_panel.current_note_id() == gone


def test_redoing_a_new_note_opens_it(
    window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.note_workspace
    kept = new_memo(window, monkeypatch, "Kept")
    again = new_memo(window, monkeypatch, "Again")
    window.undo_stack.undo()
    assert workspace.note is not None and workspace.note.id == kept
    window.undo_stack.redo()
    assert workspace.note is not None and workspace.note.id == again


def test_the_preview_shows_the_marking_the_export_will_print(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.templates import get_template

    note_id = new_memo(window, monkeypatch)
    demo_lib.notes.update(note_id, marking="")  # blank: the template's default is printed
    window.note_workspace.refresh_preview()
    default = get_template("policy-memo").marking.default
    assert default and default in window.note_workspace.last_html


def test_a_sitreps_report_number_is_typed_in_the_header_exported_and_undone(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(
        NewNoteDialog, "ask", classmethod(lambda cls, p, t: NewNoteRequest("sitrep", "Sitrep"))
    )
    window.note_workspace.new_action.trigger()
    note = window.note_workspace.note
    assert note is not None
    number = form(window).setting_edits["report_number"]
    assert number.accessibleName() == "Report no."
    fill(qtbot, number, "7")
    assert demo_lib.notes.get(note.id).settings.get("report_number") == "7"

    texts = export_paragraphs(qtbot, window, monkeypatch, tmp_path / "sitrep.docx", "footnotes")
    assert any(t.startswith("Report no.") and t.endswith("7") for t in texts)

    window.undo_stack.undo()
    assert "report_number" not in demo_lib.notes.get(note.id).settings
    assert number.text() == ""


def test_clearance_lines_are_signed_in_the_header_form_and_printed_at_the_end(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note_id = new_memo(window, monkeypatch)  # an action memo: Drafted, Cleared, Approved
    fields = form(window).setting_edits
    assert fields["approved_by"].accessibleName() == "Approved: name"
    fill(qtbot, fields["approved_by"], "J. Tremblay")
    fill(qtbot, fields["approved_by_date"], "2026-11-21")
    assert demo_lib.notes.get(note_id).settings["approved_by"] == "J. Tremblay"
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    fill(qtbot, fields["drafted_by_date"], "21/11/2026")  # refused: not YYYY-MM-DD
    assert errors and "YYYY-MM-DD" in errors[0]
    assert "drafted_by_date" not in demo_lib.notes.get(note_id).settings

    # The memo's last section has words in it (an empty one is left out of the export).
    type_into(qtbot, editor(window, "background"), "The visa backlog doubled in a year.")
    texts = export_paragraphs(qtbot, window, monkeypatch, tmp_path / "memo.docx", "inline")
    assert "(U) The visa backlog doubled in a year." in texts  # portion-marked
    assert "Approved:\tJ. Tremblay, November 21, 2026" in texts
    assert "Drafted:\t" + "_" * 24 in texts  # unsigned: a line to sign on
    assert texts.index("Approved:\tJ. Tremblay, November 21, 2026") > texts.index("Background")


def test_a_final_notes_header_looks_read_only_and_says_why(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_memo(window, monkeypatch)
    header = form(window)
    to = header.edits["memo_to"]
    assert to.hasFrame()
    window.note_workspace.set_status("final")
    assert not any(edit.hasFrame() for edit in header.edits.values())  # no field to type in
    assert "transparent" in to.styleSheet()
    assert "set its status back to draft" in to.statusTip()
    window.undo_stack.undo()
    assert to.hasFrame() and to.styleSheet() == "" and to.statusTip() == ""


def test_markings_explain_tlp_on_sources_and_the_templates_scheme_on_notes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_memo(window, monkeypatch)
    note_tip = form(window).marking.toolTip()
    assert "sources keep their TLP marking" in note_tip
    source_tip = window.source_panel.marking.toolTip()
    assert "Sources are marked in TLP" in source_tip and "template's scheme" in source_tip
