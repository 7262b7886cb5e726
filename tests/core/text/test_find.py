"""Find and replace: literal, case ignored; across a note's sections as one undoable edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput, NoteIsFinal
from briefing_app.core.library import Library
from briefing_app.core.text.find import find_all, replace_all

SECTIONS = [("summary", "Summary"), ("background", "Background"), ("issue", "Issue")]


def test_matches_are_literal_and_ignore_case() -> None:
    assert find_all("a.b A.B axb", "a.b") == [(0, 3), (4, 7)]  # the dot is a dot
    assert find_all("text", "") == []
    assert replace_all("C2 and c2", "c2", r"\1 [@C3]") == (r"\1 [@C3] and \1 [@C3]", 2)


def test_replacing_across_sections_is_one_edit_that_revert_undoes(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        note = lib.notes.create("Brief", "briefing-note", SECTIONS)
        lib.notes.set_section(note.id, "summary", "Dushanbe said no. dushanbe again.")
        lib.notes.set_section(note.id, "background", "Nothing here.")
        lib.notes.set_section(note.id, "issue", "Can Dushanbe hold?")
        before = lib.notes.get(note.id)
        done = lib.notes.replace_all(note.id, "Dushanbe", "Tajikistan")
        assert (done.count, done.sections) == (3, 2)
        after = lib.notes.get(note.id)
        assert [s.body for s in after.sections] == [
            "Tajikistan said no. Tajikistan again.", "Nothing here.", "Can Tajikistan hold?"
        ]  # fmt: skip
        redo = lib.notes.revert(done.edit)
        assert lib.notes.get(note.id) == before
        lib.notes.revert(redo)
        assert lib.notes.get(note.id) == after
        assert lib.notes.replace_all(note.id, "Kabul", "x").count == 0
        with pytest.raises(InvalidInput):
            lib.notes.replace_all(note.id, "", "x")
        lib.notes.set_status(note.id, "final")
        with pytest.raises(NoteIsFinal):
            lib.notes.replace_all(note.id, "Tajikistan", "x")
