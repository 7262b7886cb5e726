"""Ctrl+K: pick claims to cite by fuzzy search over key, statement, quote, party and tags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import Claim


@dataclass(frozen=True)
class PickableClaim:
    """What the picker shows and searches of one claim."""

    key: str
    statement: str
    quote: str
    party: str
    tags: tuple[str, ...]

    @classmethod
    def of(cls, claim: Claim) -> PickableClaim:
        """Return the picker's view of a claim."""
        return cls(claim.key, claim.statement, claim.quote, claim.party, tuple(claim.tags))

    def haystack(self) -> str:
        """Return the text searched, casefolded."""
        return " ".join((self.key, self.statement, self.quote, self.party, *self.tags)).casefold()


def fuzzy_score(query: str, text: str) -> int | None:
    """Return how well query matches text (higher is better), or None when it does not.

    Every word of the query must occur in the text, or its letters in order within one word
    of the text (so a typo like "xjun" still finds "Xijun"); whole-word and prefix hits rank
    first.
    """
    tokens: list[str] | None = None
    score = 0
    for word in query.casefold().split():
        found = text.find(word)
        if found >= 0:
            score += 100 if found == 0 or not text[found - 1].isalnum() else 60
            continue
        tokens = tokens if tokens is not None else _WORD.findall(text)
        best = max((_subsequence_score(word, t) for t in tokens), default=None, key=_or_minus)
        if best is None:
            return None
        score += best
    return score


_WORD = re.compile(r"\w+")


def _or_minus(value: int | None) -> int:
    return -1 if value is None else value


def _subsequence_score(word: str, token: str) -> int | None:
    """Return a score when word's letters occur in token in order (fewer gaps score higher)."""
    if len(word) > len(token) or word[:1] != token[:1]:
        return None
    pos, gaps = 0, 0
    for ch in word:
        nxt = token.find(ch, pos)
        if nxt < 0:
            return None
        gaps += nxt - pos
        pos = nxt + 1
    return max(1, 40 - 5 * gaps)


def rank(query: str, claims: Sequence[PickableClaim]) -> list[PickableClaim]:
    """Return the claims matching query, best first (all of them, in order, for no query)."""
    if not query.strip():
        return list(claims)
    key = query.strip().upper()
    scored = []
    for n, claim in enumerate(claims):
        score = fuzzy_score(query, claim.haystack())
        if score is not None:
            # Typing a key exactly ("C12") puts that claim first.
            scored.append((-(score + (1000 if claim.key == key else 0)), n, claim))
    return [c for *_s, c in sorted(scored)]


class ClaimPicker(QDialog):
    """A search box over the claims; Enter cites the selected ones."""

    def __init__(self, claims: Sequence[PickableClaim], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cite claims")
        self.claims = list(claims)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search key, statement, quote, party or tag…")
        self.search.setAccessibleName("Search claims")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Matching claims")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.count = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Cite")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.resize(560, 420)
        self.filter("")

    def filter(self, query: str) -> None:
        """Show the claims matching query, best first, the first one selected."""
        self.list.clear()
        for claim in rank(query, self.claims):
            text = claim.statement or f"“{claim.quote}”"
            item = QListWidgetItem(f"{claim.key} · {claim.party or 'no party'} — {text}")
            item.setData(Qt.ItemDataRole.UserRole, claim.key)
            item.setToolTip(f"“{claim.quote}”\n{', '.join(claim.tags)}")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.count.setText(f"{self.list.count()} of {len(self.claims)} claims")

    def chosen(self) -> list[str]:
        """Return the keys of the selected claims, in list order."""
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in rows]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the list."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
                if 0 <= row < self.list.count():
                    self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, parent: QWidget | None, claims: Sequence[PickableClaim]) -> list[str]:
        """Show the picker; return the chosen claim keys ([] when cancelled)."""
        dialog = cls(claims, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return dialog.chosen()
