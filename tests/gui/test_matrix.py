"""The Matrix dock: a key question's ACH matrix rated from the keyboard, scored as you go,
undone step by step, fed by claims dragged in, with its key assumptions beside it.

The demo's Q1 has a matrix (H1 criminal groups based in Afghanistan, H2 a group tied to the
Taliban, H3 actors inside Tajikistan; rows C9, C6, C7, X1, A1): H1 leads with no
inconsistency, H2 has 1 (weighted 0.71), H3 has 2 (weighted 2.41); C9 is pivotal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.matrix.assumptions import AssumptionDialog, AssumptionFields
from briefing_app.gui.matrix.controller import MatrixController
from briefing_app.gui.matrix.model import (
    DECEPTIVE_MARK,
    FIXED,
    LEADER_BACKGROUND,
    NO_HELP,
    OFF_FOREGROUND,
    PIVOTAL_MARK,
    RATING_COLOURS,
    SCORE_ROW,
)
from tests.core.records.library_dump import dump


def _open(qtbot: QtBot, window: MainWindow) -> MatrixController:
    """Show the Matrix from View ▸ Panels, as the analyst does; return its controller."""
    window.docks.docks["matrix"].toggleViewAction().trigger()
    matrix = window.matrix
    assert matrix is not None
    qtbot.waitUntil(lambda: matrix.model.rowCount() > 0)
    return matrix


def _scores(matrix: MatrixController) -> dict[str, str]:
    """Return the score row's text per hypothesis (inconsistency · weighted · rank)."""
    model = matrix.model
    return {
        h.key: model.index(SCORE_ROW, model.hypothesis_column(h.key)).data()
        for h in model.hypotheses
    }


def _cell(matrix: MatrixController, row_key: str, hypothesis: str, role: int = 0) -> object:
    model = matrix.model
    at = model.position_of(row_key)
    assert at is not None, f"{row_key} is not a row"
    return model.index(at, model.hypothesis_column(hypothesis)).data(role)


def _go_to(qtbot: QtBot, matrix: MatrixController, row_key: str, hypothesis: str) -> None:
    """Put the keyboard on a cell by clicking it."""
    view, model = matrix.view, matrix.model
    at = model.position_of(row_key)
    assert at is not None
    index = model.index(at, model.hypothesis_column(hypothesis))
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.currentIndex() == index
    view.setFocus()


def _stored(lib: Library, row_key: str, hypothesis: str) -> str:
    return lib.ach.matrix(lib.questions.by_key("Q1").id).row(row_key).ratings.get(hypothesis, "")


def test_the_demo_matrix_shows_scores_leader_diagnosticity_and_its_fragility(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    model = matrix.model
    assert matrix.panel.question.currentText().startswith("Q1 Who carried out")
    assert [h.key for h in model.hypotheses] == ["H1", "H2", "H3"]
    assert _scores(matrix) == {"H1": "0 · 0.00 · #1", "H2": "1 · 0.71 · #2", "H3": "2 · 2.41 · #3"}
    # The leader is starred in its header and its score cell is highlighted.
    col = model.hypothesis_column("H1")
    assert model.headerData(col, Qt.Orientation.Horizontal).startswith("★ H1")
    assert not model.headerData(col + 1, Qt.Orientation.Horizontal).startswith("★")
    assert model.index(SCORE_ROW, col).data(Qt.ItemDataRole.BackgroundRole) == LEADER_BACKGROUND
    # Ratings are coloured: consistent green, inconsistent red.
    background = Qt.ItemDataRole.BackgroundRole
    assert _cell(matrix, "C9", "H1") == "C"
    assert _cell(matrix, "C9", "H1", background).name() == RATING_COLOURS["C"][0]
    assert _cell(matrix, "C9", "H3", background).name() == RATING_COLOURS["I"][0]
    # C6 rates every hypothesis alike: it helps none.
    diag = model.diagnosticity_column()
    assert model.index(model.position_of("C6") or 0, diag).data() == NO_HELP
    assert model.index(model.position_of("C9") or 0, diag).data() == "0.82"
    # C9 is pivotal (reversed, H2 leads), and so is C7 (the only evidence against H2: without
    # it H1 and H2 tie): marked, and the matrix is said to be fragile. C6 helps none.
    assert PIVOTAL_MARK in model.index(model.position_of("C9") or 0, 0).data()
    assert PIVOTAL_MARK in model.index(model.position_of("C7") or 0, 0).data()
    assert PIVOTAL_MARK not in model.index(model.position_of("C6") or 0, 0).data()
    assert "Fragile" in matrix.state_text() and "C9" in matrix.state_text()
    assert "C7 (without it H1 and H2 tie)" in matrix.state_text()
    assert "Leading: H1" in matrix.state_text()
    row = model.row_at(model.position_of("C9") or 0)
    assert row is not None and (row.party, row.grade) == ("Tajik authorities", "F3")
    assert model.index(model.position_of("C9") or 0, FIXED.index("Grade")).data() == "F3"


def test_keyboard_rating_changes_the_stored_rating_and_the_score_row_and_undo_takes_it_back(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    lib = complete.lib
    # Shown, the matrix's first cell is current: the keys work without a click.
    first = matrix.view.currentIndex()
    row, h = matrix.model.row_at(first.row()), matrix.model.hypothesis_at(first.column())
    assert row is not None and h is not None and (row.key, h.key) == ("C9", "H1")
    matrix.view.setFocus()
    # Down to C6, right to H2: arrows move as in any table.
    qtbot.keyClick(matrix.view, Qt.Key.Key_Down)
    qtbot.keyClick(matrix.view, Qt.Key.Key_Down)
    qtbot.keyClick(matrix.view, Qt.Key.Key_Up)
    qtbot.keyClick(matrix.view, Qt.Key.Key_Right)  # C6 against H2
    qtbot.keyClick(matrix.view, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    assert _stored(lib, "C6", "H2") == "II"
    assert _cell(matrix, "C6", "H2") == "II"
    assert _scores(matrix)["H2"] == "3 · 2.71 · #3"
    assert _scores(matrix)["H3"] == "2 · 2.41 · #2"
    qtbot.keyClick(matrix.view, Qt.Key.Key_Left)  # C6 against H1
    qtbot.keyClick(matrix.view, Qt.Key.Key_4)  # 4 = I
    assert _stored(lib, "C6", "H1") == "I"
    assert _scores(matrix)["H1"] == "1 · 1.00 · #1"
    # One Ctrl+Z takes back one rating.
    qtbot.keyClick(matrix.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(lib, "C6", "H1") == "C"
    assert _stored(lib, "C6", "H2") == "II"
    assert _scores(matrix)["H1"] == "0 · 0.00 · #1"
    qtbot.keyClick(matrix.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(lib, "C6", "H2") == "C"
    assert _scores(matrix)["H2"] == "1 · 0.71 · #2"


def test_letter_keys_and_delete(qtbot: QtBot, complete: MainWindow) -> None:
    matrix = _open(qtbot, complete)
    lib = complete.lib
    _go_to(qtbot, matrix, "X1", "H3")
    for key, shift, expected in (
        (Qt.Key.Key_C, True, "CC"),
        (Qt.Key.Key_C, False, "C"),
        (Qt.Key.Key_I, False, "I"),
        (Qt.Key.Key_N, False, "N"),
        (Qt.Key.Key_A, False, "NA"),
        (Qt.Key.Key_1, False, "CC"),
        (Qt.Key.Key_5, False, "II"),
        (Qt.Key.Key_0, False, "NA"),
    ):
        modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(matrix.view, key, modifier)
        assert _stored(lib, "X1", "H3") == expected
        assert _cell(matrix, "X1", "H3") == expected
    qtbot.keyClick(matrix.view, Qt.Key.Key_Delete)
    assert _stored(lib, "X1", "H3") == ""
    assert _cell(matrix, "X1", "H3") == ""


def test_rating_repaints_the_changed_cells_not_the_whole_view(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    matrix.model.modelReset.connect(lambda: resets.append(True))
    matrix.model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.row(), b.row())))
    assert matrix.rate("C6", "H2", "I")
    assert not resets
    at = matrix.model.position_of("C6")
    assert (at, at) in changed and (SCORE_ROW, SCORE_ROW) in changed


def test_switching_a_row_off_greys_it_and_changes_the_scores(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    _go_to(qtbot, matrix, "C9", "H2")
    qtbot.keyClick(matrix.view, Qt.Key.Key_Space)
    assert complete.lib.ach.matrix(complete.lib.questions.by_key("Q1").id).row("C9").switched_off
    assert _cell(matrix, "C9", "H3", Qt.ItemDataRole.ForegroundRole) == OFF_FOREGROUND
    # C9 counted √2 against H3 (inconsistent, highly relevant); off, only A1's 1 remains.
    assert _scores(matrix)["H3"] == "1 · 1.00 · #3"
    # Off, C9 decides nothing; H1's lead still rests on C7 (against H2) and A1 (against H3).
    assert "C9" not in matrix.state_text()
    assert "pivotal C7 (without it H1 and H2 tie), A1 (without it H1 and H3 tie)" in (
        matrix.state_text()
    )
    qtbot.keyClick(matrix.view, Qt.Key.Key_Space)
    assert _scores(matrix)["H3"] == "2 · 2.41 · #3"
    assert _cell(matrix, "C9", "H3", Qt.ItemDataRole.ForegroundRole) != OFF_FOREGROUND


def test_the_leading_hypothesis_moves_its_highlight(qtbot: QtBot, complete: MainWindow) -> None:
    matrix = _open(qtbot, complete)
    model = matrix.model
    matrix.rate("C9", "H1", "II")
    matrix.rate("X1", "H1", "II")
    assert model.leader == "H2"
    assert model.headerData(model.hypothesis_column("H2"), Qt.Orientation.Horizontal).startswith(
        "★ H2"
    )
    h1 = model.index(SCORE_ROW, model.hypothesis_column("H1"))
    assert h1.data(Qt.ItemDataRole.BackgroundRole) != LEADER_BACKGROUND
    assert "Leading: H2" in matrix.state_text()


def test_a_claim_dragged_in_from_the_claims_table_becomes_a_row(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    lib = complete.lib
    held = {r.key for r in lib.ach.matrix(lib.questions.by_key("Q1").id).rows}
    table = complete.claims_panel.model
    row = next(r for r in range(table.rowCount()) if table.row(r).key not in held)
    key = table.row(row).key
    mime = table.mimeData([table.index(row, 0)])
    target = matrix.view.viewport()
    at = target.rect().center()
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, action, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDragMoveEvent(at, action, mime, buttons, keys))
    QApplication.sendEvent(target, QDropEvent(QPointF(at), action, mime, buttons, keys))
    assert matrix.model.position_of(key) is not None
    assert key in lib.questions.get(lib.questions.by_key("Q1").id).claim_keys
    # Text dragged from elsewhere is no claim: refused.
    plain = QMimeData()
    plain.setText("C1")
    refused = QDragEnterEvent(at, action, plain, buttons, keys)
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()
    complete.undo_stack.undo()
    assert matrix.model.position_of(key) is None


def test_add_a_key_assumption_shows_it_in_the_panel_and_as_a_row(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    fields = AssumptionFields(
        "The attackers knew the workers' route",
        rating="unsupported",
        why="Nobody says so",
        wrong_if="The route was public",
        supports=("C9",),
        hypotheses=("H3",),
    )
    assert matrix.add_assumption(fields)
    rows = matrix.panel.assumptions.rows_text()
    assert rows[-1] == [
        "A2",
        "The attackers knew the workers' route",
        "Unsupported",
        "Nobody says so",
        "The route was public",
        "C9",
        "H3",
    ]
    assert matrix.model.position_of("A2") is not None
    complete.undo_stack.undo()
    assert [r[0] for r in matrix.panel.assumptions.rows_text()] == ["A1"]
    assert matrix.model.position_of("A2") is None


def test_hypotheses_are_added_renamed_and_removed_each_one_undoable_step(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    model = matrix.model
    assert matrix.add_hypothesis("Rival criminal networks inside Tajikistan")
    assert [h.key for h in model.hypotheses] == ["H1", "H2", "H3", "H4"]
    assert matrix.rename_hypothesis("H4", "Rival networks")
    assert model.hypotheses[-1].label == "Rival networks"
    assert matrix.remove_hypothesis("H2")
    assert [h.key for h in model.hypotheses] == ["H1", "H3", "H4"]
    complete.undo_stack.undo()
    assert [h.key for h in model.hypotheses] == ["H1", "H2", "H3", "H4"]
    assert _cell(matrix, "C7", "H2") == "I"  # its ratings came back with it
    assert matrix.add_absence("No ransom was demanded")
    assert model.position_of("X2") is not None


def test_weights_and_deception_from_the_keyboard_and_the_menu(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    lib = complete.lib
    qid = lib.questions.by_key("Q1").id
    assert matrix.weigh("C7", credibility="high")
    model = matrix.model
    assert model.index(model.position_of("C7") or 0, FIXED.index("Credibility")).data() == "high"
    assert _scores(matrix)["H2"] == "1 · 1.41 · #2"
    _go_to(qtbot, matrix, "C7", "H1")
    qtbot.keyClick(matrix.view, Qt.Key.Key_D)
    assert lib.ach.matrix(qid).row("C7").deceptive
    menu = matrix.cell_menu(model.position_of("C7") or 0, model.hypothesis_column("H1"))
    relevance = next(a for a in menu.actions() if a.text() == "&Relevance").menu()
    next(a for a in relevance.actions() if a.text() == "low").trigger()
    assert lib.ach.matrix(qid).row("C7").relevance == "low"


def test_a_pivotal_row_of_a_hand_made_matrix_is_marked_and_the_matrix_fragile(
    qtbot: QtBot, complete: MainWindow
) -> None:
    lib = complete.lib
    q = lib.questions.add("Why were the workers on that road?")
    lib.ach.add_hypothesis(q.id, "A routine supply run")
    lib.ach.add_hypothesis(q.id, "They were lured there")
    lib.ach.add_absence(q.id, "No call was logged")  # X1: decides alone
    lib.ach.add_absence(q.id, "Nobody saw them leave")  # X2: helps neither
    lib.ach.rate(q.id, "H1", "X1", "I")
    lib.ach.rate(q.id, "H2", "X1", "C")
    lib.ach.rate(q.id, "H1", "X2", "N")
    lib.ach.rate(q.id, "H2", "X2", "N")
    matrix = _open(qtbot, complete)
    matrix.show_question(q.id)
    model = matrix.model
    assert model.leader == "H2"
    assert PIVOTAL_MARK in model.index(model.position_of("X1") or 0, 0).data()
    assert PIVOTAL_MARK not in model.index(model.position_of("X2") or 0, 0).data()
    assert model.index(model.position_of("X2") or 0, model.diagnosticity_column()).data() == NO_HELP
    assert "Fragile" in matrix.state_text()
    assert "X1 (without it H1 and H2 tie)" in matrix.state_text()


def test_hypotheses_no_evidence_tells_apart_are_shown_tied_with_no_leader_starred(
    qtbot: QtBot, complete: MainWindow
) -> None:
    # A new matrix, nothing rated: it said "Leading: H1 … Not fragile" and starred H1 in gold
    # only because H1 was typed first.
    lib = complete.lib
    q = lib.questions.add("What caused the blast?")
    lib.ach.add_hypothesis(q.id, "Sabotage")
    lib.ach.add_hypothesis(q.id, "A technical failure")
    lib.ach.add_absence(q.id, "No group has claimed it")
    matrix = _open(qtbot, complete)
    matrix.show_question(q.id)
    model = matrix.model
    assert model.leader is None
    assert "No leader: H1 and H2 tie" in matrix.state_text()
    assert "Leading" not in matrix.state_text() and "Not fragile" not in matrix.state_text()
    assert _scores(matrix) == {"H1": "0 · 0.00 · #1=", "H2": "0 · 0.00 · #1="}
    headers = [model.headerData(model.hypothesis_column(k), Qt.Orientation.Horizontal)
               for k in ("H1", "H2")]  # fmt: skip
    assert not any("★" in str(h) for h in headers)
    # One rating tells them apart: H2 leads, starred.
    lib.ach.rate(q.id, "H1", "X1", "I")
    qtbot.waitUntil(lambda: model.leader == "H2")
    assert "Leading: H2 A technical failure" in matrix.state_text()
    assert _scores(matrix) == {"H1": "1 · 1.00 · #2", "H2": "0 · 0.00 · #1"}
    assert "★" in str(model.headerData(model.hypothesis_column("H2"), Qt.Orientation.Horizontal))


def test_the_note_judgment_is_recorded_for_the_open_note(
    qtbot: QtBot, complete: MainWindow
) -> None:
    lib = complete.lib
    note = lib.notes.all()[0]
    complete.note_workspace.show_note(note.id)
    matrix = _open(qtbot, complete)
    assert matrix.judge("H2", "moderate")
    assert "judges Q1 H2, moderate confidence" in matrix.panel.judgment_label.text()
    complete.undo_stack.undo()
    assert "records no judgment" in matrix.panel.judgment_label.text()


def test_changes_made_elsewhere_show(qtbot: QtBot, complete: MainWindow) -> None:
    matrix = _open(qtbot, complete)
    lib = complete.lib
    other = Library.open(lib.path, backup=False)
    try:
        other.ach.rate(other.questions.by_key("Q1").id, "H3", "C6", "II")
    finally:
        other.close()
    qtbot.waitUntil(lambda: _cell(matrix, "C6", "H3") == "II", timeout=10_000)
    assert _scores(matrix)["H3"] == "4 · 4.41 · #3"


@pytest.mark.parametrize("key", ["C9"])
def test_removing_a_row_keeps_the_claim(qtbot: QtBot, complete: MainWindow, key: str) -> None:
    matrix = _open(qtbot, complete)
    assert matrix.remove_row(key)
    assert matrix.model.position_of(key) is None
    assert complete.lib.claims.by_key(key) is not None
    complete.undo_stack.undo()
    assert matrix.model.position_of(key) is not None
    assert _cell(matrix, key, "H1") == "C"


def test_a_weight_is_picked_from_the_list_in_its_cell(qtbot: QtBot, complete: MainWindow) -> None:
    matrix = _open(qtbot, complete)
    lib, model, view = complete.lib, matrix.model, matrix.view
    at = model.position_of("X1") or 0
    index = model.index(at, FIXED.index("Relevance"))
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)  # edit the weight, as any table cell
    combo = view.indexWidget(index) or view.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentText("high")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qid = lib.questions.by_key("Q1").id
    qtbot.waitUntil(lambda: lib.ach.matrix(qid).row("X1").relevance == "high")
    assert model.index(at, FIXED.index("Relevance")).data() == "high"
    complete.undo_stack.undo()
    assert lib.ach.matrix(qid).row("X1").relevance == "medium"


def test_an_assumption_is_edited_through_its_dialog(
    qtbot: QtBot, complete: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    matrix = _open(qtbot, complete)
    panel = matrix.panel.assumptions
    asked: list[object] = []

    def ask(_parent: object, held: object = None, check: object = None) -> AssumptionFields:
        asked.append(held)
        return AssumptionFields("The attackers crossed the river", rating="unsupported")

    monkeypatch.setattr(AssumptionDialog, "ask", ask)
    panel.table.selectRow(0)
    panel.edit_button.click()
    assert getattr(asked[0], "key", None) == "A1"  # the dialog showed the assumption held
    assert panel.rows_text()[0][:3] == ["A1", "The attackers crossed the river", "Unsupported"]
    at = matrix.model.position_of("A1") or 0
    assert matrix.model.index(at, FIXED.index("Evidence")).data() == (
        "The attackers crossed the river"
    )


def test_regrading_a_claim_updates_its_row_and_the_scores(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    lib, model = complete.lib, matrix.model
    at = model.position_of("C7") or 0
    assert model.index(at, FIXED.index("Credibility")).data() == "low"  # F4: low
    lib.claims.update(lib.claims.by_key("C7").id, credibility=2)  # as the inspector does
    assert model.index(at, FIXED.index("Grade")).data() == "F2"
    assert model.index(at, FIXED.index("Credibility")).data() == "medium"
    assert _scores(matrix)["H2"] == "1 · 1.00 · #2"  # C7's I now weighs 1, not 1/√2


def test_the_row_key_stays_in_sight_when_the_view_scrolls_to_the_hypotheses(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    view, model = matrix.view, matrix.model
    view.resize(480, 300)  # a laptop's bottom dock: narrower than the evidence columns
    _go_to(qtbot, matrix, "C7", "H3")
    assert view.horizontalScrollBar().value() > 0  # scrolled across to the hypotheses
    rows = view.verticalHeader()
    at = model.position_of("C7") or 0
    assert rows.isVisible() and rows.width() > 0
    # Beside the current cell, the row header names its row (and the score row its own).
    # (C7 is the only evidence against H2: without it H1 and H2 tie, so it is marked pivotal.)
    assert model.headerData(at, Qt.Orientation.Vertical) == f"C7 {PIVOTAL_MARK}"
    assert model.headerData(SCORE_ROW, Qt.Orientation.Vertical) == "Scores"
    assert rows.sectionViewportPosition(at) == view.rowViewportPosition(at)
    # Hovering the key reads what the row says, its Evidence column being out of sight.
    tip = model.headerData(at, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("C7 (claim): The Taliban administration suggested")
    pivotal = model.position_of("C9") or 0
    assert PIVOTAL_MARK in model.headerData(pivotal, Qt.Orientation.Vertical)
    # Marks follow at once: D on C7 marks the row header possibly deceptive.
    with qtbot.waitSignal(model.headerDataChanged):
        qtbot.keyClick(view, Qt.Key.Key_D)
    assert DECEPTIVE_MARK in model.headerData(at, Qt.Orientation.Vertical)
    # The row header's menu is the row's.
    menu = matrix.cell_menu(at, 0)
    assert "Re&move C7 from the matrix" in [a.text() for a in menu.actions()]


def test_an_assumption_form_with_an_unknown_key_stays_open_with_what_was_typed(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    dialog = AssumptionDialog(complete, None, check=matrix.assumption_problem)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.text, "The attackers knew the camp's layout")
    qtbot.keyClicks(dialog.why, "Only one source says so")
    qtbot.keyClicks(dialog.supports, "C9 C77")
    qtbot.keyClicks(dialog.hypotheses, "H1")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    # Refused: the form is still there, saying why, with everything typed kept.
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and "no claim C77" in dialog.problem.text()
    assert dialog.why.text() == "Only one source says so"
    dialog.supports.setText("C9")
    dialog.hypotheses.setText("H9")
    ok.click()
    assert dialog.isVisible() and "H9" in dialog.problem.text()
    dialog.hypotheses.setText("H1")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert matrix.add_assumption(dialog.fields())
    assert matrix.panel.assumptions.rows_text()[-1][5:] == ["C9", "H1"]


def test_an_assumption_form_checks_its_keys_when_the_question_box_is_empty(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    lib = complete.lib
    dialog = AssumptionDialog(complete, None, check=matrix.assumption_problem)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.text, "The attackers knew the camp's layout")
    qtbot.keyClicks(dialog.supports, "C9 C77")
    qtbot.keyClicks(dialog.hypotheses, "H1")
    # The question goes (deleted in another window) while the form is open: the box empties.
    lib.questions.delete(lib.questions.by_key("Q1").id)
    qtbot.waitUntil(lambda: matrix.panel.question.count() == 0)
    assert matrix.question_id is None
    before = dump(lib)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    # Refused in one line naming every key the core's check refuses; what was typed stays.
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    shown = dialog.problem.text()
    assert "\n" not in shown and "no claim C77" in shown and "H1" in shown
    assert "choose a key question" in shown
    assert dialog.supports.text() == "C9 C77"
    assert dump(lib) == before


def test_a_hypothesis_added_comes_into_sight_ready_to_rate(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    view, model = matrix.view, matrix.model
    view.resize(480, 300)
    assert matrix.add_hypothesis("A staged attack by local criminals")
    column = model.hypothesis_column("H4")
    current = view.currentIndex()
    assert (current.row(), current.column()) == (1, column)  # the first row's cell
    assert view.viewport().rect().contains(view.visualRect(current))
    qtbot.waitUntil(view.hasFocus)  # the keys rate at once, no click needed
    qtbot.keyClick(view, Qt.Key.Key_C)
    first = model.row_at(1)
    assert first is not None and _cell(matrix, first.key, "H4") == "C"


def test_a_library_with_no_question_says_where_in_the_window_to_add_one(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path
) -> None:
    matrix = _open(qtbot, complete)
    complete.switch_library(tmp_path / "mine.sqlite")
    qtbot.waitUntil(lambda: "No key question yet" in matrix.state_text())
    hint = matrix.state_text()
    assert "New question…" in hint and "Assign to question" in hint
    assert "briefing " not in hint  # not a command for the terminal
    assert not matrix.panel.add_hypothesis_button.isEnabled()


def test_a_hypothesis_label_too_long_stays_in_its_dialog_marked_and_escape_puts_it_back(
    qtbot: QtBot, complete: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.ach.values import MAX_LABEL_CHARS
    from briefing_app.gui.dialogs.text_dialog import TextDialog

    matrix = _open(qtbot, complete)
    asked: list[TextDialog] = []

    def drive(dialog: TextDialog) -> int:
        """Play the analyst in the real dialog: a label too long, then a good one."""
        asked.append(dialog)
        dialog.open()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dialog.edit.selectAll()
        qtbot.keyClicks(dialog.edit, "x" * (MAX_LABEL_CHARS + 1))
        ok.click()
        # Refused: the dialog stays, the text too, marked, saying why.
        assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.edit.text() == "x" * (MAX_LABEL_CHARS + 1)
        assert dialog.edit.property("refused") is True
        assert f"at most {MAX_LABEL_CHARS} characters" in dialog.problem.text()
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)  # the label it opened with
        assert dialog.isVisible() and dialog.edit.property("refused") is False
        assert not dialog.problem.isVisible()
        held = matrix._hypothesis("H1")
        assert held is not None and dialog.edit.text() == held.label
        dialog.edit.setText("A staged attack")
        ok.click()
        return int(dialog.result())

    monkeypatch.setattr(TextDialog, "exec", drive)
    assert matrix.rename_hypothesis("H1")
    renamed = matrix._hypothesis("H1")
    assert asked and renamed is not None and renamed.label == "A staged attack"


def test_clicking_a_finding_about_the_matrix_opens_it_on_the_pivotal_row(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    from briefing_app.core.ach.judgments import judge

    window = complete
    workspace = window.note_workspace
    assert workspace.note is not None
    q1 = demo_lib.questions.by_key("Q1")
    judge(demo_lib, workspace.note.id, q1.id, "H2", "high")
    workspace.open_note_tab(workspace.note.id)
    workspace.refresh_checks()
    tree = workspace.problems.tree
    fragile = next(
        i
        for i, f in enumerate(workspace.problems.findings)
        if f.rule == "ach.fragile-single-source"
    )
    assert not window.docks.docks["matrix"].isVisible()

    # The finding has no passage in the note: it used to go nowhere.
    tree.setCurrentItem(tree.topLevelItem(fragile))
    tree.itemActivated.emit(tree.topLevelItem(fragile), 0)

    matrix = window.matrix
    qtbot.waitUntil(lambda: window.docks.docks["matrix"].isVisible())
    assert matrix.question_id == q1.id
    assert matrix.model.row_at(matrix.view.currentIndex().row()).key == "C9"


def test_an_assumption_form_names_every_key_that_does_not_exist_at_once(
    qtbot: QtBot, complete: MainWindow
) -> None:
    matrix = _open(qtbot, complete)
    fields = AssumptionFields(
        "The border stays porous", supports=("C4", "C99"), hypotheses=("H1", "H7")
    )

    problem = matrix.assumption_problem(fields)

    # One at a time, the analyst corrected C99 only to be told of H7 next.
    assert problem == "no claim C99; Q1 has no hypothesis H7"


def test_a_finding_about_a_judgment_whose_question_was_deleted_opens_nothing(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    from briefing_app.core.ach.judgments import judge

    window = complete
    workspace = window.note_workspace
    assert workspace.note is not None
    q = demo_lib.questions.add("Who paid the attackers?")
    demo_lib.ach.add_hypothesis(q.id, "A state")
    judge(demo_lib, workspace.note.id, q.id, "H1", "moderate")
    demo_lib.questions.delete(q.id)
    errors: list[str] = []
    window.services.show_error = errors.append  # type: ignore[method-assign]
    workspace.open_note_tab(workspace.note.id)
    workspace.refresh_checks()
    (gone,) = [f for f in workspace.problems.findings if "question that was deleted" in f.message]
    workspace.go_to_finding(gone)
    assert errors == [] and not window.docks.docks["matrix"].isVisible()
