"""Undoable work on key questions and on relations between claims (the evidence board)."""

from __future__ import annotations

from collections.abc import Iterable

from briefing_app.core.library import Library
from briefing_app.core.models import ClaimRelation, Question
from briefing_app.core.records.questions import RemovedQuestion
from briefing_app.core.records.relations import describe
from briefing_app.gui.commands import LibraryCommand, creating, deleting
from briefing_app.gui.wording import count_of


def NewQuestionCommand(lib: Library, text: str, claim_ids: Iterable[int] = ()) -> LibraryCommand:
    """Add a key question (with these claims assigned, in the same step); undo deletes it."""
    ids = list(claim_ids)
    return creating(
        "New question",
        lambda: lib.questions.add(text, claim_ids=ids),
        lib.questions.delete,
        lib.questions.restore,
        lambda q: f"New question {q.key}" + (f" with {count_of(len(ids), 'claim')}" if ids else ""),
    )


def RenameQuestionCommand(lib: Library, question_id: int, text: str) -> LibraryCommand:
    """Change a question's text; undo puts the old text (and time) back."""
    before = lib.questions.get(question_id)

    def back(after: Question) -> Question:
        lib.questions.revert(before)
        return after

    return LibraryCommand(
        f"Rename question {before.key}",
        lambda: lib.questions.update(question_id, text=text),
        back,
        lib.questions.revert,
    )


def DeleteQuestionCommand(lib: Library, question_id: int) -> LibraryCommand:
    """Delete a question (its claims stay); undo brings it back with its claims in order."""

    def text(removed: RemovedQuestion) -> str:
        return f"Delete question {removed.question.key}"

    return deleting(
        "Delete question", lib.questions.delete, question_id, lib.questions.restore, text
    )


def AssignClaimsCommand(lib: Library, question_id: int, claim_ids: Iterable[int]) -> LibraryCommand:
    """Assign claims to a question after those it has; undo takes off the ones it added."""
    ids = list(claim_ids)
    key = lib.questions.key_of(question_id)

    def text(added: list[tuple[int, int]]) -> str:
        return f"Assign {count_of(len(added), 'claim')} to {key}"

    return LibraryCommand(
        f"Assign to {key}",
        lambda: lib.questions.assign(question_id, ids),
        lambda added: lib.questions.revert_assign(question_id, added),
        lambda added: lib.questions.assign(question_id, [c for c, _ in added]),
        describe=text,
    )


def UnassignClaimsCommand(
    lib: Library, question_id: int, claim_ids: Iterable[int]
) -> LibraryCommand:
    """Take claims off a question; undo puts them back in their places."""
    ids = list(claim_ids)
    key = lib.questions.key_of(question_id)

    def restore(removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
        lib.questions.restore_assignments(question_id, removed)
        return removed

    return LibraryCommand(
        f"Remove {count_of(len(ids), 'claim')} from {key}",
        lambda: lib.questions.unassign(question_id, ids),
        restore,
        lambda removed: lib.questions.unassign(question_id, [c for c, _ in removed]),
    )


def LinkClaimsCommand(
    lib: Library, from_id: int, relation: str, to_id: int, note: str = ""
) -> LibraryCommand:
    """Link two claims (C6 contradicts C9); undo unlinks them, redo puts the same link back."""

    def restore(removed: ClaimRelation) -> ClaimRelation:
        lib.relations.restore([removed])
        return removed

    return LibraryCommand(
        "Link claims",
        lambda: lib.relations.link(from_id, relation, to_id, note),
        lambda made: lib.relations.unlink(made.from_claim_id, made.to_claim_id),
        restore,
        describe=lambda made: f"Link {describe(made)}",
    )


def UnlinkClaimsCommand(lib: Library, a_id: int, b_id: int) -> LibraryCommand:
    """Remove the relation between two claims; undo puts it back with its note."""

    def restore(removed: ClaimRelation) -> ClaimRelation:
        lib.relations.restore([removed])
        return removed

    return LibraryCommand(
        "Unlink claims",
        lambda: lib.relations.unlink(a_id, b_id),
        restore,
        lambda back: lib.relations.unlink(back.from_claim_id, back.to_claim_id),
        describe=lambda removed: f"Unlink {describe(removed)}",
    )
