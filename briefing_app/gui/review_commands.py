"""Undoable review operations: comments, replies, resolving, and deciding suggested edits."""

from __future__ import annotations

from briefing_app.core.library import Library
from briefing_app.gui.commands import LibraryCommand, reverting


def AddCommentCommand(
    lib: Library,
    note_id: int,
    section_key: str,
    text: str,
    parent_id: int | None = None,
    span: tuple[int, int] | None = None,
) -> LibraryCommand:
    """Add a comment on a section (on its words [start, end) when span is given), or a reply
    to one; undo deletes it, redo restores it."""
    start, end = span if span is not None else (None, None)
    anchor = ""
    if span is not None:
        section = lib.notes.get(note_id).section(section_key)
        anchor = section.body[span[0] : span[1]] if section is not None else ""
    if parent_id is not None:
        lib.comments.get(parent_id)  # refused here, before anything is pushed, if it is gone
    return LibraryCommand(
        "Add comment" if parent_id is None else "Reply to comment",
        lambda: (
            lib.comments.reply(parent_id, text)
            if parent_id is not None
            else lib.comments.add(
                note_id, section_key, text, anchor_text=anchor, start=start, end=end
            )
        ),
        lambda comment: lib.comments.delete(comment.id),
        lambda removed: lib.comments.restore(removed)[0],
    )


def ProposeEditCommand(
    lib: Library, note_id: int, section_key: str, span: tuple[int, int], new_text: str
) -> LibraryCommand:
    """Suggest new_text for a section's words [start, end); undo deletes the suggestion, redo
    puts it back."""
    return LibraryCommand(
        "Suggest edit",
        lambda: lib.edits.propose(note_id, section_key, span[0], span[1], new_text),
        lambda edit: lib.edits.delete(edit.id),
        lambda removed: lib.edits.restore([removed])[0],
    )


def ResolveCommentCommand(lib: Library, comment_id: int, resolved: bool) -> LibraryCommand:
    """Resolve a comment or open it again; undo sets it back."""
    before = lib.comments.get(comment_id).resolved
    return LibraryCommand(
        "Resolve comment" if resolved else "Reopen comment",
        lambda: lib.comments.resolve(comment_id, resolved),
        lambda _comment: lib.comments.resolve(comment_id, before),
    )


def DecideEditCommand(lib: Library, edit_id: int, accept: bool) -> LibraryCommand:
    """Accept or reject a suggested edit; undo makes it pending again (and the text as it was)."""
    return reverting(
        "Accept suggested edit" if accept else "Reject suggested edit",
        lambda: lib.edits.decide(edit_id, accept),
        lib.edits.revert,
    )
