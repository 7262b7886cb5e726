"""Claims: anchoring, keys, editing, tags, undo support."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import DuplicateSource, InvalidInput, NotFound, QuoteNotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter

TEXT = (
    "Officials said three workers died. The Taliban denied it. Officials said three workers died."
)


@pytest.fixture
def source_id(lib: Library) -> int:
    return lib.sources.add(ExtractedDocument(title="Report", text=TEXT)).id


def test_claim_by_quote_points_at_exactly_its_words(lib: Library, source_id: int) -> None:
    claim = lib.claims.add(source_id, quote="three workers died", occurrence=2)
    assert TEXT[claim.start : claim.end] == "three workers died"
    assert claim.start > TEXT.index("Taliban")
    assert claim.prefix.endswith("Officials said ")


def test_claim_keys_are_never_reused(lib: Library, source_id: int) -> None:
    first = lib.claims.add(source_id, quote="Taliban denied it")
    lib.claims.delete(first.id)
    assert lib.claims.add(source_id, quote="Taliban denied it").key == "C2"


def test_claims_named_by_key_give_their_ids_in_order_and_an_unknown_key_is_named(
    lib: Library, source_id: int
) -> None:
    first = lib.claims.add(source_id, quote="Taliban denied it")
    second = lib.claims.add(source_id, quote="three workers died")
    assert lib.claims.ids_by_key([" c2", "C1 "]) == [second.id, first.id]
    with pytest.raises(NotFound, match="no claim C9"):
        lib.claims.ids_by_key(["C1", "C9 "])


def test_deleted_claim_is_restored_with_its_key_and_tags(lib: Library, source_id: int) -> None:
    claim = lib.claims.add(source_id, quote="Taliban denied it", tags=["actor:Taliban"])
    gone = lib.claims.delete(claim.id)
    assert lib.claims.by_key(claim.key) is None
    back = lib.claims.restore(gone)
    assert (back.key, back.uid, back.tags) == (claim.key, claim.uid, ["Taliban"])


def test_missing_quote_and_bad_values_are_clear_errors(lib: Library, source_id: int) -> None:
    with pytest.raises(QuoteNotFound):
        lib.claims.add(source_id, quote="not in the text")
    with pytest.raises(InvalidInput, match="kind"):
        lib.claims.add(source_id, quote="Taliban", kind="rumour")
    with pytest.raises(InvalidInput, match="credibility"):
        lib.claims.add(source_id, quote="Taliban", credibility=9)
    assert lib.claims.count() == 0


def test_substantive_edit_bumps_the_revision(lib: Library, source_id: int) -> None:
    claim = lib.claims.add(source_id, quote="Taliban denied it", kind="denial")
    assert lib.claims.update(claim.id, tags=["actor:Taliban"]).revision == 1
    assert lib.claims.update(claim.id, status="disputed").revision == 2


def test_deleting_a_tag_keeps_its_claims(lib: Library, source_id: int) -> None:
    claim = lib.claims.add(source_id, quote="Taliban denied it", tags=["actor:Taliban", "Denials"])
    tag = lib.tags.by_name("Taliban")
    assert tag is not None
    lib.tags.delete(tag.id)
    assert lib.claims.get(claim.id).tags == ["Denials"]
    assert lib.claims.all(ClaimFilter(tag="Taliban")) == []


def test_filters_combine(lib: Library, source_id: int) -> None:
    lib.claims.add(source_id, quote="Taliban denied it", party="Taliban", kind="denial")
    lib.claims.add(source_id, quote="three workers died", party="Officials")
    assert [c.party for c in lib.claims.all(ClaimFilter(kind="denial"))] == ["Taliban"]
    assert [c.kind for c in lib.claims.all(ClaimFilter(party="officials"))] == ["reported fact"]
    assert lib.claims.parties() == ["Officials", "Taliban"]


def test_search_finds_a_claim_by_a_word_of_its_statement(lib: Library, source_id: int) -> None:
    claim = lib.claims.add(
        source_id, quote="Taliban denied it", statement="A flat rejection of blame"
    )
    assert lib.search.claim_ids("rejection") == [claim.id]
    hits = lib.search.query("rejection")
    assert [(h.kind, h.label) for h in hits] == [("claim", claim.key)]


def test_search_finds_sources_and_tolerates_odd_input(lib: Library, source_id: int) -> None:
    assert lib.search.source_ids("taliban") == [source_id]
    assert lib.search.source_ids('Tali"ban AND (') == []  # no FTS syntax error
    assert lib.search.query("   ") == []


def test_renaming_a_tag_onto_another_of_its_kind_is_refused(lib: Library, source_id: int) -> None:
    lib.claims.add(source_id, quote="Taliban denied it", tags=["actor:Taliban", "actor:Officials"])
    tag = lib.tags.by_name("Officials")
    assert tag is not None
    with pytest.raises(InvalidInput, match="already"):
        lib.tags.rename(tag.id, "taliban")
    assert lib.tags.get(tag.id).name == "Officials"


def test_claims_filter_by_tag_as_written_when_tagging(lib: Library, source_id: int) -> None:
    place = lib.claims.add(source_id, quote="Taliban denied it", tags=["place:Istiqlol"])
    lib.claims.add(source_id, quote="three workers died", tags=["actor:Istiqlol"])
    lib.claims.add(source_id, quote="Officials said", tags=["topic:x:y"])

    def keys(tag: str) -> list[str]:
        return [c.key for c in lib.claims.all(ClaimFilter(tag=tag))]

    assert keys("place:Istiqlol") == keys(" Place : istiqlol ") == [place.key]
    assert len(keys("Istiqlol")) == 2  # a plain name matches every kind
    assert keys("event:Istiqlol") == []
    assert keys("x:y") == ["C3"]  # 'x' is not a kind: the whole text is the name


def test_a_page_imported_again_with_new_paragraph_spacing_is_the_same_source(
    tmp_path: Path,
) -> None:
    """Pages imported before paragraphs got blank lines between them are not imported twice."""
    with Library.open(tmp_path / "lib.sqlite") as lib:
        old = lib.sources.add(
            ExtractedDocument(title="Attack", url="https://x.test/a", text="One.\nTwo.\nThree.")
        )
        with pytest.raises(DuplicateSource) as raised:
            lib.sources.add(
                ExtractedDocument(
                    title="Attack", url="https://x.test/a", text="One.\n\nTwo.\n\nThree."
                )
            )
        assert raised.value.existing.id == old.id
        # Same words under another title and URL: a different document, kept.
        other = lib.sources.add(ExtractedDocument(title="Other", text="One.\n\nTwo.\n\nThree."))
        assert other.id != old.id
        assert lib.sources.count() == 2
