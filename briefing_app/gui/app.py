"""Starting the desktop app: the QApplication, the library, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app import __version__
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library


def run(library_path: Path) -> int:
    """Open the library at library_path in the main window and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationVersion(__version__)
    try:
        lib = Library.open(library_path)
    except BriefingError as exc:
        QMessageBox.critical(None, "Briefing", str(exc))
        return 1
    from briefing_app.gui.main_window import MainWindow

    window = MainWindow(lib)
    window.show()
    return app.exec()
