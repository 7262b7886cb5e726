"""Small editing widgets shared by the inspector and the source panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QHelpEvent, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

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


class ElidingComboBox(QComboBox):
    """A combo box that ends a choice too long for it with "…" and names it whole on hover.

    Qt cuts such a choice off mid-word ("6 – Truth cannot be judge"), which at 1366 px is
    what a narrow inspector or source panel showed.
    """

    def _field_option(self) -> tuple[QStyleOptionComboBox, int]:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        icon = 0 if option.currentIcon.isNull() else option.iconSize.width() + 4
        return option, max(0, field.width() - icon)

    def shown_text(self) -> str:
        """Return the current choice as painted: whole, or shortened with "…" to fit."""
        _option, width = self._field_option()
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the box with the current choice shortened to fit."""
        painter = QStylePainter(self)
        option, _width = self._field_option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def tool_tip_text(self) -> str:
        """Return the hover text: the box's own tip, with the choice whole when it is cut."""
        tip = self.toolTip()
        if self.shown_text() == self.currentText():
            return tip
        return f"{tip}: {self.currentText()}" if tip else self.currentText()

    def event(self, event: QEvent) -> bool:
        """Name the whole choice on hover when it is shortened."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.tool_tip_text(), self)
            return True
        return super().event(event)


class _WheelGuard(QObject):
    """Passes the wheel over an unfocused combo box on to the panel that scrolls under it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ignore the wheel unless the box has focus, so the scroll area behind it gets it."""
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # not accepted: Qt hands it to the parent (the scroll area)
            return True
        return False


def guard_wheel(*combos: QComboBox) -> None:
    """Keep the wheel from changing combos in a scrolling form unless the user clicked them.

    Scrolling the source panel or the inspector with the wheel stopped on whichever box
    passed under the pointer and changed it: each notch re-marked or re-graded the record,
    one undo step each, without the analyst noticing.
    """
    for combo in combos:
        # Qt's default WheelFocus would give the box focus on that very wheel event.
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        guard = _WheelGuard(combo)
        combo.installEventFilter(guard)


def grade_combo(scale: GradingScale, parent: QWidget | None = None) -> QComboBox:
    """Return a combo box listing a grading scale as 'B – Usually reliable', data the code."""
    combo = ElidingComboBox(parent)
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
