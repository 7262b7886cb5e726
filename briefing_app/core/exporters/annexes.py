"""Annexes a template may ask for, built as blocks of the intermediate document so that Word,
Markdown and the preview print them alike: the chronology of the cited claims, and the
competing claims on each key question the note touches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.exporters.document import Block, DocAnnex, Heading, Paragraph, Table, Text
from briefing_app.core.models import Claim, Source
from briefing_app.core.records.board import build_board
from briefing_app.core.records.relations import describe

if TYPE_CHECKING:
    from briefing_app.core.library import Library

CHRONOLOGY_HEADING = "Annex: Chronology"
CHRONOLOGY_COLUMNS = ("Event date", "Claim", "Party", "Statement", "Reported")
COMPETING_HEADING = "Annex: Competing claims"
COMPETING_COLUMNS = ("Position", "Independent sources", "Claim", "Statement", "Grade")


def _table(header: tuple[str, ...], rows: list[list[str]]) -> Table:
    return Table(
        [[Text(h, bold=True)] for h in header],
        [[[Text(v)] if v else [] for v in row] for row in rows],
    )


def chronology_annex(claims: dict[str, Claim], sources: dict[int, Source]) -> DocAnnex | None:
    """Return the chronology of the cited claims that carry an event date (None if none does).

    Beside each event date, when its source was published: what happened, and when it was said.
    """
    dated = sorted((c for c in claims.values() if c.event_date), key=lambda c: (c.event_date, c.id))
    if not dated:
        return None
    rows = []
    for claim in dated:
        source = sources[claim.source_id]
        reported = source.published or ""
        rows.append(
            [
                claim.event_date,
                claim.key,
                claim.party or "—",
                claim.statement or claim.quote,
                reported or "date not known",
            ]
        )
    return DocAnnex(CHRONOLOGY_HEADING, [_table(CHRONOLOGY_COLUMNS, rows)])


def competing_claims_annex(lib: Library, claims: dict[str, Claim]) -> DocAnnex | None:
    """Return, for each key question one of the cited claims answers, its positions (by party),
    their claims and independent-source counts, and the relations among them (None if the
    note touches no question)."""
    questions = [q for q in lib.questions.all() if not set(q.claim_keys).isdisjoint(claims)]
    if not questions:
        return None
    blocks: list[Block] = []
    for question in questions:
        board = build_board(lib, question.id)
        blocks.append(Heading(1, [Text(f"{question.key}. {question.text}")]))
        rows = []
        for position in board.positions:
            for n, item in enumerate(position.claims):
                first = n == 0
                rows.append(
                    [
                        position.party if first else "",
                        str(position.independent_sources) if first else "",
                        item.claim.key,
                        item.claim.statement or item.claim.quote,
                        item.source_grade,
                    ]
                )
        blocks.append(_table(COMPETING_COLUMNS, rows))
        if board.relations:
            said = "; ".join(
                describe(r) + (f" ({r.note})" if r.note else "") for r in board.relations
            )
            blocks.append(Paragraph([Text("Relations:", italic=True), Text(f" {said}.")]))
    return DocAnnex(COMPETING_HEADING, blocks)
