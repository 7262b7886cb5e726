"""A supervisor proposes edits in their own library; a review package carries them to the
analyst, who accepts or rejects each, and the decisions go back with the note."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack
from tests.core.records.library_dump import dump
from tests.core.review.test_pack_evidence import forge


@pytest.fixture
def reviewer(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "reviewer.sqlite")


def body(lib: Library, note_id: int, key: str) -> str:
    section = lib.notes.get(note_id).section(key)
    assert section is not None
    return section.body


def propose(lib: Library, note_id: int, key: str, words: str, new: str) -> int:
    start = body(lib, note_id, key).index(words)
    return lib.edits.propose(note_id, key, start, start + len(words), new, author="Supervisor").id


def test_an_edit_proposed_on_selected_words_is_accepted_into_the_note(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    edit_id = propose(demo_lib, note.id, "issue", "tests Tajikistan's control", "challenges")
    edit = demo_lib.edits.get(edit_id)
    assert (edit.old_text, edit.new_text, edit.status) == (
        "tests Tajikistan's control",
        "challenges",
        "pending",
    )
    assert "tests Tajikistan's control" in body(demo_lib, note.id, "issue")  # not applied yet
    demo_lib.edits.accept(edit_id)
    assert body(demo_lib, note.id, "issue").startswith("The attack challenges of its border")


@pytest.mark.parametrize(("start", "end", "new"), [(5, 5, ""), (4, 10, None), (0, 10_000, "x")])
def test_an_edit_that_changes_nothing_or_falls_outside_the_section_is_refused(
    demo_lib: Library, start: int, end: int, new: str | None
) -> None:
    note = demo_lib.notes.all()[0]
    old = body(demo_lib, note.id, "issue")
    before = dump(demo_lib)
    with pytest.raises(InvalidInput):
        demo_lib.edits.propose(note.id, "issue", start, end, old[start:end] if new is None else new)
    assert dump(demo_lib) == before


def test_a_proposed_edit_is_deleted_and_restored_exactly(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    before = dump(demo_lib)
    edit_id = propose(demo_lib, note.id, "issue", "security", "safety")
    after = dump(demo_lib)
    removed = demo_lib.edits.delete(edit_id)
    assert dump(demo_lib) == before
    demo_lib.edits.restore([removed])
    assert dump(demo_lib) == after


def test_edits_travel_to_the_analyst_and_the_decisions_come_back(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = import_pack(reviewer, export_pack(demo_lib, note.id, tmp_path / "a.briefpack"))
    taken = propose(reviewer, theirs.note_id, "issue", "security", "safety")
    dropped = propose(reviewer, theirs.note_id, "summary", "Three", "3")

    back = import_pack(demo_lib, export_pack(reviewer, theirs.note_id, tmp_path / "b.briefpack"))

    assert back.added["edits"] == 2 and back.conflicts == []
    pending = demo_lib.edits.all(note.id, "pending")
    assert [(e.old_text, e.new_text, e.author) for e in pending] == [
        ("security", "safety", "Supervisor"),
        ("Three", "3", "Supervisor"),
    ]
    demo_lib.edits.accept(pending[0].id)
    demo_lib.edits.reject(pending[1].id)

    # Sent to the supervisor again: the note with the accepted change, both edits decided.
    again = import_pack(reviewer, export_pack(demo_lib, note.id, tmp_path / "c.briefpack"))
    assert again.conflicts == []
    assert reviewer.edits.get(taken).status == "accepted"
    assert reviewer.edits.get(dropped).status == "rejected"
    assert "safety" in body(reviewer, theirs.note_id, "issue")
    # And nothing is added twice when the same package comes again.
    twice = import_pack(reviewer, tmp_path / "c.briefpack")
    assert twice.added["edits"] == 0 and len(reviewer.edits.all(theirs.note_id)) == 2


def test_an_edit_on_a_note_kept_as_both_goes_with_the_review_copy(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = import_pack(reviewer, export_pack(demo_lib, note.id, tmp_path / "a.briefpack"))
    propose(reviewer, theirs.note_id, "issue", "security", "safety")
    reviewer.notes.set_section(theirs.note_id, "summary", "The reviewer's summary [@C1].")
    demo_lib.notes.set_section(note.id, "summary", "The analyst's own summary [@C1].")

    back = import_pack(demo_lib, export_pack(reviewer, theirs.note_id, tmp_path / "b.briefpack"))

    assert back.note_id != note.id  # kept as both
    assert [e.new_text for e in demo_lib.edits.all(back.note_id)] == ["safety"]
    assert demo_lib.edits.all(note.id) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda e: e.update(status="maybe"), "status"),
        (lambda e: e.update(new_text=e["old_text"]), "must change something"),
        (lambda e: e.update(old_text=3), "'old_text' is a whole number"),
    ],
)
def test_a_forged_edit_is_refused_and_nothing_merges(
    demo_lib: Library, reviewer: Library, tmp_path: Path, change: object, words: str
) -> None:
    note = demo_lib.notes.all()[0]
    propose(demo_lib, note.id, "issue", "security", "safety")
    pack = export_pack(demo_lib, note.id, tmp_path / "a.briefpack")
    forged = forge(
        pack,
        tmp_path / "f.briefpack",
        lambda m: change(m["edits.json"][0]),  # type: ignore[operator]
    )
    with pytest.raises(InvalidPack, match=words):
        import_pack(reviewer, forged)
    assert reviewer.notes.all() == []
