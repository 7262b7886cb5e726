"""Importing files: File ▸ Import, and files or folders dropped anywhere on the window.

The import runs off the UI thread through its own library connection
(`dialogs/import_dialog.py`); the views show what it stored as it goes (every half second
or so) and, when it ends, one undo step takes the whole batch back. A REFI-QDA project
(.qdpx) among them goes to `project_import.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from briefing_app.core.library import Library
from briefing_app.core.text.counts import counted
from briefing_app.gui.actions import make_action
from briefing_app.gui.commands import ImportCommand
from briefing_app.gui.services import Services
from briefing_app.gui.sources.controller import SourcesController
from briefing_app.gui.sources.project_import import ProjectImportController, is_project
from briefing_app.gui.sources.table_import import TableImportController
from briefing_app.gui.tasks import TaskRunner

# A review package: merged by the review's import, not read as a source.
PACK_SUFFIX = ".briefpack"

if TYPE_CHECKING:
    # Loaded on first use: importing files is not part of start-up (nor are these classes
    # and their enums, which PySide6 builds when a module first names them).
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMessageBox

    from briefing_app.core.importers.batch import ImportSummary
    from briefing_app.gui.dialogs.import_dialog import ImportDialog


# Outcomes whose reason says why nothing was stored; a stored one's reason is a remark.
_NOT_STORED = ("failed", "duplicate")


class ImportController(QObject):
    """Imports files and folders chosen or dropped; import_finished fires with the summary."""

    import_finished = Signal(object)

    def __init__(
        self, services: Services, lib: Library, sources: SourcesController, tasks: TaskRunner
    ) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.sources = sources
        self.tasks = tasks  # the import runs there, off the UI thread
        self.imports: list[ImportDialog] = []
        self.summary_box: QMessageBox | None = None  # the last import's summary, if it had one
        self.import_action: QAction = make_action(
            self,
            "&Import…",
            self.choose_import,
            QKeySequence.StandardKey.Open,
            "import",
            "Import articles from files or folders",
        )
        # A folder (Zotero's export, a folder of articles) from the keyboard too, not only
        # by dropping it: the file chooser above picks files.
        self.import_folder_action: QAction = make_action(
            self,
            "Import &folder…",
            self.choose_import_folder,
            "Ctrl+Shift+I",
            "import",
            "Import every article in a folder, or a Zotero export folder",
        )
        # REFI-QDA projects (.qdpx) chosen or dropped here import as one project each.
        self.projects = ProjectImportController(services, lib, sources, tasks)
        # Review packages (.briefpack) chosen or dropped here merge as File ▸ Import review
        # package… does (the window hands over the review's import once it is built).
        self.open_pack: Callable[[Path], object] | None = None
        # A claims table edited in a spreadsheet (CSV) sets the claims it lists.
        self.tables = TableImportController(services, lib, tasks)

    def attach(self, lib: Library) -> None:
        """Import into this library from now on."""
        self.lib = lib
        self.projects.attach(lib)
        self.tables.attach(lib)

    def choose_import(self) -> None:
        """Ask for files to import (several at once) and import them."""
        from briefing_app.core.importers.base import importable_suffixes
        from briefing_app.gui.dialogs.file_dialogs import open_file_names

        # Reference files too: Zotero's RIS, BibTeX and CSL-JSON exports.
        # And QDA tools' REFI-QDA projects.
        # And review packages, which a supervisor receiving one looks for here first.
        suffixes = [*importable_suffixes(), ".ris", ".bib", ".json", ".qdpx", PACK_SUFFIX, ".csv"]
        patterns = " ".join(f"*{s}" for s in suffixes)
        names = open_file_names(
            self.services.dialog_parent(),
            "Import sources",
            "",
            f"Articles ({patterns});;REFI-QDA projects (*.qdpx);;"
            f"Review packages (*{PACK_SUFFIX});;Claims tables edited in a spreadsheet (*.csv);;"
            "All files (*)",
        )
        if names:
            self.import_any([Path(n) for n in names])

    def choose_import_folder(self) -> None:
        """Ask for a folder and import what it holds (a Zotero export: its items)."""
        from briefing_app.gui.dialogs.file_dialogs import folder_name

        name = folder_name(self.services.dialog_parent(), "Import folder")
        if name:
            self.import_paths([Path(name)])

    def import_any(self, paths: Sequence[Path]) -> None:
        """Import chosen or dropped paths: each .qdpx as a project, each .briefpack as a review
        package, the rest as files."""
        projects = [p for p in paths if is_project(p)]
        for path in projects:
            self.projects.import_project(path)
        merge = self.open_pack
        packs: list[Path] = []
        if merge is not None:  # before the review exists, the import says it cannot read them
            packs = [p for p in paths if p.suffix.lower() == PACK_SUFFIX and p.is_file()]
            for path in packs:
                merge(path)
        tables = [p for p in paths if p.suffix.lower() == ".csv" and p.is_file()]
        for path in tables:
            self.tables.import_table(path)
        others = [p for p in paths if p not in projects and p not in packs and p not in tables]
        if others:
            self.import_paths(others)

    def import_paths(self, paths: Sequence[Path]) -> ImportDialog:
        """Import files and folders off the UI thread; import_finished fires with the summary."""
        self.services.show_status(f"Importing {counted(len(paths), 'items')}…", 0)
        from briefing_app.gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog.start(self.services.dialog_parent(), self.lib, paths, self.tasks)
        self.imports.append(dialog)
        dialog.task.finished.connect(lambda d=dialog: self.imports.remove(d))
        dialog.import_finished.connect(self._import_done)
        return dialog

    def _import_done(self, summary: ImportSummary) -> None:
        ids = [o.source_id for o in summary.by_status("imported") if o.source_id is not None]
        if ids or any(o.edit is not None for o in summary.outcomes):
            command = ImportCommand(self.lib, summary)
            command.on_error = self.services.show_error
            command.execute()  # already done: this only records what undo takes back
            self.services.record(command)
            if ids:
                # What was just imported is what the analyst wants to read: the first of it.
                self.sources.open_source(ids[0])
                self.services.bring_forward(self.sources.reader)
        self.services.show_status(f"Import: {summary.line()}", 8000)
        remarks = [o for o in summary.outcomes if o.reason and o.status not in _NOT_STORED]
        if summary.by_status("failed") or summary.by_status("duplicate") or remarks:
            self._show_summary(summary)
        self.import_finished.emit(summary)

    def _show_summary(self, summary: ImportSummary) -> None:
        """Say which files were already in the library and which could not be read."""
        from briefing_app.gui.dialogs.import_dialog import summary_details

        said = []
        # A reference file's item by its title: the file's name is the same for all of them.
        duplicates = [o.item or o.path.name for o in summary.by_status("duplicate")]
        if duplicates:
            shown = ", ".join(duplicates[:5]) + (" …" if len(duplicates) > 5 else "")
            said.append(f"Already in the library: {shown}.")
        if summary.by_status("failed"):
            said.append("Some files could not be imported; see the details.")
        # Stored, with something to do by hand (Zotero highlights not found in the text).
        remarks = [o for o in summary.outcomes if o.reason and o.status not in _NOT_STORED]
        said.extend(f"{o.item or o.path.name}: {o.reason}." for o in remarks[:5])
        if len(remarks) > 5:
            said.append(f"… and {len(remarks) - 5} more; see the details.")
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning
            if summary.by_status("failed")
            else QMessageBox.Icon.Information,
            "Import finished",
            f"Import: {summary.line()}.",
            QMessageBox.StandardButton.Ok,
            self.services.dialog_parent(),
        )
        box.setInformativeText("\n".join(said))
        box.setDetailedText(summary_details(summary))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.summary_box = box

    # Drops ------------------------------------------------------------------------------
    def route_drops(self, root: QWidget) -> None:
        """Take files dropped on any widget in root that accepts drops (the window too)."""
        # Text fields accept drops themselves and would paste a dropped file's path:
        # files dropped anywhere in the window are imported instead.
        for widget in root.findChildren(QWidget):
            if widget.acceptDrops():
                # Installing twice is harmless: Qt keeps one filter per object.
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept files dragged onto a watched widget and import them when dropped."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.import_any(paths)
                return True
        return super().eventFilter(watched, event)


def local_paths(mime: QMimeData) -> list[Path]:
    """Return the local files and folders a drag carries."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def local_urls(paths: Sequence[Path]) -> list[QUrl]:
    """Return file URLs for paths (what a file manager puts in a drag)."""
    from PySide6.QtCore import QUrl

    return [QUrl.fromLocalFile(str(p)) for p in paths]
