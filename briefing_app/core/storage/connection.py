"""Opening a library file with the pragmas every connection needs, and transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing_app.core.errors import DiskFull, LibraryBusy, LibraryError, LibraryReadOnly

BUSY_TIMEOUT_MS = 5000
# Tests (and impatient scripts) shorten the wait for another process's write lock.
BUSY_TIMEOUT_ENV = "BRIEFING_BUSY_TIMEOUT_MS"
BUSY_MESSAGE = "the library is busy (in use by another Briefing process?)"
READ_ONLY_MESSAGE = (
    "the library cannot be changed: its file or folder is read-only; make both writable"
)
FULL_MESSAGE = "the disk is full: nothing of this change was saved; free some space and retry"


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


def write_error(exc: sqlite3.Error, where: str = "") -> LibraryError | None:
    """Return the typed error for SQLite refusing a write (busy, read-only, full), else None."""
    text = str(exc).lower()
    prefix = f"{where}: " if where else ""
    if is_busy_error(exc):
        return LibraryBusy(prefix + BUSY_MESSAGE)
    if "readonly database" in text:
        return LibraryReadOnly(prefix + READ_ONLY_MESSAGE)
    if "disk is full" in text:
        return DiskFull(prefix + FULL_MESSAGE)
    return None


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """Open a library for reading only, as connect() does otherwise.

    immutable is for a folder where SQLite cannot create the WAL's side files: the file is then
    read as it stands (no other process can be changing it there without them).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


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
        raise (write_error(exc) or exc) from exc
    try:
        yield conn
    except sqlite3.OperationalError as exc:
        conn.execute("ROLLBACK")
        raise (write_error(exc) or exc) from exc
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        # A failed COMMIT leaves the transaction open: roll it back so nothing is half-kept.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise (write_error(exc) or exc) from exc
