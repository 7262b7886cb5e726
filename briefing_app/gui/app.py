"""Starting the desktop app: the library, the QApplication, the main window.

The library opens before Qt is loaded: PySide6 reads the source of every module imported
after it (to see whether the module uses its `__feature__` switches, ~0.2 ms a module), and
opening a library loads some thirty core modules, which need no Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# First, so the trace's zero is before Qt loads.
from briefing_app.gui.startup_trace import mark  # isort: skip

from briefing_app import __version__
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

mark("the core loaded")


def application() -> QApplication:
    """Return the QApplication, creating it with the app's names the first time."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("Briefing")
    return app


def open_first_library(library_path: Path) -> tuple[Library, bool]:
    """Open the library; on first start (no file yet) create it with the demo. Say which.

    No rolling backup on the way: copying a large library takes seconds, so the window makes
    it in a worker once it shows (`MainWindow.start_background_backup`). A schema upgrade
    still backs up first, inside Library.open.
    """
    first_start = not library_path.exists()
    lib = Library.open(library_path, backup=False)
    if first_start:
        from briefing_app.core.bundled.demo import build_demo

        build_demo(lib)
    return lib, first_start


def run(library_path: Path, open_files: Sequence[Path] = ()) -> int:
    """Open the library in the main window, then any review packages given, and run the loop."""
    try:
        lib, first_start = open_first_library(library_path)  # before Qt: see the docstring
    except BriefingError as exc:
        application()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Briefing", str(exc))
        return 1
    mark("library opened")
    from PySide6.QtCore import QTimer

    app = application()
    mark("Qt loaded, QApplication made")
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.gui.settings import remember_library

    mark("window modules loaded")
    remember_library(library_path)
    window = MainWindow(lib)
    mark("window built")
    window.show_sample_hint(first_start)
    window.show()
    mark("window.show() returned")
    if open_files:
        # The backup first: it is the way back from a merge the analyst did not want.
        QTimer.singleShot(0, window.start_background_backup)
        for path in open_files:
            QTimer.singleShot(0, lambda p=path: window.review.import_review_pack(p))
    else:
        # Once every pane is built: the worker would compete with the window for the
        # interpreter.
        window.completed.connect(window.start_background_backup)
    return app.exec()
