"""What the checks know of a note's template: factual and assessment sections, limits, markings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.checks.base import CheckProfile

if TYPE_CHECKING:
    from briefing_app.core.models import Note

# When a note's template cannot be loaded, judge sections by their usual names.
ASSESSMENT_KEYS = frozenset(
    {
        "assessment",
        "considerations",
        "outlook",
        "implications",
        "key_judgments",
        "discussion",
        "recommendation",
        "options",
    }
)
KEY_JUDGMENT_KEYS = frozenset({"key_judgments", "summary", "bluf", "assessment"})


def default_profile(note: Note) -> CheckProfile:
    """Return a profile guessed from section keys (used when the template is unknown)."""
    keys = {s.key for s in note.sections}
    assessment = frozenset(keys & ASSESSMENT_KEYS)
    return CheckProfile(
        factual=frozenset(keys - assessment - {"recommendation", "next_report", "indicators"}),
        assessment=assessment,
        key_judgments=frozenset(keys & KEY_JUDGMENT_KEYS),
    )


def profile_for_note(note: Note) -> CheckProfile:
    """Return the check profile of the note's template."""
    return default_profile(note)
