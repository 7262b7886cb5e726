"""Undo of a whole review-package import: the library exactly as before, and the import again on
redo; refused in one line, changing nothing, when the user has built on what it brought since."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import ChangedSinceImport, InvalidInput
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.review.merge import PackImportResult
from briefing_app.core.review.pack_undo import redo_pack_import, undo_pack_import
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack
from tests.core.records.library_dump import dump


@pytest.fixture
def other(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "supervisor.sqlite")


def _indexes_sound(lib: Library) -> None:
    # The dump leaves the full-text indexes out: search must still find what the tables hold.
    for index in ("claims_fts", "sources_fts"):
        lib.conn.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")


def _undo_redo_undo(lib: Library, result: PackImportResult, before: object) -> None:
    """Undo, redo, undo: the library each time exactly as before or as after the import."""
    after = dump(lib)
    undone = undo_pack_import(lib, result.imported)
    assert dump(lib) == before
    _indexes_sound(lib)
    redone = redo_pack_import(lib, undone)
    assert dump(lib) == after
    _indexes_sound(lib)
    undo_pack_import(lib, redone)
    assert dump(lib) == before
    _indexes_sound(lib)


def _sent(demo_lib: Library, tmp_path: Path) -> Path:
    note = demo_lib.notes.all()[0]
    demo_lib.comments.add(note.id, "summary", "Check the casualty figure", author="Analyst")
    return export_pack(demo_lib, note.id, tmp_path / "note-x.briefpack")


def test_undoing_an_import_into_an_empty_library_leaves_it_empty_and_redo_brings_it_back(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    pack = _sent(demo_lib, tmp_path)
    before = dump(other)
    result = import_pack(other, pack)
    assert other.claims.count() == 10

    assert other.search.query("workers")
    _undo_redo_undo(other, result, before)
    assert other.notes.all() == [] and other.claims.count() == 0
    assert other.search.query("workers") == []


def test_undoing_a_review_brought_back_restores_every_record_it_updated(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """The analyst's side: the supervisor's package updates the note, a claim, a source's
    grade and a rating in place, resolves a comment and brings a reply and a suggested edit."""
    theirs = import_pack(other, _sent(demo_lib, tmp_path)).note_id
    claim = other.claims.by_key("C5")
    assert claim is not None
    other.claims.update(claim.id, status="disputed")
    other.sources.edit(other.sources.all()[0].id, reliability="C")
    other.ach.rate(other.questions.by_key("Q1").id, "H3", "C6", "I")
    other.notes.set_section(theirs, "issue", "Rewritten by the supervisor.")
    (comment,) = other.comments.all(theirs)
    other.comments.reply(comment.id, "Two outlets give it", author="Supervisor")
    other.comments.resolve(comment.id)
    other.edits.add(theirs, "summary", "Three", "3", author="Supervisor")
    back = export_pack(other, theirs, tmp_path / "back.briefpack")

    before = dump(demo_lib)
    mine = demo_lib.notes.all()[0]
    result = import_pack(demo_lib, back)
    assert result.conflicts == []
    assert result.updated["notes"] == result.updated["claims"] == 1
    assert demo_lib.notes.get(mine.id).section("issue").body == "Rewritten by the supervisor."  # type: ignore[union-attr]

    _undo_redo_undo(demo_lib, result, before)
    assert demo_lib.notes.get(mine.id).section("issue").body != "Rewritten by the supervisor."  # type: ignore[union-attr]
    assert [c.resolved for c in demo_lib.comments.all(mine.id)] == [False]


def test_undoing_an_import_that_kept_both_sides_of_conflicts_removes_the_copies(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """A note and a claim changed on both sides come in as second copies: undo takes them."""
    note = demo_lib.notes.all()[0]
    theirs = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "a.briefpack")).note_id
    mine = demo_lib.claims.by_key("C5")
    there = other.claims.by_uid(mine.uid) if mine else None
    assert mine and there
    demo_lib.claims.update(mine.id, status="corroborated")
    other.claims.update(there.id, status="disputed")
    other.notes.set_section(theirs, "issue", "Rewritten by the supervisor.")
    back = export_pack(other, theirs, tmp_path / "note-x.briefpack")
    before = dump(demo_lib)
    result = import_pack(demo_lib, back)
    assert len(result.conflicts) == 2 and len(demo_lib.notes.all()) == 2

    _undo_redo_undo(demo_lib, result, before)
    assert [n.id for n in demo_lib.notes.all()] == [note.id]
    assert demo_lib.claims.get(mine.id).status == "corroborated"


def test_an_added_claim_edited_since_the_import_refuses_the_undo_and_changes_nothing(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    claim = other.claims.by_key("C3")
    assert claim is not None
    other.claims.update(claim.id, statement="The supervisor's reading")
    held = dump(other)

    with pytest.raises(ChangedSinceImport) as err:
        undo_pack_import(other, result.imported)
    refusal = "Cannot undo the import of note-x.briefpack: claim C3 changed after the import"
    assert str(err.value) == refusal
    assert dump(other) == held


def test_a_comment_answered_since_the_import_refuses_the_undo_and_changes_nothing(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    (comment,) = other.comments.all(result.note_id)
    other.comments.reply(comment.id, "Agreed, check it", author="Supervisor")
    held = dump(other)

    with pytest.raises(ChangedSinceImport) as err:
        undo_pack_import(other, result.imported)
    assert str(err.value) == (
        "Cannot undo the import of note-x.briefpack: review comment 'Agreed, check it' rests on it"
    )
    assert dump(other) == held
    assert len(other.comments.all(result.note_id)) == 2


def test_an_added_claim_cited_by_a_note_written_since_refuses_the_undo(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    mine = other.notes.create("My own note", "memo", [("summary", "Summary")])
    other.notes.set_section(mine.id, "summary", "As reported [@C4].")
    held = dump(other)

    with pytest.raises(ChangedSinceImport, match="claim C4 is cited by note 'My own note'"):
        undo_pack_import(other, result.imported)
    assert dump(other) == held


def test_a_claim_made_since_on_an_added_source_refuses_the_undo(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    source = other.sources.all()[0]
    other.claims.add(source.id, start=0, end=10)
    held = dump(other)

    with pytest.raises(ChangedSinceImport, match=r"note-x\.briefpack: records made after the "):
        undo_pack_import(other, result.imported)
    assert dump(other) == held


def test_work_elsewhere_since_the_import_stays_and_no_claim_key_is_handed_out_twice(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    own = other.sources.add(ExtractedDocument(title="Own", text="Words of my own source."))
    made = other.claims.add(own.id, quote="Words")
    assert made.key == "C11"  # the package's claims hold C1 to C10

    undo_pack_import(other, result.imported)
    assert [c.key for c in other.claims.all()] == ["C11"]
    assert [s.title for s in other.sources.all()] == ["Own"]
    # The counter of keys handed out is not put back under one handed out since.
    assert other.claims.add(own.id, quote="source").key == "C12"


def test_redo_is_refused_when_the_package_was_imported_again_since_the_undo(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    pack = _sent(demo_lib, tmp_path)
    undone = undo_pack_import(other, import_pack(other, pack).imported)
    import_pack(other, pack)
    held = dump(other)

    with pytest.raises(ChangedSinceImport, match=r"Cannot redo the import of note-x\.briefpack"):
        redo_pack_import(other, undone)
    assert dump(other) == held


def test_undo_announces_what_it_changed(demo_lib: Library, other: Library, tmp_path: Path) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    heard = []
    other.subscribe(heard.append)
    undo_pack_import(other, result.imported)
    (changes,) = heard
    assert changes.notes == {result.note_id}
    assert len(changes.claims) == 10 and len(changes.sources) == 1 and changes.comments
    assert changes.questions


def test_no_journal_is_left_behind_by_an_import_made_or_refused(
    demo_lib: Library, other: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal's triggers would tax every later write: they go with the import."""
    from briefing_app.core.review import merge

    pack = _sent(demo_lib, tmp_path)
    before = dump(other)
    damaged = tmp_path / "damaged.briefpack"
    damaged.write_bytes(pack.read_bytes()[:300])
    with pytest.raises(InvalidPack):
        import_pack(other, damaged)

    def refuse(*_args: object) -> None:
        raise InvalidInput("a value its checks let through")

    # A merge refused half-way, its sources and claims written: all of it rolls back.
    with monkeypatch.context() as patched:
        patched.setattr(merge, "merge_evidence", refuse)
        with pytest.raises(InvalidPack):
            import_pack(other, pack)
    assert dump(other) == before
    import_pack(other, pack)
    assert other.conn.execute("SELECT name FROM sqlite_temp_master").fetchall() == []


def test_an_import_that_changed_nothing_has_nothing_to_undo(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    pack = _sent(demo_lib, tmp_path)
    import_pack(other, pack)
    again = import_pack(other, pack)
    assert sum(again.added.values()) == 0
    assert not again.imported


def test_typing_in_the_imported_note_since_refuses_the_undo_naming_the_section(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    result = import_pack(other, _sent(demo_lib, tmp_path))
    note = other.notes.get(result.note_id)
    other.notes.set_section(note.id, "summary", "The supervisor's own summary.")
    held = dump(other)

    with pytest.raises(ChangedSinceImport) as err:
        undo_pack_import(other, result.imported)
    assert str(err.value) == (
        "Cannot undo the import of note-x.briefpack: "
        f"section summary of note {note.title!r} changed after the import"
    )
    assert dump(other) == held
