"""A note as the plain text of a REFI-QDA Note (the layout is in mapping.py).

A QDA tool shows the text as it is: front matter, the title, then each section's heading and
Markdown body with its citations [@C12] kept (each claim's selection description ends
"Claim C12", so a reader of the project can follow them). The front matter names the
sections, so the importer finds the same sections again, bodies byte for byte.
"""

from __future__ import annotations

from typing import Any

import yaml

from briefing_app.core.models import Note
from briefing_app.core.qdpx.mapping import NOTE_FIELDS, NOTE_SECTION_HEADING
from briefing_app.core.text.control_chars import manual_breaks_as

_FENCE = "---"


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
        # A manual line break (Shift+Enter) is no XML character: written as Markdown's hard
        # line break, which a QDA tool shows as a new line and Briefing reads back as one.
        body = manual_breaks_as(section.body, "  \n")
        out += [f"{NOTE_SECTION_HEADING}{_one_line(section.heading)}", "", body, ""]
    return "\n".join(out)


def _one_line(text: str) -> str:
    # A heading on two lines would read as a heading and a paragraph.
    return " ".join(text.split())
