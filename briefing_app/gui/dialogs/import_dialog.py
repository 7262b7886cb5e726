"""Batch import as a background task, with a cancellable progress dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import QWidget

from briefing_app.core.importers.batch import ImportSummary, default_workers, import_paths
from briefing_app.core.library import Library
from briefing_app.core.text.counts import counted
from briefing_app.gui.tasks import Progress, Task, TaskProgressDialog, TaskRunner


def import_task(runner: TaskRunner, lib: Library, paths: Sequence[Path]) -> Task[ImportSummary]:
    """Start importing paths into lib on the runner (Cancel stops after the current file).

    The views hear what it imported as it goes, every half second or so, not only at its end.
    """
    files = list(paths)

    def run(worker_lib: Library, progress: Progress) -> ImportSummary:
        return import_paths(
            worker_lib,
            files,
            lambda done, n, path: progress(done, n, path.name),
            workers=default_workers(),  # a big folder reads in every core, off the UI process
            responsive=True,  # parsing here would hold the GIL the UI thread needs
        )

    return runner.run_with_progress(
        lib,
        run,
        description=f"Importing {counted(len(files), 'items')}",
        # Each file is its own commit: the sources list fills as the folder imports.
        announce_while_running=True,
    )


class ImportDialog(TaskProgressDialog):
    """Shows an import's progress; emits import_finished(ImportSummary) when it ends."""

    import_finished = Signal(object)

    def __init__(self, parent: QWidget | None, task: Task[ImportSummary]) -> None:
        super().__init__(
            parent,
            task,
            "Importing sources",
            "Preparing import…",
            cancelling="Cancelling after the current file…",
            describe=lambda done, total, name: (
                f"Importing {name} ({min(done + 1, total)} of {total})…"
            ),
        )
        self.setAccessibleName("Import progress")
        self.summary: ImportSummary | None = None
        task.succeeded.connect(self._imported)

    @classmethod
    def start(
        cls,
        parent: QWidget | None,
        lib: Library,
        paths: Sequence[Path],
        runner: TaskRunner | None = None,
    ) -> ImportDialog:
        """Begin importing paths into lib; connect to import_finished for the summary.

        The import runs on runner (the window's), else on a runner of the dialog's own.
        """
        own = runner is None
        runner = runner or TaskRunner()
        dialog = cls(parent, import_task(runner, lib, paths))
        if own:
            runner.setParent(dialog)
        return dialog

    @classmethod
    def run(
        cls, parent: QWidget | None, lib: Library, paths: Sequence[Path]
    ) -> ImportSummary | None:
        """Import paths into lib and wait for the summary (None if the import failed)."""
        dialog = cls.start(parent, lib, paths)
        loop = QEventLoop()
        dialog.task.finished.connect(loop.quit)
        loop.exec()
        return dialog.summary

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.import_finished.emit(summary)


def summary_details(summary: ImportSummary) -> str:
    """Return one line per file that did not import (or imported with a remark, such as
    highlights not found), naming it, the reference item when there is one, and the reason."""
    stored = ("imported", "updated", "unchanged")
    lines = [
        f"{o.path.name}{f' [{o.item}]' if o.item else ''}: {o.status} — {o.reason}"
        for o in summary.outcomes
        if o.status not in stored or o.reason
    ]
    return "\n".join(lines)
