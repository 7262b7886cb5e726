"""The widgets a screen reader announces by name, and those of them that have none."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

NAMED_KINDS = (
    QDockWidget,
    QTabWidget,
    QAbstractItemView,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
)


def unnamed_widgets(root: QWidget, window: QWidget, label: str = "") -> list[str]:
    """Return a line per panel, table or field under root (in window) with no accessible name."""
    unnamed = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, NAMED_KINDS) or widget.window() is not window:
            continue  # popups (a combo's list) are their own windows, named by their combo
        if isinstance(widget, QHeaderView):
            continue  # part of its table, which is named
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
            continue  # an editable combo's text: the combo carries the name
        if not widget.accessibleName():
            where = f"{label}: " if label else ""
            unnamed.append(
                f"{where}{type(widget).__name__} in {type(widget.parentWidget()).__name__}"
            )
    return unnamed
