"""Suggested claims in the reader: the list, the dashed layer, keys, accept, reject, merge.

Built with the rest of the window just after its first paint; it works on the reader it is
given and asks the window only through its services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.models import Claim
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.services import Services
from briefing_app.gui.settings import app_settings
from briefing_app.gui.suggest.keys import SuggestionKeys
from briefing_app.gui.suggest.panel import SuggestionsPanel, why_suggested
from briefing_app.gui.suggestion_commands import (
    AcceptSuggestionCommand,
    MergePartyCommand,
    RejectSuggestionCommand,
)
from briefing_app.gui.suggestion_finder import SuggestionFinder
from briefing_app.gui.widgets.reader import Reader

# How long the status bar says why a suggestion was made: each step through the list says it
# again, and long enough to read the reason (as an import's summary stays).
WHY_STATUS_MS = 8000

if TYPE_CHECKING:
    from briefing_app.core.suggest import Suggestion


class SuggestionsController(QObject):
    """Suggested claims in the reader (issue 11)."""

    def __init__(
        self,
        services: Services,
        lib: Library,
        reader: Reader,
        edit_claim: Callable[[int, bool], None],
    ) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.reader = reader
        # Opens an accepted suggestion's claim in the inspector (True: at its party).
        self.edit_claim = edit_claim
        self.suggestion_finder = SuggestionFinder(self)
        self.suggestions_panel = SuggestionsPanel()
        self._suggested_text: tuple[int | None, int] = (None, 0)
        self._following_cursor = False
        # True while N or P steps through the list: the status bar then says why.
        self._stepping = False
        # The source whose suggestions the analyst is working through (accepting, rejecting):
        # there the next suggestion is selected in the text; a source just opened stays at its
        # top with nothing selected.
        self._triage_source: int | None = None
        self.reader.textChanged.connect(self._reader_text_changed)
        self.suggestion_finder.found.connect(self._suggestions_found)
        self.suggestions_panel.current_changed.connect(self._suggestion_selected)
        self.reader.cursorPositionChanged.connect(self._reader_cursor_moved)
        self.suggestions_panel.accept_requested.connect(self.accept_suggestion)
        self.suggestions_panel.edit_requested.connect(self.edit_suggestion)
        self.suggestions_panel.reject_requested.connect(self.reject_suggestion)

        self._build_actions()

    def _build_actions(self) -> None:
        self.show_suggestions_action = QAction("Show &suggestions", self)
        self.show_suggestions_action.setCheckable(True)
        self.show_suggestions_action.setChecked(
            bool(app_settings().value("reader/show_suggestions", True, type=bool))
        )
        self.show_suggestions_action.setStatusTip("Propose who-said-what passages to tag")
        self.show_suggestions_action.toggled.connect(self._toggle_suggestions)
        if not self.show_suggestions_action.isChecked():
            # Hidden before the window places it (showing a widget without a parent yet
            # would open it as a window of its own).
            self.suggestions_panel.hide()
        # Plain keys act only where the reader or the list has the focus (the reader is
        # read-only, so N, P, Enter and Del type nothing there): caught there by SuggestionKeys,
        # not made shortcuts. The View ▸ Suggestions entries only name their keys.
        keyed = (
            ("&Next suggestion", lambda: self.step(1), Qt.Key.Key_N, False),
            ("&Previous suggestion", lambda: self.step(-1), Qt.Key.Key_P, False),
            ("&Accept suggestion", self.accept_current_suggestion, Qt.Key.Key_Return, False),
            ("Accept and &edit suggestion", self.edit_current_suggestion, Qt.Key.Key_Return, True),
            ("&Reject suggestion", self.reject_current_suggestion, Qt.Key.Key_Delete, False),
        )
        self.suggestion_keys = SuggestionKeys({(key, shift): work for _, work, key, shift in keyed})
        self.suggestion_keys.watch(self.reader, self.suggestions_panel.list)
        self.suggestion_actions: list[QAction] = []
        for text, work, key, shift in keyed:
            shifted = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier(0)
            named = QKeySequence(key | shifted).toString(QKeySequence.SequenceFormat.NativeText)
            action = QAction(f"{text}\t{named}", self)
            action.triggered.connect(lambda _checked=False, run=work: run())
            self.suggestion_actions.append(action)
        self.merge_party_action = QAction("&Merge party names…", self)
        self.merge_party_action.setStatusTip(
            "Say that two spellings name one party (the current suggestion's, by default)"
        )
        self.merge_party_action.triggered.connect(self.choose_party_merge)

    def attach(self, lib: Library) -> None:
        """Suggest from this library from now on (its results are not the last one's)."""
        self.lib = lib
        lib.subscribe(self._on_suggestion_changes)
        self.suggestion_finder.clear()
        if self.reader.window().isVisible():
            self.refresh_suggestions()  # else once the window shows (refresh_when_shown)

    def refresh_when_shown(self) -> None:
        """Look for suggestions once the window has painted, if none are listed yet."""
        # Reading a source for them should not hold up the window appearing.
        if self.reader.source_id is not None and not self.suggestions_panel.suggestions:
            self.services.after_first_paint(self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        # A window closed meanwhile may have closed its library too.
        if self.reader.window().isVisible():
            self.refresh_suggestions()

    def stop(self) -> None:
        """Wait for a search in flight (the window is closing)."""
        self.suggestion_finder.wait()

    def _toggle_suggestions(self, shown: bool) -> None:
        app_settings().setValue("reader/show_suggestions", shown)
        self.suggestions_panel.setVisible(shown)
        self.refresh_suggestions()

    def _reader_text_changed(self) -> None:
        # Repainting a layer also reports a text change: only a new text needs new suggestions.
        shown = (self.reader.source_id, self.reader.document().characterCount())
        if shown != self._suggested_text:
            self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        """Show the current source's suggestions in the list and as dashed underlines."""
        source_id = self.reader.source_id
        self._suggested_text = (source_id, self.reader.document().characterCount())
        found: list[Suggestion] | None = []
        if source_id is not None and self.show_suggestions_action.isChecked():
            try:
                found = self.suggestion_finder.visible(self.lib, source_id)
            except BriefingError:
                found = []
        if self._triage_source != source_id:
            self._triage_source = None
        # Refreshing the list moves the reader only while the analyst works through it.
        self._following_cursor = self._triage_source is None
        try:
            self.suggestions_panel.show_suggestions(found)
        finally:
            self._following_cursor = False
        # Ids stable across refreshes (from the fingerprint), so only changed spans repaint.
        spans = [(hash(s.fingerprint), s.start, s.end, s.kind) for s in found or []]
        self.reader.update_layer(spans, layer="suggestions", style="dashed")

    def _suggestions_found(self, source_id: int) -> None:
        # A closed window's library may be closed too; it refreshes when shown again.
        if source_id == self.reader.source_id and self.reader.window().isVisible():
            self.refresh_suggestions()

    def _on_suggestion_changes(self, changes: Changes) -> None:
        source_id = self.reader.source_id
        if source_id is not None and (source_id in changes.sources or changes.claims):
            self.refresh_suggestions()

    def _reader_cursor_moved(self) -> None:
        # A click on a dashed passage makes it the current suggestion (keys then act on it).
        cursor = self.reader.textCursor()
        if cursor.hasSelection():
            return
        spans = self.reader.highlighter.spans_at(cursor.position(), layer="suggestions")
        if spans:
            ids = [hash(s.fingerprint) for s in self.suggestions_panel.suggestions]
            if spans[-1][0] in ids:
                # Leave the reader's cursor alone: the user may be starting a selection.
                self._following_cursor = True
                try:
                    self.suggestions_panel.list.setCurrentRow(ids.index(spans[-1][0]))
                finally:
                    self._following_cursor = False
        # The source whose suggestions the analyst is working through (accepting, rejecting):
        # there the next suggestion is selected in the text; a source just opened stays at its
        # top with nothing selected.
        self._triage_source = None

    def step(self, delta: int) -> None:
        """Select the next (1) or previous (-1) suggestion, saying why it was made (N, P)."""
        self._stepping = True
        try:
            self.suggestions_panel.step(delta)
        finally:
            self._stepping = False

    def _suggestion_selected(self, suggestion: Suggestion | None) -> None:
        # Not when the list is filled while the reader has the focus (as it has once the
        # window opens): that said why over the window's own reports, an on-open backup's.
        chosen = self._stepping or self.suggestions_panel.list.hasFocus()
        if suggestion is not None and chosen:
            # The tooltip's reason, for someone stepping through the list with N and P.
            why = why_suggested(suggestion).replace("\n", " · ")
            # Passing, as the window's other reports: it was left up, stale, long after.
            self.services.show_status(f"Suggested: {why}", WHY_STATUS_MS)
        if self._following_cursor:
            return
        if suggestion is not None and self.reader.source_id is not None:
            self.reader.select_span(suggestion.start, suggestion.end)

    def accept_current_suggestion(self) -> None:
        """Accept the suggestion selected in the list (Enter)."""
        current = self.suggestions_panel.current()
        if current is not None:
            self.accept_suggestion(current)

    def edit_current_suggestion(self) -> None:
        """Accept the selected suggestion and open the new claim in the inspector."""
        current = self.suggestions_panel.current()
        if current is not None:
            self.edit_suggestion(current)

    def reject_current_suggestion(self) -> None:
        """Reject the suggestion selected in the list (Del)."""
        current = self.suggestions_panel.current()
        if current is not None:
            self.reject_suggestion(current)

    def accept_suggestion(self, suggestion: Suggestion) -> Claim | None:
        """Tag a suggestion as a claim with its proposed fields (undoable); return the claim."""
        if self.reader.source_id is None:
            return None
        self._triage_source = self.reader.source_id
        command = AcceptSuggestionCommand(self.lib, self.reader.source_id, suggestion)
        return command.result if self.services.execute(command) else None

    def edit_suggestion(self, suggestion: Suggestion) -> None:
        """Accept a suggestion, then edit the new claim in the inspector (at its party when
        the rules left it unresolved: that is what needs typing)."""
        claim = self.accept_suggestion(suggestion)
        if claim is not None:
            self.edit_claim(claim.id, not claim.party)

    def choose_party_merge(self) -> None:
        """Ask which name is an alias of which party, then merge them (undoable)."""
        current = self.suggestions_panel.current()
        alias = current.party if current is not None else ""
        parties = sorted({*self.lib.parties.known(), alias} - {""}, key=str.casefold)
        from briefing_app.gui.suggest.merge_party_dialog import MergePartyDialog

        chosen = MergePartyDialog.ask(self.services.dialog_parent(), parties, alias)
        if chosen is not None:
            self.merge_parties(*chosen)

    def merge_parties(self, alias: str, canonical: str) -> bool:
        """Record that alias names canonical; suggestions are found again with the new name."""
        command = MergePartyCommand(self.lib, alias, canonical)
        command.on_error = self.services.show_error
        try:
            command.execute()
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return False
        self.services.record(_RefreshingCommand(command, self.refresh_suggestions))
        self.refresh_suggestions()
        self.services.show_status(command.text(), 4000)
        return True

    def reject_suggestion(self, suggestion: Suggestion) -> None:
        """Reject a suggestion for this source (undoable)."""
        if self.reader.source_id is not None:
            self._triage_source = self.reader.source_id
            self.services.execute(
                RejectSuggestionCommand(self.lib, self.reader.source_id, suggestion)
            )


class _RefreshingCommand(QUndoCommand):
    """Wraps a command whose core operation reports no Changes (party aliases), refreshing
    the suggestions itself after each undo and redo."""

    def __init__(self, inner: LibraryCommand, refresh: Callable[[], None]) -> None:
        super().__init__(inner.text())
        self.inner, self.refresh = inner, refresh

    def redo(self) -> None:
        """Redo the inner command (which skips the push after its first run), then refresh."""
        self.inner.redo()
        self.refresh()

    def undo(self) -> None:
        """Undo the merge."""
        self.inner.undo()
        self.refresh()
