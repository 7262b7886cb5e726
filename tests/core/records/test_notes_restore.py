"""Deleting a note and restoring it (the undo of a delete) gives back the same note, exactly."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library
from briefing_app.core.records.notes import NOTE_TABLES
from tests.core.records.library_dump import dump


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
    assert gone.note == before
    assert list(gone.comments) == comments

    back = demo_lib.notes.restore(gone)
    assert back == before
    restored = demo_lib.comments.all(note.id)
    assert [(c.uid, c.body, c.author) for c in restored] == [
        (c.uid, c.body, c.author) for c in comments
    ]
    assert restored[1].parent_id == restored[0].id
    assert restored == comments  # ids and times too


def test_a_delete_returns_everything_keyed_to_the_note_and_restore_puts_all_of_it_back(
    demo_lib: Library,
) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.notes.set_status(note.id, "in review", "Round 1")
    demo_lib.edits.add(note.id, "issue", "tests", "strains", author="Supervisor")
    first = demo_lib.comments.add(note.id, "issue", "Clearer?", author="Supervisor")
    demo_lib.comments.reply(first.id, "Done.")
    before = dump(demo_lib)

    removed = demo_lib.notes.delete(note.id)
    assert (len(removed.comments), len(removed.versions), len(removed.edits)) == (2, 1, 1)
    after_delete = dump(demo_lib)
    assert all(after_delete[t] == [] for t in NOTE_TABLES)

    demo_lib.notes.restore(removed)
    assert dump(demo_lib) == before
    demo_lib.notes.delete(note.id)  # redo
    assert dump(demo_lib) == after_delete


def test_every_table_keyed_to_notes_is_one_a_delete_returns(lib: Library) -> None:
    # A later migration adding a table that cascades from notes must extend RemovedNote.
    tables = [r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    keyed = {
        t
        for t in tables
        for fk in lib.conn.execute(f'PRAGMA foreign_key_list("{t}")')
        if fk["table"] == "notes"
    }
    assert keyed == set(NOTE_TABLES)


def test_restoring_a_note_over_one_that_took_its_id_is_refused_in_one_line(
    demo_lib: Library,
) -> None:
    note = demo_lib.notes.all()[0]
    removed = demo_lib.notes.delete(note.id)
    demo_lib.notes.restore(removed)
    with pytest.raises(InvalidInput, match="cannot be restored"):
        demo_lib.notes.restore(removed)
