"""Undoing a decision on a suggested edit: core puts the edit (and the text) back."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library


def test_reopening_an_accepted_edit_restores_the_text_in_one_step(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    key, before = note.sections[0].key, note.sections[0].body
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers")
    demo_lib.edits.accept(edit.id)
    reopened = demo_lib.edits.reopen(edit.id, before)
    assert reopened.status == "pending"
    assert demo_lib.notes.get(note.id).sections[0].body == before
    demo_lib.edits.accept(edit.id)  # and it can be accepted again
    assert "Three workers" in demo_lib.notes.get(note.id).sections[0].body


def test_a_pending_edit_cannot_be_reopened(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    edit = demo_lib.edits.add(note.id, note.sections[0].key, "Three", "Four")
    with pytest.raises(InvalidInput, match="still pending"):
        demo_lib.edits.reopen(edit.id)
