"""A row of controls that wraps onto more lines when its panel is too narrow for one.

A panel's bar of a combo box and four buttons, laid in a fixed row, was as wide as all of them
together: under a 15 pt font the Matrix's bar asked 1085 px and pushed the window past a
1366 px screen. Here the least width is the widest single control; a control with a horizontal
stretch (its size policy's) takes what its line leaves, so at the usual font the bar looks as
a one-line QHBoxLayout did.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Lays its items left to right, wrapping to a new line when the next does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        """Add an item at the end of the flow."""
        self._items.append(item)

    def count(self) -> int:
        """Return how many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """Return the item at index, or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at index, or None past the end."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Say that the flow may grow sideways, not downwards."""
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        """Say yes: the narrower the flow, the more lines it takes."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Return the height the items take laid out in this width."""
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in rect."""
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:
        """Return the size of every item on one line."""
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in self._items)
        width += self._gap() * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height).grownBy(margins)

    def minimumSize(self) -> QSize:
        """Return the size of the widest item alone (the flow wraps the others)."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        style = parent.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        """Return the items shown, line by line, in a width."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            wanted = item.sizeHint().width()
            if lines[-1] and used + self._gap() + wanted > width:
                lines.append([])
                used = 0
            used += (self._gap() if lines[-1] else 0) + wanted
            lines[-1].append(item)
        return lines

    def _lay_out(self, rect: QRect, move: bool) -> int:
        margins: QMargins = self.contentsMargins()
        inner = rect.marginsRemoved(margins)
        y = inner.y()
        for line in self._lines(inner.width()):
            if not line:
                continue
            widths = [min(i.sizeHint().width(), inner.width()) for i in line]
            spare = inner.width() - sum(widths) - self._gap() * (len(line) - 1)
            growing = [n for n, i in enumerate(line) if _stretches(i)]
            for n in growing:
                widths[n] += spare // len(growing) if spare > 0 else 0
            height = max(i.sizeHint().height() for i in line)
            x = inner.x()
            for item, width in zip(line, widths, strict=True):
                if move:
                    top = y + (height - item.sizeHint().height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item.sizeHint().height())))
                x += width + self._gap()
            y += height + self._gap()
        return (
            y - self._gap() - inner.y() + margins.top() + margins.bottom() if y > inner.y() else 0
        )


def _stretches(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.sizePolicy().horizontalStretch() > 0


def captioned(caption: QWidget, field: QWidget, stretch: int = 1) -> QWidget:
    """Return a caption and its field as one piece of a flow (never split over two lines)."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(caption)
    layout.addWidget(field, 1)
    policy = pair.sizePolicy()
    policy.setHorizontalStretch(stretch)
    pair.setSizePolicy(policy)
    return pair
