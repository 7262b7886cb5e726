"""A project's memo as a Briefing note: its header and sections, from Markdown.

A memo from a QDA tool is plain text: its "#"/"##" headings become the note's sections. A memo
with YAML front matter (as Briefing's own export writes a note, and as Markdown editors do)
gives the note's header fields there (title, template, status, marking, memo_to, memo_from,
subject, memo_date); when the front matter lists the sections ({key, heading}), they are found
by those headings in that order, so a body keeps its own subheadings and comes back exactly as
written, and a "# <title>" line before them is the title, not a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from briefing_app.core.text.anchors import normalise_text

# Memos land in the plainest template unless their front matter names one.
NOTE_TEMPLATE = "briefing-note"
DEFAULT_SECTION = ("notes", "Notes")
HEADER_FIELDS = ("template", "status", "marking", "memo_to", "memo_from", "subject", "memo_date")
# A memo's front matter is a header, not a document: anything bigger is not one.
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_YAML_VALUES = 10_000
_FENCE = "---"
_HEADING = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass
class Memo:
    """A memo read as a note: title, header fields and (key, heading, body) sections."""

    title: str
    fields: dict[str, str] = field(default_factory=dict)
    sections: list[tuple[str, str, str]] = field(default_factory=list)


def read_memo(name: str, text: str) -> Memo:
    """Return a memo's title, header fields and sections.

    >>> read_memo("Memo", "Intro\\n\\n## Key judgments\\n\\nLikely.").sections
    [('notes', 'Notes', 'Intro'), ('key-judgments', 'Key judgments', 'Likely.')]
    """
    text = normalise_text(text)
    front, rest = _front_matter(text)
    memo = Memo(str(front.get("title") or name).strip())
    memo.fields = {k: str(front[k]).strip() for k in HEADER_FIELDS if front.get(k)}
    listed = _listed_sections(front, rest)
    memo.sections = listed if listed is not None else note_sections(rest)
    return memo


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return a text's YAML front matter (empty without one) and the text after it."""
    if not text.startswith(_FENCE + "\n"):
        return {}, text
    end = text.find(f"\n{_FENCE}\n", len(_FENCE), MAX_FRONT_MATTER_CHARS)
    if end < 0:
        return {}, text
    front = _load_yaml(text[len(_FENCE) + 1 : end])
    if not isinstance(front, dict):
        return {}, text
    return front, text[end + len(_FENCE) + 2 :]


def _load_yaml(text: str) -> Any:
    """Return the plain values of a YAML text; None when it is not YAML or an alias bomb."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None or _expanded_size(node) > MAX_YAML_VALUES:
            return None
        return loader.construct_document(node)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _expanded_size(root: yaml.Node) -> int:
    """Count a YAML document's values as a walk sees them, aliases expanded, up to the cap."""
    # An alias shares its anchor's node, so a few hundred bytes can stand for billions of
    # values; str() of such a value would take minutes and gigabytes.
    count = 0
    stack = [root]
    while stack and count <= MAX_YAML_VALUES:
        node = stack.pop()
        count += 1
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
    return count


def _listed_sections(front: dict[str, Any], text: str) -> list[tuple[str, str, str]] | None:
    """Return the sections the front matter lists, found by their headings in order; None
    when it lists none or one of them is not there."""
    specs = front.get("sections")
    if not isinstance(specs, list) or not specs:
        return None
    wanted = [
        (str(s.get("key") or ""), " ".join(str(s.get("heading") or "").split()))
        for s in specs
        if isinstance(s, dict)
    ]
    keys = [key for key, _ in wanted]
    if not all(keys) or len(set(keys)) != len(keys):
        return None
    places: list[tuple[int, int]] = []
    at = 0
    for _, heading in wanted:
        head = f"\n## {heading}\n\n"
        found = text.find(head, at)
        if found < 0:
            return None
        places.append((found, found + len(head)))
        at = found + len(head)
    sections = []
    for n, ((key, heading), (_, start)) in enumerate(zip(wanted, places, strict=True)):
        stop = places[n + 1][0] if n + 1 < len(places) else len(text)
        # Each body is followed by one line end before the next heading's blank line.
        sections.append((key, heading, text[start:stop].removesuffix("\n")))
    return sections


def note_sections(text: str) -> list[tuple[str, str, str]]:
    """Split a memo's text into (key, heading, body) sections at its "#"/"##" headings.

    Text before the first heading (or all of it, without headings) is a section "Notes".

    >>> note_sections("Intro\\n\\n# Outlook\\n\\nLikely.")
    [('notes', 'Notes', 'Intro'), ('outlook', 'Outlook', 'Likely.')]
    """
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
