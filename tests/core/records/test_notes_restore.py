"""Deleting a note and restoring it (the undo of a delete) gives back the same note."""

from __future__ import annotations

from briefing_app.core.library import Library


def test_restore_brings_back_a_deleted_note_with_its_sections_settings_and_comments(
    demo_lib: Library,
) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.notes.update(note.id, status="in review", settings={**note.settings, "x": 1})
    first = demo_lib.comments.add(note.id, note.sections[0].key, "Source?", author="Sup")
    demo_lib.comments.reply(first.id, "Added C2.", author="Analyst")
    before = demo_lib.notes.get(note.id)
    comments = demo_lib.comments.all(note.id)

    gone = demo_lib.notes.delete(note.id)
    assert demo_lib.notes.all() == []

    back = demo_lib.notes.restore(gone, comments)
    assert back == before
    restored = demo_lib.comments.all(note.id)
    assert [(c.uid, c.body, c.author) for c in restored] == [
        (c.uid, c.body, c.author) for c in comments
    ]
    assert restored[1].parent_id == restored[0].id
