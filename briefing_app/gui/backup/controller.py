"""Backups from the window: the on-open backup as a background task, File ▸ Restore from backup.

The window places the restore action in its File menu; the controller asks the window only
through its services.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from briefing_app.core.storage.backup import BackupInfo
    from briefing_app.gui.tasks import Task


class BackupController(QObject):
    """Backups from the window (issue 9)."""

    def __init__(self, services: Services, lib: Library, tasks: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.tasks = tasks
        self.restore_backup_action = QAction("Restore from &backup…", self)
        self.restore_backup_action.setStatusTip("Bring back the library as it was in a backup")
        self.restore_backup_action.triggered.connect(self.choose_backup_to_restore)

    def attach(self, lib: Library) -> None:
        """Back up and restore this library from now on."""
        self.lib = lib

    def start_background_backup(self) -> Task[Path | None] | None:
        """Make the on-open backup as a background task (the library opens with backup=False).

        Copying and verifying a large library takes about 0.7 s. Tasks queued after this
        one (a package merged on start) find the library backed up as it was before them.
        """
        path = self.lib.path
        if path is None:
            return None
        # Imported here, in the UI thread, once the window has shown (not at start-up).
        from briefing_app.core.storage.backup import backup_on_open

        task = self.tasks.run(
            self.lib,
            lambda lib: backup_on_open(lib.conn, path),
            description="The backup on open",
            failure="No backup made",
        )
        task.succeeded.connect(self._backup_made)
        return task

    def _backup_made(self, made: Path | None) -> None:
        if made is not None:
            self.services.show_status(f"Backed up the library to {made.name}", 4000)

    def choose_backup_to_restore(self) -> None:
        """Ask for a backup, confirm, and restore it into the open library."""
        if self.lib.path is None:
            self.services.show_error("an in-memory library has no backups")
            return
        from briefing_app.gui.backup.restore_dialog import RestoreBackupDialog

        parent = self.services.dialog_parent()
        info = RestoreBackupDialog.ask(parent, self.lib.path)
        if info is not None and RestoreBackupDialog.confirm(parent, info):
            self.restore_backup(info)

    def restore_backup(self, info: BackupInfo) -> bool:
        """Replace the library's content with a backup's; every view reloads."""
        from briefing_app.gui.backup.restore_dialog import describe_restore

        # The backup made on open may still be copying the file being replaced.
        self.tasks.wait()
        try:
            saved = self.lib.restore_backup(info.path)
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return False
        # Undo steps refer to records as they were before the restore.
        self.services.forget_history()
        self.services.show_status(describe_restore(info, saved), 8000)
        return True
