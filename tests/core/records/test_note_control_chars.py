"""A note section holds text: NUL and other C0 controls are refused, tabs and line breaks kept."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library
from tests.core.records.library_dump import dump

SECTIONS = [("bluf", "BLUF"), ("issue", "Issue")]


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\x0c", "\x1f"])
def test_editing_a_section_with_a_control_character_writes_nothing(lib: Library, bad: str) -> None:
    note = lib.notes.create("Brief", "briefing-note", SECTIONS, bodies={"bluf": "Kept."})
    before = dump(lib)
    with pytest.raises(InvalidInput, match=r"^the section 'issue' holds a control character"):
        lib.notes.edit(note.id, {"section.bluf": "Changed.", "section.issue": f"a{bad}b"})
    with pytest.raises(InvalidInput, match="only tabs and line breaks may be in it"):
        lib.notes.set_section(note.id, "bluf", f"Changed{bad}")
    assert dump(lib) == before


def test_creating_a_note_with_a_control_character_in_a_body_makes_no_note(lib: Library) -> None:
    before = dump(lib)
    with pytest.raises(InvalidInput, match=r"section 'bluf' .* \(U\+0000 at character 4\)"):
        lib.notes.create("Brief", "briefing-note", SECTIONS, bodies={"bluf": "One\x00"})
    assert dump(lib) == before


def test_tabs_and_line_breaks_are_text(lib: Library) -> None:
    note = lib.notes.create("Brief", "briefing-note", SECTIONS)
    body = "| a\t| b |\n|---|---|\r\nNext\u00a0line \u2014 done."
    lib.notes.set_section(note.id, "bluf", body)
    section = lib.notes.get(note.id).section("bluf")
    assert section is not None and section.body == body
