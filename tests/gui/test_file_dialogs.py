"""File choosers that list the library's folder keep the library safe from other processes.

Closing any descriptor of a file drops the process's POSIX locks on it; a chooser reading the
listed files to name their types did that to the library, and the next outside reader to close
its connection deleted the WAL under the window (walk of the weighing and interchange features).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX locks: Windows locks files another way"
)

_READ_AND_CLOSE = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "print(conn.execute('SELECT count(*) FROM notes').fetchone()[0])\n"
    "conn.close()\n"
)


def _outside_count(path: Path) -> int:
    """Count the notes as another process reading the library (sqlite-utils, the CLI) does."""
    done = subprocess.run(
        [sys.executable, "-c", _READ_AND_CLOSE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return int(done.stdout)


def _list_folder_in_open_library_chooser(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """Open File ▸ Open library, show the folder in it (each file's type named), then cancel."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

    listed: list[int] = []

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, in_the_dialog)
            return
        dialog.setDirectory(str(folder))
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        root = model.index(str(folder))
        qtbot.waitUntil(lambda: model.rowCount(root) > 0)
        for row in range(model.rowCount(root)):
            model.type(model.index(row, 0, root))  # what the Type column paints
        listed.append(model.rowCount(root))
        dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    window.open_library_action.trigger()
    assert listed, "the chooser did not show"


def test_listing_the_library_folder_in_a_chooser_keeps_outside_readers_from_losing_writes(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    assert demo_lib.path is not None
    path = Path(demo_lib.path)
    _list_folder_in_open_library_chooser(qtbot, window, path.parent)
    notes = len(demo_lib.notes.all())
    assert _outside_count(path) == notes
    # The outside reader closed: the library's write-ahead log must still be the window's.
    assert Path(f"{path}-wal").exists()
    demo_lib.notes.create("Written after the chooser", "sitrep", [("summary", "Summary")])
    assert _outside_count(path) == notes + 1


def test_a_chooser_opens_where_the_last_file_was_chosen_not_where_briefing_started(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A supervisor who saved a package in their review folder finds it there when choosing
    the next file, not in the folder the program happened to be started from."""
    from briefing_app.gui.dialogs.file_dialogs import file_chooser, remember_folder

    monkeypatch.chdir(tmp_path)  # where Briefing was started: no place to offer
    first = file_chooser(None, "Import", "")
    assert Path(first.directory().absolutePath()) == Path.home()
    first.deleteLater()

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    remember_folder(inbox / "note.briefpack")
    chooser = file_chooser(None, "Import", "")
    assert Path(chooser.directory().absolutePath()) == inbox
    chooser.deleteLater()
    # A bare suggested name is offered in that folder too; a full path stays as given.
    saving = file_chooser(None, "Export", "sources.ris", save=True)
    assert Path(saving.directory().absolutePath()) == inbox
    assert saving.selectedFiles() == [str(inbox / "sources.ris")]
    saving.deleteLater()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    given = file_chooser(None, "Export", str(elsewhere / "x.ris"), save=True)
    assert Path(given.directory().absolutePath()) == elsewhere
    given.deleteLater()
