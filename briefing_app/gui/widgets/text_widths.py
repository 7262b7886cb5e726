"""Widths in characters, not pixels: a column sized for a 9 pt font cut its heading at 15 pt."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def in_chars(widget: QWidget, chars: float) -> int:
    """Return the width of this many average characters of a widget's font, in pixels.

    >>> in_chars(label, 10)  # 60 at a 9 pt font, 100 at 15 pt  # doctest: +SKIP
    """
    return round(widget.fontMetrics().averageCharWidth() * chars)
