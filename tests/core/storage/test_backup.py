"""Rolling backups: made on open, rotated, verified by opening, and restorable."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.changes import Changes
from briefing_app.core.errors import BackupError, LibraryBusy, LibraryError
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage.backup import (
    backup_dir,
    backup_if_due,
    backup_on_open,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from briefing_app.core.storage.migrations import latest_version
from tests.core.storage.backup_helpers import make_legacy_backup


@pytest.fixture
def demo_path(library_path: Path) -> Path:
    """A closed library file holding the demo."""
    with Library.open(library_path) as lib:
        build_demo(lib)
    return library_path


def test_a_new_library_has_nothing_to_back_up(library_path: Path) -> None:
    Library.open(library_path).close()
    assert list_backups(library_path) == []


def test_reopening_a_library_with_nothing_in_it_makes_no_backup(library_path: Path) -> None:
    Library.open(library_path).close()
    Library.open(library_path).close()  # the second start of a new, still empty library
    assert backup_if_due(library_path) is None  # the app's background backup on open
    assert list_backups(library_path) == []
    assert not backup_dir(library_path).exists()


def test_a_library_holding_one_source_is_backed_up_on_open(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        lib.sources.add(ExtractedDocument(title="Report", text="Talks resumed."))
    Library.open(library_path).close()
    (backup,) = list_backups(library_path)
    assert (backup.sources, backup.claims, backup.notes) == (1, 0, 0)


def test_opening_an_existing_library_backs_it_up_in_a_folder_beside_it(demo_path: Path) -> None:
    with Library.open(demo_path) as lib:
        assert lib.backup_error is None
    backups = list_backups(demo_path)
    assert len(backups) == 1
    assert backups[0].path.parent == demo_path.parent / "backups"
    assert (backups[0].sources, backups[0].claims, backups[0].notes) == (1, 10, 1)


def test_reopening_soon_after_does_not_churn_the_rotation(demo_path: Path) -> None:
    for _ in range(3):
        Library.open(demo_path).close()
    assert len(list_backups(demo_path)) == 1


def test_an_unchanged_library_is_not_backed_up_again(demo_path: Path) -> None:
    Library.open(demo_path).close()
    with Library.open(demo_path, backup=False) as lib:
        made = backup_on_open(lib.conn, demo_path, min_interval=timedelta(0))
    assert made is None
    assert len(list_backups(demo_path)) == 1


def test_a_changed_library_is_backed_up_again_after_the_interval(demo_path: Path) -> None:
    Library.open(demo_path).close()
    with Library.open(demo_path, backup=False) as lib:
        lib.notes.update(1, title="Changed title")
    with Library.open(demo_path, backup=False) as lib:
        made = backup_on_open(lib.conn, demo_path, min_interval=timedelta(0))
    assert made is not None
    assert len(list_backups(demo_path)) == 2


def test_opening_without_backup_makes_none(demo_path: Path) -> None:
    Library.open(demo_path, backup=False).close()
    assert not backup_dir(demo_path).exists()


def test_rotation_keeps_the_newest_five(demo_path: Path) -> None:
    made = [make_backup(demo_path) for _ in range(7)]
    kept = [b.path for b in list_backups(demo_path)]
    assert kept == list(reversed(made[-5:]))
    assert not made[0].exists()
    assert not made[0].with_suffix(".json").exists()


def test_verify_accepts_a_good_backup(demo_path: Path) -> None:
    info = verify_backup(make_backup(demo_path))
    assert (info.schema_version, info.sources, info.claims) == (latest_version(), 1, 10)


def test_verify_detects_a_damaged_backup(demo_path: Path) -> None:
    path = make_backup(demo_path)
    data = bytearray(path.read_bytes())
    # Overwrite the middle pages (table b-trees) with garbage, keeping the header valid.
    for i in range(4096 * 2, len(data) - 4096, 7):
        data[i] = (data[i] * 31 + 17) % 256
    path.write_bytes(bytes(data))
    with pytest.raises(BackupError, match=r"damaged|does not open"):
        verify_backup(path)


def test_verify_detects_a_truncated_backup(demo_path: Path) -> None:
    path = make_backup(demo_path)
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(BackupError):
        verify_backup(path)


def test_verify_refuses_an_sqlite_file_that_is_not_a_library(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(BackupError, match="not a backup"):
        verify_backup(other)


def test_restore_brings_back_deleted_data(demo_path: Path) -> None:
    backup = make_backup(demo_path)
    with Library.open(demo_path) as lib:
        lib.notes.delete(1)
        assert lib.notes.all() == []
    saved = restore_backup(backup, demo_path)
    with Library.open(demo_path) as lib:
        assert len(lib.notes.all()) == 1
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The library as it was before the restore was kept: the restore can be undone.
    assert saved is not None
    assert verify_backup(saved).notes == 0


def test_restore_is_seen_by_a_connection_already_open(demo_path: Path) -> None:
    backup = make_backup(demo_path)
    with Library.open(demo_path) as lib:
        lib.notes.delete(1)
        restore_backup(backup, demo_path)
        assert len(lib.notes.all()) == 1


def test_restore_replaces_a_library_too_damaged_to_open(demo_path: Path) -> None:
    backup = make_backup(demo_path)
    demo_path.write_bytes(b"this is not a database" * 100)
    saved = restore_backup(backup, demo_path)
    assert saved is not None and saved.suffix == ".damaged"
    with Library.open(demo_path) as lib:
        assert lib.sources.count() == 1


def test_restore_waits_for_no_one_and_changes_nothing_while_another_process_writes(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_BUSY_TIMEOUT_MS", "50")
    backup = make_backup(demo_path)
    with Library.open(demo_path) as lib:
        lib.notes.delete(1)
    holder = sqlite3.connect(demo_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LibraryBusy):
            restore_backup(backup, demo_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Library.open(demo_path, backup=False) as lib:
        assert lib.notes.all() == []


def test_restore_refuses_a_damaged_backup_and_keeps_the_library(demo_path: Path) -> None:
    bad = backup_dir(demo_path) / "library-20200101T000000000000Z.sqlite"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(BackupError):
        restore_backup(bad, demo_path)
    with Library.open(demo_path, backup=False) as lib:
        assert lib.sources.count() == 1


def test_backup_if_due_works_on_its_own_connection_beside_an_open_library(
    demo_path: Path,
) -> None:
    with Library.open(demo_path, backup=False) as lib:
        made = backup_if_due(demo_path)
        assert made is not None
        assert backup_if_due(demo_path) is None  # just made: not due again
        lib.notes.update(1, title="Still writable")
    assert verify_backup(made).notes == 1


def _add_next_migration(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this Briefing knows one more schema version (adds a column), as the next will."""
    from briefing_app.core.storage import migrations

    current = migrations.latest_version()  # loads the real ones first
    step = migrations.Migration(
        current + 1,
        "test: add a column",
        lambda c: c.execute("ALTER TABLE notes ADD COLUMN x TEXT"),
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])


def test_a_schema_upgrade_is_always_preceded_by_a_backup_of_the_old_file(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_next_migration(monkeypatch)
    with Library.open(demo_path, backup=False) as lib:
        assert lib.schema_version == latest_version()
    (backup,) = list_backups(demo_path)
    assert verify_backup(backup.path).schema_version == latest_version() - 1


def test_no_upgrade_without_a_backup(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _add_next_migration(monkeypatch)
    backup_dir(demo_path).write_text("a file where the backups folder should be")
    before = latest_version() - 1
    with pytest.raises(LibraryError, match="not upgraded"):
        Library.open(demo_path)
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (before,)
    finally:
        conn.close()


def test_an_open_library_restores_a_backup_and_tells_its_views(demo_path: Path) -> None:
    backup = make_backup(demo_path)
    heard: list[Changes] = []
    with Library.open(demo_path) as lib:
        lib.subscribe(heard.append)
        note = lib.notes.all()[0]
        lib.notes.delete(note.id)
        heard.clear()
        saved = lib.restore_backup(backup)
        assert [n.title for n in lib.notes.all()] == [note.title]
        assert heard and note.id in heard[-1].notes and heard[-1].claims
        lib.claims.add(1, start=0, end=5)  # still writable after the restore
    assert saved is not None and verify_backup(saved).notes == 0


def test_an_open_library_restores_over_a_file_damaged_under_it(demo_path: Path) -> None:
    backup = make_backup(demo_path)
    with Library.open(demo_path, backup=False) as lib:
        demo_path.write_bytes(b"garbage" * 1000)  # a disk or sync tool wrecks the file
        lib.restore_backup(backup)
        assert lib.sources.count() == 1
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# Two libraries sharing a stem in one folder (lib.sqlite, lib.db) once shared their backups.


def _two_same_stem_libraries(tmp_path: Path) -> tuple[Path, Path]:
    """Return lib.sqlite (the demo: 1 note) and lib.db (one note titled 'Other library')."""
    first, second = tmp_path / "lib.sqlite", tmp_path / "lib.db"
    with Library.open(first) as lib:
        build_demo(lib)
    with Library.open(second) as lib:
        lib.notes.create("Other library", "sitrep", [("summary", "Summary")])
    return first, second


def _note_titles(path: Path) -> list[str]:
    with Library.open(path, backup=False) as lib:
        return [note.title for note in lib.notes.headers()]


def test_libraries_sharing_a_stem_each_see_and_restore_only_their_own_backups(
    tmp_path: Path,
) -> None:
    first, second = _two_same_stem_libraries(tmp_path)
    make_backup(first)
    make_backup(second)
    assert [b.notes for b in list_backups(first)] == [1]
    assert [b.path.name.startswith("lib.db.") for b in list_backups(second)] == [True]

    restore_backup(list_backups(first)[0], first)
    assert _note_titles(first) == ["Attack on Chinese workers in Khatlon province"]


def test_rotation_counts_only_the_library_s_own_backups(tmp_path: Path) -> None:
    first, second = _two_same_stem_libraries(tmp_path)
    theirs = make_backup(second)
    for _ in range(6):
        make_backup(first, keep=2)
    assert len(list_backups(first)) == 2
    assert theirs.exists() and [b.path for b in list_backups(second)] == [theirs]


def test_verify_and_restore_refuse_another_library_s_backup(tmp_path: Path) -> None:
    first, second = _two_same_stem_libraries(tmp_path)
    theirs = make_backup(second)
    before = first.read_bytes()
    with pytest.raises(BackupError, match=r"a backup of lib\.db, not of lib\.sqlite"):
        verify_backup(theirs, first)
    with pytest.raises(BackupError, match=r"a backup of lib\.db"):
        restore_backup(theirs, first)
    assert first.read_bytes() == before
    assert list_backups(first) == []


def test_an_old_style_backup_of_the_only_library_with_that_stem_is_still_offered(
    demo_path: Path,
) -> None:
    legacy = make_legacy_backup(demo_path)
    (listed,) = list_backups(demo_path)
    assert listed.path == legacy and listed.notes == 1
    assert verify_backup(legacy, demo_path).notes == 1
    # The next backup adopts it under the new naming, so a later same-stem library cannot
    # make it ambiguous.
    make_backup(demo_path)
    names = [b.path.name for b in list_backups(demo_path)]
    assert len(names) == 2 and all(n.startswith("library.sqlite.") for n in names)
    demo_path.with_name("library.db").write_bytes(demo_path.read_bytes())
    assert len(list_backups(demo_path)) == 2


def test_an_old_style_backup_shared_by_two_same_stem_libraries_is_offered_to_neither(
    tmp_path: Path,
) -> None:
    first, second = _two_same_stem_libraries(tmp_path)
    legacy = make_legacy_backup(second)
    assert list_backups(first) == [] and list_backups(second) == []
    before = first.read_bytes()
    with pytest.raises(BackupError, match="may be of another library"):
        restore_backup(legacy, first)
    assert first.read_bytes() == before
    # Not theirs to delete either: another library's rotation leaves it alone.
    for _ in range(6):
        make_backup(first)
    assert legacy.exists()


def test_restoring_an_old_style_backup_works_the_first_time(demo_path: Path) -> None:
    legacy = make_legacy_backup(demo_path)
    lib = Library.open(demo_path, backup=False)
    lib.notes.create("Written after the backup", "sitrep", [("developments", "Developments")])
    assert len(lib.notes.all()) == 2
    lib.close()
    saved = restore_backup(legacy, demo_path)  # renames the old-style file on the way
    assert saved is not None and saved.exists()
    lib = Library.open(demo_path, backup=False)
    assert [n.title for n in lib.notes.all()] == ["Attack on Chinese workers in Khatlon province"]
    lib.close()
