"""A migration that reshapes a table (sqlite-utils' transform) loses nothing: rows, links between
them, full-text search and the triggers that keep it, the views, the text-immutability rule."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from briefing_app.core.errors import ImmutableText, LibraryError
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage import migrations
from briefing_app.core.storage.migrations import Migration, latest_version, migrate
from briefing_app.core.storage.reshape import reshape_table

ARTICLE = (
    "Officials said three workers were killed in the attack on the mining camp. "
    "The ministry confirmed the camp had been evacuated before dawn."
)
STATEMENT = "Beijing urged Dushanbe to protect Chinese nationals and projects."


def _with_sources_and_claims(lib: Library) -> None:
    first = lib.sources.add(ExtractedDocument(title="Attack on mining camp", text=ARTICLE))
    second = lib.sources.add(ExtractedDocument(title="Embassy statement", text=STATEMENT))
    lib.sources.set_tags(first.id, ["place:Khatlon"])
    lib.claims.add(first.id, quote="three workers were killed", party="Officials", tags=["dead"])
    lib.claims.add(first.id, quote="had been evacuated", party="The ministry", credibility=2)
    lib.claims.add(second.id, quote="protect Chinese nationals", party="Beijing")


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]


def _migrate_with(
    monkeypatch: pytest.MonkeyPatch, lib: Library, step: Callable[[sqlite3.Connection], None]
) -> None:
    """Run step as the next registered migration on lib's file, as an upgrade would."""
    extra = Migration(latest_version() + 1, "test reshape", step)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, extra])
    migrate(lib.conn)


_KEPT = ("sources", "claims", "tags", "claim_tags", "source_tags", "counters")


def test_search_and_every_record_survive_a_migration_that_reshapes_sources_and_claims(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_sources_and_claims(lib)
    before = {t: _rows(lib.conn, t) for t in _KEPT}

    def reshape(conn: sqlite3.Connection) -> None:
        # Rebuilds both indexed tables; dropping the old claims with foreign keys on would have
        # cascaded into claim_tags, and the old sources' triggers (search, immutability) go too.
        reshape_table(conn, "sources", defaults={"reliability": "F", "language": "en"})
        reshape_table(conn, "claims", defaults={"status": "unverified", "statement": "-"})

    _migrate_with(monkeypatch, lib, reshape)

    assert lib.schema_version == latest_version()
    assert {t: _rows(lib.conn, t) for t in _KEPT} == before  # nothing lost, no link cut
    assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    defaults = {r[1]: r[4] for r in lib.conn.execute("PRAGMA table_xinfo(claims)")}
    assert (defaults["statement"], defaults["credibility"]) == ("'-'", "6")  # 6 stays a number
    # What was indexed before is found.
    assert lib.search.source_ids("evacuated") == [1]
    assert [lib.claims.get(i).key for i in lib.search.claim_ids("Beijing")] == ["C3"]
    # The triggers keep the index in step with new, edited and deleted records.
    new = lib.sources.add(ExtractedDocument(title="Sitrep", text="Gunmen crossed the river."))
    crossed = lib.claims.add(new.id, quote="Gunmen crossed", party="Border guards")
    assert lib.search.source_ids("river") == [new.id]
    assert lib.search.claim_ids("guards") == [crossed.id]
    lib.claims.update(crossed.id, party="Villagers")
    assert lib.search.claim_ids("guards") == []
    assert lib.search.claim_ids("villagers") == [crossed.id]
    lib.claims.delete(crossed.id)
    assert lib.search.claim_ids("villagers") == []
    lib.sources.update(new.id, title="Morning sitrep")
    assert lib.search.source_ids("morning") == [new.id]
    # The immutability rule on sources came back with the table.
    with pytest.raises(ImmutableText):
        lib.sources.correct_text(1, ARTICLE.replace("three", "four"))
    # And the views over both tables still read them.
    grades = lib.conn.execute("SELECT key, grade FROM claims_with_sources ORDER BY key")
    assert [tuple(r) for r in grades] == [("C1", "F6"), ("C2", "F2"), ("C3", "F6")]


def test_a_reshape_that_would_change_how_a_column_compares_is_refused_and_rolled_back(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib.parties.merge("the ministry", "Ministry of Interior")
    version = lib.schema_version

    def reshape(conn: sqlite3.Connection) -> None:
        reshape_table(conn, "party_aliases", defaults={"canonical": ""})

    with pytest.raises(RuntimeError, match="alias compares"):
        _migrate_with(monkeypatch, lib, reshape)

    assert lib.schema_version == version
    # Aliases still match whatever the case, and replacing one still works.
    lib.parties.merge("The Ministry", "Interior ministry")
    assert [row[1:3] for row in lib.parties.alias_rows()] == [("the ministry", "Interior ministry")]


def test_a_migration_that_would_leave_a_claim_without_its_source_changes_nothing(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_sources_and_claims(lib)
    before = {t: _rows(lib.conn, t) for t in _KEPT}
    version = lib.schema_version

    def careless(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM sources WHERE id = 2")  # foreign keys are off meanwhile

    with pytest.raises(LibraryError, match="claims pointing at a row of sources that is gone"):
        _migrate_with(monkeypatch, lib, careless)

    assert lib.schema_version == version
    assert {t: _rows(lib.conn, t) for t in _KEPT} == before
    assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reshaping_outside_a_migration_is_refused(lib: Library) -> None:
    _with_sources_and_claims(lib)
    with lib.write(), pytest.raises(RuntimeError, match="inside a migration"):
        reshape_table(lib.conn, "claims", defaults={"statement": "-"})
    assert len(_rows(lib.conn, "claim_tags")) == 1
