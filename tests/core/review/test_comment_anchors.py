"""A review comment stays on the words it was made on while its section is edited."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.library import Library
from briefing_app.core.models import Note, ReviewComment
from briefing_app.core.review.comment_places import CommentPlace, follow_edit
from briefing_app.core.review.word_copy import export_review_copy

BODY = "Engineers said the dam is safe for now."


def _commented(lib: Library, words: str = "dam is safe") -> tuple[Note, ReviewComment]:
    """Return a note whose summary holds BODY, and a comment on words of it."""
    note = lib.notes.create("Dam", "briefing-note", [("summary", "Summary")])
    lib.notes.set_section(note.id, "summary", BODY)
    at = BODY.index(words)
    comment = lib.comments.add(
        note.id, "summary", "Says who?", anchor_text=words, start=at, end=at + len(words)
    )
    return note, comment


def _on(lib: Library, comment: ReviewComment) -> str:
    """Return the words of its section the comment's range covers now."""
    now = lib.comments.get(comment.id)
    section = lib.notes.get(now.note_id).section(now.section_key)
    assert section is not None and now.start is not None and now.end is not None
    return section.body[now.start : now.end]


def test_typing_before_the_commented_words_keeps_the_comment_on_them(lib: Library) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", "Update: " + BODY)
    assert _on(lib, comment) == "dam is safe"


def test_deleting_words_inside_the_range_keeps_the_comment_on_what_is_left(
    lib: Library,
) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", BODY.replace("is safe", "safe"))
    assert _on(lib, comment) == "dam safe"
    assert lib.comments.get(comment.id).anchor_text == "dam safe"
    assert lib.comments.unanchored(note.id) == []


def test_words_replaced_inside_the_range_stay_under_the_comment(lib: Library) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", BODY.replace("is safe", "remains safe"))
    assert _on(lib, comment) == "dam remains safe"


def test_words_replaced_after_the_range_leave_it_as_it_was(lib: Library) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", BODY.replace("for now", "until spring"))
    assert _on(lib, comment) == "dam is safe"
    assert lib.comments.get(comment.id) == comment  # not rewritten at all


def test_a_comment_whose_words_were_all_deleted_is_unanchored_where_they_were(
    lib: Library,
) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", "Engineers said so for now.")
    now = lib.comments.get(comment.id)
    assert (now.start, now.end) == (len("Engineers said "),) * 2  # where the words were
    assert now.anchor_text == "dam is safe"  # says which words it was on
    assert [c.id for c in lib.comments.unanchored(note.id)] == [comment.id]


def test_words_replaced_by_others_leave_the_comment_unanchored(lib: Library) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", BODY.replace("dam is safe", "bridge holds"))
    assert [c.id for c in lib.comments.unanchored(note.id)] == [comment.id]


def test_words_typed_back_where_they_were_deleted_take_the_comment_again(lib: Library) -> None:
    note, comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", "Engineers said so for now.")
    lib.notes.set_section(note.id, "summary", "Engineers said the dam is safe for now.")
    assert _on(lib, comment) == "dam is safe"
    assert lib.comments.unanchored(note.id) == []


def test_undo_of_a_section_edit_puts_the_comment_back_on_its_words(lib: Library) -> None:
    note, comment = _commented(lib)
    before = lib.comments.get(comment.id)
    edit = lib.notes.edit(note.id, {"section.summary": "Engineers said so for now."})
    redo = lib.notes.revert(edit)
    assert lib.comments.get(comment.id) == before
    lib.notes.revert(redo)
    assert lib.comments.unanchored(note.id) == [lib.comments.get(comment.id)]


def test_undo_moves_a_comment_made_after_the_edit_with_the_text(lib: Library) -> None:
    note, _comment = _commented(lib)
    edit = lib.notes.edit(note.id, {"section.summary": "Update: " + BODY})
    at = len("Update: ") + BODY.index("for now")
    later = lib.comments.add(
        note.id, "summary", "Until when?", anchor_text="for now", start=at, end=at + 7
    )
    lib.notes.revert(edit)
    assert _on(lib, later) == "for now"


def test_every_comment_of_the_section_follows_and_others_stay(lib: Library) -> None:
    note = lib.notes.create("Dam", "briefing-note", [("summary", "Summary"), ("issue", "Issue")])
    lib.notes.edit(note.id, {"section.summary": BODY, "section.issue": BODY})
    at = BODY.index("Engineers")
    first, other = (
        lib.comments.add(note.id, key, "Who?", anchor_text="Engineers", start=at, end=at + 9)
        for key in ("summary", "issue")
    )
    reply = lib.comments.reply(first.id, "The ministry's.")
    lib.notes.replace_all(note.id, "the dam", "the old dam")
    summary = lib.notes.get(note.id).sections[0].body
    lib.notes.set_section(note.id, "summary", "Yesterday, " + summary)
    assert _on(lib, first) == "Engineers"
    assert _on(lib, other) == "Engineers"
    assert lib.comments.get(reply.id).start is None  # a reply is on its thread, not on words


def test_a_point_comment_stays_a_point(lib: Library) -> None:
    note = lib.notes.create("Dam", "briefing-note", [("summary", "Summary")])
    lib.notes.set_section(note.id, "summary", BODY)
    at = BODY.index("for")
    point = lib.comments.add(note.id, "summary", "Add a date here", start=at, end=at)
    lib.notes.set_section(note.id, "summary", "Update: " + BODY)
    now = lib.comments.get(point.id)
    assert now.start == now.end == at + len("Update: ")
    assert lib.comments.unanchored(note.id) == []


def test_a_comment_from_word_keeps_the_words_word_shows(lib: Library) -> None:
    note = lib.notes.create("Dam", "briefing-note", [("summary", "Summary")])
    body = "Engineers said the **dam** is safe [@C1] for now."
    lib.notes.set_section(note.id, "summary", body)
    start, end = body.index("**dam"), body.index(" [@C1]")
    comment = lib.comments.add(
        note.id, "summary", "Says who?", anchor_text="dam is safe", start=start, end=end
    )
    lib.notes.set_section(note.id, "summary", body.replace("is safe", "is quite safe"))
    assert lib.comments.get(comment.id).anchor_text == "dam is quite safe"


def _commented_paragraph(path: Path) -> str:
    """Return the text of the paragraph of a .docx that holds its (one) comment."""
    from docx import Document
    from docx.oxml.ns import qn

    paragraphs = Document(str(path)).paragraphs
    (found,) = [p for p in paragraphs if p._p.findall(f".//{qn('w:commentRangeStart')}")]
    return str(found.text)


def test_a_review_copy_puts_the_comment_on_the_paragraph_its_words_moved_to(
    lib: Library, tmp_path: Path
) -> None:
    note, _comment = _commented(lib)
    lib.notes.set_section(note.id, "summary", "The river is high.\n\n" + BODY)
    path = export_review_copy(lib, note.id, tmp_path / "review.docx", force=True)
    assert _commented_paragraph(path) == BODY


def test_a_review_copy_puts_an_unanchored_comment_on_its_section_heading(
    lib: Library, tmp_path: Path
) -> None:
    note = lib.notes.create("Dam", "briefing-note", [("summary", "Summary")])
    said = "The dam is safe, the ministry says."
    lib.notes.set_section(note.id, "summary", f"{said}\n\n{BODY}")
    at = len(said) + 2 + BODY.index("dam is safe")
    words = "dam is safe"
    lib.comments.add(note.id, "summary", "?", anchor_text=words, start=at, end=at + len(words))
    # Its words deleted where it was made, though the same words are said elsewhere.
    lib.notes.set_section(note.id, "summary", f"{said}\n\nEngineers said so for now.")
    assert len(lib.comments.unanchored(note.id)) == 1
    path = export_review_copy(lib, note.id, tmp_path / "review.docx", force=True)
    assert _commented_paragraph(path) == "Summary"


def test_deleting_the_commented_words_and_a_space_unanchors_it_however_the_diff_reads_it(
    lib: Library,
) -> None:
    # "a drone against a town" less "a drone against " reads as well as less "drone against a ".
    note = lib.notes.create("Drone", "briefing-note", [("summary", "Summary")])
    body = "Attackers used a drone against a town."
    lib.notes.set_section(note.id, "summary", body)
    at = body.index("a drone against")
    comment = lib.comments.add(
        note.id, "summary", "Confirmed?", anchor_text="a drone against", start=at, end=at + 15
    )
    edit = lib.notes.edit(note.id, {"section.summary": "Attackers used a town."})
    assert [c.id for c in lib.comments.unanchored(note.id)] == [comment.id]
    assert lib.comments.get(comment.id).start == at
    # The editor's undo writes the old text back as a new edit: the words come back, and so
    # does the comment.
    lib.notes.edit(note.id, {"section.summary": body})
    assert _on(lib, comment) == "a drone against"
    assert edit.before["section.summary"] == body


def test_a_comment_on_a_mark_stays_on_it_while_words_elsewhere_change(lib: Library) -> None:
    note = lib.notes.create("Dam", "briefing-note", [("summary", "Summary")])
    lib.notes.set_section(note.id, "summary", "Is the dam safe?")
    comment = lib.comments.add(note.id, "summary", "Why ask?", anchor_text="?", start=15, end=16)
    lib.notes.set_section(note.id, "summary", "Is the old dam safe?")
    assert _on(lib, comment) == "?"


def test_a_comment_deleted_then_restored_after_typing_is_back_on_its_words(
    lib: Library,
) -> None:
    note, comment = _commented(lib)
    removed = lib.comments.delete(comment.id)
    lib.notes.set_section(note.id, "summary", "Update: " + BODY)
    lib.comments.restore(removed)
    assert _on(lib, comment) == "dam is safe"


WORDS = st.sampled_from(["the", "dam", "is", "safe", " ", " ", ". ", "\n\n", "[@C1]", "**"])
TEXTS = st.lists(WORDS, max_size=30).map("".join)


@given(TEXTS, TEXTS, st.data())
def test_a_followed_comment_is_on_the_words_it_names_or_says_they_are_gone(
    old: str, new: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(old)))
    end = data.draw(st.integers(start, len(old)))
    place = CommentPlace(start, end, old[start:end])
    now = follow_edit(old, new, {1: place}).get(1, place)
    assert 0 <= now.start <= now.end <= len(new)
    if now.start < now.end:
        assert new[now.start : now.end] == now.anchor_text
    else:
        assert now.anchor_text in (place.anchor_text, "")
