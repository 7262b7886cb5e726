"""Noticing what other processes (the CLI, another window) changed in the open library.

The window polls when the application becomes active and every few seconds after; each poll
is one `PRAGMA data_version` unless another connection committed (core/storage/
outside_changes.py). What it finds is announced through the window's library, so every view
refreshes as after its own write, and a note editor with unsaved typing keeps it (a save then
meets the other text as a conflict, see gui/notes/section_conflicts.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from briefing_app.core.changes import Changes
from briefing_app.core.library import Library
from briefing_app.core.storage.outside_changes import OutsideChanges, data_version
from briefing_app.gui.startup_trace import mark

POLL_MS = 3000


class OutsidePoller(QObject):
    """Announces changes committed by other connections to the window's library."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._lib: Library | None = None
        self._watcher: OutsideChanges | None = None
        self._seen_version: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def attach(self, lib: Library) -> None:
        """Watch a (newly opened) library from what it holds now."""
        self._lib = lib
        # The starting point is taken at the first poll, after the paint (it reads the big
        # tables); a commit made elsewhere before then is noticed by this marker.
        self._watcher = None
        self._seen_version = data_version(lib)
        self.timer.start()

    def start(self) -> None:
        """Take the starting point now (the window has painted): later changes are reported."""
        if self._lib is not None and self._watcher is None and not self._lib.closed:
            self._watcher = OutsideChanges(self._lib, self._seen_version)
            mark("outside changes: starting point taken")
            # Committed elsewhere since the views read the library: they reload.
            self._lib.announce(self._watcher.before_start)

    def stop(self) -> None:
        """Stop polling (the window closes)."""
        self.timer.stop()
        self._lib = None
        self._watcher = None

    def poll(self) -> Changes:
        """Announce (and return) what other connections changed since the last poll."""
        lib = self._lib
        if lib is None or lib.closed:
            return Changes()
        if self._watcher is None:
            self.start()
            return self._watcher.before_start if self._watcher is not None else Changes()
        changes = self._watcher.poll()
        lib.announce(changes)
        return changes

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        # Not before start(): the window becomes active as it shows, before its first paint,
        # and taking the starting point reads the big tables (~50 ms on 100,000 claims).
        if state == Qt.ApplicationState.ApplicationActive and self._watcher is not None:
            self.poll()
