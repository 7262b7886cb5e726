"""Batch import off the UI thread, with a cancellable progress dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefing_app.core.importers.batch import ImportSummary, import_paths
from briefing_app.core.library import Library


class ImportThread(QThread):
    """Imports files through its own library connection (SQLite connections stay per thread)."""

    progressed = Signal(int, int, str)
    imported = Signal(object)

    def __init__(self, library_path: Path, paths: Sequence[Path]) -> None:
        super().__init__()
        self.library_path = library_path
        self.paths = list(paths)
        self._cancelled = False

    def cancel(self) -> None:
        """Stop after the file being imported now."""
        self._cancelled = True

    def run(self) -> None:
        """Import, reporting progress; emit the summary at the end."""

        def progress(done: int, total: int, path: Path) -> bool:
            self.progressed.emit(done, total, path.name)
            return not self._cancelled

        lib = Library.open(self.library_path)
        try:
            summary = import_paths(lib, self.paths, progress)
        finally:
            lib.close()
        self.imported.emit(summary)


class ImportDialog(QProgressDialog):
    """Shows an import's progress; emits import_finished(ImportSummary) when it ends."""

    import_finished = Signal(object)

    def __init__(self, parent: QWidget | None, lib: Library, paths: Sequence[Path]) -> None:
        super().__init__("Preparing import…", "Cancel", 0, 0, parent)
        self.setWindowTitle("Importing sources")
        self.setAccessibleName("Import progress")
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.summary: ImportSummary | None = None
        self.lib = lib
        self.paths = list(paths)
        self.thread_: ImportThread | None = None
        self.canceled.connect(self._cancel)

    @classmethod
    def start(cls, parent: QWidget | None, lib: Library, paths: Sequence[Path]) -> ImportDialog:
        """Begin importing paths into lib; connect to import_finished for the summary."""
        dialog = cls(parent, lib, paths)
        if lib.path is None:
            # An in-memory library cannot be shared with a thread: import here instead.
            dialog.summary = import_paths(lib, dialog.paths)
            dialog.import_finished.emit(dialog.summary)
            return dialog
        thread = ImportThread(lib.path, dialog.paths)
        thread.progressed.connect(dialog._progressed)
        thread.imported.connect(dialog._imported)
        dialog.thread_ = thread
        thread.start()
        return dialog

    @classmethod
    def run(
        cls, parent: QWidget | None, lib: Library, paths: Sequence[Path]
    ) -> ImportSummary | None:
        """Import paths into lib and wait for the summary (None if nothing came back)."""
        dialog = cls.start(parent, lib, paths)
        if dialog.summary is None:
            loop = QEventLoop()
            dialog.import_finished.connect(lambda _summary: loop.quit())
            loop.exec()
        return dialog.summary

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)
        self.setLabelText(f"Importing {name} ({min(done + 1, total)} of {total})…")

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        if self.thread_ is not None:
            self.thread_.wait()
            self.thread_.deleteLater()
            self.thread_ = None
        self.canceled.disconnect(self._cancel)
        self.close()
        self.import_finished.emit(summary)
        self.deleteLater()

    def stop_and_wait(self) -> None:
        """Cancel the import and wait for the worker to stop (when the window closes)."""
        if self.thread_ is not None:
            self.thread_.cancel()
            self.thread_.wait()

    def _cancel(self) -> None:
        if self.thread_ is not None:
            self.thread_.cancel()
            self.setLabelText("Cancelling after the current file…")


def summary_details(summary: ImportSummary) -> str:
    """Return one line per file that did not import, naming it and the reason."""
    lines = [
        f"{o.path.name}: {o.status} — {o.reason}"
        for o in summary.outcomes
        if o.status != "imported"
    ]
    return "\n".join(lines)
