"""A library written as a project in our export's style (core/qdpx/mapping.py), for tests.

What `briefing qdpx export` writes, as mapping.py lays it down: sources as TextSources named by
title, the analyst's note as Description, variables for outlet, byline, published, URL,
reliability and marking; tags as codes under "Tags: <kind>"; claim kind, status, credibility
and party as codes under their parents; a claim as a selection named by its quote, described
"<statement>\\n\\nClaim <key>"; notes as Notes whose text is YAML front matter (header fields and
the sections' keys and headings), "# <title>", then "## <heading>" and the body per section;
relations as Links between selections named by the relation.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing_app.core.library import Library
from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES, Note
from briefing_app.core.qdpx.mapping import (
    CLAIM_KEY_LINE_PREFIX,
    CLAIM_KIND_PARENT,
    CLAIM_STATUS_PARENT,
    CREDIBILITY_PARENT,
    PARTY_PARENT,
    SOURCE_VARIABLES,
    TAG_KIND_PREFIX,
)
from tests.core.qdpx.projects import Code, Memo, Sel, Src, write_project

NOTE_FIELDS = ("title", "template", "status", "marking", "memo_to", "memo_from", "subject")


def write_library(lib: Library, path: Path) -> Path:
    """Write every source, claim, tag, note and relation of lib as a .qdpx at path."""
    tags = lib.tags.all()
    claims = lib.claims.all()
    codes = [
        Code(
            f"{TAG_KIND_PREFIX}{kind}",
            [Code(t.name, key=f"tag:{kind}:{t.name}") for t in tags if t.kind == kind],
            codable=False,
        )
        for kind in sorted({t.kind for t in tags})
    ]
    attributes = (
        (CLAIM_KIND_PARENT, "kind", list(CLAIM_KINDS)),
        (CLAIM_STATUS_PARENT, "status", list(CLAIM_STATUSES)),
        (CREDIBILITY_PARENT, "credibility", [str(n) for n in range(1, 7)]),
        (PARTY_PARENT, "party", sorted({c.party for c in claims if c.party})),
    )
    for parent, attribute, values in attributes:
        children = [Code(v, key=f"{attribute}:{v}") for v in values]
        codes.append(Code(parent, children, codable=False))
    sources = []
    for listed in lib.sources.all():
        source = lib.sources.get(listed.id)
        selections = [
            Sel(
                c.start,
                c.end,
                name=c.quote,
                description=f"{c.statement}\n\n{CLAIM_KEY_LINE_PREFIX}{c.key}",
                codes=[f"tag:{ref}" for ref in c.tag_refs]
                + [f"kind:{c.kind}", f"status:{c.status}", f"credibility:{c.credibility}"]
                + ([f"party:{c.party}"] if c.party else []),
                label=c.key,
            )
            for c in claims
            if c.source_id == source.id
        ]
        variables = {
            name: str(getattr(source, attribute) or "")
            for name, attribute in SOURCE_VARIABLES.items()
            if getattr(source, attribute)
        }
        sources.append(
            Src(
                source.title,
                source.text,
                selections,
                codes=[f"tag:{t.kind}:{t.name}" for t in lib.tags.on_source(source.id)],
                variables=variables,
                description=source.analyst_note or None,
            )
        )
    keys = {c.id: c.key for c in claims}
    links = [(r.relation, keys[r.from_claim_id], keys[r.to_claim_id]) for r in _relations(lib)]
    memos = [Memo(n.title, note_text(n)) for n in lib.notes.all()]
    return write_project(
        path,
        sources,
        codes=codes,
        memos=memos,
        project_memos=[m.label for m in memos],
        raw_links=links,
        variables=list(SOURCE_VARIABLES),
    )


def _relations(lib: Library) -> list:  # type: ignore[type-arg]
    return lib.relations.all()


def note_text(note: Note) -> str:
    """Return a note as our export's Note text: front matter, title, sections."""
    front = {name: str(getattr(note, name) or "") for name in NOTE_FIELDS}
    front["memo_date"] = note.memo_date or ""
    front["sections"] = [{"key": s.key, "heading": s.heading} for s in note.sections]
    lines = ["---", yaml.safe_dump(front, sort_keys=False, allow_unicode=True).rstrip(), "---"]
    lines += ["", f"# {note.title}", ""]
    for section in note.sections:
        lines += [f"## {section.heading}", "", section.body, ""]
    return "\n".join(lines)
