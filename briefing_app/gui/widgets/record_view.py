"""The table view every record list uses: sortable, one row selected, fixed row heights."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def record_view(
    model: QAbstractItemModel, accessible_name: str, view: QTableView | None = None
) -> QTableView:
    """Return a table view (view, or a new one) over model set up as record lists are."""
    view = QTableView() if view is None else view
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


def spare_headers_the_selection(view: QTableView) -> None:
    """Give the view's headers an empty selection model of their own (for many-row selections).

    A header paints each section asking whether the columns beside it are selected
    (QHeaderView::paintSection, QItemSelectionModel::isColumnSelected), and Qt answers by
    asking flags() of every row in those columns: after Ctrl+A over 100,000 claims, 800,000
    calls into Python and 8.7 s before the next paint. An empty model answers at once; the
    headers only stop shading columns, and rows, not columns, are what a record list selects.
    """
    for header in (view.horizontalHeader(), view.verticalHeader()):
        header.setSelectionModel(QItemSelectionModel(view.model(), header))
