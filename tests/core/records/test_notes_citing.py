"""Which notes cite a claim: what a delete of the claim would break."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.library import Library

SECTIONS = [("summary", "Summary"), ("background", "Background")]


def test_the_notes_citing_a_key_are_named_and_a_longer_key_is_not_a_match(
    library_path: Path,
) -> None:
    with Library.open(library_path) as lib:
        first = lib.notes.create("First", "sitrep", SECTIONS)
        second = lib.notes.create("Second", "sitrep", SECTIONS)
        third = lib.notes.create("Third", "sitrep", SECTIONS)
        lib.notes.set_section(first.id, "background", "Three died [@C1; @C2].")
        lib.notes.set_section(second.id, "summary", "Police said so [@C12].")
        lib.notes.set_section(third.id, "summary", "C2 is mentioned, not cited.")
        lib.notes.set_section(third.id, "background", "Cited here [@C2]")
        assert [n.title for n in lib.notes.citing("C2")] == ["Third", "First"]
        assert [n.title for n in lib.notes.citing("C1")] == ["First"]
        assert [n.title for n in lib.notes.citing("C12")] == ["Second"]
        assert lib.notes.citing("C3") == []
