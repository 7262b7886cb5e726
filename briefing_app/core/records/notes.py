"""Operations on notes and their sections; each write returns what its undo needs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import Edit, now_iso, refuse_conflicts
from briefing_app.core.errors import InvalidInput, NoteIsFinal, NotFound
from briefing_app.core.models import NOTE_STATUSES, Note, NoteHeader, ReviewComment, Section
from briefing_app.core.records.note_settings import CITED_GRADES, CITED_REVISIONS, NOT_COPIED
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import insert_row
from briefing_app.core.text.citations import cited_keys
from briefing_app.core.text.control_chars import check_no_control_chars
from briefing_app.core.text.dates import check_day
from briefing_app.core.text.find import replace_all

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.review.comment_places import CommentPlace
    from briefing_app.core.review.edits import SuggestedEdit
    from briefing_app.core.review.versions import NoteVersion

HEADER_FIELDS = ("title", "marking", "memo_to", "memo_from", "subject", "memo_date", "status")
# The tables whose rows belong to a note (ON DELETE CASCADE): a delete returns them all.
NOTE_TABLES = ("note_sections", "review_comments", "note_versions", "suggested_edits")


# A change of a note. Keys: header fields (HEADER_FIELDS), "modified_at", "settings.NAME"
# (None: not set), "section.KEY" (a section's body) and, written with it, "anchors.KEY" (the
# places of the review comments on that section's words, by comment id: they follow the text,
# and an undo puts them back exactly); `lib.notes.revert(edit)` undoes it.
NoteEdit = Edit


@dataclass(frozen=True)
class NoteReplace:
    """What a replace across a note's sections did: the edit (for revert) and its counts."""

    edit: NoteEdit
    count: int  # matches replaced
    sections: int  # sections changed


@dataclass(frozen=True)
class StatusChange:
    """A change of a note's status and the version kept with it.

    version_added is False for the change that undoes one: reverting it puts the version back.
    """

    edit: NoteEdit
    version: NoteVersion | None = None
    version_added: bool = True


@dataclass(frozen=True)
class RemovedNote:
    """Everything a note's delete removed: the note (sections, settings), its review comments
    and replies, versions and suggested edits, as they were (`lib.notes.restore` puts them back).
    """

    note: Note
    comments: tuple[ReviewComment, ...] = ()
    versions: tuple[NoteVersion, ...] = ()
    edits: tuple[SuggestedEdit, ...] = ()


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
        for key, body in bodies.items():
            check_no_control_chars(body, f"the section {key!r}")
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
            cited = self._new_citations({}, bodies.values())
            if cited:
                self._lib.conn.execute(
                    "UPDATE notes SET settings = ? WHERE id = ?",
                    (json.dumps(cited, sort_keys=True), note_id),
                )
            changes.notes.add(note_id)
        return self.get(note_id)

    def duplicate(self, note_id: int) -> Note:
        """Copy a note as a new draft titled "… (copy)": every header field (the memo date
        too), its sections and its settings, except those only the original can hold.

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> sections = [("bluf", "BLUF")]
        >>> note = lib.notes.create("Brief", "briefing-note", sections, memo_date="2026-01-05")
        >>> copy = lib.notes.duplicate(note.id)
        >>> copy.title, copy.memo_date
        ('Brief (copy)', '2026-01-05')
        """
        note = self.get(note_id)
        header = {k: getattr(note, k) for k in HEADER_FIELDS if k not in ("title", "status")}
        with self._lib.write():
            copy = self.create(
                f"{note.title} (copy)",
                note.template,
                [(s.key, s.heading) for s in note.sections],
                bodies={s.key: s.body for s in note.sections},
                **header,
            )
            kept = {f"settings.{k}": v for k, v in note.settings.items() if k not in NOT_COPIED}
            if kept:
                self.edit(copy.id, kept, touch=False)
        return self.get(copy.id)

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
        """Change header fields (HEADER_FIELDS) or settings (a whole dict) of a note."""
        settings = values.pop("settings", None)
        unknown = set(values) - set(HEADER_FIELDS)
        if unknown:
            raise InvalidInput(f"cannot edit note field(s): {', '.join(sorted(unknown))}")
        if settings is not None:
            held = self.get(note_id).settings
            for name in {*held, *settings}:
                if settings.get(name) != held.get(name):
                    values[f"settings.{name}"] = settings.get(name)
        self.edit(note_id, values)
        return self.get(note_id)

    def edit(
        self,
        note_id: int,
        values: Mapping[str, Any],
        *,
        touch: bool = True,
        origin: object = None,
        expected: Mapping[str, Any] | None = None,
    ) -> NoteEdit:
        """Change a note's header fields, settings or section bodies in one transaction.

        Keys as in NoteEdit: a header field, "settings.NAME" (None unsets it) or
        "section.KEY". Returns what was replaced, so `revert` is the undo. touch=False is
        bookkeeping, not an edit: modified_at is kept and a final note may take it. origin
        marks the Changes it reports (see Changes.origin). expected (same keys) holds what the
        editor last loaded: if the note holds anything else, ConflictingEdit, nothing written.

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
        >>> edit = lib.notes.edit(note.id, {"title": "Renamed"})
        >>> _ = lib.notes.revert(edit)
        >>> lib.notes.get(note.id).title
        'Brief'
        """
        values = dict(values)
        note = self.get(note_id)
        if touch and note.status == "final" and set(values) - {"status"}:
            raise NoteIsFinal(note_id)
        self._check_edit(note, values)
        if "memo_date" in values:
            values["memo_date"] = check_day(values["memo_date"], "memo date") or ""
        if any(k.startswith("section.") for k in values):
            bodies = [values.get(f"section.{s.key}", s.body) for s in note.sections]
            cited = self._new_citations(note.settings, bodies)
            for name, value in (cited or {}).items():
                values[f"settings.{name}"] = value
        if touch and values:
            values["modified_at"] = now_iso()
        if not values:
            return NoteEdit(note_id)
        with self._lib.write(origin) as changes:
            if expected or any(k.startswith("section.") for k in values):
                # Read again inside the transaction: another process may have written since,
                # and comments move by the text the section holds.
                note = self.get(note_id)
            if expected:
                refuse_conflicts(f"note {note_id}", expected, lambda k: self._value(note, k))
            before, written = self._write(note, values)
            changes.notes.add(note_id)
        return NoteEdit(note_id, before, written)

    def _check_edit(self, note: Note, values: Mapping[str, Any]) -> None:
        """Refuse edit values that name no field or section, or that a note cannot hold."""
        unknown = []
        for key in values:
            name = key.removeprefix("section.")
            if name != key and note.section(name) is None:
                known = ", ".join(s.key for s in note.sections)
                raise NotFound(f"note {note.id} has no section {name!r} (it has: {known})")
            if name == key and key not in HEADER_FIELDS and not key.startswith("settings."):
                unknown.append(key)
        if unknown:
            raise InvalidInput(f"cannot edit note field(s): {', '.join(sorted(unknown))}")
        if "status" in values and values["status"] not in NOTE_STATUSES:
            raise InvalidInput(f"status must be one of: {', '.join(NOTE_STATUSES)}")
        if "title" in values and not str(values["title"]).strip():
            raise InvalidInput("a note needs a title")
        for key, value in values.items():
            if key.startswith("section.") and isinstance(value, str):
                check_no_control_chars(value, f"the section {key.removeprefix('section.')!r}")

    def revert(self, edit: NoteEdit) -> NoteEdit:
        """Put back exactly what an edit replaced (modified_at too); return the edit that redoes it.

        Refused when a section's text changed since the edit (putting the old text back would
        lose that typing) or when a final note would get other header fields or text.
        """
        note = self.get(edit.record_id)
        for key, body in edit.after.items():
            if key.startswith("section.") and self._value(note, key) != body:
                section = key.removeprefix("section.")
                raise InvalidInput(f"the section {section!r} changed since; undo it by hand")
        stays_final = edit.before.get("status", note.status) == "final" == note.status
        touched = [k for k in edit.before if k in HEADER_FIELDS or k.startswith("section.")]
        if stays_final and set(touched) - {"status"}:
            raise NoteIsFinal(note.id)
        with self._lib.write() as changes:
            self._write(note, edit.before)
            changes.notes.add(note.id)
        return edit.inverse()

    def set_section(
        self,
        note_id: int,
        key: str,
        body: str,
        *,
        origin: object = None,
        expected: str | None = None,
    ) -> Note:
        """Replace the Markdown body of one section; origin marks the Changes it reports.

        expected is the body the editor last loaded: when the section holds another text (set
        from the command line, say), ConflictingEdit carries it and nothing is written.

        >>> from briefing_app.core.errors import ConflictingEdit
        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
        >>> _ = lib.notes.set_section(note.id, "bluf", "Theirs")
        >>> try:
        ...     lib.notes.set_section(note.id, "bluf", "Mine", expected="")
        ... except ConflictingEdit as conflict:
        ...     print(conflict.stored)
        Theirs
        """
        field = f"section.{key}"
        checked = None if expected is None else {field: expected}
        self.edit(note_id, {field: body}, origin=origin, expected=checked)
        return self.get(note_id)

    def set_status(self, note_id: int, status: str, reason: str = "", author: str = "") -> Note:
        """Move a note through draft → in review → final (or reopen it), keeping a version.

        Each change of status snapshots the note, so a reviewer can compare review rounds.
        """
        self.change_status(note_id, status, reason, author)
        return self.get(note_id)

    def change_status(
        self, note_id: int, status: str, reason: str = "", author: str = ""
    ) -> StatusChange:
        """Change a note's status as `set_status` does; return what `revert_status` undoes."""
        if status not in NOTE_STATUSES:
            raise InvalidInput(f"status must be one of: {', '.join(NOTE_STATUSES)}")
        note = self.get(note_id)
        if note.status == status:
            return StatusChange(NoteEdit(note_id), None)
        why = reason or f"{note.status} → {status}"
        with self._lib.write():
            version = self._lib.versions.snapshot(note_id, why, author)
            edit = self.edit(note_id, {"status": status})
        return StatusChange(edit, version)

    def revert_status(self, change: StatusChange) -> StatusChange:
        """Undo a change of status: the status and the version it kept go (or come back, when
        the change undid one); return the change that redoes it."""
        with self._lib.write():
            if change.version is not None and change.version_added:
                self._lib.versions.delete(change.version.id)
            elif change.version is not None:
                self._lib.versions.restore(change.version)
            edit = self.revert(change.edit)
        return StatusChange(edit, change.version, not change.version_added)

    def delete(self, note_id: int) -> RemovedNote:
        """Delete a note with everything keyed to it; return all of it, for `restore`."""
        with self._lib.write() as changes:
            removed = RemovedNote(
                self.get(note_id),
                tuple(self._lib.comments.all(note_id)),
                tuple(self._lib.versions.all(note_id)),
                tuple(self._lib.edits.all(note_id)),
            )
            self._lib.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            changes.notes.add(note_id)
            changes.comments.update(c.id for c in removed.comments)
        return removed

    def restore(self, removed: RemovedNote) -> Note:
        """Put a deleted note back exactly as `delete` returned it (the undo of a delete).

        The note, its sections, comments and replies, versions and suggested edits come back
        with their ids, uids and times, in one transaction.
        """
        note = removed.note
        values = {f.name: getattr(note, f.name) for f in fields(Note) if f.name != "sections"}
        values["settings"] = json.dumps(note.settings, sort_keys=True)
        try:
            with self._lib.write() as changes:
                insert_row(self._lib.conn, "notes", values)
                for s in note.sections:
                    section = {"id": s.id, "uid": s.uid, "note_id": note.id, "key": s.key}
                    section |= {"heading": s.heading, "position": s.position, "body": s.body}
                    insert_row(self._lib.conn, "note_sections", section)
                changes.notes.add(note.id)
                self._lib.comments.restore(removed.comments)
                for version in removed.versions:
                    self._lib.versions.restore(version)
                self._lib.edits.restore(removed.edits)
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"note {note.id} cannot be restored: {exc}") from exc
        return self.get(note.id)

    def replace_all(self, note_id: int, phrase: str, replacement: str) -> NoteReplace:
        """Replace phrase (ignoring case) in every section of a note, in one edit.

        Returns the edit (`revert` undoes it, as one step) and how many were replaced in how
        many sections. A final note refuses it, as any edit.

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
        >>> _ = lib.notes.set_section(note.id, "bluf", "Kabul said no.")
        >>> lib.notes.replace_all(note.id, "kabul", "Kābul").count
        1
        """
        if not phrase:
            raise InvalidInput("give the text to find")
        values: dict[str, str] = {}
        count = 0
        for section in self.get(note_id).sections:
            body, n = replace_all(section.body, phrase, replacement)
            if n:
                values[f"section.{section.key}"] = body
                count += n
        edit = self.edit(note_id, values) if values else NoteEdit(note_id)
        return NoteReplace(edit, count, len(values))

    def citing(self, key: str) -> list[NoteHeader]:
        """Return the notes citing a claim key, most recently changed first.

        Example: ``[n.title for n in lib.notes.citing("C12")]`` names the notes a delete of
        C12 would leave with a broken citation.
        """
        rows = self._lib.conn.execute(
            "SELECT note_id, body FROM note_sections WHERE instr(body, ?) > 0", (key,)
        )
        # A citation never spans sections: each body is parsed on its own.
        ids = {note_id for note_id, body in rows if key in cited_keys(body)}
        return [h for h in self.headers() if h.id in ids]

    def cited_keys(self, note: Note) -> list[str]:
        """Return the claim keys a note cites, each once, in order of first citation."""
        return cited_keys("\n\n".join(s.body for s in note.sections))

    def _new_citations(
        self, settings: Mapping[str, Any], bodies: Iterable[str]
    ) -> dict[str, dict[str, Any]] | None:
        """Return the cited revisions and sources' grades with each newly cited claim's (by
        setting name), or None if none is new.

        Remembering the revision a note was written against lets later claim edits be flagged,
        and its source's reliability then, a later regrade of the source.
        """
        revisions = dict(settings.get(CITED_REVISIONS) or {})
        grades = dict(settings.get(CITED_GRADES) or {})
        keys = cited_keys("\n\n".join(bodies))
        new = [k for k in keys if k not in revisions]
        # Cited before grades were kept (an older library): their grade is taken now.
        ungraded = [k for k in keys if k in revisions and k not in grades]
        found = self._lib.claims.by_keys(new + ungraded) if new or ungraded else {}
        if not found:
            return None
        ids = sorted({c.source_id for c in found.values()})
        reliability = {s.id: s.reliability for s in self._lib.sources.all(ids=ids)}
        for key, claim in found.items():
            revisions.setdefault(key, claim.revision)
            grades[key] = reliability.get(claim.source_id, "")
        return {CITED_REVISIONS: revisions, CITED_GRADES: grades}

    def _value(self, note: Note, key: str) -> Any:
        """Return the value an edit key names (see NoteEdit) as the note holds it."""
        if key.startswith("settings."):
            return note.settings.get(key.removeprefix("settings."))
        if key.startswith("section."):
            section = note.section(key.removeprefix("section."))
            return section.body if section is not None else None
        if key.startswith("anchors."):
            return self._lib.comments.places(note.id, key.removeprefix("anchors."))
        return getattr(note, key)

    def _write(
        self, note: Note, values: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Write edit values (see NoteEdit) as given, the comments on an edited section's words
        moved with its text; return the values replaced and the values written."""
        values = {**values, **self._comment_places(note, values)}
        before = {k: self._value(note, k) for k in values}
        columns = {k: v for k, v in values.items() if k in (*HEADER_FIELDS, "modified_at")}
        named = {
            k.removeprefix("settings."): v for k, v in values.items() if k.startswith("settings.")
        }
        if named:
            settings = {**note.settings, **named}
            kept = {k: v for k, v in settings.items() if v is not None}
            columns["settings"] = json.dumps(kept, sort_keys=True)
        if columns:
            sets = ", ".join(f"{k} = ?" for k in columns)
            self._lib.conn.execute(
                f"UPDATE notes SET {sets} WHERE id = ?", [*columns.values(), note.id]
            )
        for key, body in values.items():
            if key.startswith("section."):
                self._lib.conn.execute(
                    "UPDATE note_sections SET body = ? WHERE note_id = ? AND key = ?",
                    (body, note.id, key.removeprefix("section.")),
                )
            elif key.startswith("anchors."):
                self._lib.comments.move(note.id, body)
        return before, values

    def _comment_places(
        self, note: Note, values: Mapping[str, Any]
    ) -> dict[str, dict[int, CommentPlace]]:
        """Return where the comments on each edited section's words go ("anchors.KEY"): those
        values name where they say (an undo's), the others following the text's changes."""
        places: dict[str, dict[int, CommentPlace]] = {}
        for key, body in values.items():
            name = key.removeprefix("section.")
            section = note.section(name) if name != key else None
            if section is None:
                continue
            given = dict(values.get(f"anchors.{name}") or {})
            moved = self._lib.comments.follow(note.id, name, section.body, body, keep=[*given])
            if moved or given:
                places[f"anchors.{name}"] = {**moved, **given}
        return places

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
