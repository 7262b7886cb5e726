"""What a source was imported from, as a word and as a small badge beside its title."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QIconEngine, QPainter, QPixmap

from briefing_app.gui.icons import drawn_pixmap

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
BADGE_SIZE = QSize(24, 14)  # at a 9 pt font; `badge_size` scales it with the font


def format_word(fmt: str) -> str:
    """Return the word for a source's format ("PDF", "Word", "web page"), or the format."""
    return FORMAT_WORDS.get(fmt, (fmt, fmt))[0]


def badge_size(fm: QFontMetrics) -> QSize:
    """Return a badge's size for text of these metrics: a line high, 12:7 wide."""
    height = fm.height()
    return QSize(round(height * BADGE_SIZE.width() / BADGE_SIZE.height()), height)


class BadgeEngine(QIconEngine):
    """Draws a format's badge at whatever size and pixel density it is asked for.

    A badge drawn once into a 24×14 pixmap was blown up, blurred, at 150% and 200% display
    scaling, and stayed 14 px high beside a large font's titles.
    """

    def __init__(self, fmt: str) -> None:
        super().__init__()
        self.fmt = fmt
        self.label = FORMAT_WORDS.get(fmt, (fmt, fmt[:3]))[1]
        self.colour = QColor(_COLOURS.get(fmt, "#5f6b7a"))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Draw the badge filling rect: a framed, tinted rounded box with its word."""
        height = min(rect.height(), round(rect.width() * BADGE_SIZE.height() / BADGE_SIZE.width()))
        width = round(height * BADGE_SIZE.width() / BADGE_SIZE.height())
        box = QRectF(
            rect.x() + (rect.width() - width) / 2, rect.y() + (rect.height() - height) / 2,
            width, height,
        )  # fmt: skip
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.colour)
        painter.setBrush(self.colour.lighter(185))
        radius = height * 3 / BADGE_SIZE.height()
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        font = QFont()
        font.setPixelSize(max(1, round(height * 9 / BADGE_SIZE.height())))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.label)
        painter.restore()

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Return the badge drawn for a screen of this pixel density (crisp at 200%)."""
        return drawn_pixmap(
            size, scale, lambda painter, rect: self.paint(painter, rect, mode, state)
        )

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """Return the badge at one pixel per point."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def clone(self) -> QIconEngine:
        """Return a copy (QIcon copies its engine on write)."""
        return BadgeEngine(self.fmt)


@functools.cache
def format_badge(fmt: str) -> QIcon:
    """Return a small labelled badge for a source's format (an empty icon for none)."""
    if not fmt:
        return QIcon()
    return QIcon(BadgeEngine(fmt))


# Word blue, PDF red, the web green, e-mail amber: the colours the formats are known by.
_COLOURS = {
    "docx": "#2b579a",
    "pdf": "#b30b00",
    "html": "#2e7d32",
    "mhtml": "#2e7d32",
    "email": "#a65e00",
}
