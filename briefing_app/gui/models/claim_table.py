"""The claims table: every claim with its source, party, kind and grade, loaded lazily.

The model holds only the ids it shows, in order: one `claim_ids` query per filter or sort,
through core's ClaimFilter, the same filter `briefing claims` uses. It fetches the rows of the
claims on screen in blocks (`claim_rows(ids=...)`), keeping a bounded cache. So a library of
100,000 claims opens without reading them all, and a filter is one query rather than a walk
over rows held in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.grading import CREDIBILITY
from briefing_app.core.records.listing import ClaimRow, claim_ids, claim_rows
from briefing_app.gui.claim_mime import CLAIM_KEYS_MIME, claims_mime
from briefing_app.gui.highlighter import kind_colour
from briefing_app.gui.models.lazy_table import Index, LazyRowTableModel


class ClaimTableModel(LazyRowTableModel[ClaimRow]):
    """Claims as rows: attach() a library, set_filter() to narrow them, update() on changes."""

    columns = (
        ("Key", "key"),
        ("Source", "source_title"),
        ("Party", "party"),
        ("Kind", "kind"),
        ("Cred.", "credibility"),
        ("Status", "status"),
        ("Statement", "statement"),
        ("Tags", "tags"),
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

    def update(self, ids: set[int]) -> None:
        """Show the claims with these ids as they are now: changed, added, deleted, refiltered."""
        if self._lib is None:
            return
        self._total = self._lib.claims.count()
        self.replace_rows(ids, claim_rows(self._lib, self.filter, ids=sorted(ids)))

    def total(self) -> int:
        """Return how many claims the library holds, shown or not."""
        return self._total

    def placeholder(self, record_id: int) -> ClaimRow:
        """Show an empty row for a claim deleted behind the model's back."""
        return ClaimRow(record_id)

    def query_ids(self, lib: Library) -> list[int]:
        """Return the ids matching the filter, in the current sort order."""
        field, descending = self.sort_field()
        return claim_ids(lib, self.filter, sort_by=field, descending=descending)

    def fetch_rows(self, lib: Library, ids: list[int]) -> list[ClaimRow]:
        """Return the full rows of these claims."""
        return claim_rows(lib, ids=ids)

    def cell(self, row: ClaimRow, column: int, role: int) -> Any:
        """Show the quote when there is no statement yet; colour the kind."""
        field = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "statement":
                return row.statement or f"“{row.quote}”"
            if field == "tags":
                return ", ".join(row.tags)
        if role == Qt.ItemDataRole.DecorationRole and field == "kind":
            return kind_colour(row.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "credibility":
                return f"Credibility {row.credibility}: {CREDIBILITY.label(str(row.credibility))}"
            if field in ("statement", "key"):
                return f"{row.key} — {row.party or 'no party'}\n“{row.quote}”"
            if field == "source_title":
                return row.source_title
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
        return claims_mime([self.row(r).key for r in rows])

    def claims_mime(self, ids: list[int]) -> QMimeData:
        """Return the MIME data of a drag of these claims: their keys read in one query."""
        return claims_mime(self._lib.claims.keys_of(ids) if self._lib is not None else [])
