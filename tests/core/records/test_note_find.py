"""Naming a note by id, uid or title: a title two notes share is never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.library import Library

SECTIONS = [("summary", "Summary")]


def test_a_shared_title_is_an_error_that_lists_the_ids(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        lib.notes.create("Same", "sitrep", SECTIONS)
        lib.notes.create("Other", "sitrep", SECTIONS)
        lib.notes.create("same", "sitrep", SECTIONS)
        with pytest.raises(InvalidInput) as raised:
            lib.notes.find("Same")
        assert str(raised.value) == "2 notes are titled 'Same' (ids 1, 3): give the id"
        assert lib.notes.find("3").title == "same"


def test_a_unique_title_or_uid_still_finds_its_note(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        first = lib.notes.create("Same", "sitrep", SECTIONS)
        lib.notes.create("Same", "sitrep", SECTIONS)
        other = lib.notes.create("Other", "sitrep", SECTIONS)
        assert lib.notes.find("other").id == other.id
        assert lib.notes.find(first.uid).id == first.id
        with pytest.raises(NotFound):
            lib.notes.find("Missing")
