"""Who committed what to a library: one row per committed write, added in its transaction.

Every `lib.write()` ends, inside its transaction, by adding a row to `commit_log`: a sequence
number, a random mark, the writer (a token per open `Library`; the window gives its own to the
connections of its background tasks) and the ids the write reported changed (`Changes`, as
JSON). A window looking for what other processes changed reads the rows after the last one it
saw and skips its own, so a commit of its own background task, announced by the task,
is never announced again, while a commit of the CLI in the same interval still is, exactly.

Why a log rather than counting: `PRAGMA data_version` says only that some other connection
committed since it was last read, not how many commits or whose; a task's commit and a CLI
commit between two looks move it exactly as the task's commit alone does.

What the log cannot tell, the reader learns as `None` ("every record may have changed"):
rows missing after the last one seen (pruned, or the file replaced by a restored backup: the
mark at that sequence number differs) and, seen by the caller, a commit with no row at all (a
writer other than Briefing). The log keeps the last `KEEP` commits; a write naming more than
`MAX_IDS` ids of a noun records that noun as "every record".

>>> from briefing_app.core.library import Library
>>> lib = Library.open(":memory:")
>>> seen = position(lib.conn)
>>> tag = lib.tags.ensure("Khatlon")
>>> [(row.writer == lib.writer, row.changes.tags) for row in rows_after(lib.conn, seen)]
[(True, {1})]
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass

from briefing_app.core.changes import Changes

KEEP = 1000
MAX_IDS = 500
# Changes' nouns and the tables holding their records.
NOUN_TABLES = (
    ("sources", "sources"),
    ("claims", "claims"),
    ("tags", "tags"),
    ("notes", "notes"),
    ("comments", "review_comments"),
    ("questions", "questions"),
)


def new_writer() -> str:
    """Return a writer token no other open library has."""
    # os.urandom, not secrets: that imports hashlib, which the window's start need not load.
    return os.urandom(8).hex()


@dataclass(frozen=True)
class Position:
    """The last row seen: its sequence number and its mark (a reused number has another)."""

    seq: int
    mark: int


@dataclass(frozen=True)
class Commit:
    """One row of the log: whose commit, and what it changed (None: every record may have).

    `every` names the nouns the commit changed too many records of to list them.
    """

    seq: int
    mark: int
    writer: str
    changes: Changes | None
    every: frozenset[str] = frozenset()


def record(conn: sqlite3.Connection, writer: str, changes: Changes | None) -> None:
    """Add writer's commit of changes (None: every record) to the log; call it in the write."""
    cur = conn.execute(
        "INSERT INTO commit_log (mark, writer, changes) VALUES (?, ?, ?)",
        (int.from_bytes(os.urandom(7), "big"), writer, _encode(changes)),
    )
    seq = cur.lastrowid
    assert seq is not None
    conn.execute("DELETE FROM commit_log WHERE seq <= ?", (seq - KEEP,))


def position(conn: sqlite3.Connection) -> Position | None:
    """Return the log's last row (None: the file has no log, a backup of an older schema)."""
    try:
        row = conn.execute("SELECT seq, mark FROM commit_log ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return Position(int(row[0]), int(row[1])) if row is not None else Position(0, 0)


def rows_after(
    conn: sqlite3.Connection, seen: Position | None, own: str = ""
) -> list[Commit] | None:
    """Return the commits logged after seen, oldest first; None if the log cannot say.

    Rows of the writer `own` come without their changes (nobody needs them decoded).
    """
    if seen is None:
        return None
    try:
        rows = conn.execute(
            "SELECT seq, mark, writer, CASE WHEN writer = ? THEN '{}' ELSE changes END"
            " FROM commit_log WHERE seq >= ? ORDER BY seq",
            (own, seen.seq),
        ).fetchall()
    except sqlite3.OperationalError:
        return None  # no log: a backup of an older schema was restored over the file
    if seen.seq > 0 and (not rows or (int(rows[0][0]), int(rows[0][1])) != (seen.seq, seen.mark)):
        return None  # the row seen last is gone (pruned) or another (the file was replaced)
    return [
        Commit(int(r[0]), int(r[1]), str(r[2]), *_decode(r[3]))
        for r in rows
        if int(r[0]) > seen.seq
    ]


def every_record(conn: sqlite3.Connection, origin: object = None) -> Changes:
    """Return every record of every noun: what a change nobody can name may have touched.

    Marked wholesale: records no id names may have gone too (a backup restored elsewhere).
    """
    changes = Changes(wholesale=True, origin=origin)
    for noun, table in NOUN_TABLES:
        getattr(changes, noun).update(int(r[0]) for r in conn.execute(f"SELECT id FROM {table}"))
    return changes


def add_commit(conn: sqlite3.Connection, commit: Commit, into: Changes) -> None:
    """Add what commit changed to into; a noun of `every` (or no changes: all) adds every id."""
    if commit.changes is None:
        into.merge(every_record(conn))
        return
    into.merge(commit.changes)
    tables = dict(NOUN_TABLES)
    for noun in commit.every:
        ids = conn.execute(f"SELECT id FROM {tables[noun]}")
        getattr(into, noun).update(int(r[0]) for r in ids)


def _encode(changes: Changes | None) -> str | None:
    if changes is None:
        return None
    found: dict[str, list[int] | None] = {}
    for noun, _table in NOUN_TABLES:
        ids: set[int] = getattr(changes, noun)
        if ids:
            # Past MAX_IDS (an import of thousands of claims) a reader reloads the noun anyway.
            found[noun] = sorted(ids) if len(ids) <= MAX_IDS else None
    return json.dumps(found, separators=(",", ":"))


def _decode(text: str | None) -> tuple[Changes | None, frozenset[str]]:
    if text is None:
        return None, frozenset()
    changes, every = Changes(), set()
    known = dict(NOUN_TABLES)
    for noun, ids in json.loads(text).items():
        if noun not in known:
            continue  # a noun of a later version: its views are not this version's
        if ids is None:
            every.add(noun)
        else:
            getattr(changes, noun).update(int(i) for i in ids)
    return changes, frozenset(every)
