"""What selecting every claim in the claims table and assigning them to a question costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/multiselect_speed.py LIBRARY [--runs 5]

On a copy of LIBRARY (the 10k benchmark library, 100,000 claims: the original is never
written), in the real main window (1440x900), each step until the claims table is painted
again (its viewport grabbed):

- Ctrl+A: the key pressed in the claims table (every row selected, the inspector saying how
  many) against Ctrl+A in a plain QTableView of the same size over a trivial Python table
  model of the same row and column count (its data() the row number);
- right-click menu: the table's context menu built for the selection (the selected ids read
  from the selection's row ranges, Assign to question ▸ with each question, greyed when it
  holds them all) against reading the plain view's selection as ranges and building a QMenu
  with the same number of actions;
- assign: choosing a question in that menu (one core operation assigning 100,000 claims, one
  undo step, the window refreshed from its Changes, the selection kept) against raw sqlite3
  inserting the same 100,000 rows into question_claims in one INSERT … SELECT transaction
  (the floor: no check, no commit log, no window to refresh);
- undo: Edit ▸ Undo of that assignment against raw sqlite3 deleting those rows;
- filter: the kind filter narrowed (to "reported fact") with every claim selected, the claims
  it still shows staying selected, against the same filter change with none selected.

Runs alternate between ours and the baseline (timing.paired_own_medians); the setup of each
run (the selection cleared, the assignment undone) is not timed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from board_speed import copy_library
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QTableView
from timing import paired_own_medians

from briefing_app.core.library import Library

QUESTION = "Who is behind the attacks on the mines?"


class _TrivialModel(QAbstractTableModel):
    """rows x columns cells, each showing its row number: what any table model costs."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self._rows, self._columns = rows, columns

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the rows."""
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the columns."""
        return 0 if parent.isValid() else self._columns

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the row number as the cell's text."""
        return str(index.row()) if role == Qt.ItemDataRole.DisplayRole else None


def _window(lib: Library) -> Any:
    """Return the main window on lib, shown, with the claims table filled."""
    from briefing_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    deadline = time.perf_counter() + 60
    while window.claims_panel.model.total() == 0 and time.perf_counter() < deadline:
        app.processEvents()  # a big library fills the claims table after the first paint
    app.processEvents()
    return window


def _timed(fn: Callable[[], object], before: Callable[[], object] = lambda: None) -> float:
    before()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def measure(library: Path, work: Path, runs: int) -> dict[str, float]:
    """Return ours and the baselines, in seconds, for Ctrl+A, the menu, assign and undo."""
    os.environ.setdefault("BRIEFING_SETTINGS_DIR", str(work / "settings-multiselect"))
    path = copy_library(library, work / "multiselect.sqlite")
    lib = Library.open(path, backup=False)
    question = lib.questions.add(QUESTION)
    window = _window(lib)
    app = QApplication.instance()
    assert app is not None
    panel = window.claims_panel
    view = panel.view
    rows = panel.model.rowCount()
    plain = QTableView()
    plain.setModel(_TrivialModel(rows, panel.model.columnCount()))
    plain.resize(view.size())
    plain.show()
    raw = sqlite3.connect(path)

    def press_ctrl_a(table: QTableView) -> None:
        table.setFocus()
        QTest.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        table.viewport().grab()

    def clear(table: QTableView) -> None:
        table.clearSelection()
        app.processEvents()

    ctrl_a, ctrl_a_plain = paired_own_medians(
        runs,
        lambda: _timed(lambda: press_ctrl_a(view), lambda: clear(view)),
        lambda: _timed(lambda: press_ctrl_a(plain), lambda: clear(plain)),
    )
    result = {"rows": float(rows), "ctrl_a_ours": ctrl_a, "ctrl_a_baseline": ctrl_a_plain}
    selected = panel.selected_count()
    assert selected == rows, (selected, rows)
    questions = len(lib.questions.all())

    def our_menu() -> QMenu:
        return panel.context_menu()

    def plain_menu() -> QMenu:
        selection = plain.selectionModel().selection()
        ranges = [(selection.at(i).top(), selection.at(i).bottom()) for i in range(len(selection))]
        menu = QMenu(plain)
        sub = menu.addMenu("Assign to question")
        for n in range(questions):
            sub.addAction(f"Q{n + 1} — {QUESTION} {ranges[0]}")
        return menu

    menu_ours, menu_plain = paired_own_medians(
        runs,
        lambda: _timed(lambda: our_menu().deleteLater()),
        lambda: _timed(lambda: plain_menu().deleteLater()),
    )
    result |= {"menu_ours": menu_ours, "menu_baseline": menu_plain}

    def assign_action() -> Any:
        menu = panel.context_menu()
        sub = menu.actions()[0].menu()
        return menu, next(a for a in sub.actions() if a.text().startswith(question.key + " "))

    def assign() -> float:
        menu, action = assign_action()
        started = time.perf_counter()
        action.trigger()
        view.viewport().grab()
        seconds = time.perf_counter() - started
        menu.deleteLater()
        assert len(lib.questions.get(question.id).claim_keys) == rows
        assert panel.selected_count() == rows  # the selection stays for the next question
        return seconds

    def undo() -> float:
        started = time.perf_counter()
        window.undo_stack.undo()
        view.viewport().grab()
        seconds = time.perf_counter() - started
        assert not lib.questions.get(question.id).claim_keys
        return seconds

    def raw_assign() -> float:
        started = time.perf_counter()
        with raw:
            raw.execute(
                "INSERT INTO question_claims (question_id, claim_id, position) "
                "SELECT ?, id, row_number() OVER (ORDER BY id) - 1 FROM claims",
                (question.id,),
            )
        return time.perf_counter() - started

    def raw_unassign() -> float:
        started = time.perf_counter()
        with raw:
            raw.execute("DELETE FROM question_claims WHERE question_id = ?", (question.id,))
        return time.perf_counter() - started

    assigned: list[float] = []
    undone: list[float] = []
    raw_assigned: list[float] = []
    raw_undone: list[float] = []
    for _ in range(runs + 1):  # the first of each is a warm-up
        assigned.append(assign())
        undone.append(undo())
        raw_assigned.append(raw_assign())
        raw_undone.append(raw_unassign())

    def median(values: list[float]) -> float:
        kept = sorted(values[1:])
        return kept[len(kept) // 2]

    result |= {
        "assign_ours": median(assigned),
        "assign_baseline": median(raw_assigned),
        "undo_ours": median(undone),
        "undo_baseline": median(raw_undone),
    }
    kind = panel.kind_filter
    narrower = kind.itemData(kind.findText("reported fact"))

    def filtered(select_all: bool) -> float:
        panel.set_filter_value(kind, None)
        if select_all:
            press_ctrl_a(view)
        else:
            window.sources.clear_selection()
        started = time.perf_counter()
        panel.set_filter_value(kind, narrower)
        view.viewport().grab()
        seconds = time.perf_counter() - started
        kept = panel.selected_count()
        assert kept == (panel.model.rowCount() if select_all else 0), kept
        return seconds

    filter_ours, filter_plain = paired_own_medians(
        runs, lambda: filtered(True), lambda: filtered(False)
    )
    result |= {"filter_ours": filter_ours, "filter_baseline": filter_plain}
    panel.set_filter_value(kind, None)
    raw.close()
    plain.close()
    window.close()
    lib.close()
    return result


def main() -> None:
    """Print ours against the baselines for each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-multiselect-") as tmp:
        m = measure(args.library, Path(tmp), args.runs)
    print(f"{m['rows']:,.0f} claims")
    for step in ("ctrl_a", "menu", "assign", "undo", "filter"):
        ours, baseline = m[f"{step}_ours"], m[f"{step}_baseline"]
        print(f"{step:8} {ours * 1000:8.1f} ms  baseline {baseline * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
