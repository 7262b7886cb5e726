"""Operations on notes and their sections."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NoteIsFinal, NotFound
from briefing_app.core.models import NOTE_STATUSES, Note, NoteHeader, ReviewComment, Section
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.text.citations import cited_keys
from briefing_app.core.text.dates import check_day

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.review.edits import SuggestedEdit
    from briefing_app.core.review.versions import NoteVersion

HEADER_FIELDS = ("title", "marking", "memo_to", "memo_from", "subject", "memo_date", "status")


class NoteManager:
    """Notes in a library: `lib.notes`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def create(
        self,
        title: str,
        template: str,
        sections: Sequence[tuple[str, str]],
        *,
        marking: str = "",
        bodies: dict[str, str] | None = None,
        uid: str | None = None,
        section_uids: dict[str, str] | None = None,
        **header: str,
    ) -> Note:
        """Create a note with (key, heading) sections, optionally with their bodies; return it."""
        if not title.strip():
            raise InvalidInput("a note needs a title")
        unknown = set(header) - set(HEADER_FIELDS)
        if unknown:
            raise InvalidInput(f"unknown note field(s): {', '.join(sorted(unknown))}")
        memo_date = check_day(header.get("memo_date", ""), "memo date") or ""
        keys = [k for k, _ in sections]
        if len(set(keys)) != len(keys):
            raise InvalidInput("section keys must be unique")
        bodies = bodies or {}
        now = now_iso()
        with self._lib.write() as changes:
            cur = self._lib.conn.execute(
                "INSERT INTO notes (uid, title, template, marking, memo_to, memo_from, subject, "
                "memo_date, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    uid or new_uid(),
                    title.strip(),
                    template,
                    marking,
                    header.get("memo_to", ""),
                    header.get("memo_from", ""),
                    header.get("subject", ""),
                    memo_date,
                    now,
                    now,
                ),
            )
            note_id = int(cur.lastrowid or 0)
            for position, (key, heading) in enumerate(sections):
                self._lib.conn.execute(
                    "INSERT INTO note_sections (uid, note_id, key, heading, position, body) "
                    "VALUES (?,?,?,?,?,?)",
                    (
                        (section_uids or {}).get(key) or new_uid(),
                        note_id,
                        key,
                        heading,
                        position,
                        bodies.get(key, ""),
                    ),
                )
            self._record_citations(note_id)
            changes.notes.add(note_id)
        return self.get(note_id)

    def get(self, note_id: int) -> Note:
        """Return the note with its sections in order; raise NotFound."""
        row = self._lib.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotFound(f"no note with id {note_id}")
        return self._note_from_row(row)

    def by_uid(self, uid: str) -> Note | None:
        """Return the note with this global id, or None."""
        row = self._lib.conn.execute("SELECT * FROM notes WHERE uid = ?", (uid,)).fetchone()
        return self._note_from_row(row) if row else None

    def find(self, ref: str | int) -> Note:
        """Return the note named by id, uid or exact title; InvalidInput if a title is shared."""
        text = str(ref).strip()
        if text.isdigit():
            if int(text) >= 2**63:  # larger than any SQLite id
                raise NotFound(f"no note with id {text}")
            return self.get(int(text))
        row = self._lib.conn.execute("SELECT * FROM notes WHERE uid = ?", (text,)).fetchone()
        if row is not None:
            return self._note_from_row(row)
        rows = self._lib.conn.execute(
            "SELECT * FROM notes WHERE title = ? COLLATE NOCASE ORDER BY id", (text,)
        ).fetchall()
        if not rows:
            raise NotFound(f"no note {text!r} (give its id, uid or title)")
        if len(rows) > 1:
            # Picking one would show, export or overwrite a note the user did not mean.
            ids = ", ".join(str(r["id"]) for r in rows)
            raise InvalidInput(f"{len(rows)} notes are titled {text!r} (ids {ids}): give the id")
        return self._note_from_row(rows[0])

    def headers(self) -> list[NoteHeader]:
        """Return what a list shows of every note, most recently changed first (no bodies)."""
        rows = self._lib.conn.execute(
            "SELECT id, title, template, status, marking, modified_at FROM notes"
            " ORDER BY modified_at DESC, id DESC"
        ).fetchall()
        return [NoteHeader(*r) for r in rows]

    def all(self) -> list[Note]:
        """Return every note (with sections), most recently changed first."""
        rows = self._lib.conn.execute(
            "SELECT * FROM notes ORDER BY modified_at DESC, id DESC"
        ).fetchall()
        # Every section in one query, not one query per note.
        sections: dict[int, list[Section]] = {}
        for r in self._lib.conn.execute("SELECT * FROM note_sections ORDER BY note_id, position"):
            sections.setdefault(r["note_id"], []).append(_section_from_row(r))
        return [self._note_from_row(r, sections.get(r["id"], [])) for r in rows]

    def update(self, note_id: int, **values: Any) -> Note:
        """Change header fields (HEADER_FIELDS) or settings of a note."""
        settings = values.pop("settings", None)
        unknown = set(values) - set(HEADER_FIELDS)
        if unknown:
            raise InvalidInput(f"cannot edit note field(s): {', '.join(sorted(unknown))}")
        if "status" in values and values["status"] not in NOTE_STATUSES:
            raise InvalidInput(f"status must be one of: {', '.join(NOTE_STATUSES)}")
        if "title" in values and not str(values["title"]).strip():
            raise InvalidInput("a note needs a title")
        if "memo_date" in values:
            values["memo_date"] = check_day(values["memo_date"], "memo date") or ""
        note = self.get(note_id)
        if note.status == "final" and set(values) - {"status"}:
            raise NoteIsFinal(f"note {note_id} is final: reopen it to edit")
        if settings is not None:
            values["settings"] = json.dumps(settings, sort_keys=True)
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            with self._lib.write() as changes:
                self._lib.conn.execute(
                    f"UPDATE notes SET {sets}, modified_at = ? WHERE id = ?",
                    [*values.values(), now_iso(), note_id],
                )
                changes.notes.add(note_id)
        return self.get(note_id)

    def set_setting(self, note_id: int, name: str, value: Any) -> Note:
        """Store one setting of a note; bookkeeping, not an edit (modified_at is kept)."""
        settings = {**self.get(note_id).settings, name: value}
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "UPDATE notes SET settings = ? WHERE id = ?",
                (json.dumps(settings, sort_keys=True), note_id),
            )
            changes.notes.add(note_id)
        return self.get(note_id)

    def set_section(self, note_id: int, key: str, body: str) -> Note:
        """Replace the Markdown body of one section."""
        note = self.get(note_id)
        if note.status == "final":
            raise NoteIsFinal(f"note {note_id} is final: reopen it to edit")
        if note.section(key) is None:
            known = ", ".join(s.key for s in note.sections)
            raise NotFound(f"note {note_id} has no section {key!r} (it has: {known})")
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "UPDATE note_sections SET body = ? WHERE note_id = ? AND key = ?",
                (body, note_id, key),
            )
            self._lib.conn.execute(
                "UPDATE notes SET modified_at = ? WHERE id = ?", (now_iso(), note_id)
            )
            self._record_citations(note_id)
            changes.notes.add(note_id)
        return self.get(note_id)

    def set_status(self, note_id: int, status: str, reason: str = "", author: str = "") -> Note:
        """Move a note through draft → in review → final (or reopen it), keeping a version.

        Each change of status snapshots the note, so a reviewer can compare review rounds.
        """
        if status not in NOTE_STATUSES:
            raise InvalidInput(f"status must be one of: {', '.join(NOTE_STATUSES)}")
        note = self.get(note_id)
        if note.status == status:
            return note
        why = reason or f"{note.status} → {status}"
        with self._lib.write():
            self._lib.versions.snapshot(note_id, why, author)
            self.update(note_id, status=status)
        return self.get(note_id)

    def delete(self, note_id: int) -> Note:
        """Delete a note and its sections; return it as it was (for undo)."""
        note = self.get(note_id)
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            changes.notes.add(note_id)
        return note

    def restore(
        self,
        note: Note,
        comments: Sequence[ReviewComment] = (),
        versions: Sequence[NoteVersion] = (),
        edits: Sequence[SuggestedEdit] = (),
    ) -> Note:
        """Re-insert a deleted note with its id, uid, sections and settings (undo of delete).

        comments, versions, edits: the note's review comments, versions and suggested edits as
        they were before the delete (which removed them with the note); they come back with
        their uids, replies under their parents, versions in order, edits with their status.
        """
        values = {
            f.name: getattr(note, f.name) for f in fields(Note) if f.name not in ("sections",)
        }
        values["settings"] = json.dumps(note.settings, sort_keys=True)
        cols = ", ".join(f'"{k}"' for k in values)
        try:
            with self._lib.write() as changes:
                self._lib.conn.execute(
                    f"INSERT INTO notes ({cols}) VALUES ({','.join('?' * len(values))})",
                    list(values.values()),
                )
                for s in note.sections:
                    self._lib.conn.execute(
                        "INSERT INTO note_sections (id, uid, note_id, key, heading, position, "
                        "body) VALUES (?,?,?,?,?,?,?)",
                        (s.id, s.uid, note.id, s.key, s.heading, s.position, s.body),
                    )
                changes.notes.add(note.id)
                new_ids: dict[int, int] = {}
                for c in sorted(comments, key=lambda c: c.id):
                    parent = new_ids.get(c.parent_id) if c.parent_id is not None else None
                    new_ids[c.id] = self._lib.comments.add(
                        note.id,
                        c.section_key,
                        c.body,
                        author=c.author,
                        anchor_text=c.anchor_text,
                        start=c.start,
                        end=c.end,
                        parent_id=parent,
                        resolved=c.resolved,
                        uid=c.uid,
                        created_at=c.created_at,
                    ).id
                for v in sorted(versions, key=lambda v: v.number):
                    self._lib.versions.record(
                        note.id,
                        v.sections,
                        v.reason,
                        v.author,
                        v.status,
                        v.title,
                        uid=v.uid,
                        created_at=v.created_at,
                    )
                for e in sorted(edits, key=lambda e: e.id):
                    self._lib.edits.add(
                        note.id,
                        e.section_key,
                        e.old_text,
                        e.new_text,
                        prefix=e.prefix,
                        suffix=e.suffix,
                        author=e.author,
                        created_at=e.created_at,
                        uid=e.uid,
                        status=e.status,
                    )
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"note {note.id} cannot be restored: {exc}") from exc
        return self.get(note.id)

    def cited_keys(self, note: Note) -> list[str]:
        """Return the claim keys a note cites, each once, in order of first citation."""
        return cited_keys("\n\n".join(s.body for s in note.sections))

    def _record_citations(self, note_id: int) -> None:
        """Remember the revision of each newly cited claim, so later edits can be flagged."""
        note = self.get(note_id)
        revisions = dict(note.settings.get("cited_revisions", {}))
        new = [k for k in self.cited_keys(note) if k not in revisions]
        if not new:
            return
        for key, claim in self._lib.claims.by_keys(new).items():
            revisions[key] = claim.revision
        settings = {**note.settings, "cited_revisions": revisions}
        self._lib.conn.execute(
            "UPDATE notes SET settings = ? WHERE id = ?",
            (json.dumps(settings, sort_keys=True), note_id),
        )

    def _note_from_row(self, row: sqlite3.Row, sections: list[Section] | None = None) -> Note:
        data = dict(row)
        data["settings"] = json.loads(data.get("settings") or "{}")
        note = Note(**data)
        if sections is None:
            sections = [
                _section_from_row(r)
                for r in self._lib.conn.execute(
                    "SELECT * FROM note_sections WHERE note_id = ? ORDER BY position", (note.id,)
                )
            ]
        note.sections = sections
        return note


def _section_from_row(r: sqlite3.Row) -> Section:
    return Section(r["id"], r["uid"], r["key"], r["heading"], r["body"], r["position"])
