"""Completers for the inspector: one value (party) or a comma-separated list (tags)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget


def word_completer(words: list[str], parent: QWidget) -> QCompleter:
    """Return a case-insensitive completer over words, matching anywhere in them."""
    completer = QCompleter(QStringListModel(words, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class ListCompleter(QCompleter):
    """Completes the last item of a comma-separated list and keeps the earlier ones."""

    def __init__(self, words: list[str], parent: QWidget) -> None:
        super().__init__(QStringListModel(words, parent), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_words(self, words: list[str]) -> None:
        """Replace the words offered."""
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(words)

    def splitPath(self, path: str) -> list[str]:
        """Complete only what follows the last comma."""
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """Keep the items before the last comma and append the chosen one."""
        chosen = str(index.data())
        widget = self.widget()
        text = widget.property("text") if widget is not None else ""
        head = str(text).rsplit(",", 1)[0] if "," in str(text) else ""
        return f"{head}, {chosen}" if head else chosen
