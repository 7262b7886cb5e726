"""What a source was imported from, as a word and as a small badge beside its title."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

# A format as the analyst names it (the tooltip's word) and as its badge says it.
FORMAT_WORDS = {
    "docx": ("Word", "W"),
    "pdf": ("PDF", "PDF"),
    "html": ("web page", "web"),
    "mhtml": ("web page", "web"),
    "email": ("e-mail", "@"),
    "text": ("text", "txt"),
    "markdown": ("Markdown", "md"),
    "reference": ("reference", "ref"),
}
BADGE_SIZE = QSize(24, 14)


def format_word(fmt: str) -> str:
    """Return the word for a source's format ("PDF", "Word", "web page"), or the format."""
    return FORMAT_WORDS.get(fmt, (fmt, fmt))[0]


@functools.cache
def format_badge(fmt: str) -> QIcon:
    """Return a small labelled badge for a source's format (an empty icon for none)."""
    if not fmt:
        return QIcon()
    label = FORMAT_WORDS.get(fmt, (fmt, fmt[:3]))[1]
    pixmap = QPixmap(BADGE_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_COLOURS.get(fmt, "#5f6b7a"))
    painter.setPen(colour)
    painter.setBrush(colour.lighter(185))
    painter.drawRoundedRect(QRect(0, 0, BADGE_SIZE.width() - 1, BADGE_SIZE.height() - 1), 3, 3)
    font = QFont()
    font.setPixelSize(9)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return QIcon(pixmap)


# Word blue, PDF red, the web green, e-mail amber: the colours the formats are known by.
_COLOURS = {
    "docx": "#2b579a",
    "pdf": "#b30b00",
    "html": "#2e7d32",
    "mhtml": "#2e7d32",
    "email": "#a65e00",
}
