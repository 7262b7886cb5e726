"""What the checks know of a note's template: factual and assessment sections, limits, markings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.checks.base import CheckProfile, SectionLimits
from briefing_app.core.errors import BriefingError
from briefing_app.core.records.grading import TLP_ORDER

if TYPE_CHECKING:
    from briefing_app.core.models import Note
    from briefing_app.core.templates import NoteTemplate

# When a note's template cannot be loaded, judge sections by their usual names.
ASSESSMENT_KEYS = frozenset(
    {
        "assessment",
        "considerations",
        "outlook",
        "implications",
        "key_judgments",
        "discussion",
        "options",
    }
)
KEY_JUDGMENT_KEYS = frozenset({"key_judgments"})
NOT_FACTUAL = frozenset({"recommendation", "next_report", "indicators"})
# Sections that sum up the note: what they say must not all come from one source.
SUMMARY_KEYS = frozenset({"summary", "bluf", "key_points", "executive_summary"})


def default_profile(note: Note) -> CheckProfile:
    """Return a profile guessed from section keys (used when the template is unknown)."""
    keys = {s.key for s in note.sections}
    assessment = frozenset(keys & ASSESSMENT_KEYS)
    return CheckProfile(
        factual=frozenset(keys - assessment - NOT_FACTUAL),
        assessment=assessment,
        key_judgments=frozenset(keys & KEY_JUDGMENT_KEYS),
    )


def profile_from_template(template: NoteTemplate) -> CheckProfile:
    """Return the check profile a template declares (section kinds, limits, marking scheme)."""
    limits = {}
    for spec in template.sections:
        merged = template.section_limits(spec.key)
        limits[spec.key] = SectionLimits(
            max_words=merged.max_words,
            max_sentences=merged.max_sentences,
            max_sentence_words=merged.max_sentence_words,
            max_paragraph_sentences=merged.max_paragraph_sentences,
            max_lines=merged.max_lines,
        )
    marked = frozenset(s.key for s in template.sections if s.key_judgments)
    # Every template with an assessment or summary section gets the single-source judgment;
    # a template turns it off with key_judgments: false on the section, or checks_off.
    judgments = frozenset(
        s.key
        for s in template.sections
        if not marked
        and s.key_judgments is None
        and (s.kind == "assessment" or s.key in SUMMARY_KEYS)
    )
    return CheckProfile(
        factual=frozenset(s.key for s in template.sections if s.factual),
        assessment=frozenset(s.key for s in template.sections if s.assessment),
        key_judgments=marked,
        judgments=judgments,
        limits=limits,
        marking_order=template.marking.scheme or TLP_ORDER,
        default_marking=template.marking.default,
        disabled=frozenset(template.checks_off),
    )


def profile_for_note(note: Note) -> CheckProfile:
    """Return the check profile of the note's template (guessed if the template is missing)."""
    from briefing_app.core.templates import get_template

    try:
        return profile_from_template(get_template(note.template))
    except BriefingError:
        return default_profile(note)
