"""The rows one write touched, as they were before and after it: the undo of a whole merge.

While `journal(conn)` is open, temporary triggers (this connection's alone, gone when it
closes) note the key of every row inserted, updated or deleted in the library's tables, with the
row as it was when first touched. When the block ends the touched rows are read again; the
difference is a tuple of `RecordState`s, as an ACH edit's, and `apply_states` writes either side
back exactly, so undo and redo are the same function. An operation made of many managers' calls
(a review package's merge) gets its inverse without each call returning one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.ach.records import Record, RecordState

# Not what the library holds: the commit log records the commits themselves (an undo is one
# more), and the full-text indexes follow their tables through the schema's own triggers.
_UNJOURNALED = frozenset({"commit_log", "schema_migrations"})
_LOG = "temp.row_journal"


@dataclass(frozen=True)
class Table:
    """A journaled table: its columns, the columns of its key, the tables it refers to."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    parents: frozenset[str]


@dataclass
class Journal:
    """What a `journal` block changed, filled in when the block ends: the (table, key) of
    every row it touched and, unless only those were asked for, each row's states."""

    touched: set[tuple[str, tuple[Any, ...]]] = field(default_factory=set)
    states: tuple[RecordState, ...] = ()
    tables: dict[str, Table] = field(default_factory=dict, repr=False)
    # Each touched row as first noted (JSON; None: inserted), parsed only when asked for.
    _first: dict[tuple[str, tuple[Any, ...]], str | None] = field(default_factory=dict, repr=False)

    def before(self, table: str, key: tuple[Any, ...]) -> Record | None:
        """Return a touched row as it was before the block (None: the block inserted it)."""
        old = self._first.get((table, key))
        return None if old is None else dict(json.loads(old))


def tables(conn: sqlite3.Connection) -> dict[str, Table]:
    """Return the library's journaled tables, parents before the tables referring to them."""
    rows = conn.execute(
        "SELECT name, sql LIKE 'CREATE VIRTUAL%' FROM main.sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    # A virtual table's own tables (the full-text index's "claims_fts_data"...) are named
    # after it (sqlite_master, not pragma_table_list, which older SQLite builds lack).
    virtual = tuple(f"{name}_" for name, is_virtual in rows if is_virtual)
    names = [
        name
        for name, is_virtual in rows
        if not is_virtual and not name.startswith(virtual) and name not in _UNJOURNALED
    ]
    found: dict[str, Table] = {}
    for name in names:
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        key = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        # Every table of the schema names its key (tests/core/storage/test_row_journal.py
        # holds new ones to it): rowids do not survive a delete and restore, so a table
        # without one could not be put back by key. No column holds a BLOB, which JSON cannot.
        assert key, f"table {name} has no primary key"
        parents = {r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{name}")')} - {name}
        found[name] = Table(name, tuple(r[1] for r in info), key, frozenset(parents))
    return {name: found[name] for name in _parents_first(found)}


@contextmanager
def journal(conn: sqlite3.Connection, *, keys_only: bool = False) -> Iterator[Journal]:
    """Note every row the block inserts, updates or deletes; fill in the Journal at its end.

    Run inside the write's transaction, so the rows read at the end are the ones it commits;
    one journal at a time on a connection (the triggers and their log are the connection's).

    keys_only: leave the states empty (what was touched is enough, and reading each row
    again would double the cost of a large write).

    >>> # with lib.write(), journal(lib.conn) as made: merge(...)   # made.states: the rows
    """
    found = Journal(tables=tables(conn))
    _start(conn, found.tables.values())
    try:
        yield found
        found._first = _first_noted(conn)
        found.touched = set(found._first)
        if not keys_only:
            found.states = _states(conn, found.tables, found._first)
    finally:
        _stop(conn, found.tables)


def current(conn: sqlite3.Connection, table: Table, key: Sequence[Any]) -> Record | None:
    """Return the row of table with this key as it is now (None: there is none)."""
    where = " AND ".join(f'"{c}" IS ?' for c in table.key)
    cur = conn.execute(f'SELECT * FROM "{table.name}" WHERE {where}', list(key))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip((d[0] for d in cur.description), tuple(row), strict=True))


def apply_states(
    conn: sqlite3.Connection, states: Iterable[RecordState], by_name: dict[str, Table]
) -> None:
    """Make each row as its `after` says: delete, update or insert it, exactly.

    Deletes go children first, inserts parents first (a reply after the comment it answers:
    by key), so every reference holds at once. Not deferred: a failed check at COMMIT would
    leave the transaction open, where one on the statement rolls it back.
    """
    order = {name: i for i, name in enumerate(by_name)}
    todo = sorted(states, key=lambda s: (order[s.table], s.key))
    for s in reversed(todo):
        if s.after is None:
            where = " AND ".join(f'"{c}" IS ?' for c in by_name[s.table].key)
            conn.execute(f'DELETE FROM "{s.table}" WHERE {where}', list(s.key))
    for s in todo:
        if s.after is None:
            continue
        if s.before is not None:
            # Only the columns that differ: a trigger on a column (a source's text) is left
            # alone, and the full-text index is rewritten only where its words changed.
            changed = {c: v for c, v in s.after.items() if s.before.get(c) != v}
            if changed:
                sets = ", ".join(f'"{c}" = ?' for c in changed)
                where = " AND ".join(f'"{c}" IS ?' for c in by_name[s.table].key)
                conn.execute(
                    f'UPDATE "{s.table}" SET {sets} WHERE {where}', [*changed.values(), *s.key]
                )
            continue
        cols = ", ".join(f'"{c}"' for c in s.after)
        marks = ", ".join("?" * len(s.after))
        conn.execute(f'INSERT INTO "{s.table}" ({cols}) VALUES ({marks})', list(s.after.values()))


def _parents_first(found: dict[str, Table]) -> list[str]:
    ordered: list[str] = []
    placed: set[str] = set()

    def place(name: str, path: frozenset[str]) -> None:
        if name in placed or name in path or name not in found:
            return
        for parent in sorted(found[name].parents):
            place(parent, path | {name})
        placed.add(name)
        ordered.append(name)

    for name in found:
        place(name, frozenset())
    return ordered


def _start(conn: sqlite3.Connection, journaled: Iterable[Table]) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {_LOG} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL,"
        " key TEXT NOT NULL, old TEXT)"
    )
    conn.execute(f"DELETE FROM {_LOG}")
    for t in journaled:
        old = "json_object(" + ", ".join(f"'{c}', OLD.\"{c}\"" for c in t.columns) + ")"
        # Keys never change in this schema (ids, uids, pairs of ids): an update is noted
        # under the key it had, with the row as it was.
        for event, row, value in (("INSERT", "NEW", "NULL"), ("UPDATE", "OLD", old),
                                  ("DELETE", "OLD", old)):  # fmt: skip
            key = "json_array(" + ", ".join(f'{row}."{c}"' for c in t.key) + ")"
            conn.execute(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "row_journal_{t.name}_{event.lower()}"'
                f' AFTER {event} ON main."{t.name}" BEGIN INSERT INTO row_journal (tbl, key, old)'
                f" VALUES ('{t.name}', {key}, {value}); END"
            )


def _stop(conn: sqlite3.Connection, journaled: dict[str, Table]) -> None:
    for name in journaled:
        for event in ("insert", "update", "delete"):
            conn.execute(f'DROP TRIGGER IF EXISTS temp."row_journal_{name}_{event}"')
    conn.execute(f"DROP TABLE IF EXISTS {_LOG}")


def _first_noted(conn: sqlite3.Connection) -> dict[tuple[str, tuple[Any, ...]], str | None]:
    """Return each touched row's key with the row as first noted (JSON; None: inserted)."""
    first: dict[tuple[str, tuple[Any, ...]], str | None] = {}
    for tbl, key, old in conn.execute(f"SELECT tbl, key, old FROM {_LOG} ORDER BY seq"):
        first.setdefault((tbl, tuple(json.loads(key))), old)
    return first


def _states(
    conn: sqlite3.Connection,
    by_name: dict[str, Table],
    first: dict[tuple[str, tuple[Any, ...]], str | None],
) -> tuple[RecordState, ...]:
    """Return each touched row as it was when first touched and as it is now, if different."""
    states = []
    for (tbl, key), old in first.items():
        before = json.loads(old) if old is not None else None
        after = current(conn, by_name[tbl], key)
        if before != after:
            states.append(RecordState(tbl, key, before, after))
    order = {name: i for i, name in enumerate(by_name)}
    return tuple(sorted(states, key=lambda s: (order[s.table], s.key)))
