"""The library list: sources with outlet, date, reliability grade and claim count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefing_app.core.library import Library
from briefing_app.core.records.grading import RELIABILITY
from briefing_app.core.records.listing import SOURCE_ROW, source_columns, source_ids, source_rows
from briefing_app.gui.models.lazy_table import LazyRowTableModel
from briefing_app.gui.models.row_table import Row, value_key

# Positions in core.listing.SOURCE_ROW.
TITLE, OUTLET, PUBLISHED, RELIABILITY_CODE, CLAIM_COUNT = 1, 2, 3, 4, 5


class SourceTableModel(LazyRowTableModel):
    """Sources as rows, loaded lazily; filtered by the ids a full-text search returns."""

    columns = (
        ("Title", TITLE),
        ("Outlet", OUTLET),
        ("Date", PUBLISHED),
        ("Grade", RELIABILITY_CODE),
        ("Claims", CLAIM_COUNT),
    )

    def __init__(self) -> None:
        super().__init__()
        self._only: set[int] | None = None

    def set_filter(self, ids: set[int] | None) -> None:
        """Show only the sources with these ids, or all of them for None."""
        self._only = ids
        self.requery()

    def query_ids(self, lib: Library) -> list[int]:
        """Return the ids of the sources to show, in the current sort order."""
        if self._sort is None or self._sort[0] < 0:
            ids = source_ids(lib)
        else:
            field = SOURCE_ROW[self.columns[self._sort[0]][1]]
            ids = self.sorted_ids(source_columns(lib, [field]), lambda r: value_key(r[1]))
        only = self._only
        return ids if only is None else [i for i in ids if i in only]

    def fetch_rows(self, lib: Library, ids: list[int]) -> list[Row]:
        """Return the rows of these sources."""
        return source_rows(lib, ids)

    def placeholder(self, record_id: int) -> Row:
        """Show an empty row for a source deleted behind the model's back."""
        return (record_id, "", "", "", "", 0)

    def natural_key(self, row: Row) -> Any:
        """Newest source first."""
        return -row[0]

    def cell(self, row: Row, column: int, role: int) -> Any:
        """Show the title in full as a tooltip and explain the grade."""
        pos = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole and pos == TITLE:
            return row[TITLE] or "(untitled)"
        if role == Qt.ItemDataRole.ToolTipRole:
            if pos == RELIABILITY_CODE:
                return f"Reliability {row[pos]}: {RELIABILITY.label(row[pos])}"
            if pos == TITLE:
                return row[TITLE]
        if role == Qt.ItemDataRole.TextAlignmentRole and pos in (RELIABILITY_CODE, CLAIM_COUNT):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().cell(row, column, role)
