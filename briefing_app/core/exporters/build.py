"""A note and its template -> the intermediate ExportDocument (claims and sources resolved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_app.core.errors import InvalidInput, MissingClaim
from briefing_app.core.exporters.document import DocBox, DocSection, ExportDocument
from briefing_app.core.exporters.parse import MarkdownParser
from briefing_app.core.exporters.source_lines import long_date
from briefing_app.core.models import Claim, Note
from briefing_app.core.templates import (
    CITATION_STYLES,
    NoteTemplate,
    get_template,
    printed_marking,
)
from briefing_app.core.text.citations import find_citations

if TYPE_CHECKING:
    from briefing_app.core.library import Library

Progress = Callable[[int, int], None]


def build_document(
    lib: Library,
    note: Note,
    template: NoteTemplate | None = None,
    citations: str | None = None,
    progress: Progress | None = None,
) -> ExportDocument:
    """Parse a note's sections once and resolve every claim it cites; raise MissingClaim."""
    template = template or get_template(note.template)
    style = citations or template.citations.style
    if style not in CITATION_STYLES:
        raise InvalidInput(f"citations must be one of {', '.join(CITATION_STYLES)}")
    keys = lib.notes.cited_keys(note)
    claims = lib.claims.by_keys(keys)
    _check_citations(note, keys, claims)
    ordered = {k: claims[k] for k in keys}
    # Without their text: an export prints metadata only, and texts can be megabytes.
    sources = {s.id: s for s in lib.sources.all(ids=sorted({c.source_id for c in claims.values()}))}

    parser = MarkdownParser()
    total = len(note.sections)
    sections: list[DocSection] = []
    for n, section in enumerate(note.sections):
        spec = template.section(section.key)
        decision = spec is not None and spec.decision
        sections.append(
            DocSection(section.key, section.heading, parser.parse(section.body), decision)
        )
        if progress is not None:
            progress(n + 1, total)
    boxes = {b.after: DocBox(b.title, parser.parse(b.text)) for b in template.boxes}

    marking = printed_marking(note, template)
    date = note.memo_date or note.created_at[:10]
    tags = sorted({t for c in ordered.values() for t in c.tags})
    return ExportDocument(
        title=note.title,
        template=template.name,
        marking=marking,
        marking_placement=template.marking.placement,
        status=note.status,
        date=date,
        header_lines=memo_header_lines(note, template),
        sections=sections,
        boxes=boxes,
        claims=ordered,
        sources=sources,
        citation_style=style,
        show_grades=template.citations.show_grades,
        sources_list=template.citations.sources_list,
        claims_annex=template.claims_annex,
        portion_mark=_portion_mark(marking) if template.marking.portion_marks else "",
        author=note.memo_from,
        subject=note.subject or note.title,
        keywords=", ".join(t.split(":", 1)[-1] for t in tags),
        created=note.created_at,
    )


def memo_header_lines(note: Note, template: NoteTemplate) -> list[tuple[str, str]]:
    """Return the (label, value) lines of the memo header the template prints (set ones only)."""
    lines = []
    for item in template.header:
        if item.field.startswith("settings."):
            value = str(note.settings.get(item.field.removeprefix("settings."), ""))
        else:
            value = str(getattr(note, item.field, ""))
        if item.field == "memo_date":
            # An undated memo carries the day it was written.
            value = long_date(note.memo_date or note.created_at[:10])
        if value:
            lines.append((item.label, value))
    return lines


def _check_citations(note: Note, keys: list[str], claims: dict[str, Claim]) -> None:
    """Stop the export at the first citation of a claim that does not exist, naming it."""
    missing = [k for k in keys if k not in claims]
    if not missing:
        return
    key = missing[0]
    where = next(
        (s.key for s in note.sections for c in find_citations(s.body) if key in c.keys), "?"
    )
    raise MissingClaim(f"note {note.id} section {where!r} cites {key}, which is not in the library")


def _portion_mark(marking: str) -> str:
    """Return the portion mark for a banner: "(U)" for UNCLASSIFIED, else the first letter."""
    head = marking.split("//")[0].strip().upper()
    if not head:
        return ""
    abbreviations = {"UNCLASSIFIED": "U", "CONFIDENTIAL": "C", "SECRET": "S", "TOP SECRET": "TS"}
    return f"({abbreviations.get(head, head[0])})"
