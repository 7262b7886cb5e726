"""The library file: migrations, pragmas, foreign keys, transactions, immutability, damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.errors import ImmutableText, LibraryDamaged, LibraryError
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage.migrations import latest_version


def test_fresh_file_is_migrated_and_reopens_with_its_data(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        assert lib.schema_version == latest_version()
        source = lib.sources.add(ExtractedDocument(title="Report", text="Officials said so."))
    with Library.open(library_path) as again:
        assert again.schema_version == latest_version()
        assert again.sources.get(source.id).text == "Officials said so."
        recorded = again.conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        assert [r[0] for r in recorded] == list(range(1, latest_version() + 1))


def test_connection_uses_wal_and_foreign_keys(lib: Library) -> None:
    assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_keys_are_enforced(lib: Library) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        lib.conn.execute(
            'INSERT INTO claims (uid, key, source_id, start, "end", quote, created_at, modified_at)'
            " VALUES ('u', 'C99', 12345, 0, 1, 'x', '', '')"
        )


def test_a_failed_operation_leaves_the_library_as_it_was(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="T", text="Alpha beta gamma."))
    with pytest.raises(RuntimeError), lib.write():
        lib.claims.add(source.id, quote="beta")
        raise RuntimeError("boom")
    assert lib.claims.count() == 0
    # The key counter rolled back too: the next claim is still C1.
    assert lib.claims.add(source.id, quote="beta").key == "C1"


def test_source_text_is_immutable_once_claimed(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="T", text="Paragraph two.\n\nParagraph one."))
    corrected = lib.sources.correct_text(source.id, "Paragraph one.\n\nParagraph two.")
    assert corrected.text.startswith("Paragraph one.")
    lib.claims.add(source.id, quote="Paragraph two")
    with pytest.raises(ImmutableText):
        lib.sources.correct_text(source.id, "Something else entirely.")
    assert lib.sources.get(source.id).text == "Paragraph one.\n\nParagraph two."


def test_a_file_from_a_newer_version_is_refused(library_path: Path) -> None:
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(LibraryError, match="newer Briefing"):
        Library.open(library_path)


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(LibraryError, match="not a Briefing library"):
        Library.open(other)
    assert other.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError):
        Library.open(junk)


def test_listeners_hear_what_changed_after_commit(lib: Library) -> None:
    heard = []
    lib.subscribe(heard.append)
    source = lib.sources.add(ExtractedDocument(title="T", text="Alpha beta."))
    claim = lib.claims.add(source.id, quote="beta", tags=["place:Dushanbe"])
    assert source.id in heard[0].sources
    assert claim.id in heard[-1].claims
    assert heard[-1].tags  # the new tag was reported with the claim


def test_opening_a_damaged_library_raises_library_damaged(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        build_demo(lib)
    with path.open("r+b") as f:
        f.seek(4096)
        f.write(b"\x00" * 4096)
    with pytest.raises(LibraryDamaged, match=r"the library file is damaged \(.*malformed"):
        Library.open(path).sources.all()
