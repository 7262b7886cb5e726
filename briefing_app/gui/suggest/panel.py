"""The list of suggested claims beside the reader: party, kind and quote, one per row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.suggest import Suggestion
from briefing_app.core.suggest.manager import HIGHLIGHT_PATTERN
from briefing_app.gui.highlighter import kind_colour

_QUOTE_CHARS = 140
_VERB_CHARS = 40


class SuggestionsPanel(QWidget):
    """Shows a source's suggestions; asks the window to accept, edit or reject the current one."""

    current_changed = Signal(object)
    accept_requested = Signal(object)
    edit_requested = Signal(object)
    reject_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions: list[Suggestion] = []
        self._searching = False
        self.title = QLabel("Suggested claims")
        self.title.setAccessibleName("Suggested claims count")
        self.list = QListWidget()
        self.list.setAccessibleName("Suggested claims")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setToolTip("N / P: next / previous · Enter: accept · Del: reject")
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Tag it as a claim with the proposed party and kind (Enter)")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Tag it, then edit the new claim in the inspector")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Not a claim: never propose it again for this source (Del)")
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.edit_button, self.reject_button):
            # As narrow as the word: the style's 80 px buttons made the list 256 px at least,
            # a third of the reader beside a 22 % sources list instead of a quarter.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 16)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemActivated.connect(lambda _item: self._request(self.accept_requested))
        self.accept_button.clicked.connect(lambda: self._request(self.accept_requested))
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.reject_button.clicked.connect(lambda: self._request(self.reject_requested))
        self._update_buttons()

    def show_suggestions(self, suggestions: list[Suggestion] | None) -> None:
        """Show these suggestions (None: still searching), keeping the place in the list."""
        previous = self.current()
        row = max(self.list.currentRow(), 0)
        fresh = list(suggestions or [])
        self.list.blockSignals(True)
        self._patch_rows(fresh)
        # A merged party renames suggestions without changing which ones there are.
        for position, suggestion in enumerate(fresh):
            item = self.list.item(position)
            if item is not None and item.text() != _item_text(suggestion):
                self.list.takeItem(position)
                self.list.insertItem(position, _item(suggestion))
        self.list.blockSignals(False)
        self.suggestions = fresh
        self._searching = suggestions is None
        if self.suggestions:
            fingerprints = [s.fingerprint for s in self.suggestions]
            if previous is not None and previous.fingerprint in fingerprints:
                row = fingerprints.index(previous.fingerprint)
            self.list.blockSignals(True)
            self.list.setCurrentRow(min(row, len(self.suggestions) - 1))
            self.list.blockSignals(False)
        self._update_buttons()
        self._update_title()
        current = self.current()
        before = previous.fingerprint if previous is not None else None
        if (current.fingerprint if current is not None else None) != before:
            self.current_changed.emit(current)

    def _patch_rows(self, fresh: list[Suggestion]) -> None:
        """Remove or insert only the rows that changed (an accept or reject changes one).

        Rebuilding every row of a long source's list costs ~0.2 s; both lists are in text
        order, so a removal or an insertion keeps the others in place.
        """
        old = [s.fingerprint for s in self.suggestions]
        new = [s.fingerprint for s in fresh]
        if old == new:
            return
        if set(new) <= set(old) and [f for f in old if f in set(new)] == new:
            keep = set(new)
            for row in range(len(old) - 1, -1, -1):
                if old[row] not in keep:
                    self.list.takeItem(row)
            return
        if set(old) <= set(new) and [f for f in new if f in set(old)] == old:
            known = set(old)
            for row, suggestion in enumerate(fresh):
                if suggestion.fingerprint not in known:
                    self.list.insertItem(row, _item(suggestion))
            return
        self.list.clear()
        for suggestion in fresh:
            self.list.addItem(_item(suggestion))

    def current(self) -> Suggestion | None:
        """Return the suggestion selected in the list."""
        row = self.list.currentRow()
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    def step(self, delta: int) -> None:
        """Select the next (delta=1) or previous (-1) suggestion, wrapping around."""
        if not self.suggestions:
            return
        row = self.list.currentRow()
        self.list.setCurrentRow((row + delta) % len(self.suggestions) if row >= 0 else 0)

    def _row_changed(self, _row: int) -> None:
        self._update_buttons()
        self._update_title()
        self.current_changed.emit(self.current())

    def _update_title(self) -> None:
        if self._searching:
            self.title.setText("Suggested claims: searching…")
        elif self.current() is not None:
            # "3 of 40": the list shows two or three at a time on a laptop screen.
            position = self.list.currentRow() + 1
            self.title.setText(f"Suggested claims: {position} of {len(self.suggestions)}")
        else:
            self.title.setText(f"Suggested claims ({len(self.suggestions)})")

    def _request(self, signal: SignalInstance) -> None:
        current = self.current()
        if current is not None:
            signal.emit(current)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        for button in (self.accept_button, self.edit_button, self.reject_button):
            button.setEnabled(has)


def _item_text(suggestion: Suggestion) -> str:
    quote = " ".join(suggestion.quote.split())
    if len(quote) > _QUOTE_CHARS:
        quote = quote[: _QUOTE_CHARS - 1] + "…"
    if suggestion.pattern == HIGHLIGHT_PATTERN:
        return f"Highlighted in Zotero\n“{quote}”"
    # The rules leave a party empty when they cannot tell who it is, rather than guess.
    party = suggestion.normalized_party or suggestion.party or "party unresolved"
    other = _other_mention(suggestion)
    if other:
        # "Anna Berg (“She”)": the word the text used, so a wrong resolution shows.
        party = f"{party} (“{other}”)"
    return f"{party} · {suggestion.kind}\n“{quote}”"


def _other_mention(suggestion: Suggestion) -> str:
    """Return the text's word for the party when the rules named someone else by it ("She")."""
    mention = " ".join(suggestion.mention.split())
    named = set(f"{suggestion.party} {suggestion.normalized_party}".casefold().split())
    if not suggestion.party or not mention or named & set(mention.casefold().split()):
        # Named as written, by a short form ("Berg" for "Anna Berg") or by a library alias.
        return ""
    return mention


def why_suggested(suggestion: Suggestion) -> str:
    """Return why a suggestion was proposed: its party and kind, then the reporting word.

    >>> from briefing_app.core.suggest.models import Suggestion
    >>> s = Suggestion(0, 9, "it failed", "Anna Berg", "Anna Berg", "reported fact", "say",
    ...                "X verb", "She", 0, 9, "f")
    >>> why_suggested(s)
    'Anna Berg, from “She” in the text · reported fact\\nreporting word: say (X verb)'
    """
    if suggestion.pattern == HIGHLIGHT_PATTERN:
        # The highlight's comment in Zotero is the analyst's own reading of the passage.
        return f"Highlighted in Zotero{': ' + suggestion.mention if suggestion.mention else ''}"
    party = suggestion.normalized_party or suggestion.party
    other = _other_mention(suggestion)
    if not party:
        who = "Party unresolved: no speaker the rules could name"
    elif other:
        who = f"{party}, from “{other}” in the text"
    else:
        who = party
    verb = " ".join(suggestion.verb.split())
    if len(verb) > _VERB_CHARS:
        verb = verb[: _VERB_CHARS - 1] + "…"  # a passive frame can run to half a sentence
    return f"{who} · {suggestion.kind}\nreporting word: {verb} ({suggestion.pattern})"


def _item(suggestion: Suggestion) -> QListWidgetItem:
    item = QListWidgetItem(_item_text(suggestion))
    quote = " ".join(suggestion.quote.split())
    separator = ": " if suggestion.pattern == HIGHLIGHT_PATTERN else "\n"
    item.setToolTip(f"{why_suggested(suggestion)}{separator}{quote}")
    colour = kind_colour(suggestion.kind, 40)
    item.setBackground(colour)
    item.setData(Qt.ItemDataRole.UserRole, suggestion.fingerprint)
    return item
