"""Find in the source (Ctrl+F in the reader): every match marked, the current one selected."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from briefing_app.core.text.find import find_all
from briefing_app.gui.widgets.reader import Reader


class FindBar(QWidget):
    """A find field under the reader: Enter / Shift+Enter step through the matches, Esc closes."""

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setAccessibleName("Find in source")
        self.field.setPlaceholderText("Find in this source")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setAccessibleName("Matches")
        self.previous_button = _button("▲", "Previous match (Shift+Enter)", self.previous)
        self.next_button = _button("▼", "Next match (Enter)", self.next)
        close = _button("✕", "Close (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        for widget in (QLabel("Find"), self.field, self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addWidget(self.count, 1)
        layout.addWidget(close)
        self.field.textChanged.connect(lambda _text: self.search())
        self.field.installEventFilter(self)
        # Another source in the reader: its matches, not the last one's.
        reader.textChanged.connect(lambda: self.search() if self.isVisible() else None)
        self.hide()

    def open(self) -> None:
        """Show the bar (taking the reader's selection as the phrase) with the field focused."""
        span = self.reader.selection_span()
        selected = self.reader.source_text()[span[0] : span[1]] if span else ""
        self.show()
        if selected and "\n" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its marks; the keyboard goes back to the reader."""
        self.hide()
        self.matches, self.current = [], -1
        self.reader.mark_found([], -1)
        self.reader.setFocus()

    def search(self) -> None:
        """Find the phrase in the source; go to the first match at or after the cursor."""
        self.matches = find_all(self.reader.source_text(), self.field.text())
        span = self.reader.selection_span()
        start = span[0] if span else 0
        self.current = next(
            (n for n, (s, _e) in enumerate(self.matches) if s >= start), 0 if self.matches else -1
        )
        self._show()

    def next(self) -> None:
        """Go to the next match (after the last, the first)."""
        self._step(1)

    def previous(self) -> None:
        """Go to the previous match (before the first, the last)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.matches:
            self.current = (self.current + step) % len(self.matches)
            self._show()

    def _show(self) -> None:
        self.reader.mark_found(self.matches, self.current)
        phrase = self.field.text()
        if not phrase:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        for button in (self.previous_button, self.next_button):
            button.setEnabled(len(self.matches) > 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter, Shift+Enter and Esc in the field."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous() if shift else self.next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def _button(text: str, tip: str, slot: object) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip.split(" (")[0])
    button.clicked.connect(slot)
    return button
