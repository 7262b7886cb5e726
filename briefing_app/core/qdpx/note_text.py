"""A note as the plain text of a REFI-QDA Note, and back (the layout is in mapping.py).

A QDA tool shows the text as it is: front matter, the title, then each section's heading and
Markdown body with its citations [@C12] kept (each claim's selection description ends
"Claim C12", so a reader of the project can follow them). The front matter names the
sections, so the importer gets the same sections back, bodies byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from briefing_app.core.models import Note
from briefing_app.core.qdpx.mapping import NOTE_FIELDS, NOTE_SECTION_HEADING

_FENCE = "---"


@dataclass(frozen=True)
class NoteSectionText:
    """One section read back from a note's text."""

    key: str
    heading: str
    body: str


@dataclass(frozen=True)
class NoteText:
    """What a note's text holds: its header fields (NOTE_FIELDS) and sections, in order."""

    fields: dict[str, str] = field(default_factory=dict)
    sections: tuple[NoteSectionText, ...] = ()


def note_text(note: Note) -> str:
    """Return the note as the plain text of a REFI-QDA Note.

    >>> from briefing_app.core.models import Note, Section
    >>> n = Note(1, "u", "Khatlon", "briefing-note", sections=[Section(1, "s", "summary", "Summary", "Said [@C1].")])
    >>> print(note_text(n).split("---")[-1].strip())
    # Khatlon
    <BLANKLINE>
    ## Summary
    <BLANKLINE>
    Said [@C1].
    """  # noqa: E501
    front: dict[str, Any] = {name: str(getattr(note, name) or "") for name in NOTE_FIELDS}
    front["sections"] = [{"key": s.key, "heading": s.heading} for s in note.sections]
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    out = [_FENCE, dumped.rstrip("\n"), _FENCE, "", f"# {_one_line(note.title)}", ""]
    for section in note.sections:
        out += [f"{NOTE_SECTION_HEADING}{_one_line(section.heading)}", "", section.body, ""]
    return "\n".join(out)


def parse_note_text(text: str) -> NoteText | None:
    """Return the fields and sections of a text note_text wrote; None for any other text.

    Sections are found in the order the front matter lists them, each body running to the next
    section's heading line, so a body comes back exactly as it was written.
    """
    if not text.startswith(_FENCE + "\n"):
        return None
    end = text.find(f"\n{_FENCE}\n", len(_FENCE))
    if end < 0:
        return None
    try:
        front = yaml.safe_load(text[len(_FENCE) + 1 : end])
    except yaml.YAMLError:
        return None
    if not isinstance(front, dict) or not isinstance(front.get("sections"), list):
        return None
    fields = {name: str(front.get(name) or "") for name in NOTE_FIELDS}
    specs = [
        (str(s.get("key", "")), str(s.get("heading", "")))
        for s in front["sections"]
        if isinstance(s, dict)
    ]
    rest = text[end + len(_FENCE) + 2 :]
    heads = [f"\n{NOTE_SECTION_HEADING}{_one_line(h)}\n\n" for _, h in specs]
    starts: list[tuple[int, int]] = []
    at = 0
    for head in heads:
        found = rest.find(head, at)
        if found < 0:
            return None
        starts.append((found, found + len(head)))
        at = found + len(head)
    sections = []
    for n, ((key, heading), (_, body_start)) in enumerate(zip(specs, starts, strict=True)):
        body_end = starts[n + 1][0] if n + 1 < len(starts) else len(rest)
        body = rest[body_start:body_end]
        # note_text follows each body with one line end (then the next heading's blank line).
        body = body.removesuffix("\n")
        sections.append(NoteSectionText(key, heading, body))
    return NoteText(fields, tuple(sections))


def _one_line(text: str) -> str:
    # A heading on two lines would read as a heading and a paragraph.
    return " ".join(text.split())
