"""Noticing what other processes (the CLI, another window) changed in the open library.

The window polls when the application becomes active and every few seconds after; each poll
is one `PRAGMA data_version` unless another connection committed, then the commit log's new
rows (core/storage/outside_changes.py). The window's own commits are skipped: its background
tasks write under its writer (gui/tasks.py) and are announced once, by the task. What other
processes changed is announced through the window's library, so every view refreshes as after
its own write, and a note editor with unsaved typing keeps it (a save then meets the other text
as a conflict, see gui/notes/section_conflicts.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from briefing_app.core.changes import Changes
from briefing_app.core.library import Library
from briefing_app.core.storage.outside_changes import OutsideChanges
from briefing_app.gui.startup_trace import mark

POLL_MS = 3000


class OutsidePoller(QObject):
    """Announces changes committed by other connections to the window's library."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._lib: Library | None = None
        self._watcher: OutsideChanges | None = None
        self._started = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def attach(self, lib: Library) -> None:
        """Watch a (newly opened) library from what it holds now, before the views read it."""
        self._lib = lib
        # Two small reads: the starting point is taken before the views read the library, so
        # what another process commits meanwhile is reported by the first poll (no more than
        # that); the window's own early commits (a task started at once) are skipped.
        self._watcher = OutsideChanges(lib)
        self._started = False
        self.timer.start()

    def start(self) -> None:
        """Poll for the first time (the window has painted): earlier polls wait for this."""
        if self._lib is not None and not self._started and not self._lib.closed:
            self._started = True
            self.poll()
            mark("outside changes: first poll")

    @property
    def started(self) -> bool:
        """Return whether the first poll has run (after the window's first paint)."""
        return self._started

    def stop(self) -> None:
        """Stop polling (the window closes)."""
        self.timer.stop()
        self._lib = None
        self._watcher = None

    def poll(self) -> Changes:
        """Announce (and return) what other connections changed since the last poll."""
        lib, watcher = self._lib, self._watcher
        if lib is None or lib.closed or watcher is None:
            return Changes()
        self._started = True
        changes = watcher.poll()
        lib.announce(changes)
        return changes

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        # Not before start(): the window becomes active as it shows, before its first paint,
        # and views refreshing then would delay the paint.
        if state == Qt.ApplicationState.ApplicationActive and self._started:
            self.poll()
