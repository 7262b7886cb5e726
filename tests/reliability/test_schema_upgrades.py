"""A library made by every earlier schema version opens in this one with every record intact.

The fixtures (tests/fixtures/schema/v{N}.sqlite) are made by the migrations themselves, see
tests/fixtures/make_schema_fixtures.py.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.library import Library
from briefing_app.core.storage.backup import list_backups, verify_backup
from briefing_app.core.storage.migrations import latest_version
from tests.fixtures import make_schema_fixtures as fixtures

FIXTURES = sorted(
    fixtures.FIXTURE_DIR.glob("v*.sqlite"), key=lambda p: int(p.stem.removeprefix("v"))
)
# A migration that deliberately renames or drops a table or column records it here, as
# (table, column or None for the whole table) -> (new table, new column or None), so the
# row-by-row comparison follows the data to its new home instead of calling it lost.
MOVED: dict[tuple[str, str | None], tuple[str, str | None]] = {}


def _tables(conn: sqlite3.Connection) -> list[str]:
    """User tables holding records (not SQLite's own, not full-text index internals)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    virtual = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    }
    return sorted(r[0] for r in rows if not any(r[0].startswith(f"{v}_") for v in virtual))


def _rows(conn: sqlite3.Connection, table: str) -> dict[Any, dict[str, Any]]:
    """Every row of table by its rowid (or whole-row key for WITHOUT ROWID tables)."""
    saved = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(f'SELECT rowid AS "__rowid", * FROM "{table}"').fetchall()
        # sqlite3.Row iterates over values, so .keys() is needed here.
        names = [k for k in rows[0].keys() if k != "__rowid"] if rows else []  # noqa: SIM118
        return {r["__rowid"]: {k: r[k] for k in names} for r in rows}
    except sqlite3.OperationalError:
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        return {tuple(r): dict(r) for r in rows}
    finally:
        conn.row_factory = saved


def test_every_earlier_schema_version_has_a_fixture() -> None:
    # The tests below run once per file the glob finds: finding none must fail, not pass.
    assert FIXTURES, f"no v*.sqlite fixture in {fixtures.FIXTURE_DIR}"
    missing = [v for v in range(1, latest_version()) if not fixtures.fixture_path(v).is_file()]
    assert not missing, (
        f"no upgrade fixture for schema version(s) {missing}: run "
        f"`python tests/fixtures/make_schema_fixtures.py {' '.join(map(str, missing))}` "
        "and commit the files"
    )
    unglobbed = {fixtures.fixture_path(v) for v in range(1, latest_version())} - set(FIXTURES)
    assert not unglobbed, f"the tests' glob misses {sorted(unglobbed)}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_each_fixture_was_made_by_the_migrations_at_its_version(fixture: Path) -> None:
    conn = sqlite3.connect(f"{fixture.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        recorded = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    finally:
        conn.close()
    assert f"v{version}" == fixture.stem
    assert recorded == list(range(1, version + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_a_library_from_each_schema_version_opens_with_every_record_intact(
    fixture: Path, tmp_path: Path
) -> None:
    library = tmp_path / "library.sqlite"
    shutil.copyfile(fixture, library)
    old = sqlite3.connect(library)
    before = {table: _rows(old, table) for table in _tables(old)}
    old_version = old.execute("PRAGMA user_version").fetchone()[0]
    old.close()

    with Library.open(library) as lib:
        assert lib.schema_version == latest_version()
        conn = lib.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        after_tables = set(_tables(conn))
        for table, rows in before.items():
            new_table, _ = MOVED.get((table, None), (table, None))
            assert new_table in after_tables, f"table {table} disappeared in the upgrade"
            after = _rows(conn, new_table)
            for key, row in rows.items():
                assert key in after, f"{table} row {key} lost in the upgrade"
                for column, value in row.items():
                    if table == "schema_migrations" and column == "applied_at":
                        continue
                    _, new_column = MOVED.get((table, column), (new_table, column))
                    if new_column is None:
                        continue  # deliberately dropped, recorded in MOVED
                    assert after[key].get(new_column) == value, f"{table}.{column} row {key}"
        _check_through_the_core(lib)

    if old_version < latest_version():
        # The file as it was before the upgrade was kept as a verified backup.
        backups = list_backups(library)
        assert backups
        assert verify_backup(backups[-1].path).schema_version == old_version


def _check_through_the_core(lib: Library) -> None:
    """What the user sees: texts, claim anchors, tags, the note, citations, search, new keys."""
    source = lib.sources.get(1)
    assert source.text == fixtures.SOURCE_1
    assert (source.title, source.outlet, source.reliability) == (
        "Attack on mining camp",
        "Asia Wire",
        "B",
    )
    for key in ("C1", "C2", "C3", "C5"):
        claim = lib.claims.by_key(key)
        assert claim is not None, key
        text = lib.sources.get(claim.source_id).text
        assert text[claim.start : claim.end] == claim.quote
    assert lib.claims.by_key("C4") is None
    c1 = lib.claims.by_key("C1")
    assert c1 is not None and sorted(c1.tags) == ["Khatlon", "casualties"]
    assert c1.status == "corroborated"
    note = lib.notes.find("Attack on Chinese mining camp")
    assert [s.key for s in note.sections] == [
        "summary",
        "issue",
        "background",
        "considerations",
        "recommendation",
    ]
    assert lib.notes.cited_keys(note) == ["C1", "C5", "C2"]
    assert note.status == "in review"
    hits = lib.conn.execute(
        "SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'evacuated'"
    ).fetchall()
    assert [h[0] for h in hits] == [1]
    # The views for people reading the file with sqlite-utils (schema 5) see the old records.
    grades = lib.conn.execute("SELECT key, grade, source_title FROM claims_with_sources")
    assert sorted(tuple(r) for r in grades) == [
        ("C1", "B2", "Attack on mining camp"),
        ("C2", "B3", "Attack on mining camp"),
        ("C3", "B4", "Attack on mining camp"),
        ("C5", "F6", "Embassy statement"),
    ]
    # Keys are never reused: the next claim continues after the highest ever handed out.
    assert lib.claims.add(1, quote="mining camp").key == "C6"


def test_the_committed_fixtures_match_what_the_migrations_make(tmp_path: Path) -> None:
    assert FIXTURES, f"no v*.sqlite fixture in {fixtures.FIXTURE_DIR}"
    for fixture in FIXTURES:
        version = int(fixture.stem.removeprefix("v"))
        fresh = fixtures.build(version, tmp_path)
        a, b = sqlite3.connect(fixture), sqlite3.connect(fresh)
        try:
            for table in _tables(a):
                assert _rows(a, table) == _rows(b, table), f"v{version} {table} differs"
            schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            assert a.execute(schema).fetchall() == b.execute(schema).fetchall()
        finally:
            a.close()
            b.close()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_a_source_from_an_older_library_is_still_found_when_imported_again_spaced_anew(
    fixture: Path, tmp_path: Path
) -> None:
    from briefing_app.core.errors import DuplicateSource
    from briefing_app.core.importers.base import ExtractedDocument

    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    lib = Library.open(copy, backup=False)
    try:
        # The words hash is filled in for sources stored before it existed.
        spaced = "\n\n".join(fixtures.SOURCE_1.split("\n"))
        with pytest.raises(DuplicateSource) as found:
            lib.sources.add(ExtractedDocument(title="Attack on mining camp", text=spaced + " "))
        assert found.value.existing.id == 1
    finally:
        lib.close()
