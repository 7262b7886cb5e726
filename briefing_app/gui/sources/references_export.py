"""File ▸ Export ▸ Sources for Zotero…: the library's sources as RIS, BibTeX or CSL JSON, for a
reference manager to import (`briefing sources --format ris -o FILE` on the command line)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing_app.core.library import Library
from briefing_app.core.text.counts import counted
from briefing_app.gui.actions import make_action
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from briefing_app.gui.tasks import Task

# Each format by the suffix Zotero's import recognises, and its name in the chooser.
_FORMATS = {
    ".ris": ("ris", "RIS (*.ris)"),
    ".bib": ("bibtex", "BibTeX (*.bib)"),
    ".json": ("csl-json", "CSL JSON (*.json)"),
}


class ReferencesExportFiles:
    """The file choice of Sources for Zotero…"""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """Ask where to write the sources; the suffix (or the type chosen) gives the format."""
        from briefing_app.gui.dialogs.file_dialogs import save_file_name

        filters = [text for _fmt, text in _FORMATS.values()]
        name, chosen = save_file_name(
            parent, "Export sources for Zotero", "sources.ris", ";;".join(filters)
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in _FORMATS:
            suffix = next((s for s, (_f, text) in _FORMATS.items() if text == chosen), ".ris")
            path = path.with_name(path.name + suffix)
        return path


class ReferencesExportController(QObject):
    """Writes every source of the library for a reference manager, off the UI thread."""

    exported = Signal(int)  # how many sources were written

    def __init__(self, services: Services, lib: Library, tasks: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.tasks = tasks
        self.action = make_action(
            self,
            "Sources for &Zotero (RIS, BibTeX, CSL JSON)…",
            self.choose_export,
            None,
            "export",
            "Write the sources' details (not their text) for Zotero or another reference manager",
        )

    def attach(self, lib: Library) -> None:
        """Export from this library from now on."""
        self.lib = lib

    def choose_export(self) -> Task[int] | None:
        """Ask for a file, then write every source to it."""
        path = ReferencesExportFiles.ask(self.services.dialog_parent())
        return self.export(path) if path is not None else None

    def export(self, path: Path) -> Task[int]:
        """Write every source to path, in the format its suffix names (RIS otherwise)."""
        from briefing_app.core.exporters.references import reference_sources, write_references

        fmt = _FORMATS.get(path.suffix.lower(), _FORMATS[".ris"])[0]

        def write(lib: Library) -> int:
            sources = reference_sources(lib)
            write_references(sources, path, fmt)
            return len(sources)

        task = self.tasks.run(
            self.lib,
            write,
            description="Exporting the sources for Zotero",
            failure="The sources were not exported",
        )

        def done(result: object) -> None:
            count = result if isinstance(result, int) else 0
            self.services.show_status(
                f"Wrote {counted(count, 'sources')} to {path.name}: in Zotero, File ▸ Import",
                8000,
            )
            self.exported.emit(count)

        task.succeeded.connect(done)
        return task
