"""Undo of a Word review-copy import: the library exactly as before, the import again on redo;
refused in one line, changing nothing, when the user has acted on what it brought since."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import ChangedSinceImport
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.review.pack_undo import redo_pack_import, undo_pack_import
from briefing_app.core.review.word_copy import (
    ReviewImportResult,
    export_review_copy,
    import_review_copy,
)
from tests.core.records.library_dump import dump
from tests.core.review import word_edits


@pytest.fixture
def note(demo_lib: Library) -> Note:
    return demo_lib.notes.all()[0]


def _reviewed(lib: Library, note: Note, tmp_path: Path) -> Path:
    """A review copy with a comment and two tracked changes, as a supervisor returns it."""
    path = export_review_copy(lib, note.id, tmp_path / "weekly-review.docx", force=True)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    word_edits.track_replace(path, "Three Chinese workers", "Three Chinese nationals")
    word_edits.track_replace(path, "armed ", "")
    return path


def _undo_redo_undo(lib: Library, result: ReviewImportResult, before: object) -> None:
    """Undo, redo, undo: the library each time exactly as before or as after the import."""
    after = dump(lib)
    undone = undo_pack_import(lib, result.imported)
    assert dump(lib) == before
    redone = redo_pack_import(lib, undone)
    assert dump(lib) == after
    undo_pack_import(lib, redone)
    assert dump(lib) == before


def test_undo_takes_back_every_comment_and_edit_the_copy_brought_and_redo_brings_them(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = _reviewed(demo_lib, note, tmp_path)
    before = dump(demo_lib)
    result = import_review_copy(demo_lib, path)
    assert (result.comments_added, result.edits_added) == (1, 2)
    assert result.imported.pack_name == "weekly-review.docx"

    _undo_redo_undo(demo_lib, result, before)
    assert demo_lib.comments.all(note.id) == []
    assert demo_lib.edits.all(note.id) == []
    # Undone, the copy is new again: importing it once more brings all of it.
    again = import_review_copy(demo_lib, path)
    assert (again.comments_added, again.edits_added, again.already_imported) == (1, 2, 0)


def test_undo_leaves_the_notes_own_comments_and_what_an_earlier_reading_brought(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    demo_lib.comments.add(note.id, "summary", "Check the casualty figure", author="Analyst")
    path = export_review_copy(demo_lib, note.id, tmp_path / "weekly-review.docx", force=True)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    import_review_copy(demo_lib, path)
    word_edits.track_replace(path, "armed ", "")
    before = dump(demo_lib)

    second = import_review_copy(demo_lib, path)
    assert (second.edits_added, second.already_imported) == (1, 2)
    _undo_redo_undo(demo_lib, second, before)
    bodies = sorted(c.body for c in demo_lib.comments.all(note.id))
    assert bodies == ["Check the casualty figure", "Is the drone confirmed?"]


def test_a_copy_already_imported_has_nothing_to_undo(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = _reviewed(demo_lib, note, tmp_path)
    import_review_copy(demo_lib, path)
    again = import_review_copy(demo_lib, path)
    assert again.already_imported == 3
    assert not again.imported


def test_an_edit_accepted_since_the_import_refuses_the_undo_and_changes_nothing(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    result = import_review_copy(demo_lib, _reviewed(demo_lib, note, tmp_path))
    edit = next(e for e in demo_lib.edits.all(note.id) if e.new_text == "")
    demo_lib.edits.accept(edit.id)
    held = dump(demo_lib)

    with pytest.raises(ChangedSinceImport) as err:
        undo_pack_import(demo_lib, result.imported)
    assert str(err.value).startswith("Cannot undo the import of weekly-review.docx: ")
    assert str(err.value).endswith(" changed after the import")
    assert dump(demo_lib) == held


def test_a_comment_answered_since_the_import_refuses_the_undo_and_changes_nothing(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    result = import_review_copy(demo_lib, _reviewed(demo_lib, note, tmp_path))
    (comment,) = demo_lib.comments.all(note.id)
    demo_lib.comments.reply(comment.id, "Two outlets give it", author="Analyst")
    held = dump(demo_lib)

    with pytest.raises(ChangedSinceImport) as err:
        undo_pack_import(demo_lib, result.imported)
    assert str(err.value) == (
        "Cannot undo the import of weekly-review.docx: "
        "review comment 'Two outlets give it' of note "
        "'Attack on Chinese workers in Khatlon province' rests on it"
    )
    assert dump(demo_lib) == held


def test_redo_is_refused_when_the_copy_was_imported_again_since_the_undo(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = _reviewed(demo_lib, note, tmp_path)
    undone = undo_pack_import(demo_lib, import_review_copy(demo_lib, path).imported)
    import_review_copy(demo_lib, path)
    held = dump(demo_lib)

    with pytest.raises(ChangedSinceImport, match=r"Cannot redo the import of weekly-review\.docx"):
        redo_pack_import(demo_lib, undone)
    assert dump(demo_lib) == held


def test_undo_announces_the_note_and_its_comments_and_leaves_no_journal_behind(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    result = import_review_copy(demo_lib, _reviewed(demo_lib, note, tmp_path))
    assert demo_lib.conn.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
    heard = []
    demo_lib.subscribe(heard.append)
    undo_pack_import(demo_lib, result.imported)
    (changes,) = heard
    assert note.id in changes.notes and changes.comments


def test_typing_that_moved_a_comment_the_copy_brought_does_not_refuse_the_undo(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    # Review comments follow their words: typing before them since moved them, which is not
    # acting on them. The undo takes them back and keeps the typing.
    result = import_review_copy(demo_lib, _reviewed(demo_lib, note, tmp_path))
    body = demo_lib.notes.get(note.id).section("summary").body  # type: ignore[union-attr]
    demo_lib.notes.set_section(note.id, "summary", "Update: " + body)
    (comment,) = demo_lib.comments.all(note.id)
    assert comment.start == len("Update: ") + body.index("a drone against")

    undone = undo_pack_import(demo_lib, result.imported)
    assert demo_lib.comments.all(note.id) == []
    assert demo_lib.notes.get(note.id).section("summary").body == "Update: " + body  # type: ignore[union-attr]
    redo_pack_import(demo_lib, undone)
    (back,) = demo_lib.comments.all(note.id)
    assert (back.start, back.end) == (comment.start, comment.end)
