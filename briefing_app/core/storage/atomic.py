"""Writing a file atomically: into a temporary file beside it, moved into place when complete."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from briefing_app.core.errors import CannotWrite, ReadOnlyTarget

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

# `.memo.docx.k3j_x9a2.tmp`: tempfile's eight random characters between our prefix and suffix.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
# What SQLite keeps beside a database while it is open (or after a crash).
_SIDE_FILES = ("-wal", "-shm", "-journal")
# Without file locks, a temporary this old is taken for abandoned: no export takes an hour.
_ABANDONED_AFTER_S = 3600


def _umask() -> int:
    # There is no way to read the umask without setting it; set it back at once.
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: Path | str, *, replace_read_only: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces target, on failure it goes.

    A new file gets the usual permissions (0666 less the umask), not the owner-only mode of a
    temporary file, so a memo saved to a shared folder can be opened; a replaced file keeps its
    mode. A write-protected target raises ReadOnlyTarget unless replace_read_only. Temporaries
    left in the folder by a killed process are removed first. A missing folder or a failed
    write is one line naming the target, never the temporary.

    >>> with atomic_path("/tmp/briefing-doctest.txt") as tmp:
    ...     _ = tmp.write_text("done")
    """
    target = Path(target).expanduser()
    if not target.parent.is_dir():
        raise CannotWrite(f"{target.parent}: no such folder")
    if target.is_dir():
        raise CannotWrite(f"{target}: is a folder")
    if holds_a_database(target):
        # `-o library.sqlite` in a script would put a memo where the library was.
        raise CannotWrite(
            f"{target}: is a database or a file SQLite keeps beside one (a library, its log, "
            "a backup); nothing is written over it"
        )
    mode = _mode_to_keep(target, replace_read_only)
    remove_abandoned_temporaries(target.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise CannotWrite(f"{target}: cannot write there ({exc.strerror or exc})") from exc
    tmp = Path(name)
    if fcntl is None:
        os.close(fd)  # Windows renames no file that is open
        fd = -1
    else:
        # Held while the temporary exists, so another export's clean-up leaves it alone.
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield tmp
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise CannotWrite(f"{target}: cannot write it ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if fd != -1:
            os.close(fd)


def holds_a_database(target: Path) -> bool:
    """Return whether target is an SQLite database, or a file SQLite keeps beside one.

    >>> holds_a_database(Path("/tmp/no-such-briefing-file.docx"))
    False
    """
    for side in _SIDE_FILES:
        base = target.name.removesuffix(side)
        if base != target.name and target.with_name(base).is_file():
            return True
    try:
        if not target.is_file() or target.stat().st_size == 0:
            return False
    except OSError:
        return False
    # Asked of SQLite, never read through Python: were target a library this process has
    # open, closing a descriptor of ours would drop SQLite's locks on it (test_side_files).
    try:
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # reads the header, nothing more
    except sqlite3.DatabaseError as exc:
        # Locked by another process is a database too; only "not a database" is not one.
        return "not a database" not in str(exc)
    finally:
        conn.close()
    return True


def _mode_to_keep(target: Path, replace_read_only: bool) -> int:
    """Return the mode for the file about to replace target; refuse a write-protected one."""
    try:
        current = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        raise CannotWrite(f"{target}: cannot write it ({exc.strerror or exc})") from exc
    # The write bits, not os.access: an administrator may write anything, yet a file someone
    # protected is still not to be overwritten unasked.
    if not replace_read_only and not current & 0o222:
        raise ReadOnlyTarget(f"{target}: the file is read-only; not replaced")
    return current


def remove_abandoned_temporaries(folder: Path) -> list[Path]:
    """Delete the temporaries of atomic_path in folder that no running export holds."""
    removed = []
    try:
        candidates = [p for p in folder.iterdir() if _TEMPORARY.fullmatch(p.name)]
    except OSError:
        return []
    for path in candidates:
        with contextlib.suppress(OSError):
            if _abandoned(path):
                path.unlink()
                removed.append(path)
    return removed


def _abandoned(path: Path) -> bool:
    """Return whether no process is writing path (its writer holds a lock while alive)."""
    if fcntl is None:
        return time.time() - path.stat().st_mtime > _ABANDONED_AFTER_S
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # also releases the probe's lock
    return True
