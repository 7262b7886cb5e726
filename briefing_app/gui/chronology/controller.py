"""The chronology's controller: loads the time line when shown, filters it, opens a claim in
its source, accepts or rejects suggested dates, and refreshes from announced changes. The
question filter chosen last is chosen again after a restart (per library, `QuestionMemory`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.records.timeline import suggested_dates, timeline_rows
from briefing_app.core.suggest.event_dates import EventDateSuggestion
from briefing_app.gui.chronology.delegate import ACCEPT
from briefing_app.gui.chronology.panel import ChronologyPanel
from briefing_app.gui.commands import EditClaimCommand
from briefing_app.gui.question_memory import QuestionMemory
from briefing_app.gui.services import Services
from briefing_app.gui.tasks import Task, TaskRunner


class ChronologyController(QObject):
    """Owns the chronology panel; see the module docstring."""

    def __init__(self, services: Services, lib: Library) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.panel = ChronologyPanel()
        self.model = self.panel.model
        # Reading sentences for dates only reads, and may take a while (dateparser loads on
        # first use): a runner of its own, so it never waits behind an import or a backup.
        self.suggester = TaskRunner(self, report_error=services.show_error)
        self._reading: Task[dict[int, EventDateSuggestion]] | None = None
        self._waiting: list[int] = []
        self._stale = True  # the list does not show the library as it is: load when shown
        self.memory = QuestionMemory("chronology")
        panel, view = self.panel, self.panel.view
        panel.shown.connect(self._load_if_stale)
        panel.filter_changed.connect(self._filter)
        panel.question_filter.before_use = self._offer_questions_now
        panel.question_filter.activated.connect(lambda _i: self._question_chosen())
        view.clicked.connect(lambda index: self._open(index, keep_focus=True))
        view.activated.connect(lambda index: self._open(index, keep_focus=False))
        view.button_clicked.connect(self._button_clicked)
        panel.accept_action.triggered.connect(lambda: self._on_current(self.accept))
        panel.reject_action.triggered.connect(lambda: self._on_current(self.reject))
        self.model.suggestions_wanted.connect(self._want_suggestions)
        self.attach(lib)

    # Library ---------------------------------------------------------------------------
    def attach(self, lib: Library) -> None:
        """Show this library's chronology (loaded when the panel shows)."""
        self.lib.unsubscribe(self.on_changes)
        self.lib = lib
        lib.subscribe(self.on_changes)
        self._waiting = []
        self.memory.attach(lib.path)
        # Another library's question ids mean other questions: its filter starts from Any.
        combo = self.panel.question_filter
        combo.blockSignals(True)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        self.model.rejected.clear()
        self.model.forget_suggestions()
        self.model.attach(None)
        self._stale = True
        self._load_if_stale()

    def stop(self) -> None:
        """Wait for a reading of dates in flight (the window is closing)."""
        self.suggester.cancel_all()
        self.suggester.wait()

    def _shown(self) -> bool:
        return self.panel.isVisible()

    def _load_if_stale(self) -> None:
        if not self._stale or not self._shown():
            return
        self._stale = False
        self._offer_choices()
        self.model.filter, self.model.question_id = self.panel.current_filter()
        self.model.attach(self.lib)
        self.panel.update_count()

    def _offer_choices(self) -> bool:
        """Offer the filters' choices; return whether the question filter changed."""
        changed = self._offer_questions()
        self.panel.party_filter.set_choices([(p, p) for p in self.lib.claims.parties()])
        names = sorted({t.name for t in self.lib.tags.all()}, key=str.casefold)
        self.panel.tag_filter.set_choices([(n, n) for n in names])
        return changed

    def _offer_questions(self) -> bool:
        """Offer the library's questions, the one chosen last chosen again if it is there;
        return whether that changed the filter (without saying so: the caller applies it)."""
        combo = self.panel.question_filter
        # Titles only: all() would read every claim key of every question (100,000 of them).
        questions = self.lib.questions.titles()
        combo.set_choices([(f"{q.key} {q.text}", q.id) for q in questions])
        wanted = self.memory.pick(questions, combo.currentData(), None)
        if wanted == combo.currentData():
            return False
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.blockSignals(False)
        return True

    def _offer_questions_now(self) -> None:
        # The list is about to open: what it offers is what the time line shows.
        if self._offer_questions():
            self._filter()

    def _question_chosen(self) -> None:
        chosen = self.panel.question_filter.currentData()
        self.memory.choose(next((q for q in self.lib.questions.titles() if q.id == chosen), None))

    def _filter(self) -> None:
        if self._stale:
            self._load_if_stale()
            return
        flt, question_id = self.panel.current_filter()
        current = self.panel.current_claim_id()
        try:
            self.model.set_filter(flt, question_id)
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return
        self.panel.update_count()
        self.panel.select_claim(current)

    # Refreshing -------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Show the claims as they now are: a date set in the inspector moves its claim."""
        # The question filtered on may be gone (Any) or back (its delete undone).
        shown = changes.questions and not self._stale and self._shown()
        if shown and self._offer_questions():
            self._filter()
        if not (changes.claims or changes.sources or changes.tags):
            return
        if changes.sources:
            self.model.forget_suggestions()  # a publication day dates "last week" anew
        else:
            self.model.forget_suggestions(set(changes.claims))
        if not self._shown():
            self._stale = True  # read again when next shown, not for every change unseen
            return
        if self._offer_choices():
            self._filter()
            return
        current = self.panel.current_claim_id()
        scroll = self.panel.view.verticalScrollBar().value()
        ids = None if changes.sources or changes.tags else set(changes.claims)
        if not self.model.refresh(ids):
            # Reset: back where the analyst was reading, the same claim current.
            self.panel.view.doItemsLayout()
            self.panel.view.verticalScrollBar().setValue(scroll)
            self.panel.select_claim(current)
        self.panel.update_count()

    # Opening a claim --------------------------------------------------------------------
    def _open(self, index: QModelIndex, *, keep_focus: bool) -> None:
        row = self.model.claim_at(index.row())
        if row is None:
            return
        # As a double-click in the claims table: the reader shows the source and selects the
        # passage, the inspector the claim. A click leaves the keys here, for the next claim.
        self.services.show_claim(row.claim_id)
        if keep_focus:
            self.panel.view.setFocus()

    # Suggested dates --------------------------------------------------------------------
    def _want_suggestions(self, ids: list[int]) -> None:
        self._waiting.extend(i for i in ids if i not in self._waiting)
        self._read_next()

    def _read_next(self) -> None:
        if self._reading is not None or not self._waiting:
            return
        # Only rows still on screen: those scrolled past are asked for again if painted again.
        shown = self.panel.visible_claim_ids()
        self.model.unask([i for i in self._waiting if i not in shown])
        self._waiting = [i for i in self._waiting if i in shown]
        ids, self._waiting = self._waiting[:50], self._waiting[50:]
        if not ids:
            return
        rows = timeline_rows(self.lib, ids)
        lib = self.lib
        task = self.suggester.run(
            lib,
            lambda worker: suggested_dates(worker, rows),
            description="reading suggested event dates",
            failure="No suggested dates",
        )
        self._reading = task
        task.succeeded.connect(lambda found: self._read(lib, found))
        task.finished.connect(self._read_done)

    def _read(self, lib: Library, found: dict[int, EventDateSuggestion]) -> None:
        if lib is self.lib:
            self.model.set_suggestions(found)

    def _read_done(self) -> None:
        self._reading = None
        self._read_next()

    def _button_clicked(self, row: int, button: str) -> None:
        entry = self.model.claim_at(row)
        if entry is None:
            return
        self.panel.view.setCurrentIndex(self.panel.row_index(row))
        if button == ACCEPT:
            self.accept(entry.claim_id)
        else:
            self.reject(entry.claim_id)

    def _on_current(self, action: Callable[[int], bool]) -> None:
        claim_id = self.panel.current_claim_id()
        if claim_id is not None:
            action(claim_id)

    def suggested(self, claim_id: int) -> str | None:
        """Return the date suggested (and not rejected) for a claim shown undated, if any."""
        at = self.model.position_of(claim_id)
        row = None if at is None else self.model.claim_at(at)
        found = None if row is None else self.model.suggestion(row)
        return found.date if isinstance(found, EventDateSuggestion) else None

    def accept(self, claim_id: int) -> bool:
        """Set a claim's event date to the date suggested for it (one undoable step)."""
        date = self.suggested(claim_id)
        if date is None:
            return False
        command = EditClaimCommand(self.lib, claim_id, expected={"event_date": ""}, event_date=date)
        return self.services.execute(command)

    def reject(self, claim_id: int) -> bool:
        """Hide the date suggested for a claim (for this session: rejections are not stored)."""
        if self.suggested(claim_id) is None:
            return False
        date = self.model.reject(claim_id)
        self.services.show_status(f"Suggested date {date} hidden for this session")
        return True
