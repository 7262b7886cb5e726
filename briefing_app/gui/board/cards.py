"""A board column's cards as a list model: one row per claim, its texts made when first shown.

Each card shows a claim's key, kind, event date (with its precision), statement, source and
credibility grades, the relations it takes part in ("contradicts C9") and a suggested status.
The model holds the core's BoardClaims and words a card only when Qt asks for it, so a column
of hundreds costs nothing until it scrolls into view.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from briefing_app.core.models import SYMMETRIC_RELATIONS, ClaimRelation
from briefing_app.core.records.board import BoardClaim
from briefing_app.core.records.grading import CREDIBILITY, RELIABILITY
from briefing_app.core.text.event_dates import precision
from briefing_app.gui.claim_mime import CLAIM_KEYS_MIME, claims_mime

# What the delegate paints, read through this role as a Card.
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_STATEMENT_CHARS = 220  # more would not fit three lines of a card; the tooltip has it all


@dataclass(frozen=True)
class Badge:
    """A relation as one card words it: 'contradicts C9', 'repeated by C12'."""

    text: str
    relation: str
    other_id: int


@dataclass(frozen=True)
class Card:
    """What a card shows of one claim."""

    claim_id: int
    key: str
    kind: str
    statement: str
    event_date: str  # with its precision: "2025-11 (month)"
    reliability: str
    credibility: int
    relations: tuple[Badge, ...]
    suggestion: str  # the status the claim's links suggest ("" for none)
    suggestion_because: str

    def summary(self) -> str:
        """Return the card as one line of text (what screen readers and tests read)."""
        parts = [self.key, self.kind, f"source {self.reliability}", f"cred. {self.credibility}"]
        if self.event_date:
            parts.append(self.event_date)
        parts.append(self.statement)
        parts += [b.text for b in self.relations]
        if self.suggestion:
            parts.append(f"suggested: {self.suggestion}")
        return " · ".join(parts)


def badge_for(relation: ClaimRelation, claim_id: int) -> Badge:
    """Return how the card of claim_id words a relation it is one end of."""
    other = relation.other(claim_id)
    other_key = relation.to_key if other == relation.to_claim_id else relation.from_key
    if relation.from_claim_id == claim_id or relation.relation in SYMMETRIC_RELATIONS:
        return Badge(f"{relation.relation} {other_key}", relation.relation, other)
    passive = {"repeats": "repeated by", "updates": "updated by"}[relation.relation]
    return Badge(f"{passive} {other_key}", relation.relation, other)


def make_card(item: BoardClaim, relations: list[ClaimRelation]) -> Card:
    """Return the card of a board claim with the relations it takes part in."""
    c = item.claim
    statement = " ".join((c.statement or c.quote).split())
    if len(statement) > _STATEMENT_CHARS:
        statement = statement[: _STATEMENT_CHARS - 1] + "…"
    when = f"{c.event_date} ({precision(c.event_date)})" if c.event_date else ""
    credibility = str(c.credibility)
    grade = item.source_grade
    reliability = grade[: -len(credibility)] if grade.endswith(credibility) else grade
    return Card(
        c.id,
        c.key,
        c.kind,
        statement,
        when,
        reliability or "?",
        c.credibility,
        tuple(badge_for(r, c.id) for r in relations),
        item.suggested_status,
        item.suggested_because,
    )


def card_tooltip(item: BoardClaim, card: Card) -> str:
    """Return a card's tooltip: the quoted passage, the statement, the source and the grades."""
    c = item.claim
    lines = [
        f"<b>{card.key}</b> · {html.escape(c.kind)} · {html.escape(c.party or 'no party')}",
        f"<i>“{html.escape(c.quote)}”</i>",
    ]
    if c.statement:
        lines.append(html.escape(c.statement))
    lines.append(f"Source: {html.escape(item.source_title or 'Untitled')}")
    lines.append(
        f"Source {card.reliability} ({html.escape(RELIABILITY.label(card.reliability))}), "
        f"credibility {c.credibility} ({html.escape(CREDIBILITY.label(str(c.credibility)))})"
    )
    if card.event_date:
        lines.append(f"Event date {html.escape(card.event_date)}")
    if card.suggestion:
        lines.append(
            f"Suggested status: <b>{card.suggestion}</b> ({html.escape(card.suggestion_because)})"
            " — click the suggestion to accept it"
        )
    lines.append("Double-click: open in its source · drag onto a card: link · into a note: cite")
    return "<br>".join(lines)


class ColumnModel(QAbstractListModel):
    """The cards of one position (party), in the order the claims were assigned."""

    def __init__(
        self,
        items: tuple[BoardClaim, ...],
        relations: dict[int, list[ClaimRelation]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.items = items
        self._relations = relations
        self._cards: dict[int, Card] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of cards."""
        return 0 if parent.isValid() else len(self.items)

    def card(self, row: int) -> Card:
        """Return the card of a row, wording it the first time it is asked for."""
        found = self._cards.get(row)
        if found is None:
            item = self.items[row]
            found = make_card(item, self._relations.get(item.claim.id, []))
            self._cards[row] = found
        return found

    def row_of(self, claim_id: int) -> int | None:
        """Return the row of a claim's card, or None."""
        return next((n for n, i in enumerate(self.items) if i.claim.id == claim_id), None)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the card (CARD_ROLE), its one-line text, its tooltip or its claim id."""
        if not index.isValid():
            return None
        row = index.row()
        if role == CARD_ROLE:
            return self.card(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.card(row).summary()
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(self.items[row], self.card(row))
        if role == CLAIM_ID_ROLE:
            return self.items[row].claim.id
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Cards are selectable and can be dragged (onto a card, or into a note)."""
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        """Cards travel as claim keys (a note cites them) and as their citation text."""
        return [CLAIM_KEYS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Return the dragged cards' claim keys, as the claims table's rows carry them."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return claims_mime([self.items[r].claim.key for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        """A card is copied into a note, or linked to another card; never moved."""
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def supportedDropActions(self) -> Qt.DropAction:
        """Drops link or assign; they never move a card."""
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
