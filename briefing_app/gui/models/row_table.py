"""A read-only table model over a list of row tuples, sortable and filterable by id.

Rows are tuples whose first item is the record id. Sorting is one Python sort of the visible
rows, which stays well under a frame for 100,000 rows; no proxy model is involved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Row = tuple[Any, ...]
Index = QModelIndex | QPersistentModelIndex


def value_key(value: Any) -> Any:
    """Sort key of one cell value: numbers first, then text ignoring case, empty cells last."""
    if isinstance(value, str):
        return (1, value.casefold())
    return (0, value) if value is not None else (2, 0)


class RowTableModel(QAbstractTableModel):
    """Columns are (header, row position) pairs; subclasses may format cells."""

    columns: tuple[tuple[str, int], ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []
        self._positions: dict[int, int] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # Qt interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of visible rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text (and whatever else a subclass formats)."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        return self.cell(row, index.column(), role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """Return what a cell shows for role; the default shows the value as text."""
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[self.columns[column][1]]
            return "" if value is None else str(value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column (a negative column: the natural order)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._apply_sort()
        self.layoutChanged.emit()

    # Row access -------------------------------------------------------------------------
    def natural_key(self, row: Row) -> Any:
        """Return the key of the order rows have before any column is sorted (by id)."""
        return row[0]

    def sort_key(self, column: int) -> Callable[[Row], Any]:
        """Return the sort key of a column (case-insensitive text by default)."""
        if column < 0:
            return self.natural_key
        pos = self.columns[column][1]
        return lambda row: value_key(row[pos])

    def set_rows(self, rows: list[Row]) -> None:
        """Replace every row (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self.endResetModel()

    def replace_rows(self, ids: set[int], fresh: list[Row]) -> None:
        """Refresh the rows with these ids: update, insert or remove them in place."""
        by_id = {r[0]: r for r in fresh}
        positions = self._id_positions()
        gone = sorted(
            (positions[i] for i in ids if i in positions and i not in by_id), reverse=True
        )
        for pos in gone:
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._rows[pos]
            self.endRemoveRows()
        if gone:
            self._positions = None
            positions = self._id_positions()
        new = [r for i, r in by_id.items() if i not in positions]
        for row_id, row in by_id.items():
            pos = positions.get(row_id)
            if pos is not None:
                self._rows[pos] = row
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(self.columns) - 1))
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
            self._positions = None
            if self._sort is not None:
                self.sort(*self._sort)

    def row(self, position: int) -> Row:
        """Return the row tuple shown at a position."""
        return self._rows[position]

    def id_at(self, position: int) -> int:
        """Return the id of the record shown at a position."""
        return int(self._rows[position][0])

    def position_of(self, record_id: int) -> int | None:
        """Return where the record with this id is shown, or None."""
        return self._id_positions().get(record_id)

    def ids(self) -> list[int]:
        """Return the ids of the visible rows, in display order."""
        return [r[0] for r in self._rows]

    def _id_positions(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {r[0]: i for i, r in enumerate(self._rows)}
        return self._positions

    def _apply_sort(self) -> None:
        self._positions = None
        if self._sort is None:
            return
        column, order = self._sort
        if column < 0:
            order = Qt.SortOrder.AscendingOrder
        self._rows.sort(key=self.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
