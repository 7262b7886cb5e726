"""Opening a library file with the pragmas every connection needs, and transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing_app.core.errors import LibraryBusy

BUSY_TIMEOUT_MS = 5000
# Tests (and impatient scripts) shorten the wait for another process's write lock.
BUSY_TIMEOUT_ENV = "BRIEFING_BUSY_TIMEOUT_MS"
BUSY_MESSAGE = "the library is busy (in use by another Briefing process?)"


def busy_timeout_ms() -> int:
    """Return how long a write waits for another process's lock ($BRIEFING_BUSY_TIMEOUT_MS)."""
    value = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def is_busy_error(exc: BaseException) -> bool:
    """Return True if exc is SQLite reporting another connection's lock (not damage)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or "is locked" in text


def connect(path: Path | str, *, wal: bool = True) -> sqlite3.Connection:
    """Open a connection in autocommit mode with WAL, foreign keys and a busy timeout.

    Autocommit (isolation_level=None) because transactions are opened explicitly by
    `transaction()`: Python's implicit transactions would split a multi-step write.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        enable_wal(conn)
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to write-ahead logging: readers never block the writer, and a crash loses nothing
    committed. (It rewrites the file header, so it waits until the file is known to be ours.)"""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one transaction (a savepoint when nested); roll back on any error."""
    if conn.in_transaction:
        name = f"sp_{id(object())}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    # IMMEDIATE takes the write lock up front, so two processes never deadlock mid-transaction;
    # if another process holds it past the busy timeout, nothing has been written yet.
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_busy_error(exc):
            raise LibraryBusy(BUSY_MESSAGE) from exc
        raise
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        # A failed COMMIT leaves the transaction open: roll it back so nothing is half-kept.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if is_busy_error(exc):
            raise LibraryBusy(BUSY_MESSAGE) from exc
        raise
