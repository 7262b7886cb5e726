"""The claims table: every claim with its source, party, kind and grade, loaded lazily.

The model holds only the ids it shows, in order (one id query through core.listing per filter
or sort), and fetches the full rows of the claims on screen in blocks (`claim_rows(ids=...)`),
keeping a bounded cache. So a library of 100,000 claims opens without reading them all, and a
filter is one indexed query rather than a walk over rows held in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.grading import CREDIBILITY
from briefing_app.core.records.listing import CLAIM_ROW, claim_columns, claim_ids, claim_rows
from briefing_app.gui.claim_mime import CLAIM_KEYS_MIME, claims_mime
from briefing_app.gui.highlighter import kind_colour
from briefing_app.gui.models.lazy_table import LazyRowTableModel
from briefing_app.gui.models.row_table import Index, Row, value_key

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


class ClaimTableModel(LazyRowTableModel):
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

    def __init__(self) -> None:
        super().__init__()
        self._total = 0
        self.filter = ClaimFilter()

    def reload(self) -> None:
        """Query the shown ids and the claim count again; forget every cached row."""
        self._total = self._lib.claims.count() if self._lib is not None else 0
        super().reload()

    def set_filter(self, flt: ClaimFilter) -> None:
        """Show only the claims matching flt."""
        self.filter = flt
        self.requery()

    def update(self, ids: set[int], fresh: list[Row]) -> None:
        """Take the current rows of the claims with these ids (missing ones were deleted)."""
        if self._lib is not None:
            self._total = self._lib.claims.count()
        self.replace_rows(ids, [r for r in fresh if row_matches(r, self.filter)])

    def total(self) -> int:
        """Return how many claims the library holds, shown or not."""
        return self._total

    def placeholder(self, record_id: int) -> Row:
        """Show an empty row for a claim deleted behind the model's back."""
        return (record_id, "", 0, "", 0, "", "", 0, "", "", "", ())

    def query_ids(self, lib: Library) -> list[int]:
        """Return the ids matching the filter, in the current sort order."""
        if self._sort is None or self._sort[0] < 0:
            return claim_ids(lib, self.filter)
        fields, key = self.column_sort(self._sort[0])
        return self.sorted_ids(claim_columns(lib, fields, self.filter), key)

    def column_sort(self, column: int) -> tuple[tuple[str, ...], Callable[[Row], Any]]:
        """Return the fields a column sorts by and the key over (id, *fields) tuples.

        Keys sort numerically (C2 before C10), sources by title then position in the text.
        """
        pos = self.columns[column][1]
        if pos == KEY:
            return (), lambda r: r[0]
        if pos == SOURCE_TITLE:
            return ("source_title", "source_id", "start"), lambda r: (r[1].casefold(), r[2], r[3])
        if pos == TAGS:
            return ("tags",), lambda r: ", ".join(r[1]).casefold()
        return (CLAIM_ROW[pos],), lambda r: value_key(r[1])

    def fetch_rows(self, lib: Library, ids: list[int]) -> list[Row]:
        """Return the full rows of these claims."""
        return claim_rows(lib, ids=ids)

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be dragged into the note editor (as citations)."""
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        """Offer claim keys and the citation as text."""
        return [CLAIM_KEYS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Return the dragged rows' claim keys, in row order, each once."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        keys = [str(self.row(r)[KEY]) for r in rows]
        return claims_mime(keys)
