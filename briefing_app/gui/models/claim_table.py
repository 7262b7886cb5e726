"""The claims table: every claim (or a filtered set) with its source, party, kind and grade."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from briefing_app.core.grading import CREDIBILITY
from briefing_app.gui.highlighter import kind_colour
from briefing_app.gui.models.row_table import Row, RowTableModel

# Positions in core.listing.CLAIM_ROW.
ID, KEY, SOURCE_ID, SOURCE_TITLE, START, PARTY, KIND, CREDIBILITY_CODE, STATUS = range(9)
STATEMENT, QUOTE, TAGS = 9, 10, 11


class ClaimTableModel(RowTableModel):
    """Claims as rows; the filter is applied by the query that loads them."""

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

    def cell(self, row: Row, column: int, role: int) -> Any:
        """Show the quote when there is no statement yet; colour the kind."""
        pos = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole and pos == STATEMENT:
            return row[STATEMENT] or f"“{row[QUOTE]}”"
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
        return super().sort_key(column)
