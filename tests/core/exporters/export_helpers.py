"""Shared by the export tests: the demo note in every template, and golden-file comparison."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import docx
import lxml.html
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import Claim, Note
from briefing_app.core.templates import get_template
from briefing_app.core.text.citations import claim_link_keys

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "golden"
TEMPLATES = ("briefing-note", "policy-memo", "intelligence-assessment", "sitrep")
STYLES = ("house", "intel", "academic")  # the bundled citation styles
MEMO_DATE = "2026-11-20"

# Which sections of the demo (briefing-note) note fill each section of the other templates.
_DEMO_MAP: dict[str, dict[str, list[str]]] = {
    "policy-memo": {
        "bluf": ["summary"],
        "recommendation": ["recommendation"],
        "background": ["issue", "background", "considerations"],
    },
    "intelligence-assessment": {
        "key_judgments": ["considerations"],
        "background": ["background"],
        "discussion": ["summary", "issue"],
        "outlook": ["recommendation"],
    },
    "sitrep": {
        "developments": ["summary"],
        "statements": ["background"],
        "response": ["issue"],
        "assessment": ["considerations"],
        "next_report": [],
    },
}

FEATURES_BODY = """\
A [linked report](https://example.org/report?a=1&b=2) with **bold**, *italic* and `code` [@C1].

1. First step [@C2; @C3]
2. Second step

- Point one
    - Nested point [@C4]

| Party | Position |
|---|---|
| Tajik authorities | Blame criminal groups [@C9] |
| Taliban administration | Deny responsibility |

> A quoted passage from the report.

An author's own aside.[^a]

[^a]: Written by the analyst, not a source.
"""


def add_wire_claim(lib: Library) -> Claim:
    """Add a source with every field the demo's capture lacks (author, outlet, date, URL) and
    one claim from it; return the claim."""
    wire = lib.sources.add(
        ExtractedDocument(
            title="Border crossings shut after attack on Chinese camp",
            text="The border crossing at Istiqlol stayed closed on Monday, officials said.",
            byline="Jane Roe",
            outlet="Example Wire",
            published="2025-12-01",
            url="https://example.org/border",
        ),
        reliability="B",
    )
    return lib.claims.add(
        wire.id, quote="The border crossing at Istiqlol stayed closed", credibility=2
    )


def demo_note(lib: Library) -> Note:
    """Return the demo note (the library must hold the demo)."""
    # demo_in_template adds notes with the same title; the demo's own is the first.
    title = "Attack on Chinese workers in Khatlon province"
    return lib.notes.get(min(h.id for h in lib.notes.headers() if h.title == title))


def demo_in_template(lib: Library, template: str) -> Note:
    """Create the demo note's content in another template's sections (fixed date); return it."""
    demo = demo_note(lib)
    if template == "briefing-note":
        lib.notes.update(demo.id, memo_date=MEMO_DATE)
        return lib.notes.get(demo.id)
    spec = get_template(template)
    bodies = {
        target: "\n\n".join(demo.section(k).body for k in keys if demo.section(k) is not None)
        for target, keys in _DEMO_MAP[template].items()
    }
    if template == "sitrep":
        bodies["next_report"] = "The next report follows at 201200Z NOV 26."
        bodies["gaps"] = "Casualty figures and the identity of the attackers are unconfirmed."
    note = lib.notes.create(
        demo.title,
        template,
        spec.headings(),
        marking=spec.marking.default,
        bodies=bodies,
        memo_to=demo.memo_to,
        memo_from=demo.memo_from,
        subject=demo.subject,
        memo_date=MEMO_DATE,
    )
    if template == "sitrep":
        note = lib.notes.update(note.id, settings={"report_number": "3"})
    return note


_VOLATILE = [
    (re.compile(r'r:id="rId\d+"'), 'r:id="rId#"'),
    (re.compile(r'w:rsid\w*="[0-9A-F]+"'), ""),
    (re.compile(r'w14:(paraId|textId)="[0-9A-F]+"'), ""),
]


def pretty_part(docx_path: Path, part: str) -> str:
    """Return a part of a .docx pretty-printed, with volatile ids and rsids normalised."""
    with zipfile.ZipFile(docx_path) as z:
        raw = z.read(part)
    root = etree.fromstring(raw, etree.XMLParser(remove_blank_text=True))
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; BRIEFING_UPDATE_GOLDEN=1 rewrites the golden file."""
    path = GOLDEN_DIR / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("BRIEFING_UPDATE_GOLDEN") != "1":
            raise AssertionError(
                f"missing golden file {path}; run with BRIEFING_UPDATE_GOLDEN=1 to create it"
            )
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual.splitlines() == expected.splitlines(), (
        f"{name} differs from its golden file (BRIEFING_UPDATE_GOLDEN=1 regenerates it)"
    )


def word_notes(docx_path: Path) -> list[str]:
    """Return what each citation of a Word export says, in reading order, reopened with
    python-docx: its footnote, its entry in the Notes list (endnotes), or its inline words."""
    document = docx.Document(str(docx_path))
    body = document.element.body
    refs = [int(r.get(qn("w:id"))) for r in body.iter(qn("w:footnoteReference"))]
    if refs:
        part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES)
        notes = {
            int(n.get(qn("w:id"))): "".join(t.text or "" for t in n.iter(qn("w:t"))).strip()
            for n in etree.fromstring(part.blob).iter(qn("w:footnote"))
        }
        return [notes[n] for n in refs]
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))]
    if anchors:
        endnotes = {}
        for paragraph in document.paragraphs:
            for mark in paragraph._p.iter(qn("w:bookmarkStart")):
                if mark.get(qn("w:name")) in anchors:
                    endnotes[mark.get(qn("w:name"))] = paragraph.text.split("\t", 1)[1]
        return [endnotes[a] for a in anchors]
    runs = ("".join(t.text or "" for t in r.iter(qn("w:t"))) for r in body.iter(qn("w:r")))
    return [text for text in runs if text.startswith("(according to ")]


def preview_notes(html: str) -> list[str]:
    """Return what each citation of preview HTML says, in reading order: the note its number
    refers to, or its inline words."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    notes = [li.text_content() for li in root.xpath("//div[@class='notes']/ol/li")]
    if notes:
        return [notes[int(sup.text_content()) - 1] for sup in root.iter("sup")]
    return [a.text_content() for a in root.iter("a") if claim_link_keys(a.get("href", ""))]


def preview_citations(html: str) -> list[tuple[str, ...]]:
    """Return the claim keys each citation link of preview HTML points at, in reading order."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    links = (claim_link_keys(a.get("href", "")) for a in root.iter("a"))
    return [tuple(keys) for keys in links if keys]
