"""Starting the desktop app: the QApplication, the library, the main window."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app import __version__
from briefing_app.core.backup import backup_if_due
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library


def application() -> QApplication:
    """Return the QApplication, creating it with the app's names the first time."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("Briefing")
    return app


def open_first_library(library_path: Path) -> tuple[Library, bool]:
    """Open the library; on first start (no file yet) create it with the demo. Say which.

    No rolling backup on the way: copying a large library takes seconds, so `run` makes it in
    a worker thread once the window shows (`back_up_in_background`). A schema upgrade still
    backs up first, inside Library.open.
    """
    first_start = not library_path.exists()
    lib = Library.open(library_path, backup=False)
    if first_start:
        from briefing_app.core.demo import build_demo

        build_demo(lib)
    return lib, first_start


def back_up_in_background(
    library_path: Path, report: SignalInstance | None = None
) -> threading.Thread:
    """Make the on-open rolling backup if due, in a thread with its own connection.

    A failure is reported through report(message) (a Qt signal, so the GUI thread shows it);
    the thread is not a daemon, so quitting waits for a backup in progress to finish.
    """

    def work() -> None:
        try:
            backup_if_due(library_path)
        except (BriefingError, OSError) as exc:
            if report is not None:
                report.emit(f"No backup made: {exc}")

    thread = threading.Thread(target=work, name="briefing-backup")
    thread.start()
    return thread


def run(library_path: Path) -> int:
    """Open the library at library_path in the main window and run the event loop."""
    app = application()
    try:
        lib, first_start = open_first_library(library_path)
    except BriefingError as exc:
        QMessageBox.critical(None, "Briefing", str(exc))
        return 1
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.gui.settings import remember_library

    remember_library(library_path)
    window = MainWindow(lib)
    window.show_sample_hint(first_start)
    window.show()
    # A library just created holds only the demo: nothing to back up yet.
    backup = None if first_start else back_up_in_background(library_path, window.background_error)
    status = app.exec()
    if backup is not None:
        backup.join()
    return status
