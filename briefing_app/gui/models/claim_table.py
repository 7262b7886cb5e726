"""The claims table: every claim with its source, party, kind and grade, filtered in memory.

All claims are loaded once as tuples (core.listing.claim_rows); a filter change only walks
that list, so narrowing 100,000 claims by kind or tag needs no new query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from briefing_app.core.claims import ClaimFilter
from briefing_app.core.grading import CREDIBILITY
from briefing_app.gui.claim_mime import CLAIM_KEYS_MIME, claims_mime
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
    """Claims as rows: load() every claim, set_filter() to narrow them, update() on changes."""

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
        self._all: dict[int, Row] = {}
        self.filter = ClaimFilter()

    def load(self, rows: list[Row]) -> None:
        """Hold these claims (all of them) and show those the filter lets through."""
        self._all = {r[ID]: r for r in rows}
        self._show()

    def set_filter(self, flt: ClaimFilter) -> None:
        """Show only the claims matching flt."""
        self.filter = flt
        self._show()

    def update(self, ids: set[int], fresh: list[Row]) -> None:
        """Take the current rows of the claims with these ids (missing ones were deleted)."""
        for claim_id in ids:
            self._all.pop(claim_id, None)
        for row in fresh:
            self._all[row[ID]] = row
        self.replace_rows(ids, [r for r in fresh if row_matches(r, self.filter)])

    def total(self) -> int:
        """Return how many claims are held, shown or not."""
        return len(self._all)

    def _show(self) -> None:
        flt = self.filter
        if flt == ClaimFilter():
            self.set_rows(list(self._all.values()))
        else:
            self.set_rows([r for r in self._all.values() if row_matches(r, flt)])

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
