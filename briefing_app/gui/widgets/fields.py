"""Small editing widgets shared by the inspector, the source panel and the memo header."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
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


# A refused field's frame: the red the preview gives a broken citation.
_REFUSED_STYLE = "QLineEdit { border: 1px solid #c0392b; border-radius: 2px; }"


class RefusedFields(QObject):
    """Line edits whose typed value the library refused: the text stays there to be corrected.

    A refused field is framed in red, with the one-line reason as its tool tip (the status bar
    says it too, for a while); nothing is saved until a value is accepted. Escape in a watched
    field puts the stored value back. `cleared` says the last refused field was accepted or
    put back, so the window can take down the error it showed.
    """

    cleared = Signal()

    def __init__(self, parent: QObject, stored: Callable[[QLineEdit], str]) -> None:
        super().__init__(parent)
        self._stored = stored  # the value a field's record holds now
        self._tips: dict[QLineEdit, str] = {}  # each refused field's own tool tip

    def watch(self, *edits: QLineEdit) -> None:
        """Let Escape in these fields put the stored value back (Undo back to it unmarks too)."""
        for edit in edits:
            edit.installEventFilter(self)
            edit.textEdited.connect(lambda text, e=edit: self._edited(e, text))

    def _edited(self, edit: QLineEdit, text: str) -> None:
        if edit in self._tips and text == self._stored(edit):
            self.accept(edit)  # typed or undone back to the stored value: nothing to correct

    def refuse(self, edit: QLineEdit, reason: str) -> None:
        """Mark a field whose text was refused, and say why; its text stays."""
        if edit not in self._tips:
            self._tips[edit] = edit.toolTip()
        edit.setProperty("refused", True)
        edit.setStyleSheet(_REFUSED_STYLE)
        edit.setToolTip(f"⚠ {reason}")
        edit.setAccessibleDescription(reason)

    def is_refused(self, edit: QLineEdit) -> bool:
        """Return whether a field holds a refused value."""
        return edit in self._tips

    def reason(self, edit: QLineEdit) -> str:
        """Return why a field's value was refused ("" when it was not)."""
        return edit.accessibleDescription() if edit in self._tips else ""

    def accept(self, edit: QLineEdit) -> None:
        """Unmark a field: its value was saved, or the stored one put back."""
        tip = self._tips.pop(edit, None)
        if tip is None:
            return
        edit.setProperty("refused", False)
        edit.setStyleSheet("")
        edit.setToolTip(tip)
        edit.setAccessibleDescription("")
        if not self._tips:
            self.cleared.emit()

    def accept_all(self) -> None:
        """Unmark every field (another record is shown: the user moved on)."""
        for edit in list(self._tips):
            self.accept(edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in a field that differs from the record (or was refused): the stored value."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
            and not watched.isReadOnly()
        ):
            stored = self._stored(watched)
            if watched.text() != stored or watched in self._tips:
                watched.setText(stored)
                watched.setCursorPosition(0)
                self.accept(watched)
                return True  # handled: the dialog or dock behind does not close on it
        return False
