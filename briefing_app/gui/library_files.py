"""Library files: File ▸ New library, Open library and Open recent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from briefing_app.gui.actions import make_action
from briefing_app.gui.services import Services
from briefing_app.gui.settings import recent_libraries


class LibraryFiles(QObject):
    """Asks which library file to create or open, then hands it to open_library."""

    def __init__(self, services: Services, open_library: Callable[[Path], None]) -> None:
        super().__init__()
        self.services = services
        self.open_library = open_library
        self.new_library_action = make_action(
            self,
            "&New library…",
            self.choose_new_library,
            QKeySequence.StandardKey.New,
            "library-new",
            "Start a new, empty library file",
        )
        self.open_library_action = make_action(
            self,
            "&Open library…",
            self.choose_open_library,
            "Ctrl+Shift+O",
            "library-open",
            "Open another library file",
        )
        self.recent_menu = QMenu("Open &recent")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def choose_new_library(self) -> None:
        """Ask where to create a new, empty library and open it."""
        from briefing_app.gui.dialogs.file_dialogs import save_file_name

        name, _ = save_file_name(
            self.services.dialog_parent(),
            "New library",
            "library.sqlite",
            "Briefing libraries (*.sqlite)",
        )
        if name:
            path = Path(name)
            if path.exists():
                self.services.show_error(f"{path}: already exists; use Open library instead")
                return
            self.open_library(path)

    def choose_open_library(self) -> None:
        """Ask for a library file and open it."""
        from briefing_app.gui.dialogs.file_dialogs import open_file_name

        name = open_file_name(
            self.services.dialog_parent(),
            "Open library",
            "",
            "Briefing libraries (*.sqlite);;All files (*)",
        )
        if name:
            self.open_library(Path(name))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_libraries():
            # The folder tells apart two libraries of the same name; the full path on hover.
            action = self.recent_menu.addAction(f"{path.name}  —  {_short_folder(path.parent)}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_library(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent libraries").setEnabled(False)


def _short_folder(folder: Path) -> str:
    """Return the folder as shown in Open recent: under the home folder, with ~."""
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)
