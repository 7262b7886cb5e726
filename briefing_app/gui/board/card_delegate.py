"""Painting a board card: every card the same height, drawn straight from its Card.

One painter pass per visible card, no widget per card: a column of 500 claims costs what the
few cards on screen cost. The suggested status sits in a chip at the card's foot; clicking
the chip accepts the suggestion (as one undoable step).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing_app.gui.board.cards import CARD_ROLE, Card
from briefing_app.gui.contrast import composite, readable
from briefing_app.gui.highlighter import kind_colour

_PAD = 6
_STATEMENT_LINES = 3
# A relation's badge colour: against is red, for is green, the rest grey.
_RELATION_COLOURS = {
    "contradicts": QColor(200, 40, 40),
    "corroborates": QColor(30, 140, 60),
    "repeats": QColor(110, 110, 110),
    "updates": QColor(60, 90, 170),
}
_SUGGESTION = QColor(150, 90, 0)
_SUGGESTION_FILL = QColor(255, 236, 179, 160)


class CardDelegate(QStyledItemDelegate):
    """Paints the cards of a board column; says when a card's suggestion chip is clicked."""

    # (claim id, suggested status)
    accept_requested = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._metrics: QFontMetrics | None = None

    def _fm(self, option: QStyleOptionViewItem) -> QFontMetrics:
        if self._metrics is None:
            self._metrics = QFontMetrics(option.font)
        return self._metrics

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Every card is as high: head, statement, grades and relations, suggestion."""
        return QSize(240, card_layout(QRect(0, 0, 240, 0), self._fm(option)).height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the card: a framed box in its kind's colour with its lines."""
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        fm = self._fm(option)
        at = card_layout(rect, fm)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        # The card's fill is a tint of its kind over the base; every mark on it is moved to
        # read there (the kinds' and relations' colours are mid-tones that fail on a dark base,
        # and an orange kind on a light one).
        paints = card_colours(card.kind, palette)
        fill, colour, grey = paints.fill, paints.kind, paints.grey
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                palette.highlight().color() if selected else kind_colour(card.kind),
                2 if selected else 1,
            )
        )
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 5, 5)

        # Head: key and kind on the left, the event date on the right.
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(at.head, left, card.key)
        fm_bold = QFontMetrics(bold)
        key_width = fm_bold.horizontalAdvance(card.key + "  ")
        kind_text, date_text = head_texts(
            fm, fm_bold, at.head.width(), card.key, card.kind, card.event_date
        )
        painter.setFont(option.font)
        painter.setPen(colour)
        painter.drawText(at.head.adjusted(key_width, 0, 0, 0), left, kind_text)
        painter.setPen(grey)
        painter.drawText(
            at.head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date_text
        )

        # The statement, wrapped over three lines (the tooltip has the whole of it).
        painter.setPen(palette.text().color())
        painter.drawText(
            at.body, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, card.statement
        )

        # Grades, then the relations, as chips over two lines at most.
        chips = [(f"source {card.reliability}", grey), (f"cred. {card.credibility}", grey)]
        chips += [(b.text, readable(_RELATION_COLOURS[b.relation], fill)) for b in card.relations]
        x, row = at.chips[0].left(), 0
        for text, chip_colour in chips:
            width = fm.horizontalAdvance(text) + 8
            if x + width > at.chips[row].right() and x > at.chips[row].left():
                row += 1
                if row == len(at.chips):
                    break  # the tooltip and the context menu list them all
                x = at.chips[row].left()
            x += _chip(painter, fm, x, at.chips[row].top(), text, chip_colour) + 4
        if card.suggestion:
            painter.setPen(QPen(paints.suggestion_frame, 1, Qt.PenStyle.DashLine))
            painter.setBrush(paints.suggestion_fill)
            painter.drawRoundedRect(at.suggestion, 3, 3)
            painter.setPen(paints.suggestion)
            painter.drawText(
                at.suggestion, Qt.AlignmentFlag.AlignCenter, suggestion_text(card.suggestion)
            )
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: object,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """A click on a card's suggestion chip asks to accept the suggested status."""
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            card = index.data(CARD_ROLE)
            if isinstance(card, Card) and card.suggestion:
                rect: QRect = option.rect.adjusted(2, 2, -2, -2)
                where = card_layout(rect, self._fm(option)).suggestion
                if where.contains(event.position().toPoint()):
                    self.accept_requested.emit(card.claim_id, card.suggestion)
                    return True
        return False


@dataclass(frozen=True)
class CardColours:
    """What a card of one kind is painted in: its fill, and the marks drawn on it."""

    fill: QColor
    kind: QColor
    grey: QColor
    relations: dict[str, QColor]
    suggestion_fill: QColor
    suggestion_frame: QColor
    suggestion: QColor


def card_colours(kind: str, palette: QPalette) -> CardColours:
    """Return a card's colours on this palette, every mark readable on what is behind it.

    The fill is a tint of the kind over the base; the kinds' and relations' colours are
    mid-tones (an orange kind failed on a light base, a red relation on a dark one), so each
    is moved to read on the fill, its hue kept.
    """
    fill = composite(kind_colour(kind, 28), palette.base().color())
    suggestion_fill = composite(_SUGGESTION_FILL, fill)
    return CardColours(
        fill=fill,
        kind=readable(kind_colour(kind), fill),
        grey=readable(palette.placeholderText().color(), fill),
        relations={name: readable(c, fill) for name, c in _RELATION_COLOURS.items()},
        suggestion_fill=suggestion_fill,
        suggestion_frame=readable(_SUGGESTION, fill, 3.0),
        suggestion=readable(_SUGGESTION, suggestion_fill),
    )


def suggestion_text(status: str) -> str:
    """Return the words of a suggestion chip."""
    return f"Suggested: {status} — accept"


@dataclass(frozen=True)
class CardLayout:
    """Where each part of a card goes, for painting and for hit-testing the suggestion."""

    head: QRect
    body: QRect
    chips: tuple[QRect, QRect]
    suggestion: QRect
    height: int  # of the whole card, margins included


def head_texts(
    fm: QFontMetrics, fm_bold: QFontMetrics, width: int, key: str, kind: str, event_date: str
) -> tuple[str, str]:
    """Return the kind and the event date as a card's head of width px shows them beside its
    key: the date whole if it fits (else without its precision), the kind cut to the rest.
    Painted in full, a narrow card drew one over the other; the tooltip has both whole."""
    room = width - fm_bold.horizontalAdvance(key + "  ") - fm.horizontalAdvance("  ")
    kind_text = f"■ {kind}"
    date_text = event_date
    if fm.horizontalAdvance(kind_text + date_text) > room:
        # "2025-03-02T03:40 (minute)" → "2025-03-02T03:40": the digits say the precision.
        date_text = event_date.split(" (", 1)[0]
    rest = max(0, room - fm.horizontalAdvance(date_text))
    return fm.elidedText(kind_text, Qt.TextElideMode.ElideRight, rest), date_text


def card_layout(card: QRect, fm: QFontMetrics) -> CardLayout:
    """Return where a card's lines go inside its rectangle."""
    line = fm.height()
    inner = card.adjusted(_PAD, _PAD, -_PAD, -_PAD)
    head = QRect(inner.left(), inner.top(), inner.width(), line)
    body = QRect(inner.left(), head.bottom() + 3, inner.width(), line * _STATEMENT_LINES)
    first = QRect(inner.left(), body.bottom() + 4, inner.width(), line)
    second = first.translated(0, line + 3)
    width = fm.horizontalAdvance(suggestion_text("corroborated")) + 12
    suggestion = QRect(inner.left(), second.bottom() + 5, width, line + 2)
    height = suggestion.bottom() + 1 + _PAD - card.top() + 4  # + the 2 px margin each side
    return CardLayout(head, body, (first, second), suggestion, height)


def _chip(painter: QPainter, fm: QFontMetrics, x: int, y: int, text: str, colour: QColor) -> int:
    """Draw a small framed label at (x, y); return its width."""
    width = fm.horizontalAdvance(text) + 8
    rect = QRect(x, y, width, fm.height())
    painter.setPen(colour)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 3, 3)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return width
