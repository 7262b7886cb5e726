"""The demo library: every claim points at exactly its quote, the note cites real claims."""

from __future__ import annotations

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library


def test_demo_claims_are_anchored_exactly(demo_lib: Library) -> None:
    claims = demo_lib.claims.all()
    assert len(claims) >= 8
    for claim in claims:
        text = demo_lib.sources.get(claim.source_id).text
        assert text[claim.start : claim.end] == claim.quote


def test_demo_has_the_key_claims_with_their_parties(demo_lib: Library) -> None:
    by_party = {(c.party, c.kind) for c in demo_lib.claims.all()}
    assert ("Taliban administration", "denial") in by_party
    assert ("Tajik authorities", "allegation") in by_party
    assert any("drone" in c.quote for c in demo_lib.claims.all())


def test_demo_note_cites_only_existing_claims(demo_lib: Library) -> None:
    (note,) = demo_lib.notes.all()
    keys = demo_lib.notes.cited_keys(note)
    assert keys and set(keys) <= {c.key for c in demo_lib.claims.all()}
    assert note.sections[0].key == "summary"


def test_demo_twice_adds_nothing(demo_lib: Library) -> None:
    before = demo_lib.claims.count()
    assert build_demo(demo_lib)["created"] is False
    assert demo_lib.claims.count() == before
