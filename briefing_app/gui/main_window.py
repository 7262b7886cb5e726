"""The main window: a shell over the controllers it owns.

It lays out their panels, docks, menus and toolbar, gives each controller the narrow services
of `gui/services.py` (never itself), and forwards the library's Changes. The first paint
shows the sources, reader, claims table, inspector and source panel; `complete_window()`
builds the note workspace, the review dock and the suggestions just after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.gui.actions import make_action
from briefing_app.gui.backup.controller import BackupController
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.context_key import open_context_menu
from briefing_app.gui.docks import PanelDocks
from briefing_app.gui.first_paint import PaintWatcher
from briefing_app.gui.focus_order import move_focus
from briefing_app.gui.help_menu import add_help_actions
from briefing_app.gui.history import history_actions
from briefing_app.gui.icons import icon
from briefing_app.gui.layout_memory import LayoutMemory
from briefing_app.gui.library_files import LibraryFiles
from briefing_app.gui.module_sources import forget_module_sources
from briefing_app.gui.outside_poller import OutsidePoller
from briefing_app.gui.services import Services
from briefing_app.gui.settings import remember_library
from briefing_app.gui.sources.controller import SourcesController
from briefing_app.gui.sources.imports import ImportController
from briefing_app.gui.sources.project_export import ProjectExportController
from briefing_app.gui.sources.reading_place import remember_place
from briefing_app.gui.sources.references_export import ReferencesExportController
from briefing_app.gui.sources.table_export import TableExportController
from briefing_app.gui.startup_trace import mark
from briefing_app.gui.tasks import TaskRunner
from briefing_app.gui.widgets.sample_hint import SampleHint
from briefing_app.gui.work_area import WorkArea

if TYPE_CHECKING:
    # Built just after the first paint (complete_window): their modules load then.
    from briefing_app.gui.board.controller import BoardController
    from briefing_app.gui.chronology.controller import ChronologyController
    from briefing_app.gui.matrix.controller import MatrixController
    from briefing_app.gui.notes.note_workspace import NoteWorkspace
    from briefing_app.gui.review.controller import ReviewController
    from briefing_app.gui.suggest.controller import SuggestionsController
    from briefing_app.gui.tasks import Task


@dataclass(frozen=True)
class _LaterParts:
    """What complete_window builds just after the first paint."""

    suggestions: SuggestionsController
    review: ReviewController
    note_workspace: NoteWorkspace


class MainWindow(QMainWindow):
    """The Briefing workspace for one library."""

    # complete_window() has built the note workspace, review pane and suggestions.
    completed = Signal()

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.lib = lib
        self.undo_stack = QUndoStack(self)
        self.services: Services = _WindowServices(self)
        # Import, export, backups and review files run here, off the UI thread.
        self.tasks = TaskRunner(self, report_error=self.show_error)
        self._later: _LaterParts | None = None
        self._chronology: ChronologyController | None = None  # built with the later parts
        self._matrix: MatrixController | None = None  # built with the later parts
        self._board: BoardController | None = None  # built with the later parts
        self._completing = False
        self._build_failed = False
        self._closed = False
        self.setWindowIcon(icon("briefing"))
        self.setAcceptDrops(True)  # files dropped on the window are imported
        self.sources = SourcesController(self.services, lib)
        self.imports = ImportController(self.services, lib, self.sources, self.tasks)
        self.table_export = TableExportController(
            self.services, lib, self.sources.claims_panel, self.tasks
        )
        self.references_export = ReferencesExportController(self.services, lib, self.tasks)
        self.project_export = ProjectExportController(
            self.services,
            lib,
            self.tasks,
            self._open_note_id,
            lambda: self.sources.current_source_id,
            self._flush_note,
        )
        self.backups = BackupController(self.services, lib, self.tasks)
        self.library_files = LibraryFiles(self.services, self.switch_library)
        self.outside = OutsidePoller(self)  # changes made by the CLI or another window
        mark("controllers built")
        self._build_panels()
        self._build_actions()
        self._build_menus()
        self._build_docks()
        self._build_toolbar()
        mark("panels, menus, docks and toolbar built")
        self.layout_memory = LayoutMemory(self, self.docks)
        self.layout_memory.restore_geometry()
        self.layout_memory.restore_docks()  # the early docks; the rest join in complete_window
        self.layout_memory.restore_splitters([self.work_splitter])
        self.layout_memory.restore_headers({"sources": self.library_panel.view.horizontalHeader()})
        self.statusBar().showMessage("Ready", 3000)
        mark("layout restored")
        self._attach(lib)
        # The focus starts in the text shown (Qt gave it to the Reader/Note tabs, where it
        # showed nowhere and the arrow keys switched tabs).
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        mark("library attached")

    # The parts built after the first paint -----------------------------------------------
    def complete_window(self) -> None:
        """Build the parts the first paint does without: notes, review pane, suggestions."""
        if self._later is not None or self._completing or self._build_failed:
            return
        if self._closed:
            raise RuntimeError("the window was closed before its note workspace was built")
        self._completing = True
        # The sources of the modules loaded so far make room for the later parts.
        forget_module_sources()
        try:
            later = _LaterParts(
                self._build_suggestions(), self._build_review_pane(), self._build_notes_area()
            )
            self._add_later_menus(later)
            self._chronology = self._build_chronology()
            self._matrix = self._build_matrix(later.note_workspace)
            board = self._build_board()
            review_pane, workspace = later.review.review_pane, later.note_workspace
            # The review pane follows the open note (its 'Go to' opens the place in the editor).
            workspace.note_shown.connect(review_pane.set_current_note)
            review_pane.before_note_change.connect(workspace.flush)
            review_pane.selected_place = workspace.selected_place
            self.imports.open_pack = later.review.import_review_pack
            # The sources/notes splitter holds the notes list, which comes with the workspace.
            self.layout_memory.restore_splitters(
                [self.reader_splitter, workspace.splitter, workspace.left_splitter]
            )
            self.layout_memory.restore_docks()
            self.imports.route_drops(self)
        except BaseException:
            # Never built twice, even half-way: a second try would duplicate panes and menus.
            # The window goes on without what is missing (every use checks is_complete).
            self._build_failed = True
            raise
        finally:
            self._completing = False
        self._later = later
        self._board = board
        board.attach(self.lib)
        self.docks.arrange_centre()  # the note beside the reader, if the layout says so
        later.suggestions.attach(self.lib)
        self._attach_review_and_notes(later, self.lib)
        forget_module_sources()  # and those of the later parts' modules
        self.completed.emit()

    def is_complete(self) -> bool:
        """Return whether complete_window() has run (every pane exists)."""
        return self._later is not None

    def _built(self) -> _LaterParts:
        """Return the parts built after the first paint, building them now if need be."""
        if self._later is None and not self._completing:
            try:
                self.complete_window()
            except AttributeError as exc:
                # Not "no such attribute": hasattr() and getattr() must not swallow a failure.
                raise RuntimeError(f"building the window failed: {exc}") from exc
        if self._later is None:
            raise RuntimeError("the note workspace is missing: building the window failed")
        return self._later

    @property
    def note_workspace(self) -> NoteWorkspace:
        """The Note tab (asked for before the first paint, it is built at once)."""
        return self._built().note_workspace

    @property
    def review(self) -> ReviewController:
        """The review dock and review files (built at once if asked for early)."""
        return self._built().review

    @property
    def chronology(self) -> ChronologyController:
        """The Chronology of claims by event date (built at once if asked for early)."""
        self._built()
        assert self._chronology is not None
        return self._chronology

    @property
    def matrix(self) -> MatrixController:
        """The ACH Matrix of a key question (built at once if asked for early)."""
        self._built()
        assert self._matrix is not None
        return self._matrix

    @property
    def board(self) -> BoardController:
        """The Board view of a key question (built at once if asked for early)."""
        self._built()
        assert self._board is not None
        return self._board

    @property
    def suggestions(self) -> SuggestionsController:
        """The suggested claims beside the reader (built at once if asked for early)."""
        return self._built().suggestions

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run action once the window has painted (a second on if it never does)."""
        PaintWatcher.once(self, action)

    def _complete_if_shown(self) -> None:
        # A window closed before its first paint may have closed its library as well.
        if self.isVisible():
            self.complete_window()

    # Construction -----------------------------------------------------------------------
    def _build_panels(self) -> None:
        sources = self.sources
        self.library_panel, self.reader = sources.library_panel, sources.reader
        self.inspector, self.source_panel = sources.inspector, sources.source_panel
        self.claims_panel = sources.claims_panel

        # The reader and, once built, the note: tabs, or side by side in the Write layout.
        self.work_area = area = WorkArea(sources.reader_title, self.reader, sources.find_bar)
        self.work_splitter, self.workspace_tabs = area, area.tabs
        self.reader_page, self.reader_splitter = area.reader_page, area.reader_splitter

        self.sample_hint = SampleHint()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sample_hint)
        layout.addWidget(self.work_splitter, 1)
        self.setCentralWidget(central)
        central.setAccessibleName("Reader and note")

    def _build_docks(self) -> None:
        self.docks = docks = PanelDocks(self, self.work_area.set_side_by_side, self.view_menu)
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        docks.add("sources", "&Sources", self.library_panel, left)
        docks.least_widths["sources"] = self.library_panel.readable_width
        docks.add("tags", "&Tags", self.library_panel.tags, left)
        docks.add("claims", "&Claims table", self.claims_panel, bottom)
        # Not wrapped in a scroll: the inspector scrolls its fields and keeps its buttons in view.
        docks.add("inspector", "Claim &inspector", self.inspector, right)
        docks.add("source", "Source &details", self.source_panel, right, scroll=True)

    def _build_actions(self) -> None:
        self.import_action = self.imports.import_action
        self.tag_action = self.sources.tag_action
        self.delete_claim_action = self.sources.delete_claim_action
        self.find_action = self.sources.find_action
        self.new_library_action = self.library_files.new_library_action
        self.open_library_action = self.library_files.open_library_action
        self.export_action = make_action(
            self,
            "&Export note…",
            lambda: self.note_workspace.export(),
            "Ctrl+E",
            "export",
            "Export the open note as Word or Markdown",
        )
        self.export_action.setEnabled(False)
        self.quit_action = make_action(self, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        # Undo and Redo save text typed in the note first, so the step cannot lose it.
        self.undo_action, self.redo_action = history_actions(
            self, self.undo_stack, self._flush_note
        )
        # Keyboard users move between panes with Ctrl+1…4. Each entry has its own letter in
        # the View menu (S is Show suggestions', P the Panels').
        self.focus_actions = [
            make_action(
                self,
                f"Go to {name}",
                partial(self._focus, widget),
                f"Ctrl+{n}",
                tip=f"Move the keyboard focus to the {name.replace('&', '').lower()}",
            )
            for n, (name, widget) in enumerate(
                (
                    ("S&ources", self.library_panel.view),
                    ("&Reader", self.reader),
                    ("&Claims table", self.claims_panel.view),
                    ("Claim &inspector", self.inspector.statement),
                ),
                start=1,
            )
        ]
        # F6 and Shift+F6 visit the panels shown, as in most desktop apps.
        self.next_panel_action = make_action(
            self,
            "Ne&xt panel",
            lambda: self.docks.focus_next_panel(),
            "F6",
            tip="Move the keyboard focus to the next panel",
        )
        self.previous_panel_action = make_action(
            self,
            "Pre&vious panel",
            lambda: self.docks.focus_next_panel(forward=False),
            "Shift+F6",
            tip="Move the keyboard focus to the previous panel",
        )
        # Shift+F10: the right-click menu where the focus is (Qt on Linux knows only the Menu key).
        self.context_menu_action = make_action(
            self,
            "Open context menu",
            lambda: open_context_menu(QApplication.focusWidget()),
            "Shift+F10",
        )
        self.addActions(
            [
                self.context_menu_action,
                self.next_panel_action,
                self.previous_panel_action,
                self.import_action,
                self.imports.import_folder_action,
                self.new_library_action,
                self.open_library_action,
                self.export_action,
                self.quit_action,
                self.undo_action,
                self.redo_action,
                self.tag_action,
                self.delete_claim_action,
                self.find_action,
                *self.focus_actions,
            ]
        )

    def _flush_note(self) -> None:
        if self._later is not None:
            self._later.note_workspace.flush()

    def _open_note_id(self) -> int | None:
        note = self._later.note_workspace.note if self._later is not None else None
        return note.id if note is not None else None

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_library_action)
        file_menu.addAction(self.open_library_action)
        file_menu.addMenu(self.library_files.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.imports.import_folder_action)
        file_menu.addAction(self.export_action)
        self.export_menu = file_menu.addMenu("E&xport")
        self.export_menu.addAction(self.project_export.action)
        self.export_menu.addAction(self.references_export.action)
        self.export_menu.addAction(self.table_export.menu_action)
        file_menu.addSeparator()
        # The review file actions join above it in complete_window.
        file_menu.addAction(self.backups.restore_backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.tag_action)
        edit_menu.addAction(self.delete_claim_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("&View")
        for action in self.focus_actions:
            self.view_menu.addAction(action)
        self.view_menu.addAction(self.next_panel_action)
        self.view_menu.addAction(self.previous_panel_action)
        self.view_menu.addSeparator()
        # Filled with the note actions when the note workspace is built (complete_window).
        self.note_menu = bar.addMenu("&Note")
        self.note_menu.addAction(self.export_action)
        help_menu = bar.addMenu("&Help")
        self.help_action, self.user_guide_action, self.about_action = add_help_actions(
            self, help_menu, lambda: self.lib.path
        )

    def _build_toolbar(self) -> None:
        self.toolbar = toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.import_action,
            None,
            self.tag_action,
            self.undo_action,
            self.redo_action,
            None,
            self.find_action,
            None,
            self.export_action,  # the note actions join it in complete_window
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

    def _build_suggestions(self) -> SuggestionsController:
        # Here, not at the top: built with the rest of the window after its first paint.
        from briefing_app.gui.suggest.controller import SuggestionsController

        suggestions = SuggestionsController(
            self.services, self.lib, self.reader, self.sources.edit_claim
        )
        # The list sits beside the text, in the splitter made for it.
        self.reader_splitter.addWidget(suggestions.suggestions_panel)
        self.reader_splitter.setStretchFactor(0, 3)
        self.reader_splitter.setStretchFactor(1, 1)
        # The splitter is already laid out around the reader alone: give the text three
        # quarters (a saved layout, restored after this, takes precedence).
        width = max(self.reader_splitter.width(), 400)
        self.reader_splitter.setSizes([width * 3 // 4, width - width * 3 // 4])
        return suggestions

    def _build_review_pane(self) -> ReviewController:
        from briefing_app.gui.review.controller import ReviewController

        review = ReviewController(self.services, self.lib, self.tasks)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(right, review.review_dock)
        # Shown, it takes a tab beside the inspector, not a share of its column: at 768 px high
        # the two stacked left the inspector its first two fields (it needs ~400 px, the pane
        # ~330). It comes to the front when shown (ReviewController.show_pane).
        self.docks.adopt("review", review.review_dock, right, behind="inspector")
        return review

    def _build_board(self) -> BoardController:
        """The Board dock: hidden until View ▸ Panels ▸ Board shows it, a tab by the claims."""
        from briefing_app.gui.board.controller import BoardController

        board = BoardController(self.services, self.lib)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks.add("board", "&Board", board.view, bottom, behind="claims")
        return board

    def _build_notes_area(self) -> NoteWorkspace:
        """The Note tab (editor, problems, preview) and the notes list under the sources."""
        from briefing_app.gui.notes.note_workspace import NoteWorkspace

        ws = NoteWorkspace(self.services, self.lib, self.tasks)
        ws.editor.history_actions = (self.undo_action, self.redo_action)  # the right-click menu
        ws.claim_in_view = lambda: self.inspector.claim.key if self.inspector.claim else None
        self.work_area.add_note(ws)
        self.workspace_tabs.currentChanged.connect(
            lambda _index: self.docks.follow_tab(self.work_area.note_in_front())
        )
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.docks.add("notes", "&Notes", ws.notes_panel, left)
        self.docks.add("problems", "&Problems", ws.problems, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.docks.add("preview", "Pre&view", ws.preview, Qt.DockWidgetArea.RightDockWidgetArea)
        ws.note_shown.connect(lambda note_id: self.export_action.setEnabled(note_id is not None))
        return ws

    def _build_chronology(self) -> ChronologyController:
        """The chronology dock: tabbed behind the sources, shown from View ▸ Panels."""
        from briefing_app.gui.chronology.controller import ChronologyController

        chronology = ChronologyController(self.services, self.lib)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.docks.add("chronology", "C&hronology", chronology.panel, left, behind="sources")
        return chronology

    def _build_matrix(self, workspace: NoteWorkspace) -> MatrixController:
        """The ACH Matrix dock: tabbed behind the claims table, shown from View ▸ Panels."""
        from briefing_app.gui.matrix.controller import MatrixController

        matrix = MatrixController(
            self.services, self.lib, lambda: workspace.note.id if workspace.note else None
        )
        workspace.note_shown.connect(matrix.note_changed)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks.add("matrix", "&Matrix (ACH)", matrix.panel, bottom, behind="claims")
        workspace.show_matrix = lambda question, row: self._show_matrix(matrix, question, row)
        return matrix

    def _show_matrix(self, matrix: MatrixController, question: str, row: str | None) -> None:
        """Bring the Matrix panel forward on a question's matrix, a row current."""
        dock = self.docks.docks["matrix"]
        dock.show()
        dock.raise_()
        matrix.go_to(question, row)

    def _add_later_menus(self, later: _LaterParts) -> None:
        """The note, suggestion and review actions in the menus and the toolbar."""
        ws, export = later.note_workspace, self.export_action
        note_actions = [ws.new_action, ws.rename_action, ws.duplicate_action, ws.delete_action]
        for action in note_actions:
            self.note_menu.insertAction(export, action)
        self.note_menu.insertSeparator(export)
        self.note_menu.insertAction(export, ws.cite_action)
        self.note_menu.insertAction(export, ws.replace_action)
        self.note_menu.insertMenu(export, ws.spelling_menu.menu)
        self.toolbar.insertAction(export, ws.new_action)
        self.toolbar.insertAction(export, ws.cite_action)
        go_to_note = make_action(
            self,
            "Go to No&te",
            lambda: ws.open_note_tab(ws.note.id) if ws.note else None,
            "Ctrl+5",
            tip="Move the keyboard focus to the note editor",
        )
        self.focus_actions.append(go_to_note)
        self.addActions([*note_actions, ws.cite_action, ws.replace_action, go_to_note])
        # With the other "Go to" entries, not after the Layout submenu.
        self.view_menu.insertAction(self.next_panel_action, go_to_note)

        suggestions = later.suggestions
        self.view_menu.addSeparator()
        self.view_menu.addAction(suggestions.show_suggestions_action)
        menu = self.view_menu.addMenu("Su&ggestions")
        for action in suggestions.suggestion_actions:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(suggestions.merge_party_action)
        self._menu("&Edit").addAction(suggestions.merge_party_action)

        review = later.review
        restore = self.backups.restore_backup_action
        file_menu = self._menu("&File")
        for action in review.review_actions:
            file_menu.insertAction(restore, action)
        file_menu.insertSeparator(restore)
        self.addActions(review.review_actions)

    # Library ----------------------------------------------------------------------------
    def _attach(self, lib: Library) -> None:
        self.lib = lib
        lib.subscribe(self._on_changes)
        name = lib.path.name if lib.path else "in memory"
        self.setWindowTitle(f"{name} — Briefing")
        self.setWindowFilePath(str(lib.path) if lib.path else "")
        self.undo_stack.clear()
        self.outside.attach(lib)
        self.after_first_paint(self.outside.start)
        self.imports.attach(lib)
        self.table_export.attach(lib)
        self.references_export.attach(lib)
        self.project_export.attach(lib)
        self.backups.attach(lib)
        if self._later is not None:
            # Before the reader shows the new library's text: that refreshes the suggestions.
            self._later.suggestions.attach(lib)
        self.sources.attach(lib)
        # The weighing views before the notes: opening the new library's note tells the
        # matrix which note's judgment to show, and it must read that from the new library.
        if self._chronology is not None:
            self._chronology.attach(lib)
        if self._matrix is not None:
            self._matrix.attach(lib)
        if self._board is not None:
            self._board.attach(lib)
        if self._later is not None:
            self._attach_review_and_notes(self._later, lib)

    def _attach_review_and_notes(self, later: _LaterParts, lib: Library) -> None:
        # The review pane before the workspace: opening the note tells the pane which it is.
        later.review.attach(lib)
        later.note_workspace.attach(lib)

    def switch_library(self, path: Path) -> None:
        """Open the library at path in this window, closing the current one."""
        try:
            new = Library.open(path, backup=False)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        # A task still running on the old file goes on there (see TaskRunner).
        old = self.lib
        if self._later is not None:
            self._later.note_workspace.flush()
        old.unsubscribe(self._on_changes)
        remember_place(old.path, self.sources.reading_place())
        old.close()
        self.sample_hint.hide()
        self._attach(new)
        # The old library's list may have been scrolled sideways: the new one shows its titles.
        self.library_panel.view.horizontalScrollBar().setValue(0)
        if self._later is not None and self._later.note_workspace.note is None:
            # No note to show (a new library): the reader says how to import the first source.
            self.work_area.bring_forward(self.reader)
        remember_library(path)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        self.start_background_backup()

    def start_background_backup(self) -> Task[Path | None] | None:
        """Make the on-open backup as a background task (the library opens with backup=False)."""
        return self.backups.start_background_backup()

    def show_sample_hint(self, visible: bool = True) -> None:
        """Show (or hide) the notice that this library holds the sample data."""
        self.sample_hint.setVisible(visible)

    # Refreshing and operations ----------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.wholesale:
            # The library was replaced (a backup restored, here or elsewhere): undo steps
            # refer to records as they were, and could undo into records of the same id.
            if self._later is not None:
                self._later.note_workspace.end_typing_step()
            self.undo_stack.clear()
        self.sources.on_changes(changes)
        if self._later is not None:  # else the workspace reads the library when it is built
            self._later.note_workspace.on_changes(changes)

    def execute(self, command: LibraryCommand) -> bool:
        """Run a command and put it on the undo stack; report a refused operation."""
        command.on_error = self.show_error
        try:
            command.execute()
        except BriefingError as exc:
            command.refusal = str(exc)
            self.show_error(command.refusal)
            return False
        self.undo_stack.push(command)
        self.statusBar().showMessage(command.text(), 4000)
        return True

    def show_error(self, message: str) -> None:
        """Report a refused operation in the status bar, where it does not interrupt."""
        self.statusBar().showMessage(f"⚠ {message}", 8000)

    def clear_error(self) -> None:
        """Take down the error the status bar shows (its field was corrected or put back)."""
        if self.statusBar().currentMessage().startswith("⚠"):
            self.statusBar().clearMessage()

    def bring_forward(self, widget: QWidget) -> None:
        """Make the workspace tab holding widget the current one, and its dock the front one
        of the docks it shares a place with (no tab holds it: nothing)."""
        self.work_area.bring_forward(widget)
        self.docks.bring_forward(widget)

    def _focus(self, widget: QWidget) -> None:
        # The reader may sit behind the Note tab: bring it forward before it takes the keys.
        self.bring_forward(widget)
        widget.setFocus()

    def _menu(self, title: str) -> QMenu:
        for action in self.menuBar().actions():
            if action.text() == title and action.menu() is not None:
                menu = action.menu()
                assert isinstance(menu, QMenu)
                return menu
        return self.menuBar().addMenu(title)

    # Window events ----------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab: the next field on screen, panel by panel as they are seen."""
        focus = QApplication.focusWidget()
        if self._closed or focus is None or not focus.isVisible():
            # Qt moving the focus off a widget being hidden or deleted: its own way, which
            # touches nothing half gone.
            return super().focusNextPrevChild(next)
        return move_focus(self, next)

    def showEvent(self, event: QShowEvent) -> None:
        """On the very first show, divide the window sensibly (later shows keep the user's)."""
        super().showEvent(event)
        if self._later is None:
            # The note workspace, review pane and suggestions are not in the first picture:
            # they are built just after the window's first paint, before any input is
            # handled, or at once when something asks for them (note_workspace, review, …).
            self.after_first_paint(self._complete_if_shown)
        else:
            self._later.suggestions.refresh_when_shown()
        self.layout_memory.shown()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files and folders dragged from the desktop."""
        self.imports.eventFilter(self, event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the dropped files and folders."""
        self.imports.eventFilter(self, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout; there is nothing to save, every change already is."""
        self._closed = True
        self.outside.stop()
        if self._later is not None:
            self._later.note_workspace.stop()
            self._later.suggestions.stop()
        if self._chronology is not None:
            self._chronology.stop()
        # An import stops after the file being read; the files imported so far stay.
        self.tasks.cancel_all()
        self.tasks.wait()
        self.layout_memory.save(with_docks=self._later is not None)
        remember_place(self.lib.path, self.sources.reading_place())
        super().closeEvent(event)


class _WindowServices(Services):
    """What the window gives its controllers: each method as documented in gui/services.py."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def execute(self, command: LibraryCommand) -> bool:
        return self._window.execute(command)

    def record(self, command: QUndoCommand) -> None:
        self._window.undo_stack.push(command)

    def forget_history(self) -> None:
        self._window.undo_stack.clear()

    def show_error(self, message: str) -> None:
        self._window.show_error(message)

    def clear_error(self) -> None:
        self._window.clear_error()

    def show_status(self, message: str, ms: int = 4000) -> None:
        self._window.statusBar().showMessage(message, ms)

    def show_claim(self, claim_id: int) -> None:
        self._window.sources.show_claim(claim_id)

    def go_to_note_place(self, note_id: int, section_key: str, start: int, end: int) -> None:
        self._window.note_workspace.go_to_place(note_id, section_key, start, end)

    def after_first_paint(self, action: Callable[[], None]) -> None:
        self._window.after_first_paint(action)

    def dialog_parent(self) -> QWidget:
        return self._window

    def bring_forward(self, widget: QWidget) -> None:
        self._window.bring_forward(widget)

    def route_file_drops(self) -> None:
        self._window.imports.route_drops(self._window)
