"""File ▸ Export ▸ REFI-QDA project (.qdpx)…: coded work for QualCoder, NVivo, ATLAS.ti, MAXQDA.

The whole library, the open note and the sources it cites, or the source in the reader,
written off the UI thread; the status bar gives the counts, and what the format had no
place for is listed in a dialog, as the standard asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing_app.core.library import Library
from briefing_app.gui.actions import make_action
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    # Loaded on first use: lxml and the writer are not part of start-up.
    from briefing_app.core.qdpx.writer import ExportReport
    from briefing_app.gui.dialogs.project_report import ProjectReportDialog
    from briefing_app.gui.tasks import Task

SUFFIX = ".qdpx"


@dataclass(frozen=True)
class ExportScope:
    """What one export holds: everything, one note's sources, or chosen sources."""

    label: str
    note_id: int | None = None
    source_ids: tuple[int, ...] = ()


class ProjectExportController(QObject):
    """Asks what to export and where, then writes the .qdpx in the background."""

    exported = Signal(object)  # the ExportReport

    def __init__(
        self,
        services: Services,
        lib: Library,
        tasks: TaskRunner,
        open_note: Callable[[], int | None],
        open_source: Callable[[], int | None],
        flush: Callable[[], None],
    ) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.tasks = tasks
        self.open_note = open_note  # the note in the editor, if any
        self.open_source = open_source  # the source in the reader, if any
        self.flush = flush  # saves what was typed in the note, so the export holds it
        self.left_out_dialog: ProjectReportDialog | None = None
        # Asks which of the scopes (None: cancelled) and where to write; tests replace them.
        self.ask_scope: Callable[[list[ExportScope]], ExportScope | None] = self._ask_scope
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        self.action = make_action(
            self,
            "&REFI-QDA project (.qdpx)…",
            self.choose_export,
            None,
            "export",
            "Write sources, claims and notes as a project QualCoder, NVivo, ATLAS.ti and "
            "MAXQDA open",
        )

    def attach(self, lib: Library) -> None:
        """Export from this library from now on."""
        self.lib = lib

    def scopes(self) -> list[ExportScope]:
        """Return what can be exported now: the library, and the open note or source."""
        scopes = [ExportScope("The whole library")]
        note_id = self.open_note()
        if note_id is not None:
            scopes.append(ExportScope("The open note and the sources it cites", note_id=note_id))
        source_id = self.open_source()
        if source_id is not None:
            scopes.append(ExportScope("The source open in the reader", source_ids=(source_id,)))
        return scopes

    def choose_export(self) -> Task[ExportReport] | None:
        """Ask what to export and where, then write it."""
        scope = self.ask_scope(self.scopes())
        if scope is None:
            return None
        stem = self.lib.path.stem if self.lib.path is not None else "briefing"
        # A bare name: the chooser offers it in the folder a file was last chosen in, as
        # every other export does, not beside the library and its backups.
        path = self.ask_path(f"{stem}{SUFFIX}")
        if path is None:
            return None
        return self.export(scope, path)

    def export(self, scope: ExportScope, path: Path) -> Task[ExportReport]:
        """Write scope to path off the UI thread; report in the status bar."""
        from briefing_app.core.qdpx.writer import export_project

        self.flush()
        self.services.show_status(f"Exporting {path.name}…", 0)
        note_id, source_ids = scope.note_id, list(scope.source_ids) or None
        task = self.tasks.run(
            self.lib,
            lambda lib: export_project(lib, path, note_id=note_id, source_ids=source_ids),
            description="Exporting a REFI-QDA project",
            failure="The project was not exported",
        )
        task.succeeded.connect(self._exported)
        return task

    def _exported(self, report: ExportReport) -> None:
        self.services.show_status(
            f"Wrote {report.path.name}: {report.counts()}",
            8000,
        )
        if report.left_out:
            self._show_left_out(report)
        self.exported.emit(report)

    def _show_left_out(self, report: ExportReport) -> None:
        from briefing_app.gui.dialogs.project_report import ProjectReportDialog

        dialog = ProjectReportDialog(
            self.services.dialog_parent(),
            "Project exported",
            f"Wrote {report.path.name}. A REFI-QDA project has no place for these:",
            list(report.left_out),
        )
        dialog.show()
        if self.left_out_dialog is not None:
            self.left_out_dialog.close()
        self.left_out_dialog = dialog

    def _parent(self) -> QWidget:
        return self.services.dialog_parent()

    def _ask_scope(self, scopes: list[ExportScope]) -> ExportScope | None:
        if len(scopes) == 1:
            return scopes[0]
        from PySide6.QtWidgets import QInputDialog

        labels = [s.label for s in scopes]
        label, ok = QInputDialog.getItem(
            self._parent(), "Export REFI-QDA project", "Export:", labels, 0, False
        )
        return next((s for s in scopes if s.label == label), None) if ok else None

    def _ask_path(self, suggested: str) -> Path | None:
        from briefing_app.gui.dialogs.file_dialogs import save_file_name

        name, _ = save_file_name(
            self._parent(), "Export REFI-QDA project", suggested, "REFI-QDA project (*.qdpx)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)
