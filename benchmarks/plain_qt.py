"""What any Qt app pays: the application object and a plain table, the benchmarks' baselines."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QSize
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView


def qt_app() -> QApplication:
    """Return the running QApplication, made on first use."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv)


def paint_plain_table(cells: list[list[str]], size: QSize) -> float:
    """Return the seconds a plain QTableView of size over a QStandardItemModel of cells takes
    to be built, shown and painted (the viewport grabbed); closing it after is not counted."""
    app = qt_app()
    started = time.perf_counter()
    model = QStandardItemModel(len(cells), len(cells[0]) if cells else 0)
    for r, line in enumerate(cells):
        for c, text in enumerate(line):
            model.setItem(r, c, QStandardItem(text))
    table = QTableView()
    table.setModel(model)
    table.resize(size)
    table.show()
    app.processEvents()
    table.viewport().grab()
    seconds = time.perf_counter() - started
    table.close()
    table.deleteLater()
    return seconds
