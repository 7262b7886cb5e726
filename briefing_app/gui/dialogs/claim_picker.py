"""Ctrl+K: pick claims to cite by fuzzy search over key, statement, quote, party and tags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent
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
from briefing_app.gui.widgets.text_widths import text_size
from briefing_app.gui.wording import count_of


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


class _PickList(QListWidget):
    """The matching claims: clicks and arrows only move the current row; choosing is explicit."""

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Ctrl+click and Space toggle a row, Shift+click chooses a range; nothing else chooses."""
        flag = QItemSelectionModel.SelectionFlag
        if event is None:
            return flag.NoUpdate
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                return flag.Toggle | flag.Rows
            return flag.NoUpdate
        if event.type() == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ControlModifier:
                return flag.Toggle | flag.Rows
            if mods & Qt.KeyboardModifier.ShiftModifier:
                return flag.SelectCurrent | flag.Rows
        # A plain click, a drag or a release never clears claims chosen under another search.
        return flag.NoUpdate


_SHOWN_CHOICES = 8
_CURRENT_MARK = QBrush(QColor(128, 128, 128, 48))


class ClaimPicker(QDialog):
    """A search box over the claims; choices survive new searches; Enter cites them.

    Shift+Up/Down (in the search box or the list) extends the choice, Space or Ctrl+click
    toggles a row, Ctrl+Space toggles the current row from the search box. Enter cites every
    chosen claim in the order chosen, or the current row when nothing is chosen yet.
    """

    def __init__(
        self,
        claims: Sequence[PickableClaim],
        parent: QWidget | None = None,
        start_at: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cite claims")
        self.claims = list(claims)
        # The claim the analyst has in view (the inspector's): current until they search.
        self._start_at = start_at
        self._by_key = {c.key: c for c in self.claims}
        self._chosen: list[str] = []  # in the order the analyst chose them
        self._rebuilding = False
        self._extending = False
        self._anchor: int | None = None  # where the current Shift+Up/Down run started
        self._run: list[str] = []  # keys this run chose (a run shrinking back un-chooses them)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search key, statement, quote, party or tag…")
        self.search.setAccessibleName("Search claims")
        self.search.setClearButtonEnabled(True)
        self.list = _PickList()
        self.list.setAccessibleName("Matching claims")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.list.itemDoubleClicked.connect(self._cite_item)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.currentItemChanged.connect(self._current_changed)
        self.count = QLabel()
        self.chosen_label = QLabel()
        self.chosen_label.setAccessibleName("Claims to cite")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)
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
        layout.addWidget(self.chosen_label)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self.resize(text_size(self, 93, 30))  # 560×420 at 9 pt
        self.filter("")

    def filter(self, query: str) -> None:
        """Show the claims matching query, best first; the first is current, the chosen selected."""
        self._rebuilding = True
        try:
            self.list.clear()
            for claim in rank(query, self.claims):
                text = claim.statement or f"“{claim.quote}”"
                item = QListWidgetItem(f"{claim.key} · {claim.party or 'no party'} — {text}")
                item.setData(Qt.ItemDataRole.UserRole, claim.key)
                item.setToolTip(f"“{claim.quote}”\n{', '.join(claim.tags)}")
                self.list.addItem(item)
                item.setSelected(claim.key in self._chosen)
            if self.list.count():
                # Current, not chosen: Enter cites it only when nothing else is chosen.
                row = self._start_row() if not query.strip() else 0
                self.list.setCurrentRow(row, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.list.scrollToItem(self.list.item(row))
        finally:
            self._rebuilding = False
        self._anchor = None
        self.count.setText(f"{self.list.count()} of {count_of(len(self.claims), 'claim')}")
        self._show_chosen()

    def _start_row(self) -> int:
        keys = [self._key(row) for row in range(self.list.count())]
        return keys.index(self._start_at) if self._start_at in keys else 0

    def choices(self) -> list[str]:
        """Return the keys the analyst chose, in the order chosen (none: the current row counts)."""
        return list(self._chosen)

    def chosen(self) -> list[str]:
        """Return the keys Enter cites: those chosen in order, else the current row's, else none."""
        if self._chosen:
            return list(self._chosen)
        item = self.list.currentItem()
        return [item.data(Qt.ItemDataRole.UserRole)] if item is not None else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move the current row; with Shift they extend the choice."""
        if event.type() != QEvent.Type.KeyPress or watched not in (self.search, self.list):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if key == Qt.Key.Key_Down else -1
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self._extend(step)
                return True
            if watched is self.search:
                self._move(step)
                return True
        if (
            watched is self.search
            and key == Qt.Key.Key_Space
            and mods & Qt.KeyboardModifier.ControlModifier
        ):
            self._toggle(self.list.currentRow())
            return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        row = self.list.currentRow() + step
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _extend(self, step: int) -> None:
        """Shift+Up/Down: choose from where the run started to the new row, as a list would."""
        cur = self.list.currentRow()
        new = cur + step
        if cur < 0 or not 0 <= new < self.list.count():
            return
        if self._anchor is None:
            self._anchor, self._run = cur, []
            self._choose(cur)
        self._extending = True
        try:
            self.list.setCurrentRow(new, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._extending = False
        if abs(new - self._anchor) > abs(cur - self._anchor):
            self._choose(new)
        elif self._key(cur) in self._run:  # back towards the start: undo this run's choice
            self._run.remove(self._key(cur))
            self.list.item(cur).setSelected(False)

    def _choose(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None and not item.isSelected():
            self._run.append(self._key(row))
            item.setSelected(True)

    def _toggle(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            item.setSelected(not item.isSelected())

    def _key(self, row: int) -> str:
        return str(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    def _cite_item(self, item: QListWidgetItem) -> None:
        """Double-click: cite this claim too, with any already chosen."""
        item.setSelected(True)
        self.accept()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        """Mirror what the analyst selects among the shown rows into the lasting choice."""
        if self._rebuilding:
            return  # a new search hides rows; it never un-chooses them
        for index in deselected.indexes():
            key = index.data(Qt.ItemDataRole.UserRole)
            if key in self._chosen:
                self._chosen.remove(key)
        for index in selected.indexes():
            key = index.data(Qt.ItemDataRole.UserRole)
            if key not in self._chosen:
                self._chosen.append(key)
        self._show_chosen()

    def _current_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        # The current row is not selected, so mark it: the search box keeps the focus ring.
        if previous is not None:
            previous.setData(Qt.ItemDataRole.BackgroundRole, None)
        if current is not None:
            current.setData(Qt.ItemDataRole.BackgroundRole, _CURRENT_MARK)
        if not self._extending and not self._rebuilding:
            self._anchor = None
        self._show_chosen()

    def _show_chosen(self) -> None:
        """Say what Enter will cite: the chosen claims in order, or the current row."""
        if not self._chosen:
            current = self.chosen()
            self.chosen_label.setText(
                f"Nothing chosen yet: Enter cites {current[0]}"
                # Keys that work where the cursor is, the search box: Space there is typed.
                " (Shift+Up/Down, Ctrl+Space or Ctrl+click choose several)"
                if current
                else "Nothing chosen"
            )
            return
        n = len(self._chosen)
        lines = [f"{n} claim{'s' if n != 1 else ''} chosen, cited in this order:"]
        for key in self._chosen[:_SHOWN_CHOICES]:
            claim = self._by_key.get(key)
            text = (claim.statement or claim.quote) if claim is not None else ""
            short = text if len(text) <= 60 else text[:59] + "…"
            lines.append(f"{key} · {short}" if short else key)
        if n > _SHOWN_CHOICES:
            lines.append(f"… and {n - _SHOWN_CHOICES} more")
        self.chosen_label.setText("\n".join(lines))

    @classmethod
    def ask(
        cls, parent: QWidget | None, claims: Sequence[PickableClaim], start_at: str | None = None
    ) -> list[str]:
        """Show the picker (start_at: the key current at first); return the keys chosen."""
        dialog = cls(claims, parent, start_at)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return dialog.chosen()
