"""The main window: library, reader, claim inspector, source panel and claims table.

Views change data only by pushing commands (which call core operations) and refresh from the
Changes the library reports after every committed write.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.models import Source
from briefing_app.core.records.listing import source_titles
from briefing_app.gui.backup_actions import BackupActions
from briefing_app.gui.commands import (
    CreateClaimCommand,
    DeleteClaimCommand,
    DeleteTagCommand,
    EditClaimCommand,
    EditSourceCommand,
    ImportCommand,
    LibraryCommand,
)
from briefing_app.gui.help_menu import add_help_actions
from briefing_app.gui.icons import icon
from briefing_app.gui.review_actions import ReviewActions
from briefing_app.gui.settings import app_settings, recent_libraries, remember_library
from briefing_app.gui.suggestion_actions import SuggestionActions
from briefing_app.gui.tasks import TaskRunner
from briefing_app.gui.widgets.claim_inspector import ClaimInspector
from briefing_app.gui.widgets.claims_panel import ClaimsPanel
from briefing_app.gui.widgets.library_panel import LibraryPanel
from briefing_app.gui.widgets.reader import Reader
from briefing_app.gui.widgets.source_panel import SourcePanel

if TYPE_CHECKING:
    # Loaded on first use: importing files is not part of start-up.
    from briefing_app.core.importers.batch import ImportSummary
    from briefing_app.gui.dialogs.import_dialog import ImportDialog

# Above this many changed claims a full reload is cheaper than patching rows one by one.
_PATCH_LIMIT = 400
# Narrower than this, a column of the main splitter is no longer readable (px).
_NARROWEST_PANE = 200
# Above this many claims the claims table and tag lists load just after the window shows.
DEFER_CLAIMS = 20_000
# What complete_window builds after the first paint; asking for one of them builds them all.
_BUILT_LATER = frozenset(
    {
        "note_workspace",
        "review_pane",
        "review_dock",
        "review_actions",
        "versions_dialog",
        "suggestions_panel",
        "suggestion_finder",
        "suggestion_actions",
        "show_suggestions_action",
        "merge_party_action",
    }
)

HELP_TEXT = """<h3>Briefing</h3>
<p>Import articles, tag claims in them, grade sources, and write briefing notes.</p>
<table>
<tr><td><b>Ctrl+O</b></td><td>Import files (or drop files and folders on the window)</td></tr>
<tr><td><b>Ctrl+T</b></td><td>Tag the selected passage as a claim</td></tr>
<tr><td><b>Ctrl+F</b></td><td>Filter the sources by full-text search</td></tr>
<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>Undo / redo any change</td></tr>
<tr><td><b>Ctrl+Shift+N</b></td><td>New note from a template</td></tr>
<tr><td><b>Ctrl+K</b></td><td>Cite claims in the note (or drag claims into it)</td></tr>
<tr><td><b>Ctrl+E</b></td><td>Export the open note as Word or Markdown</td></tr>
</table>
<p>Every change is saved at once; there is no Save command.</p>"""


class MainWindow(SuggestionActions, ReviewActions, BackupActions, QMainWindow):
    """The Briefing workspace for one library."""

    import_finished = Signal(object)
    # The claims table and tag lists hold the library's claims (see DEFER_CLAIMS).
    claims_loaded = Signal()
    # A message from work done in another thread (e.g. the backup on start) for the status bar.
    background_error = Signal(str)
    # complete_window() has built the note workspace, review pane and suggestions.
    completed = Signal()

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.lib = lib
        self.undo_stack = QUndoStack(self)
        # Import, export, backups and review files run here, off the UI thread.
        self.tasks = TaskRunner(self, report_error=self.show_error)
        self._imports: list[ImportDialog] = []
        self.current_source_id: int | None = None
        self._completed = False
        self._completing = False
        self._build_failed = False
        self._closed = False
        self.setWindowIcon(icon("briefing"))
        self.setAcceptDrops(True)
        self._build_panels()
        self._build_actions()
        self._build_menus()
        self._add_backup_menu()
        self._build_toolbar()
        self._restore_geometry()
        self._restore_splitters(self._splitters())
        self.statusBar().showMessage("Ready", 3000)
        self.background_error.connect(self.show_error)
        self._attach(lib)

    def complete_window(self) -> None:
        """Build the parts the first paint does without: notes, review pane, suggestions."""
        if self._completed or self._completing or self._build_failed:
            return
        if self._closed:
            raise RuntimeError("the window was closed before its note workspace was built")
        self._completing = True
        try:
            self._build_suggestions()
            self._build_review_pane()
            self._build_notes_area()
            self._add_suggestion_actions()
            self._add_review_menu()
            self._connect_review_to_notes()
            self._restore_splitters(self._later_splitters())
            self._restore_docks()
            self._route_file_drops()
        except BaseException:
            # Never built twice, even half-way: a second try would duplicate panes and menus.
            # The window goes on without what is missing (every use checks _completed).
            self._build_failed = True
            raise
        finally:
            self._completing = False
        self._completed = True
        self._attach_later_parts(self.lib)
        self.completed.emit()

    def is_complete(self) -> bool:
        """Return whether complete_window() has run (every pane exists)."""
        return self._completed

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run action once the window has painted (a second on if it never does)."""
        _PaintWatcher.once(self, action)

    def _complete_if_shown(self) -> None:
        # A window closed before its first paint may have closed its library as well.
        if self.isVisible():
            self.complete_window()

    def __getattr__(self, name: str) -> Any:
        """Build the deferred parts when one of them is asked for before they exist."""
        if name in _BUILT_LATER and not self.__dict__.get("_completing", True):
            try:
                self.complete_window()
            except AttributeError as exc:
                # Not "no such attribute": hasattr() and getattr() must not swallow a failure.
                raise RuntimeError(f"building the window failed: {exc}") from exc
            if not self._completed:
                raise RuntimeError(f"{name} is missing: building the window failed earlier")
            return object.__getattribute__(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _connect_review_to_notes(self) -> None:
        """The review pane follows the open note, and 'Go to' opens the place in the editor."""
        self.note_workspace.note_shown.connect(self.review_pane.set_current_note)
        self.review_pane.jump_to.connect(self.go_to_note_place)
        self.review_pane.before_note_change.connect(self.note_workspace.flush)

    def go_to_note_place(self, note_id: int, section_key: str, start: int, end: int) -> None:
        """Open a note in the editor and select a range of a section (-1: the whole section)."""
        self.note_workspace.open_note_tab(note_id)
        editor = self.note_workspace.editor
        if start < 0:
            box_editor = editor.editor(section_key)
            length = len(box_editor.body()) if box_editor is not None else 0
            editor.go_to(section_key, 0, length)
        else:
            editor.go_to(section_key, start, end)

    # Construction -----------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.library_panel = LibraryPanel()
        self.reader = Reader()
        self.reader.describe_claim = self.describe_claim
        self.inspector = ClaimInspector()
        self.source_panel = SourcePanel()
        self.claims_panel = ClaimsPanel()

        # A tab widget, so the note editor can sit beside the reader as another tab.
        self.workspace_tabs = QTabWidget()
        self.workspace_tabs.setDocumentMode(True)
        self.reader_title = QLabel()
        self.reader_title.setTextFormat(Qt.TextFormat.RichText)
        self.reader_title.setWordWrap(True)
        self.reader_title.setAccessibleName("Source title")
        self.reader_page = QWidget()
        page_layout = QVBoxLayout(self.reader_page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        page_layout.addWidget(self.reader_title)
        # The suggestions list joins the reader here when the window is completed.
        self.reader_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.reader_splitter.setObjectName("reader_splitter")
        self.reader_splitter.addWidget(self.reader)
        page_layout.addWidget(self.reader_splitter, 1)
        self.workspace_tabs.addTab(self.reader_page, icon("source"), "Reader")
        self.workspace_tabs.setAccessibleName("Workspace")

        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.setObjectName("centre_splitter")
        self.centre_splitter.addWidget(self.workspace_tabs)
        self.centre_splitter.addWidget(self.claims_panel)
        self.centre_splitter.setStretchFactor(0, 3)
        self.centre_splitter.setStretchFactor(1, 2)

        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.setObjectName("side_splitter")
        for title, widget in (("Claim", self.inspector), ("Source", self.source_panel)):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            # The form follows the pane's width instead of scrolling sideways.
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(widget)
            scroll.setAccessibleName(title)
            self.side_splitter.addWidget(scroll)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.library_panel)
        self.main_splitter.addWidget(self.centre_splitter)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 5)
        self.main_splitter.setStretchFactor(2, 2)

        self.sample_hint = self._make_sample_hint()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sample_hint)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.library_panel.source_selected.connect(self.open_source)
        self.library_panel.filter_changed.connect(self._filter_sources)
        self.library_panel.tag_selected.connect(self._filter_claims_by_tag)
        self.library_panel.tag_delete_requested.connect(
            lambda tag_id: self.execute(DeleteTagCommand(self.lib, tag_id))
        )
        self.reader.claim_clicked.connect(self.select_claim)
        self.claims_panel.filter_changed.connect(self._filter_claims)
        self.claims_panel.claim_selected.connect(self._claim_row_selected)
        self.claims_panel.claim_activated.connect(self.show_claim)
        self.inspector.edit_requested.connect(
            lambda claim_id, values: self.execute(EditClaimCommand(self.lib, claim_id, **values))
        )
        self.inspector.delete_requested.connect(
            lambda claim_id: self.execute(DeleteClaimCommand(self.lib, claim_id))
        )
        self.inspector.show_requested.connect(self.show_claim)
        self.source_panel.edit_requested.connect(
            lambda source_id, values: self.execute(EditSourceCommand(self.lib, source_id, **values))
        )
        # Claims dragged from the table or the reader land in a note as citations.
        self.claims_panel.view.setDragEnabled(True)
        self.claims_panel.view.setDragDropMode(self.claims_panel.view.DragDropMode.DragOnly)
        self.reader.claim_keys = lambda ids: [self.lib.claims.get(i).key for i in ids]

    def _make_sample_hint(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("sample_hint")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet(
            "#sample_hint { background: rgba(240, 180, 40, 60); border-radius: 4px; }"
        )
        label = QLabel(
            "<b>This library holds sample data</b> — a demo article with tagged claims and a "
            "note. To start your own work, choose <b>File ▸ New library…</b>, or "
            "<b>File ▸ Open library…</b> for an existing one."
        )
        label.setWordWrap(True)
        label.setAccessibleName("Sample data notice")
        self.sample_hint_label = label
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Hide this notice")
        close.setAccessibleName("Hide sample data notice")
        close.clicked.connect(frame.hide)
        row = QHBoxLayout(frame)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(label, 1)
        row.addWidget(close)
        frame.hide()
        return frame

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                if shortcut is not None
                else tip
            )
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            "&Import…",
            self.choose_import,
            QKeySequence.StandardKey.Open,
            "import",
            "Import articles from files or folders",
        )
        self.new_library_action = self._action(
            "&New library…",
            self.choose_new_library,
            QKeySequence.StandardKey.New,
            "library-new",
            "Start a new, empty library file",
        )
        self.open_library_action = self._action(
            "&Open library…",
            self.choose_open_library,
            "Ctrl+Shift+O",
            "library-open",
            "Open another library file",
        )
        self.export_action = self._action(
            "&Export note…",
            lambda: self.note_workspace.export(),
            "Ctrl+E",
            "export",
            "Export the open note as Word or Markdown",
        )
        self.export_action.setEnabled(False)
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self._history_action("&Undo", self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Undo {text}".strip())
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self._history_action("&Redo", self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(f"&Redo {text}".strip())
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icon("redo"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.tag_action = self._action(
            "&Tag selection as claim",
            self.tag_selection,
            "Ctrl+T",
            "tag",
            "Anchor a new claim exactly at the selected passage",
        )
        self.reader.context_actions = [self.tag_action]
        self.delete_claim_action = self._action(
            "&Delete claim",
            self.delete_current_claim,
            None,
            "delete",
            "Delete the claim shown in the inspector",
        )
        self.find_action = self._action(
            "&Find sources…",
            self.focus_filter,
            QKeySequence.StandardKey.Find,
            "find",
            "Filter the sources by full-text search",
        )
        # Keyboard users move between panes with Ctrl+1…4.
        self.focus_actions = [
            self._action(
                f"Go to {name}",
                lambda _c=False, w=widget: self._focus(w),
                f"Ctrl+{n}",
                tip=f"Move the keyboard focus to the {name.lower()}",
            )
            for n, (name, widget) in enumerate(
                (
                    ("Sources", self.library_panel.view),
                    ("Reader", self.reader),
                    ("Claims table", self.claims_panel.view),
                    ("Claim inspector", self.inspector.statement),
                ),
                start=1,
            )
        ]
        self.delete_claim_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_claim_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.claims_panel.view.addAction(self.delete_claim_action)
        self.help_action = self._action(
            "Briefing &help",
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
            "help",
            "Keyboard shortcuts and how to start",
        )

    def _history_action(self, text: str, step: Callable[[], None]) -> QAction:
        """Undo or Redo: text typed in the note is saved first, so the step cannot lose it."""
        action = QAction(text, self)
        action.setEnabled(False)

        def run() -> None:
            if self._completed:
                self.note_workspace.flush()
            step()

        action.triggered.connect(run)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_library_action)
        file_menu.addAction(self.open_library_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
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
        # Filled with the note actions when the note workspace is built (complete_window).
        self.note_menu = bar.addMenu("&Note")
        self.note_menu.addAction(self.export_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        self.user_guide_action, self.about_action = add_help_actions(
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

    # Notes ------------------------------------------------------------------------------
    def _build_notes_area(self) -> None:
        """The Note tab (editor, problems, preview), the notes list under the sources, and
        the note actions in the Note menu, the View menu and the toolbar."""
        from briefing_app.gui.note_workspace import NoteWorkspace

        self.note_workspace = ws = NoteWorkspace(self)
        self.workspace_tabs.addTab(ws, icon("note"), "Note")
        self.library_panel.splitter.addWidget(ws.notes_panel)
        export = self.export_action
        for action in (ws.new_action, ws.rename_action, ws.duplicate_action, ws.delete_action):
            self.note_menu.insertAction(export, action)
        self.note_menu.insertSeparator(export)
        self.note_menu.insertAction(export, ws.cite_action)
        self.toolbar.insertAction(export, ws.new_action)
        self.toolbar.insertAction(export, ws.cite_action)
        go_to_note = self._action(
            "Go to Note",
            lambda: ws.open_note_tab(ws.note.id) if ws.note else None,
            "Ctrl+5",
            tip="Move the keyboard focus to the note editor",
        )
        self.focus_actions.append(go_to_note)
        self.view_menu.addAction(go_to_note)

    # Library ----------------------------------------------------------------------------
    def _attach(self, lib: Library) -> None:
        self.lib = lib
        lib.subscribe(self._on_changes)
        name = lib.path.name if lib.path else "in memory"
        self.setWindowTitle(f"{name} — Briefing")
        self.setWindowFilePath(str(lib.path) if lib.path else "")
        self.undo_stack.clear()
        self.current_source_id = None
        self.reader.show_source(None, "", [])
        self._show_reader_title(None)
        self.inspector.show_claim(None)
        self.source_panel.show_source(None)
        self.reload_sources()
        self.claims_panel.model.filter = self.claims_panel.current_filter()
        if lib.claims.count() > DEFER_CLAIMS:
            # A big library: the window paints first, the claims table and tags a moment later
            # (a zero timer alone would run before the first paint).
            self.claims_panel.model.attach(None)
            self.claims_panel.count_label.setText("Loading claims…")
            self._after_first_paint(lambda: self._load_claims_and_tags(lib))
        else:
            self._load_claims_and_tags(lib)
        if self.library_panel.model.rowCount():
            self.library_panel.select_source(self.library_panel.model.id_at(0))
        if self._completed:
            self._attach_later_parts(lib)

    def _attach_later_parts(self, lib: Library) -> None:
        # The review pane first: opening the note in the workspace tells the pane which it is.
        self._attach_review_and_suggestions(lib)
        self.note_workspace.attach(lib)

    def _after_first_paint(self, action: Callable[[], None]) -> None:
        """Run action once the claims table has painted (or after a second, if it does not)."""
        _PaintWatcher.once(self.claims_panel.view.viewport(), action)

    def _load_claims_and_tags(self, lib: Library) -> None:
        if lib is not self.lib:  # another library was opened before this ran
            return
        self.reload_tags()
        self.reload_claims()
        self.claims_loaded.emit()

    def switch_library(self, path: Path) -> None:
        """Open the library at path in this window, closing the current one."""
        try:
            new = Library.open(path, backup=False)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        # A task still running on the old file goes on there (see TaskRunner).
        old = self.lib
        if self._completed:
            self.note_workspace.flush()
        old.unsubscribe(self._on_changes)
        old.close()
        self.sample_hint.hide()
        self._attach(new)
        remember_library(path)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        self.start_background_backup()

    def show_sample_hint(self, visible: bool = True) -> None:
        """Show (or hide) the notice that this library holds the sample data."""
        self.sample_hint.setVisible(visible)

    # Refreshing -------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.sources:
            self.reload_sources()
            if self.current_source_id in changes.sources:
                self._refresh_current_source()
        if changes.claims:
            self._refresh_claims(changes.claims)
            if self.current_source_id is not None and not changes.sources:
                self._refresh_spans()
            claim = self.inspector.claim
            if claim is not None and claim.id in changes.claims:
                self._show_claim_in_inspector(claim.id)
        if changes.tags or changes.claims:
            self.reload_tags()
        if self._completed:  # else the workspace reads the library when it is built
            self.note_workspace.on_changes(changes)

    def reload_sources(self) -> None:
        """Reload the library list (keeping the filter and selection)."""
        self.library_panel.model.attach(self.lib)
        if self.current_source_id is not None:
            self.library_panel.select_source(self.current_source_id)
        self.claims_panel.set_sources_later(lambda lib=self.lib: source_titles(lib))

    def reload_tags(self) -> None:
        """Reload the tags list, the completions and the tag and party filters."""
        tags = self.lib.tags.all()
        parties = self.lib.claims.parties()
        self.library_panel.show_tags(tags)
        self.inspector.set_completions(parties, [f"{t.kind}:{t.name}" for t in tags])
        names = sorted({t.name for t in tags}, key=str.casefold)
        self.claims_panel.set_choices(tags=names, parties=parties)

    def reload_claims(self) -> None:
        """Reload the claims table: the ids it shows; rows are fetched as they come into view."""
        self.claims_panel.model.attach(self.lib)
        self.claims_panel.update_count(self.claims_panel.model.total())

    def _filter_claims(self) -> None:
        self.claims_panel.model.set_filter(self.claims_panel.current_filter())
        self.claims_panel.update_count(self.claims_panel.model.total())

    def _refresh_claims(self, ids: set[int]) -> None:
        if len(ids) > _PATCH_LIMIT:
            self.reload_claims()
            return
        self.claims_panel.model.update(ids)
        self.claims_panel.update_count(self.claims_panel.model.total())

    def _refresh_current_source(self) -> None:
        source_id = self.current_source_id
        if source_id is None:
            return
        try:
            source = self.lib.sources.get(source_id)
        except BriefingError:
            self.current_source_id = None
            self.reader.show_source(None, "", [])
            self.source_panel.show_source(None)
            self._show_reader_title(None)
            return
        self.source_panel.show_source(source)
        self._show_reader_title(source)
        if self.reader.toPlainText() != source.text:
            self.reader.show_source(source.id, source.text, self.lib.claims.spans(source.id))
        else:
            self._refresh_spans()

    def _refresh_spans(self) -> None:
        if self.current_source_id is not None:
            # Only the blocks whose claims changed are repainted (a 1 MB source: ~0.4 s whole).
            self.reader.update_layer(self.lib.claims.spans(self.current_source_id), "claims")

    # Navigation -------------------------------------------------------------------------
    def open_source(self, source_id: int) -> None:
        """Show a source in the reader and the source panel."""
        if source_id == self.current_source_id:
            return
        try:
            source = self.lib.sources.get(source_id)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        self.current_source_id = source_id
        self.reader.show_source(source.id, source.text, self.lib.claims.spans(source.id))
        self.source_panel.show_source(source)
        self._show_reader_title(source)
        self.library_panel.select_source(source_id)
        self.statusBar().showMessage(
            f"{source.title or 'Untitled'} — {source.claim_count} claims", 4000
        )

    def _show_reader_title(self, source: Source | None) -> None:
        if source is None:
            self.reader_title.setText("")
            return
        facts = [source.outlet, source.published or "", f"reliability {source.reliability}"]
        if source.marking:
            facts.append(source.marking)
        self.reader_title.setText(
            f"<span style='font-size:large'><b>{html.escape(source.title or 'Untitled')}</b>"
            f"</span><br>{html.escape(' · '.join(f for f in facts if f))}"
        )

    def select_claim(self, claim_id: int) -> None:
        """Show a claim in the inspector and select it in the table."""
        self._show_claim_in_inspector(claim_id)
        self.claims_panel.select_claim(claim_id)

    def show_claim(self, claim_id: int) -> None:
        """Open a claim's source and select its passage (e.g. after double-clicking it)."""
        try:
            claim = self.lib.claims.get(claim_id)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        self.workspace_tabs.setCurrentWidget(self.reader_page)
        self.open_source(claim.source_id)
        self.reader.select_span(claim.start, claim.end)
        self.select_claim(claim_id)
        self.reader.setFocus()

    def _claim_row_selected(self, claim_id: int) -> None:
        self._show_claim_in_inspector(claim_id)

    def _show_claim_in_inspector(self, claim_id: int) -> None:
        try:
            self.inspector.show_claim(self.lib.claims.get(claim_id))
        except BriefingError:
            self.inspector.show_claim(None)

    def describe_claim(self, claim_id: int) -> str:
        """Return the tooltip for a claim: key, party, kind, grade and statement."""
        try:
            claim = self.lib.claims.get(claim_id)
        except BriefingError:
            return ""
        statement = html.escape(claim.statement or "(no statement yet)")
        return (
            f"<b>{claim.key}</b> · {html.escape(claim.kind)} · credibility {claim.credibility}"
            f" · {html.escape(claim.status)}<br><i>{html.escape(claim.party or 'no party')}</i>"
            f"<br>{statement}"
        )

    def _filter_sources(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.library_panel.model.set_filter(None)
            self.statusBar().clearMessage()
            return
        ids = set(self.lib.search.source_ids(text))
        self.library_panel.model.set_filter(ids)
        self.statusBar().showMessage(f"{len(ids)} source(s) match “{text}”", 4000)

    def _filter_claims_by_tag(self, name: str) -> None:
        self.claims_panel.set_filter_value(self.claims_panel.tag_filter, name)

    def focus_filter(self) -> None:
        """Put the cursor in the sources filter box."""
        self.library_panel.filter_edit.setFocus()
        self.library_panel.filter_edit.selectAll()

    # Operations -------------------------------------------------------------------------
    def execute(self, command: LibraryCommand) -> bool:
        """Run a command and put it on the undo stack; report a refused operation."""
        command.on_error = self.show_error
        try:
            command.execute()
        except BriefingError as exc:
            self.show_error(str(exc))
            return False
        self.undo_stack.push(command)
        self.statusBar().showMessage(command.text(), 4000)
        return True

    def _focus(self, widget: QWidget) -> None:
        # The reader may sit behind the Note tab: bring it forward before it takes the keys.
        if widget is self.reader:
            self.workspace_tabs.setCurrentWidget(self.reader_page)
        widget.setFocus()

    def tag_selection(self) -> None:
        """Anchor a new claim at the reader's selection and open it in the inspector."""
        span = self.reader.selection_span()
        if self.workspace_tabs.currentWidget() is not self.reader_page:
            # Ctrl+T typed while writing the note must not tag a passage the analyst cannot see.
            self.statusBar().showMessage("Open the Reader tab to tag a passage", 4000)
            return
        if self.current_source_id is None or span is None:
            self.statusBar().showMessage("Select a passage in the reader to tag it", 4000)
            return
        command = CreateClaimCommand(self.lib, self.current_source_id, *span)
        if self.execute(command):
            self.select_claim(command.result.id)
            self.inspector.statement.setFocus()

    def delete_current_claim(self) -> None:
        """Delete the claim shown in the inspector (or selected in the table)."""
        claim_id = self.claims_panel.current_claim_id()
        if self.inspector.claim is not None:
            claim_id = self.inspector.claim.id
        if claim_id is not None:
            self.execute(DeleteClaimCommand(self.lib, claim_id))

    def show_error(self, message: str) -> None:
        """Report a refused operation in the status bar, where it does not interrupt."""
        self.statusBar().showMessage(f"⚠ {message}", 8000)

    # Import -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        """Ask for files to import (several at once) and import them."""
        from briefing_app.core.importers.base import importable_suffixes

        patterns = " ".join(f"*{s}" for s in importable_suffixes())
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import sources", "", f"Articles ({patterns});;All files (*)"
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: Sequence[Path]) -> ImportDialog:
        """Import files and folders off the UI thread; import_finished fires with the summary."""
        self.statusBar().showMessage(f"Importing {len(paths)} item(s)…")
        from briefing_app.gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog.start(self, self.lib, paths, self.tasks)
        self._imports.append(dialog)
        dialog.task.finished.connect(lambda d=dialog: self._imports.remove(d))
        dialog.import_finished.connect(self._import_done)
        return dialog

    def _import_done(self, summary: ImportSummary) -> None:
        ids = {o.source_id for o in summary.by_status("imported") if o.source_id is not None}
        if ids:
            self.undo_stack.push(_already_done(ImportCommand(self.lib, summary), self))
            if self.current_source_id is None:
                self.open_source(min(ids))
        self.statusBar().showMessage(f"Import: {summary.line()}", 8000)
        from briefing_app.gui.dialogs.import_dialog import summary_details

        details = summary_details(summary)
        if summary.by_status("failed"):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Import finished",
                f"Import: {summary.line()}.",
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setInformativeText("Some files could not be imported; see the details.")
            box.setDetailedText(details)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.import_finished.emit(summary)

    def _route_file_drops(self) -> None:
        # Text fields accept drops themselves and would paste a dropped file's path:
        # files dropped anywhere in the window are imported instead.
        for widget in self.findChildren(QWidget):
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Send files dragged onto any panel to the import."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if _local_paths(event.mimeData()):
                if kind == QEvent.Type.Drop:
                    self.dropEvent(event)
                else:
                    event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files and folders dragged from the desktop."""
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the dropped files and folders."""
        paths = _local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # Libraries --------------------------------------------------------------------------
    def choose_new_library(self) -> None:
        """Ask where to create a new, empty library and open it."""
        name, _ = QFileDialog.getSaveFileName(
            self, "New library", "library.sqlite", "Briefing libraries (*.sqlite)"
        )
        if name:
            path = Path(name)
            if path.exists():
                self.show_error(f"{path}: already exists; use Open library instead")
                return
            self.switch_library(path)

    def choose_open_library(self) -> None:
        """Ask for a library file and open it."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Open library", "", "Briefing libraries (*.sqlite);;All files (*)"
        )
        if name:
            self.switch_library(Path(name))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_libraries():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.switch_library(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent libraries").setEnabled(False)

    def show_help(self) -> None:
        """Show the keyboard shortcuts and how to start."""
        QMessageBox.about(self, "Briefing help", HELP_TEXT)

    # Layout memory ----------------------------------------------------------------------
    def _splitters(self) -> list[QSplitter]:
        return [self.main_splitter, self.centre_splitter, self.side_splitter]

    def _later_splitters(self) -> list[QSplitter]:
        # The sources/notes splitter holds the notes list, which comes with the note workspace.
        return [
            self.library_panel.splitter,
            self.reader_splitter,
            self.note_workspace.splitter,
            self.note_workspace.left_splitter,
        ]

    def _restore_geometry(self) -> None:
        geometry = app_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        self._layout_restored = False

    def _restore_docks(self) -> None:
        # The review dock open or closed, and where the toolbar was, as the analyst left them.
        state = app_settings().value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _restore_splitters(self, splitters: list[QSplitter]) -> None:
        settings = app_settings()
        for splitter in splitters:
            state = settings.value(f"splitters/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                self._layout_restored = splitter.restoreState(state) or self._layout_restored

    def showEvent(self, event: QShowEvent) -> None:
        """On the very first show, divide the window sensibly (later shows keep the user's)."""
        super().showEvent(event)
        if not self._completed:
            # The note workspace, review pane and suggestions are not in the first picture:
            # they are built just after the window's first paint, before any input is
            # handled, or at once when something asks for them (see __getattr__).
            self.after_first_paint(self._complete_if_shown)
        self._refresh_after_show()
        if not self._layout_restored:
            self._layout_restored = True
            # After the first layout pass, when the splitters know their real size.
            QTimer.singleShot(0, self._default_layout)

    def _default_layout(self) -> None:
        self._divide_main_splitter(self.main_splitter.width())
        height = self.centre_splitter.height()
        self.centre_splitter.setSizes([int(height * 0.6), int(height * 0.4)])

    def _divide_main_splitter(self, width: int) -> None:
        self.main_splitter.setSizes([int(width * 0.28), int(width * 0.46), int(width * 0.26)])

    def _balance_panes(self) -> None:
        """Give the sources and inspector columns their share back when they got too narrow."""
        sizes = self.main_splitter.sizes()
        if sizes and min(sizes) < _NARROWEST_PANE:
            self._divide_main_splitter(sum(sizes))

    def save_layout(self) -> None:
        """Remember the window geometry and splitter sizes."""
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        if self._completed:  # docks and toolbar: the review dock exists only then
            settings.setValue("window/state", self.saveState())
        splitters = self._splitters() + (self._later_splitters() if self._completed else [])
        for splitter in splitters:
            settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout; there is nothing to save, every change already is."""
        if self._completed:
            self.note_workspace.stop()
        self._closed = True
        self._stop_workers()
        self.save_layout()
        super().closeEvent(event)

    def _menu(self, title: str) -> QMenu:
        for action in self.menuBar().actions():
            if action.text() == title and action.menu() is not None:
                menu = action.menu()
                assert isinstance(menu, QMenu)
                return menu
        return self.menuBar().addMenu(title)

    def _attach_review_and_suggestions(self, lib: Library) -> None:
        lib.subscribe(self._on_suggestion_changes)
        lib.subscribe(self.review_pane.on_changes)
        self.review_pane.set_library(lib)
        self.suggestion_finder.clear()
        if self.isVisible():
            self.refresh_suggestions()  # else once the window shows (_refresh_after_show)

    def _refresh_after_show(self) -> None:
        # Suggestions are looked for once the window shows, after its first paint: reading a
        # source for them should not hold up the window appearing. (Before complete_window
        # has run, it looks for them itself.)
        if (
            self._completed
            and self.reader.source_id is not None
            and not self.suggestions_panel.suggestions
        ):
            self._after_first_paint(self._refresh_suggestions_if_shown)

    def _refresh_suggestions_if_shown(self) -> None:
        # A window closed meanwhile may have closed its library too.
        if self.isVisible():
            self.refresh_suggestions()

    def _stop_workers(self) -> None:
        if self._completed:
            self.suggestion_finder.wait()
        # An import stops after the file being read; the files imported so far stay.
        self.tasks.cancel_all()
        self.tasks.wait()


class _PaintWatcher(QObject):
    """Runs an action once, just after a widget's first paint (or a second on, if none)."""

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action: Callable[[], None] | None = action

    @classmethod
    def once(cls, widget: QWidget, action: Callable[[], None]) -> None:
        """Run action once widget has painted: the next turn of the event loop after it."""
        watcher = cls(widget, action)
        widget.installEventFilter(watcher)
        # A zero timer alone would run before the first paint; a widget never painted (hidden,
        # or squeezed to nothing by a splitter) still gets the action, a second later.
        QTimer.singleShot(1000, watcher, watcher._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note a paint; never stop an event."""
        if event.type() == QEvent.Type.Paint and self._action is not None:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            self._widget.removeEventFilter(self)
            action()


def _already_done(command: LibraryCommand, window: MainWindow) -> LibraryCommand:
    command.on_error = window.show_error
    command.execute()
    return command


def _local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def local_urls(paths: Sequence[Path]) -> list[QUrl]:
    """Return file URLs for paths (what a file manager puts in a drag)."""
    return [QUrl.fromLocalFile(str(p)) for p in paths]
