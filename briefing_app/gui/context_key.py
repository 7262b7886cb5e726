"""Shift+F10 opens the right-click menu of the widget with the focus, as the Menu key does.

On Linux Qt turns only the Menu key into a context-menu event; keyboards without one (most
laptops) had no way to a claim's, a card's or a cell's menu.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit, QWidget


def open_context_menu(widget: QWidget | None) -> None:
    """Ask widget for its context menu at its current item or text cursor, as from the keyboard."""
    if widget is None:
        return
    target, where = widget, widget.rect().center()
    if isinstance(widget, QAbstractItemView):
        # As a right-click there: on the viewport, at the current row or card.
        target = widget.viewport()
        rect = widget.visualRect(widget.currentIndex())
        where = rect.center() if rect.isValid() else QPoint(0, 0)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        target = widget.viewport()
        where = widget.cursorRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, where, target.mapToGlobal(where))
    QApplication.sendEvent(target, event)
