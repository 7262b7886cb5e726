"""The library: one SQLite file holding sources, claims, tags and notes.

>>> lib = Library.open(":memory:")
>>> lib.sources.count()
0
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from briefing_app.core.changes import Changes
from briefing_app.core.errors import LibraryError
from briefing_app.core.storage.connection import connect, enable_wal, transaction
from briefing_app.core.storage.migrations import latest_version, migrate, schema_version

LIBRARY_ENV = "BRIEFING_LIBRARY"
Listener = Callable[[Changes], None]


def default_library_path() -> Path:
    """Return the library path: $BRIEFING_LIBRARY, else library.sqlite in the user data dir."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "library.sqlite"


class Library:
    """An open library file, with one manager per noun: sources, claims, tags, notes."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        from briefing_app.core.claims import ClaimManager
        from briefing_app.core.comments import CommentManager
        from briefing_app.core.edits import EditManager
        from briefing_app.core.notes import NoteManager
        from briefing_app.core.search import SearchIndex
        from briefing_app.core.sources import SourceManager
        from briefing_app.core.tags import TagManager
        from briefing_app.core.versions import VersionManager

        self.conn = conn
        self.path = path
        self._listeners: list[Listener] = []
        self._pending: Changes | None = None
        self.sources = SourceManager(self)
        self.claims = ClaimManager(self)
        self.tags = TagManager(self)
        self.notes = NoteManager(self)
        self.comments = CommentManager(self)
        self.versions = VersionManager(self)
        self.edits = EditManager(self)
        self.search = SearchIndex(self)

    @classmethod
    def open(cls, path: Path | str, create: bool = True) -> Library:
        """Open (creating and migrating if needed) the library at path; ':memory:' for tests."""
        is_memory = str(path) == ":memory:"
        p = None if is_memory else Path(path).expanduser()
        if p is not None:
            if not p.exists() and not create:
                raise LibraryError(f"{p}: no library at this path")
            if p.exists() and p.is_dir():
                raise LibraryError(f"{p}: is a folder, not a library file")
            p.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = connect(":memory:" if p is None else p, wal=False)
            found = schema_version(conn)
            if found > latest_version():
                conn.close()
                raise LibraryError(
                    f"{p}: made by a newer Briefing "
                    f"(schema {found}, this one knows {latest_version()})"
                )
            if found == 0 and _has_foreign_tables(conn):
                conn.close()
                raise LibraryError(f"{p}: is an SQLite file but not a Briefing library")
            if p is not None:
                enable_wal(conn)
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{p}: not a Briefing library ({exc})") from exc
        return cls(conn, p)

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """Return the schema version of the open file."""
        return schema_version(self.conn)

    def subscribe(self, listener: Listener) -> None:
        """Call listener with the Changes of every committed write operation."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling listener."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def write(self) -> Iterator[Changes]:
        """Run a write operation in one transaction; listeners hear its changes after commit.

        Nested writes join the outer transaction and report with it.
        """
        outer = self._pending is None
        changes = Changes() if outer else self._pending
        assert changes is not None
        if outer:
            self._pending = changes
        try:
            with transaction(self.conn):
                yield changes
        finally:
            if outer:
                self._pending = None
        if outer and changes:
            for listener in list(self._listeners):
                listener(changes)


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])
