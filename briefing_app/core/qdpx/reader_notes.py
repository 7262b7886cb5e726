"""A project's memo as a Briefing note: its Markdown headings become the note's sections."""

from __future__ import annotations

import re

from briefing_app.core.text.anchors import normalise_text

# Memos land in the plainest template; their sections are their own headings.
NOTE_TEMPLATE = "briefing-note"
DEFAULT_SECTION = ("notes", "Notes")
_HEADING = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def note_sections(text: str) -> list[tuple[str, str, str]]:
    """Split a memo's text into (key, heading, body) sections at its "#"/"##" headings.

    Text before the first heading (or all of it, without headings) is a section "Notes".

    >>> note_sections("Intro\\n\\n## Key judgments\\n\\nLikely.")
    [('notes', 'Notes', 'Intro'), ('key-judgments', 'Key judgments', 'Likely.')]
    """
    text = normalise_text(text)
    marks = list(_HEADING.finditer(text))
    sections: list[tuple[str, str, str]] = []
    lead = text[: marks[0].start()] if marks else text
    if lead.strip() or not marks:
        sections.append((*DEFAULT_SECTION, lead.strip()))
    keys = {s[0] for s in sections}
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        heading = mark[1].strip()
        key = _unique(_slug(heading), keys)
        sections.append((key, heading, text[mark.end() : stop].strip()))
    return sections


def _slug(heading: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", heading.lower()).strip("-") or "section"


def _unique(key: str, taken: set[str]) -> str:
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}-{n}", n + 1
    taken.add(candidate)
    return candidate
