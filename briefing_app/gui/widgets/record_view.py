"""The table view every record list uses: sortable, one row selected, fixed row heights."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def record_view(model: QAbstractItemModel, accessible_name: str) -> QTableView:
    """Return a table view over model set up as the app's record lists are."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order until asked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    # Tab moves on to the next control, not from cell to cell (rows are records, not a sheet).
    view.setTabKeyNavigation(False)
    rows = view.verticalHeader()
    rows.hide()
    # Fixed row heights: the view never measures 100,000 rows.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view
