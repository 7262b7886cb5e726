"""Party names (normalising, aliases) and remembered rejections, on a real library file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage.connection import connect
from briefing_app.core.storage.migrations import latest_version, migrate
from briefing_app.core.suggest import suggest_claims

TEXT = (
    "The Taliban administration denied any role in the attack. "
    "Tajik officials said the gunmen came from Afghanistan."
)


def test_suggestion_fingerprints_are_stable_and_rejected_ones_are_left_out() -> None:
    first = suggest_claims(TEXT)
    assert [s.fingerprint for s in first] == [s.fingerprint for s in suggest_claims(TEXT)]
    assert len({s.fingerprint for s in first}) == len(first) == 2
    remaining = suggest_claims(TEXT, rejected={first[0].fingerprint})
    assert [s.party for s in remaining] == ["Tajik officials"]


def test_parties_are_normalised_against_known_names_and_aliases() -> None:
    plain = suggest_claims(TEXT)[0]
    assert (plain.party, plain.normalized_party) == (
        "The Taliban administration",
        "Taliban administration",
    )
    known = suggest_claims(TEXT, known_parties=["TALIBAN ADMINISTRATION"])[0]
    assert known.normalized_party == "TALIBAN ADMINISTRATION"
    aliased = suggest_claims(TEXT, aliases={"taliban administration": "Taliban"})[0]
    assert aliased.normalized_party == "Taliban"


def test_a_rejection_is_remembered_for_that_source_across_sessions(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
        other = lib.sources.add(ExtractedDocument(title="Copy", text=TEXT + " Again."))
        denial = lib.suggestions.for_source(source.id)[0]
        lib.suggestions.reject(source.id, denial)
        assert [s.party for s in lib.suggestions.for_source(source.id)] == ["Tajik officials"]
        # Another source with the same sentence still proposes it.
        assert len(lib.suggestions.for_source(other.id)) == 2
    with Library.open(library_path) as again:
        assert [s.party for s in again.suggestions.for_source(source.id)] == ["Tajik officials"]
        again.suggestions.unreject(source.id, denial.fingerprint)
        assert len(again.suggestions.for_source(source.id)) == 2


def test_rejecting_an_unknown_fingerprint_is_refused(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    with pytest.raises(NotFound):
        lib.suggestions.reject(source.id, "0000000000000000")
    with pytest.raises(NotFound):
        lib.suggestions.unreject(source.id, "0000000000000000")


def test_deleting_a_source_removes_its_rejections(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    lib.suggestions.reject(source.id, lib.suggestions.for_source(source.id)[0])
    lib.sources.delete(source.id)
    assert lib.conn.execute("SELECT count(*) FROM rejected_suggestions").fetchone()[0] == 0


def test_a_suggestion_already_tagged_as_a_claim_is_not_proposed_again(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    lib.claims.add(source.id, quote="any role in the attack", party="Taliban administration")
    assert [s.party for s in lib.suggestions.for_source(source.id)] == ["Tajik officials"]
    assert len(lib.suggestions.for_source(source.id, include_claimed=True)) == 2


def test_claim_parties_and_aliases_name_suggested_parties(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    lib.claims.add(source.id, quote="the gunmen came", party="Tajik Officials")
    lib.parties.merge("the Taliban administration", "Taliban")
    named = {s.party: s.normalized_party for s in lib.suggestions.for_source(source.id, True)}
    assert named == {"The Taliban administration": "Taliban", "Tajik officials": "Tajik Officials"}


def test_aliases_are_case_insensitive_and_never_chain(lib: Library) -> None:
    lib.parties.merge("Taliban administration", "Taliban")
    lib.parties.merge("TALIBAN ADMINISTRATION", "Islamic Emirate")
    assert lib.parties.aliases() == {"taliban administration": "Islamic Emirate"}
    lib.parties.merge("Islamic Emirate", "Taliban")
    assert lib.parties.normalise("the Taliban administration") == "Taliban"
    with pytest.raises(InvalidInput):
        lib.parties.merge("Taliban", "the Taliban")
    lib.parties.unmerge("taliban administration")
    assert lib.parties.normalise("Taliban administration") == "Taliban administration"
    with pytest.raises(NotFound):
        lib.parties.unmerge("nobody")


def test_parties_lists_claim_parties_under_their_canonical_names(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    lib.claims.add(source.id, quote="any role", party="Taliban administration")
    lib.claims.add(source.id, quote="the gunmen came", party="Taliban")
    lib.parties.merge("Taliban administration", "Taliban")
    [taliban] = lib.parties.all()
    assert (taliban.name, taliban.claim_count, taliban.aliases) == (
        "Taliban",
        2,
        ["Taliban administration"],
    )


def test_migration_2_upgrades_a_version_1_library_with_its_data(library_path: Path) -> None:
    conn = connect(library_path)
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO sources (uid, title, sha256, text, created_at, modified_at) "
        "VALUES ('s1', 'Old report', 'abc', ?, '2026-01-01', '2026-01-01')",
        (TEXT,),
    )
    conn.execute(
        'INSERT INTO claims (uid, key, source_id, start, "end", quote, party, created_at, '
        "modified_at) VALUES ('c1', 'C1', 1, 0, 26, 'The Taliban administration', "
        "'Taliban', '', '')"
    )
    conn.close()
    with Library.open(library_path) as lib:
        assert lib.schema_version == latest_version()
        assert lib.sources.get(1).text == TEXT
        assert lib.claims.by_key("C1") is not None
        assert lib.claims.parties() == ["Taliban"]
        lib.parties.merge("Taliban administration", "Taliban")
        lib.suggestions.reject(1, lib.suggestions.for_source(1, include_claimed=True)[1])
    with sqlite3.connect(library_path) as raw:
        names = [r[0] for r in raw.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert len(names) == latest_version() and names[1].startswith("suggestions")


def test_accepting_a_suggestion_tags_it_with_its_party_and_kind(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    lib.parties.merge("Taliban administration", "Taliban")
    denial = lib.suggestions.for_source(source.id)[0]
    claim = lib.suggestions.accept(source.id, denial.fingerprint, statement="Denied a role.")
    assert (claim.quote, claim.party, claim.kind) == ("any role in the attack", "Taliban", "denial")
    assert [s.party for s in lib.suggestions.for_source(source.id)] == ["Tajik officials"]
    lib.claims.delete(claim.id)
    assert len(lib.suggestions.for_source(source.id)) == 2


def test_accepting_a_suggestion_twice_is_refused_naming_the_claim(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    denial = lib.suggestions.for_source(source.id)[0]
    first = lib.suggestions.accept(source.id, denial.fingerprint)
    with pytest.raises(InvalidInput, match=f"already claim {first.key}"):
        lib.suggestions.accept(source.id, denial.fingerprint)
    # The GUI holds the Suggestion object, not the fingerprint: refused the same way.
    with pytest.raises(InvalidInput, match=f"already claim {first.key}"):
        lib.suggestions.accept(source.id, denial)
    assert [c.key for c in lib.claims.all()] == [first.key]
