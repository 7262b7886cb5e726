"""How the chronology paints: a vertical time line, group headers and claims on it.

Every row is as tall as two lines of text, headers too, so the view never measures 100,000
rows (uniform item sizes). A claim shows its event date, when it was reported, its key, party
and source on the first line and its statement on the second; an undated claim shows its
suggested date greyed, with Accept and Reject buttons, where the date would be.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)

from briefing_app.core.records.timeline import TimelineRow
from briefing_app.core.suggest.event_dates import EventDateSuggestion
from briefing_app.gui.chronology.model import (
    ENTRY_ROLE,
    SUGGESTION_ROLE,
    Group,
    event_date_label,
    undated_words,
)
from briefing_app.gui.highlighter import kind_colour

Index = QModelIndex | QPersistentModelIndex
ACCEPT, REJECT = "Accept", "Reject"
_PAD = 5  # px above and below the two lines
_LINE_X = 13  # where the time line runs, from the row's left edge
_TEXT_X = 28  # where the text starts


class ChronologyDelegate(QStyledItemDelegate):
    """Paints the chronology's rows; says where a row's Accept and Reject buttons are."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view

    def row_height(self) -> int:
        """Return the height of every row: two lines of text and some air."""
        return 2 * _PAD + 2 * self._view.fontMetrics().height() + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Every row alike (the view asks once: uniform item sizes)."""
        return QSize(200, self.row_height())

    # The buttons ---------------------------------------------------------------------------
    def button_rects(self, rect: QRect) -> dict[str, QRect]:
        """Return where Accept and Reject sit in a row drawn in rect (top line, at the right)."""
        metrics = self._view.fontMetrics()
        height = metrics.height() + 4
        top = rect.top() + _PAD - 2
        right = rect.right() - 4
        rects: dict[str, QRect] = {}
        for name in (REJECT, ACCEPT):
            width = metrics.horizontalAdvance(name) + 16
            rects[name] = QRect(right - width + 1, top, width, height)
            right -= width + 4
        return rects

    def button_at(self, index: Index, rect: QRect, pos: QPoint) -> str | None:
        """Return the button of the row at index (drawn in rect) under pos, if it shows one."""
        if not _offers_date(index.data(SUGGESTION_ROLE)):
            return None
        return next((n for n, r in self.button_rects(rect).items() if r.contains(pos)), None)

    # Painting ------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint a header or a claim, on the time line."""
        entry = index.data(ENTRY_ROLE)
        painter.save()
        try:
            if isinstance(entry, Group):
                self._paint_group(painter, option, entry)
            elif isinstance(entry, TimelineRow):
                self._paint_claim(painter, option, entry, index.data(SUGGESTION_ROLE))
        finally:
            painter.restore()

    def _paint_line(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        rect = option.rect
        palette: QPalette = option.palette
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2))
        x = rect.left() + _LINE_X
        painter.drawLine(x, rect.top(), x, rect.bottom() + 1)

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, group: Group) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        self._paint_line(painter, option)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(rect.left() + _LINE_X, rect.center().y() + 0.5)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(centre, 6, 6)
        font = _header_font(option.font)
        painter.setFont(font)
        text_rect = rect.adjusted(_TEXT_X, 0, -4, 0)
        title, count = self.group_words(group, text_rect.width(), option.font)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(text_rect, align, title)
        used = QFontMetrics(font).horizontalAdvance(title)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(text_rect.adjusted(used + 10, 0, 0, 0), align, count)

    def group_words(self, group: Group, width: int, font: QFont) -> tuple[str, str]:
        """Return a header's date and count as they fit in width px: the date in full, else
        in short ('Fri 13 Jan 2017'), the count left out before the date is cut."""
        title_metrics, count_metrics = QFontMetrics(_header_font(font)), QFontMetrics(font)
        count = f"{group.count} claim{'s' if group.count != 1 else ''}"
        count_width = 10 + count_metrics.horizontalAdvance(count)
        for title in (group.title, group.short_title):
            if title_metrics.horizontalAdvance(title) + count_width <= width:
                return title, count
        if title_metrics.horizontalAdvance(group.short_title) <= width:
            return group.short_title, ""
        return title_metrics.elidedText(group.short_title, Qt.TextElideMode.ElideRight, width), ""

    def minimum_width(self) -> int:
        """Return the narrowest row that shows the longest short date with its count."""
        title = _header_font(self._view.font())
        widest = QFontMetrics(title).horizontalAdvance("Wed 30 Sep 2025")
        count = self._view.fontMetrics().horizontalAdvance("999 claims")
        return _TEXT_X + widest + 10 + count + 4

    def _paint_claim(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        row: TimelineRow,
        suggestion: EventDateSuggestion | str | None,
    ) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        self._paint_line(painter, option)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_colour(row.kind))
        metrics = self._view.fontMetrics()
        first = rect.top() + _PAD
        painter.drawEllipse(QPointF(rect.left() + _LINE_X, first + metrics.height() / 2), 4, 4)

        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        grey = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        left, right = rect.left() + _TEXT_X, rect.right() - 4
        if _offers_date(suggestion):
            right = min(r.left() for r in self.button_rects(rect).values()) - 6
        x = left
        font = QFont(option.font)
        # The event date, or what stands for it: the suggestion greyed, or why there is none.
        if row.event_date:
            font.setBold(True)
            x = self._text(painter, font, text, x, first, right, event_date_label(row.event_date))
        else:
            font.setItalic(True)
            x = self._text(painter, font, grey, x, first, right, undated_words(suggestion))
        font = QFont(option.font)
        reported = f"reported {row.published}" if row.published else "report date unknown"
        x = self._text(painter, font, grey, x + 8, first, right, reported)
        who = " · ".join(p for p in (row.key, row.party or "no party", row.source_title) if p)
        self._text(painter, font, text, x + 8, first, right, who)
        second = first + metrics.height() + 2
        self._text(painter, font, text, left, second, rect.right() - 4, row.statement)
        if _offers_date(suggestion):
            self._paint_buttons(painter, rect)

    def _text(
        self,
        painter: QPainter,
        font: QFont,
        colour: QColor,
        x: int,
        top: int,
        right: int,
        words: str,
    ) -> int:
        """Draw words from x on the line at top, cut short before right; return where it ends."""
        if x >= right:
            return x
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(" ".join(words.split()), Qt.TextElideMode.ElideRight, right - x)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QPoint(x, top + metrics.ascent()), shown)
        return x + metrics.horizontalAdvance(shown)

    def _paint_buttons(self, painter: QPainter, rect: QRect) -> None:
        style = self._view.style() or QApplication.style()
        for name, where in self.button_rects(rect).items():
            button = QStyleOptionButton()
            button.rect = where
            button.text = name
            button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            button.palette = self._view.palette()
            style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, self._view)


def _header_font(font: QFont) -> QFont:
    """Return the font of a group's date: bold, a little larger than the rows'."""
    header = QFont(font)
    header.setBold(True)
    header.setPointSizeF(header.pointSizeF() * 1.1)
    return header


def _offers_date(suggestion: object) -> bool:
    """Return whether a suggestion holds a date to accept or reject."""
    return isinstance(suggestion, EventDateSuggestion) and suggestion.date is not None
