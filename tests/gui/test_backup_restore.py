"""File ▸ Restore from backup brings back deleted work; the on-open backup runs in a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.core.storage.backup import BackupInfo, list_backups, make_backup
from briefing_app.gui.backup.restore_dialog import RestoreBackupDialog
from briefing_app.gui.main_window import MainWindow


def test_restore_brings_back_a_deleted_claim_and_the_views_show_it(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_lib.path is not None
    make_backup(demo_lib.path)
    claim = demo_lib.claims.all()[0]
    window.sources.show_claim(claim.id)
    window.sources.confirm = lambda title, text, yes: True  # the demo note cites it
    window.inspector.delete_requested.emit(claim.id)
    assert claim.id not in window.claims_panel.model.ids()
    assert not window.reader.claims_at(claim.start)

    dialog = RestoreBackupDialog(window, demo_lib.path)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.list.currentRow() == 0
    assert dialog.status.text().startswith("✓ Verified")
    assert dialog.restore_button.isEnabled()
    chosen = dialog.verified
    monkeypatch.setattr(RestoreBackupDialog, "ask", classmethod(lambda cls, p, path: chosen))
    monkeypatch.setattr(RestoreBackupDialog, "confirm", classmethod(lambda cls, p, info: True))
    window.backups.restore_backup_action.trigger()

    assert demo_lib.claims.get(claim.id).key == claim.key
    assert claim.id in window.claims_panel.model.ids()
    assert window.reader.claims_at(claim.start) == [claim.id]
    assert "Restored the backup" in window.statusBar().currentMessage()
    # The content it replaced was itself backed up first.
    assert len(list_backups(demo_lib.path)) == 2
    assert not window.undo_stack.canUndo()


def test_a_damaged_backup_cannot_be_chosen(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    assert demo_lib.path is not None
    made = make_backup(demo_lib.path)
    made.write_bytes(b"not a database at all" * 100)
    dialog = RestoreBackupDialog(window, demo_lib.path)
    qtbot.addWidget(dialog)
    assert dialog.status.text().startswith("⚠")
    assert made.name in dialog.status.text()
    assert not dialog.restore_button.isEnabled()


def test_the_on_open_backup_is_made_in_the_background(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    assert demo_lib.path is not None and list_backups(demo_lib.path) == []
    task = window.start_background_backup()
    assert task is not None
    with qtbot.waitSignal(task.finished):
        pass  # made by a background task: its result arrives through the event loop
    assert "Backed up the library" in window.statusBar().currentMessage()
    backups = list_backups(demo_lib.path)
    assert len(backups) == 1 and isinstance(backups[0], BackupInfo)


def test_the_app_opens_the_library_without_a_blocking_backup(tmp_path: Path) -> None:
    from briefing_app.gui.app import open_first_library

    path = tmp_path / "lib.sqlite"
    lib, _ = open_first_library(path)
    lib.close()
    lib, first = open_first_library(path)
    lib.close()
    assert not first and list_backups(path) == []


def test_run_makes_the_on_open_backup_after_the_window_shows(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui import app as gui_app
    from briefing_app.gui.app import open_first_library

    path = tmp_path / "lib.sqlite"
    open_first_library(path)[0].close()
    outcomes: list[str] = []

    def fake_exec() -> int:
        # The window run() opened on this library (earlier tests' windows may still exist).
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.lib.path == path
        )
        assert window.isVisible()
        with qtbot.waitSignal(window.tasks.task_finished):
            pass  # the backup starts from the event loop, once the window is up
        outcomes.append(window.statusBar().currentMessage())
        window.close()
        window.lib.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert gui_app.run(path) == 0
    assert outcomes and "Backed up the library" in outcomes[0]
    assert len(list_backups(path)) == 1
