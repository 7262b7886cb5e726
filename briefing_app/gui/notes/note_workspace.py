"""Writing the note: the notes list, the section editor, the live preview, problems and export.

The main window holds one NoteWorkspace (the "Note" tab) and forwards the library's Changes to
it; the workspace asks the window only through its services (`gui/services.py`). Like the rest
of the GUI it changes data only through core operations: typing is saved with
`lib.notes.set_section`, everything else goes through undoable commands.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.changes import Changes
from briefing_app.core.checks import CheckReport, Finding, run_checks
from briefing_app.core.errors import BriefingError, ConflictingEdit
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.records import note_settings
from briefing_app.core.templates import (
    NoteTemplate,
    get_template,
    load_templates,
    template_problems,
)
from briefing_app.core.text.citations import find_citations
from briefing_app.gui.commands import (
    AcknowledgeChangeCommand,
    CreateNoteCommand,
    DeleteNoteCommand,
    DismissFindingCommand,
    EditNoteCommand,
    LibraryCommand,
    SetNoteStatusCommand,
    TypingStep,
    duplicate_note,
    reverting,
)
from briefing_app.gui.contrast import error_colour
from briefing_app.gui.dialogs.claim_picker import ClaimPicker, PickableClaim
from briefing_app.gui.dialogs.new_note_dialog import NewNoteDialog
from briefing_app.gui.icons import icon
from briefing_app.gui.notes.section_conflicts import SectionConflicts
from briefing_app.gui.notes.spelling_menu import SpellingMenu
from briefing_app.gui.preview import PreviewBrowser, claim_keys_of, render_preview
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import Task, TaskProgressDialog, TaskRunner
from briefing_app.gui.widgets.note_editor import NoteEditor
from briefing_app.gui.widgets.notes_panel import NotesPanel
from briefing_app.gui.widgets.problems_panel import ProblemsPanel
from briefing_app.gui.widgets.spelling import SpellCheck
from briefing_app.gui.wording import count_of

if TYPE_CHECKING:
    from briefing_app.core.records.notes import NoteEdit

    # The export dialog pulls in the exporters (python-docx): loaded on first export only.
    from briefing_app.gui.dialogs.export_dialog import ExportOptions

PREVIEW_MS = 300
CHECKS_MS = 400


def broken_citations(lib: Library, note: Note) -> list[tuple[str, str, int, int]]:
    """Return (key, section, start, end) of each citation of a claim that does not exist."""
    known = lib.claims.by_keys(lib.notes.cited_keys(note))
    found = []
    for section in note.sections:
        for citation in find_citations(section.body):
            for key in citation.keys:
                if key not in known:
                    found.append((key, section.key, citation.start, citation.end))
    return found


class NoteWorkspace(QWidget):
    """The Note tab: editor and problems on the left, preview on the right."""

    export_finished = Signal(object)  # the Path written, or None when the export failed
    checks_updated = Signal()
    note_shown = Signal(object)  # the id of the note now open, or None
    preview_updated = Signal()

    def __init__(self, services: Services, lib: Library, tasks: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.tasks = tasks  # the export runs there, off the UI thread
        self.note: Note | None = None
        self.template: NoteTemplate | None = None
        self._typing: TypingStep | None = None  # the open typing step, on the undo stack
        self.report: CheckReport | None = None
        self._export: Task[Path] | None = None
        self.export_box: QMessageBox | None = None
        self.last_html = ""  # the sanitised HTML last shown in the preview
        self._stopped = False  # the window closed: the library may be closed too
        # Hooks tests replace: what opens a folder, what asks for a dismissal's reason, and
        # what asks yes or no.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.ask_reason: Callable[[Finding], str | None] = self._ask_reason
        self.confirm: Callable[[str, str, str], bool] = self._confirm
        # The key of the claim the analyst has in view (the window gives the inspector's):
        # Cite claim starts on it, so Enter cites what they were looking at.
        self.claim_in_view: Callable[[], str | None] = lambda: None
        # Opens the Matrix on a key question (by key), with a row (by key) current: where a
        # finding about the note's matrix takes the analyst. The window gives its own.
        self.show_matrix: Callable[[str, str | None], object] = lambda _q, _row: None

        self.notes_panel = NotesPanel()
        self.editor = NoteEditor(self._save_section)
        self.editor.describe_citation = self.describe_citation
        # Misspelt words underlined in the open note's language (its dictionary read off the
        # UI thread once the note is on screen).
        self.spelling = SpellCheck(lambda: self.lib, parent=self)
        self.spelling.report_error = services.show_error
        self.editor.spelling = self.spelling
        self.spelling_menu = SpellingMenu(
            self.spelling, self.execute, lambda: self.lib, lambda: self.note, self
        )
        self.preview = PreviewBrowser()
        self.problems = ProblemsPanel()
        self.preview.installEventFilter(self)
        self.problems.installEventFilter(self)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("note_left_splitter")
        self.left_splitter.addWidget(self.editor)
        self.left_splitter.addWidget(self.problems)
        self.left_splitter.setStretchFactor(0, 4)
        self.left_splitter.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("note_splitter")
        self.splitter.addWidget(self.left_splitter)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # A section changed elsewhere while typed here: both texts kept, the writer chooses.
        self.conflicts = SectionConflicts(self.editor, lambda: self.lib, services.show_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.splitter)

        self.preview_timer = _single_shot(self, PREVIEW_MS, self.refresh_preview)
        self.checks_timer = _single_shot(self, CHECKS_MS, self.refresh_checks)

        self.editor.edited.connect(self.preview_timer.start)
        self.editor.step_typed.connect(self._record_typing)
        self.editor.saved.connect(lambda _id: self.checks_timer.start())
        self.editor.saved.connect(lambda _id: self.services.show_status("Note saved", 1500))
        self.editor.status_requested.connect(self.set_status)
        self.editor.header_form.edit_requested.connect(self.edit_header)
        self.editor.header_form.refused.cleared.connect(self.services.clear_error)
        self.preview.anchorClicked.connect(self.follow_link)
        self.problems.finding_activated.connect(self.go_to_finding)
        self.problems.dismiss_requested.connect(self.dismiss_finding)
        self.problems.acknowledge_requested.connect(self.acknowledge_finding)
        self.notes_panel.note_activated.connect(self.open_note_tab)
        self.notes_panel.list.currentRowChanged.connect(self._list_row_changed)
        self.notes_panel.rename_requested.connect(self.rename)
        self._build_actions()

    # Actions -------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None,
                icon_name: str | None, tip: str) -> QAction:  # fmt: skip
        action = QAction(text, self)  # the window adds it to itself, menus and toolbar
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "&New note…", self.new_note, "Ctrl+Shift+N", "note-new", "Start a note from a template"
        )
        self.rename_action = self._action(
            "&Rename note", self.rename_note, None, "rename", "Rename the selected note (F2)"
        )
        self.duplicate_action = self._action(
            "D&uplicate note", self.duplicate_note, None, "duplicate", "Copy the selected note"
        )
        self.delete_action = self._action(
            "De&lete note", self.delete_note, None, "delete", "Delete the selected note (undoable)"
        )
        self.cite_action = self._action(
            "&Cite claim…", self.cite, "Ctrl+K", "cite", "Cite claims at the cursor"
        )
        self.replace_action = self._action(
            "Find &and replace…", self.replace_in_note, "Ctrl+H", None,
            "Replace a word or phrase in every section of the note (one undo step)",
        )  # fmt: skip
        self.notes_panel.add_actions(
            [self.new_action, self.rename_action, self.duplicate_action, self.delete_action]
        )

    # Library -------------------------------------------------------------------------------
    def attach(self, lib: Library) -> None:
        """Show the notes of a (newly opened) library; open the most recent one."""
        self.lib = lib
        self._stopped = False
        self._templates: dict[str, NoteTemplate] | None = None
        # The previous library is closed (its text was flushed before): nothing left to save.
        self.note = None
        self.editor.load(None, None, save=False)
        notes = lib.notes.headers()
        self.show_note(notes[0].id if notes else None)

    def flush(self) -> None:
        """Save any text typed but not yet saved; what is typed next is a new undo step."""
        self.editor.flush()
        self.end_typing_step()

    def end_typing_step(self) -> None:
        """Close the open typing step (an undo, a redo or another command comes next)."""
        self.editor.end_steps()
        self._typing = None

    def _record_typing(self, key: str, before: str, after: str, new: bool) -> None:
        """Put typing on the window's undo stack: a new step, or the open one grown."""
        if self.note is None:
            return
        step = self._typing
        if not new and step is not None and (step.note_id, step.key) == (self.note.id, key):
            step.after = after
            return
        heading = next((s.heading for s in self.note.sections if s.key == key), key)
        step = TypingStep(self.lib, self.note.id, key, heading, before, after)
        step.on_error = self.services.show_error
        step.on_undone = partial(self._reveal_typing, step, before=True)
        step.on_redone = partial(self._reveal_typing, step, before=False)
        self.services.record(step)
        self._typing = step

    def _reveal_typing(self, step: TypingStep, _edit: object, *, before: bool) -> None:
        """After an undo or redo of typing: show its note, the cursor where the text changed."""
        self._typing = None
        self.show_note(step.note_id)
        position = step.changed_span(step.before if before else step.after)
        self.editor.go_to(step.key, position, position)

    def on_changes(self, changes: Changes) -> None:
        """Refresh what the committed changes touch."""
        if self._stopped:
            return
        if changes.notes or changes.wholesale:
            current = self.note.id if self.note else None
            # A wholesale change (a backup restored elsewhere) names only the notes it left:
            # the open one may be gone without being named.
            if current is not None and (current in changes.notes or changes.wholesale):
                try:
                    self.note = self.lib.notes.get(current)
                except BriefingError:
                    # Deleted (e.g. its creation undone): nothing to save into; open another.
                    self.note = None
                    self.editor.load(None, None, save=False)
                    remaining = self.lib.notes.headers()
                    self.show_note(remaining[0].id if remaining else None)
                else:
                    # Not after the editor's own autosave: it shows what was saved, and a
                    # reload would cost its cursor and undo history for nothing.
                    if changes.origin is not self.editor:
                        self.editor.refresh_from(self.note, self.template)
                    self._show_spelling()
            self.reload_list()
        if self.note is not None and self._may_change_note_views(changes):
            self.preview_timer.start()
            self.checks_timer.start()

    def _may_change_note_views(self, changes: Changes) -> bool:
        """Return whether changes may alter the preview or the checks of the open note."""
        if changes.notes or changes.claims:
            return True
        # Both reach sources only through claims, so a source holding none (one a folder
        # import is storing, announced every half second) changes neither: not re-rendering
        # them then spares the window a stall of tens of milliseconds each time.
        return bool(changes.sources) and bool(
            self.lib.claims.sources_holding_claims(changes.sources)
        )

    def reload_list(self) -> None:
        """List the library's notes."""
        self.notes_panel.show_notes(self.lib.notes.headers(), self.note.id if self.note else None)

    def templates(self) -> dict[str, NoteTemplate]:
        """Return the templates by name (read once; a broken user template is reported)."""
        if getattr(self, "_templates", None) is None:
            self._templates = load_templates()
            problems = template_problems()
            if problems:
                read = "; ".join(str(p) for p in problems)
                self.services.show_error(f"Template not read: {read}")
        assert self._templates is not None
        return self._templates

    # Notes ---------------------------------------------------------------------------------
    def show_note(self, note_id: int | None) -> None:
        """Open a note in the editor (None: none)."""
        if self.note is not None and note_id == self.note.id:
            return
        self.editor.flush()
        self.conflicts.settle()
        note = None
        if note_id is not None:
            try:
                note = self.lib.notes.get(note_id)
            except BriefingError as exc:
                self.services.show_error(str(exc))
        self.note = note
        self.template = None
        if note is not None:
            try:
                self.template = get_template(note.template)
            except BriefingError:
                self.template = None  # an unknown template: sections still edit
        self._show_spelling()  # first: the sections are painted once, in it
        self.editor.load(note, self.template)
        self.services.route_file_drops()  # the section editors are new
        for action in (self.rename_action, self.duplicate_action, self.delete_action):
            action.setEnabled(note is not None)
        self.reload_list()
        self._refresh_when_shown()
        self.note_shown.emit(None if note is None else note.id)

    def _show_spelling(self) -> None:
        """Check the open note in its own language, leaving alone the words it ignores."""
        note = self.note
        language = note_settings.spelling_language(note) if note else self.spelling.language
        self.spelling.set_ignored(note_settings.ignored_words(note) if note else frozenset())
        self.spelling.set_language(language)
        self.spelling_menu.show_note(note)

    def _refresh_when_shown(self) -> None:
        """Render the preview and run the checks now if the Note tab shows, else when it does.

        At start-up the Reader tab is in front: rendering a note nobody sees would delay the
        first paint by ~0.1 s. The Problems and Preview panels are docks of their own, in sight
        beside the Reader too: while either shows, it lists the note chosen, not the last one.
        """
        if self.isVisible() or self.problems.isVisible() or self.preview.isVisible():
            self._stale = False
            self.spelling.prepare()
            self.refresh_preview()
            self.refresh_checks()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up on a preview and checks deferred while the tab was hidden."""
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._refresh_when_shown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch up as the Problems or Preview panel comes into sight (its tab chosen)."""
        if event.type() == QEvent.Type.Show and getattr(self, "_stale", False):
            self._refresh_when_shown()
        return super().eventFilter(watched, event)

    def open_note_tab(self, note_id: int) -> None:
        """Open a note and bring the Note tab forward."""
        self.show_note(note_id)
        self.services.bring_forward(self)
        editor = self.editor.current_editor()
        if editor is not None:
            editor.setFocus()

    def selected_place(self) -> tuple[int, str, int, int] | None:
        """Return the open note, section and range of the words selected in it (saved first,
        so the range is the stored text's), or None when nothing is selected."""
        span = self.editor.selected_span() if self.note is not None else None
        if self.note is None or span is None:
            return None
        self.flush()
        return (self.note.id, *span)

    def go_to_place(self, note_id: int, section_key: str, start: int, end: int) -> None:
        """Open a note in the editor and select a range of a section (-1: the whole section)."""
        self.open_note_tab(note_id)
        if start < 0:
            box_editor = self.editor.editor(section_key)
            length = len(box_editor.body()) if box_editor is not None else 0
            self.editor.go_to(section_key, 0, length)
        else:
            self.editor.go_to(section_key, start, end)

    def _list_row_changed(self, _row: int) -> None:
        note_id = self.notes_panel.current_note_id()
        if note_id is not None:
            self.show_note(note_id)

    def execute(self, command: LibraryCommand) -> bool:
        """Save typed text first, then run an undoable command."""
        self.flush()
        return self.services.execute(command)

    def new_note(self) -> None:
        """Ask for a template and a title; create the note and open it."""
        templates = sorted(self.templates().values(), key=lambda t: t.label.casefold())
        request = NewNoteDialog.ask(self.services.dialog_parent(), templates)
        if request is None:
            return
        template = self.templates()[request.template]
        command = CreateNoteCommand(
            self.lib, request.title, template.name, template.headings(),
            marking=template.marking.default,
        )  # fmt: skip
        command.on_redone = lambda note: self.show_note(note.id)  # redo brings it back: show it
        if self.execute(command):
            self.open_note_tab(command.result.id)

    def rename_note(self) -> None:
        """Edit the selected note's title in place (a final note's: say why not)."""
        item = self.notes_panel.list.currentItem()
        note_id = self.notes_panel.current_note_id()
        if item is None or note_id is None:
            return
        if not self.notes_panel.is_renamable(note_id):
            self.services.show_error("This note is final: set it back to draft to rename it")
            return
        self.notes_panel.list.editItem(item)

    def rename(self, note_id: int, title: str) -> None:
        """Retitle a note (undoable); refused, the list shows the stored title again."""
        if not self.execute(EditNoteCommand(self.lib, note_id, title=title)):
            self.reload_list()  # not the refused title, as if it had been saved

    def duplicate_note(self) -> None:
        """Copy the selected note and open the copy."""
        note_id = self.notes_panel.current_note_id() or (self.note.id if self.note else None)
        if note_id is None:
            return
        self.editor.flush()  # the copy holds what is on screen, typed a moment ago too
        command = duplicate_note(self.lib, note_id)
        command.on_redone = lambda note: self.show_note(note.id)
        if self.execute(command):
            self.open_note_tab(command.result.id)

    def delete_note(self) -> None:
        """Delete the selected note (Edit ▸ Undo brings it back)."""
        note_id = self.notes_panel.current_note_id() or (self.note.id if self.note else None)
        if note_id is None:
            return
        if self.note is not None and self.note.id == note_id:
            self.editor.flush()
            self.editor.load(None, None)
            self.note = None
        command = DeleteNoteCommand(self.lib, note_id)
        command.on_undone = lambda note: self.show_note(note.id)  # undo brings it back: show it
        self.execute(command)
        notes = self.lib.notes.headers()
        if self.note is None:
            self.show_note(notes[0].id if notes else None)

    def set_status(self, status: str) -> None:
        """Mark the open note draft, in review or final."""
        if self.note is not None and status != self.note.status:
            self.execute(SetNoteStatusCommand(self.lib, self.note.id, status))

    def edit_header(self, values: dict[str, str]) -> None:
        """Change memo header fields of the open note (undoable); a refused value stays, marked.

        The typed text is kept in its field, framed, with the reason, for correcting: nothing
        is saved until it is valid, and Escape puts the stored value back.
        """
        if self.note is None:
            return
        command = EditNoteCommand(self.lib, self.note.id, **values)
        if not self.execute(command):
            self.editor.header_form.refuse(values, command.refusal)

    def _save_section(self, note_id: int, key: str, body: str) -> bool:
        if self.conflicts.blocks(note_id, key, body):
            return False  # the writer has not chosen between the two texts yet
        expected = self.editor.saved_body(key)
        try:
            self.lib.notes.set_section(note_id, key, body, origin=self.editor, expected=expected)
        except ConflictingEdit as conflict:
            self.conflicts.arise(note_id, key, body, conflict.stored)
            return False
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return False
        return True

    # Citing --------------------------------------------------------------------------------
    def cite(self) -> None:
        """Ctrl+K: pick claims and cite them at the cursor of the section being written."""
        editor = self.editor.current_editor()
        if editor is None:
            self.services.show_error("Open a note to cite claims in it")
            return
        if editor.isReadOnly():
            self.services.show_error("This note is final: set it back to draft to cite claims")
            return
        claims = [PickableClaim.of(c) for c in self.lib.claims.all()]
        keys = ClaimPicker.ask(self.services.dialog_parent(), claims, self.claim_in_view())
        if keys:
            self.services.bring_forward(self)
            editor.setFocus()
            editor.insert_citation(keys)

    # Find and replace ----------------------------------------------------------------------
    def replace_in_note(self) -> None:
        """Ctrl+H: replace a phrase in every section of the open note, as one undo step."""
        if self.note is None:
            self.services.show_error("Open a note to replace text in it")
            return
        from briefing_app.gui.dialogs.replace_dialog import ReplaceDialog

        editor = self.editor.current_editor()
        selected = editor.textCursor().selectedText() if editor is not None else ""
        request = ReplaceDialog.ask(self.services.dialog_parent(), selected.strip())
        if request is not None:
            self.replace_all(request.phrase, request.replacement)

    def replace_all(self, phrase: str, replacement: str) -> bool:
        """Replace phrase (case ignored) with replacement in every section; say how many."""
        if self.note is None:
            return False
        note_id, counted = self.note.id, {}

        def do() -> NoteEdit:
            done = self.lib.notes.replace_all(note_id, phrase, replacement)
            counted["n"], counted["sections"] = done.count, done.sections
            return done.edit

        command = reverting(f"Replace “{phrase}” with “{replacement}”", do, self.lib.notes.revert)
        if not self.execute(command):
            return False
        n, sections = counted["n"], counted["sections"]
        where = f" in {count_of(sections, 'section')}" if n else ""
        self.services.show_status(f"Replaced {count_of(n, 'match', 'matches')}{where}", 6000)
        return True

    def describe_citation(self, keys: list[str]) -> str:
        """Return a citation's tooltip: each claim's quote, party and source."""
        claims = self.lib.claims.by_keys(keys)
        parts = []
        for key in keys:
            claim = claims.get(key)
            if claim is None:
                red = error_colour(self.preview.palette(), QPalette.ColorRole.ToolTipBase)
                parts.append(f"<b>{key}</b>: <span style='color:{red}'>not in the library</span>")
                continue
            source = self.lib.sources.all(ids=[claim.source_id])
            title = source[0].title if source else ""
            outlet = source[0].outlet if source else ""
            parts.append(
                f"<b>{key}</b> · {_esc(claim.party or 'no party')}<br>"
                f"<i>“{_esc(claim.quote)}”</i><br>"
                f"{_esc(title)}{' — ' + _esc(outlet) if outlet else ''}"
            )
        return "<hr>".join(parts)

    # Preview -------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Render the note as typed (saved or not) into the preview."""
        self.preview_timer.stop()
        if self.note is None:
            self.last_html = ""
            self.preview.setHtml("")
            self.preview_updated.emit()
            return
        html = render_preview(self.lib, self.note, self.template, self.editor.bodies())
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.last_html = html
        self.preview.setHtml(html)
        bar.setValue(position)
        self.preview_updated.emit()

    def follow_link(self, url: QUrl) -> None:
        """A citation in the preview opens its claim in the reader (provenance)."""
        keys = claim_keys_of(url)
        if not keys:
            self.services.show_status(f"Links are not opened: {url.toString()}", 5000)
            return
        claim = self.lib.claims.by_key(keys[0])
        if claim is None:
            self.services.show_error(f"{keys[0]} is not in the library")
            return
        self.services.show_claim(claim.id)
        if len(keys) > 1:
            self.services.show_status(f"Cited together: {', '.join(keys)}", 6000)

    # Problems ------------------------------------------------------------------------------
    def refresh_checks(self) -> None:
        """Run the analytic checks over the saved note and list what they find."""
        self.checks_timer.stop()
        if self.note is None:
            self.report = None
            self.problems.show_report(None, {})
        else:
            saved: Note | None = None
            try:
                saved = self.lib.notes.get(self.note.id)
                self.report = run_checks(self.lib, saved)
            except BriefingError as exc:
                self.report = None
                self.services.show_error(str(exc))
            headings = {s.key: s.heading for s in self.note.sections}
            self.problems.show_report(self.report, headings, saved)
        self.checks_updated.emit()

    def go_to_finding(self, finding: Finding) -> None:
        """Select the finding's place in its section editor (the Matrix, for its matrix)."""
        if not finding.section and finding.rule.startswith("ach."):
            # No passage in the note: its excerpt names the question, then a row if any
            # ("Q1 C9", "Q1 H2 A1", "Q1 high").
            question, *rest = finding.excerpt.split() or [""]
            row = next((t for t in rest if re.fullmatch(r"[CAX]\d+", t)), None)
            if re.fullmatch(r"Q\d+", question):  # not when the question itself is gone
                self.show_matrix(question, row)
            return
        self.services.bring_forward(self)
        if not finding.section and finding.rule.startswith("marking."):
            # About the note's marking: put the cursor there, ready to type the stricter one.
            marking = self.editor.header_form.marking
            marking.setFocus()
            line = marking.lineEdit()
            if line is not None:  # editable: a marking of the analyst's own may be typed
                line.selectAll()
            return
        self.editor.go_to(finding.section, finding.start, finding.end)

    def dismiss_finding(self, finding: Finding) -> None:
        """Ask why, then dismiss the finding (undoable)."""
        if self.note is None:
            return
        reason = self.ask_reason(finding)
        if reason and reason.strip():
            self.execute(DismissFindingCommand(self.lib, self.note.id, finding, reason.strip()))

    def acknowledge_finding(self, finding: Finding) -> None:
        """The writer re-read a changed claim: stop flagging it (undoable)."""
        if self.note is None:
            return
        # The rule's excerpt is "KEY@REVISION" (what makes its fingerprint).
        key = finding.excerpt.split("@", 1)[0]
        self.execute(AcknowledgeChangeCommand(self.lib, self.note.id, key))

    def _ask_reason(self, finding: Finding) -> str | None:
        text, ok = QInputDialog.getText(
            self.services.dialog_parent(),
            "Dismiss finding",
            f"{finding.message}\n\nWhy can it be dismissed?",
        )
        return text if ok else None

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        from briefing_app.gui.dialogs.confirm import ask_to_go_ahead

        return ask_to_go_ahead(self.services.dialog_parent(), title, text, yes)

    # Export --------------------------------------------------------------------------------
    def export(self) -> None:
        """Ctrl+E: check the note, ask how to export it, and export it off the UI thread."""
        if self.note is None:
            self.services.show_error("Open a note to export it")
            return
        if self._export is not None and not self._export.done:
            self.services.show_error("An export is already running")
            return
        self.editor.flush()
        note = self.lib.notes.get(self.note.id)
        broken = broken_citations(self.lib, note)
        if broken:
            self.offer_broken(broken[0])
            return
        self.refresh_checks()
        style = self.template.citations.style if self.template else "footnotes"
        headings = {s.key: s.heading for s in note.sections}
        from briefing_app.gui.dialogs.export_dialog import ExportDialog

        options = ExportDialog.ask(
            self.services.dialog_parent(), note.title, style, self.report, headings
        )
        if options is not None:
            self.start_export(note.id, options)

    def offer_broken(self, broken: tuple[str, str, int, int]) -> None:
        """Say which citation is broken and offer to go to it."""
        key, section, start, end = broken
        if self.note is None:
            return
        heading = next((s.heading for s in self.note.sections if s.key == section), section)
        message = (
            f"{heading} cites {key}, which is not in the library; the note cannot be exported."
        )
        self.services.show_error(message)
        if self.confirm("Broken citation", message, "Go to citation"):
            self.go_to_finding(Finding("citations.missing", "error", section, start, end, message))

    def start_export(self, note_id: int, options: ExportOptions) -> None:
        """Export as a background task, with a progress dialog."""
        from briefing_app.gui.dialogs.export_dialog import export_task

        task = export_task(self.tasks, self.lib, note_id, options)
        parent = self.services.dialog_parent()
        TaskProgressDialog(parent, task, "Export", f"Exporting to {options.path.name}…")
        task.succeeded.connect(self._exported)
        task.failed.connect(self._export_failed)
        self._export = task

    def _exported(self, path: Path) -> None:
        self.services.show_status(f"Exported {path}", 8000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Export finished",
            f"The note was written to\n{path}",
            QMessageBox.StandardButton.Close,
            self.services.dialog_parent(),
        )
        folder = box.addButton("Open containing folder", QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: self.open_folder(path))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.export_box = box
        self.export_finished.emit(path)

    def _export_failed(self, _message: str) -> None:
        # The window's task runner has shown the message.
        if self.note is not None:
            broken = broken_citations(self.lib, self.lib.notes.get(self.note.id))
            if broken:
                self.offer_broken(broken[0])
        self.export_finished.emit(None)

    def open_folder(self, path: Path) -> None:
        """Show the folder holding an exported file in the desktop's file manager."""
        self.open_url(QUrl.fromLocalFile(str(Path(path).parent)))

    def stop(self) -> None:
        """Save typed text (the window is closing; it waits for an export in flight)."""
        self.editor.flush()
        self.conflicts.settle()
        self._stopped = True
        for timer in (self.preview_timer, self.checks_timer, self.editor.autosave):
            timer.stop()


def _single_shot(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


def _esc(text: str) -> str:
    return html.escape(text)
