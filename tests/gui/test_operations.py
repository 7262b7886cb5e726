"""Tooltips, deleting claims, cancelling imports and the blocking import dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from briefing_app.core.importers import batch
from briefing_app.core.library import Library
from briefing_app.gui.dialogs.import_dialog import ImportDialog, import_task
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.tasks import TaskRunner
from tests.conftest import write_fixture
from tests.core.importers.test_parallel_import import pages_read_here


def test_hovering_a_highlight_shows_its_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    claim = demo_lib.claims.get(6)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(claim.start + 3)
    reader.setTextCursor(cursor)
    point = reader.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert claim.key in QToolTip.text()
    assert claim.party in QToolTip.text()


def test_deleting_a_claim_in_the_inspector_is_undone_with_its_key(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.confirm = lambda title, text, yes: True  # the demo note cites C2
    window.sources.select_claim(2)
    window.inspector.delete_button.click()
    assert demo_lib.claims.by_key("C2") is None
    # Nothing is selected after a delete (a second Del must not delete a neighbour).
    assert window.inspector.claim is None or window.inspector.claim.key != "C2"
    assert window.undo_action.text() == "&Undo Delete claim C2"
    window.undo_stack.undo()
    restored = demo_lib.claims.by_key("C2")
    assert restored is not None and restored.id == 2
    assert window.claims_panel.model.position_of(2) is not None


def test_tagging_without_a_selection_explains_what_to_do(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    before = demo_lib.claims.count()
    window.reader.setTextCursor(QTextCursor(window.reader.document()))
    window.tag_action.trigger()
    assert demo_lib.claims.count() == before
    assert "Select a passage" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_a_cancelled_import_stops_before_the_next_file(
    qtbot: QtBot, lib: Library, tmp_path: Path
) -> None:
    files = [write_fixture(tmp_path / f"in/{n}.txt", f"Article {n}\n\nBody {n}.") for n in "abc"]
    assert lib.path is not None
    runner = TaskRunner()
    task = import_task(runner, lib, files)
    task.cancel()  # before the worker reaches the first file
    with qtbot.waitSignal(task.succeeded, timeout=20_000) as blocker:
        pass
    runner.wait()
    summary = blocker.args[0]
    assert summary.cancelled and summary.outcomes == []
    assert lib.sources.count() == 0


def test_import_dialog_run_returns_the_summary(qtbot: QtBot, lib: Library, tmp_path: Path) -> None:
    good = write_fixture(tmp_path / "in" / "good.md", "# Good\n\nSome text.")
    empty = write_fixture(tmp_path / "in" / "empty.txt", "   ")
    summary = ImportDialog.run(None, lib, [good, empty])
    assert summary is not None
    assert [o.status for o in summary.outcomes] == ["imported", "failed"]
    assert "empty.txt" in str(summary.outcomes[1].path)
    assert lib.sources.count() == 1


def test_importing_a_big_folder_leaves_reading_to_worker_processes(
    qtbot: QtBot, lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page parsed on the import thread holds the GIL the window needs to answer the user.
    folder = tmp_path / "in"
    for n in range(batch.PARALLEL_FROM):
        write_fixture(folder / f"{n}.md", f"# Article {n}\n\nBody of article {n}.")
    read_here = pages_read_here(monkeypatch)
    summary = ImportDialog.run(None, lib, [folder])
    assert summary is not None
    assert summary.line() == f"{batch.PARALLEL_FROM} imported, 0 duplicate, 0 failed"
    assert read_here == []
    assert lib.sources.count() == batch.PARALLEL_FROM


def test_window_starts_the_claims_table_at_every_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    assert window.claims_panel.model.rowCount() == demo_lib.claims.count()
    assert window.claims_panel.count_label.text() == f"{demo_lib.claims.count()} claims"
    assert window.reader.toPlainText() == demo_lib.sources.get(1).text
    # The demo note is open in the Note tab, so it can be exported.
    assert window.note_workspace.note is not None
    assert window.export_action.isEnabled() is True
    assert window.mapToGlobal(QPoint(0, 0)) is not None


def test_keyboard_moves_between_panes_and_deletes_the_selected_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClick(window.reader, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.claims_panel.view
    assert view.hasFocus()
    window.claims_panel.select_claim(4)
    window.sources.select_claim(4)
    window.sources.confirm = lambda title, text, yes: True  # the demo note cites C4
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert demo_lib.claims.by_key("C4") is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_lib.claims.by_key("C4") is not None
