"""Undoable review operations: comments, replies, resolving, and deciding suggested edits."""

from __future__ import annotations

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library
from briefing_app.core.models import ReviewComment
from briefing_app.gui.commands import LibraryCommand


class AddCommentCommand(LibraryCommand):
    """Add a comment on a section, or a reply to one; undo deletes it, redo brings it back."""

    def __init__(
        self,
        lib: Library,
        note_id: int,
        section_key: str,
        text: str,
        parent_id: int | None = None,
    ) -> None:
        super().__init__(lib, "Add comment" if parent_id is None else "Reply to comment")
        # Not self.text: that is QUndoCommand's own text() method.
        self.note_id, self.section_key, self.body = note_id, section_key, text
        self.parent_id = parent_id
        self.comment: ReviewComment | None = None
        self._parent_uid = lib.comments.get(parent_id).uid if parent_id is not None else None

    def first(self) -> None:
        """Add it."""
        if self.parent_id is not None:
            self.comment = self.lib.comments.reply(self.parent_id, self.body)
        else:
            self.comment = self.lib.comments.add(self.note_id, self.section_key, self.body)

    def again(self) -> None:
        """Add it again as it was (same uid and time), under its parent's current id."""
        c = self.comment
        assert c is not None
        parent = self.lib.comments.by_uid(self._parent_uid) if self._parent_uid else None
        if self._parent_uid and parent is None:
            raise InvalidInput("the comment this replied to is gone")
        self.comment = self.lib.comments.add(
            c.note_id,
            c.section_key,
            c.body,
            author=c.author,
            anchor_text=c.anchor_text,
            start=c.start,
            end=c.end,
            parent_id=parent.id if parent is not None else None,
            resolved=c.resolved,
            uid=c.uid,
            created_at=c.created_at,
        )

    def back(self) -> None:
        """Delete it."""
        assert self.comment is not None
        self.lib.comments.delete(self.comment.id)


class ResolveCommentCommand(LibraryCommand):
    """Resolve a comment or open it again; undo sets it back."""

    def __init__(self, lib: Library, comment_id: int, resolved: bool) -> None:
        super().__init__(lib, "Resolve comment" if resolved else "Reopen comment")
        comment = lib.comments.get(comment_id)
        self.uid, self.before, self.resolved = comment.uid, comment.resolved, resolved

    def _set(self, resolved: bool) -> None:
        # By uid: undoing and redoing an earlier 'add comment' gives the comment a new id.
        comment = self.lib.comments.by_uid(self.uid)
        if comment is None:
            raise InvalidInput("the comment is gone")
        self.lib.comments.resolve(comment.id, resolved)

    def again(self) -> None:
        """Set the new state."""
        self._set(self.resolved)

    def back(self) -> None:
        """Set the state it had."""
        self._set(self.before)


class DecideEditCommand(LibraryCommand):
    """Accept or reject a suggested edit; undo makes it pending again (and the text as it was)."""

    def __init__(self, lib: Library, edit_id: int, accept: bool) -> None:
        super().__init__(lib, "Accept suggested edit" if accept else "Reject suggested edit")
        self.edit_id, self.accept = edit_id, accept
        self.body_before: str | None = None
        self.body_after: str | None = None

    def _body(self) -> str | None:
        edit = self.lib.edits.get(self.edit_id)
        section = self.lib.notes.get(edit.note_id).section(edit.section_key)
        return section.body if section is not None else None

    def again(self) -> None:
        """Accept (applying it to the text) or reject it."""
        if self.accept:
            self.body_before = self._body()
            self.lib.edits.accept(self.edit_id)
            self.body_after = self._body()
        else:
            self.lib.edits.reject(self.edit_id)

    def back(self) -> None:
        """Make it pending; an accepted edit's section gets its earlier text back."""
        if not self.accept:
            self.lib.edits.reopen(self.edit_id)
            return
        if self._body() != self.body_after:
            # Typed over since: putting the old text back would lose that typing.
            raise InvalidInput("the section changed after the edit was accepted; undo it by hand")
        self.lib.edits.reopen(self.edit_id, self.body_before)
