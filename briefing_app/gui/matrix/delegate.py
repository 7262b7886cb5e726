"""How the matrix paints and edits: the leading hypothesis framed down its column, and a list
of levels to pick a row's relevance or credibility weight from."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from briefing_app.core.ach.scoring import LEVELS
from briefing_app.gui.contrast import GRAPHICS_CONTRAST, readable
from briefing_app.gui.matrix.model import CREDIBILITY, RELEVANCE, MatrixModel

Index = QModelIndex | QPersistentModelIndex
SUGGESTED = "suggested"
_FRAME = QColor("#f9a825")
_CURRENT = QColor("#1565c0")


def current_frame(fill: QColor) -> QColor:
    """Return the current cell's frame colour on a cell of this fill: the blue, moved to stand
    out at 3:1 (on a very consistent green, a very inconsistent red or a dark theme's base the
    blue all but vanished)."""
    return readable(_CURRENT, fill, GRAPHICS_CONTRAST)


class MatrixDelegate(QStyledItemDelegate):
    """Paints cells as the model colours them, frames the leader's column, edits weights."""

    weight_chosen = Signal(int, int, str)  # model row, column (RELEVANCE/CREDIBILITY), level

    def __init__(self, parent: QWidget, model: MatrixModel) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the cell; a rating keeps its colour when current (framed, not filled with the
        selection colour); a cell of the leading hypothesis gets a gold frame at its sides."""
        h = self._model.hypothesis_at(index.column())
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if h is not None and selected:
            plain = QStyleOptionViewItem(option)
            plain.state &= ~QStyle.StateFlag.State_Selected
            super().paint(painter, plain, index)
        else:
            super().paint(painter, option, index)
        leads = h is not None and h.key == self._model.leader
        if not (leads or (h is not None and selected)):
            return
        painter.save()
        if leads:
            painter.setPen(QPen(_FRAME, 2))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.drawLine(rect.topRight(), rect.bottomRight())
        if h is not None and selected:
            fill = index.data(Qt.ItemDataRole.BackgroundRole)
            behind = fill if isinstance(fill, QColor) else option.palette.base().color()
            painter.setPen(QPen(current_frame(behind), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A list of levels (credibility also offers the grade's suggestion back)."""
        combo = QComboBox(parent)
        levels = list(LEVELS) + ([SUGGESTED] if index.column() == CREDIBILITY else [])
        combo.addItems(levels)
        combo.setAccessibleName("Relevance" if index.column() == RELEVANCE else "Credibility")
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Start at the level the row has."""
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Say the level chosen; the controller writes it (an undoable step), not the model."""
        if isinstance(editor, QComboBox) and editor.currentText() != index.data():
            self.weight_chosen.emit(index.row(), index.column(), editor.currentText())
