"""Typing in a note is on the window's Undo/Redo, in word-sized steps the writer can predict."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.note_editor import STEP_PAUSE_S, SectionEditor
from tests.gui.test_notes import TITLE, editor, new_note, saved_body


class Clock:
    """The editor's clock, moved by the test instead of waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def pause(self) -> None:
        self.now += STEP_PAUSE_S + 0.5


def start_typing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, key: str
) -> tuple[int, Clock, SectionEditor]:
    """Create a note; return its id, the clock its editors read, and a section's editor."""
    note_id = new_note(window, monkeypatch)
    clock = Clock()
    found = editor(window, key)
    found.clock = clock
    found.setFocus()
    found.moveCursor(QTextCursor.MoveOperation.End)
    return note_id, clock, found


def ctrl_z(qtbot: QtBot, widget: SectionEditor) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_one_ctrl_z_removes_only_the_paragraph_typed_after_a_pause_and_saves_what_shows(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id, clock, summary = start_typing(window, monkeypatch, "summary")
    qtbot.keyClicks(summary, "Gunmen killed three workers near the border")
    qtbot.keyClick(summary, Qt.Key.Key_Return)
    clock.pause()
    qtbot.keyClicks(summary, "Police blamed the Taliban")
    assert window.undo_action.text() == "&Undo Typing in Summary"

    ctrl_z(qtbot, summary)
    assert summary.body() == "Gunmen killed three workers near the border\n"
    assert saved_body(demo_lib, note_id, "summary") == summary.body()
    assert window.redo_action.text() == "&Redo Typing in Summary"

    qtbot.keyClick(
        summary, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    assert summary.body().endswith("\nPolice blamed the Taliban")
    assert saved_body(demo_lib, note_id, "summary") == summary.body()


def test_ctrl_z_undoes_the_editors_typing_first_then_earlier_app_actions(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id, clock, issue = start_typing(window, monkeypatch, "issue")
    qtbot.keyClicks(issue, "Can Dushanbe hold")
    clock.pause()
    qtbot.keyClicks(issue, " the border")  # a pause starts a new step, inside a sentence too
    ctrl_z(qtbot, issue)
    assert issue.body() == "Can Dushanbe hold"
    ctrl_z(qtbot, issue)
    assert issue.body() == ""
    assert demo_lib.notes.get(note_id).title == TITLE
    assert window.undo_action.text() == f"&Undo New note “{TITLE}”"
    ctrl_z(qtbot, issue)
    assert all(n.id != note_id for n in demo_lib.notes.all())


def test_a_sentence_end_a_cursor_jump_and_a_paste_each_start_a_step(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clock never moves: no pause separates these steps.
    note_id, _clock, background = start_typing(window, monkeypatch, "background")
    qtbot.keyClicks(background, "Three died. Two fled")
    background.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(background, "Update: ")
    mime = QMimeData()
    mime.setText(" (police)")
    background.moveCursor(QTextCursor.MoveOperation.End)
    background.insertFromMimeData(mime)
    qtbot.keyClicks(background, " said")
    assert background.body() == "Update: Three died. Two fled (police) said"

    expected = [
        "Update: Three died. Two fled (police)",
        "Update: Three died. Two fled",
        "Three died. Two fled",
        "Three died. ",
        "",
    ]
    for body in expected:
        ctrl_z(qtbot, background)
        assert background.body() == body
        assert saved_body(demo_lib, note_id, "background") == body


def test_a_citation_insert_is_its_own_step(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id, _clock, considerations = start_typing(window, monkeypatch, "considerations")
    qtbot.keyClicks(considerations, "The Taliban deny it")
    considerations.insert_citation(["C2"])
    assert considerations.body() == "The Taliban deny it [@C2]"
    ctrl_z(qtbot, considerations)
    assert considerations.body() == "The Taliban deny it"
    assert saved_body(demo_lib, note_id, "considerations") == "The Taliban deny it"


def test_undoing_typing_in_a_note_not_open_opens_it_at_the_change(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id, _clock, summary = start_typing(window, monkeypatch, "summary")
    qtbot.keyClicks(summary, "Typed here")
    workspace = window.note_workspace
    other = next(n.id for n in demo_lib.notes.all() if n.id != note_id)
    workspace.show_note(other)
    window.undo_action.trigger()
    assert workspace.note is not None and workspace.note.id == note_id
    assert editor(window, "summary").body() == ""
    assert saved_body(demo_lib, note_id, "summary") == ""
