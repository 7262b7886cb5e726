"""The evidence board of one key question: its claims grouped by party into positions, the
relations among them, and how many independent sources back each position."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing_app.core.models import Claim, ClaimRelation, Question
from briefing_app.core.text.event_dates import precision

if TYPE_CHECKING:
    from briefing_app.core.library import Library

NO_PARTY = "(no party)"


@dataclass(frozen=True)
class BoardClaim:
    """A claim as the board shows it, with its source's grade and the status its links suggest."""

    claim: Claim
    source_grade: str
    source_title: str
    suggested_status: str = ""
    suggested_because: str = ""

    @property
    def text(self) -> str:
        """Return what the board shows of the claim: its statement, else its quote."""
        return self.claim.statement or self.claim.quote

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        c = self.claim
        return {
            "key": c.key,
            "statement": self.text,
            "party": c.party,
            "kind": c.kind,
            "credibility": c.credibility,
            "status": c.status,
            "source_id": c.source_id,
            "source_title": self.source_title,
            "source_grade": self.source_grade,
            "event_date": c.event_date or None,
            "event_date_precision": precision(c.event_date),
            "suggested_status": self.suggested_status or None,
            "suggested_because": self.suggested_because or None,
        }


@dataclass(frozen=True)
class Position:
    """What one party holds on a question: its claims and the independent sources behind them."""

    party: str
    claims: tuple[BoardClaim, ...]
    independent_sources: int

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "party": self.party,
            "independent_sources": self.independent_sources,
            "claims": [c.to_json() for c in self.claims],
        }


@dataclass(frozen=True)
class Board:
    """One question's positions and the relations among its claims."""

    question: Question
    positions: tuple[Position, ...]
    relations: tuple[ClaimRelation, ...]

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "question": {
                "key": self.question.key,
                "text": self.question.text,
                "note": self.question.note,
            },
            "positions": [p.to_json() for p in self.positions],
            "relations": [r.to_json() for r in self.relations],
        }


def build_board(lib: Library, question_id: int) -> Board:
    """Return the board of a question: positions in the order their first claim was assigned.

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> q = lib.questions.add("Who did it?")
    >>> build_board(lib, q.id).positions
    ()
    """
    question = lib.questions.get(question_id)
    claims = lib.questions.claims(question_id)
    sources = _graded_titles(lib, {c.source_id for c in claims})
    # Read once for the whole board: links, outlets and repeats chains (a claim at a time
    # read them 500 times over for a question of 500 claims).
    weighing = lib.relations.weighing(c.id for c in claims)
    by_party: dict[str, list[BoardClaim]] = {}
    for claim in claims:
        title, reliability = sources[claim.source_id]
        suggested = weighing.suggested_status(claim.id)
        status, because = suggested if suggested and suggested[0] != claim.status else ("", "")
        by_party.setdefault(claim.party or NO_PARTY, []).append(
            BoardClaim(claim, f"{reliability}{claim.credibility}", title, status, because)
        )
    positions = tuple(
        Position(
            party,
            tuple(members),
            weighing.independent_sources(m.claim.id for m in members),
        )
        for party, members in by_party.items()
    )
    ids = {c.id for c in claims}
    relations = tuple(r for r in weighing.links if r.from_claim_id in ids and r.to_claim_id in ids)
    return Board(question, positions, relations)


def _graded_titles(lib: Library, source_ids: set[int]) -> dict[int, tuple[str, str]]:
    """Return each source's title and reliability grade, without reading its text."""
    rows = lib.conn.execute(
        "SELECT id, title, reliability FROM sources WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(source_ids)),),
    )
    return {int(r[0]): (str(r[1]), str(r[2])) for r in rows}
