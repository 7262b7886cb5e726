"""Sources and claims: the library list, the reader, the inspector, the source panel and the
claims table, kept in step with each other and with the library's Changes.

Views change data only by pushing commands (which call core operations) through the window's
services, and refresh from the Changes the library reports after every committed write.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.models import Claim, Source
from briefing_app.core.records.listing import source_titles
from briefing_app.core.text.anchors import whole_word_span
from briefing_app.gui.actions import make_action
from briefing_app.gui.commands import (
    CreateClaimCommand,
    DeleteClaimCommand,
    DeleteClaimsCommand,
    DeleteTagCommand,
    EditClaimCommand,
    EditSourceCommand,
)
from briefing_app.gui.first_paint import PaintWatcher
from briefing_app.gui.services import Services
from briefing_app.gui.sources.question_menus import QuestionMenus
from briefing_app.gui.sources.reading_place import ReadingPlace, remembered_place
from briefing_app.gui.widgets.claim_inspector import ClaimInspector
from briefing_app.gui.widgets.claims_panel import ClaimsPanel
from briefing_app.gui.widgets.find_bar import FindBar
from briefing_app.gui.widgets.library_panel import LibraryPanel
from briefing_app.gui.widgets.reader import Reader
from briefing_app.gui.widgets.source_panel import SourcePanel
from briefing_app.gui.wording import count_of

# Above this many changed claims a full reload is cheaper than patching rows one by one.
_PATCH_LIMIT = 400
# Above this many claims the claims table and tag lists load just after the window shows.
DEFER_CLAIMS = 20_000
# How many sources read before the current one are remembered, to go back to when it is deleted.
_READ_BEFORE = 50


class SourcesController(QObject):
    """Builds the first picture's panels and navigates between sources and claims."""

    # The claims table and tag lists hold the library's claims (see DEFER_CLAIMS).
    claims_loaded = Signal()

    def __init__(self, services: Services, lib: Library) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.current_source_id: int | None = None
        # The sources read before the current one, the latest last: when the current one is
        # deleted (an import undone) the reader goes back to the latest of them still there.
        self.read_before: list[int] = []
        # Asks (title, text, the button that goes ahead) yes or no; tests replace it.
        self.confirm: Callable[[str, str, str], bool] = self._confirm
        # The selected claim, (claim id, its source id): the one the inspector shows.
        self.selected: tuple[int, int] | None = None
        self.library_panel = LibraryPanel()
        self.reader = Reader()
        self.reader.describe_claim = self.describe_claim
        self.inspector = ClaimInspector()
        self.source_panel = SourcePanel()
        self.claims_panel = ClaimsPanel()
        self.reader_title = QLabel()
        self.reader_title.setTextFormat(Qt.TextFormat.RichText)
        self.reader_title.setWordWrap(True)
        self.reader_title.setAccessibleName("Source title")
        self.find_bar = FindBar(self.reader)
        # Assign to question ▸ in the table's and the reader's menus, Assign… in the inspector.
        self.question_menus = QuestionMenus(services, lambda: self.lib)
        self._connect()
        self.tag_action, self.delete_claim_action, self.find_action = self._build_actions()

    def _connect(self) -> None:
        execute = self.services.execute
        self.library_panel.source_selected.connect(self.open_source)
        self.library_panel.filter_changed.connect(self._filter_sources)
        self.library_panel.tag_selected.connect(self._filter_claims_by_tag)
        self.library_panel.tag_delete_requested.connect(
            lambda tag_id: execute(DeleteTagCommand(self.lib, tag_id))
        )
        self.reader.claim_clicked.connect(self.select_claim)
        self.claims_panel.filter_changed.connect(self._filter_claims)
        self.claims_panel.claim_selected.connect(self._row_selected)
        self.claims_panel.selection_counted.connect(self._rows_counted)
        self.claims_panel.claim_activated.connect(self.show_claim)
        self.inspector.edit_requested.connect(self._edit_claim)
        self.inspector.delete_requested.connect(self.delete_claim)
        self.inspector.show_requested.connect(self.show_claim)
        self.source_panel.edit_requested.connect(self._edit_source)
        self.inspector.refused.cleared.connect(self.services.clear_error)
        self.source_panel.refused.cleared.connect(self.services.clear_error)
        # Claims dragged from the table or the reader land in a note as citations.
        self.claims_panel.view.setDragEnabled(True)
        self.claims_panel.view.setDragDropMode(self.claims_panel.view.DragDropMode.DragOnly)
        self.reader.claim_keys = lambda ids: [self.lib.claims.get(i).key for i in ids]
        menus = self.question_menus
        self.claims_panel.set_selection_menu(menus.assign_menu)
        self.reader.claim_menu = lambda claim_id, parent: menus.assign_menu([claim_id], parent)
        self.inspector.questions_menu = menus.questions_menu

    def _build_actions(self) -> tuple[QAction, QAction, QAction]:
        tag = make_action(
            self,
            "&Tag selection as claim",
            self.tag_selection,
            "Ctrl+T",
            "tag",
            "Anchor a new claim exactly at the selected passage",
        )
        delete = make_action(
            self,
            "&Delete claim",
            self.delete_current_claim,
            None,
            "delete",
            "Delete the claim shown in the inspector, or the claims selected in the claims table",
        )
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.claims_panel.view.addAction(delete)
        find = make_action(
            self,
            "&Find sources…",
            self.focus_filter,
            "Ctrl+Shift+F",
            "find",
            "Filter the sources by full-text search (Ctrl+F finds in the source shown)",
        )
        # Ctrl+F in the reader (or its find bar) finds in the source shown.
        self.find_in_source_action = make_action(
            self,
            "Find in &source…",
            self.find_bar.open,
            QKeySequence.StandardKey.Find,
            "find",
            "Find a word or phrase in the source shown (Enter: next, Shift+Enter: previous)",
        )
        self.find_in_source_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reader.addAction(self.find_in_source_action)
        self.find_bar.addAction(self.find_in_source_action)
        self.reader.context_actions = [tag, self.find_in_source_action]
        return tag, delete, find

    # Library ----------------------------------------------------------------------------
    def attach(self, lib: Library) -> None:
        """Show a (newly opened) library: its sources, claims and tags; open the source read
        there last (its first source if it was never read or that source is gone)."""
        self.lib = lib
        self.current_source_id = None
        self.read_before = []
        self.reader.show_source(None, "", [])
        self._show_reader_title(None)
        self.clear_selection()
        self.source_panel.show_source(None)
        self.claims_panel.forget_source_filter()
        self.reload_sources()
        # The filter box's matches were ids in the library before: search this one again.
        if self.library_panel.filter_edit.text().strip():
            self._filter_sources(self.library_panel.filter_edit.text())
        self.claims_panel.model.filter = self.claims_panel.current_filter()
        if lib.claims.count() > DEFER_CLAIMS:
            # A big library: the window paints first, the claims table and tags a moment later
            # (a zero timer alone would run before the first paint).
            self.claims_panel.model.attach(None)
            self.claims_panel.count_label.setText("Loading claims…")
            PaintWatcher.once_contents(
                self.claims_panel.view, lambda: self._load_claims_and_tags(lib)
            )
        else:
            self._load_claims_and_tags(lib)
        place = remembered_place(lib.path)
        source = lib.sources.by_uid(place.source_uid) if place is not None else None
        if place is not None and source is not None:
            self.open_source(source.id)
            # The paragraph and the claim once the reader has its size (after the paint).
            PaintWatcher.once_contents(self.reader, lambda: self._return_to(lib, place))
        elif self.library_panel.model.rowCount():
            # Never read before, or the source read last is gone: the first one.
            self.library_panel.select_source(self.library_panel.model.id_at(0))

    def reading_place(self) -> ReadingPlace | None:
        """Return where the analyst is reading: the source, its paragraph, the claim chosen."""
        source = self.source_panel.source
        if self.current_source_id is None or source is None or source.id != self.current_source_id:
            return None
        claim = self.inspector.claim
        chosen = claim.uid if self.selected is not None and claim is not None else ""
        return ReadingPlace(source.uid, self.reader.top_offset(), chosen)

    def _return_to(self, lib: Library, place: ReadingPlace) -> None:
        """Scroll back to a remembered paragraph and select its claim, unless moved on since."""
        source = self.source_panel.source
        if lib is not self.lib or source is None or source.uid != place.source_uid:
            return
        self.reader.scroll_to_offset(place.top)
        claim = lib.claims.by_uid(place.claim_uid) if place.claim_uid else None
        if claim is not None and claim.source_id == source.id and self.selected is None:
            self.select_claim(claim.id)

    def _load_claims_and_tags(self, lib: Library) -> None:
        if lib is not self.lib:  # another library was opened before this ran
            return
        self.reload_tags()
        self.reload_claims()
        self.claims_loaded.emit()

    # Refreshing -------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Refresh the lists, the reader and the inspector where the changes touch them."""
        if changes.wholesale:
            self._reload_everything()
            return
        if changes.sources:
            # The rows around the current source, before a reload loses where it was shown.
            nearby = self._rows_near_deleted_current(changes.sources)
            self._refresh_sources(changes.sources)
            if nearby is not None:
                self._open_instead_of_deleted(nearby)
            elif self.current_source_id in changes.sources:
                self._refresh_current_source()
        if changes.claims:
            self._refresh_claims(changes.claims)
            if self.current_source_id is not None and not changes.sources:
                self._refresh_spans()
            self._keep_selection(refresh=self._selected_id() in changes.claims)
        if changes.tags or changes.claims:
            self.reload_tags()
        if changes.questions and self.selected is not None:
            self._show_questions(self.selected[0])  # a question renamed or deleted

    def _reload_everything(self) -> None:
        """After the library was replaced: what it holds now, and nothing it no longer holds.

        Its changes name only the records it holds now, so a source or claim on screen that
        went with the restore would otherwise stay, open to edits that save nowhere.
        """
        self.reload_sources()
        self._refresh_current_source()
        self.reload_claims()
        self._keep_selection(refresh=True)
        self.reload_tags()

    def reload_sources(self) -> None:
        """Reload the library list (keeping the filter and selection)."""
        self.library_panel.model.attach(self.lib)
        if self.current_source_id is not None:
            # The list stays where the analyst scrolled it: an import refreshes it every half
            # second, and scrolling back to the open source each time would fight them.
            self.library_panel.select_source(self.current_source_id, scroll=False)
        lib = self.lib
        self.claims_panel.set_sources_later(lambda: source_titles(lib))

    def _refresh_sources(self, ids: set[int]) -> None:
        if len(ids) > _PATCH_LIMIT or not self.library_panel.model.update(ids):
            self.reload_sources()
            return
        lib = self.lib
        self.claims_panel.set_sources_later(lambda: source_titles(lib))

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
        # Several claims just assigned to a question stay selected, for the next question.
        with self.claims_panel.quiet_selection(), self.claims_panel.keeping_many_selected():
            self.claims_panel.model.attach(self.lib)
        self.claims_panel.update_count(self.claims_panel.model.total())
        self._keep_selection(refresh=False)

    def _filter_claims(self) -> None:
        # Several selected claims stay selected where the new filter still shows them, as a
        # file manager keeps a selection through a narrower view (by id: the rows move).
        with self.claims_panel.quiet_selection(), self.claims_panel.keeping_many_selected():
            self.claims_panel.model.set_filter(self.claims_panel.current_filter())
        self.claims_panel.update_count(self.claims_panel.model.total())
        selected = self._selected_id()
        if selected is not None and self.claims_panel.model.position_of(selected) is None:
            self.clear_selection()  # the filter hid it
        else:
            self._keep_selection(refresh=False)

    def _refresh_claims(self, ids: set[int]) -> None:
        if len(ids) > _PATCH_LIMIT:
            self.reload_claims()
            return
        # A removed row must not hand the selection to its neighbour (a second Del would
        # delete that one): the selection is put back from self.selected after the update.
        with self.claims_panel.quiet_selection():
            self.claims_panel.model.update(ids)
        self.claims_panel.update_count(self.claims_panel.model.total())

    def _rows_near_deleted_current(self, changed: set[int]) -> list[int] | None:
        """Return the listed ids nearest the current source's row first, if it was deleted."""
        source_id = self.current_source_id
        if source_id is None or source_id not in changed or self.lib.sources.exists(source_id):
            return None
        ids = self.library_panel.model.ids()
        at = ids.index(source_id) if source_id in ids else 0
        # One row further each time, below first (the row that moves up into its place).
        order = sorted(range(len(ids)), key=lambda p: (abs(p - at), p < at))
        return [ids[p] for p in order if p != at]

    def _open_instead_of_deleted(self, nearby: list[int]) -> None:
        """Open another source in the reader: the latest read before that is still listed,
        else the nearest row left in the list; none left, an empty reader."""
        listed = set(self.library_panel.model.ids())
        back = [i for i in reversed(self.read_before) if i in listed]
        instead = back[0] if back else next((i for i in nearby if i in listed), None)
        self.current_source_id = None
        if instead is not None:
            self.read_before = [i for i in self.read_before if i != instead]
            self.open_source(instead)
            return
        self.clear_selection()
        self.reader.show_source(None, "", [])
        self.source_panel.show_source(None)
        self._show_reader_title(None)

    def _refresh_current_source(self) -> None:
        source_id = self.current_source_id
        if source_id is None:
            return
        try:
            source = self.lib.sources.get(source_id)
        except BriefingError:
            self._open_instead_of_deleted([])
            return
        if source != self.source_panel.source:  # after a conflict it holds what was typed
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
            self.services.show_error(str(exc))
            return
        if self.current_source_id is not None:
            read = [i for i in self.read_before if i != self.current_source_id]
            self.read_before = [*read, self.current_source_id][-_READ_BEFORE:]
        self.current_source_id = source_id
        if self.selected is not None and self.selected[1] != source_id:
            self.clear_selection()  # the inspector shows a claim of the source in the reader
        self.reader.show_source(source.id, source.text, self.lib.claims.spans(source.id))
        self.source_panel.show_source(source)
        self._show_reader_title(source)
        self.library_panel.select_source(source_id)
        claims = count_of(source.claim_count, "claim")
        self.services.show_status(f"{source.title or 'Untitled'} — {claims}")

    def _show_reader_title(self, source: Source | None) -> None:
        if source is None:
            # A new library's reader was a blank page: say how the first source gets there.
            self.reader_title.setText(
                "<span style='font-size:large'><b>No source open</b></span><br>"
                "Import articles with File ▸ Import (Ctrl+O) or drop files on the window, "
                "then pick one in the Sources list."
            )
            return
        facts = [source.outlet, source.published or "", f"reliability {source.reliability}"]
        if source.marking:
            facts.append(source.marking)
        self.reader_title.setText(
            f"<span style='font-size:large'><b>{html.escape(source.title or 'Untitled')}</b>"
            f"</span><br>{html.escape(' · '.join(f for f in facts if f))}"
        )

    def select_claim(self, claim_id: int) -> None:
        """Select a claim: the inspector shows it, the table selects its row when shown."""
        try:
            claim = self.lib.claims.get(claim_id)
        except BriefingError:
            self.clear_selection()
            return
        self.selected = (claim.id, claim.source_id)
        # Only when it differs from what the inspector holds: after a conflict it holds the
        # stored claim already, and showing it again would wipe what the analyst typed over it.
        if self.inspector.claim != claim:
            self.inspector.show_claim(claim)
        self._show_questions(claim.id)
        self.claims_panel.select_claim(claim.id)

    def _show_questions(self, claim_id: int) -> None:
        self.inspector.show_questions(self.lib.questions.of_claim(claim_id))

    def clear_selection(self) -> None:
        """Select no claim: an empty inspector, no row selected."""
        self.selected = None
        self.inspector.show_claim(None)
        self.claims_panel.clear_selection()

    def _selected_id(self) -> int | None:
        return None if self.selected is None else self.selected[0]

    def _keep_selection(self, *, refresh: bool) -> None:
        """Put the table's selection back on the selected claim; drop it if it is gone.

        Several selected claims (no one claim chosen) stay selected, those still shown.
        """
        selected = self._selected_id()
        if selected is None:
            count = self.claims_panel.selected_count()
            if count > 1:
                self.inspector.show_many(count)
            elif count == 1:
                # One of several left (the filter hid the others): it is the claim to edit,
                # as when Ctrl+click leaves one; the reader stays where the analyst reads.
                self.select_claim(self.claims_panel.selected_claim_ids()[0])
            else:
                self.clear_selection()
        elif refresh or self.claims_panel.current_claim_id() != selected:
            self.select_claim(selected)

    def _rows_counted(self, count: int) -> None:
        """Several rows selected in the table (or one or none left of several)."""
        if count > 1:
            self.selected = None
            self.inspector.show_many(count)
        elif count == 1:
            self._row_selected(self.claims_panel.selected_claim_ids()[0])
        else:
            self.clear_selection()

    def _row_selected(self, claim_id: int) -> None:
        """A row chosen in the table: select its claim and mark it in the reader."""
        self.select_claim(claim_id)
        if self.selected is None:
            return
        claim = self.lib.claims.get(claim_id)
        self.open_source(claim.source_id)
        self.selected = (claim.id, claim.source_id)  # opening its source keeps it selected
        self.reader.select_span(claim.start, claim.end)

    def edit_claim(self, claim_id: int, party_first: bool = False) -> None:
        """Select a claim and put the cursor in the inspector's statement (or its party)."""
        self.select_claim(claim_id)
        # It may wait behind the review pane's tab: the cursor goes where it can be seen.
        self.services.bring_forward(self.inspector)
        field = self.inspector.party if party_first else self.inspector.statement
        field.setFocus()

    def show_claim(self, claim_id: int) -> None:
        """Open a claim's source and select its passage (e.g. after double-clicking it)."""
        try:
            claim = self.lib.claims.get(claim_id)
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return
        self.services.bring_forward(self.reader)
        self.open_source(claim.source_id)
        self.reader.select_span(claim.start, claim.end)
        self.select_claim(claim_id)
        self.reader.setFocus()

    # Edits in the inspector and the source panel: each replaces only the value it was typed
    # over; a value changed elsewhere meanwhile is a conflict, and both values are kept.
    def _edit_claim(self, claim_id: int, values: dict[str, Any]) -> None:
        shown = self.inspector.claim
        expected = _shown_values(shown, values) if shown and shown.id == claim_id else None
        command = EditClaimCommand(self.lib, claim_id, expected=expected, **values)
        if self.services.execute(command) or shown is None or expected is None:
            return
        try:
            stored = self.lib.claims.get(claim_id)
        except BriefingError:
            return
        if _shown_values(stored, values) != expected:
            # The fields keep what was typed; confirming it again replaces the stored value.
            self.inspector.claim = stored
            self.services.show_error(_conflict_message(stored.key, expected, stored))
        elif command.refusal:
            self.inspector.refuse(values, command.refusal)  # kept, marked, for correcting

    def _edit_source(self, source_id: int, values: dict[str, Any]) -> None:
        shown = self.source_panel.source
        expected = _shown_values(shown, values) if shown and shown.id == source_id else None
        command = EditSourceCommand(self.lib, source_id, expected=expected, **values)
        if self.services.execute(command) or shown is None or expected is None:
            return
        try:
            stored = self.lib.sources.get(source_id)
        except BriefingError:
            return
        if _shown_values(stored, values) != expected:
            self.source_panel.source = stored
            self.services.show_error(_conflict_message(f"source {source_id}", expected, stored))
        elif command.refusal:
            self.source_panel.refuse(values, command.refusal)  # kept, marked, for correcting

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
            self.services.show_status("", 0)
            return
        ids = set(self.lib.search.source_ids(text))
        self.library_panel.model.set_filter(ids, text)
        matches = "matches" if len(ids) == 1 else "match"
        self.services.show_status(f"{count_of(len(ids), 'source')} {matches} “{text}”")

    def _filter_claims_by_tag(self, name: str) -> None:
        self.claims_panel.set_filter_value(self.claims_panel.tag_filter, name)

    def focus_filter(self) -> None:
        """Put the cursor in the sources filter box."""
        self.library_panel.filter_edit.setFocus()
        self.library_panel.filter_edit.selectAll()

    # Operations -------------------------------------------------------------------------
    def tag_selection(self) -> None:
        """Anchor a new claim at the reader's selection and open it in the inspector."""
        span = self.reader.selection_span()
        # Hidden behind another workspace tab (visible or not is the window's own business).
        if not self.reader.isVisibleTo(self.reader.window()):
            # Ctrl+T typed while writing the note must not tag a passage the analyst cannot see.
            self.services.show_status("Open the Reader tab to tag a passage")
            return
        if span is not None:
            # A selection dragged a little wide or short: the claim quotes whole words.
            span = whole_word_span(self.reader.source_text(), *span)
        if self.current_source_id is None or span is None:
            self.services.show_status("Select a passage in the reader to tag it")
            return
        command = CreateClaimCommand(self.lib, self.current_source_id, *span)
        if self.services.execute(command):
            self.edit_claim(command.result.id)

    def delete_current_claim(self) -> None:
        """Delete the selected claim (the one the inspector shows), or the claims selected in
        the table when there are several; none selected, nothing."""
        if self.selected is None and self.claims_panel.selected_count() > 1:
            self.delete_claims(self.claims_panel.selected_claim_ids())
            return
        claim_id = self._selected_id()
        if claim_id is not None:
            self.delete_claim(claim_id)

    def delete_claims(self, claim_ids: list[int]) -> None:
        """Delete several claims as one undoable step, after a confirmation naming how many."""
        from briefing_app.core.records.claim_uses import uses_of_claims

        count = count_of(len(claim_ids), "claim")
        uses = uses_of_claims(self.lib, claim_ids)
        parts = []
        if uses.citing_notes:
            # A few titles, then how many more: Ctrl+A may take claims every note cites.
            named = [f"“{t}”" for t in uses.citing_notes[:3]]
            more = len(uses.citing_notes) - len(named)
            titles = ", ".join(named) + (f" and {count_of(more, 'more note')}" if more else "")
            notes = "note" if len(uses.citing_notes) == 1 else "notes"
            parts.append(f"Some are cited by the {notes} {titles}, whose citations break.")
        taken = uses.taken()
        if taken:
            listed = taken[0] if len(taken) == 1 else f"{', '.join(taken[:-1])} and {taken[-1]}"
            parts.append(f"Deleting them takes {listed}.")
        parts.append("(Edit ▸ Undo brings them all back.)")
        if not self.confirm(f"Delete {count}?", " ".join(parts), f"Delete {count}"):
            return
        self.services.execute(DeleteClaimsCommand(self.lib, claim_ids))

    def delete_claim(self, claim_id: int) -> None:
        """Delete a claim (undoable), asking first when a note cites it or a matrix weighs it."""
        try:
            claim = self.lib.claims.get(claim_id)
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return
        text = _what_deleting_takes(self.lib, claim)
        if text and not self.confirm(f"Delete {claim.key}?", text, f"Delete {claim.key}"):
            return
        self.services.execute(DeleteClaimCommand(self.lib, claim_id))

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        from briefing_app.gui.dialogs.confirm import ask_to_go_ahead

        return ask_to_go_ahead(self.services.dialog_parent(), title, text, yes)


def _what_deleting_takes(lib: Library, claim: Claim) -> str:
    """Say what deleting a claim breaks or takes with it: the notes citing it, its ratings
    and assumption support in matrices, its links; "" when none of the first two (no need to
    ask: a link alone is shown on the board and comes back with Undo like the rest)."""
    citing = lib.notes.citing(claim.key)
    weighed = lib.ach.uses_of_claim(claim.id)
    if not citing and not weighed:
        return ""
    parts = []
    if citing:
        titles = ", ".join(f"“{n.title}”" for n in citing)
        notes = "note" if len(citing) == 1 else "notes"
        parts.append(
            f"{claim.key} is cited by the {notes} {titles}. Deleting it leaves "
            f"{'that citation' if len(citing) == 1 else 'those citations'} broken."
        )
    others = sorted({r.to_key if r.from_claim_id == claim.id else r.from_key
                     for r in lib.relations.all(claim.id)})  # fmt: skip
    taken = weighed + ([f"its {'link' if len(others) == 1 else 'links'} to {', '.join(others)}"]
                       if others else [])  # fmt: skip
    if taken:
        listed = taken[0] if len(taken) == 1 else f"{', '.join(taken[:-1])} and {taken[-1]}"
        parts.append(f"{'It also takes' if citing else f'Deleting {claim.key} takes'} {listed}.")
    parts.append("(Edit ▸ Undo brings it all back.)")
    return " ".join(parts)


def _shown_values(record: object, values: dict[str, Any]) -> dict[str, Any]:
    """Return the record's values of the fields an edit names."""
    return {name: getattr(record, name) for name in values}


def _conflict_message(what: str, expected: dict[str, Any], stored: object) -> str:
    """Say which field changed elsewhere, what it holds now, and that the typed value waits."""
    name = next(n for n, v in expected.items() if getattr(stored, n) != v)
    now = getattr(stored, name)
    shown = ", ".join(now) if isinstance(now, list) else str(now or "(empty)")
    if len(shown) > 80:
        shown = shown[:79] + "…"
    return (
        f"{what}: {name} was changed elsewhere to “{shown}”; yours is kept in the field, "
        "confirm it again to replace that"
    )
