"""Review comments on notes: add, reply, resolve, list, delete and restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.models import ReviewComment
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import insert_row, record_from_row

if TYPE_CHECKING:
    from briefing_app.core.library import Library


class CommentManager:
    """Review comments in a library: `lib.comments`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def add(
        self,
        note_id: int,
        section_key: str,
        body: str,
        *,
        author: str = "",
        anchor_text: str = "",
        start: int | None = None,
        end: int | None = None,
        parent_id: int | None = None,
        resolved: bool = False,
        uid: str | None = None,
        created_at: str | None = None,
    ) -> ReviewComment:
        """Add a comment on a section's text range (or the whole section); return it."""
        if not body.strip():
            raise InvalidInput("a comment needs some text")
        note = self._lib.notes.get(note_id)
        if section_key and note.section(section_key) is None:
            raise NotFound(f"note {note_id} has no section {section_key!r}")
        with self._lib.write() as changes:
            cur = self._lib.conn.execute(
                "INSERT INTO review_comments (uid, note_id, section_key, anchor_text, start, "
                '"end", author, body, resolved, parent_id, created_at) '
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    uid or new_uid(),
                    note_id,
                    section_key,
                    anchor_text,
                    start,
                    end,
                    author.strip(),
                    body.strip(),
                    int(resolved),
                    parent_id,
                    created_at or now_iso(),
                ),
            )
            comment_id = int(cur.lastrowid or 0)
            changes.comments.add(comment_id)
            changes.notes.add(note_id)
        return self.get(comment_id)

    def reply(self, comment_id: int, body: str, author: str = "") -> ReviewComment:
        """Reply to a comment; the reply sits on the same section."""
        parent = self.get(comment_id)
        return self.add(
            parent.note_id, parent.section_key, body, author=author, parent_id=parent.id
        )

    def get(self, comment_id: int) -> ReviewComment:
        """Return the comment with this id; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT * FROM review_comments WHERE id = ?", (comment_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no review comment with id {comment_id}")
        return _comment_from_row(row)

    def by_uid(self, uid: str) -> ReviewComment | None:
        """Return the comment with this global id, or None."""
        row = self._lib.conn.execute(
            "SELECT * FROM review_comments WHERE uid = ?", (uid,)
        ).fetchone()
        return _comment_from_row(row) if row else None

    def all(self, note_id: int, resolved: bool | None = None) -> list[ReviewComment]:
        """Return a note's comments in order (only those of open or resolved threads when asked).

        A reply goes with its thread: it is open while the comment that starts the thread is.
        """
        rows = self._lib.conn.execute(
            "SELECT * FROM review_comments WHERE note_id = ? ORDER BY id", (note_id,)
        )
        comments = [_comment_from_row(r) for r in rows]
        if resolved is None:
            return comments
        # The review pane's Open/Resolved filter shows a thread by its first comment, with
        # every reply under it; listings filter the same way.
        by_id = {c.id: c for c in comments}

        def thread_resolved(comment: ReviewComment) -> bool:
            seen = {comment.id}
            while comment.parent_id in by_id and comment.parent_id not in seen:
                comment = by_id[comment.parent_id]
                seen.add(comment.id)
            return comment.resolved

        return [c for c in comments if thread_resolved(c) == resolved]

    def resolve(self, comment_id: int, resolved: bool = True) -> ReviewComment:
        """Mark a comment resolved (or open again)."""
        comment = self.get(comment_id)
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "UPDATE review_comments SET resolved = ? WHERE id = ?",
                (int(resolved), comment_id),
            )
            changes.comments.add(comment_id)
            changes.notes.add(comment.note_id)
        return self.get(comment_id)

    def delete(self, comment_id: int) -> tuple[ReviewComment, ...]:
        """Delete a comment and its replies; return them all as they were, for `restore`."""
        comment = self.get(comment_id)
        with self._lib.write() as changes:
            thread = self._lib.conn.execute(
                "WITH RECURSIVE thread(id) AS (SELECT ? UNION "
                "SELECT c.id FROM review_comments c JOIN thread t ON c.parent_id = t.id) "
                "SELECT * FROM review_comments WHERE id IN thread ORDER BY id",
                (comment_id,),
            ).fetchall()
            removed = tuple(_comment_from_row(r) for r in thread)
            self._lib.conn.execute("DELETE FROM review_comments WHERE id = ?", (comment_id,))
            changes.comments.update(c.id for c in removed)
            changes.notes.add(comment.note_id)
        return removed

    def restore(self, comments: Sequence[ReviewComment]) -> tuple[ReviewComment, ...]:
        """Put deleted comments back exactly (ids, uids, times, replies under their parents);
        return them in order.

        Refused with InvalidInput when a comment's note or the comment it replies to is gone.
        """
        try:
            with self._lib.write() as changes:
                # In id order: a reply is always made after (so numbered after) its parent.
                for c in sorted(comments, key=lambda c: c.id):
                    insert_row(self._lib.conn, "review_comments", c.to_json())
                    changes.comments.add(c.id)
                    changes.notes.add(c.note_id)
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"the comment cannot be restored: {exc}") from exc
        return tuple(self.get(c.id) for c in sorted(comments, key=lambda c: c.id))


def _comment_from_row(row: sqlite3.Row) -> ReviewComment:
    return record_from_row(ReviewComment, row, resolved=bool(row["resolved"]))
