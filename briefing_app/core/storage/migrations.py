"""Registered, recorded schema migrations. Never edit an applied one: add a new one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from briefing_app.core.errors import LibraryError
from briefing_app.core.storage.connection import transaction


@dataclass(frozen=True)
class Migration:
    """One schema step: its version number, a name and the function that applies it."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = []


def migration(
    version: int, name: str
) -> Callable[[Callable[[sqlite3.Connection], None]], Callable[[sqlite3.Connection], None]]:
    """Register fn as the migration to schema `version`."""

    def register(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
        if any(m.version == version for m in MIGRATIONS):
            raise RuntimeError(f"two migrations claim schema version {version}")
        MIGRATIONS.append(Migration(version, name, fn))
        MIGRATIONS.sort(key=lambda m: m.version)
        return fn

    return register


def _load_schema() -> None:
    # Import for the side effect of registering the migrations.
    from briefing_app.core.storage import schema  # noqa: F401


def latest_version() -> int:
    """Return the schema version the code expects."""
    _load_schema()
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def schema_version(conn: sqlite3.Connection) -> int:
    """Return the schema version recorded in the file."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[str]:
    """Apply every pending migration up to target, each in its own transaction; return names."""
    _load_schema()  # an explicit target must not skip loading the registered migrations
    target = latest_version() if target is None else target
    applied = []
    for m in MIGRATIONS:
        if m.version <= schema_version(conn) or m.version > target:
            continue
        _apply(conn, m)
        applied.append(m.name)
    return applied


def _apply(conn: sqlite3.Connection, m: Migration) -> None:
    """Apply one migration in its own transaction and record it.

    Foreign keys are off meanwhile, as SQLite asks for a migration that rebuilds a table
    (storage.reshape): dropping the old copy must not fire ON DELETE CASCADE on the rows that
    point at it. The pragma cannot change inside a transaction, so it is set around it, and
    the keys are checked before the commit instead.
    """
    enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with transaction(conn):
            m.apply(conn)
            broken = conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise LibraryError(
                    f"schema upgrade {m.version} ({m.name}) would leave a row of {broken[0]} "
                    f"pointing at a row of {broken[2]} that is gone; nothing was changed"
                )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (m.version, m.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {m.version}")
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(enforced)}")
