"""The matrix's undoable steps: each a core ACH operation whose MatrixEdit `lib.ach.revert`
undoes (and the edit that revert returns redoes), so one LibraryCommand serves them all."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing_app.core.ach.judgments import clear_judgment, judge
from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.library import Library
from briefing_app.gui.commands import LibraryCommand, reverting


def matrix_command(lib: Library, text: str, do: Callable[[], MatrixEdit]) -> LibraryCommand:
    """Return the command for one ACH write: undo and redo are `lib.ach.revert`."""
    return reverting(text, do, lib.ach.revert)


def rate_command(
    lib: Library, question_id: int, hypothesis: str, row: str, rating: str
) -> LibraryCommand:
    """Rate a cell ('' clears it)."""
    text = f"Rate {row} {rating} against {hypothesis}" if rating else f"Clear {row} on {hypothesis}"
    return matrix_command(lib, text, lambda: lib.ach.rate(question_id, hypothesis, row, rating))


def add_claims_command(lib: Library, question_id: int, keys: Sequence[str]) -> LibraryCommand:
    """Assign claims to the question, so each becomes a row of its matrix."""
    return matrix_command(
        lib,
        f"Add {', '.join(keys)} to the matrix",
        lambda: lib.ach.add_claims(question_id, lib.claims.ids_by_key(keys)),
    )


def judge_command(
    lib: Library, note_id: int, question_id: int, hypothesis: str, confidence: str
) -> LibraryCommand:
    """Record the hypothesis the note's key judgment favours, and how confidently."""
    return reverting(
        f"Judgment: {hypothesis} ({confidence})",
        lambda: judge(lib, note_id, question_id, hypothesis, confidence),
        lib.notes.revert,
    )


def clear_judgment_command(lib: Library, note_id: int) -> LibraryCommand:
    """Remove the note's judgment."""
    return reverting(
        "Clear the note's judgment", lambda: clear_judgment(lib, note_id), lib.notes.revert
    )
