"""A note and its template -> the intermediate ExportDocument (claims and sources resolved)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from briefing_app.core.errors import InvalidInput, MissingClaim, NotFound
from briefing_app.core.exporters.citation_styles import get_style
from briefing_app.core.exporters.csl_sources import find_csl
from briefing_app.core.exporters.document import (
    UNSIGNED,
    AuthorNote,
    Block,
    Cite,
    DocAnnex,
    DocBox,
    DocSection,
    ExportDocument,
    Inline,
    Missing,
    map_inlines,
)
from briefing_app.core.exporters.notes import merge_adjacent_citations, merge_sentence_citations
from briefing_app.core.exporters.parse import MarkdownParser
from briefing_app.core.exporters.source_lines import long_date
from briefing_app.core.models import Claim, Note, Source
from briefing_app.core.records.note_settings import DATE_SUFFIX, header_field
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
    *,
    bodies: Mapping[str, str] | None = None,
    lenient: bool = False,
    note_style: str | None = None,
    keep_empty: bool = False,
) -> ExportDocument:
    """Parse a note's sections once and resolve every claim it cites; raise MissingClaim.

    note_style names the citation style of the notes (default: the template's).

    bodies (section key -> Markdown) stand in for the stored ones: the editor's unsaved text.
    lenient marks a citation of a missing claim with a Missing run instead of raising, and
    lets a note whose template is unknown build with a bare one (the preview shows any note).
    keep_empty makes the writers print an empty section's heading (a draft to fill in).
    """
    if bodies:
        note = _with_bodies(note, bodies)
    if template is None:
        template = _template_of(note, lenient)
    style = citations or template.citations.style
    if style not in CITATION_STYLES:
        raise InvalidInput(f"citations must be one of {', '.join(CITATION_STYLES)}")
    cite_style = get_style(note_style or template.citations.note_style)
    if cite_style.csl and template.citations.sources_list:
        find_csl(cite_style.csl)  # a missing or broken CSL style stops here, named
    keys = lib.notes.cited_keys(note)
    claims = lib.claims.by_keys(keys)
    missing = {k for k in keys if k not in claims}
    if not lenient:
        _check_citations(note, keys, claims)
    ordered = {k: claims[k] for k in keys if k in claims}
    # Without their text: an export prints metadata only, and texts can be megabytes.
    sources = {s.id: s for s in lib.sources.all(ids=sorted({c.source_id for c in claims.values()}))}

    source_of = {k: c.source_id for k, c in ordered.items()}
    parser = MarkdownParser()
    total = len(note.sections)
    sections: list[DocSection] = []
    for n, section in enumerate(note.sections):
        spec = template.section(section.key)
        decision = spec is not None and spec.decision
        blocks = parser.parse(section.body)
        if missing:
            blocks = _mark_missing(blocks, missing)
        blocks = merge_adjacent_citations(blocks)
        if cite_style.merge_sentence:
            blocks = merge_sentence_citations(blocks, source_of)
        sections.append(DocSection(section.key, section.heading, blocks, decision))
        if progress is not None:
            progress(n + 1, total)
    boxes = {b.after: DocBox(b.title, parser.parse(b.text)) for b in template.boxes}

    marking = printed_marking(note, template)
    date = note.memo_date or note.created_at[:10]
    header_lines = memo_header_lines(note, template)
    clearance = clearance_lines(note, template)
    if template.clearance.placement == "header":
        header_lines, clearance = header_lines + clearance, []
    tags = sorted({t for c in ordered.values() for t in c.tags})
    return ExportDocument(
        title=note.title,
        template=template.name,
        marking=marking,
        marking_placement=template.marking.placement,
        status=note.status,
        date=date,
        header_lines=header_lines,
        clearance=clearance,
        sections=sections,
        keep_empty=keep_empty,
        boxes=boxes,
        claims=ordered,
        sources=sources,
        citation_style=style,
        note_style=cite_style,
        show_grades=template.citations.show_grades,
        sources_list=template.citations.sources_list,
        sources_csl=cite_style.csl,
        claims_annex=template.claims_annex,
        annexes=_annexes(lib, note, template, ordered, sources),
        portion_mark=_portion_mark(marking) if template.marking.portion_marks else "",
        author=note.memo_from,
        subject=note.subject,  # a subject that only repeats the title says nothing
        keywords=", ".join(t.split(":", 1)[-1] for t in tags),
        created=note.created_at,
    )


def _annexes(
    lib: Library,
    note: Note,
    template: NoteTemplate,
    claims: dict[str, Claim],
    sources: dict[int, Source],
) -> list[DocAnnex]:
    """Return the annexes the template asks for that have something to show."""
    from briefing_app.core.exporters.ach_annexes import ach_annex, assumptions_annex
    from briefing_app.core.exporters.annexes import chronology_annex, competing_claims_annex

    found = [
        chronology_annex(claims, sources) if template.chronology_annex else None,
        competing_claims_annex(lib, claims) if template.competing_claims_annex else None,
        ach_annex(lib, note, claims) if template.ach_annex else None,
        assumptions_annex(lib, note, claims) if template.assumptions_annex else None,
    ]
    return [a for a in found if a is not None]


def memo_header_lines(note: Note, template: NoteTemplate) -> list[tuple[str, str]]:
    """Return the (label, value) lines of the memo header the template prints (set ones only)."""
    lines = []
    for item in template.header:
        if item.field.startswith("settings."):
            value = header_field(note, item.field.removeprefix("settings."))
        else:
            value = str(getattr(note, item.field, ""))
        if item.field == "memo_date":
            # An undated memo carries the day it was written.
            value = long_date(note.memo_date or note.created_at[:10])
        if value:
            lines.append((item.label, value))
    return lines


def clearance_lines(note: Note, template: NoteTemplate) -> list[tuple[str, str]]:
    """Return the (label, value) drafting and clearance lines: 'Name, November 20, 2026'.

    Every line the template defines prints; one nobody has signed yet leaves a line to sign.
    """
    lines = []
    for line in template.clearance.lines:
        name = header_field(note, line.field)
        day = long_date(header_field(note, line.field + DATE_SUFFIX))
        value = ", ".join(p for p in (name, day) if p)
        lines.append((line.label, value or UNSIGNED))
    return lines


def _with_bodies(note: Note, bodies: Mapping[str, str]) -> Note:
    """Return note with some sections' bodies replaced; raise InvalidInput for unknown keys."""
    known = {s.key for s in note.sections}
    unknown = sorted(set(bodies) - known)
    if unknown:
        raise InvalidInput(f"note {note.id} has no section {unknown[0]!r}")
    sections = [
        dataclasses.replace(s, body=bodies[s.key]) if s.key in bodies else s for s in note.sections
    ]
    return dataclasses.replace(note, sections=sections)


def _template_of(note: Note, lenient: bool) -> NoteTemplate:
    """Return the note's template; leniently, a bare one when it is unknown or broken."""
    try:
        return get_template(note.template)
    except (NotFound, InvalidInput):  # InvalidInput: a TemplateError
        if not lenient:
            raise
        return NoteTemplate(note.template, note.template, "", ())


def _mark_missing(blocks: list[Block], missing: set[str]) -> list[Block]:
    """Return blocks with each citation's missing keys split off into a Missing marker."""
    return map_inlines(blocks, lambda inlines: _mark_inlines(inlines, missing))


def _mark_inlines(inlines: list[Inline], missing: set[str]) -> list[Inline]:
    out: list[Inline] = []
    for item in inlines:
        if isinstance(item, Cite) and missing.intersection(item.keys):
            # The claims that exist keep their note, so the numbering stays as it will print.
            found = tuple(k for k in item.keys if k not in missing)
            if found:
                out.append(Cite(found))
            out.append(Missing(tuple(k for k in item.keys if k in missing)))
        elif isinstance(item, AuthorNote):
            out.append(AuthorNote(tuple(_mark_inlines(list(item.inlines), missing))))
        else:
            out.append(item)
    return out


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
