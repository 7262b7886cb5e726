"""The claims table: every claim with its source, party, kind and grade, loaded lazily.

The model holds only the ids it shows, in order (one id query through core.listing per filter
or sort), and fetches the full rows of the claims on screen in blocks (`claim_rows(ids=...)`),
keeping a bounded cache. So a library of 100,000 claims opens without reading them all, and a
filter is one indexed query rather than a walk over rows held in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from briefing_app.core.claims import ClaimFilter
from briefing_app.core.grading import CREDIBILITY
from briefing_app.core.library import Library
from briefing_app.core.listing import CLAIM_ROW, claim_columns, claim_ids, claim_rows
from briefing_app.gui.highlighter import kind_colour
from briefing_app.gui.models.row_table import Index, Row, RowTableModel

# Positions in core.listing.CLAIM_ROW.
ID, KEY, SOURCE_ID, SOURCE_TITLE, START, PARTY, KIND, CREDIBILITY_CODE, STATUS = range(9)
STATEMENT, QUOTE, TAGS = 9, 10, 11


def row_matches(row: Row, flt: ClaimFilter) -> bool:
    """Return whether a claim row passes a filter (the same rules as core's ClaimFilter)."""
    if flt.source_id is not None and row[SOURCE_ID] != flt.source_id:
        return False
    if flt.kind and row[KIND] != flt.kind:
        return False
    if flt.status and row[STATUS] != flt.status:
        return False
    if flt.party and row[PARTY].casefold() != flt.party.casefold():
        return False
    if flt.tag:
        wanted = flt.tag.casefold()
        return any(name.casefold() == wanted for name in row[TAGS])
    return True


class ClaimTableModel(RowTableModel):
    """Claims as rows: attach() a library, set_filter() to narrow them, update() on changes."""

    columns = (
        ("Key", KEY),
        ("Source", SOURCE_TITLE),
        ("Party", PARTY),
        ("Kind", KIND),
        ("Cred.", CREDIBILITY_CODE),
        ("Status", STATUS),
        ("Statement", STATEMENT),
        ("Tags", TAGS),
    )
    # Rows are fetched this many at a time (a few screens), and at most CACHE_ROWS are kept.
    BLOCK = 256
    CACHE_ROWS = 8192

    def __init__(self) -> None:
        super().__init__()
        self._lib: Library | None = None
        self._ids: list[int] = []
        self._cache: dict[int, Row] = {}
        self._total = 0
        self.filter = ClaimFilter()

    # Loading --------------------------------------------------------------------------------
    def attach(self, lib: Library | None) -> None:
        """Show the claims of this library (None: show nothing) through the current filter."""
        self._lib = lib
        self.reload()

    def reload(self) -> None:
        """Query the shown ids again (current filter and sort) and forget every cached row."""
        self.beginResetModel()
        self._cache.clear()
        self._total = self._lib.claims.count() if self._lib is not None else 0
        self._ids = self._query_ids()
        self.endResetModel()

    def set_filter(self, flt: ClaimFilter) -> None:
        """Show only the claims matching flt."""
        self.filter = flt
        self.beginResetModel()
        self._ids = self._query_ids()
        self.endResetModel()

    def update(self, ids: set[int], fresh: list[Row]) -> None:
        """Take the current rows of the claims with these ids (missing ones were deleted)."""
        for claim_id in ids:
            self._cache.pop(claim_id, None)
        for row in fresh:
            self._cache[row[ID]] = row
        if self._lib is not None:
            self._total = self._lib.claims.count()
        self.replace_rows(ids, [r for r in fresh if row_matches(r, self.filter)])

    def total(self) -> int:
        """Return how many claims the library holds, shown or not."""
        return self._total

    # Qt interface and row access ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of shown claims."""
        return 0 if parent.isValid() else len(self._ids)

    def row(self, position: int) -> Row:
        """Return the row shown at a position, fetching its block of rows when not cached."""
        claim_id = self._ids[position]
        found = self._cache.get(claim_id)
        if found is None:
            self._fetch_block(position)
            found = self._cache.get(claim_id)
        if found is None:  # deleted behind the model's back: show an empty row, never fail
            found = (claim_id, "", 0, "", 0, "", "", 0, "", "", "", ())
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text (and colour, tooltip) for the claim shown in that row."""
        if not index.isValid():
            return None
        return self.cell(self.row(index.row()), index.column(), role)

    def id_at(self, position: int) -> int:
        """Return the id of the claim shown at a position."""
        return self._ids[position]

    def position_of(self, record_id: int) -> int | None:
        """Return where the claim with this id is shown, or None."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def ids(self) -> list[int]:
        """Return the ids of the shown claims, in display order."""
        return list(self._ids)

    def replace_rows(self, ids: set[int], fresh: list[Row]) -> None:
        """Refresh the shown claims with these ids: update, insert or remove them in place."""
        by_id = {r[ID]: r for r in fresh}
        gone = sorted(
            (p for p, i in enumerate(self._ids) if i in ids and i not in by_id), reverse=True
        )
        for pos in gone:
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._ids[pos]
            self.endRemoveRows()
        shown = {i: p for p, i in enumerate(self._ids) if i in by_id}
        last = len(self.columns) - 1
        for pos in shown.values():
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, last))
        new = [i for i in by_id if i not in shown]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(new) - 1)
            self._ids.extend(new)
            self.endInsertRows()
            if self._sort is not None:
                self.sort(*self._sort)

    def _apply_sort(self) -> None:
        """Order the shown ids by the current sort (natural order: by source, then position)."""
        if self._lib is None:
            return
        shown = set(self._ids)
        self._ids = [i for i in self._query_ids() if i in shown]

    # Queries ---------------------------------------------------------------------------------
    def _query_ids(self) -> list[int]:
        """Return the ids matching the filter, in the current sort order."""
        if self._lib is None:
            return []
        if self._sort is None or self._sort[0] < 0:
            return claim_ids(self._lib, self.filter)
        column, order = self._sort
        pos = self.columns[column][1]
        fields = _SORT_FIELDS.get(pos, (CLAIM_ROW[pos],))
        # Partial rows laid out like full ones, so sort_key() serves both.
        width = len(CLAIM_ROW)
        places = [CLAIM_ROW.index(f) for f in fields]
        rows = []
        for values in claim_columns(self._lib, fields, self.filter):
            row: list[Any] = [None] * width
            row[ID] = values[0]
            for place, value in zip(places, values[1:], strict=True):
                row[place] = value
            rows.append(tuple(row))
        rows.sort(key=self.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        return [r[ID] for r in rows]

    def _fetch_block(self, position: int) -> None:
        if self._lib is None:
            return
        first = position - position % self.BLOCK
        wanted = [i for i in self._ids[first : first + self.BLOCK] if i not in self._cache]
        if len(self._cache) + len(wanted) > self.CACHE_ROWS:
            self._cache.clear()
        for row in claim_rows(self._lib, ids=wanted):
            self._cache[row[ID]] = row

    def cell(self, row: Row, column: int, role: int) -> Any:
        """Show the quote when there is no statement yet; colour the kind."""
        pos = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if pos == STATEMENT:
                return row[STATEMENT] or f"“{row[QUOTE]}”"
            if pos == TAGS:
                return ", ".join(row[TAGS])
        if role == Qt.ItemDataRole.DecorationRole and pos == KIND:
            return kind_colour(row[KIND])
        if role == Qt.ItemDataRole.ToolTipRole:
            if pos == CREDIBILITY_CODE:
                return f"Credibility {row[pos]}: {CREDIBILITY.label(str(row[pos]))}"
            if pos in (STATEMENT, KEY):
                return f"{row[KEY]} — {row[PARTY] or 'no party'}\n“{row[QUOTE]}”"
            if pos == SOURCE_TITLE:
                return row[SOURCE_TITLE]
        return super().cell(row, column, role)

    def natural_key(self, row: Row) -> Any:
        """Claims come by source, then position in the text."""
        return (row[SOURCE_ID], row[START], row[ID])

    def sort_key(self, column: int) -> Callable[[Row], Any]:
        """Sort keys numerically (C2 before C10) and sources by position in the text."""
        pos = self.columns[column][1] if column >= 0 else -1
        if pos == KEY:
            return lambda r: r[ID]
        if pos == SOURCE_TITLE:
            return lambda r: (r[SOURCE_TITLE].casefold(), r[SOURCE_ID], r[START])
        if pos == TAGS:
            return lambda r: ", ".join(r[TAGS]).casefold()
        return super().sort_key(column)


# The fields a column's sort key reads (default: the column's own field).
_SORT_FIELDS: dict[int, tuple[str, ...]] = {
    KEY: (),
    SOURCE_TITLE: ("source_title", "source_id", "start"),
}
