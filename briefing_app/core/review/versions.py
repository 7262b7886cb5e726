"""Versions of a note: snapshots taken at each review round, and what changed between two."""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import insert_row

if TYPE_CHECKING:
    from briefing_app.core.library import Library

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass
class NoteVersion:
    """A snapshot of a note: its number, why it was taken, and each section's heading and body."""

    id: int
    uid: str
    note_id: int
    number: int
    created_at: str
    reason: str
    author: str
    status: str
    title: str
    sections: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "note_id": self.note_id,
            "number": self.number,
            "created_at": self.created_at,
            "reason": self.reason,
            "author": self.author,
            "status": self.status,
            "title": self.title,
            "sections": self.sections,
        }


@dataclass(frozen=True)
class Change:
    """One run of a word-level diff: 'equal', 'insert', 'delete' or 'replace' and the texts."""

    op: str
    old: str
    new: str


@dataclass
class SectionDiff:
    """How one section changed between two versions."""

    key: str
    heading: str
    status: str  # "unchanged", "changed", "added", "removed"
    changes: list[Change] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "key": self.key,
            "heading": self.heading,
            "status": self.status,
            "changes": [c.__dict__ for c in self.changes],
        }


def diff_text(old: str, new: str) -> list[Change]:
    """Return the word-level changes that turn old into new.

    >>> [c.op for c in diff_text("three died", "five died")]
    ['replace', 'equal']
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        Change(op, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


class VersionManager:
    """Note versions in a library: `lib.versions`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def snapshot(
        self, note_id: int, reason: str, author: str = "", bodies: Mapping[str, str] | None = None
    ) -> NoteVersion:
        """Record the note as it is now, numbered after the last version, with a reason.

        bodies replace the stored text of some sections: a writer's text that could not be
        saved (another process changed the section meanwhile) is kept as a version this way.
        """
        note = self._lib.notes.get(note_id)
        held = bodies or {}
        sections = [
            {"key": s.key, "heading": s.heading, "body": held.get(s.key, s.body)}
            for s in note.sections
        ]
        return self.record(note_id, sections, reason, author, note.status, note.title)

    def record(
        self,
        note_id: int,
        sections: list[dict[str, str]],
        reason: str,
        author: str,
        status: str,
        title: str,
        *,
        uid: str | None = None,
        created_at: str | None = None,
    ) -> NoteVersion:
        """Store a version of a note (a snapshot, or one received in a review package)."""
        with self._lib.write() as changes:
            number = self._lib.conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM note_versions WHERE note_id = ?",
                (note_id,),
            ).fetchone()[0]
            cur = self._lib.conn.execute(
                "INSERT INTO note_versions (uid, note_id, number, created_at, reason, author, "
                "status, title, sections) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    uid or new_uid(),
                    note_id,
                    number,
                    created_at or now_iso(),
                    reason,
                    author,
                    status,
                    title,
                    json.dumps(sections, ensure_ascii=False),
                ),
            )
            changes.notes.add(note_id)
            version_id = int(cur.lastrowid or 0)
        return self.get(version_id)

    def delete(self, version_id: int) -> NoteVersion:
        """Delete a version (the undo of the change of status that kept it); return it."""
        version = self.get(version_id)
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM note_versions WHERE id = ?", (version_id,))
            changes.notes.add(version.note_id)
        return version

    def restore(self, version: NoteVersion) -> NoteVersion:
        """Put a deleted version back exactly: id, uid, number and time."""
        values = version.to_json()
        values["sections"] = json.dumps(version.sections, ensure_ascii=False)
        try:
            with self._lib.write() as changes:
                insert_row(self._lib.conn, "note_versions", values)
                changes.notes.add(version.note_id)
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"version {version.number} cannot be restored: {exc}") from exc
        return self.get(version.id)

    def by_uid(self, uid: str) -> NoteVersion | None:
        """Return the version with this global id, or None."""
        row = self._lib.conn.execute(
            "SELECT id FROM note_versions WHERE uid = ?", (uid,)
        ).fetchone()
        return self.get(row[0]) if row else None

    def get(self, version_id: int) -> NoteVersion:
        """Return the version with this id; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT * FROM note_versions WHERE id = ?", (version_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no note version with id {version_id}")
        data = dict(row)
        data["sections"] = json.loads(data["sections"])
        return NoteVersion(**data)

    def all(self, note_id: int) -> list[NoteVersion]:
        """Return a note's versions, oldest first."""
        rows = self._lib.conn.execute(
            "SELECT id FROM note_versions WHERE note_id = ? ORDER BY number", (note_id,)
        ).fetchall()
        return [self.get(r[0]) for r in rows]

    def by_number(self, note_id: int, number: int) -> NoteVersion:
        """Return version `number` of a note; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT id FROM note_versions WHERE note_id = ? AND number = ?", (note_id, number)
        ).fetchone()
        if row is None:
            raise NotFound(f"note {note_id} has no version {number}")
        return self.get(row[0])

    def diff(self, note_id: int, old: int, new: int | None = None) -> list[SectionDiff]:
        """Compare version `old` with version `new` (or with the note as it is now)."""
        before = self.by_number(note_id, old).sections
        if new is None:
            note = self._lib.notes.get(note_id)
            after = [{"key": s.key, "heading": s.heading, "body": s.body} for s in note.sections]
        else:
            after = self.by_number(note_id, new).sections
        old_by_key = {s["key"]: s for s in before}
        new_by_key = {s["key"]: s for s in after}
        result = []
        for key in [*new_by_key, *[k for k in old_by_key if k not in new_by_key]]:
            o, n = old_by_key.get(key), new_by_key.get(key)
            if o is None and n is not None:
                result.append(SectionDiff(key, n["heading"], "added", diff_text("", n["body"])))
            elif n is None and o is not None:
                result.append(SectionDiff(key, o["heading"], "removed", diff_text(o["body"], "")))
            elif o is not None and n is not None:
                same = o["body"] == n["body"]
                result.append(
                    SectionDiff(
                        key,
                        n["heading"],
                        "unchanged" if same else "changed",
                        [] if same else diff_text(o["body"], n["body"]),
                    )
                )
        return result
