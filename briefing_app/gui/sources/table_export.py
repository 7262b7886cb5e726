"""The claims table's Export table…: the claims the table's filters show, to CSV or xlsx."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing_app.core.library import Library
from briefing_app.core.text.counts import counted
from briefing_app.gui.actions import make_action
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import TaskRunner
from briefing_app.gui.widgets.claims_panel import ClaimsPanel

if TYPE_CHECKING:
    from briefing_app.gui.tasks import Task

_FILTERS = {"xlsx": "Excel workbook (*.xlsx)", "csv": "CSV, UTF-8 (*.csv)"}


@dataclass(frozen=True)
class TableExportTarget:
    """Where to write the claims table, and as what."""

    path: Path
    format: str


class TableExportFiles:
    """The file choice of Export table…"""

    @classmethod
    def ask(
        cls, parent: QWidget | None, suggested: str = "claims.xlsx"
    ) -> TableExportTarget | None:
        """Ask where to write the table; the format follows the suffix or the chosen filter."""
        from briefing_app.gui.dialogs.file_dialogs import save_file_name

        name, chosen = save_file_name(
            parent, "Export claims table", suggested, ";;".join(_FILTERS.values())
        )
        if not name:
            return None
        path = Path(name)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in _FILTERS:
            fmt = next((f for f, text in _FILTERS.items() if text == chosen), "xlsx")
            path = path.with_name(f"{path.name}.{fmt}")
        return TableExportTarget(path, fmt)


class TableExportController(QObject):
    """Writes the claims table, as filtered on screen, off the UI thread."""

    exported = Signal(int)  # how many claims were written

    def __init__(
        self, services: Services, lib: Library, claims_panel: ClaimsPanel, tasks: TaskRunner
    ) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.claims_panel = claims_panel
        self.tasks = tasks
        self.action = make_action(
            self,
            "E&xport table…",
            self.choose_export,
            None,
            "export",
            "Write the claims the table shows to a spreadsheet (xlsx or CSV)",
        )
        claims_panel.add_context_action(self.action)
        # The same, from File ▸ Export, where the other ways out to other tools are.
        self.menu_action = make_action(
            self,
            "&Claims table (Excel, CSV)…",
            self.choose_export,
            None,
            "export",
            "Write the claims the claims table shows to a spreadsheet (xlsx or CSV)",
        )

    def attach(self, lib: Library) -> None:
        """Export from this library from now on."""
        self.lib = lib

    def choose_export(self) -> None:
        """Ask for a file and write the filtered claims table to it."""
        target = TableExportFiles.ask(self.services.dialog_parent())
        if target is not None:
            self.export(target)

    def export(self, target: TableExportTarget) -> Task[int]:
        """Write the claims matching the table's filters to target; report in the status bar."""
        from briefing_app.core.exporters.claims_table import write_claims_table

        flt = self.claims_panel.current_filter()
        task = self.tasks.run(
            self.lib,
            lambda lib: write_claims_table(lib, target.path, target.format, flt),
            description="Exporting the claims table",
            failure="The claims table was not exported",
        )

        def done(result: object) -> None:
            count = result if isinstance(result, int) else 0
            self.services.show_status(f"Wrote {counted(count, 'claims')} to {target.path.name}")
            self.exported.emit(count)

        task.succeeded.connect(done)
        return task
