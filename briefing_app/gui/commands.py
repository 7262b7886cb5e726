"""Undoable operations: each QUndoCommand calls named core operations, never SQL.

A command does its work once in `first()` (which may raise a BriefingError, so nothing is pushed
when it fails); `redo()` after an undo repeats it, `undo()` reverses it through core's
delete/restore pairs, which keep ids, uids and claim keys stable.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.models import Claim, Note, ReviewComment, Source, Tag

if TYPE_CHECKING:
    # Not loaded at start-up: the checks, versions and edits come with the note workspace.
    from briefing_app.core.checks import Finding
    from briefing_app.core.importers.batch import ImportSummary
    from briefing_app.core.review.edits import SuggestedEdit
    from briefing_app.core.review.versions import NoteVersion

ErrorSink = Callable[[str], None]


class LibraryCommand(QUndoCommand):
    """Base: runs first() on execute, reports errors from later undo/redo to a sink."""

    def __init__(self, lib: Library, text: str) -> None:
        super().__init__(text)
        self.lib = lib
        self._done_once = False
        self.on_error: ErrorSink = lambda message: None

    def first(self) -> None:
        """Do the operation for the first time (may raise BriefingError)."""
        self.again()

    def again(self) -> None:
        """Redo the operation after an undo."""
        raise NotImplementedError

    def back(self) -> None:
        """Undo the operation."""
        raise NotImplementedError

    def execute(self) -> None:
        """Run first(); the caller pushes the command only when this did not raise."""
        self.first()
        self._done_once = True

    def redo(self) -> None:
        """Qt's redo: skipped on the push that follows execute()."""
        if self._done_once:
            self._done_once = False
            return
        self._guard(self.again)

    def undo(self) -> None:
        """Qt's undo."""
        self._guard(self.back)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except BriefingError as exc:
            self.setObsolete(True)
            self.on_error(str(exc))
        except sqlite3.Error as exc:
            # The last guard: the transaction rolled back, so the library is as it was; say so
            # in one line rather than raising into the event loop.
            self.setObsolete(True)
            self.on_error(f"{self.text()}: could not be done ({exc}); nothing was changed")


class ClaimCreatingCommand(LibraryCommand):
    """A command that makes one claim: redo restores it with its key, undo deletes it."""

    claim: Claim | None = None

    def again(self) -> None:
        """Put the claim back with the same key."""
        assert self.claim is not None
        self.claim = self.lib.claims.restore(self.claim)

    def back(self) -> None:
        """Remove the claim, remembering it as it was (with later edits)."""
        assert self.claim is not None
        self.claim = self.lib.claims.delete(self.claim.id)


class CreateClaimCommand(ClaimCreatingCommand):
    """Tag a passage: a new claim anchored at [start, end) of a source."""

    def __init__(self, lib: Library, source_id: int, start: int, end: int, **fields: Any) -> None:
        super().__init__(lib, "Tag claim")
        self.source_id, self.start, self.end, self.fields = source_id, start, end, fields

    def first(self) -> None:
        """Anchor the claim."""
        self.claim = self.lib.claims.add(
            self.source_id, start=self.start, end=self.end, **self.fields
        )
        self.setText(f"Tag claim {self.claim.key}")


class DeleteClaimCommand(LibraryCommand):
    """Delete a claim."""

    def __init__(self, lib: Library, claim_id: int) -> None:
        super().__init__(lib, "Delete claim")
        self.claim_id = claim_id
        self.claim: Claim | None = None

    def again(self) -> None:
        """Delete it."""
        self.claim = self.lib.claims.delete(self.claim_id)
        self.setText(f"Delete claim {self.claim.key}")

    def back(self) -> None:
        """Restore it with its key."""
        assert self.claim is not None
        self.lib.claims.restore(self.claim)


def describe_claim_edit(key: str, values: dict[str, Any]) -> str:
    """Return the Edit menu's words for an edit of a claim (e.g. 'Grade C3 credibility 2')."""
    if set(values) == {"tags"}:
        return f"Tag {key}"
    if set(values) == {"credibility"}:
        return f"Grade {key} credibility {values['credibility']}"
    return f"Edit {' and '.join(sorted(values))} of {key}"


class EditClaimCommand(LibraryCommand):
    """Change a claim's statement, party, kind, credibility, status or tags."""

    def __init__(self, lib: Library, claim_id: int, **values: Any) -> None:
        before = lib.claims.get(claim_id)
        super().__init__(lib, describe_claim_edit(before.key, values))
        self.claim_id = claim_id
        self.after = values
        self.before = before

    def again(self) -> None:
        """Apply the new values."""
        self.lib.claims.update(self.claim_id, **self.after)

    def back(self) -> None:
        """Put the claim back exactly as it was (fields, tags with their kinds, revision)."""
        self.lib.claims.revert(self.before)


class EditSourceCommand(LibraryCommand):
    """Change a source's metadata or grading (reliability, marking)."""

    def __init__(self, lib: Library, source_id: int, **values: Any) -> None:
        before = lib.sources.get(source_id)
        if set(values) == {"reliability"}:
            text = f"Grade source {source_id} reliability {values['reliability']}"
        elif set(values) == {"marking"}:
            text = f"Mark source {source_id} {values['marking'] or '(none)'}"
        else:
            text = f"Edit {' and '.join(sorted(values))} of source {source_id}"
        super().__init__(lib, text)
        self.source_id = source_id
        self.after = values
        self.before = {k: getattr(before, k) for k in values}

    def again(self) -> None:
        """Apply the new values."""
        self.lib.sources.update(self.source_id, **self.after)

    def back(self) -> None:
        """Put the old values back."""
        self.lib.sources.update(self.source_id, **self.before)


class DeleteTagCommand(LibraryCommand):
    """Delete a tag; its claims and sources stay, only the label goes."""

    def __init__(self, lib: Library, tag_id: int) -> None:
        super().__init__(lib, "Delete tag")
        self.tag_id = tag_id
        self.saved: tuple[Tag, list[int], list[int]] | None = None

    def again(self) -> None:
        """Delete the tag."""
        self.saved = self.lib.tags.delete(self.tag_id)
        self.setText(f"Delete tag {self.saved[0].name}")

    def back(self) -> None:
        """Re-create it where it was."""
        assert self.saved is not None
        self.lib.tags.restore(*self.saved)


class ImportCommand(LibraryCommand):
    """An import that already ran (in a worker thread): undo removes the new sources."""

    def __init__(self, lib: Library, summary: ImportSummary) -> None:
        ids = [o.source_id for o in summary.by_status("imported") if o.source_id is not None]
        super().__init__(lib, f"Import {len(ids)} source{'s' if len(ids) != 1 else ''}")
        self.source_ids = ids
        self.removed: list[Source] = []

    def first(self) -> None:
        """Nothing to do: the worker imported the files."""

    def again(self) -> None:
        """Put the sources back."""
        with self.lib.write():
            for source in self.removed:
                self.lib.sources.restore(source)
        self.removed = []

    def back(self) -> None:
        """Remove the imported sources (refused if a claim was tagged on one since)."""
        with self.lib.write():
            self.removed = [self.lib.sources.delete(i) for i in self.source_ids]


class CreateNoteCommand(LibraryCommand):
    """A new note with a template's sections (or a copy of another note's)."""

    def __init__(
        self,
        lib: Library,
        title: str,
        template: str,
        sections: list[tuple[str, str]],
        *,
        text: str = "New note",
        bodies: dict[str, str] | None = None,
        settings: dict[str, Any] | None = None,
        **header: str,
    ) -> None:
        super().__init__(lib, f"{text} “{title}”")
        self.args = (title, template, sections)
        self.bodies, self.settings, self.header = bodies, settings, header
        self.note: Note | None = None
        # Told the id of the note a redo brought back (the workspace opens it).
        self.on_restored: Callable[[int], None] = lambda note_id: None

    def first(self) -> None:
        """Create the note."""
        with self.lib.write():
            note = self.lib.notes.create(*self.args, bodies=self.bodies, **self.header)
            if self.settings:
                note = self.lib.notes.update(note.id, settings={**note.settings, **self.settings})
        self.note = note

    def again(self) -> None:
        """Bring the note back with the same id."""
        assert self.note is not None
        self.note = self.lib.notes.restore(self.note)
        self.on_restored(self.note.id)

    def back(self) -> None:
        """Remove the note, remembering it as it was (with the text written since)."""
        assert self.note is not None
        self.note = self.lib.notes.delete(self.note.id)


def duplicate_note(lib: Library, note_id: int) -> CreateNoteCommand:
    """Return the command that copies a note (title “… (copy)”, same template and text)."""
    note = lib.notes.get(note_id)
    header = {k: getattr(note, k) for k in ("marking", "memo_to", "memo_from", "subject")}
    settings = {k: v for k, v in note.settings.items() if k != "cited_revisions"}
    return CreateNoteCommand(
        lib,
        f"{note.title} (copy)",
        note.template,
        [(s.key, s.heading) for s in note.sections],
        text="Duplicate note as",
        bodies={s.key: s.body for s in note.sections},
        settings=settings,
        **header,
    )


class DeleteNoteCommand(LibraryCommand):
    """Delete a note (its review comments come back with it on undo)."""

    def __init__(self, lib: Library, note_id: int) -> None:
        super().__init__(lib, "Delete note")
        self.note_id = note_id
        self.note: Note | None = None
        self.comments: list[ReviewComment] = []
        self.versions: list[NoteVersion] = []
        self.edits: list[SuggestedEdit] = []
        # Told the id of the note an undo brought back (the workspace opens it).
        self.on_restored: Callable[[int], None] = lambda note_id: None

    def again(self) -> None:
        """Delete it, keeping what the delete removes with it for undo."""
        self.comments = self.lib.comments.all(self.note_id)
        self.versions = self.lib.versions.all(self.note_id)
        self.edits = self.lib.edits.all(self.note_id)
        self.note = self.lib.notes.delete(self.note_id)
        self.setText(f"Delete note “{self.note.title}”")

    def back(self) -> None:
        """Restore it with its id, text, comments, versions and suggested edits."""
        assert self.note is not None
        self.lib.notes.restore(self.note, self.comments, self.versions, self.edits)
        self.on_restored(self.note_id)


# How an undo entry names a note's header fields.
_FIELD_WORDS = {
    "memo_to": "recipient",
    "memo_from": "sender",
    "memo_date": "date",
    "subject": "subject",
    "marking": "marking",
}


class EditNoteCommand(LibraryCommand):
    """Rename a note or change its status (draft, in review, final)."""

    def __init__(self, lib: Library, note_id: int, **values: Any) -> None:
        before = lib.notes.get(note_id)
        if set(values) == {"title"}:
            text = f"Rename note “{before.title}” to “{values['title']}”"
        elif set(values) == {"status"}:
            text = f"Mark note “{before.title}” {values['status']}"
        else:
            names = sorted(_FIELD_WORDS.get(k, k) for k in values)
            text = f"Edit {' and '.join(names)} of note “{before.title}”"
        super().__init__(lib, text)
        self.note_id = note_id
        self.after = values
        self.before = {k: getattr(before, k) for k in values}

    def again(self) -> None:
        """Apply the new values."""
        self.lib.notes.update(self.note_id, **self.after)

    def back(self) -> None:
        """Put the old values back."""
        self.lib.notes.update(self.note_id, **self.before)


class SetNoteStatusCommand(LibraryCommand):
    """Move a note to draft, in review or final; core keeps a version at each change."""

    def __init__(self, lib: Library, note_id: int, status: str, reason: str = "") -> None:
        before = lib.notes.get(note_id)
        super().__init__(lib, f"Mark note “{before.title}” {status}")
        self.note_id, self.status, self.reason = note_id, status, reason
        self.before = before.status

    def again(self) -> None:
        """Apply the new status (snapshotting the note)."""
        self.lib.notes.set_status(self.note_id, self.status, self.reason)

    def back(self) -> None:
        """Return to the previous status."""
        self.lib.notes.set_status(self.note_id, self.before, f"undo: back to {self.before}")


class DismissFindingCommand(LibraryCommand):
    """Dismiss a check finding on a note, keeping the reason."""

    def __init__(self, lib: Library, note_id: int, finding: Finding, reason: str) -> None:
        super().__init__(lib, f"Dismiss “{finding.message[:40]}”")
        self.note_id, self.finding, self.reason = note_id, finding, reason

    def again(self) -> None:
        """Dismiss it."""
        from briefing_app.core.checks.settings import dismiss

        dismiss(self.lib, self.note_id, self.finding, self.reason)

    def back(self) -> None:
        """Bring the finding back."""
        from briefing_app.core.checks.settings import undismiss

        undismiss(self.lib, self.note_id, self.finding.fingerprint)


class AcknowledgeChangeCommand(LibraryCommand):
    """Mark a changed cited claim as re-read, so the note stops flagging it."""

    def __init__(self, lib: Library, note_id: int, key: str) -> None:
        super().__init__(lib, f"Acknowledge the change of {key}")
        self.note_id, self.key = note_id, key
        self.before = dict(lib.notes.get(note_id).settings.get("cited_revisions", {}))

    def again(self) -> None:
        """Record the claim's current revision as the one the note rests on."""
        from briefing_app.core.checks.settings import acknowledge_changes

        acknowledge_changes(self.lib, self.note_id, [self.key])

    def back(self) -> None:
        """Put the revision the note knew back (the claim is flagged again)."""
        note = self.lib.notes.get(self.note_id)
        self.lib.notes.update(
            self.note_id, settings={**note.settings, "cited_revisions": self.before}
        )
