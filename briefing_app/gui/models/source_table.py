"""The library list: sources with outlet, date, reliability grade and claim count."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from briefing_app.core.library import Library
from briefing_app.core.records.grading import RELIABILITY
from briefing_app.core.records.listing import (
    SourceRow,
    source_ids,
    source_precedes,
    source_rows,
)
from briefing_app.gui.models.format_badge import format_badge, format_word
from briefing_app.gui.models.lazy_table import LazyRowTableModel


class SourceTableModel(LazyRowTableModel[SourceRow]):
    """Sources as rows, loaded lazily; filtered by the ids a full-text search returns."""

    columns = (
        ("Title", "title"),
        ("Outlet", "outlet"),
        ("Date", "published"),
        ("Grade", "reliability"),
        ("Claims", "claim_count"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._only: set[int] | None = None
        self._search = ""
        # True while rows of deleted sources are being removed: a current row Qt moves off a
        # removed one then is not the analyst's choice (the window picks what opens instead).
        self.removing = False

    def set_filter(self, ids: set[int] | None, search: str = "") -> None:
        """Show only the sources with these ids, or all of them for None.

        search is the text the ids were found for: a source stored later is shown when it
        matches it too, as searching again would show it.
        """
        self._only = None if ids is None else set(ids)
        self._search = search
        self.requery()

    def reload(self) -> None:
        """Query the shown ids again; under a search, with the sources matching it stored since.

        So a batch too big to take in place shows what `update` would have shown.
        """
        if self._lib is not None and self._only is not None and self._search:
            self._only |= set(self._lib.search.source_ids(self._search))
        super().reload()

    def update(self, ids: set[int]) -> bool:
        """Show the sources with these ids as they are now, in place; return False if it cannot.

        New sources that pass the filter take their place in the order shown (newest first,
        or a column's sort); edited ones are repainted, and moved if their place changed (one
        shown stays shown, even if it no longer matches the search: the row being edited does
        not vanish); deleted ones have their rows removed (see `removing`).
        In place, a big library's list is not re-read every time an import stores a few
        sources (or its undo takes them away), and its selection and scroll position stay
        where they were.
        """
        lib = self._lib
        if lib is None or self._sorted != self._sort:
            return False
        rows = source_rows(lib, sorted(ids))
        if len(rows) != len(ids):
            self._remove(ids - {r.id for r in rows})
            ids = {r.id for r in rows}
        positions = self.positions_of(ids)
        admitted = self._admit(lib, [r.id for r in rows if r.id not in positions])
        fresh = {r.id: r for r in rows if r.id in positions or r.id in admitted}
        self._cache.update(fresh)
        placed = _Placing(self, lib, fresh, source_precedes(*self.sort_field()))
        if all(placed.in_order(at) for at in positions.values()):
            last = len(self.columns) - 1
            for at in positions.values():
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
            positions = {}
        placed.put([r for r in fresh.values() if r.id in admitted], positions)
        return True

    def _remove(self, gone: set[int]) -> None:
        """Remove the rows of deleted sources, each run of neighbouring rows at once."""
        for record_id in gone:
            self._cache.pop(record_id, None)
        if self._only is not None:
            self._only -= gone
        positions = sorted(self.positions_of(gone).values())
        runs: list[list[int]] = []
        for at in positions:
            if runs and runs[-1][1] == at - 1:
                runs[-1][1] = at
            else:
                runs.append([at, at])
        self.removing = True
        try:
            for first, last in reversed(runs):  # from the bottom: the runs above keep their rows
                self.beginRemoveRows(QModelIndex(), first, last)
                del self._ids[first : last + 1]
                self.endRemoveRows()
        finally:
            self.removing = False

    def _admit(self, lib: Library, ids: list[int]) -> set[int]:
        """Return which of these sources, not shown yet, the filter lets in (and let them in)."""
        only = self._only
        if only is None:
            return set(ids)
        matching = lib.search.matching_sources(self._search, ids) if self._search else set()
        only |= matching
        return matching | only.intersection(ids)  # ids filtered in before (a redo's)

    def query_ids(self, lib: Library) -> list[int]:
        """Return the ids of the sources to show, in the current sort order."""
        field, descending = self.sort_field()
        ids = source_ids(lib, sort_by=field, descending=descending)
        only = self._only
        return ids if only is None else [i for i in ids if i in only]

    def fetch_rows(self, lib: Library, ids: list[int]) -> list[SourceRow]:
        """Return the rows of these sources."""
        return source_rows(lib, ids)

    def placeholder(self, record_id: int) -> SourceRow:
        """Show an empty row for a source deleted behind the model's back."""
        return SourceRow(record_id)

    def cell(self, row: SourceRow, column: int, role: int) -> Any:
        """Show the title with its format's badge, in full as a tooltip; explain the grade."""
        field = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole and field == "title":
            return row.title or "(untitled)"
        if role == Qt.ItemDataRole.DecorationRole and field == "title":
            # Two copies of a report (Word and PDF) share a title: the badge tells them apart.
            return format_badge(row.format)
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "reliability":
                return f"Reliability {row.reliability}: {RELIABILITY.label(row.reliability)}"
            if field == "title":
                # The outlet too: a narrow list leaves its column out.
                about = " · ".join(x for x in (row.outlet, format_word(row.format)) if x)
                return f"{row.title}\n{about}" if about else row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("reliability", "claim_count"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().cell(row, column, role)


class _Placing:
    """Puts rows into a SourceTableModel's sorted ids with inserts and moves, never a reset.

    The ids not being placed are in order already; a row's place is found by bisecting them,
    reading only the rows probed (about 14 for 10,000 sources), not the whole list.
    """

    def __init__(
        self,
        model: SourceTableModel,
        lib: Library,
        fresh: dict[int, SourceRow],
        precedes: Callable[[SourceRow, SourceRow], bool],
    ) -> None:
        self.model, self.lib, self.fresh, self.precedes = model, lib, fresh, precedes
        self._probed: dict[int, SourceRow] = {}

    def in_order(self, position: int) -> bool:
        """Return whether the row at position sorts after the one above, before the one below."""
        ids = self.model._ids
        row = self._row(ids[position])
        above = position == 0 or self.precedes(self._row(ids[position - 1]), row)
        return above and (
            position + 1 == len(ids) or self.precedes(row, self._row(ids[position + 1]))
        )

    def put(self, new: list[SourceRow], moved: dict[int, int]) -> None:
        """Insert the new rows and move the shown rows (id: position), each to its place."""
        model = self.model
        ids = model._ids
        parent = QModelIndex()
        # First the moved rows to the end, last first so that the others keep their positions:
        # what remains above them is in order, and each is then moved up into it.
        for at in sorted(moved.values(), reverse=True):
            if at + 1 < len(ids):  # the last row is at the end already (Qt refuses the move)
                model.beginMoveRows(parent, at, at, parent, len(ids))
                ids.append(ids.pop(at))
                model.endMoveRows()
        waiting = ids[len(ids) - len(moved) :].tolist() if moved else []
        end = len(ids) - len(waiting)
        lo = 0
        order = functools.cmp_to_key(self._compare)
        for row in sorted([*new, *(self.fresh[i] for i in waiting)], key=order):
            at = self._bisect(row, lo, end)
            if row.id in waiting:
                source = end + waiting.index(row.id)
                waiting.remove(row.id)
                if source != at:
                    model.beginMoveRows(parent, source, source, parent, at)
                    ids.insert(at, ids.pop(source))
                    model.endMoveRows()
            else:
                model.beginInsertRows(parent, at, at)
                ids.insert(at, row.id)
                model.endInsertRows()
            end += 1
            lo = at + 1

    def _bisect(self, row: SourceRow, lo: int, hi: int) -> int:
        ids = self.model._ids
        while lo < hi:
            middle = (lo + hi) // 2
            if self.precedes(self._row(ids[middle]), row):
                lo = middle + 1
            else:
                hi = middle
        return lo

    def _compare(self, a: SourceRow, b: SourceRow) -> int:
        return -1 if self.precedes(a, b) else 1 if self.precedes(b, a) else 0

    def _row(self, record_id: int) -> SourceRow:
        """Return a shown source's row: fresh, cached, or read alone (a probe)."""
        found = self.fresh.get(record_id) or self.model._cache.get(record_id)
        if found is None:
            found = self._probed.get(record_id)
        if found is None:
            read = source_rows(self.lib, [record_id])
            found = read[0] if read else SourceRow(record_id)
            self._probed[record_id] = found
        return found
