"""Review comments on notes: add, reply, resolve, list, delete and restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.models import Note, ReviewComment
from briefing_app.core.review.comment_places import (
    CommentPlace,
    comment_span,
    follow_edit,
    is_unanchored,
)
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import insert_row, record_from_row

if TYPE_CHECKING:
    from briefing_app.core.library import Library


@dataclass(frozen=True)
class NewComment:
    """A comment to add with CommentManager.add_many: where it sits, what it says, whose it is."""

    section_key: str
    body: str
    author: str = ""
    anchor_text: str = ""
    start: int | None = None
    end: int | None = None
    parent_uid: str | None = None
    resolved: bool = False
    uid: str | None = None
    created_at: str | None = None


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
        comment = NewComment(
            section_key,
            body,
            author=author,
            anchor_text=anchor_text,
            start=start,
            end=end,
            resolved=resolved,
            uid=uid,
            created_at=created_at,
        )
        note = self._lib.notes.get(note_id)
        _check(note, comment)
        section = note.section(section_key)
        if section is not None:
            check_comment_span(section.body, start, end)
        with self._lib.write() as changes:
            comment_id = insert_row(
                self._lib.conn, "review_comments", _row(note_id, comment, parent_id)
            )
            changes.comments.add(comment_id)
            changes.notes.add(note_id)
        return self.get(comment_id)

    def add_many(self, note_id: int, comments: Sequence[NewComment]) -> list[int]:
        """Add comments to one note at once (a review package's); return their ids in order.

        A reply names its parent by uid: an earlier comment of the list, or one already here.

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> note = lib.notes.create("N", "briefing-note", [("summary", "Summary")])
        >>> lib.comments.add_many(note.id, [NewComment("summary", "Source?", uid="a"),
        ...                                 NewComment("summary", "Ministry.", parent_uid="a")])
        [1, 2]
        """
        if not comments:
            return []
        note = self._lib.notes.get(note_id)
        for comment in comments:
            _check(note, comment)
        # Imported here: sqlite-utils takes ~0.07 s CPU to import, which start-up must not pay.
        from sqlite_utils import Database

        with self._lib.write() as changes:
            conn = self._lib.conn
            # Ids handed out here, as SQLite would (max + 1), so replies can point at comments of
            # the same list; the write transaction holds the lock, so no one else takes them.
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM review_comments")
            next_id = int(first.fetchone()[0])
            ids: dict[str, int] = {}
            rows: list[dict[str, Any]] = []
            for comment in comments:
                parent = ids.get(comment.parent_uid or "") or self._id_of(comment.parent_uid)
                row = _row(note_id, comment, parent)
                row["id"] = ids[row["uid"]] = next_id + len(rows)
                rows.append(row)
            # Version 4 of sqlite-utils and later join the open transaction (a savepoint).
            db = Database(conn, recursive_triggers=False, execute_plugins=False)
            db.table("review_comments").insert_all(rows)
            changes.comments.update(r["id"] for r in rows)
            changes.notes.add(note_id)
        return [r["id"] for r in rows]

    def _id_of(self, uid: str | None) -> int | None:
        if not uid:
            return None
        row = self._lib.conn.execute("SELECT id FROM review_comments WHERE uid = ?", (uid,))
        found = row.fetchone()
        return int(found[0]) if found else None

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
        A comment whose section was typed in since goes where its words are now.
        """
        try:
            with self._lib.write() as changes:
                # In id order: a reply is always made after (so numbered after) its parent.
                for c in sorted(comments, key=lambda c: c.id):
                    insert_row(self._lib.conn, "review_comments", c.to_json())
                    changes.comments.add(c.id)
                    changes.notes.add(c.note_id)
                self.move_to_words(comments)
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"the comment cannot be restored: {exc}") from exc
        return tuple(self.get(c.id) for c in sorted(comments, key=lambda c: c.id))

    def places(self, note_id: int, section_key: str) -> dict[int, CommentPlace]:
        """Return where the comments on words of a section sit, by id (what `move` writes)."""
        rows = self._lib.conn.execute(
            'SELECT id, start, "end", anchor_text FROM review_comments '
            'WHERE note_id = ? AND section_key = ? AND start IS NOT NULL AND "end" IS NOT NULL '
            "ORDER BY id",
            (note_id, section_key),
        )
        return {r["id"]: CommentPlace(r["start"], r["end"], r["anchor_text"]) for r in rows}

    def follow(
        self, note_id: int, section_key: str, old: str, new: str, *, keep: Sequence[int] = ()
    ) -> dict[int, CommentPlace]:
        """Return where the comments on a section's text old sit once it reads new (by id,
        those that move), but for the comments in keep.

        Nothing is written: the note's edit writes the text and these places together.
        """
        places = self.places(note_id, section_key)
        for comment_id in keep:
            places.pop(comment_id, None)
        return follow_edit(old, new, places)

    def move(self, note_id: int, places: Mapping[int, CommentPlace]) -> None:
        """Put comments of a note at places (by id): with the edit of their section's text."""
        if not places:
            return
        with self._lib.write() as changes:
            self._lib.conn.executemany(
                'UPDATE review_comments SET start = ?, "end" = ?, anchor_text = ? '
                "WHERE id = ? AND note_id = ?",
                [(p.start, p.end, p.anchor_text, i, note_id) for i, p in places.items()],
            )
            changes.comments.update(places)
            changes.notes.add(note_id)

    def move_to_words(self, comments: Sequence[ReviewComment]) -> None:
        """Put comments whose offsets no longer hold their words where the words are now
        (comments kept while their section was typed in: a delete's, to restore)."""
        places: dict[int, dict[int, CommentPlace]] = {}
        bodies: dict[tuple[int, str], str | None] = {}
        for c in comments:
            if c.start is None or c.end is None or c.start == c.end:
                continue
            where = (c.note_id, c.section_key)
            if where not in bodies:
                section = self._lib.notes.get(c.note_id).section(c.section_key)
                bodies[where] = section.body if section is not None else None
            body = bodies[where]
            span = comment_span(c, body) if body is not None else None
            if span is not None and span != (c.start, c.end):
                places.setdefault(c.note_id, {})[c.id] = CommentPlace(*span, c.anchor_text)
        for note_id, moved in places.items():
            self.move(note_id, moved)

    def unanchored(self, note_id: int) -> list[ReviewComment]:
        """Return a note's comments whose words were deleted from their section since.

        They stay on the section as a whole (in the review pane, a review copy, a package)
        until resolved or deleted; their anchor_text says which words they were on.
        """
        note = self._lib.notes.get(note_id)
        bodies = {s.key: s.body for s in note.sections}
        return [
            c
            for c in self.all(note_id)
            if c.section_key in bodies and is_unanchored(c, bodies[c.section_key])
        ]


def _comment_from_row(row: sqlite3.Row) -> ReviewComment:
    return record_from_row(ReviewComment, row, resolved=bool(row["resolved"]))


def _check(note: Note, comment: NewComment) -> None:
    """Refuse a comment with no text, or on a section the note does not have."""
    if not comment.body.strip():
        raise InvalidInput("a comment needs some text")
    if comment.section_key and note.section(comment.section_key) is None:
        raise NotFound(f"note {note.id} has no section {comment.section_key!r}")


def check_comment_span(body: str, start: int | None, end: int | None) -> None:
    """Refuse a comment's place that is not a range of its section's text (none: the whole).

    Only where the comment is made: a package's comments are checked against the sender's
    section, since the receiver's may have changed since (the anchor text finds them again).

    >>> check_comment_span("Three died.", 0, 5)
    """
    if start is None and end is None:
        return
    if start is None or end is None or not 0 <= start <= end <= len(body):
        raise InvalidInput(
            f"the comment's place {start}-{end} is outside its section (0-{len(body)})"
        )


def _row(note_id: int, comment: NewComment, parent_id: int | None) -> dict[str, Any]:
    """Return the review_comments row for comment, by column."""
    return {
        "uid": comment.uid or new_uid(),
        "note_id": note_id,
        "section_key": comment.section_key,
        "anchor_text": comment.anchor_text,
        "start": comment.start,
        "end": comment.end,
        "author": comment.author.strip(),
        "body": comment.body.strip(),
        "resolved": int(comment.resolved),
        "parent_id": parent_id,
        "created_at": comment.created_at or now_iso(),
    }
