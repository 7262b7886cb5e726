"""The library: one SQLite file holding sources, claims, tags and notes.

>>> lib = Library.open(":memory:")
>>> lib.sources.count()
0
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core.changes import Changes
from briefing_app.core.errors import (
    BackupError,
    LibraryDamaged,
    LibraryError,
    LibraryReadOnly,
)
from briefing_app.core.storage.commit_log import every_record, new_writer, record
from briefing_app.core.storage.connection import (
    connect,
    connect_read_only,
    enable_wal,
    transaction,
    write_error,
)
from briefing_app.core.storage.migrations import latest_version, migrate, schema_version

if TYPE_CHECKING:
    from briefing_app.core.ach.assumptions import AssumptionManager
    from briefing_app.core.ach.operations import AchManager
    from briefing_app.core.records.notes import NoteManager
    from briefing_app.core.records.questions import QuestionManager
    from briefing_app.core.records.relations import RelationManager
    from briefing_app.core.records.search import SearchIndex
    from briefing_app.core.review.comments import CommentManager
    from briefing_app.core.review.edits import EditManager
    from briefing_app.core.review.versions import VersionManager
    from briefing_app.core.suggest.manager import SuggestionManager
    from briefing_app.core.suggest.parties import PartyManager

LIBRARY_ENV = "BRIEFING_LIBRARY"
Listener = Callable[[Changes], None]


def default_library_path() -> Path:
    """Return the library path: $BRIEFING_LIBRARY, else library.sqlite in the user data dir."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return user_library_path()


def user_library_path() -> Path:
    """Return library.sqlite in the per-user data dir: the one library whose folder is made."""
    import platformdirs  # only when no library is named: it costs start-up time otherwise

    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "library.sqlite"


def require_library_folder(path: Path) -> None:
    """Raise LibraryError if a new library at path would need folders made (a mistyped path).

    Only the per-user default library gets its folder made: it is where a first run starts.
    The command line and the desktop app both refuse any other library in a missing folder.

    >>> require_library_folder(Path("/no/such/folder/library.sqlite"))
    Traceback (most recent call last):
    ...
    briefing_app.core.errors.LibraryError: no folder /no/such/folder for the library
    """
    if path.exists() or path.parent.is_dir():
        return
    if path.expanduser().absolute() == user_library_path().absolute():
        return
    raise LibraryError(f"no folder {path.parent} for the library")


class Library:
    """An open library file, with one manager per noun: sources, claims, tags, notes."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, writer: str | None = None
    ) -> None:
        from briefing_app.core.records.claims import ClaimManager
        from briefing_app.core.records.sources import SourceManager
        from briefing_app.core.records.tags import TagManager

        self.conn = conn
        self.path = path
        self._listeners: list[Listener] = []
        self._pending: Changes | None = None
        self._closed = False
        # Whose commits these are in the commit log (storage/commit_log.py): a token of this
        # open library, or the window's, given to the connections of its background tasks.
        self.writer = writer or new_writer()
        # Why the backup on open failed, for the app to show (None: made, skipped or not asked).
        self.backup_error: str | None = None
        # Why the library opened for reading only (None: it is writable).
        self.read_only: str | None = None
        self.sources = SourceManager(self)
        self.claims = ClaimManager(self)
        self.tags = TagManager(self)

    # Managers made on first use: their modules (suggestion rules, diffing, JSON) take time to
    # import that opening a library for the window or one CLI command need not spend.
    @cached_property
    def notes(self) -> NoteManager:
        """Briefing notes."""
        from briefing_app.core.records.notes import NoteManager

        return NoteManager(self)

    @cached_property
    def questions(self) -> QuestionManager:
        """Key questions the brief must answer, with the claims assigned to each."""
        from briefing_app.core.records.questions import QuestionManager

        return QuestionManager(self)

    @cached_property
    def relations(self) -> RelationManager:
        """Relations between claims (corroborates, contradicts, repeats, updates)."""
        from briefing_app.core.records.relations import RelationManager

        return RelationManager(self)

    @cached_property
    def ach(self) -> AchManager:
        """ACH matrices of key questions: hypotheses, evidence rows, ratings and weights."""
        from briefing_app.core.ach.operations import AchManager

        return AchManager(self)

    @cached_property
    def assumptions(self) -> AssumptionManager:
        """Key assumptions of key questions (each also a row of the question's matrix)."""
        from briefing_app.core.ach.assumptions import AssumptionManager

        return AssumptionManager(self)

    @cached_property
    def search(self) -> SearchIndex:
        """Full-text search over sources and claims."""
        from briefing_app.core.records.search import SearchIndex

        return SearchIndex(self)

    @cached_property
    def comments(self) -> CommentManager:
        """Review comments on notes."""
        from briefing_app.core.review.comments import CommentManager

        return CommentManager(self)

    @cached_property
    def versions(self) -> VersionManager:
        """Note versions kept at each review round."""
        from briefing_app.core.review.versions import VersionManager

        return VersionManager(self)

    @cached_property
    def edits(self) -> EditManager:
        """Suggested edits (a reviewer's tracked changes) on notes."""
        from briefing_app.core.review.edits import EditManager

        return EditManager(self)

    @cached_property
    def parties(self) -> PartyManager:
        """Party names and their aliases."""
        from briefing_app.core.suggest.parties import PartyManager

        return PartyManager(self)

    @cached_property
    def suggestions(self) -> SuggestionManager:
        """Suggested claims for a source."""
        from briefing_app.core.suggest.manager import SuggestionManager

        return SuggestionManager(self)

    @classmethod
    def open(
        cls, path: Path | str, create: bool = True, *, backup: bool = True, writer: str = ""
    ) -> Library:
        """Open (creating and migrating if needed) the library at path; ':memory:' for tests.

        writer names whose commits this connection's are (`Library.writer` of the window whose
        background task opens it); by default a token of its own.

        With backup, an existing library is first copied into its rolling backups (see
        core.backup: skipped when the newest backup is recent or identical). Before a schema
        upgrade a backup is always made, whatever `backup` says. An app that wants an instant
        start opens with backup=False and runs `core.backup.backup_if_due(path)` in a worker
        thread. A new or in-memory library has nothing to back up.
        """
        is_memory = str(path) == ":memory:"
        p = None if is_memory else Path(path).expanduser()
        if p is not None:
            if not p.exists() and not create:
                raise LibraryError(f"{p}: no library at this path")
            if p.exists() and p.is_dir():
                raise LibraryError(f"{p}: is a folder, not a library file")
            if not create and _empty_file(p):
                # SQLite would take it for a new database, and the upgrade make it an empty
                # library: a read would write, and a library truncated by a failed copy would
                # look empty rather than broken (while its good backups aged out).
                raise LibraryError(f"{p}: the file is empty, not a Briefing library")
            p.parent.mkdir(parents=True, exist_ok=True)
            read_only = _read_only_reason(p)
            if read_only is not None:
                if not p.exists():
                    raise LibraryReadOnly(f"{read_only}; no library can be made there")
                return cls._open_for_reading(p, read_only, writer)
        conn: sqlite3.Connection | None = None
        backup_error = None
        try:
            conn = connect(":memory:" if p is None else p, wal=False)
            found = schema_version(conn)
            if found > latest_version():
                raise LibraryError(
                    f"{p}: made by a newer Briefing "
                    f"(schema {found}, this one knows {latest_version()})"
                )
            if found == 0 and _has_foreign_tables(conn):
                raise LibraryError(f"{p}: is an SQLite file but not a Briefing library")
            if p is not None:
                enable_wal(conn)
                upgrading = 0 < found < latest_version()
                if upgrading or (backup and found > 0):
                    backup_error = _back_up(conn, p, upgrading=upgrading)
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise _open_error(p, exc) from exc
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        lib = cls(conn, p, writer or None)
        lib.backup_error = backup_error
        return lib

    @classmethod
    def _open_for_reading(cls, path: Path, reason: str, writer: str) -> Library:
        """Open a library that cannot be written (reason says why): no backup, no upgrade."""
        # Without its side files in a folder that cannot hold them, SQLite reads a WAL library
        # only as immutable; with them, it reads it properly locked.
        wal_present = Path(f"{path}-wal").exists()
        folder_read_only = not os.access(path.parent, os.W_OK)
        conn = None
        try:
            conn = connect_read_only(path, immutable=folder_read_only and not wal_present)
            found = schema_version(conn)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise _open_error(path, exc) from exc
        if found != latest_version():
            conn.close()
            if found > latest_version():
                raise LibraryError(
                    f"{path}: made by a newer Briefing "
                    f"(schema {found}, this one knows {latest_version()})"
                )
            if found == 0:
                raise LibraryError(f"{path}: not a Briefing library")
            raise LibraryReadOnly(
                f"{reason}; the library needs an upgrade to open, which writes to it: "
                "make it writable"
            )
        lib = cls(conn, path, writer or None)
        lib.read_only = reason
        return lib

    def close(self) -> None:
        """Close the connection (checkpointing the WAL); listeners hear nothing more."""
        self.conn.close()
        self._closed = True
        self._listeners.clear()

    @property
    def closed(self) -> bool:
        """Return whether close() was called."""
        return self._closed

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace this open library's content with a backup's (File ▸ Restore from backup).

        The current content is backed up first (that backup's path is returned). Listeners
        then hear every record as changed, so every view reloads.
        """
        from briefing_app.core.storage.backup import restore_backup

        if self.path is None:
            raise LibraryError("an in-memory library has no backups")
        if self._pending is not None:
            raise LibraryError("cannot restore a backup in the middle of a write")
        try:
            before = self._all_ids()
        except sqlite3.DatabaseError:
            before = Changes()  # the file is too damaged to list: the views reload anyway
        # Closed while the file is replaced: a damaged file is renamed over, which an open
        # connection would not see, and its raw copy is read through Python, which would drop
        # this connection's locks (see core.storage.backup._save_current).
        self.conn.close()
        try:
            saved = restore_backup(backup, self.path, writer=self.writer)
        finally:
            self.conn = connect(self.path)
        migrate(self.conn)  # a backup from an older schema version is brought up to date
        changes = self._all_ids()
        changes.merge(before)
        self.announce(changes)
        return saved

    def _all_ids(self) -> Changes:
        """Every record id, by noun: what a wholesale replacement touches."""
        return every_record(self.conn)

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

    def announce(self, changes: Changes) -> None:
        """Tell listeners about changes committed elsewhere, e.g. by a worker's own connection.

        Views then refresh exactly as after a write made through this library.

        >>> lib = Library.open(":memory:")
        >>> heard = []
        >>> lib.subscribe(heard.append)
        >>> lib.announce(Changes(sources={3}, origin="import"))
        >>> heard[0].sources, heard[0].origin
        ({3}, 'import')
        """
        if not changes:
            return
        if self._pending is not None:
            # Listeners read the library: in the middle of a write they would see half of it.
            raise LibraryError("cannot announce changes in the middle of a write")
        for listener in list(self._listeners):
            listener(changes)

    @contextmanager
    def write(self, origin: object = None) -> Iterator[Changes]:
        """Run a write operation in one transaction; listeners hear its changes after commit.

        origin says who initiated it (see Changes.origin). Nested writes join the outer
        transaction and report with it, under the outer write's origin. The outer write also
        logs its changes under this library's writer in the same transaction, so another
        window learns them and this one (or its tasks' connections) can tell them as its own.
        """
        if self.read_only is not None:
            raise LibraryReadOnly(f"{self.read_only}; make it writable to change anything")
        outer = self._pending is None
        changes = Changes(origin=origin) if outer else self._pending
        assert changes is not None
        if outer:
            self._pending = changes
        try:
            with transaction(self.conn):
                yield changes
                if outer:
                    record(self.conn, self.writer, changes)
        finally:
            if outer:
                self._pending = None
        if outer:
            self.announce(changes)


def _back_up(conn: sqlite3.Connection, path: Path, *, upgrading: bool) -> str | None:
    """Make the on-open backup; a failure is reported, not fatal, unless a schema upgrade follows
    (an upgrade without a backup of the old file is not worth the risk)."""
    # Imported here: the app opens with backup=False and must not pay for it at start-up.
    from briefing_app.core.storage.backup import backup_on_open

    try:
        backup_on_open(conn, path, force=upgrading)
    except BackupError as exc:
        # The copy is checked page by page; a malformed copy means the library itself is.
        damage = damaged_error(path, exc)
        if damage is not None:
            raise damage from exc
        if upgrading:
            raise LibraryError(f"{path}: not upgraded, no backup could be made ({exc})") from exc
        return str(exc)
    return None


def _empty_file(path: Path) -> bool:
    """Return whether path is a file of no bytes with no write-ahead log holding its pages."""
    try:
        if path.stat().st_size:
            return False
    except OSError:
        return False  # missing or unreadable: said elsewhere
    wal = Path(f"{path}-wal")
    return not (wal.exists() and wal.stat().st_size)


def _read_only_reason(path: Path) -> str | None:
    """Return why the library at path can only be read (None if it can be written)."""
    if not os.access(path.parent, os.W_OK):
        # SQLite keeps the library's write-ahead log and its index beside it.
        return f"{path.parent}: the library's folder is not writable"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path}: the library file is read-only"
    return None


def _open_error(path: Path | None, exc: sqlite3.DatabaseError) -> LibraryError:
    """Return the one-line error for SQLite failing to open (or set up) the library."""
    typed = write_error(exc, str(path or ":memory:"))
    if typed is not None:
        return typed
    damage = damaged_error(path, exc)
    if damage is not None:
        return damage
    return LibraryError(f"{path}: not a Briefing library ({exc})")


def damaged_error(path: Path | None, exc: Exception) -> LibraryDamaged | None:
    """Return the one-line error for a library that exc shows is damaged, else None."""
    # SQLite's words for pages that do not hold what they should (SQLITE_CORRUPT).
    found = re.search(r"database disk image is malformed|database corruption[^)]*", str(exc))
    if found is None:
        return None
    return LibraryDamaged(
        f"{path or ':memory:'}: the library file is damaged ({found[0]}); "
        "restore a backup with `briefing backup list`"
    )


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])
