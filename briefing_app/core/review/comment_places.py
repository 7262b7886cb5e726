"""Where a review comment sits in its section, and how that place follows edits of the text.

A comment is on a range of its section's body (start, end) and remembers the words it covers
(anchor_text). When the section is edited, `follow_edit` moves each range over a diff of the
old and new text (`text/text_edit.py`), as Word keeps a comment on its words while the text
around it changes. A comment whose words were all deleted keeps a collapsed range (start ==
end) at the place they were, with the words it was on: it is *unanchored*, shown on its
section as a whole (as a comment whose words cannot be found again) and listed by
`lib.comments.unanchored`. Should those words come back there (an undo, a paste), the
comment takes them again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from briefing_app.core.models import ReviewComment
from briefing_app.core.text.anchors import Anchor, reanchor
from briefing_app.core.text.markdown_plain import plain_view
from briefing_app.core.text.text_edit import TextEdit


@dataclass(frozen=True)
class CommentPlace:
    """A comment's range of its section's body and the words it is on."""

    start: int
    end: int
    anchor_text: str

    @property
    def unanchored(self) -> bool:
        """Whether the words the comment was on were deleted (a collapsed range)."""
        return self.start == self.end and bool(self.anchor_text.strip())


def follow_edit(old: str, new: str, places: Mapping[int, CommentPlace]) -> dict[int, CommentPlace]:
    """Return where comments (by id) on old sit in new; only those whose place changed.

    >>> on_dam = {1: CommentPlace(4, 15, "dam is safe")}
    >>> follow_edit("the dam is safe", "so the dam is safe", on_dam)
    {1: CommentPlace(start=7, end=18, anchor_text='dam is safe')}
    """
    if not places or old == new:
        return {}
    edit = TextEdit.between(old, new)
    moved = {}
    for comment_id, place in places.items():
        now = _followed(edit, old, new, place)
        if now != place:
            moved[comment_id] = now
    return moved


def _followed(edit: TextEdit, old: str, new: str, place: CommentPlace) -> CommentPlace:
    """Return where place on old sits in new."""
    start, end = place.start, place.end
    if not 0 <= start <= end <= len(old):
        # Offsets from before anchors followed edits, past the text now: left for the readers,
        # which find such a comment by its words (`comment_span`).
        return place
    if place.unanchored:
        return _found_again(edit, new, place) or CommentPlace(
            edit.point(start), edit.point(start), place.anchor_text
        )
    if start == end:  # a comment on a point, not on words
        return CommentPlace(edit.point(start), edit.point(start), place.anchor_text)
    gone_at = edit.start(start) if not edit.kept(old, start, end) else None
    if gone_at is None:
        gone_at = edit.deleted_at(old, start, end)
    if gone_at is not None:
        # Its words are gone: a collapsed range where they were, the words kept to say so.
        return CommentPlace(gone_at, gone_at, place.anchor_text)
    new_start, new_end = edit.start(start), edit.end(end)
    new_end = max(new_start, new_end)
    return CommentPlace(new_start, new_end, _words(old, new, place, new_start, new_end))


def _words(old: str, new: str, place: CommentPlace, start: int, end: int) -> str:
    """Return the words a moved comment is on, in the form its anchor_text was kept in.

    Comments made in the app keep the body's text; those from Word keep the words Word shows
    (no emphasis marks or citations), as `plain_view` gives them.
    """
    was, now = old[place.start : place.end], new[start:end]
    if place.anchor_text == was:
        return now
    if was == now:
        return place.anchor_text
    if place.anchor_text == plain_view(was).text:
        return plain_view(now).text
    return place.anchor_text  # kept in another form: left as it was


def _found_again(edit: TextEdit, new: str, place: CommentPlace) -> CommentPlace | None:
    """Return the place of an unanchored comment's words if the edit put them back where they
    were deleted (an undo of the deletion, or the words pasted back), else None."""
    words = place.anchor_text
    # A deletion can be placed more than one way, and so can its undo: near, not only at, the
    # place (see TextEdit.deleted_at).
    for _i1, _i2, j1, j2 in edit.near(place.start, len(words)):
        if j1 == j2:
            continue  # nothing was written there
        # The words may run a little past what changed (the diff aligns the spaces around them).
        low = max(0, j1 - len(words))
        found = new.find(words, low, j2 + len(words))
        while found >= 0 and found < j2:
            if found + len(words) > j1:
                return CommentPlace(found, found + len(words), words)
            found = new.find(words, found + 1, j2 + len(words))
    return None


def comment_span(comment: ReviewComment, body: str) -> tuple[int, int] | None:
    """Return the range of body a comment is on now; None: on its section as a whole.

    None when it was made on no words, or its words were deleted (unanchored). Words without
    offsets, or offsets that no longer hold them (kept before places followed edits), are
    found again by the words, nearest where they were.

    >>> comment_span(ReviewComment(1, "u", 1, "s", "dam", 4, 7), "The dam held.")
    (4, 7)
    """
    start, end, words = comment.start, comment.end, comment.anchor_text
    if start is not None and end is not None:
        if start == end and words.strip():
            return None  # its words were deleted
        if 0 <= start <= end <= len(body):
            held = body[start:end]
            # A comment read from Word keeps the words as Word shows them (plain_view).
            if not words or held == words or plain_view(held).text == words:
                return start, end
    if not words.strip():
        return None
    return reanchor(body, Anchor(start or 0, end or 0, words, "", ""))


def is_unanchored(comment: ReviewComment, body: str) -> bool:
    """Whether a comment was on words that its section no longer holds (deleted since, or
    never found there: a Word comment on words the note did not have)."""
    return bool(comment.anchor_text.strip()) and comment_span(comment, body) is None
