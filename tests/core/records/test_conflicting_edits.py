"""Conditional writes: an editor's text replaces only the text it was typed over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.core.errors import ConflictingEdit
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

TEXT = "Officials said three workers died. The Taliban denied it."


@pytest.fixture
def other(lib: Library, library_path: Path) -> Iterator[Library]:
    """Another connection to the same file: the CLI, or a second window."""
    with Library.open(library_path, backup=False) as second:
        yield second


def test_a_section_set_elsewhere_is_not_overwritten_by_text_typed_over_the_old_one(
    lib: Library, other: Library
) -> None:
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    other.notes.set_section(note.id, "summary", "Written on the command line.")

    with pytest.raises(ConflictingEdit) as raised:
        lib.notes.set_section(note.id, "summary", "Typed in the app.", expected="")

    assert raised.value.field == "section.summary"
    assert raised.value.stored == "Written on the command line."
    assert "summary was changed elsewhere" in str(raised.value)
    assert other.notes.get(note.id).sections[0].body == "Written on the command line."


def test_a_section_unchanged_since_it_was_loaded_is_saved(lib: Library, other: Library) -> None:
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    other.notes.set_section(note.id, "summary", "From the CLI.")

    lib.notes.set_section(note.id, "summary", "From the CLI, extended.", expected="From the CLI.")

    assert other.notes.get(note.id).sections[0].body == "From the CLI, extended."


def test_a_claim_field_edited_elsewhere_is_not_overwritten(lib: Library, other: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    claim = lib.claims.add(source.id, quote="The Taliban denied it.")
    other.claims.update(claim.id, statement="The Taliban deny involvement.")

    with pytest.raises(ConflictingEdit) as raised:
        lib.claims.update(claim.id, statement="Denied.", expected={"statement": ""})

    assert raised.value.stored == "The Taliban deny involvement."
    assert other.claims.get(claim.id).statement == "The Taliban deny involvement."
    # What the inspector showed is still there: the edit goes through.
    lib.claims.update(claim.id, tags=["actor:Taliban"], expected={"tags": []})
    assert other.claims.get(claim.id).tags == ["Taliban"]


def test_a_source_field_edited_elsewhere_is_not_overwritten(lib: Library, other: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    other.sources.update(source.id, outlet="Asia-Plus")

    with pytest.raises(ConflictingEdit) as raised:
        lib.sources.edit(source.id, outlet="RFE/RL", expected={"outlet": source.outlet})

    assert raised.value.stored == "Asia-Plus"
    assert other.sources.get(source.id).outlet == "Asia-Plus"
    lib.sources.edit(source.id, outlet="RFE/RL", expected={"outlet": "Asia-Plus"})
    assert other.sources.get(source.id).outlet == "RFE/RL"
