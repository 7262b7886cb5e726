"""The review pane dock and review files (Word copies, packages).

Built with the rest of the window just after its first paint; the window places the dock and
the actions, and the controller asks it only through its services.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMessageBox

from briefing_app.core.errors import BriefingError, CheckFailed
from briefing_app.core.library import Library
from briefing_app.gui.actions import make_action
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.review.pane import ReviewPane
from briefing_app.gui.services import Services

T = TypeVar("T")

if TYPE_CHECKING:
    # Word and package handling (lxml, zip) load on first use, and the dialogs with them.
    from briefing_app.core.review.pack_undo import ImportedRows
    from briefing_app.core.review.packs import PackImportResult
    from briefing_app.core.review.word_copy import ReviewImportResult
    from briefing_app.gui.review.dialogs import ReviewFiles
    from briefing_app.gui.review.versions_dialog import VersionsDialog
    from briefing_app.gui.tasks import Task, TaskRunner


class ReviewController(QObject):
    """The review pane dock and File ▸ review copy / package (issue 8)."""

    def __init__(self, services: Services, lib: Library, tasks: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.tasks = tasks  # review files are read off the UI thread
        self.review_pane = ReviewPane(services.execute)  # its changes go on the undo stack
        self.review_dock = QDockWidget("Review")
        self.review_dock.setObjectName("review_dock")
        self.review_dock.setWidget(self.review_pane)
        self.review_dock.hide()
        self.versions_dialog: VersionsDialog | None = None
        self.review_pane.message.connect(self._review_message)
        self.review_pane.versions_requested.connect(self.show_versions)
        self.review_pane.jump_to.connect(lambda *_place: self.show_pane())
        self.review_pane.jump_to.connect(services.go_to_note_place)
        self.review_actions = self._build_actions()

    def attach(self, lib: Library) -> None:
        """Review the notes of this library from now on."""
        self.lib = lib
        lib.subscribe(self.review_pane.on_changes)
        self.review_pane.set_library(lib)

    def show_pane(self) -> None:
        """Show the review pane in front of the dock it shares a place with (the inspector)."""
        self.review_dock.show()
        self.review_dock.raise_()

    def _build_actions(self) -> list[QAction]:
        self.review_dock.toggleViewAction().setText("&Review pane")
        self.review_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.review_dock.toggleViewAction().setStatusTip("Comments, suggested edits and status")
        return [
            make_action(
                self,
                "Export review &copy…",
                self.export_review_copy,
                tip="Write the note as a Word file for a reviewer",
            ),
            make_action(
                self,
                "Import re&viewed copy…",
                self.import_review_copy,
                tip="Read a reviewer's Word comments and tracked changes back",
            ),
            make_action(
                self,
                "Export review &package…",
                self.export_review_pack,
                tip="Write the note with its evidence for another Briefing library",
            ),
            make_action(
                self,
                "Import review pac&kage…",
                self.import_review_pack,
                tip="Merge a note and its evidence from another Briefing library",
            ),
        ]

    def _review_message(self, message: str) -> None:
        self.services.show_status(message, 8000 if message.startswith("⚠") else 4000)

    def show_versions(self, note_id: int) -> VersionsDialog | None:
        """Show the versions of a note and what changed between them (not modal)."""
        from briefing_app.gui.review.versions_dialog import VersionsDialog

        try:
            self.versions_dialog = VersionsDialog.open_for(
                self.services.dialog_parent(), self.lib, note_id
            )
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return None
        return self.versions_dialog

    def _note_for_review(self) -> int | None:
        note_id = self.review_pane.current_note_id
        if note_id is None:
            self.services.show_error("no note to review: create a note first")
        return note_id

    def export_review_copy(self) -> Path | None:
        """Ask where, then write the current note as a Word review copy."""
        note_id = self._note_for_review()
        if note_id is None:
            return None
        options = _review_files().export_copy(
            self.services.dialog_parent(), self._suggested(note_id, "review.docx")
        )
        if options is None:
            return None
        self._remember_folder(options.path)
        from briefing_app.core.review.word_copy import export_review_copy

        def write(force: bool) -> Path:
            return export_review_copy(
                self.lib, note_id, options.path, with_comments=options.with_comments, force=force
            )

        try:
            path = self._file_operation(options.path, lambda: write(options.force))
        except CheckFailed as exc:
            # The checks found errors: export anyway only if the analyst says so.
            if options.force or not _review_files().confirm_force(
                self.services.dialog_parent(), str(exc)
            ):
                self.services.show_error(str(exc))
                return None
            path = self._file_operation(options.path, lambda: write(True))
        if path is not None:
            self.services.show_status(f"Review copy written to {path}", 6000)
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
            self.services.show_error(str(exc))
        except OSError as exc:
            self.services.show_error(f"{path}: {exc.strerror or exc}")
        return None

    def import_review_copy(self) -> Task[ReviewImportResult] | None:
        """Ask for a reviewed Word copy; attach its comments and tracked changes (a task)."""
        path = _review_files().import_copy(self.services.dialog_parent())
        if path is None:
            return None
        self._remember_folder(path)
        from briefing_app.core.review.word_copy import import_review_copy

        task = self.tasks.run(
            self.lib, lambda lib: import_review_copy(lib, path), description=f"Importing {path}"
        )
        task.succeeded.connect(self._review_copy_imported)
        return task

    def _review_copy_imported(self, result: ReviewImportResult) -> None:
        if result.imported:  # a copy already imported adds nothing: no step to undo
            self.services.record(self._import_step("review copy", result.imported, result.note_id))
        self._open_note(result.note_id)
        self.show_pane()
        line = result.line()
        if result.unplaced:
            line += f"; {len(result.unplaced)} could not be placed on a section"
        self.services.show_status(line, 8000)
        problems = result.untracked + result.unplaced
        if problems:
            # A reviewer's words typed with Track Changes off come back as nothing to accept:
            # the fading status bar alone would let them be lost without a word.
            self._list_in_a_box("Review copy imported", f"{line}.", problems)

    def _list_in_a_box(self, title: str, text: str, problems: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self.services.dialog_parent(),
        )
        lines = [f"• {p}" for p in problems]
        shown = lines[:10] + ([f"… and {len(lines) - 10} more"] if len(lines) > 10 else [])
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(lines))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _suggested(self, note_id: int, suffix: str) -> str:
        """Return the file offered for a note's review file: named for its title, in the
        folder the last review file came from or went to (else the library's)."""
        from briefing_app.gui.dialogs.export_dialog import default_file_name
        from briefing_app.gui.settings import app_settings

        try:
            title = self.lib.notes.get(note_id).title
        except BriefingError:
            title = f"note {note_id}"
        home = self.lib.path.parent if self.lib.path is not None else Path.home()
        folder = Path(str(app_settings().value(_REVIEW_FOLDER, str(home))))
        if not folder.is_dir():
            folder = home
        # "….review.docx" reads as a review copy; a package is named for the note alone.
        return str(folder / default_file_name(title, suffix).replace(".review.", "-review."))

    def _remember_folder(self, path: Path) -> None:
        from briefing_app.gui.settings import app_settings

        app_settings().setValue(_REVIEW_FOLDER, str(path.parent))

    def _open_note(self, note_id: int) -> None:
        """Open the note a review file landed in, in the editor, to read with the pane."""
        self.review_pane.set_current_note(note_id)
        try:
            sections = self.lib.notes.get(note_id).sections
        except BriefingError:
            return  # gone again (undone elsewhere): the pane says so
        if sections:
            self.services.go_to_note_place(note_id, sections[0].key, 0, 0)

    def export_review_pack(self) -> Path | None:
        """Ask where, then write the current note with its evidence as a review package."""
        note_id = self._note_for_review()
        if note_id is None:
            return None
        path = _review_files().export_pack(
            self.services.dialog_parent(), self._suggested(note_id, "briefpack")
        )
        if path is None:
            return None
        self._remember_folder(path)
        from briefing_app.core.review.packs import export_pack

        written = self._file_operation(path, lambda: export_pack(self.lib, note_id, path))
        if written is None:
            return None
        title = self.lib.notes.get(note_id).title
        self.services.show_status(f"Review package of “{title}” written to {written}", 6000)
        return written

    def import_review_pack(self, path: Path | None = None) -> Task[PackImportResult] | None:
        """Merge a review package (asking for one unless given) in the background."""
        path = path or _review_files().import_pack(self.services.dialog_parent())
        if path is None:
            return None
        self._remember_folder(path)
        from briefing_app.core.review.packs import import_pack

        # Queued after a backup on open still being made: the backup holds the library as it
        # was before the merge (see TaskRunner).
        pack = path
        task = self.tasks.run(
            self.lib, lambda lib: import_pack(lib, pack), description=f"Importing {pack}"
        )
        task.succeeded.connect(self._review_pack_imported)
        task.failed.connect(self._review_pack_refused)
        return task

    def _review_pack_imported(self, result: PackImportResult) -> None:
        if result.imported:  # a package already merged changes nothing: no step to undo
            self.services.record(
                self._import_step("review package", result.imported, result.note_id)
            )
        self._open_note(result.note_id)
        self.show_pane()
        self.services.show_status(result.line(), 8000)
        if result.conflicts:
            # Counted in the status bar, which fades: what was kept of each, said where it stays.
            self._list_in_a_box("Review package imported", f"{result.line()}.", result.conflicts)

    def _import_step(self, kind: str, imported: ImportedRows, note_id: int) -> LibraryCommand:
        """An import of a review file, already made in the background, as one step: undo takes
        back all it added and changed (the core refuses in one line if the user built on it
        since), redo brings it again."""
        from briefing_app.core.review.pack_undo import redo_pack_import, undo_pack_import

        lib = self.lib  # the library it went into, even if another is opened later
        command = LibraryCommand(
            f"Import {kind} {imported.pack_name}",
            lambda: imported,
            lambda rows: undo_pack_import(lib, rows),
            lambda undone: redo_pack_import(lib, undone),
        )
        command.execute()  # the task imported it: this only records what undo takes back
        command.on_error = self.services.show_error
        command.on_redone = lambda _rows: self._open_note(note_id)
        return command

    def _review_pack_refused(self, message: str) -> None:
        # A package opened from the file manager has no other place to say why nothing came
        # in: the status bar of a window just opened is easily missed.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Review package not imported",
            message,
            QMessageBox.StandardButton.Ok,
            self.services.dialog_parent(),
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


# Where review files were last written or read: a package goes back where it came from.
_REVIEW_FOLDER = "review/folder"


def _review_files() -> type[ReviewFiles]:
    from briefing_app.gui.review.dialogs import ReviewFiles

    return ReviewFiles
