"""No code path opens the library file or SQLite's files beside it through Python (issue 22 §1).

On Linux, closing any descriptor of a file drops every POSIX lock the process holds on it,
SQLite's included: another process then rebuilds the shared-memory index under this one, which
dies by SIGBUS. Only SQLite may open `<library>`, `-wal`, `-shm` and `-journal`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library
from briefing_app.core.storage.backup import (
    backup_if_due,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
    verify_backup,
)
from tests.core.storage.backup_helpers import age_backup, make_legacy_backup

_watching: list[tuple[set[str], list[str]]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event != "open" or not _watching or not isinstance(args[0], str | bytes | os.PathLike):
        return
    opened = os.path.abspath(os.fsdecode(args[0]))  # type: ignore[arg-type]
    for forbidden, seen in _watching:
        if opened in forbidden:
            seen.append(opened)


# An audit hook cannot be removed: one for the session, watching only inside `opens_of`.
sys.addaudithook(_audit)


@contextmanager
def opens_of(lib_path: Path) -> Iterator[list[str]]:
    """Collect every Python-level open of the library or its -wal, -shm or -journal file."""
    base = os.path.abspath(lib_path)
    forbidden = {base, f"{base}-wal", f"{base}-shm", f"{base}-journal"}
    seen: list[str] = []
    _watching.append((forbidden, seen))
    try:
        yield seen
    finally:
        _watching.remove((forbidden, seen))


def test_opening_writing_backing_up_and_restoring_never_open_the_library_s_files(
    library_path: Path,
) -> None:
    with Library.open(library_path) as lib:
        build_demo(lib)
    make_legacy_backup(library_path, age_backup(make_backup(library_path), hours=3))
    old = age_backup(make_backup(library_path), hours=2)
    with Library.open(library_path, backup=False) as lib:  # changed since that backup
        lib.notes.create("Written since", "sitrep", [("summary", "Summary")])
    with opens_of(library_path) as seen:
        lib = Library.open(library_path)  # a backup is due: the newest is two hours old
        assert lib.backup_error is None
        assert list_backups(library_path)[0].created_at > datetime.now(UTC) - timedelta(minutes=1)
        lib.notes.create("Written while open", "sitrep", [("summary", "Summary")])
        made = make_backup(library_path, conn=lib.conn)
        verify_backup(made, library_path)
        lib.notes.create("Written after that", "sitrep", [("summary", "Summary")])
        assert backup_if_due(library_path, min_interval=timedelta(0)) is not None
        prune_backups(library_path, keep=3)
        backups = list_backups(library_path)
        restore_backup(backups[-1], library_path)
        lib.restore_backup(made)
        titles = {n.title for n in lib.notes.all()}
        assert "Written while open" in titles and "Written after that" not in titles
        lib.close()
    assert seen == []
    assert not old.exists()  # pruned: the walk really went through the rotation


def test_telling_apart_libraries_sharing_a_stem_opens_neither_s_files(library_path: Path) -> None:
    other = library_path.with_name(f"{library_path.stem}.db")
    for path in (library_path, other):
        with Library.open(path) as lib:
            lib.notes.create(path.name, "sitrep", [("summary", "Summary")])
        make_backup(path)
    # Both open in this process, as a script comparing two libraries would have them.
    with (
        Library.open(library_path) as lib,
        Library.open(other) as other_lib,
        opens_of(library_path) as seen,
        opens_of(other) as seen_other,
    ):
        for path in (library_path, other):
            lib.notes.create("More", "sitrep", [("summary", "Summary")])
            other_lib.notes.create("More", "sitrep", [("summary", "Summary")])
            assert len(list_backups(path)) == 1
            make_backup(path)
    assert seen == [] and seen_other == []
