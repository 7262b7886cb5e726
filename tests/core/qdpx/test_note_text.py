"""A note exported as a REFI-QDA Note reads as Markdown in a QDA tool and comes back whole.

`parse_note_text` reads the layout exactly as mapping.py describes it, nothing more: proof that
the layout gives every section back (the importer has its own, hardened reader of it).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import yaml

from briefing_app.core.library import Library
from briefing_app.core.models import Note, Section
from briefing_app.core.qdpx.mapping import NOTE_FIELDS, NOTE_SECTION_HEADING
from briefing_app.core.qdpx.note_text import note_text


@dataclass(frozen=True)
class NoteText:
    """A note's header fields and (key, heading, body) sections, read back from its text."""

    fields: dict[str, str]
    sections: list[tuple[str, str, str]]


def parse_note_text(text: str) -> NoteText | None:
    """Read the layout of mapping.py: front matter, then each listed heading in order."""
    if not text.startswith("---\n") or (end := text.find("\n---\n", 3)) < 0:
        return None
    try:
        front = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return None
    if not isinstance(front, dict) or not isinstance(front.get("sections"), list):
        return None
    rest = text[end + 5 :]
    specs = [(str(s["key"]), str(s["heading"])) for s in front["sections"]]
    places = []
    at = 0
    for _, heading in specs:
        head = f"\n{NOTE_SECTION_HEADING}{' '.join(heading.split())}\n\n"
        found = rest.find(head, at)
        if found < 0:
            return None
        places.append((found, found + len(head)))
        at = found + len(head)
    sections = []
    for n, ((key, heading), (_, start)) in enumerate(zip(specs, places, strict=True)):
        stop = places[n + 1][0] if n + 1 < len(places) else len(rest)
        sections.append((key, heading, rest[start:stop].removesuffix("\n")))
    return NoteText({k: str(front.get(k) or "") for k in NOTE_FIELDS}, sections)


def _note(*bodies: str, headings: tuple[str, ...] = ()) -> Note:
    heads = headings or tuple(f"Part {n}" for n in range(len(bodies)))
    return Note(
        1,
        "uid",
        "Khatlon: what we know",
        "briefing-note",
        marking="TLP:AMBER",
        memo_to="Director",
        status="in review",
        sections=[Section(n, f"s{n}", f"key{n}", heads[n], body) for n, body in enumerate(bodies)],
    )


def test_the_demo_note_comes_back_with_the_same_sections(demo_lib: Library) -> None:
    note = demo_lib.notes.get(1)
    text = note_text(note)
    assert "\n## Summary\n\nThree Chinese workers were killed" in text
    parsed = parse_note_text(text)
    assert parsed is not None
    assert parsed.sections == [(s.key, s.heading, s.body) for s in note.sections]
    assert parsed.fields["title"] == note.title
    assert parsed.fields["memo_to"] == note.memo_to
    assert parsed.fields["template"] == "briefing-note"


@pytest.mark.parametrize(
    "bodies",
    [
        ("", ""),
        ("ends with a line end\n", "two\n\n"),
        ("- a list [@C1]\n- second", "A table:\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
        ("## A heading inside a body\n\ntext", "---\nnot front matter\n---"),
        ("emoji 😀 and NFD e\u0301", "  leading spaces"),
    ],
)
def test_bodies_come_back_exactly(bodies: tuple[str, ...]) -> None:
    note = _note(*bodies)
    parsed = parse_note_text(note_text(note))
    assert parsed is not None
    assert [body for _, _, body in parsed.sections] == list(bodies)
    assert parsed.fields["status"] == "in review"
    assert parsed.fields["marking"] == "TLP:AMBER"


def test_a_heading_on_two_lines_is_written_on_one() -> None:
    note = _note("body", headings=("Two\nlines",))
    text = note_text(note)
    assert "\n## Two lines\n\nbody" in text
    parsed = parse_note_text(text)
    assert parsed is not None and parsed.sections[0][1] == "Two\nlines"


@pytest.mark.parametrize(
    "text",
    [
        "A memo written in NVivo.",
        "---\ntitle: no sections\n---\n\n# x\n",
        "---\n: [unbalanced\n---\n",
        "---\nsections:\n- key: a\n  heading: Missing\n---\n\n# x\n\n## Other\n\nbody\n",
    ],
)
def test_other_texts_are_not_taken_for_ours(text: str) -> None:
    assert parse_note_text(text) is None
