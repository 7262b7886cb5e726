"""The plain keys that work through the suggestions where the reader or the list has the focus.

Key presses caught on those widgets, not shortcuts: Qt tries shortcuts before an open menu
sees a letter, so an N or P shortcut took the letter from every menu of the menu bar (File ▸
New library's N stepped the suggestions instead) whenever the reader had the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

# Which modifiers a key may come with and still count as plain (Enter on the keypad).
_IGNORED = Qt.KeyboardModifier.KeypadModifier


class SuggestionKeys(QObject):
    """Runs a step, accept or reject for the keys given while a watched widget has the focus."""

    def __init__(self, keys: dict[tuple[Qt.Key, bool], Callable[[], object]]) -> None:
        super().__init__()
        # (key, with Shift) -> what it does.
        self.keys = keys

    def watch(self, *widgets: QObject) -> None:
        """Catch the keys on these widgets."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Run the key's work and keep the key from the widget; let every other event by."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~_IGNORED
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        key = Qt.Key.Key_Return if event.key() == Qt.Key.Key_Enter else Qt.Key(event.key())
        work = self.keys.get((key, modifiers == Qt.KeyboardModifier.ShiftModifier))
        if work is None:
            return False
        work()
        return True
