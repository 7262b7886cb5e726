"""What other processes (the CLI, another window) changed in a library since the last look.

SQLite's `PRAGMA data_version` changes when another connection commits, and costs nothing to
read, so a poll with nothing new is one pragma. Only then is the commit log read
(storage/commit_log.py): every Briefing write adds a row naming its writer and the ids it
changed, in its own transaction. The rows after the last one seen are read in the same read
transaction as the pragma, so a commit landing between the two is read now or wholly next
time. Rows of the watching library's own writer (its own writes, already announced, and those
of its background tasks' connections, which the task announces) are skipped; the others'
ids are what changed, exactly: a claim deleted elsewhere is that claim, not every claim.

`data_version` alone cannot do this: it says that some other connection committed, not how
many commits or whose, so one commit of the window's own task and one of the CLI between two
polls look exactly like the task's commit alone. Counting the window's commits against its
moves is wrong for the same reason.

When the log cannot say, every record is reported (the views reload), never less:
- the pragma moved but no row was added: a writer other than Briefing (sqlite3 by hand);
- the row seen last is gone or another: more than `commit_log.KEEP` commits since the last
  look, or a backup restored over the file (a restore also logs "every record" itself);
- the file has no log (a backup of an older schema restored by another process).
A TRUNCATE checkpoint by another connection moves the pragma without a commit, so it reloads
too; Briefing never asks for one.

>>> from briefing_app.core.library import Library
>>> lib = Library.open(":memory:")
>>> watcher = OutsideChanges(lib)
>>> bool(watcher.poll())
False
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from briefing_app.core.changes import Changes
from briefing_app.core.storage.commit_log import (
    Commit,
    Position,
    add_commit,
    every_record,
    position,
    rows_after,
)

if TYPE_CHECKING:
    from briefing_app.core.library import Library

# The origin of Changes found by a poll: nobody in this process asked for them.
OUTSIDE = "outside"


def data_version(lib: Library) -> int:
    """Return the library connection's `PRAGMA data_version` (a marker costing nothing)."""
    return _data_version(lib.conn)


def _data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


class OutsideChanges:
    """Tells what other writers committed to a library since the last `poll()`.

    The starting point is the library as it is when this is made, which costs two small
    reads: make it before the views read the library, and a commit elsewhere in between is
    reported by the first poll (at worst once more than needed, never missed). Commits of
    `lib.writer` (this library and the connections its owner opened with its writer) are never
    reported.
    """

    def __init__(self, lib: Library) -> None:
        self._lib = lib
        self._conn = lib.conn
        self._version, self._seen = self._look()

    def poll(self) -> Changes:
        """Return what other writers changed since the last poll (empty: nothing).

        The Changes carry OUTSIDE as their origin; `lib.announce` them to refresh the views.
        """
        conn = self._lib.conn
        if conn is not self._conn:
            # The library replaced its connection to restore a backup, and announced every
            # record itself: this is the new starting point.
            self._conn = conn
            self._version, self._seen = self._look()
            return Changes(origin=OUTSIDE)
        if conn.in_transaction or _data_version(conn) == self._version:
            return Changes(origin=OUTSIDE)
        with _snapshot(conn):
            version, commits = _data_version(conn), rows_after(conn, self._seen, self._lib.writer)
            if commits:
                self._seen = Position(commits[-1].seq, commits[-1].mark)
            elif commits is None:
                self._seen = position(conn)  # a new starting point: the log as it is now
            self._version = version
            return self._changes(conn, commits)

    def _changes(self, conn: sqlite3.Connection, commits: list[Commit] | None) -> Changes:
        if not commits:
            # None: the log cannot say what happened since the last look. []: someone
            # committed without a row, a writer other than Briefing.
            return every_record(conn, origin=OUTSIDE)
        changes = Changes(origin=OUTSIDE)
        for commit in commits:
            if commit.writer != self._lib.writer:
                add_commit(conn, commit, changes)
        return changes

    def _look(self) -> tuple[int, Position | None]:
        """Return the data version and the log's last row, as of one moment."""
        conn = self._lib.conn
        if conn.in_transaction:
            return _data_version(conn), position(conn)
        with _snapshot(conn):
            return _data_version(conn), position(conn)


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Read in one read transaction: what is read inside is one moment of the library."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")
