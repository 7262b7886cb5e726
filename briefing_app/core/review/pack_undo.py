"""Undo and redo of a whole review-package import: every row it added, and every row it
changed put back as it was.

The merge runs under a row journal (`storage/row_journal.py`), so its result carries the rows it
touched as they were before and after (`ImportedRows`). `undo_pack_import` writes the before
side back in one transaction and returns what `redo_pack_import` writes again. Both refuse, in
one line and changing nothing, when a row they would write back was changed since (an added
claim edited, a note typed in), when something made since rests on what they would remove (a
reply to an added comment, a claim on an added source) or cites it (a note citing an added
claim): the library cannot be both as it was and as the user has made it since.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing_app.core.ach.records import Record, RecordState
from briefing_app.core.changes import Changes
from briefing_app.core.errors import ChangedSinceImport
from briefing_app.core.library import Library
from briefing_app.core.storage.row_journal import Table, apply_states, current, journal, tables
from briefing_app.core.text.citations import cited_keys

# Keys handed out (claims' C12, questions' Q3): a key handed out since stays handed out, so a
# counter moved since is no conflict; it is never set lower than it now is.
_HIGH_WATER = frozenset({"counters"})
# Where a review comment sits: typing in its section moves it with its words
# (`review/comment_places.py`), which is not acting on it.
_COMMENT_PLACE = ("start", "end", "anchor_text")
_NOUNS = {
    "sources": "source", "claims": "claim", "notes": "note", "note_sections": "section",
    "note_versions": "note version", "review_comments": "review comment",
    "suggested_edits": "suggested edit", "questions": "key question",
    "ach_hypotheses": "hypothesis", "key_assumptions": "key assumption",
    "ach_rows": "matrix row", "ach_ratings": "matrix rating", "claim_relations": "claim link",
    "question_claims": "a key question's claim", "tags": "tag", "claim_tags": "a claim's tag",
    "source_tags": "a source's tag", "highlight_suggestions": "highlight",
}  # fmt: skip


@dataclass(frozen=True)
class ImportedRows:
    """The rows a package or review-copy import (or its undo) changed, as they were and became."""

    pack_name: str
    states: tuple[RecordState, ...] = ()

    def inverse(self) -> ImportedRows:
        """Return the rows as the undo of this change leaves them."""
        flipped = (RecordState(s.table, s.key, s.after, s.before) for s in self.states)
        return ImportedRows(self.pack_name, tuple(flipped))

    def __bool__(self) -> bool:
        return bool(self.states)


def undo_pack_import(lib: Library, imported: ImportedRows) -> ImportedRows:
    """Take a package import back in one transaction; return what `redo_pack_import` needs.

    >>> # undone = undo_pack_import(lib, result.imported); redo_pack_import(lib, undone)
    """
    return _apply(lib, imported.inverse(), "undo", "after the import")


def redo_pack_import(lib: Library, undone: ImportedRows) -> ImportedRows:
    """Make a package import taken back by `undo_pack_import` again, in one transaction."""
    return _apply(lib, undone.inverse(), "redo", "since the undo")


def _apply(lib: Library, change: ImportedRows, doing: str, since: str) -> ImportedRows:
    """Write change's `after` side over its `before` side; refuse if a row is not `before`."""
    refused = f"Cannot {doing} the import of {change.pack_name}"
    try:
        with lib.write() as changes:
            by_name = tables(lib.conn)
            states = _checked(lib.conn, change.states, by_name, f"{refused}: ", f" changed {since}")
            with journal(lib.conn, keys_only=True) as applied:
                apply_states(lib.conn, states, by_name)
            written = {(s.table, s.key) for s in states}
            for table, key in sorted(applied.touched - written):
                # Taken with a row removed (a cascade): a reply to a comment it added, say.
                row = applied.before(table, key) or {}
                raise ChangedSinceImport(f"{refused}: {_name(lib.conn, table, row)} rests on it")
            _refuse_citations(lib, states, refused)
            _announce(lib, changes, states)
    except sqlite3.IntegrityError as exc:
        # A claim made since on a source the import added, or a record made since the undo
        # holding an id or key the redo would give back: the transaction rolled back.
        why = "rest on what it added" if doing == "undo" else "hold ids or keys it would give back"
        raise ChangedSinceImport(f"{refused}: records made {since} {why} ({exc})") from exc
    return ImportedRows(change.pack_name, states)


def _checked(
    conn: sqlite3.Connection,
    states: tuple[RecordState, ...],
    by_name: dict[str, Table],
    refused: str,
    changed: str,
) -> tuple[RecordState, ...]:
    """Return the states to write, each checked against the row it expects to find."""
    checked: list[RecordState] = []
    # Children before their parents (states come parents first): typing in a section also
    # stamps its note when the clock has moved on, and the section is what the user changed.
    for s in reversed(states):
        now = current(conn, by_name[s.table], s.key)
        if now == s.before:
            checked.append(s)
        elif s.table in _HIGH_WATER and now is not None and s.after is not None:
            value = max(now["value"], s.after["value"])
            checked.append(RecordState(s.table, s.key, now, {**s.after, "value": value}))
        elif s.table == "review_comments" and _moved_only(now, s.before):
            assert now is not None
            # Its place is the text's as it is now: kept, whatever else is written back.
            place = {column: now[column] for column in _COMMENT_PLACE}
            checked.append(RecordState(s.table, s.key, now, s.after and {**s.after, **place}))
        else:
            row = now or s.before or {}
            raise ChangedSinceImport(f"{refused}{_name(conn, s.table, row)}{changed}")
    return tuple(reversed(checked))


def _moved_only(now: Record | None, before: Record | None) -> bool:
    """Whether a comment's row differs from before in its place alone."""
    if now is None or before is None:
        return False
    return all(now[c] == before[c] for c in now if c not in _COMMENT_PLACE)


def _refuse_citations(lib: Library, states: tuple[RecordState, ...], refused: str) -> None:
    """Refuse to remove a claim that a note still cites (one it did not remove with it)."""
    removed = {
        s.before["key"]
        for s in states
        if s.table == "claims" and s.after is None and s.before is not None
    }
    if not removed:
        return
    # One pass over the notes, not `notes.citing` per claim: a package brings hundreds.
    rows = lib.conn.execute("SELECT note_id, body FROM note_sections WHERE instr(body, '@') > 0")
    for note_id, body in rows:
        cited = sorted(removed.intersection(cited_keys(body)), key=lambda k: (len(k), k))
        if cited:
            title = lib.notes.get(note_id).title
            raise ChangedSinceImport(f"{refused}: claim {cited[0]} is cited by note {title!r}")


def _announce(lib: Library, changes: Changes, states: tuple[RecordState, ...]) -> None:
    """Name what changed by noun, so the views refresh only that."""
    for s in states:
        for row in (s.before, s.after):
            if row is not None:
                _add(lib, changes, s.table, row)


def _add(lib: Library, changes: Changes, table: str, row: Record) -> None:
    by_table = {"sources": changes.sources, "claims": changes.claims, "tags": changes.tags,
                "notes": changes.notes, "questions": changes.questions,
                "review_comments": changes.comments}  # fmt: skip
    if table in by_table:
        by_table[table].add(row["id"])
    for column, ids in (("source_id", changes.sources), ("claim_id", changes.claims),
                        ("from_claim_id", changes.claims), ("to_claim_id", changes.claims),
                        ("tag_id", changes.tags), ("note_id", changes.notes),
                        ("question_id", changes.questions)):  # fmt: skip
        if row.get(column) is not None:
            ids.add(row[column])
    if table == "ach_ratings":
        found = lib.conn.execute("SELECT question_id FROM ach_rows WHERE id = ?", (row["row_id"],))
        changes.questions.update(r[0] for r in found)
    if table.startswith("assumption_"):
        changes.questions.update(
            r[0]
            for r in lib.conn.execute(
                "SELECT question_id FROM key_assumptions WHERE id = ? UNION "
                "SELECT question_id FROM ach_hypotheses WHERE id = ?",
                (row.get("assumption_id"), row.get("hypothesis_id")),
            )
        )


def _name(conn: sqlite3.Connection, table: str, row: Record) -> str:
    """Name a row as the user knows it: "claim C12", "note 'Weekly'", "review comment 'Is…'"
    (and a note's part with its note: "section summary of note 'Weekly'")."""
    noun = _NOUNS.get(table, table)
    for column in ("key", "title", "name", "body", "label", "uid"):
        value = row.get(column)
        if value:
            text = str(value)
            if column == "key":
                noun = f"{noun} {text}"
            else:
                noun = f"{noun} {text[:40]!r}" + ("…" if len(text) > 40 else "")
            break
    if table != "notes" and row.get("note_id") is not None:
        found = conn.execute("SELECT title FROM notes WHERE id = ?", (row["note_id"],)).fetchone()
        if found is not None:
            noun += f" of note {found[0]!r}"
    return noun
