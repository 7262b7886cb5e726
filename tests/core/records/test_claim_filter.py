"""ClaimFilter: the one filter of `briefing claims` and the claims table, as an analyst reads it."""

from __future__ import annotations

import unicodedata

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.listing import claim_ids, claim_rows

TEXT = (
    "Police said two fled. The Árbitro denied it. Residents of Istiqlol saw smoke. "
    "The ministry confirmed the fire. Border guards said nothing. Straße closed."
)


def add_mixed_claims(lib: Library) -> int:
    """Add C1-C6: parties in mixed case and script, tags of several kinds; return the source."""
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    add = lib.claims.add
    add(source.id, quote="Police said", party="Police", tags=["actor:Police"])  # C1
    add(source.id, quote="Árbitro denied", party="Árbitro", kind="denial", tags=["place:Istiqlol"])
    add(source.id, quote="Residents", party="residents", tags=["actor:Istiqlol", "Water"])  # C3
    add(source.id, quote="ministry confirmed", party="Министерство", status="corroborated")  # C4
    add(source.id, quote="Border guards", party="Border guards", tags=["topic:Straße"])  # C5
    add(source.id, quote="Straße closed", party="Straßenamt", kind="denial", tags=["ИСТИҚЛОЛ"])
    return source.id


@pytest.fixture
def tagged(lib: Library) -> Library:
    """A library holding the mixed claims C1-C6."""
    add_mixed_claims(lib)
    return lib


def keys(lib: Library, **fields: object) -> list[str]:
    """Return the keys core lists for a filter, checking every listing agrees on them."""
    flt = ClaimFilter(**fields)  # type: ignore[arg-type]
    found = [c.key for c in lib.claims.all(flt)]
    ids = claim_ids(lib, flt)
    assert [r.key for r in claim_rows(lib, flt)] == found
    assert [r.key for r in claim_rows(lib, flt, ids=ids)] == found
    return found


def test_a_kind_and_name_tag_matches_only_the_tag_of_that_kind(tagged: Library) -> None:
    assert keys(tagged, tag="place:Istiqlol") == ["C2"]
    assert keys(tagged, tag="actor:Istiqlol") == ["C3"]
    assert keys(tagged, tag="event:Istiqlol") == []
    # The kind is written in any case, with spaces around the colon.
    assert keys(tagged, tag="PLACE : istiqlol") == keys(tagged, tag="Place:ISTIQLOL") == ["C2"]


def test_a_plain_tag_name_matches_that_name_of_every_kind(tagged: Library) -> None:
    assert keys(tagged, tag="istiqlol") == ["C2", "C3"]
    assert keys(tagged, tag="WATER") == ["C3"]
    assert keys(tagged, tag="Wat") == []  # a whole name, not a part of one


def test_tag_names_ignore_case_beyond_ascii(tagged: Library) -> None:
    assert keys(tagged, tag="истиқлол") == ["C6"]
    assert keys(tagged, tag="topic:STRASSE") == ["C5"]


def test_a_tag_renamed_to_hold_a_colon_is_found_by_its_whole_name(tagged: Library) -> None:
    water = next(t for t in tagged.tags.all() if t.name == "Water")
    tagged.tags.rename(water.id, "place:Vakhsh river")  # a topic tag, named with a colon
    assert keys(tagged, tag="place:Vakhsh river") == ["C3"]
    assert keys(tagged, tag="Place:VAKHSH RIVER") == ["C3"]


def test_parties_match_whole_names_ignoring_case_accents_encoding_and_spaces(
    tagged: Library,
) -> None:
    assert keys(tagged, party="police") == keys(tagged, party=" POLICE ") == ["C1"]
    assert keys(tagged, party="ÁRBITRO") == ["C2"]
    assert keys(tagged, party=unicodedata.normalize("NFD", "árbitro")) == ["C2"]
    assert keys(tagged, party="министерство") == ["C4"]
    assert keys(tagged, party="STRASSENAMT") == ["C6"]
    assert keys(tagged, party="Border") == []
    assert keys(tagged, party="Arbitro") == []  # an accent is not a case


def test_kinds_and_statuses_ignore_case_and_refuse_unknown_values(tagged: Library) -> None:
    assert keys(tagged, kind="Denial") == keys(tagged, kind="denial") == ["C2", "C6"]
    assert keys(tagged, status="CORROBORATED") == ["C4"]
    with pytest.raises(InvalidInput, match="kind must be one of"):
        tagged.claims.all(ClaimFilter(kind="rumour"))
    with pytest.raises(InvalidInput, match="status must be one of"):
        claim_ids(tagged, ClaimFilter(status="true"))


def test_fields_combine_and_empty_ones_match_everything(tagged: Library) -> None:
    assert (
        keys(tagged)
        == keys(tagged, party="", tag="  ", kind=None)
        == [f"C{n}" for n in range(1, 7)]
    )
    assert keys(tagged, kind="denial", tag="istiqlol") == ["C2"]
    assert keys(tagged, kind="denial", party="police") == []
    other = tagged.sources.add(ExtractedDocument(title="Other", text="Police said more."))
    tagged.claims.add(other.id, quote="Police said", party="POLICE")
    assert keys(tagged, party="police") == ["C1", "C7"]
    assert keys(tagged, party="police", source_id=other.id) == ["C7"]


def test_claim_ids_sort_by_a_field_within_the_filter(tagged: Library) -> None:
    source = tagged.sources.get(1)
    for n in range(6):  # keys C7..C12: C10 must sort after C9, not after C1
        tagged.claims.add(source.id, start=n, end=n + 1, party="Police")
    police = ClaimFilter(party="police")
    by_key = [tagged.claims.get(i).key for i in claim_ids(tagged, police, sort_by="key")]
    assert by_key == ["C1", "C7", "C8", "C9", "C10", "C11", "C12"]
    down = claim_ids(tagged, police, sort_by="key", descending=True)
    assert [tagged.claims.get(i).key for i in down] == by_key[::-1]
    party_of = {r.id: r.party for r in claim_rows(tagged)}
    parties = [party_of[i] for i in claim_ids(tagged, sort_by="party")]
    assert parties == sorted(parties, key=str.casefold)
    with pytest.raises(ValueError, match="no claim field"):
        claim_ids(tagged, sort_by="colour")
