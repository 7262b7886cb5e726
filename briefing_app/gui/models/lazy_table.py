"""A read-only table model that holds only the ids it shows and fetches rows as they are seen.

Rows are core's listing rows (named tuples with an `id`), and columns name the row field they
show. Subclasses ask core for the shown ids (filter and sort applied there) and for the rows of
some ids; rows come in blocks of BLOCK around the first one asked for, and at most CACHE_ROWS
are kept. A library of 10,000 sources or 100,000 claims thus opens with one id query, and
memory does not grow with the library.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Callable, Collection, Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing_app.core.library import Library

Index = QModelIndex | QPersistentModelIndex


class Record(Protocol):
    """A row of a lazy table: any named tuple from core.records.listing."""

    @property
    def id(self) -> int:
        """The record's id."""
        ...


R = TypeVar("R", bound=Record)


class LazyRowTableModel(QAbstractTableModel, Generic[R]):
    """Columns are (header, row field) pairs; see the module docstring."""

    columns: tuple[tuple[str, str], ...] = ()
    # Rows are fetched this many at a time (a few screens), and at most CACHE_ROWS are kept.
    BLOCK = 256
    CACHE_ROWS = 8192

    def __init__(self) -> None:
        super().__init__()
        self._lib: Library | None = None
        # An array, not a list: 8 bytes an id instead of ~36 (a list slot and an int object),
        # 2.8 MB less for a table of 100,000 claims.
        self._ids: array[int] = array("q")
        self._cache: dict[int, R] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # The sort the shown ids are in (None after rows were added unsorted).
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        # Entered around each sort: a view selecting many rows takes them off and back itself.
        self.around_sort: Callable[[], AbstractContextManager[object]] = nullcontext

    # For subclasses ----------------------------------------------------------------------
    def query_ids(self, lib: Library) -> list[int]:
        """Return the ids to show, filtered and in the current sort order (see sort_field)."""
        raise NotImplementedError

    def fetch_rows(self, lib: Library, ids: list[int]) -> list[R]:
        """Return the rows of these ids (any order; deleted ones left out)."""
        raise NotImplementedError

    def placeholder(self, record_id: int) -> R:
        """Return what a row shows for a record deleted behind the model's back."""
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        """Return what a cell shows for role; the default shows the field's value as text."""
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, self.columns[column][1])
            return "" if value is None else str(value)
        return None

    def sort_field(self) -> tuple[str | None, bool]:
        """Return the row field to sort the ids by (None: the natural order), and if descending."""
        if self._sort is None or self._sort[0] < 0:
            return None, False
        column, order = self._sort
        return self.columns[column][1], order == Qt.SortOrder.DescendingOrder

    # Loading -----------------------------------------------------------------------------
    def attach(self, lib: Library | None) -> None:
        """Show the records of this library (None: show nothing)."""
        self._lib = lib
        self.reload()

    def reload(self) -> None:
        """Query the shown ids again and forget every cached row."""
        self.beginResetModel()
        self._cache.clear()
        self._ids = array("q", self.query_ids(self._lib) if self._lib is not None else [])
        self._sorted = self._sort
        self.endResetModel()

    def requery(self) -> None:
        """Query the shown ids again (after a filter change), keeping the cached rows."""
        self.beginResetModel()
        self._ids = array("q", self.query_ids(self._lib) if self._lib is not None else [])
        self._sorted = self._sort
        self.endResetModel()

    # Qt interface and row access ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of shown rows."""
        return 0 if parent.isValid() else len(self._ids)

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
        return self.cell(self.row(index.row()), index.column(), role)

    def row(self, position: int) -> R:
        """Return the row shown at a position, fetching its block of rows when not cached."""
        record_id = self._ids[position]
        found = self._cache.get(record_id)
        if found is None:
            self._fetch_block(position)
            found = self._cache.get(record_id)
        return found if found is not None else self.placeholder(record_id)

    def id_at(self, position: int) -> int:
        """Return the id of the record shown at a position."""
        return self._ids[position]

    def position_of(self, record_id: int) -> int | None:
        """Return where the record with this id is shown, or None.

        A scan of the id array in C (at most ~1.6 ms over 100,000 claims) rather than a
        dictionary of every shown id to its row: that took 9 ms and 13 MB to build after each
        change of the table, to find one row when a claim was selected.
        """
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def positions_of(self, record_ids: Collection[int]) -> dict[int, int]:
        """Return where the shown records with these ids are (id: position), in one pass."""
        wanted = record_ids if isinstance(record_ids, set | frozenset) else set(record_ids)
        at = itertools.compress(itertools.count(), map(wanted.__contains__, self._ids))
        return {self._ids[p]: p for p in at}

    def ids_in_rows(self, ranges: Iterable[tuple[int, int]]) -> list[int]:
        """Return the ids shown in these (first, last) row ranges, in table order, each once.

        Slices of the id array (copied in C): 100,000 selected rows cost no call per row.
        """
        merged: list[list[int]] = []
        for first, last in sorted(ranges):
            first, last = max(first, 0), min(last, len(self._ids) - 1)
            if first > last:
                continue
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        found = array("q")
        for first, last in merged:
            found.extend(self._ids[first : last + 1])
        return found.tolist()

    def id_array(self) -> array[int]:
        """Return a copy of the shown ids as an array (compared or sliced in C)."""
        return array("q", self._ids)

    def ids(self) -> list[int]:
        """Return the ids of the shown rows, in display order."""
        return list(self._ids)

    def replace_rows(self, ids: set[int], fresh: list[R]) -> None:
        """Refresh the shown records with these ids: update, insert or remove them in place.

        fresh holds the rows of those of ids still to be shown; the others are removed.
        """
        by_id = {r.id: r for r in fresh}
        for record_id in ids:
            self._cache.pop(record_id, None)
        self._cache.update(by_id)
        shown = self.positions_of(ids)
        gone = sorted(p for i, p in shown.items() if i not in by_id)
        for pos in reversed(gone):
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._ids[pos]
            self.endRemoveRows()
        last = len(self.columns) - 1
        for record_id, pos in shown.items():
            if record_id in by_id:
                at = pos - bisect.bisect_left(gone, pos)  # each row removed above moved it up
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
        new = [i for i in by_id if i not in shown]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(new) - 1)
            self._ids.extend(new)
            self._sorted = None
            self.endInsertRows()
            if self._sort is not None:
                self.sort(*self._sort)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, unless the rows already are (QTableView asks twice per click)."""
        if self._sorted == (column, order):
            return
        self._sort = (column, order)
        with self.around_sort():
            self.layoutAboutToBeChanged.emit()
            # The selection and current row follow their records, not their row numbers.
            persistent = self.persistentIndexList()
            held = [
                (i, self._ids[i.row()] if i.row() < len(self._ids) else None) for i in persistent
            ]
            self._apply_sort()
            positions = self.positions_of({i for _index, i in held if i is not None})
            for index, record_id in held:
                at = None if record_id is None else positions.get(record_id)
                moved = QModelIndex() if at is None else self.index(at, index.column())
                self.changePersistentIndex(index, moved)
            self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        """Order the shown ids by the current sort, through the subclass's query."""
        if self._lib is None:
            return
        shown = set(self._ids)
        self._ids = array("q", [i for i in self.query_ids(self._lib) if i in shown])
        self._sorted = self._sort

    def _fetch_block(self, position: int) -> None:
        if self._lib is None:
            return
        first = position - position % self.BLOCK
        wanted = [i for i in self._ids[first : first + self.BLOCK] if i not in self._cache]
        if len(self._cache) + len(wanted) > self.CACHE_ROWS:
            self._cache.clear()
        for row in self.fetch_rows(self._lib, wanted):
            self._cache[row.id] = row
