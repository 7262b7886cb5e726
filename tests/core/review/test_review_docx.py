"""Word review round trip: comments and tracked changes come back to the right words."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from briefing_app.core.errors import EditDoesNotApply, NotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.review.word_copy import (
    NotAReviewCopy,
    export_review_copy,
    import_review_copy,
)
from tests.core.review import word_edits


def review_copy(lib: Library, note: Note, path: Path) -> Path:
    """Export the note as a review copy with the real Word exporter."""
    return export_review_copy(lib, note.id, path, force=True)


@pytest.fixture
def note(demo_lib: Library) -> Note:
    return demo_lib.notes.all()[0]


def test_comments_land_on_their_section_and_words_despite_edits_and_moves(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    word_edits.comment(path, "security of Chinese investment", "Say whose investment figures")
    word_edits.edit_text(path, "Beijing has pressed", "Beijing has publicly pressed")
    word_edits.move_section_to_end(path, "Issue")
    result = import_review_copy(demo_lib, path)
    assert (result.comments_added, result.unplaced) == (2, [])
    comments = {c.body: c for c in demo_lib.comments.all(note.id)}
    drone = comments["Is the drone confirmed?"]
    assert (drone.section_key, drone.author, drone.anchor_text) == (
        "summary",
        "Supervisor",
        "a drone against",
    )
    body = note.section("summary").body  # type: ignore[union-attr]
    assert drone.start is not None and body[drone.start : drone.end] == "a drone against"
    assert comments["Say whose investment figures"].section_key == "issue"


def test_importing_the_same_file_twice_adds_nothing(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.comment(path, "a drone against", "Confirmed?")
    word_edits.track_replace(path, "Three", "Four")
    first = import_review_copy(demo_lib, path)
    second = import_review_copy(demo_lib, path)
    assert (first.comments_added, first.edits_added) == (1, 1)
    assert (second.comments_added, second.edits_added, second.already_imported) == (0, 0, 2)
    assert len(demo_lib.comments.all(note.id)) == 1


def test_words_typed_with_track_changes_off_are_reported_not_lost(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    # Walk: a supervisor typed "Border officials" over "Officials" with Track Changes off; the
    # import said "0 suggested edits" and the change was gone without a word.
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.edit_text(path, "Beijing has pressed", "Beijing has publicly pressed")
    word_edits.track_replace(path, "Three Chinese workers", "Three Chinese nationals")
    word_edits.move_section_to_end(path, "Issue")
    result = import_review_copy(demo_lib, path)
    assert result.edits_added == 1
    assert len(result.untracked) == 1
    assert result.untracked[0].startswith("Summary: the copy differs from the note")
    assert "('publicly' added after 'Khatlon province. Beijing has')" in result.untracked[0]
    assert demo_lib.notes.get(note.id).section("summary").body == note.section("summary").body  # type: ignore[union-attr]

    # Accepting the tracked edit changes the note: reading the same copy again is no news.
    demo_lib.edits.accept(demo_lib.edits.all(note.id)[0].id)
    assert import_review_copy(demo_lib, path).untracked == []


def test_a_copy_sent_again_with_new_comments_does_not_report_accepted_edits_as_typing(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    # Walk: the analyst accepted "nationals" from the first reading; the supervisor added a
    # comment to the same copy and sent it again; the import said the Summary was "typed with
    # Track Changes off" ('workers' now reads 'nationals'), the analyst's own accepted edit.
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.track_replace(path, "Three Chinese workers", "Three Chinese nationals")
    word_edits.edit_text(path, "The attack tests", "The attack sorely tests")
    first = import_review_copy(demo_lib, path)
    assert first.edits_added == 1 and len(first.untracked) == 1
    assert first.untracked[0].startswith("Issue:")
    demo_lib.edits.accept(demo_lib.edits.all(note.id)[0].id)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    again = import_review_copy(demo_lib, path)
    assert (again.comments_added, again.already_imported) == (1, 1)
    # The untracked typing in the Issue is still said; the Summary's accepted edit is not.
    assert [line.split(":")[0] for line in again.untracked] == ["Issue"]


def test_a_note_the_export_refuses_still_imports_the_comments_and_says_so(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    # Walk: after the copy was made the analyst typed a citation of a claim that is not there;
    # the import raised MissingClaim, yet the reviewer's comment had been stored.
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    issue = note.section("issue")
    assert issue is not None
    demo_lib.notes.set_section(note.id, "issue", issue.body + " See [@C999].")
    result = import_review_copy(demo_lib, path)
    assert result.comments_added == 1
    assert [c.body for c in demo_lib.comments.all(note.id)] == ["Is the drone confirmed?"]
    assert result.untracked == [
        "could not compare the copy with the note: note 1 section 'issue' cites C999, "
        "which is not in the library"
    ]


def test_a_copy_reviewed_only_with_tracked_changes_reports_no_untracked_words(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.comment(path, "a drone against", "Confirmed?")
    word_edits.track_replace(path, "armed ", "")
    word_edits.track_insert(path, "The attack tests", " severely")
    word_edits.move_section_to_end(path, "Issue")
    result = import_review_copy(demo_lib, path)
    assert (result.comments_added, result.edits_added, result.untracked) == (1, 2, [])


def test_tracked_changes_become_suggested_edits_applied_only_on_accept(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.track_replace(path, "Three Chinese workers", "Three Chinese nationals")
    word_edits.track_replace(path, "armed ", "")
    word_edits.track_insert(path, "The attack tests", " severely")
    import_review_copy(demo_lib, path)
    edits = demo_lib.edits.all(note.id)
    assert [(e.kind, e.section_key, e.author) for e in edits] == [
        ("replace", "summary", "Supervisor"),
        ("delete", "summary", "Supervisor"),
        ("insert", "issue", "Supervisor"),
    ]
    before = demo_lib.notes.get(note.id)
    assert before.section("summary").body == note.section("summary").body  # type: ignore[union-attr]
    demo_lib.edits.accept(edits[0].id)
    demo_lib.edits.reject(edits[1].id)
    demo_lib.edits.accept(edits[2].id)
    after = demo_lib.notes.get(note.id)
    summary = after.section("summary").body  # type: ignore[union-attr]
    assert "Three Chinese nationals were killed" in summary
    assert "[@C5; @C4]" in summary  # citations untouched
    assert "when armed attackers" in summary  # the rejected deletion
    assert after.section("issue").body.startswith("The attack tests severely Tajikistan")  # type: ignore[union-attr]
    assert [e.status for e in demo_lib.edits.all(note.id)] == ["accepted", "rejected", "accepted"]


SUMMARY = (
    "Workers died at the camp [@C1]. Beijing pressed Dushanbe to act [@C2]. "
    "Tajik officials blamed groups in Afghanistan [@C1]."
)


@pytest.fixture
def cited_note(lib: Library) -> Note:
    """A small note whose three sentences each end in a citation (a footnote in Word)."""
    text = "Workers died at the camp. Beijing pressed Dushanbe to act."
    source = lib.sources.add(ExtractedDocument(title="Wire", outlet="Wire", text=text))
    lib.claims.add(source.id, quote="Workers died at the camp", party="Police")
    lib.claims.add(source.id, quote="Beijing pressed Dushanbe", party="Ministry")
    return lib.notes.create(
        "Camp attack", "briefing-note", [("summary", "Summary")], bodies={"summary": SUMMARY}
    )


@pytest.mark.parametrize(
    ("words", "footnote", "old", "summary_after"),
    [
        (
            "Beijing pressed Dushanbe to act",
            "after",
            "Beijing pressed Dushanbe to act [@C2]",
            "Workers died at the camp [@C1]. . Tajik officials blamed groups in Afghanistan [@C1].",
        ),
        (
            ". Beijing pressed Dushanbe to act",
            "before",
            " [@C1]. Beijing pressed Dushanbe to act",
            "Workers died at the camp [@C2]. Tajik officials blamed groups in Afghanistan [@C1].",
        ),
    ],
)
def test_a_deletion_covering_a_footnote_takes_the_citation_with_it(
    lib: Library,
    cited_note: Note,
    tmp_path: Path,
    words: str,
    footnote: str,
    old: str,
    summary_after: str,
) -> None:
    path = review_copy(lib, cited_note, tmp_path / "review.docx")
    word_edits.track_delete_with_footnote(path, words, footnote)
    assert import_review_copy(lib, path).edits_added == 1
    (edit,) = lib.edits.all(cited_note.id)
    assert (edit.kind, edit.old_text) == ("delete", old)
    lib.edits.accept(edit.id)
    assert lib.notes.get(cited_note.id).section("summary").body == summary_after  # type: ignore[union-attr]
    # The same file again adds nothing.
    assert import_review_copy(lib, path).already_imported == 1


def test_deleting_only_a_footnote_in_word_suggests_removing_its_citation(
    lib: Library, cited_note: Note, tmp_path: Path
) -> None:
    path = review_copy(lib, cited_note, tmp_path / "review.docx")
    word_edits.track_delete_footnote(path, "Beijing pressed Dushanbe to act")
    import_review_copy(lib, path)
    (edit,) = lib.edits.all(cited_note.id)
    assert (edit.kind, edit.old_text) == ("delete", " [@C2]")
    lib.edits.accept(edit.id)
    body = lib.notes.get(cited_note.id).section("summary").body  # type: ignore[union-attr]
    assert body == SUMMARY.replace(" [@C2]", "")


def test_an_edit_whose_words_are_gone_is_refused_and_stays_pending(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    word_edits.track_replace(path, "Three Chinese workers", "Several workers")
    import_review_copy(demo_lib, path)
    demo_lib.notes.set_section(note.id, "summary", "Rewritten entirely by the analyst.")
    (edit,) = demo_lib.edits.all(note.id)
    with pytest.raises(EditDoesNotApply, match="apply it by hand"):
        demo_lib.edits.accept(edit.id)
    assert demo_lib.edits.get(edit.id).status == "pending"


def test_a_plain_docx_is_not_a_review_copy(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    doc = Document()
    doc.add_paragraph("Dear colleague")
    doc.save(str(path))
    with pytest.raises(NotAReviewCopy, match="not a review copy"):
        import_review_copy(lib, path)
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(NotAReviewCopy, match="not a Word document"):
        import_review_copy(lib, junk)


def test_a_review_copy_from_another_library_is_named(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    other = Library.open(tmp_path / "other.sqlite")
    with pytest.raises(NotFound, match="not in this library"):
        import_review_copy(other, path)


def test_open_app_comments_are_written_as_word_comments(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    demo_lib.comments.add(
        note.id, "issue", "Tighten this", author="Analyst", anchor_text="The attack tests"
    )
    path = review_copy(demo_lib, note, tmp_path / "review.docx")
    doc = Document(str(path))
    assert [(c.author, c.text) for c in doc.comments] == [("Analyst", "Tighten this")]
    # Reading it back does not duplicate the app's own comment.
    assert import_review_copy(demo_lib, path).comments_added == 0


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.render
def test_round_trip_through_libreoffice(demo_lib: Library, note: Note, tmp_path: Path) -> None:
    soffice = _soffice()
    if soffice is None:
        if os.environ.get("BRIEFING_REQUIRE_RENDER") == "1":
            pytest.fail("LibreOffice is required (BRIEFING_REQUIRE_RENDER=1) but not installed")
        pytest.skip("LibreOffice not installed")
    edited = review_copy(demo_lib, note, tmp_path / "edited.docx")
    word_edits.comment(edited, "a drone against", "Is the drone confirmed?")
    word_edits.track_replace(edited, "Three Chinese workers", "Three Chinese nationals")
    word_edits.move_section_to_end(edited, "Issue")
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(edited)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = import_review_copy(demo_lib, out / "edited.docx")
    assert result.comments_added == 1 and result.edits_added >= 1
    assert result.untracked == []  # rewritten by LibreOffice, the words are the note's
    comment = demo_lib.comments.all(note.id)[0]
    assert (comment.section_key, comment.anchor_text) == ("summary", "a drone against")
    edit = demo_lib.edits.all(note.id)[0]
    assert edit.section_key == "summary" and "nationals" in edit.new_text


def test_the_same_words_of_comment_on_other_words_in_a_later_round_are_kept(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    first = review_copy(demo_lib, note, tmp_path / "round1.docx")
    word_edits.comment(first, "a drone against", "Source?")
    import_review_copy(demo_lib, first)
    second = review_copy(demo_lib, note, tmp_path / "round2.docx")
    word_edits.comment(second, "Three Chinese workers", "Source?")
    result = import_review_copy(demo_lib, second)
    assert result.comments_added == 1
    anchors = sorted(c.anchor_text for c in demo_lib.comments.all(note.id))
    assert anchors == ["Three Chinese workers", "a drone against"]


def test_a_tracked_change_across_a_manual_line_break_is_placed_and_keeps_the_break(
    demo_lib: Library, note: Note, tmp_path: Path
) -> None:
    """Word shows a section's manual line break (a vertical tab) as a w:br; a reviewer's change
    spanning it read the two lines as one word ("dawnRoad") and was not found in the note."""
    import copy

    from docx.oxml.ns import qn

    demo_lib.notes.set_section(note.id, "background", "Convoy stopped at dawn\x0bRoad shut.")
    path = review_copy(demo_lib, demo_lib.notes.get(note.id), tmp_path / "review.docx")
    doc = Document(str(path))
    (para,) = [p for p in doc.paragraphs if p.text.startswith("Convoy stopped")]
    (run,) = para._p.findall(qn("w:r"))
    # The reviewer retypes the paragraph with "dusk": Word's tracked deletion and insertion.
    inserted = copy.deepcopy(run)
    inserted.find(qn("w:t")).text = "Convoy stopped at dusk"
    for t in run.findall(qn("w:t")):
        t.tag = qn("w:delText")
    marks = {qn("w:author"): "Supervisor", qn("w:date"): word_edits.DATE}
    deletion = para._p.makeelement(qn("w:del"), {qn("w:id"): "801", **marks})
    insertion = para._p.makeelement(qn("w:ins"), {qn("w:id"): "802", **marks})
    run.addprevious(deletion)
    deletion.append(run)
    insertion.append(inserted)
    deletion.addnext(insertion)
    doc.save(str(path))

    result = import_review_copy(demo_lib, path)
    assert (result.edits_added, result.unplaced) == (1, [])
    (edit,) = demo_lib.edits.all(note.id)
    assert edit.old_text == "Convoy stopped at dawn\x0bRoad shut."
    assert edit.new_text == "Convoy stopped at dusk\x0bRoad shut."
    demo_lib.edits.accept(edit.id)
    body = demo_lib.notes.get(note.id).section("background").body  # type: ignore[union-attr]
    assert body == "Convoy stopped at dusk\x0bRoad shut."
