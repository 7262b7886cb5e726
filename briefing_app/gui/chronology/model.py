"""The chronology's list: day headers and claims in event-date order, loaded lazily.

The model holds, in order, one entry per claim (its id) and one per group (a negative number
naming the group): dated claims grouped by day, a month- or year-precision date in a group of
its own ("November 2025", not a made-up 1 November), undated claims last. One core query gives
(id, event date) of every claim shown (`timeline_dates`, two index walks); rows are fetched in
blocks as they come on screen (`timeline_rows`), as in the claims table. Suggested dates are
asked for only for undated rows the view paints (`suggestions_wanted`), never all at once.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal

from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.timeline import TimelineRow, timeline_dates, timeline_rows
from briefing_app.core.suggest.event_dates import EventDateSuggestion
from briefing_app.gui.models.lazy_table import Index, LazyRowTableModel
from briefing_app.gui.wording import count_of

UNDATED = "Undated"
# Item data roles beyond Qt's own.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # a Group, or the claim's TimelineRow
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 2  # an undated claim's EventDateSuggestion
PENDING = "pending"  # SUGGESTION_ROLE while the suggestion is being read
ASK_AFTER_MS = 120  # suggested dates are asked for this long after the rows were painted


@dataclass(frozen=True)
class Group:
    """A header on the time line: a day, a month or a year (as precise as its dates), or the
    undated claims; with how many claims it holds."""

    key: str  # the event dates' common part: "2025-11-26", "2025-11", "2025", or ""
    count: int

    @property
    def title(self) -> str:
        """The header's words: 'Wednesday 26 November 2025', 'November 2025', '2025'."""
        return group_title(self.key)

    @property
    def short_title(self) -> str:
        """The header's words in short: 'Wed 26 Nov 2025', 'Nov 2025', '2025'."""
        return short_group_title(self.key)


def group_title(key: str) -> str:
    """Return how a group's date reads: a day with its weekday, a month, a year, or Undated."""
    if not key:
        return UNDATED
    parts = [int(p) for p in key.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return f"{day:%A} {day.day} {day:%B %Y}"
    if len(parts) == 2:
        return f"{date(parts[0], parts[1], 1):%B %Y}"
    return str(parts[0])


def short_group_title(key: str) -> str:
    """Return a group's date in short: 'Wed 26 Nov 2025', 'Nov 2025', '2025', or Undated."""
    parts = [int(p) for p in key.split("-")] if key else []
    if len(parts) == 3:
        day = date(*parts)
        return f"{day:%a} {day.day} {day:%b %Y}"
    if len(parts) == 2:
        return f"{date(parts[0], parts[1], 1):%b %Y}"
    return group_title(key)


def event_date_label(value: str) -> str:
    """Return a stored event date as it reads on a claim: 26 Nov 2025, Nov 2025, 2025, with
    the time when it has one."""
    if not value:
        return ""
    day, _, time = value.partition("T")
    parts = [int(p) for p in day.split("-")]
    if len(parts) == 3:
        text = f"{parts[2]} {date(*parts):%b %Y}"
    elif len(parts) == 2:
        text = f"{date(parts[0], parts[1], 1):%b %Y}"
    else:
        text = str(parts[0])
    return f"{text} {time}" if time else text


class ChronologyModel(LazyRowTableModel[TimelineRow]):
    """Claims on the time line with their group headers: attach(), set_filter(), refresh()."""

    columns = (("Claim", "statement"),)
    # Undated rows the view painted without a suggestion: the ids (asked for together).
    suggestions_wanted = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.filter = ClaimFilter()
        self.question_id: int | None = None
        self.groups: list[Group] = []
        self.dated = self.undated = 0
        self.suggestions: dict[int, EventDateSuggestion] = {}
        # (claim id, date) of the suggestions the analyst rejected, for this session only.
        self.rejected: set[tuple[int, str]] = set()
        self._asked: set[int] = set()  # ids whose suggestion is being read
        self._wanted: list[int] = []
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        # Once the view has painted, and scrolling has paused: rows scrolled past are not read.
        self._ask_timer.setInterval(ASK_AFTER_MS)
        self._ask_timer.timeout.connect(self._ask)

    # Loading -----------------------------------------------------------------------------
    def set_filter(self, flt: ClaimFilter, question_id: int | None) -> None:
        """Show only the claims matching flt (and assigned to the question, if one)."""
        self.filter, self.question_id = flt, question_id
        self.requery()

    def query_ids(self, lib: Library) -> list[int]:
        """Return the entries to show: each group's header (negative) before its claims."""
        entries, self.groups, self.dated = self._layout(lib)
        self.undated = len(entries) - len(self.groups) - self.dated
        return entries

    def _layout(self, lib: Library) -> tuple[list[int], list[Group], int]:
        """Return the entries, the groups and how many claims are dated."""
        entries: list[int] = []
        keys: list[str] = []
        starts: list[int] = []
        last: str | None = None
        dated = 0
        for claim_id, event_date in timeline_dates(lib, self.question_id, self.filter):
            key = event_date[:10]  # the day, or the whole date when less precise
            if key != last:
                keys.append(key)
                starts.append(len(entries))
                entries.append(-len(keys))
                last = key
            entries.append(claim_id)
            if event_date:
                dated += 1
        ends = [*starts[1:], len(entries)] if starts else []  # no claims: no groups
        groups = [Group(k, e - s - 1) for k, s, e in zip(keys, starts, ends, strict=True)]
        return entries, groups, dated

    def fetch_rows(self, lib: Library, ids: list[int]) -> list[TimelineRow]:
        """Return the timeline rows of these claims (headers are not rows)."""
        return timeline_rows(lib, [i for i in ids if i > 0])

    def placeholder(self, record_id: int) -> TimelineRow:
        """Show an empty row for a claim deleted behind the model's back."""
        return TimelineRow("", "", "", "", "", "", 0, "", record_id)

    def claim_ids(self) -> list[int]:
        """Return the ids of the claims shown, in time-line order."""
        return [i for i in self.ids() if i > 0]

    def group_at(self, position: int) -> Group | None:
        """Return the group whose header is at position (None: a claim is there)."""
        entry = self.id_at(position)
        return self.groups[-entry - 1] if entry < 0 else None

    def claim_at(self, position: int) -> TimelineRow | None:
        """Return the claim shown at position (None: a header is there)."""
        return None if self.id_at(position) < 0 else self.row(position)

    # Qt interface --------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a header's or a claim's text, entry, suggestion or tooltip."""
        if not index.isValid():
            return None
        group = self.group_at(index.row())
        if group is not None:
            if role == ENTRY_ROLE:
                return group
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return group.title
            if role == Qt.ItemDataRole.ToolTipRole:
                # In full: a narrow panel shows the date in short.
                return f"{group.title}: {count_of(group.count, 'claim')}"
            return None
        row = self.row(index.row())
        if role == ENTRY_ROLE:
            return row
        if role == SUGGESTION_ROLE:
            return self.suggestion(row)
        reported = f"reported {row.published}" if row.published else "report date unknown"
        who = f"{row.key} {row.party or 'no party'}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = event_date_label(row.event_date) or "undated"
            return f"{when} ({reported}) — {who}: {row.statement}"
        if role == Qt.ItemDataRole.ToolTipRole:
            # The date line in full: in a narrow panel its reason for no date is cut short.
            when = event_date_label(row.event_date) or undated_words(self.suggestion(row))
            return f"{when}\n{who}\n{row.statement}\n{row.source_title} ({reported})"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Headers are not selectable: the keys move from claim to claim."""
        if index.isValid() and self.id_at(index.row()) < 0:
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    # Suggested dates ---------------------------------------------------------------------
    def suggestion(self, row: TimelineRow) -> EventDateSuggestion | str | None:
        """Return an undated claim's suggested date, PENDING while it is read, None if dated
        or rejected; asks for it the first time the row is shown."""
        if row.event_date:
            return None
        found = self.suggestions.get(row.claim_id)
        if found is None:
            if row.claim_id not in self._asked:
                self._asked.add(row.claim_id)
                self._wanted.append(row.claim_id)
                self._ask_timer.start()
            return PENDING
        if found.date is not None and (row.claim_id, found.date) in self.rejected:
            return None
        return found

    def _ask(self) -> None:
        wanted, self._wanted = self._wanted, []
        if wanted:
            self.suggestions_wanted.emit(wanted)

    def set_suggestions(self, found: dict[int, EventDateSuggestion]) -> None:
        """Show these suggested dates (by claim id) on their rows."""
        self.suggestions.update(found)
        self._asked -= set(found)
        self._repaint(set(found))

    def unask(self, ids: list[int]) -> None:
        """Forget that these claims' suggestions were asked for: asked again when next shown."""
        self._asked -= set(ids)

    def forget_suggestions(self, ids: set[int] | None = None) -> None:
        """Read the suggestions of these claims (None: all) again when next shown."""
        if ids is None:
            self.suggestions.clear()
            self._asked.clear()
        else:
            for claim_id in ids:
                self.suggestions.pop(claim_id, None)
            self._asked -= ids

    def reject(self, claim_id: int) -> str | None:
        """Hide a claim's suggested date for the rest of the session; return the date."""
        found = self.suggestions.get(claim_id)
        if found is None or found.date is None:
            return None
        self.rejected.add((claim_id, found.date))
        self._repaint({claim_id})
        return found.date

    def refresh(self, ids: set[int] | None) -> bool:
        """Show claims as they are now (ids: these changed; None: any may have); return False
        when the order or grouping changed, so the view was reset."""
        if self._lib is None:
            return True
        listed, groups, dated = self._layout(self._lib)
        counts = (dated, len(listed) - len(groups) - dated)
        entries = array("q", listed)  # as the model holds them (an array equals no list)
        if entries == self._ids and groups == self.groups:
            if ids is None:
                self._cache.clear()
            else:
                for claim_id in ids:
                    self._cache.pop(claim_id, None)
            self._repaint(ids)
            return True
        self.beginResetModel()
        if ids is None:
            self._cache.clear()
        else:
            for claim_id in ids:
                self._cache.pop(claim_id, None)
        self._ids, self.groups = entries, groups
        self.dated, self.undated = counts
        self.endResetModel()
        return False

    def _repaint(self, ids: set[int] | None) -> None:
        if not self._ids:
            return
        if ids is None or len(ids) > 64:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))
            return
        for at in self.positions_of(ids).values():
            self.dataChanged.emit(self.index(at, 0), self.index(at, 0))


def undated_words(suggestion: EventDateSuggestion | str | None) -> str:
    """Return what an undated claim shows where its date would be."""
    if suggestion == PENDING:
        return "Undated · looking for a date…"
    if isinstance(suggestion, EventDateSuggestion):
        if suggestion.date is not None:
            return f"{event_date_label(suggestion.date)}? suggested from ‘{suggestion.words}’"
        return f"Undated · {suggestion.reason}"
    return "Undated"
