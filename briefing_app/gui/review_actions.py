"""The main window's review pane and review files (Word copies, packages).

A mixin of MainWindow: it uses the window's library, undo stack, reader and status bar, and
keeps its code apart from the rest of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from briefing_app.core.errors import BriefingError, CheckFailed

T = TypeVar("T")

if TYPE_CHECKING:
    # Word and package handling (lxml, zip) load on first use, and the pane and dialogs with
    # the rest of the window (MainWindow.complete_window), not before its first paint.
    from briefing_app.core.review.packs import PackImportResult
    from briefing_app.core.review.word_copy import ReviewImportResult
    from briefing_app.gui.dialogs.review_dialogs import ReviewFiles
    from briefing_app.gui.dialogs.versions_dialog import VersionsDialog
    from briefing_app.gui.tasks import Task


class ReviewActions:
    """The review pane dock and File ▸ review copy / package (issue 8)."""

    # Provided by MainWindow.
    lib: Any
    restore_backup_action: Any
    tasks: Any
    execute: Any
    _balance_panes: Any

    def _build_review_pane(self) -> None:
        from briefing_app.gui.widgets.review_pane import ReviewPane

        self.review_pane = ReviewPane(self.execute)  # its changes go on the undo stack
        self.review_dock = QDockWidget("Review", self)
        self.review_dock.setObjectName("review_dock")
        self.review_dock.setWidget(self.review_pane)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
        self.review_dock.hide()
        self.versions_dialog: VersionsDialog | None = None
        self.review_pane.message.connect(self._review_message)
        self.review_pane.versions_requested.connect(self.show_versions)
        self.review_pane.jump_to.connect(lambda *_place: self.review_dock.show())
        self.review_dock.visibilityChanged.connect(self._review_dock_shown)

    def _review_dock_shown(self, visible: bool) -> None:
        # The dock takes its width from the window's panes; after the layout pass, give the
        # side panes their share back if it left them too narrow to read.
        if visible:
            QTimer.singleShot(0, self, self._balance_panes)

    def _add_review_menu(self) -> None:
        self.review_dock.toggleViewAction().setText("&Review pane")
        self.review_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.review_dock.toggleViewAction().setStatusTip("Comments, suggested edits and status")
        view_menu = self._menu("&View")
        view_menu.addAction(self.review_dock.toggleViewAction())
        self.review_actions = [
            self._action(
                "Export review &copy…",
                self.export_review_copy,
                tip="Write the note as a Word file for a reviewer",
            ),
            self._action(
                "Import re&viewed copy…",
                self.import_review_copy,
                tip="Read a reviewer's Word comments and tracked changes back",
            ),
            self._action(
                "Export review &package…",
                self.export_review_pack,
                tip="Write the note with its evidence for another Briefing library",
            ),
            self._action(
                "Import review pac&kage…",
                self.import_review_pack,
                tip="Merge a note and its evidence from another Briefing library",
            ),
        ]
        file_menu = self._menu("&File")
        for action in self.review_actions:
            file_menu.insertAction(self.restore_backup_action, action)
        file_menu.insertSeparator(self.restore_backup_action)

    def _review_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000 if message.startswith("⚠") else 4000)

    def show_versions(self, note_id: int) -> VersionsDialog | None:
        """Show the versions of a note and what changed between them (not modal)."""
        from briefing_app.gui.dialogs.versions_dialog import VersionsDialog

        try:
            self.versions_dialog = VersionsDialog.open_for(self, self.lib, note_id)
        except BriefingError as exc:
            self.show_error(str(exc))
            return None
        return self.versions_dialog

    def _note_for_review(self) -> int | None:
        note_id = self.review_pane.current_note_id
        if note_id is None:
            self.show_error("no note to review: create a note first")
        return note_id

    def export_review_copy(self) -> Path | None:
        """Ask where, then write the current note as a Word review copy."""
        note_id = self._note_for_review()
        if note_id is None:
            return None
        options = _review_files().export_copy(self, f"note-{note_id}-review.docx")
        if options is None:
            return None
        from briefing_app.core.review.word_copy import export_review_copy

        def write(force: bool) -> Path:
            return export_review_copy(
                self.lib, note_id, options.path, with_comments=options.with_comments, force=force
            )

        try:
            path = self._file_operation(options.path, lambda: write(options.force))
        except CheckFailed as exc:
            # The checks found errors: export anyway only if the analyst says so.
            if options.force or not _review_files().confirm_force(self, str(exc)):
                self.show_error(str(exc))
                return None
            path = self._file_operation(options.path, lambda: write(True))
        if path is not None:
            self.statusBar().showMessage(f"Review copy written to {path}", 6000)
        return path

    def _file_operation(self, path: Path, action: Callable[[], T]) -> T | None:
        """Run a file operation; show a failure as one line and return None.

        CheckFailed is left to the caller, which may offer to export anyway.
        """
        try:
            return action()
        except CheckFailed:
            raise
        except BriefingError as exc:
            self.show_error(str(exc))
        except OSError as exc:
            self.show_error(f"{path}: {exc.strerror or exc}")
        return None

    def import_review_copy(self) -> Task[ReviewImportResult] | None:
        """Ask for a reviewed Word copy; attach its comments and tracked changes (a task)."""
        path = _review_files().import_copy(self)
        if path is None:
            return None
        from briefing_app.core.review.word_copy import import_review_copy

        task = self.tasks.run(
            self.lib, lambda lib: import_review_copy(lib, path), description=f"Importing {path}"
        )
        task.succeeded.connect(self._review_copy_imported)
        return task

    def _review_copy_imported(self, result: ReviewImportResult) -> None:
        self.review_pane.set_current_note(result.note_id)
        self.review_dock.show()
        line = result.line()
        if result.unplaced:
            line += f"; {len(result.unplaced)} could not be placed on a section"
        self.statusBar().showMessage(line, 8000)

    def export_review_pack(self) -> Path | None:
        """Ask where, then write the current note with its evidence as a review package."""
        note_id = self._note_for_review()
        if note_id is None:
            return None
        path = _review_files().export_pack(self, f"note-{note_id}.briefpack")
        if path is None:
            return None
        from briefing_app.core.review.packs import export_pack

        written = self._file_operation(path, lambda: export_pack(self.lib, note_id, path))
        if written is None:
            return None
        self.statusBar().showMessage(f"Review package written to {written}", 6000)
        return written

    def import_review_pack(self, path: Path | None = None) -> Task[PackImportResult] | None:
        """Merge a review package (asking for one unless given) in the background."""
        path = path or _review_files().import_pack(self)
        if path is None:
            return None
        from briefing_app.core.review.packs import import_pack

        # Queued after a backup on open still being made: the backup holds the library as it
        # was before the merge (see TaskRunner).
        pack = path
        task = self.tasks.run(
            self.lib, lambda lib: import_pack(lib, pack), description=f"Importing {pack}"
        )
        task.succeeded.connect(self._review_pack_imported)
        return task

    def _review_pack_imported(self, result: PackImportResult) -> None:
        self.review_pane.set_current_note(result.note_id)
        self.review_dock.show()
        self.statusBar().showMessage(result.line(), 8000)


def _review_files() -> type[ReviewFiles]:
    from briefing_app.gui.dialogs.review_dialogs import ReviewFiles

    return ReviewFiles
