"""Importing a REFI-QDA project (.qdpx) from File ▸ Import or a drop: one task, one undo step.

The core reads the whole project in one transaction off the UI thread (Cancel rolls it all
back); the window then shows the report of what was kept, adjusted and discarded, as the
standard asks, and Undo takes the whole import back through `reader_undo`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefing_app.core.library import Library
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.services import Services
from briefing_app.gui.sources.controller import SourcesController
from briefing_app.gui.tasks import Progress, Task, TaskProgressDialog, TaskRunner

if TYPE_CHECKING:
    # Loaded on first use: lxml and the reader are not part of start-up.
    from briefing_app.core.qdpx.reader_undo import ImportedRecords, RemovedImport
    from briefing_app.core.qdpx.report import ImportReport
    from briefing_app.gui.dialogs.project_report import ProjectReportDialog

PROJECT_SUFFIX = ".qdpx"


def is_project(path: Path) -> bool:
    """Return whether path names a REFI-QDA project file."""
    return path.suffix.lower() == PROJECT_SUFFIX and not path.is_dir()


class ProjectImportController(QObject):
    """Imports .qdpx projects; imported fires with the ImportReport once the views refreshed."""

    imported = Signal(object)

    def __init__(
        self, services: Services, lib: Library, sources: SourcesController, tasks: TaskRunner
    ) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.sources = sources
        self.tasks = tasks
        self.report_dialog: ProjectReportDialog | None = None  # the last import's report
        self.progress_dialogs: list[TaskProgressDialog] = []  # one per import running

    def attach(self, lib: Library) -> None:
        """Import into this library from now on."""
        self.lib = lib

    def import_project(self, path: Path) -> Task[ImportReport]:
        """Import the project at path off the UI thread, with a progress dialog and Cancel."""
        from briefing_app.core.qdpx.reader import import_project

        def run(worker_lib: Library, progress: Progress) -> ImportReport:
            return import_project(
                worker_lib,
                path,
                progress=lambda done, total: progress(done, total, path.name),
                cancel=lambda: progress.cancelled,
            )

        self.services.show_status(f"Importing {path.name}…", 0)
        task = self.tasks.run_with_progress(
            self.lib,
            run,
            description=f"Importing {path.name}",
            failure="Nothing was imported",
        )
        dialog = TaskProgressDialog(
            self.services.dialog_parent(),
            task,
            "Importing a QDA project",
            f"Reading {path.name}…",
            cancelling="Cancelling: nothing will be added…",
            describe=lambda done, total, name: f"Importing {name}: {done} of {total} records…",
        )
        dialog.setAccessibleName("Project import progress")
        self.progress_dialogs.append(dialog)
        task.finished.connect(lambda: self.progress_dialogs.remove(dialog))
        lib = self.lib
        task.succeeded.connect(lambda report: self._imported(lib, report))
        return task

    def _imported(self, lib: Library, report: ImportReport) -> None:
        created = report.created
        if any((created.source_ids, created.claim_ids, created.note_ids, created.tag_ids)) or (
            created.retagged
        ):
            command = import_command(lib, report)
            command.on_error = self.services.show_error
            self.services.record(command)
            if created.source_ids:
                # What was just imported is what the analyst wants to read: the first of it.
                self.sources.open_source(created.source_ids[0])
                self.services.bring_forward(self.sources.reader)
        self.services.show_status(report.line(), 8000)
        self._show_report(report)
        self.imported.emit(report)

    def _show_report(self, report: ImportReport) -> None:
        from briefing_app.gui.dialogs.project_report import ProjectReportDialog

        lines = report.lines()[1:] or ["Everything was kept as the project had it."]
        dialog = ProjectReportDialog(
            self.services.dialog_parent(), "Project imported", f"{report.line()}.", lines
        )
        dialog.setModal(False)
        dialog.show()
        if self.report_dialog is not None:
            self.report_dialog.close()
        self.report_dialog = dialog


def import_command(lib: Library, report: ImportReport) -> LibraryCommand:
    """The import that already ran in a worker: undo removes what it made, redo restores it."""
    from briefing_app.core.qdpx.reader_undo import remove_import, restore_import

    def undo(records: ImportedRecords) -> RemovedImport:
        return remove_import(lib, records)

    def redo(removed: RemovedImport) -> ImportedRecords:
        return restore_import(lib, removed)

    created = report.created
    command = LibraryCommand(f"Import {report.project}", lambda: created, undo, redo)
    command.execute()  # already done: this only records what undo takes back
    return command
