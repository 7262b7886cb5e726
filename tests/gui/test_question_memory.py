"""The Board, the Matrix and the Chronology's filter reopen on the key question shown last in
each library; a question deleted falls back to the first (or none), and its undo brings it back.

The demo has one key question (Q1, with a matrix); each test adds Q2 with claims of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDockWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.board.controller import BoardController
from briefing_app.gui.chronology.controller import ChronologyController
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.matrix.controller import MatrixController
from briefing_app.gui.question_commands import DeleteQuestionCommand

Q1 = "Q1 — Who carried out the Khatlon attack?"
Q2 = "Q2 — How many workers died?"


def _with_q2(lib: Library) -> None:
    """Add Q2 with two claims of its own (C4, C5), dated so the chronology shows them."""
    q2 = lib.questions.add("How many workers died?")
    ids = [lib.claims.by_key(k).id for k in ("C4", "C5")]
    lib.questions.assign(q2.id, ids)
    for claim_id in ids:
        lib.claims.update(claim_id, event_date="2025-11-26")


def _open(qtbot: QtBot, path: Path) -> MainWindow:
    """Open the library at path in a new window, as a start of the app does."""
    window = MainWindow(Library.open(path, backup=False))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    return window


def _quit(window: MainWindow) -> None:
    """Close the window as File ▸ Quit does, and its library."""
    window.close()
    window.lib.close()


def _show(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Show a dock from View ▸ Panels (a restart may have shown it already)."""
    dock: QDockWidget = window.docks.docks[name]
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    dock.raise_()
    qtbot.waitUntil(dock.widget().isVisible)


def _board(qtbot: QtBot, window: MainWindow) -> BoardController:
    _show(qtbot, window, "board")
    return window.board


def _cards(board: BoardController) -> list[str]:
    """Return the keys of the claims on the board's cards."""
    shown = board.view.board
    return sorted(c.claim.key for p in shown.positions for c in p.claims) if shown else []


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose the item starting with text with the arrow keys, as the analyst does."""
    combo.setFocus()
    target = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_a_restart_reopens_the_board_on_the_question_shown_last(
    qtbot: QtBot, demo_lib: Library, library_path: Path
) -> None:
    _with_q2(demo_lib)
    demo_lib.close()
    window = _open(qtbot, library_path)
    board = _board(qtbot, window)
    assert board.view.picker.currentText() == Q1  # never chosen: the first
    _pick(qtbot, board.view.picker, "Q2")
    assert board.view.picker.currentText() == Q2
    assert _cards(board) == ["C4", "C5"]
    _quit(window)

    again = _open(qtbot, library_path)
    board = _board(qtbot, again)
    assert board.view.picker.currentText() == Q2
    assert _cards(board) == ["C4", "C5"]
    _quit(again)


def test_a_deleted_question_falls_back_to_the_first_and_its_undo_shows_it_again(
    qtbot: QtBot, demo_lib: Library, library_path: Path
) -> None:
    _with_q2(demo_lib)
    demo_lib.close()
    window = _open(qtbot, library_path)
    board = _board(qtbot, window)
    _pick(qtbot, board.view.picker, "Q2")
    board.view.delete_button.click()
    assert board.view.picker.currentText() == Q1
    window.undo_stack.undo()
    assert board.view.picker.currentText() == Q2  # back where the analyst was
    window.undo_stack.redo()
    assert board.view.picker.currentText() == Q1
    _quit(window)

    # Deleted for good: the next start shows the first question, and says nothing is wrong.
    again = _open(qtbot, library_path)
    board = _board(qtbot, again)
    assert board.view.picker.currentText() == Q1
    assert "⚠" not in again.statusBar().currentMessage()
    # With no question left, the board shows its empty state.
    again.lib.questions.delete(again.lib.questions.by_key("Q1").id)
    assert board.view.picker.count() == 0
    assert board.view.columns == [] and not board.view.delete_button.isEnabled()
    _quit(again)
    again = _open(qtbot, library_path)
    board = _board(qtbot, again)
    assert board.view.picker.count() == 0 and board.question_id is None
    _quit(again)


def test_each_library_remembers_its_own_question(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    from briefing_app.core.bundled.demo import build_demo

    first = demo_lib.path
    assert first is not None
    _with_q2(demo_lib)
    demo_lib.close()
    second = tmp_path / "second.sqlite"
    with Library.open(second) as other:
        build_demo(other)
        _with_q2(other)
    window = _open(qtbot, first)
    board = _board(qtbot, window)
    _pick(qtbot, board.view.picker, "Q2")
    window.switch_library(second)
    assert board.view.picker.currentText() == Q1  # nothing chosen there yet
    window.switch_library(first)
    assert board.view.picker.currentText() == Q2
    _quit(window)


def test_the_matrix_reopens_on_the_question_shown_last(
    qtbot: QtBot, demo_lib: Library, library_path: Path
) -> None:
    _with_q2(demo_lib)
    demo_lib.close()
    window = _open(qtbot, library_path)
    _show(qtbot, window, "matrix")
    matrix: MatrixController = window.matrix
    combo = matrix.panel.question
    assert combo.currentText().startswith("Q1 ")  # the first with a matrix
    _pick(qtbot, combo, "Q2")
    assert matrix.question_id == window.lib.questions.by_key("Q2").id
    assert "No hypotheses yet" in matrix.panel.state_label.text()
    _quit(window)

    again = _open(qtbot, library_path)
    _show(qtbot, again, "matrix")
    matrix = again.matrix
    assert matrix.panel.question.currentText().startswith("Q2 ")
    assert matrix.question_id == again.lib.questions.by_key("Q2").id
    # Deleted: the matrix goes back to the first question with a matrix; undone, to Q2.
    assert matrix.question_id is not None
    again.execute(DeleteQuestionCommand(again.lib, matrix.question_id))
    assert matrix.panel.question.currentText().startswith("Q1 ")
    assert matrix.model.rowCount() > 0
    again.undo_stack.undo()
    assert matrix.panel.question.currentText().startswith("Q2 ")
    assert "No hypotheses yet" in matrix.panel.state_label.text()
    _quit(again)


def test_the_chronology_reopens_filtered_on_the_question_chosen_last(
    qtbot: QtBot, demo_lib: Library, library_path: Path
) -> None:
    _with_q2(demo_lib)
    demo_lib.close()
    window = _open(qtbot, library_path)
    _show(qtbot, window, "chronology")
    chronology: ChronologyController = window.chronology
    panel = chronology.panel
    assert panel.question_filter.currentText() == "Any"
    _pick(qtbot, panel.question_filter, "Q2")
    assert panel.count_label.text() == "2 dated claims, 0 undated"
    _quit(window)

    again = _open(qtbot, library_path)
    _show(qtbot, again, "chronology")
    panel = again.chronology.panel
    qtbot.waitUntil(lambda: panel.count_label.text() == "2 dated claims, 0 undated")
    assert panel.question_filter.currentText().startswith("Q2 ")
    # Deleted from the Board: the filter shows all again; undone, Q2's claims again.
    board = _board(qtbot, again)
    _pick(qtbot, board.view.picker, "Q2")
    board.view.delete_button.click()
    _show(qtbot, again, "chronology")
    qtbot.waitUntil(lambda: panel.question_filter.currentText() == "Any")
    again.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.question_filter.currentText().startswith("Q2 "))
    assert panel.count_label.text() == "2 dated claims, 0 undated"
    # Any, chosen, is remembered too.
    _pick(qtbot, panel.question_filter, "Any")
    _quit(again)
    last = _open(qtbot, library_path)
    _show(qtbot, last, "chronology")
    assert last.chronology.panel.question_filter.currentText() == "Any"
    _quit(last)
