"""The library list: sources with outlet, date, reliability grade and claim count."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from briefing_app.core.library import Library
from briefing_app.core.records.grading import RELIABILITY
from briefing_app.core.records.listing import SourceRow, source_ids, source_rows
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

    def set_filter(self, ids: set[int] | None) -> None:
        """Show only the sources with these ids, or all of them for None."""
        self._only = ids
        self.requery()

    def update(self, ids: set[int]) -> bool:
        """Show the sources with these ids as they are now, in place; return False if it cannot.

        Only new and edited sources in the natural order (newest first): a row removed or
        one moved by a column sort needs a reload (the caller's), which puts the selection
        back itself. In place, a big library's list is not re-read every time an import
        stores a few sources.
        """
        lib = self._lib
        if lib is None or self.sort_field()[0] is not None:
            return False
        rows = source_rows(lib, sorted(ids))
        if len(rows) != len(ids):
            return False  # some were deleted
        only = self._only
        shown = [r for r in rows if only is None or r.id in only]
        positions = self._id_positions()
        self.replace_rows(
            {r.id for r in shown if r.id in positions}, [r for r in shown if r.id in positions]
        )
        for row in sorted((r for r in shown if r.id not in positions), key=lambda r: -r.id):
            # Newest first is by id, descending: a source put back by a redo keeps its place.
            at = bisect.bisect_left(self._ids, -row.id, key=lambda i: -i)
            self.beginInsertRows(QModelIndex(), at, at)
            self._ids.insert(at, row.id)
            self._cache[row.id] = row
            self._positions = None
            self.endInsertRows()
        return True

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
        """Show the title in full as a tooltip and explain the grade."""
        field = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole and field == "title":
            return row.title or "(untitled)"
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "reliability":
                return f"Reliability {row.reliability}: {RELIABILITY.label(row.reliability)}"
            if field == "title":
                return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("reliability", "claim_count"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().cell(row, column, role)
