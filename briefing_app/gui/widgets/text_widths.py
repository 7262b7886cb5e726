"""Sizes in characters and lines, not pixels: a column sized for a 9 pt font cut its heading at
15 pt, and a dialog sized for it showed two of its lines."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def in_chars(widget: QWidget, chars: float) -> int:
    """Return the width of this many average characters of a widget's font, in pixels.

    >>> in_chars(label, 10)  # 60 at a 9 pt font, 100 at 15 pt  # doctest: +SKIP
    """
    return round(widget.fontMetrics().averageCharWidth() * chars)


def in_lines(widget: QWidget, lines: float) -> int:
    """Return the height of this many lines of a widget's font, in pixels (14 px a line at 9 pt)."""
    return round(widget.fontMetrics().height() * lines)


def text_size(widget: QWidget, chars: float, lines: float) -> QSize:
    """Return a size of so many characters by so many lines, kept within its screen.

    For a dialog's first size: what fitted at 9 pt grows with a large font, but never past
    nine tenths of the screen (its contents scroll there).
    """
    size = QSize(in_chars(widget, chars), in_lines(widget, lines))
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry().size() * 0.9
        size = size.boundedTo(room)
    return size
