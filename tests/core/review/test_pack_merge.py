"""Review packages merge three-way and keep claim keys: a change made on one side only comes
through, only changes on both sides are kept as both, and author and reviewer cite the same keys.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.review.packs import export_pack, import_pack

REVIEWED = "Reviewer rewrote the issue [@C1]."


@pytest.fixture
def reviewer(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "reviewer.sqlite")


def send(sender: Library, receiver: Library, note_id: int, path: Path) -> int:
    """Export note_id from sender and import it into receiver; return the note it lands in."""
    return import_pack(receiver, export_pack(sender, note_id, path)).note_id


def body(lib: Library, note_id: int, key: str) -> str:
    section = lib.notes.get(note_id).section(key)
    assert section is not None
    return section.body


def test_a_change_made_only_by_the_reviewer_comes_back_into_the_authors_note(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    original = body(demo_lib, note.id, "issue")
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    reviewer.notes.set_section(theirs, "issue", REVIEWED)
    reviewer.notes.set_status(theirs, "in review")

    result = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert result.conflicts == []
    assert result.updated["notes"] == 1
    assert "updated 1 note" in result.line() and "1 notes" not in result.line()
    assert [n.id for n in demo_lib.notes.all()] == [note.id]  # no review copy
    assert body(demo_lib, note.id, "issue") == REVIEWED
    assert demo_lib.notes.get(note.id).status == "in review"
    # The author's text before the merge is kept as a version, to compare with or go back to.
    kept = [v for v in demo_lib.versions.all(note.id) if "b.briefpack" in v.reason]
    assert len(kept) == 1
    assert {s["key"]: s["body"] for s in kept[0].sections}["issue"] == original
    diff = {d.key: d.status for d in demo_lib.versions.diff(note.id, kept[0].number)}
    assert diff["issue"] == "changed"


def test_the_authors_own_later_edit_is_kept_when_the_reviewer_changed_nothing(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    reviewer.comments.add(theirs, "issue", "Fine by me", author="Reviewer")
    demo_lib.notes.set_section(note.id, "issue", "The author moved on [@C2].")

    result = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert result.conflicts == []
    assert result.added["comments"] == 1
    assert len(demo_lib.notes.all()) == 1
    assert body(demo_lib, note.id, "issue") == "The author moved on [@C2]."


def test_a_revision_the_author_sends_again_replaces_the_reviewers_untouched_copy(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    demo_lib.notes.set_section(note.id, "issue", "Second draft [@C3].")

    result = import_pack(reviewer, export_pack(demo_lib, note.id, tmp_path / "a2.briefpack"))

    assert result.conflicts == []
    assert len(reviewer.notes.all()) == 1
    assert body(reviewer, theirs, "issue") == "Second draft [@C3]."


def test_a_note_changed_on_both_sides_is_still_kept_as_both(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    reviewer.notes.set_section(theirs, "issue", REVIEWED)
    demo_lib.notes.set_section(note.id, "summary", "The author's new summary.")

    result = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert len(result.conflicts) == 1
    assert body(demo_lib, note.id, "summary") == "The author's new summary."
    assert body(demo_lib, note.id, "issue") != REVIEWED
    copy = next(n for n in demo_lib.notes.all() if n.id != note.id)
    assert "review copy" in copy.title
    assert body(demo_lib, copy.id, "issue") == REVIEWED


def test_an_old_package_without_a_base_still_keeps_any_difference_as_both(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    reviewer.notes.set_section(theirs, "issue", REVIEWED)
    pack = export_pack(reviewer, theirs, tmp_path / "b.briefpack")
    old = _without_bases(pack, tmp_path / "old.briefpack")

    result = import_pack(demo_lib, old)

    assert len(result.conflicts) == 1
    assert len(demo_lib.notes.all()) == 2


def test_a_claim_regraded_only_by_the_reviewer_is_updated_not_duplicated(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    mine = demo_lib.claims.by_key("C5")
    assert mine is not None
    their_claim = reviewer.claims.by_uid(mine.uid)
    assert their_claim is not None
    reviewer.claims.update(their_claim.id, status="corroborated", tags=["place:Khatlon"])

    result = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert result.conflicts == []
    assert result.added["claims"] == 0
    updated = demo_lib.claims.get(mine.id)
    assert (updated.key, updated.status) == ("C5", "corroborated")
    assert "place:Khatlon" in updated.tag_refs
    assert demo_lib.claims.count() == 10


def test_claim_keys_are_kept_when_importing_into_an_empty_library(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")

    assert {c.key: c.uid for c in reviewer.claims.all()} == {
        c.key: c.uid for c in demo_lib.claims.all()
    }
    assert [s.body for s in reviewer.notes.get(theirs).sections] == [
        s.body for s in demo_lib.notes.get(note.id).sections
    ]
    # A claim the reviewer adds later takes a key after all of them.
    source = reviewer.sources.all()[0]
    assert reviewer.claims.add(source.id, start=0, end=5).key == "C11"


def test_only_clashing_keys_are_renumbered_and_rewritten(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    own = reviewer.sources.add(ExtractedDocument(title="Own", text="The reviewer's own words."))
    reviewer.claims.add(own.id, quote="own words")  # holds C1 in the reviewer's library
    note = demo_lib.notes.all()[0]
    author_c1 = demo_lib.claims.by_key("C1")
    assert author_c1 is not None

    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")

    moved = reviewer.claims.by_uid(author_c1.uid)
    assert moved is not None and moved.key == "C11"
    for claim in demo_lib.claims.all():
        if claim.key != "C1":
            here = reviewer.claims.by_uid(claim.uid)
            assert here is not None and here.key == claim.key
    for mine, there in zip(
        demo_lib.notes.get(note.id).sections, reviewer.notes.get(theirs).sections, strict=True
    ):
        assert there.body == mine.body.replace("@C1]", "@C11]").replace("@C1;", "@C11;")


def test_a_key_freed_by_a_delete_is_not_handed_to_an_imported_claim(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    own = reviewer.sources.add(ExtractedDocument(title="Own", text="Alpha beta gamma."))
    reviewer.claims.add(own.id, quote="Alpha")
    dropped = reviewer.claims.add(own.id, quote="beta")  # C2, then deleted
    reviewer.claims.delete(dropped.id)
    author_c2 = demo_lib.claims.by_key("C2")
    assert author_c2 is not None

    send(demo_lib, reviewer, demo_lib.notes.all()[0].id, tmp_path / "a.briefpack")

    moved = reviewer.claims.by_uid(author_c2.uid)
    assert moved is not None and moved.key not in ("C1", "C2")
    assert reviewer.claims.by_key("C3") is not None  # free keys are still kept


def _without_bases(pack: Path, out: Path) -> Path:
    """Rewrite a package as one made before packages carried a base (or a history)."""
    with zipfile.ZipFile(pack) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    for name in ("note.json", "claims.json"):
        data = json.loads(members[name])
        for record in data if isinstance(data, list) else [data]:
            record.pop("base", None)
            record.pop("history", None)
        members[name] = json.dumps(data).encode()
    manifest = json.loads(members["manifest.json"])
    for name in ("note.json", "claims.json"):
        manifest["files"][name] = hashlib.sha256(members[name]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in members.items():
            dst.writestr(name, data)
    return out


def test_a_final_note_is_not_overwritten_by_an_import(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    reviewer.notes.set_section(theirs, "issue", REVIEWED)
    demo_lib.notes.set_status(note.id, "final")

    result = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert len(result.conflicts) == 1
    assert body(demo_lib, note.id, "issue") != REVIEWED


def test_an_author_who_exports_twice_still_gets_the_new_text_across(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    demo_lib.notes.set_section(note.id, "issue", "AUTHOR SECOND DRAFT")
    export_pack(demo_lib, note.id, tmp_path / "check.briefpack")  # looked at, never sent
    result = import_pack(reviewer, export_pack(demo_lib, note.id, tmp_path / "b.briefpack"))
    assert result.conflicts == [] and result.updated["notes"] == 1
    assert body(reviewer, theirs, "issue") == "AUTHOR SECOND DRAFT"


def test_a_review_sent_back_reaches_a_third_library_the_author_forwards_to(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    third = Library.open(tmp_path / "third.sqlite")
    note = demo_lib.notes.all()[0]
    theirs = send(demo_lib, reviewer, note.id, tmp_path / "a.briefpack")
    at_third = send(demo_lib, third, note.id, tmp_path / "a2.briefpack")
    reviewer.notes.set_section(theirs, "issue", REVIEWED)
    send(reviewer, demo_lib, theirs, tmp_path / "b.briefpack")
    assert body(demo_lib, note.id, "issue") == REVIEWED
    result = import_pack(third, export_pack(demo_lib, note.id, tmp_path / "c.briefpack"))
    assert result.conflicts == [] and result.updated["notes"] == 1
    assert body(third, at_third, "issue") == REVIEWED
    third.close()


def test_importing_the_same_package_after_editing_here_keeps_the_edit_and_adds_nothing(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    pack = export_pack(demo_lib, note.id, tmp_path / "a.briefpack")
    theirs = import_pack(reviewer, pack).note_id
    reviewer.notes.set_section(theirs, "issue", REVIEWED)
    again = import_pack(reviewer, pack)
    assert again.conflicts == [] and len(reviewer.notes.all()) == 1
    assert body(reviewer, theirs, "issue") == REVIEWED


def test_a_package_import_line_counts_in_words() -> None:
    from briefing_app.core.review.merge import PackImportResult

    result = PackImportResult(
        note_id=1,
        added={"sources": 1, "claims": 10, "hypotheses": 1, "ratings": 0},
        conflicts=["rating C9/H1 kept this library's"],
    )
    assert result.line() == ("Imported into note 1: 1 source, 10 claims, 1 hypothesis; 1 conflict")
