"""Note status and versions: review rounds are kept and compared; final notes are read-only."""

from __future__ import annotations

import pickle

import pytest

from briefing_app.core.errors import NoteIsFinal
from briefing_app.core.library import Library
from briefing_app.core.review.versions import diff_text


def test_each_status_change_keeps_a_version_and_final_is_read_only(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.notes.set_status(note.id, "in review", "First round", "Analyst")
    demo_lib.notes.set_section(note.id, "issue", "A sharper issue statement [@C3].")
    demo_lib.notes.set_status(note.id, "final", "Approved", "Supervisor")
    with pytest.raises(NoteIsFinal, match="reopen"):
        demo_lib.notes.set_section(note.id, "issue", "Sneaky edit.")
    with pytest.raises(NoteIsFinal):
        demo_lib.notes.update(note.id, title="New title")
    versions = demo_lib.versions.all(note.id)
    assert [(v.number, v.reason, v.author, v.status) for v in versions] == [
        (1, "First round", "Analyst", "draft"),
        (2, "Approved", "Supervisor", "in review"),
    ]
    demo_lib.notes.set_status(note.id, "draft", "Reopened for new facts")
    assert demo_lib.notes.set_section(note.id, "issue", "Edited again.").status == "draft"


def test_diff_between_versions_shows_changed_words_per_section(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.versions.snapshot(note.id, "round 1")
    old_issue = note.section("issue").body  # type: ignore[union-attr]
    demo_lib.notes.set_section(note.id, "issue", old_issue.replace("tests", "strains"))
    demo_lib.versions.snapshot(note.id, "round 2")
    diffs = {d.key: d for d in demo_lib.versions.diff(note.id, 1, 2)}
    assert diffs["summary"].status == "unchanged"
    assert diffs["issue"].status == "changed"
    changed = [(c.old, c.new) for c in diffs["issue"].changes if c.op != "equal"]
    assert changed == [("tests", "strains")]
    # Against the note as it is now.
    assert all(d.status == "unchanged" for d in demo_lib.versions.diff(note.id, 2))


def test_word_diff_keeps_spacing() -> None:
    changes = diff_text("Three  workers died.", "Five workers died.")
    assert "".join(c.new for c in changes) == "Five workers died."
    assert "".join(c.old for c in changes) == "Three  workers died."


def test_the_final_note_error_keeps_its_note_through_a_pickle() -> None:
    # A task's error crosses to the UI thread, and may cross a process: its id must survive.
    error = pickle.loads(pickle.dumps(NoteIsFinal(7)))
    assert (error.note_id, str(error)) == (7, "note 7 is final: reopen it to edit")
