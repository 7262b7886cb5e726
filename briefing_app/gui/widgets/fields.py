"""Small editing widgets shared by the inspector and the source panel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from briefing_app.core.records.grading import GradingScale


class MultiLineEdit(QPlainTextEdit):
    """A short multi-line field that reports editing_finished when it loses focus."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Finish editing when focus leaves."""
        super().focusOutEvent(event)
        self.editing_finished.emit()


def grade_combo(scale: GradingScale, parent: QWidget | None = None) -> QComboBox:
    """Return a combo box listing a grading scale as 'B – Usually reliable', data the code."""
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    for grade in scale.grades:
        combo.addItem(f"{grade.code} – {grade.label}", grade.code)
    combo.setToolTip(scale.name)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data (or text) equals value, without emitting signals."""
    combo.blockSignals(True)
    index = combo.findData(value)
    if index < 0:
        index = combo.findText(str(value))
    if index < 0 and combo.isEditable():
        combo.setEditText(str(value))
    else:
        combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
