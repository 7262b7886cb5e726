"""Rolling backups of a library file, made with SQLite's online backup API, and restoring one.

Backups live in a `backups/` folder beside the library, named
`<library file name>.<UTC time>.sqlite` (e.g. `lib.sqlite.20250101T120000000000Z.sqlite`),
each with a small `.json` sidecar (what it holds, the library's file name, and a fingerprint of
the library it copied). The full file name keys them: `lib.sqlite` and `lib.db` in one folder
never see, prune or restore each other's.

Older versions named them `<library stem>-<UTC time>.sqlite`, which two libraries sharing a stem
also shared. Such a legacy backup is attributed to a library only while no other SQLite file in
the library's folder has the same stem (it is then renamed to the new scheme the next time a
backup is made, so the attribution sticks); otherwise it is offered to neither library.
The API the app and the command line use:

- `make_backup(lib_path)` -> Path of a new, verified backup (the last `KEEP` are kept);
- `backup_if_due(lib_path)` -> the on-open backup, for a worker thread (None when skipped: a
  library with nothing in it yet, or one backed up recently or unchanged since);
- `list_backups(lib_path)` -> backups, newest first;
- `verify_backup(path, lib_path)` -> BackupInfo, or BackupError if it does not open as a sound
  library (or, given lib_path, is recognisably a backup of another library);
- `restore_backup(backup, lib_path)` -> replaces the library's content with the backup's in one
  step, after backing up the current library (whose backup path it returns).
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing_app.core.errors import BackupError, LibraryReadOnly
from briefing_app.core.storage.commit_log import new_writer, position, record
from briefing_app.core.storage.connection import (
    connect,
    connect_read_only,
    is_busy_error,
    transaction,
)
from briefing_app.core.storage.migrations import latest_version

BACKUP_DIR = "backups"
KEEP = 5
# An app opened and closed many times in a row (or a script running many CLI commands) would
# otherwise push every useful older backup out of the rotation within minutes.
MIN_INTERVAL = timedelta(minutes=10)
_STAMP = "%Y%m%dT%H%M%S%fZ"
# The character between the owner and the time: "." keys by full file name, "-" is the legacy
# stem-keyed naming. The time itself contains neither, so the last one found splits the name.
_NEW_SEP = "."
_LEGACY_SEP = "-"
# SQLite's files beside a database: never opened here while SQLite may hold them (see
# _is_sqlite_database), and never taken for a library of their own.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# Tables a new library already fills (schema version, the commit log's first entry, key
# counters): rows there alone are not the analyst's work.
_BOOKKEEPING = frozenset({"schema_migrations", "commit_log", "counters"})


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was made and what it holds (None when unknown)."""

    path: Path
    created_at: datetime
    size: int
    schema_version: int | None = None
    sources: int | None = None
    claims: int | None = None
    notes: int | None = None

    def describe(self) -> str:
        """Return one line for lists: local time, counts and size."""
        when = self.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if self.sources is None:
            counts = "contents unknown"
        else:
            counts = f"{self.sources} sources, {self.claims} claims, {self.notes} notes"
        return f"{when}  {counts}  ({_human_size(self.size)})  {self.path.name}"


def backup_dir(lib_path: Path) -> Path:
    """Return the folder holding lib_path's backups."""
    return Path(lib_path).parent / BACKUP_DIR


def list_backups(lib_path: Path) -> list[BackupInfo]:
    """Return the backups of the library at lib_path, newest first (reads sidecars, not files)."""
    lib_path = Path(lib_path)
    folder = backup_dir(lib_path)
    if not folder.is_dir():
        return []
    found = []
    for path in _own_backup_files(lib_path):
        created = _split_name(path)[2]
        if created is None:
            continue
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            continue  # pruned by another process since the folder was read
        meta = _read_sidecar(path)
        found.append(
            BackupInfo(
                path=path,
                created_at=created,
                size=size,
                schema_version=_int_or_none(meta.get("schema_version")),
                sources=_int_or_none(meta.get("sources")),
                claims=_int_or_none(meta.get("claims")),
                notes=_int_or_none(meta.get("notes")),
            )
        )
    found.sort(key=lambda b: b.created_at, reverse=True)
    return found


def _own_backup_files(lib_path: Path) -> list[Path]:
    """Return the backup files that are lib_path's: named by its file name, or legacy-attributed."""
    folder = backup_dir(lib_path)
    own = [
        path
        for path in folder.glob(f"{glob.escape(lib_path.name)}{_NEW_SEP}*.sqlite")
        if _owner(path) == lib_path.name
    ]
    if _legacy_attributable(lib_path):
        own += [
            path
            for path in folder.glob(f"{glob.escape(lib_path.stem)}{_LEGACY_SEP}*.sqlite")
            if _is_legacy_of(path, lib_path)
        ]
    return own


def _split_name(path: Path) -> tuple[str, str, datetime | None]:
    """Split a backup file name into (owner, separator, time); time None if not a backup name."""
    name = path.name
    if not name.endswith(".sqlite"):
        return "", "", None
    body = name[: -len(".sqlite")]
    cut = max(body.rfind(_NEW_SEP), body.rfind(_LEGACY_SEP))
    if cut <= 0:
        return "", "", None
    return body[:cut], body[cut], _parse_stamp(body[cut + 1 :])


def _owner(path: Path) -> str | None:
    """Return the library file name a new-style backup belongs to (None if not new-style)."""
    owner, sep, created = _split_name(path)
    if created is None or sep != _NEW_SEP:
        return None
    recorded = _read_sidecar(path).get("library")
    # A sidecar that names another library contradicts the file name: trust neither.
    if recorded is not None and recorded != owner:
        return None
    return owner


def _is_legacy_of(path: Path, lib_path: Path) -> bool:
    """Return whether path is named as a legacy (stem-keyed) backup of lib_path's stem."""
    owner, sep, created = _split_name(path)
    recorded = _read_sidecar(path).get("library")
    return (
        created is not None
        and sep == _LEGACY_SEP
        and owner == lib_path.stem
        and recorded in (None, lib_path.name)
    )


def _legacy_attributable(lib_path: Path) -> bool:
    """Return whether legacy backups named by lib_path's stem can only be lib_path's.

    They can while no other SQLite file beside the library shares its stem. (A same-stem
    library deleted since cannot be seen; its old backups would then be attributed here.)
    """
    stem = lib_path.stem
    folder = lib_path.parent
    try:
        candidates = [folder / stem, *folder.glob(f"{glob.escape(stem)}.*")]
    except OSError:
        return False
    for other in candidates:
        if other.name == lib_path.name or other.stem != stem or _is_side_file(other):
            continue
        if _is_sqlite_database(other):
            return False
    return True


def _is_side_file(path: Path) -> bool:
    """Return whether path is named as SQLite's WAL, shared-memory index or journal of a file."""
    return path.name.endswith(_SIDE_SUFFIXES)


def _is_sqlite_database(path: Path) -> bool:
    """Return whether SQLite reads path as a database (asked through SQLite, never opened here).

    Opening and closing a file through Python drops every POSIX lock this process holds on it
    (SQLite's locks included), and another process may then rebuild a shared-memory index that
    SQLite here still uses: it dies by SIGBUS. SQLite shares one descriptor per file instead.
    """
    try:
        # An empty file would read as an empty database; it is no library.
        if not path.is_file() or path.stat().st_size == 0:
            return False
        conn = _open_read_only(path)
    except (OSError, sqlite3.Error):
        return False
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        # A database another process holds locked is still a database.
        return is_busy_error(exc)
    finally:
        conn.close()
    return True


def _adopt_legacy(lib_path: Path) -> None:
    """Rename lib_path's attributable legacy backups to the new naming, so the claim sticks."""
    if not backup_dir(lib_path).is_dir() or not _legacy_attributable(lib_path):
        return
    for path in backup_dir(lib_path).glob(f"{glob.escape(lib_path.stem)}{_LEGACY_SEP}*.sqlite"):
        if not _is_legacy_of(path, lib_path):
            continue
        created = _split_name(path)[2]
        if created is None:
            continue
        target = path.with_name(f"{lib_path.name}{_NEW_SEP}{created.strftime(_STAMP)}.sqlite")
        if target.exists():
            continue
        meta = _read_sidecar(path)
        # Best effort: an unrenamed legacy backup is still listed while it stays attributable.
        with contextlib.suppress(OSError):
            os.replace(path, target)
            meta["library"] = lib_path.name
            _sidecar(target).write_text(json.dumps(meta, indent=1), encoding="utf-8")
            _sidecar(path).unlink(missing_ok=True)


def make_backup(
    lib_path: Path, *, conn: sqlite3.Connection | None = None, keep: int | None = KEEP
) -> Path:
    """Copy the library into a new verified backup and prune old ones (keep=None keeps all).

    conn, if given, is an open connection to the library (the copy then sees its transaction
    state); otherwise a read-only connection is opened for the copy.
    """
    lib_path = Path(lib_path)
    if conn is None and not lib_path.is_file():
        raise BackupError(f"{lib_path}: no library to back up")
    _adopt_legacy(lib_path)
    try:
        target = _copy_to_new_backup(lib_path, conn)
    except OSError as exc:
        where = exc.filename or backup_dir(lib_path)
        raise BackupError(f"{where}: cannot write the backup ({exc.strerror or exc})") from exc
    if keep is not None:
        prune_backups(lib_path, keep)
    return target


def _copy_to_new_backup(lib_path: Path, conn: sqlite3.Connection | None) -> Path:
    """Copy, rename into place, verify and describe one backup; return its path."""
    folder = backup_dir(lib_path)
    folder.mkdir(parents=True, exist_ok=True)
    fingerprint = _fingerprint(lib_path)
    target = _new_backup_path(lib_path)
    partial = target.with_name(target.name + ".partial")
    try:
        source = conn if conn is not None else _open_read_only(lib_path)
    except sqlite3.Error as exc:
        raise BackupError(f"{lib_path}: cannot back up ({exc})") from exc
    try:
        _copy_database(source, partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        if is_busy_error(exc):
            raise BackupError(f"{lib_path}: cannot back up, the library is busy") from exc
        raise BackupError(f"{lib_path}: cannot back up ({exc})") from exc
    finally:
        if conn is None:
            source.close()
    os.replace(partial, target)
    _fsync_dir(folder)
    try:
        info = verify_backup(target)
    except BackupError:
        target.unlink(missing_ok=True)
        raise
    _write_sidecar(target, info, fingerprint, lib_path.name)
    return target


def backup_on_open(
    conn: sqlite3.Connection,
    lib_path: Path,
    *,
    force: bool = False,
    keep: int = KEEP,
    min_interval: timedelta = MIN_INTERVAL,
) -> Path | None:
    """Back up a library being opened unless it holds nothing yet, or its newest backup is recent
    or already identical.

    force (used before a schema upgrade) backs up regardless. Returns the new backup or None.
    """
    if not force and not _holds_user_data(conn):
        # A backup of a library with nothing in it restores nothing; each one would only clutter
        # the list and push older backups that do hold something out of the rotation.
        return None
    backups = list_backups(lib_path)
    if backups and not force:
        newest = backups[0]
        if datetime.now(UTC) - newest.created_at < min_interval:
            return None
        if _read_sidecar(newest.path).get("fingerprint") == _fingerprint(lib_path):
            return None
    return make_backup(lib_path, conn=conn, keep=keep)


def _holds_user_data(conn: sqlite3.Connection) -> bool:
    """Return whether any table of records (not bookkeeping or a search index) has a row."""
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    ).fetchall()
    indexes = [name for name, sql in tables if str(sql).upper().startswith("CREATE VIRTUAL")]
    for name, _sql in tables:
        if name in _BOOKKEEPING or any(name.startswith(i) for i in indexes):
            continue  # an index and its shadow tables (claims_fts_data…) mirror the records
        if conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None:
            return True
    return False


def backup_if_due(
    lib_path: Path, *, keep: int = KEEP, min_interval: timedelta = MIN_INTERVAL
) -> Path | None:
    """Make the on-open backup with a connection of its own (safe in a worker thread).

    For apps that open the library with backup=False to show their window at once; a large
    library takes a second or so to copy and verify. Returns the new backup or None.
    """
    lib_path = Path(lib_path)
    if not lib_path.is_file():
        return None
    conn = _open_read_only(lib_path)
    try:
        return backup_on_open(conn, lib_path, keep=keep, min_interval=min_interval)
    finally:
        conn.close()


def prune_backups(lib_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups of lib_path; return the deleted paths."""
    removed = []
    for info in list_backups(lib_path)[keep:]:
        info.path.unlink(missing_ok=True)
        _sidecar(info.path).unlink(missing_ok=True)
        removed.append(info.path)
    # Copies cut short by a crash; an hour old so another process's copy in progress is spared.
    stale = datetime.now(UTC).timestamp() - 3600
    name = glob.escape(Path(lib_path).name)
    for partial in backup_dir(lib_path).glob(f"{name}{_NEW_SEP}*.sqlite.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < stale:
                partial.unlink()
                removed.append(partial)
    return removed


def verify_backup(path: Path, lib_path: Path | None = None) -> BackupInfo:
    """Open a backup read-only and check it is a sound library; raise BackupError if not.

    Given lib_path, also refuse a backup that belongs to another library (or to one it cannot
    be told apart from).
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup")
    if lib_path is not None:
        _check_owner(path, Path(lib_path))
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as exc:
        raise BackupError(f"{path.name}: the backup does not open ({exc})") from exc
    try:
        check = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if check != ["ok"]:
            raise BackupError(f"{path.name}: the backup is damaged ({check[0]})")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupError(f"{path.name}: the backup has broken links between records")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if not 1 <= version <= latest_version():
            raise BackupError(
                f"{path.name}: not a backup this Briefing can open (schema {version})"
            )
        counts = [
            int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("sources", "claims", "notes")
        ]
    except sqlite3.Error as exc:
        raise BackupError(f"{path.name}: the backup is damaged ({exc})") from exc
    finally:
        conn.close()
    created = _split_name(path)[2] or datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return BackupInfo(path, created, path.stat().st_size, version, *counts)


def _check_owner(path: Path, lib_path: Path) -> None:
    """Raise BackupError if path is named or recorded as a backup of a library other than lib_path.

    A file not named as a backup and without a sidecar is a copy the user chose: allowed.
    """
    owner, sep, created = _split_name(path)
    recorded = _read_sidecar(path).get("library")
    if created is not None and sep == _NEW_SEP:
        if owner != lib_path.name:
            raise BackupError(f"{path.name}: a backup of {owner}, not of {lib_path.name}")
        if recorded not in (None, lib_path.name):
            raise BackupError(f"{path.name}: its record says it is a backup of {recorded}")
        return
    if created is not None and sep == _LEGACY_SEP:
        if recorded not in (None, lib_path.name):
            raise BackupError(f"{path.name}: its record says it is a backup of {recorded}")
        if owner != lib_path.stem:
            raise BackupError(
                f"{path.name}: a backup of another library ({owner}), not of {lib_path.name}"
            )
        if recorded is None and not _legacy_attributable(lib_path):
            raise BackupError(
                f"{path.name}: an old backup that may be of another library named "
                f"{owner}.* beside {lib_path.name}; restore it only by copying it yourself"
            )
        return
    if recorded is not None and recorded != lib_path.name:
        raise BackupError(f"{path.name}: its record says it is a backup of {recorded}")


def restore_backup(backup: Path | BackupInfo, lib_path: Path, *, writer: str = "") -> Path | None:
    """Replace the library's content with a verified backup's, in one step.

    The current library is backed up first (its backup path is returned; None if there was no
    library). Raises BackupError for a bad backup, LibraryBusy if another process is writing and
    LibraryReadOnly, before anything is done, if the library file is read-only.
    The restore is logged as a commit of writer (by default a token of its own) that may have
    changed every record, so a window with the library open reloads every view.
    """
    backup_path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    lib_path = Path(lib_path)
    if lib_path.exists() and not os.access(lib_path, os.W_OK):
        # A restore would rename a new, writable file over it: the protection would be gone.
        raise LibraryReadOnly(
            f"{lib_path}: the library file is read-only; make it writable to restore a backup"
        )
    verify_backup(backup_path, lib_path)
    # Opened before the safety backup is made: making it renames old-style backups (this one
    # too, perhaps) to the current naming, and an open file is read through its rename.
    source = _open_read_only(backup_path)
    try:
        saved = _save_current(lib_path)
        if not _restore_in_place(source, lib_path, writer or new_writer()):
            _restore_by_replacing(source, lib_path)
    except sqlite3.Error as exc:
        raise BackupError(f"{backup_path.name}: could not be restored ({exc})") from exc
    finally:
        source.close()
    return saved


def _save_current(lib_path: Path) -> Path | None:
    """Back up the library about to be replaced; keep a raw copy if it is too damaged to open."""
    if not lib_path.exists():
        return None
    try:
        # keep=None: pruning now could delete the very backup being restored.
        return make_backup(lib_path, keep=None)
    except BackupError as exc:
        if "busy" in str(exc):
            raise
    # The one read of the library through Python, for a file SQLite cannot copy: callers hold
    # no connection to it in this process (closing this copy's descriptor would drop its locks).
    raw = _new_backup_path(lib_path).with_suffix(".damaged")
    shutil.copy2(lib_path, raw)
    wal = Path(f"{lib_path}-wal")
    if wal.exists():
        shutil.copy2(wal, Path(f"{raw}-wal"))
    return raw


def _restore_in_place(source: sqlite3.Connection, lib_path: Path, writer: str) -> bool:
    """Copy source over the live library through SQLite, atomically for every connection.

    Returns False if the library file cannot be opened as a database (then it is replaced:
    a window's connection keeps reading the file it opened, so it has nothing to be told).
    """
    if not lib_path.exists():
        return False
    try:
        live = connect(lib_path)
    except sqlite3.DatabaseError:
        return False
    try:
        # Probe the write lock first: the backup API would otherwise retry forever while
        # another process writes. LibraryBusy propagates to the caller.
        with transaction(live):
            pass
        source.backup(live)
        if live.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{lib_path}: the restored library failed its integrity check")
        if position(live) is not None:
            # The backup's own log says nothing of what the restore replaced. (A backup of a
            # schema before the log has none: a window's poll finds no log, and reloads.)
            with transaction(live):
                record(live, writer, None)
    except sqlite3.DatabaseError as exc:
        if is_busy_error(exc):
            raise
        return False
    finally:
        live.close()
    return True


def _restore_by_replacing(source: sqlite3.Connection, lib_path: Path) -> None:
    """Write the backup beside the library and rename it over the (damaged or missing) file."""
    lib_path.parent.mkdir(parents=True, exist_ok=True)
    partial = lib_path.with_name(lib_path.name + ".restoring")
    partial.unlink(missing_ok=True)
    _copy_database(source, partial)
    # A stale WAL beside the new file would be replayed into it.
    for extra in (Path(f"{lib_path}-wal"), Path(f"{lib_path}-shm")):
        extra.unlink(missing_ok=True)
    os.replace(partial, lib_path)
    _fsync_dir(lib_path.parent)


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy source into a new self-contained file at target (rollback journal, fsynced)."""
    target.unlink(missing_ok=True)
    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(dest)
        # The copy carries the library's WAL flag; a backup file must stand alone.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def _open_read_only(path: Path) -> sqlite3.Connection:
    conn = connect_read_only(Path(path))
    conn.execute("PRAGMA query_only = ON")
    return conn


def _new_backup_path(lib_path: Path) -> Path:
    folder = backup_dir(lib_path)
    now = datetime.now(UTC)
    while True:
        path = folder / f"{lib_path.name}{_NEW_SEP}{now.strftime(_STAMP)}.sqlite"
        if not path.exists():
            return path
        now += timedelta(microseconds=1)


def _parse_stamp(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _fingerprint(lib_path: Path) -> list[int]:
    """Size and mtime of the library file, plus its WAL's size: equal means unchanged."""
    try:
        stat = lib_path.stat()
    except OSError:
        return []
    wal = Path(f"{lib_path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return [stat.st_size, stat.st_mtime_ns, wal_size]


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _read_sidecar(path: Path) -> dict[str, object]:
    try:
        data = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_sidecar(path: Path, info: BackupInfo, fingerprint: list[int], library: str) -> None:
    data = {
        "library": library,
        "schema_version": info.schema_version,
        "sources": info.sources,
        "claims": info.claims,
        "notes": info.notes,
        "fingerprint": fingerprint,
    }
    # The sidecar only saves work; the backup itself is complete without it.
    with contextlib.suppress(OSError):
        _sidecar(path).write_text(json.dumps(data, indent=1), encoding="utf-8")


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024**2:
        return f"{size / 1024:.0f} KB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f} MB"
    return f"{size / 1024**3:.1f} GB"
