"""Find in the reader (Ctrl+F) and find and replace across a note's sections (Ctrl+H)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.dialogs.replace_dialog import ReplaceDialog, ReplaceRequest
from briefing_app.gui.main_window import MainWindow
from tests.gui.test_notes import editor, new_note, saved_body


def test_ctrl_h_replaces_in_every_section_and_one_undo_puts_all_back(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    editor(window, "summary").setPlainText("Dushanbe said no.")
    editor(window, "issue").setPlainText("Can dushanbe hold?")  # typed, not yet saved
    monkeypatch.setattr(
        ReplaceDialog,
        "ask",
        classmethod(lambda cls, parent, phrase="": ReplaceRequest("Dushanbe", "Tajikistan")),
    )
    workspace = window.note_workspace
    workspace.replace_action.trigger()
    assert editor(window, "summary").body() == "Tajikistan said no."
    assert editor(window, "issue").body() == "Can Tajikistan hold?"
    assert saved_body(demo_lib, note_id, "issue") == "Can Tajikistan hold?"
    assert window.statusBar().currentMessage() == "Replaced 2 matches in 2 sections"
    assert window.undo_action.text() == "&Undo Replace “Dushanbe” with “Tajikistan”"

    window.undo_action.trigger()  # one step: both sections back
    assert editor(window, "summary").body() == "Dushanbe said no."
    assert editor(window, "issue").body() == "Can dushanbe hold?"
    assert saved_body(demo_lib, note_id, "summary") == "Dushanbe said no."
    window.redo_action.trigger()
    assert editor(window, "issue").body() == "Can Tajikistan hold?"


def test_the_replace_dialog_needs_something_to_find(qtbot: QtBot) -> None:
    dialog = ReplaceDialog(None, "")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.find_edit.setText("Kabul")
    dialog.replace_edit.setText("Kābul")
    assert dialog.ok.isEnabled()
    assert dialog.request() == ReplaceRequest("Kabul", "Kābul")
    assert ReplaceDialog(None, "Dushanbe").find_edit.text() == "Dushanbe"  # the selection


def test_ctrl_f_in_the_reader_finds_marks_every_match_and_steps_through_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import Qt

    reader, bar = window.reader, window.sources.find_bar
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "tajik")
    text = reader.source_text()
    expected = [i for i in range(len(text)) if text[i : i + 5].casefold() == "tajik"]
    assert len(expected) > 2
    assert [s for s, _e in bar.matches] == expected
    assert len(reader.extraSelections()) == len(expected)  # all of them marked
    assert bar.count.text() == f"1 of {len(expected)}"
    assert reader.selection_span() == (expected[0], expected[0] + 5)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {len(expected)}"
    assert reader.selection_span() == (expected[1], expected[1] + 5)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"{len(expected)} of {len(expected)}"  # wrapped round
    bar.field.setText("no such phrase here")
    assert bar.count.text() == "No matches" and reader.extraSelections() == []
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and reader.extraSelections() == []


def test_ctrl_shift_f_is_still_the_library_search(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window.claims_panel.view.setFocus()
    qtbot.keyClick(
        window.claims_panel.view, Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    assert window.library_panel.filter_edit.hasFocus()
    assert not window.sources.find_bar.isVisible()
