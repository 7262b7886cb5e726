"""The rolling on-open backup, made in a worker thread after the window shows.

Copying and verifying a large library takes about 0.7 s; the app opens the library with
backup=False and runs `backup_if_due` here instead, through its own read-only connection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from briefing_app.core.errors import BriefingError


class _Relay(QObject):
    done = Signal(str)


class BackgroundBackup(QObject):
    """Runs backup_if_due off the UI thread; `finished` carries a one-line outcome."""

    finished = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relays: list[_Relay] = []

    def start(self, lib_path: Path) -> None:
        """Back up the library at lib_path if one is due; report through `finished`."""
        # Imported here, in the UI thread, once the window has shown (not at start-up).
        from briefing_app.core.storage.backup import backup_if_due

        relay = _Relay()
        relay.done.connect(self._done)
        self._relays.append(relay)

        def run() -> None:
            try:
                made = backup_if_due(lib_path)
                message = f"Backed up the library to {made.name}" if made else ""
            except BriefingError as exc:
                message = f"⚠ No backup made: {exc}"
            except OSError as exc:
                message = f"⚠ No backup made: {lib_path}: {exc.strerror or exc}"
            relay.done.emit(message)

        self.pool.start(run)

    def running(self) -> bool:
        """Return whether a backup is being made."""
        return bool(self._relays)

    def wait(self) -> None:
        """Block until the backup in progress is written (on close)."""
        self.pool.waitForDone()

    def _done(self, message: str) -> None:
        self._relays = self._relays[1:]
        self.finished.emit(message)
