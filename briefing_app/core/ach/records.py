"""Records of ACH matrices as plain rows, and putting them back: the undo of every ACH write.

An operation reads the records it may touch (its scope) before and after it writes; the
difference is a `MatrixEdit`, and `apply_states` writes either side back exactly, so undo and
redo of any ACH operation are the same one function.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Parents before children: inserts go in this order, deletes in the reverse.
TABLES: dict[str, tuple[str, ...]] = {
    "question_claims": ("question_id", "claim_id"),
    "ach_hypotheses": ("id",),
    "key_assumptions": ("id",),
    "ach_rows": ("id",),
    "ach_ratings": ("row_id", "hypothesis_id"),
    "assumption_claims": ("assumption_id", "claim_id"),
    "assumption_hypotheses": ("assumption_id", "hypothesis_id"),
}
_ORDER = {table: i for i, table in enumerate(TABLES)}

Record = Mapping[str, Any]
# (table, SQL condition, parameters): which records of a table an operation may touch.
Scope = Sequence[tuple[str, str, Sequence[Any]]]


@dataclass(frozen=True)
class RecordState:
    """One record an operation touched: its row before and after (None: absent)."""

    table: str
    key: tuple[Any, ...]
    before: Record | None
    after: Record | None


@dataclass(frozen=True)
class MatrixEdit:
    """What an ACH operation changed in a question's matrix; `lib.ach.revert(edit)` undoes it.

    made names what the operation created or addressed (a hypothesis key "H2", a row "X1").
    """

    question_id: int
    states: tuple[RecordState, ...]
    made: str = ""

    def inverse(self) -> MatrixEdit:
        """Return the edit that undoes this one."""
        return MatrixEdit(
            self.question_id,
            tuple(RecordState(s.table, s.key, s.after, s.before) for s in self.states),
            self.made,
        )

    def __bool__(self) -> bool:
        return bool(self.states)


def read_scope(conn: sqlite3.Connection, scope: Scope) -> dict[tuple[str, tuple[Any, ...]], Record]:
    """Return every record the scope names, by (table, primary key)."""
    found: dict[tuple[str, tuple[Any, ...]], Record] = {}
    for table, condition, params in scope:
        key_columns = TABLES[table]
        for row in conn.execute(f"SELECT * FROM {table} WHERE {condition}", list(params)):
            record = dict(zip(row.keys(), tuple(row), strict=True))
            found[(table, tuple(record[c] for c in key_columns))] = record
    return found


def difference(
    before: Mapping[tuple[str, tuple[Any, ...]], Record],
    after: Mapping[tuple[str, tuple[Any, ...]], Record],
) -> tuple[RecordState, ...]:
    """Return the records that differ between two readings of a scope."""
    states = [
        RecordState(table, key, before.get((table, key)), after.get((table, key)))
        for table, key in {**before, **after}
        if before.get((table, key)) != after.get((table, key))
    ]
    return tuple(sorted(states, key=lambda s: (_ORDER[s.table], repr(s.key))))


def apply_states(
    conn: sqlite3.Connection, states: Iterable[RecordState], *, lenient: bool = False
) -> None:
    """Make each record as its `after` says: delete, replace or insert it, exactly.

    lenient: skip a record whose parent is gone (a claim's rating whose hypothesis was
    deleted since the claim was), as restoring a deleted claim or question does.
    """
    todo = list(states)
    # Children first when deleting, so a parent's cascade never removes what comes back later.
    for s in sorted(todo, key=lambda s: -_ORDER[s.table]):
        if s.after is None:
            where = " AND ".join(f"{c} = ?" for c in TABLES[s.table])
            conn.execute(f"DELETE FROM {s.table} WHERE {where}", list(s.key))
    for s in sorted(todo, key=lambda s: _ORDER[s.table]):
        if s.after is not None:
            cols = ", ".join(f'"{c}"' for c in s.after)
            marks = ", ".join("?" * len(s.after))
            # REPLACE on a parent would cascade-delete its children: update in place instead.
            where = " AND ".join(f"{c} = ?" for c in TABLES[s.table])
            sets = ", ".join(f'"{c}" = ?' for c in s.after)
            cur = conn.execute(
                f"UPDATE {s.table} SET {sets} WHERE {where}", [*s.after.values(), *s.key]
            )
            if cur.rowcount:
                continue
            insert = f"INSERT INTO {s.table} ({cols}) VALUES ({marks})"
            try:
                conn.execute(insert, list(s.after.values()))
            except sqlite3.IntegrityError:
                if not lenient:
                    raise


def question_scope(question_id: int) -> Scope:
    """Return the scope of every ACH record of a question (what deleting it takes away)."""
    rows = "SELECT id FROM ach_rows WHERE question_id = ?"
    assumptions = "SELECT id FROM key_assumptions WHERE question_id = ?"
    q = (question_id,)
    return [
        ("ach_hypotheses", "question_id = ?", q),
        ("key_assumptions", "question_id = ?", q),
        ("ach_rows", "question_id = ?", q),
        ("ach_ratings", f"row_id IN ({rows})", q),
        ("assumption_claims", f"assumption_id IN ({assumptions})", q),
        ("assumption_hypotheses", f"assumption_id IN ({assumptions})", q),
    ]


def claim_scope(claim_id: int) -> Scope:
    """Return the scope of the ACH records that go with a claim when it is deleted."""
    rows = "SELECT id FROM ach_rows WHERE claim_id = ?"
    c = (claim_id,)
    return [
        ("ach_rows", "claim_id = ?", c),
        ("ach_ratings", f"row_id IN ({rows})", c),
        ("assumption_claims", "claim_id = ?", c),
    ]


def claims_scope(claim_ids: Sequence[int]) -> Scope:
    """Return the scope of the ACH records that go with many claims deleted at once."""
    ids = (json.dumps(list(claim_ids)),)
    among = "claim_id IN (SELECT value FROM json_each(?))"
    return [
        ("ach_rows", among, ids),
        ("ach_ratings", f"row_id IN (SELECT id FROM ach_rows WHERE {among})", ids),
        ("assumption_claims", among, ids),
    ]


def snapshot(conn: sqlite3.Connection, scope: Scope) -> tuple[RecordState, ...]:
    """Return the scope's records as states whose `after` is the record (for restoring)."""
    found = read_scope(conn, scope)
    return difference({}, found)
