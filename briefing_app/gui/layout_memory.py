"""Layout memory: the window's geometry, docks and splitter sizes as the analyst left them,
and a sensible division of the window the first time it shows."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter

from briefing_app.gui.settings import app_settings

# Narrower than this, a column of the main splitter is no longer readable (px).
_NARROWEST_PANE = 200


class LayoutMemory:
    """Restores and saves a main window's layout in the app's settings."""

    def __init__(self, window: QMainWindow, main: QSplitter, centre: QSplitter) -> None:
        self.window = window
        self.main = main  # sources | reader and claims | inspector
        self.centre = centre  # reader over claims table
        # The splitters of every part built so far, saved and restored by object name.
        self.splitters: list[QSplitter] = []
        self._restored = False

    def restore_geometry(self) -> None:
        """Put the window where it was, or give it its default size."""
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1440, 900)

    def restore_docks(self) -> None:
        """Open or close the docks, and put the toolbar, where the analyst left them."""
        state = app_settings().value("window/state")
        if isinstance(state, QByteArray):
            self.window.restoreState(state)

    def restore_splitters(self, splitters: list[QSplitter]) -> None:
        """Give the splitters their saved sizes; remember them for save()."""
        self.splitters += splitters
        settings = app_settings()
        for splitter in splitters:
            state = settings.value(f"splitters/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                self._restored = splitter.restoreState(state) or self._restored

    def shown(self) -> None:
        """On the very first show with nothing saved, divide the window sensibly."""
        if not self._restored:
            self._restored = True
            # After the first layout pass, when the splitters know their real size.
            QTimer.singleShot(0, self._default_layout)

    def _default_layout(self) -> None:
        self._divide_main(self.main.width())
        height = self.centre.height()
        self.centre.setSizes([int(height * 0.6), int(height * 0.4)])

    def _divide_main(self, width: int) -> None:
        self.main.setSizes([int(width * 0.28), int(width * 0.46), int(width * 0.26)])

    def balance_panes(self) -> None:
        """Give the sources and inspector columns their share back when they got too narrow."""
        sizes = self.main.sizes()
        if sizes and min(sizes) < _NARROWEST_PANE:
            self._divide_main(sum(sizes))

    def save(self, with_docks: bool) -> None:
        """Remember the window geometry, the docks (if built) and the splitter sizes."""
        settings = app_settings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        if with_docks:
            settings.setValue("window/state", self.window.saveState())
        for splitter in self.splitters:
            settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        settings.sync()
