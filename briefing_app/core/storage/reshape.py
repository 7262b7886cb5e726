"""Reshaping a table inside a migration with sqlite-utils' `transform()`, keeping what hangs off it.

SQLite's ALTER TABLE cannot change a column's type, default or NOT NULL, nor drop a constrained
column; `transform()` copies the table into a new one of the wanted shape, drops the old one and
renames the new one into its place. Dropping the old table also drops its triggers (the
full-text index is kept in step by triggers) and leaves views and other tables' triggers naming
a table that is, for a moment, gone. `reshape_table` takes those down first and puts them back
after, then rebuilds the table's full-text index, all inside the migration's transaction.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

# Schema objects that name the reshaped table in their SQL, and are recreated after it.
_DEPENDANT_KINDS = ("trigger", "view")
_INTEGER = re.compile(r"-?\d+")


def reshape_table(conn: sqlite3.Connection, table: str, **changes: Any) -> None:
    """Rebuild table with `sqlite_utils` Table.transform(**changes) inside the open migration.

    Call it from a registered migration (which runs with foreign keys off, see migrate()).
    Triggers and views whose SQL names the table are recreated from their stored SQL, so a
    change that renames or drops a column they use fails here and the migration rolls back.

    >>> from briefing_app.core.storage.connection import connect, transaction
    >>> conn = connect(":memory:", wal=False)
    >>> _ = conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)")
    >>> _ = conn.execute("PRAGMA foreign_keys = OFF")  # as migrate() does
    >>> with transaction(conn):
    ...     reshape_table(conn, "t", defaults={"n": 1})
    >>> conn.execute("SELECT dflt_value FROM pragma_table_info('t') WHERE name = 'n'").fetchone()[0]
    '1'
    """
    # sqlite-utils takes ~0.07 s CPU to import: only a migration that reshapes a table pays it.
    from sqlite_utils import Database

    if not conn.in_transaction or conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        # Dropping the old table with foreign keys on would fire ON DELETE CASCADE on every row
        # that points at it; and outside a transaction a failure would leave half a migration.
        raise RuntimeError("reshape_table runs inside a migration (see storage.migrations)")
    dependants = _dependants(conn, table)
    collations = _collations(conn, table)
    for kind, name, _sql in reversed(dependants):
        conn.execute(f'DROP {kind.upper()} "{name}"')
    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    db.table(table).transform(**{**changes, "defaults": _defaults(conn, table, changes)})
    _check_collations(conn, table, collations, changes.get("rename") or {})
    for _kind, _name, sql in dependants:
        conn.execute(sql)
    for index in _fts_indexes(conn, table):
        # The copy keeps every rowid, but an index rebuilt from the table is right by construction.
        conn.execute(f'INSERT INTO "{index}" ("{index}") VALUES (\'rebuild\')')


def _dependants(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, str]]:
    """Return (kind, name, sql) of the triggers and views that name table, in creation order."""
    named = re.compile(rf"(?<![\w\"]){re.escape(table)}(?![\w\"])|\"{re.escape(table)}\"")
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN (?, ?) ORDER BY rowid",
        _DEPENDANT_KINDS,
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows if named.search(r[2])]


def _fts_indexes(conn: sqlite3.Connection, table: str) -> list[str]:
    """Return the external-content full-text indexes over table."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    return [r[0] for r in rows if re.search(rf"content\s*=\s*'{re.escape(table)}'", r[1])]


def _defaults(conn: sqlite3.Connection, table: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Return the defaults to give transform(): integer defaults as integers, then the changes.

    transform() re-quotes every default it reads back, so `DEFAULT 6` would become `DEFAULT '6'`.
    """
    kept = {
        r[1]: int(r[4])
        for r in conn.execute(f'PRAGMA table_xinfo("{table}")')
        if r[4] is not None and _INTEGER.fullmatch(str(r[4]))
    }
    return {**kept, **(changes.get("defaults") or {})}


def _collations(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Return each column's collating sequence, as SQLite compiles a comparison with it."""
    found = {}
    for row in conn.execute(f'PRAGMA table_xinfo("{table}")').fetchall():
        column = row[1]
        plan = conn.execute(f'EXPLAIN SELECT "{column}" = \'\' FROM "{table}"').fetchall()
        found[column] = next((str(op[5]) for op in plan if op[1] in ("Eq", "Ne")), "")
    return found


def _check_collations(
    conn: sqlite3.Connection, table: str, before: dict[str, str], rename: dict[str, str]
) -> None:
    """Refuse a reshape that changed how a kept column compares (transform() rewrites a
    column's COLLATE into a table constraint, so `alias = ?` would turn case-sensitive)."""
    after = _collations(conn, table)
    for column, collation in before.items():
        new = rename.get(column, column)
        if new in after and after[new] != collation:
            raise RuntimeError(
                f"reshaping {table} would change how {new} compares "
                f"({collation} to {after[new]}): rebuild this table by hand"
            )
