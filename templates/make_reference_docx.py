"""Generate the reference .docx files (one per template look) that exports start from.

Run from the repository root:  .venv/bin/python templates/make_reference_docx.py

Each file holds only styles (and an empty body), like pandoc's reference documents: an
organisation restyles its memos by opening one in Word, changing the styles and saving it.
The exporter uses these style names: Normal, Title, Heading 1-2, Marking, Memo Header,
Box Text, footnote text / footnote reference, endnote text / endnote reference, Hyperlink,
List Bullet, List Number, Table Grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Look:
    """The typographic choices of one template look."""

    file: str
    body_font: str
    heading_font: str
    size: float
    heading_colour: RGBColor
    marking_align: WD_ALIGN_PARAGRAPH
    marking_colour: RGBColor


LOOKS = (
    Look(
        "briefing-note.docx",
        "Arial",
        "Arial",
        11,
        RGBColor(0, 0, 0),
        WD_ALIGN_PARAGRAPH.CENTER,
        RGBColor(0, 0, 0),
    ),
    Look(
        "policy-memo.docx",
        "Times New Roman",
        "Times New Roman",
        12,
        RGBColor(0, 0, 0),
        WD_ALIGN_PARAGRAPH.CENTER,
        RGBColor(0, 0, 0),
    ),
    Look(
        "intelligence-assessment.docx",
        "Calibri",
        "Calibri",
        11,
        RGBColor(0x1F, 0x3A, 0x5F),
        WD_ALIGN_PARAGRAPH.RIGHT,
        RGBColor(0xC0, 0x7A, 0x00),
    ),
    Look(
        "sitrep.docx",
        "Arial",
        "Arial",
        10,
        RGBColor(0x22, 0x22, 0x22),
        WD_ALIGN_PARAGRAPH.RIGHT,
        RGBColor(0x2E, 0x7D, 0x32),
    ),
)


def _style(document: docx.document.Document, name: str, kind: WD_STYLE_TYPE, sid: str) -> BaseStyle:
    """Return the style called name, adding it (with a stable style id) when missing."""
    try:
        return document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, kind)
        style.element.set(docx.oxml.ns.qn("w:styleId"), sid)
        return style


def _drop_theme_fonts(style: BaseStyle) -> None:
    """Remove theme font references, which Word and LibreOffice prefer to the named font."""
    for fonts in style.element.iter(docx.oxml.ns.qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.lower().endswith("theme"):
                del fonts.attrib[attr]


# Styles the exporter uses, plus Word's defaults; everything else python-docx's template carries
# (two hundred table and list styles, latent-style tables) only slows every export down.
KEEP_STYLES = {
    "normal",
    "default paragraph font",
    "normal table",
    "table normal",
    "no list",
    "title",
    "heading 1",
    "heading 2",
    "heading 3",
    "marking",
    "memo header",
    "box text",
    "footnote text",
    "footnote reference",
    "endnote text",
    "endnote reference",
    "hyperlink",
    "list paragraph",
    "list bullet",
    "list bullet 2",
    "list bullet 3",
    "list number",
    "list number 2",
    "list number 3",
    "list continue",
    "quote",
    "table grid",
    "header",
    "footer",
}
DROP_PARTS = ("stylesWithEffects", "customXml", "thumbnail", "webSettings")


def _slim(d: docx.document.Document) -> None:
    """Keep only the styles we use (and those they build on) and drop unused package parts."""
    qn = docx.oxml.ns.qn
    root = d.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.iterchildren(qn("w:style"))}
    keep = {
        sid
        for sid, s in by_id.items()
        if s.find(qn("w:name")) is not None
        and s.find(qn("w:name")).get(qn("w:val")).lower() in KEEP_STYLES
    }
    todo = list(keep)
    while todo:
        style = by_id[todo.pop()]
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag))
            target = ref.get(qn("w:val")) if ref is not None else None
            if target in by_id and target not in keep:
                keep.add(target)
                todo.append(target)
    for sid, style in by_id.items():
        if sid not in keep:
            root.remove(style)
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    for owner in (d.part, d.part.package):
        for r_id, rel in list(owner.rels.items()):
            if any(name in rel.reltype for name in DROP_PARTS):
                owner.rels.pop(r_id)


def build(look: Look) -> docx.document.Document:
    """Return a document holding the styles of one look and an empty body."""
    d = docx.Document()
    p, c = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER

    normal = d.styles["Normal"]
    normal.font.name = look.body_font
    normal.font.size = Pt(look.size)
    normal.paragraph_format.space_after = Pt(6)

    title = d.styles["Title"]
    title.font.name = look.heading_font
    title.font.size = Pt(look.size + 7)
    title.font.bold = True
    title.font.color.rgb = look.heading_colour
    title.paragraph_format.space_after = Pt(12)

    for level, extra in ((1, 2), (2, 1)):
        heading = d.styles[f"Heading {level}"]
        heading.font.name = look.heading_font
        heading.font.size = Pt(look.size + extra)
        heading.font.bold = True
        heading.font.color.rgb = look.heading_colour
        heading.paragraph_format.space_before = Pt(10)
        heading.paragraph_format.space_after = Pt(4)

    marking = _style(d, "Marking", p, "Marking")
    marking.base_style = normal
    marking.font.bold = True
    marking.font.color.rgb = look.marking_colour
    marking.paragraph_format.alignment = look.marking_align
    marking.paragraph_format.space_after = Pt(0)

    header_block = _style(d, "Memo Header", p, "MemoHeader")
    header_block.base_style = normal
    header_block.paragraph_format.space_after = Pt(2)

    box = _style(d, "Box Text", p, "BoxText")
    box.base_style = normal
    box.font.size = Pt(look.size - 1)

    for kind in ("footnote", "endnote"):
        text = _style(d, f"{kind} text", p, f"{kind.title()}Text")
        text.base_style = normal
        text.font.size = Pt(look.size - 2)
        text.paragraph_format.space_after = Pt(0)
        ref = _style(d, f"{kind} reference", c, f"{kind.title()}Reference")
        ref.font.superscript = True

    link = _style(d, "Hyperlink", c, "Hyperlink")
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True

    for style in (normal, title, d.styles["Heading 1"], d.styles["Heading 2"]):
        _drop_theme_fonts(style)

    _slim(d)
    body = d.element.body
    for child in list(body):
        if child.tag != docx.oxml.ns.qn("w:sectPr"):
            body.remove(child)
    d.core_properties.title = "Briefing reference document"
    d.core_properties.author = "Briefing"
    return d


def main() -> None:
    """Write every look's reference document beside this script."""
    for look in LOOKS:
        build(look).save(str(HERE / look.file))
        print(f"wrote {HERE / look.file}")


if __name__ == "__main__":
    main()
