"""Reading the rows of a question's matrix: its claims (with their grades and any weights set),
then its key assumptions and absences, each with its ratings."""

from __future__ import annotations

import sqlite3
from typing import Any, cast

from briefing_app.core.ach.model import MatrixRow, suggested_credibility


def read_rows(
    conn: sqlite3.Connection,
    question_id: int,
    *,
    claim_id: int | None = None,
    entry_key: str | None = None,
) -> list[MatrixRow]:
    """Return the rows of a question: its claims in their order, then its assumptions and
    absences in the order they were added (or only the one asked for)."""
    ratings: dict[int, dict[str, str]] = {}
    # One row asked for: only its ratings (a big matrix holds 15,000).
    only, only_params = "", cast(tuple[Any, ...], ())
    if claim_id is not None:
        only, only_params = " AND w.claim_id = ?", (claim_id,)
    elif entry_key is not None:
        only = (
            " AND (w.key = ? OR w.assumption_id IN "
            "(SELECT id FROM key_assumptions WHERE question_id = w.question_id AND key = ?))"
        )
        only_params = (entry_key, entry_key)
    for row_id, hkey, rating in conn.execute(
        "SELECT r.row_id, h.key, r.rating FROM ach_ratings r "
        "JOIN ach_hypotheses h ON h.id = r.hypothesis_id "
        f"JOIN ach_rows w ON w.id = r.row_id WHERE w.question_id = ?{only}",
        (question_id, *only_params),
    ):
        ratings.setdefault(row_id, {})[hkey] = rating
    rows: list[MatrixRow] = []
    if entry_key is None:
        claim_filter = "" if claim_id is None else " AND qc.claim_id = ?"
        params: tuple[Any, ...] = (question_id, question_id)
        if claim_id is not None:
            params += (claim_id,)
        for r in conn.execute(
            "SELECT w.id, w.uid, c.key, c.statement, c.quote, w.switched_off, w.deceptive, "
            "w.relevance, w.credibility, c.id, c.party, c.credibility, s.reliability, s.id "
            "FROM question_claims qc JOIN claims c ON c.id = qc.claim_id "
            "JOIN sources s ON s.id = c.source_id "
            "LEFT JOIN ach_rows w ON w.question_id = ? AND w.claim_id = qc.claim_id "
            f"WHERE qc.question_id = ?{claim_filter} ORDER BY qc.position",
            params,
        ):
            rows.append(
                MatrixRow(
                    id=r[0],
                    uid=r[1] or "",
                    kind="claim",
                    key=r[2],
                    text=r[3] or r[4],
                    ratings=ratings.get(r[0], {}) if r[0] is not None else {},
                    switched_off=bool(r[5]),
                    deceptive=bool(r[6]),
                    relevance=r[7] or "medium",
                    credibility_override=r[8],
                    suggested_credibility=suggested_credibility(int(r[11]), str(r[12])),
                    claim_id=r[9],
                    party=r[10],
                    grade=f"{r[12]}{r[11]}",
                    source_id=r[13],
                )
            )
    if claim_id is None:
        entry_filter = ""
        entry_params: tuple[Any, ...] = (question_id,)
        if entry_key is not None:
            entry_filter = " AND coalesce(a.key, w.key) = ?"
            entry_params += (entry_key,)
        for r in conn.execute(
            "SELECT w.id, w.uid, w.kind, coalesce(a.key, w.key), coalesce(a.text, w.text), "
            "w.switched_off, w.deceptive, w.relevance, w.credibility, w.assumption_id "
            "FROM ach_rows w LEFT JOIN key_assumptions a ON a.id = w.assumption_id "
            f"WHERE w.question_id = ? AND w.kind != 'claim'{entry_filter} "
            "ORDER BY w.position, w.id",
            entry_params,
        ):
            rows.append(
                MatrixRow(
                    id=r[0],
                    uid=r[1],
                    kind=r[2],
                    key=r[3],
                    text=r[4],
                    ratings=ratings.get(r[0], {}),
                    switched_off=bool(r[5]),
                    deceptive=bool(r[6]),
                    relevance=r[7],
                    credibility_override=r[8],
                    assumption_id=r[9],
                )
            )
    return rows
