"""What a QA pass found in the desktop app: each test is a user's step that went wrong."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.dialogs.claim_picker import ClaimPicker
from briefing_app.gui.main_window import MainWindow
from tests.gui.test_notes import editor, new_note, type_into


@pytest.fixture
def complete(qtbot: QtBot, demo_lib: Library) -> MainWindow:
    """Return the main window on the demo, shown, with every pane built."""
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    return window


def test_citing_in_a_final_note_is_refused_and_nothing_claims_to_be_saved(
    complete: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = complete.note_workspace
    assert ws.note is not None
    ws.set_status("final")
    editor = ws.editor.current_editor()
    assert editor is not None
    qtbot.waitUntil(editor.isReadOnly)
    before = editor.body()

    def pick(cls: Any, parent: Any, claims: Any) -> list[str]:
        return ["C2"]

    monkeypatch.setattr(ClaimPicker, "ask", classmethod(pick))
    ws.cite()
    assert editor.body() == before
    assert "final" in complete.statusBar().currentMessage()
    editor.insert_citation(["C2"])  # dropped or inserted by code: still nothing
    assert editor.body() == before and ws.editor.dirty() == []


def test_go_to_a_comment_finds_its_words_after_the_section_was_edited(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library
) -> None:
    ws, pane = complete.note_workspace, complete.review_pane
    note = ws.note
    assert note is not None
    key = note.sections[0].key
    body = note.sections[0].body
    at = body.index("drone")
    comment = demo_lib.comments.add(
        note.id, key, "Source?", author="Reviewer", anchor_text="drone", start=at, end=at + 5
    )
    demo_lib.notes.set_section(note.id, key, "Update: " + body)
    complete.review_dock.show()
    assert pane.select("comment", comment.id)
    qtbot.mouseClick(pane.jump_button, Qt.MouseButton.LeftButton)
    editor = ws.editor.editor(key)
    assert editor is not None
    assert editor.textCursor().selectedText() == "drone"


def test_go_to_reader_brings_the_reader_forward_and_tagging_needs_it(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library
) -> None:
    reader = complete.reader
    cursor = reader.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(20, cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    claims = demo_lib.claims.count()
    qtbot.keyClick(complete, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert complete.workspace_tabs.currentWidget() is complete.note_workspace
    complete.tag_action.trigger()  # Ctrl+T while writing the note
    assert demo_lib.claims.count() == claims
    assert "Reader" in complete.statusBar().currentMessage()
    qtbot.keyClick(complete, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert reader.isVisible() and reader.hasFocus()


def test_tab_moves_on_from_the_sources_and_claims_tables(
    complete: MainWindow, qtbot: QtBot
) -> None:
    for view in (complete.library_panel.view, complete.claims_panel.view):
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not view


def test_a_source_opens_at_its_top_with_nothing_selected(
    complete: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: bool(complete.suggestions_panel.suggestions))
    assert complete.reader.verticalScrollBar().value() == 0
    assert not complete.reader.textCursor().hasSelection()
    # Working through the list still moves the text to each suggestion.
    complete.suggestions_panel.step(1)
    assert complete.reader.textCursor().hasSelection()


def test_every_review_action_can_be_undone_and_redone(
    complete: MainWindow, demo_lib: Library
) -> None:
    ws, pane = complete.note_workspace, complete.review_pane
    note = ws.note
    assert note is not None
    key = note.sections[0].key
    before = note.sections[0].body
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers", author="R")
    undo, redo = complete.undo_action, complete.redo_action

    assert pane.accept_edit(edit.id)
    assert demo_lib.notes.get(note.id).sections[0].body != before
    undo.trigger()
    assert demo_lib.notes.get(note.id).sections[0].body == before
    assert demo_lib.edits.get(edit.id).status == "pending"
    redo.trigger()
    assert demo_lib.edits.get(edit.id).status == "accepted"
    undo.trigger()

    assert pane.reject_edit(edit.id)
    undo.trigger()
    assert demo_lib.edits.get(edit.id).status == "pending"

    assert pane.add_comment(key, "Source for this?")
    comment = demo_lib.comments.all(note.id)[-1]
    assert pane.reply(comment.id, "Added C2.")
    assert pane.set_resolved(comment.id)
    undo.trigger()
    assert not demo_lib.comments.get(comment.id).resolved
    undo.trigger()
    undo.trigger()
    assert demo_lib.comments.all(note.id) == []
    redo.trigger()
    redo.trigger()
    bodies = [c.body for c in demo_lib.comments.all(note.id)]
    assert bodies == ["Source for this?", "Added C2."]
    thread = demo_lib.comments.all(note.id)
    assert thread[1].parent_id == thread[0].id

    assert pane.set_status("in review", "Round 1")
    undo.trigger()
    assert demo_lib.notes.get(note.id).status == note.status


def test_undoing_an_accepted_edit_will_not_overwrite_typing_done_since(
    complete: MainWindow, demo_lib: Library
) -> None:
    note = complete.note_workspace.note
    assert note is not None
    key = note.sections[0].key
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers", author="R")
    assert complete.review_pane.accept_edit(edit.id)
    typed = "Typed later. " + demo_lib.notes.get(note.id).sections[0].body
    demo_lib.notes.set_section(note.id, key, typed)
    complete.undo_action.trigger()
    assert demo_lib.notes.get(note.id).sections[0].body == typed
    assert "by hand" in complete.statusBar().currentMessage()


def test_the_review_dock_leaves_the_columns_readable_and_is_remembered(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    count = window.claims_panel.count_label
    assert count.text() and count.width() >= count.sizeHint().width()  # "10 claims", whole
    window.review_dock.show()
    qtbot.waitUntil(lambda: window.review_dock.width() > 0)
    qtbot.waitUntil(lambda: min(window.main_splitter.sizes()) >= 200)
    assert window.review_dock.width() <= 420
    window.close()

    again = MainWindow(demo_lib)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.is_complete)
    assert again.review_dock.isVisible()
    again.close()


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
    qtbot: QtBot, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.dialogs.export_dialog import ExportDialog

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
