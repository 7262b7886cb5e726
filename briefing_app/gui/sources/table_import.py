"""A claims table edited in a spreadsheet, back through File ▸ Import or a drop (saved as CSV):
the claims it lists take its values, off the UI thread, as one step of Edit ▸ Undo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefing_app.core.library import Library
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from briefing_app.core.models import Claim
    from briefing_app.core.records.claims_table import TableUpdate
    from briefing_app.gui.tasks import Task


class TableImportController(QObject):
    """Reads claims tables back; updated fires with the TableUpdate once it is recorded."""

    updated = Signal(object)

    def __init__(self, services: Services, lib: Library, tasks: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.tasks = tasks

    def attach(self, lib: Library) -> None:
        """Update the claims of this library from now on."""
        self.lib = lib

    def import_table(self, path: Path) -> Task[TableUpdate]:
        """Set the claims path lists to its values; the status bar says how many changed."""
        from briefing_app.core.records.claims_table import update_claims_from_table

        task = self.tasks.run(
            self.lib,
            lambda lib: update_claims_from_table(lib, path),
            description=f"Reading {path.name} back",
            failure="No claim was changed",
        )
        task.succeeded.connect(self._done)
        return task

    def _done(self, update: TableUpdate) -> None:
        from briefing_app.core.records.claims_table import revert_claims

        lib = self.lib
        if update.before:

            def revert(claims: list[Claim]) -> list[Claim]:
                return revert_claims(lib, claims)

            command = LibraryCommand(
                f"Update claims from {update.name}", lambda: update.before, revert, revert
            )
            command.on_error = self.services.show_error
            command.execute()  # already done off the UI thread: this records what undo takes
            self.services.record(command)
        self.services.show_status(update.line(), 8000)
        self.updated.emit(update)
