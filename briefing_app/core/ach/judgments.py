"""The note's key judgment: which hypothesis of which key question it favours, how confidently.

Kept in the note's settings by global ids (`records/note_settings.py`), so it travels with the
note in a review package and follows a hypothesis whose key or label changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.ach.model import CONFIDENCES, Judgment
from briefing_app.core.errors import BadRating
from briefing_app.core.records import note_settings

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import Note
    from briefing_app.core.records.notes import NoteEdit


def check_confidence(confidence: str) -> str:
    """Return a confidence level (low, moderate, high); raise BadRating.

    >>> check_confidence("Moderate")
    'moderate'
    """
    value = confidence.strip().lower()
    if value not in CONFIDENCES:
        raise BadRating(f"confidence is one of {', '.join(CONFIDENCES)} (not {confidence!r})")
    return value


def judge(
    lib: Library, note_id: int, question_id: int, hypothesis: str, confidence: str
) -> NoteEdit:
    """Record that the note's key judgment favours a hypothesis; return the edit (its undo:
    `lib.notes.revert`).

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> q = lib.questions.add("Who carried out the attack?")
    >>> _ = lib.ach.add_hypothesis(q.id, "Criminal groups based in Afghanistan")
    >>> note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    >>> _ = judge(lib, note.id, q.id, "h1", "moderate")
    >>> judgment(lib, lib.notes.get(note.id)).to_json()
    {'question': 'Q1', 'hypothesis': 'H1', 'confidence': 'moderate'}
    """
    level = check_confidence(confidence)
    question = lib.questions.get(question_id)
    chosen = lib.ach.hypothesis(question_id, hypothesis)
    value = {"question": question.uid, "hypothesis": chosen.uid, "confidence": level}
    return note_settings.set_judgment_setting(lib, note_id, value)


def clear_judgment(lib: Library, note_id: int) -> NoteEdit:
    """Remove the note's judgment; return the edit."""
    return note_settings.set_judgment_setting(lib, note_id, None)


def judgment(lib: Library, note: Note) -> Judgment | None:
    """Return the note's judgment with today's keys, or None when it records none."""
    stored = note_settings.judgment_setting(note)
    if stored is None:
        return None
    question = lib.questions.by_uid(stored["question"])
    hypothesis = lib.ach.hypothesis_by_uid(stored["hypothesis"])
    if hypothesis is not None and (question is None or hypothesis.question_id != question.id):
        hypothesis = None
    return Judgment(
        stored["question"],
        stored["hypothesis"],
        stored["confidence"],
        question.key if question else "",
        hypothesis.key if hypothesis else "",
        question.id if question else None,
    )


def notes_judging(lib: Library, question_id: int) -> list[Note]:
    """Return the notes whose judgment is on this key question (a delete leaves them none)."""
    uid = lib.questions.get(question_id).uid
    return [
        note
        for note in lib.notes.all()
        if (stored := note_settings.judgment_setting(note)) and stored["question"] == uid
    ]
