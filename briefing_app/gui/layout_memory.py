"""Layout memory: the window's geometry, docks, named layout, splitters and table columns as
the analyst left them, and a window that fits its screen the first time it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QTimer
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from briefing_app.gui.docks import LAYOUTS
from briefing_app.gui.settings import app_settings

if TYPE_CHECKING:
    from briefing_app.gui.docks import PanelDocks

# Bumped when the docks change: a state saved by an older window (panels in splitters, one
# dock) is not restored over the new docks; the chosen layout is applied instead.
# 3: the review pane waits as a tab behind the inspector (a state of 2 kept it stacked under
# the inspector, squeezing it at 768 px high).
DOCK_STATE_VERSION = 3
# The size the window asks for at first start, when the screen has room for it (px).
DEFAULT_SIZE = (1440, 900)


class LayoutMemory:
    """Restores and saves a main window's layout in the app's settings."""

    def __init__(self, window: QMainWindow, docks: PanelDocks) -> None:
        self.window = window
        self.docks = docks
        # The splitters and table headers of every part built so far, saved by name.
        self.splitters: list[QSplitter] = []
        self.headers: dict[str, QHeaderView] = {}
        self._state_restored = False
        self._shown = False

    def restore_geometry(self) -> None:
        """Put the window where it was, or fit the default size to the screen's free area."""
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and self.window.restoreGeometry(geometry):
            return
        screen = self.window.screen()
        self.window.resize(*first_start_size(screen.availableGeometry() if screen else None))

    def restore_docks(self) -> None:
        """Put the docks and the toolbar where the analyst left them, or apply the layout."""
        settings = app_settings()
        name = str(settings.value("window/layout", "read"))
        self.docks.current = name if name in LAYOUTS else "read"
        self.docks.layout_actions[self.docks.current].setChecked(True)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and self.window.restoreState(state, DOCK_STATE_VERSION):
            self._state_restored = True
        else:
            self.docks.apply(self.docks.current)

    def restore_splitters(self, splitters: list[QSplitter]) -> None:
        """Give the splitters their saved sizes; remember them for save()."""
        self.splitters += splitters
        settings = app_settings()
        for splitter in splitters:
            state = settings.value(f"splitters/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def restore_headers(self, headers: dict[str, QHeaderView]) -> None:
        """Give table columns their saved widths and order; remember them for save()."""
        self.headers.update(headers)
        settings = app_settings()
        for name, header in headers.items():
            state = settings.value(f"headers/{name}")
            if isinstance(state, QByteArray):
                header.restoreState(state)

    def shown(self) -> None:
        """On the first show with no saved dock state, apply the chosen layout."""
        if not self._shown:
            self._shown = True
            if not self._state_restored:
                # After the first layout pass, when the window knows its real width.
                QTimer.singleShot(0, self.window, lambda: self.docks.apply(self.docks.current))

    def save(self, with_docks: bool) -> None:
        """Remember the geometry, the docks and layout (if built), splitters and columns."""
        settings = app_settings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        if with_docks:
            settings.setValue("window/state", self.window.saveState(DOCK_STATE_VERSION))
            settings.setValue("window/layout", self.docks.current)
        for splitter in self.splitters:
            settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        for name, header in self.headers.items():
            settings.setValue(f"headers/{name}", header.saveState())
        settings.sync()


def first_start_size(free: QRect | None) -> tuple[int, int]:
    """Return the window's size at first start: the default, shrunk to the screen's free area."""
    width, height = DEFAULT_SIZE
    if free is not None and free.width() > 0:
        # The frame (title bar, borders) takes a little more than the client area.
        width, height = min(width, free.width() - 16), min(height, free.height() - 40)
    return width, height
