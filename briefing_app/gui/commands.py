"""Undoable operations: one generic QUndoCommand over a core operation and its inverse.

Core owns every inverse: a delete returns what it removed and `restore` puts it back; an edit
returns what `revert` needs and `revert` returns what redoes it. So a command is only a label,
a `do`, an `undo` and a `redo`, and the functions below name the pairs the window uses
(with the CamelCase names callers knew when each was a class of its own).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.text.text_edit import common_head

if TYPE_CHECKING:
    # Not loaded at start-up: the checks come with the note workspace.
    from briefing_app.core.checks import Finding
    from briefing_app.core.importers.batch import ImportSummary

ErrorSink = Callable[[str], None]


class LibraryCommand(QUndoCommand):
    """A core operation on the undo stack, with the core operations that undo and redo it.

    do() runs once, on execute (a BriefingError there means nothing is pushed), and returns
    what undo takes; undo returns what redo takes; redo returns what undo takes again (by
    default redo is do). Errors in a later undo or redo go to on_error in one line.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        redo: Callable[[Any], Any] | None = None,
        *,
        describe: Callable[[Any], str] | None = None,
    ) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._redo = redo or (lambda _undone: do())
        self._describe = describe
        self.result: Any = None  # what the last do or redo returned
        self._undone: Any = None
        self._done_once = False
        self.on_error: ErrorSink = lambda message: None
        self.refusal = ""  # why execute() was refused, in one line (the field says it too)
        # Told what a redo or an undo returned (the workspace opens a note brought back).
        self.on_redone: Callable[[Any], None] = lambda result: None
        self.on_undone: Callable[[Any], None] = lambda undone: None

    def execute(self) -> None:
        """Do the operation; the caller pushes the command only when this did not raise."""
        self.result = self._do()
        if self._describe is not None:
            self.setText(self._describe(self.result))
        self._done_once = True

    def redo(self) -> None:
        """Qt's redo: skipped on the push that follows execute()."""
        if self._done_once:
            self._done_once = False
            return
        if self._guard(lambda: setattr(self, "result", self._redo(self._undone))):
            self.on_redone(self.result)

    def undo(self) -> None:
        """Qt's undo."""
        if self._guard(lambda: setattr(self, "_undone", self._undo(self.result))):
            self.on_undone(self._undone)

    def _guard(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except BriefingError as exc:
            self.setObsolete(True)
            self.on_error(str(exc))
            return False
        except sqlite3.Error as exc:
            # The last guard: the transaction rolled back, so the library is as it was; say so
            # in one line rather than raising into the event loop.
            self.setObsolete(True)
            self.on_error(f"{self.text()}: could not be done ({exc}); nothing was changed")
            return False
        return True


def creating(
    text: str,
    create: Callable[[], Any],
    delete: Callable[[int], Any],
    restore: Callable[[Any], Any],
    describe: Callable[[Any], str] | None = None,
) -> LibraryCommand:
    """Return the command for a create: undo deletes what it made, redo restores that."""
    return LibraryCommand(text, create, lambda made: delete(made.id), restore, describe=describe)


def deleting(
    text: str,
    delete: Callable[[int], Any],
    record_id: int,
    restore: Callable[[Any], Any],
    describe: Callable[[Any], str],
) -> LibraryCommand:
    """Return the command for a delete: undo restores what it removed, redo deletes again."""
    return LibraryCommand(
        text, lambda: delete(record_id), restore, lambda back: delete(back.id), describe=describe
    )


def reverting(text: str, do: Callable[[], Any], revert: Callable[[Any], Any]) -> LibraryCommand:
    """Return the command for an edit whose core revert returns the edit that redoes it."""
    return LibraryCommand(text, do, revert, revert)


def CreateClaimCommand(
    lib: Library, source_id: int, start: int, end: int, **fields: Any
) -> LibraryCommand:
    """Tag a passage: a new claim anchored at [start, end) of a source."""
    return creating(
        "Tag claim",
        lambda: lib.claims.add(source_id, start=start, end=end, **fields),
        lib.claims.delete,
        lib.claims.restore,
        lambda claim: f"Tag claim {claim.key}",
    )


def DeleteClaimCommand(lib: Library, claim_id: int) -> LibraryCommand:
    """Delete a claim; undo restores it with its key."""
    return deleting(
        "Delete claim",
        lib.claims.delete,
        claim_id,
        lib.claims.restore,
        lambda claim: f"Delete claim {claim.key}",
    )


def DeleteClaimsCommand(lib: Library, claim_ids: list[int]) -> LibraryCommand:
    """Delete several claims in one transaction (one undo step); undo restores them all."""
    ids = list(claim_ids)

    def restore(claims: list[Any]) -> list[Any]:
        lib.claims.restore_many(claims)
        return claims

    return LibraryCommand(
        f"Delete {len(ids):,} claims",
        lambda: lib.claims.delete_many(ids),
        restore,
        lambda claims: lib.claims.delete_many([c.id for c in claims]),
    )


def describe_claim_edit(key: str, values: dict[str, Any]) -> str:
    """Return the Edit menu's words for an edit of a claim (e.g. 'Grade C3 credibility 2')."""
    if set(values) == {"tags"}:
        return f"Tag {key}"
    if set(values) == {"credibility"}:
        return f"Grade {key} credibility {values['credibility']}"
    if set(values) == {"event_date"}:
        return f"Date {key} {values['event_date'] or '(none)'}"
    return f"Edit {' and '.join(sorted(values))} of {key}"


def EditClaimCommand(
    lib: Library, claim_id: int, *, expected: Mapping[str, Any] | None = None, **values: Any
) -> LibraryCommand:
    """Change a claim's fields or tags; undo puts it back exactly (tag kinds, revision).

    expected: the values the inspector showed; if the claim holds others (changed elsewhere),
    the core refuses with ConflictingEdit.
    """
    before = lib.claims.get(claim_id)

    def back(after: Any) -> Any:
        lib.claims.revert(before)
        return after

    return LibraryCommand(
        describe_claim_edit(before.key, values),
        lambda: lib.claims.update(claim_id, expected=expected, **values),
        back,
        lib.claims.revert,
    )


# How an undo entry names a source's fields (the rest are already words: title, outlet, url).
_SOURCE_FIELD_WORDS = {"analyst_note": "note", "published": "date", "byline": "author"}


def EditSourceCommand(
    lib: Library, source_id: int, *, expected: Mapping[str, Any] | None = None, **values: Any
) -> LibraryCommand:
    """Change a source's metadata or grading (reliability, marking); expected as for claims."""
    if set(values) == {"reliability"}:
        text = f"Grade source {source_id} reliability {values['reliability']}"
    elif set(values) == {"marking"}:
        text = f"Mark source {source_id} {values['marking'] or '(none)'}"
    elif set(values) == {"analyst_note"}:
        text = f"Edit note on source {source_id}"
    else:
        names = sorted(_SOURCE_FIELD_WORDS.get(k, k) for k in values)
        text = f"Edit {' and '.join(names)} of source {source_id}"
    return reverting(
        text, lambda: lib.sources.edit(source_id, expected=expected, **values), lib.sources.revert
    )


def DeleteTagCommand(lib: Library, tag_id: int) -> LibraryCommand:
    """Delete a tag; its claims and sources stay, only the label goes."""
    return deleting(
        "Delete tag",
        lib.tags.delete,
        tag_id,
        lambda saved: lib.tags.restore(*saved),
        lambda saved: f"Delete tag {saved[0].name}",
    )


def ImportCommand(lib: Library, summary: ImportSummary) -> LibraryCommand:
    """An import that already ran (in a worker thread): undo removes the new sources and puts
    back what importing references again changed on sources imported before."""
    from briefing_app.core.importers.import_undo import redo_import, undo_import

    ids = [o.source_id for o in summary.by_status("imported") if o.source_id is not None]
    edits = [o.edit for o in summary.outcomes if o.edit is not None]

    def count(n: int) -> str:
        return f"{n} source{'s' if n != 1 else ''}"

    parts = [f"import {count(len(ids))}" if ids or not edits else ""]
    parts.append(f"update {count(len(edits))}" if edits else "")
    return LibraryCommand(
        ", ".join(p for p in parts if p).capitalize(),
        lambda: None,  # the worker imported the files
        lambda _done: undo_import(lib, summary),
        lambda undone: redo_import(lib, undone),
    )


def CreateNoteCommand(
    lib: Library,
    title: str,
    template: str,
    sections: list[tuple[str, str]],
    *,
    text: str = "New note",
    bodies: dict[str, str] | None = None,
    **header: str,
) -> LibraryCommand:
    """A new note with a template's sections; undo removes it, redo brings it back."""
    return creating(
        f"{text} “{title}”",
        # header holds str fields only; mypy cannot tell that ** fills none of the others.
        lambda: lib.notes.create(title, template, sections, bodies=bodies, **header),  # type: ignore[arg-type]
        lib.notes.delete,
        lib.notes.restore,
    )


def duplicate_note(lib: Library, note_id: int) -> LibraryCommand:
    """Return the command that copies a note (core's duplicate: “… (copy)”, every field)."""
    return creating(
        f"Duplicate note as “{lib.notes.get(note_id).title} (copy)”",
        lambda: lib.notes.duplicate(note_id),
        lib.notes.delete,
        lib.notes.restore,
    )


def DeleteNoteCommand(lib: Library, note_id: int) -> LibraryCommand:
    """Delete a note; undo brings it back with its comments, versions and suggested edits."""
    return deleting(
        "Delete note",
        lib.notes.delete,
        note_id,
        lib.notes.restore,
        lambda removed: f"Delete note “{removed.note.title}”",
    )


class TypingStep(LibraryCommand):
    """Typing in one note section, recorded after the editor did it: undo puts the body back.

    The step grows while the writer types on (`after`), until the editor closes it; undo and
    redo are core edits of the section, so the library holds what the editor then shows.
    """

    def __init__(
        self, lib: Library, note_id: int, key: str, heading: str, before: str, after: str
    ) -> None:
        self.note_id, self.key, self.before, self.after = note_id, key, before, after
        field = f"section.{key}"
        super().__init__(
            f"Typing in {heading}",
            lambda: None,  # the editor did it
            lambda _done: lib.notes.edit(note_id, {field: self.before}),
            lambda _undone: lib.notes.edit(note_id, {field: self.after}),
        )
        self.execute()

    def changed_span(self, body: str) -> int:
        """Return where the step's change ends in body (the text before or after it)."""
        prefix = common_head(self.before, self.after)
        suffix = common_head(self.before[prefix:][::-1], self.after[prefix:][::-1])
        return max(prefix, len(body) - suffix)


# How an undo entry names a note's header fields.
_FIELD_WORDS = {
    "memo_to": "recipient",
    "memo_from": "sender",
    "memo_date": "date",
    "subject": "subject",
    "marking": "marking",
}


def EditNoteCommand(lib: Library, note_id: int, **values: Any) -> LibraryCommand:
    """Rename a note or change its header: fields, or settings={template field: value}."""
    from briefing_app.core.records.note_settings import set_header_fields

    before = lib.notes.get(note_id)
    if set(values) == {"title"}:
        text = f"Rename note “{before.title}” to “{values['title']}”"
    elif set(values) == {"status"}:
        text = f"Mark note “{before.title}” {values['status']}"
    else:
        names = sorted(_FIELD_WORDS.get(k, k) for k in values)
        text = f"Edit {' and '.join(names)} of note “{before.title}”"
    if "settings" in values:
        fields = values.pop("settings")
        return reverting(text, lambda: set_header_fields(lib, note_id, fields), lib.notes.revert)
    return reverting(text, lambda: lib.notes.edit(note_id, values), lib.notes.revert)


def SetNoteStatusCommand(
    lib: Library, note_id: int, status: str, reason: str = ""
) -> LibraryCommand:
    """Move a note to draft, in review or final; undo removes the version the change kept."""
    before = lib.notes.get(note_id)
    return reverting(
        f"Mark note “{before.title}” {status}",
        lambda: lib.notes.change_status(note_id, status, reason),
        lib.notes.revert_status,
    )


def DismissFindingCommand(
    lib: Library, note_id: int, finding: Finding, reason: str
) -> LibraryCommand:
    """Dismiss a check finding on a note, keeping the reason."""
    from briefing_app.core.checks.settings import dismiss

    return reverting(
        f"Dismiss “{finding.message[:40]}”",
        lambda: dismiss(lib, note_id, finding, reason),
        lib.notes.revert,
    )


def AcknowledgeChangeCommand(lib: Library, note_id: int, key: str) -> LibraryCommand:
    """Mark a changed cited claim as re-read; undo flags it again."""
    from briefing_app.core.checks.settings import acknowledge_changes

    return reverting(
        f"Acknowledge the change of {key}",
        lambda: acknowledge_changes(lib, note_id, [key]),
        lib.notes.revert,
    )
