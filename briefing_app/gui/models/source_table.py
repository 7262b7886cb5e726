"""The library list: sources with outlet, date, reliability grade and claim count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefing_app.core.grading import RELIABILITY
from briefing_app.gui.models.row_table import Row, RowTableModel

# Positions in core.listing.SOURCE_ROW.
TITLE, OUTLET, PUBLISHED, RELIABILITY_CODE, CLAIM_COUNT = 1, 2, 3, 4, 5


class SourceTableModel(RowTableModel):
    """Sources as rows; filtered by the ids a full-text search returns."""

    columns = (
        ("Title", TITLE),
        ("Outlet", OUTLET),
        ("Date", PUBLISHED),
        ("Grade", RELIABILITY_CODE),
        ("Claims", CLAIM_COUNT),
    )

    def __init__(self) -> None:
        super().__init__()
        self._all: list[Row] = []
        self._only: set[int] | None = None

    def load(self, rows: list[Row]) -> None:
        """Show these sources (still narrowed by the current filter)."""
        self._all = list(rows)
        self._show()

    def all_rows(self) -> list[Row]:
        """Return every source row, filtered out or not."""
        return list(self._all)

    def set_filter(self, ids: set[int] | None) -> None:
        """Show only the sources with these ids, or all of them for None."""
        self._only = ids
        self._show()

    def _show(self) -> None:
        only = self._only
        self.set_rows(self._all if only is None else [r for r in self._all if r[0] in only])

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
