"""Suggested edits: a reviewer's tracked changes, accepted or rejected one at a time by the
analyst — never applied silently."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import EditDoesNotApply, InvalidInput, NotFound
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import insert_row, record_from_row
from briefing_app.core.text.citations import CITATION_GROUP
from briefing_app.core.text.markdown_plain import plain_view

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.records.notes import NoteEdit

# Context needed to place an insertion when the words around it are not unique.
MIN_CONTEXT = 6
# Context kept either side of an edit proposed in the app (as Word's tracked changes carry).
PROPOSED_CONTEXT = 40
EDIT_STATUSES = ("pending", "accepted", "rejected")
# The review package member holding a note's suggested edits (packs.py); packages made before
# edits travelled have none.
EDITS_MEMBER = "edits.json"


@dataclass
class SuggestedEdit:
    """One tracked change: old words → new words in a section, with the text around them."""

    id: int
    uid: str
    note_id: int
    section_key: str
    old_text: str
    new_text: str
    prefix: str
    suffix: str
    author: str
    created_at: str
    status: str

    @property
    def kind(self) -> str:
        """Return 'insert', 'delete' or 'replace'."""
        if not self.old_text:
            return "insert"
        return "delete" if not self.new_text else "replace"

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {**{f.name: getattr(self, f.name) for f in fields(self)}, "kind": self.kind}


@dataclass(frozen=True)
class EditDecision:
    """An accept or reject of a suggested edit: the status before and after, and for an
    accept the change of the section's text (`lib.edits.revert` undoes it)."""

    edit_id: int
    before: str
    after: str
    text: NoteEdit | None = None


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    n = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        n += 1
    m = 0
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        m += 1
    return n + m


def locate_edit(body: str, old: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """Return the span of body that an edit replaces (empty for an insertion), or None.

    Old text holding citations ("nationals [@C1]", from a deletion that covered a footnote
    reference) is found by its plain words and takes the citations at its ends with it.
    """
    if not CITATION_GROUP.search(old):
        return locate_plain(body, old, prefix, suffix)
    lead, trail = _edge_citations(old)
    return locate_plain(body, plain_view(old).text, prefix, suffix, lead, trail)


def locate_plain(
    body: str, old: str, prefix: str, suffix: str, lead: int = 0, trail: int = 0
) -> tuple[int, int] | None:
    """Return the body span of plain old text (as Word shows it), or None.

    lead and trail are how many citations (footnote references in Word) the change also
    covers just before and just after those words: the span is widened over them.
    """
    view = plain_view(body)
    text = view.text
    if old:
        spans = []
        pos = text.find(old)
        while pos >= 0:
            spans.append((pos, pos + len(old)))
            pos = text.find(old, pos + 1)
    else:
        spans = [(p, p) for p in range(len(text) + 1)] if len(text) < 20_000 else []
    if not spans:
        return None
    scored = [(_context_score(text, a, b, prefix, suffix), a, b) for a, b in spans]
    best = max(s[0] for s in scored)
    winners = [(a, b) for s, a, b in scored if s == best]
    if len(winners) > 1 or (not old and best < min(MIN_CONTEXT, len(prefix) + len(suffix))):
        return None
    a, b = winners[0]
    if a == b:
        at = view.offsets[a - 1] + 1 if a > 0 else (view.offsets[0] if view.offsets else 0)
        return at, _citations_after(body, at, lead + trail)
    start, end = view.to_body(a, b)
    return _citations_before(body, start, lead), _citations_after(body, end, trail)


def _edge_citations(old: str) -> tuple[int, int]:
    """Return how many citation groups old starts with and ends with (before/after its words)."""
    groups = list(CITATION_GROUP.finditer(old))
    lead = 0
    pos = 0
    for m in groups:
        if old[pos : m.start()].strip():
            break
        lead, pos = lead + 1, m.end()
    if not old[pos:].strip():
        return lead, 0  # citations only: they all follow the place found
    trail = 0
    end = len(old)
    for m in reversed(groups):
        if old[m.end() : end].strip():
            break
        trail, end = trail + 1, m.start()
    return lead, trail


def _citations_after(body: str, end: int, count: int) -> int:
    """Return end moved over up to count citation groups that follow it (spaces between)."""
    for _ in range(count):
        at = end
        while at < len(body) and body[at] in " \t":
            at += 1
        m = CITATION_GROUP.match(body, at)
        if m is None:
            break
        end = m.end()
    return end


def _citations_before(body: str, start: int, count: int) -> int:
    """Return start moved back over up to count citation groups (and the space before each)."""
    for _ in range(count):
        at = start
        while at > 0 and body[at - 1] in " \t":
            at -= 1
        m = next((m for m in CITATION_GROUP.finditer(body, 0, at) if m.end() == at), None)
        if m is None:
            break
        start = m.start()
        while start > 0 and body[start - 1] in " \t":
            start -= 1
    return start


class EditManager:
    """Suggested edits in a library: `lib.edits`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def add(
        self,
        note_id: int,
        section_key: str,
        old_text: str,
        new_text: str,
        *,
        prefix: str = "",
        suffix: str = "",
        author: str = "",
        created_at: str = "",
        uid: str | None = None,
        status: str = "pending",
    ) -> SuggestedEdit:
        """Record a suggested edit on a section; return it."""
        check_edit_change(old_text, new_text)
        check_edit_status(status)
        with self._lib.write() as changes:
            cur = self._lib.conn.execute(
                "INSERT INTO suggested_edits (uid, note_id, section_key, old_text, new_text, "
                "prefix, suffix, author, created_at, status) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    uid or new_uid(),
                    note_id,
                    section_key,
                    old_text,
                    new_text,
                    prefix,
                    suffix,
                    author,
                    created_at or now_iso(),
                    status,
                ),
            )
            changes.notes.add(note_id)
            edit_id = int(cur.lastrowid or 0)
        return self.get(edit_id)

    def propose(
        self, note_id: int, section_key: str, start: int, end: int, new_text: str, author: str = ""
    ) -> SuggestedEdit:
        """Suggest new_text for [start, end) of a section's text (a reviewer's edit in the app,
        accepted or rejected later like a tracked change from Word); return it.

        >>> # lib.edits.propose(1, "summary", 0, 5, "Four")  # "Three died" -> "Four died"
        """
        note = self._lib.notes.get(note_id)
        section = note.section(section_key)
        if section is None:
            raise InvalidInput(f"note {note_id} has no section {section_key!r}")
        body = section.body
        if not 0 <= start <= end <= len(body):
            raise InvalidInput(f"characters {start}-{end} are not in {section.heading}")
        old = body[start:end]
        view = plain_view(body)
        # The words around it as Word would show them: that is how locate_edit finds them.
        before = sum(1 for offset in view.offsets if offset < start)
        after = sum(1 for offset in view.offsets if offset < end)
        prefix = view.text[max(0, before - PROPOSED_CONTEXT) : before]
        suffix = view.text[after : after + PROPOSED_CONTEXT]
        if old == new_text:
            raise InvalidInput("a suggested edit must change something")
        if locate_edit(body, old, prefix, suffix) is None:
            raise InvalidInput(
                f"the words chosen cannot be told apart in {section.heading}: select more"
            )
        return self.add(
            note_id, section_key, old, new_text, prefix=prefix, suffix=suffix, author=author
        )

    def delete(self, edit_id: int) -> SuggestedEdit:
        """Remove a suggested edit; return it, for `restore` (the undo of proposing it)."""
        edit = self.get(edit_id)
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM suggested_edits WHERE id = ?", (edit_id,))
            changes.notes.add(edit.note_id)
        return edit

    def set_status(self, edit_id: int, status: str) -> SuggestedEdit:
        """Record a decision made in another library (its text came with the note): the
        status only, the text left as it is."""
        check_edit_status(status)
        self._set_status(edit_id, status)
        return self.get(edit_id)

    def get(self, edit_id: int) -> SuggestedEdit:
        """Return the suggested edit with this id; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT * FROM suggested_edits WHERE id = ?", (edit_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no suggested edit with id {edit_id}")
        return _edit_from_row(row)

    def by_uid(self, uid: str) -> SuggestedEdit | None:
        """Return the suggested edit with this global id, or None."""
        row = self._lib.conn.execute(
            "SELECT * FROM suggested_edits WHERE uid = ?", (uid,)
        ).fetchone()
        return _edit_from_row(row) if row else None

    def all(self, note_id: int, status: str | None = None) -> list[SuggestedEdit]:
        """Return a note's suggested edits in order (only those with status when given)."""
        sql, params = "SELECT * FROM suggested_edits WHERE note_id = ?", [note_id]
        if status is not None:
            sql += " AND status = ?"
            params.append(status)  # type: ignore[arg-type]
        return [_edit_from_row(r) for r in self._lib.conn.execute(sql + " ORDER BY id", params)]

    def accept(self, edit_id: int) -> SuggestedEdit:
        """Apply a suggested edit to its section; raise EditDoesNotApply if its text is gone."""
        self.decide(edit_id, accept=True)
        return self.get(edit_id)

    def _accepted_body(self, edit: SuggestedEdit) -> tuple[str, str]:
        """Return the edit's section key and its text with the edit applied."""
        note = self._lib.notes.get(edit.note_id)
        section = note.section(edit.section_key)
        if section is None:
            raise EditDoesNotApply(f"section {edit.section_key!r} is no longer in the note")
        span = locate_edit(section.body, edit.old_text, edit.prefix, edit.suffix)
        if span is None:
            raise EditDoesNotApply(
                f"suggested edit {edit.id}: the words it changes are no longer in "
                f"{section.heading}; apply it by hand"
            )
        start, end = span
        return section.key, section.body[:start] + edit.new_text + section.body[end:]

    def decide(self, edit_id: int, accept: bool) -> EditDecision:
        """Accept (applying it to the text) or reject a pending edit; return what undoes it."""
        edit = self.get(edit_id)
        if edit.status != "pending":
            raise InvalidInput(f"suggested edit {edit_id} is already {edit.status}")
        if not accept:
            self._set_status(edit_id, "rejected")
            return EditDecision(edit_id, "pending", "rejected")
        key, body = self._accepted_body(edit)
        with self._lib.write():
            text = self._lib.notes.edit(edit.note_id, {f"section.{key}": body})
            self._set_status(edit_id, "accepted")
        return EditDecision(edit_id, "pending", "accepted", text)

    def revert(self, decision: EditDecision) -> EditDecision:
        """Undo a decision exactly (the status, the text and the note's times as they were);
        return the decision that redoes it.

        Refused when the section was typed in since: the old text would overwrite that typing.
        """
        edit = self.get(decision.edit_id)
        if edit.status != decision.after:
            raise InvalidInput(f"suggested edit {edit.id} is {edit.status} now")
        text = decision.text
        if text is not None:
            note = self._lib.notes.get(edit.note_id)
            section = note.section(edit.section_key)
            if section is None or section.body != text.after.get(f"section.{edit.section_key}"):
                raise InvalidInput(
                    "the section changed after the edit was accepted; undo it by hand"
                )
        with self._lib.write():
            undone = self._lib.notes.revert(text) if text is not None else None
            self._set_status(edit.id, decision.before)
        return EditDecision(edit.id, decision.after, decision.before, undone)

    def restore(self, edits: Sequence[SuggestedEdit]) -> list[SuggestedEdit]:
        """Put deleted suggested edits back exactly (ids, uids, times, status); return them."""
        with self._lib.write() as changes:
            for edit in edits:
                values = {f.name: getattr(edit, f.name) for f in fields(edit)}
                insert_row(self._lib.conn, "suggested_edits", values)
                changes.notes.add(edit.note_id)
        return [self.get(edit.id) for edit in edits]

    def reject(self, edit_id: int) -> SuggestedEdit:
        """Mark a suggested edit rejected, leaving the note as it is."""
        self.decide(edit_id, accept=False)
        return self.get(edit_id)

    def reopen(self, edit_id: int, body: str | None = None) -> SuggestedEdit:
        """Put a decided edit back to pending (the undo of an accept or a reject).

        With body, the edit's section gets that text back in the same transaction: the text
        it had before the edit was accepted.
        """
        edit = self.get(edit_id)
        if edit.status == "pending":
            raise InvalidInput(f"suggested edit {edit_id} is still pending")
        with self._lib.write():
            if body is not None:
                self._lib.notes.set_section(edit.note_id, edit.section_key, body)
            self._set_status(edit_id, "pending")
        return self.get(edit_id)

    def _set_status(self, edit_id: int, status: str) -> None:
        edit = self.get(edit_id)
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "UPDATE suggested_edits SET status = ? WHERE id = ?", (status, edit_id)
            )
            changes.notes.add(edit.note_id)


def check_edit_status(status: str) -> None:
    """Refuse a status a suggested edit cannot have."""
    if status not in EDIT_STATUSES:
        raise InvalidInput(
            f"{status!r} is not a suggested edit's status ({', '.join(EDIT_STATUSES)})"
        )


def check_edit_change(old_text: str, new_text: str) -> None:
    """Refuse a suggested edit that changes nothing."""
    if old_text == new_text:
        raise InvalidInput("a suggested edit must change something")


def _edit_from_row(row: sqlite3.Row) -> SuggestedEdit:
    return record_from_row(SuggestedEdit, row)
