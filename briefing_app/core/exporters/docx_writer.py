"""ExportDocument -> .docx with python-docx, starting from the template's reference document.

python-docx has no footnote API, so footnotes are written as their own OOXML part
(word/footnotes.xml with the separator notes Word expects), related from the document part;
python-docx then adds the content-type override when it saves.

Endnotes are a numbered "Notes" list at the end with linked superscript references, not Word
endnote objects: LibreOffice (7.4) sets Word endnotes on pages of their own page style, with no
header or footer, so those pages would lose the handling marking every page must carry.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from briefing_app.core.exporters.document import (
    AuthorNote,
    Block,
    Cite,
    ExportDocument,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Text,
)
from briefing_app.core.exporters.source_lines import (
    attribution,
    grade,
    note_text,
    source_line_parts,
)
from briefing_app.core.grading import CREDIBILITY, RELIABILITY

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(doc: ExportDocument, path: Path, reference: Path | None = None) -> None:
    """Write doc as a Word file at path, styled by the reference .docx when given."""
    _DocxBuilder(doc, reference).build().save(str(path))


class _DocxBuilder:
    """Builds one Word document; holds the footnote list and list numbering while it goes."""

    def __init__(self, doc: ExportDocument, reference: Path | None) -> None:
        self.doc = doc
        self.d = docx.Document(str(reference)) if reference else docx.Document()
        self.body = self.d.element.body
        self.notes: list[str] = []  # the runs (OOXML) of each footnote or endnote, in order
        self.endnotes = doc.citation_style == "endnotes"
        self._styles = {s.name: s for s in self.d.styles}
        self._list_num: dict[bool, str | None] = {}

    # --- whole document -----------------------------------------------------------------------

    def build(self) -> Any:
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.properties()
        self.header_footer()
        self.front()
        for section in self.doc.sections:
            self.d.add_paragraph(section.heading, style="Heading 1")
            self.blocks(section.blocks, portion=True)
            box = self.doc.boxes.get(section.key)
            if box is not None:
                self.box(box.title, box.blocks)
        if self.notes and self.endnotes:
            self.endnote_list()
        if self.doc.sources_list and self.doc.claims:
            self.sources()
        if self.doc.claims_annex and self.doc.claims:
            self.annex()
        if self.notes and not self.endnotes:
            self.footnotes_part()
        return self.d

    def properties(self) -> None:
        props = self.d.core_properties
        props.title = self.doc.title
        props.author = self.doc.author or "Briefing"
        props.subject = self.doc.subject
        props.keywords = self.doc.keywords
        props.category = self.doc.marking
        props.comments = f"Template: {self.doc.template}; status: {self.doc.status}"
        props.last_modified_by = "Briefing"
        if self.doc.created:
            with contextlib.suppress(ValueError):
                props.created = datetime.fromisoformat(self.doc.created.replace("Z", "+00:00"))

    def header_footer(self) -> None:
        section = self.d.sections[0]
        align = (
            WD_ALIGN_PARAGRAPH.RIGHT
            if self.doc.marking_placement == "tlp"
            else WD_ALIGN_PARAGRAPH.CENTER
        )
        for part in (section.header, section.footer):
            part.is_linked_to_previous = False
            para = part.paragraphs[0]
            para.text = ""
            if self.doc.marking:
                para.style = self._style("Marking")
                para.alignment = align
                para.add_run(self.doc.marking).bold = True
        page = section.footer.add_paragraph(style=self._style("Footer"))
        page.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page.add_run("Page ")
        _add_field(page, "PAGE")
        page.add_run(" of ")
        _add_field(page, "NUMPAGES")

    def front(self) -> None:
        self.d.add_paragraph(self.doc.title, style="Title")
        last = None
        for label, value in self.doc.header_lines:
            last = self.d.add_paragraph(style=self._style("Memo Header"))
            last.add_run(f"{label}:").bold = True
            last.add_run(f"\t{value}")
            last.paragraph_format.tab_stops.add_tab_stop(Pt(90))
        if last is not None:
            _bottom_border(last)

    # --- blocks -------------------------------------------------------------------------------

    def blocks(
        self, blocks: list[Block], portion: bool = False, container: Any = None, level: int = 0
    ) -> None:
        target = container if container is not None else self.d
        for block in blocks:
            if isinstance(block, Paragraph):
                p = target.add_paragraph()
                if portion and self.doc.portion_mark:
                    p.add_run(self.doc.portion_mark + " ")
                self.inlines(p, block.inlines)
            elif isinstance(block, Heading):
                p = target.add_paragraph(style=self._style(f"Heading {min(block.level + 1, 9)}"))
                self.inlines(p, block.inlines)
            elif isinstance(block, ListBlock):
                self.list_block(block, target, level, portion)
            elif isinstance(block, Table):
                self.table(block, target)
            elif isinstance(block, Quote):
                start = len(target.paragraphs) if hasattr(target, "paragraphs") else 0
                self.blocks(block.blocks, container=target)
                quote_style = self._style("Quote")
                for p in target.paragraphs[start:]:
                    p.style = quote_style

    def list_block(self, block: ListBlock, target: Any, level: int, portion: bool) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        name = base if level == 0 else f"{base} {min(level + 1, 3)}"
        style = self._style(name)
        num_id = self._restart_numbering() if block.ordered and level == 0 else None
        for item in block.items:
            first = True
            for sub in item:
                if isinstance(sub, Paragraph):
                    p = target.add_paragraph(style=style if first else self._style("List Continue"))
                    if num_id is not None and first:
                        _set_num(p, num_id)
                    if first and portion and self.doc.portion_mark:
                        p.add_run(self.doc.portion_mark + " ")
                    self.inlines(p, sub.inlines)
                    first = False
                elif isinstance(sub, ListBlock):
                    self.list_block(sub, target, level + 1, portion)
                else:
                    self.blocks([sub], container=target)

    def table(self, block: Table, target: Any) -> None:
        width = max([1, len(block.header), *(len(r) for r in block.rows)])
        rows = ([block.header] if block.header else []) + block.rows
        table = target.add_table(rows=len(rows), cols=width)
        table.style = self._style("Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            for c in range(width):
                inlines = row[c] if c < len(row) else []
                para = cells[c].paragraphs[0]
                if r == 0 and block.header:
                    inlines = [
                        Text(i.text, True, i.italic, i.code, i.href) if isinstance(i, Text) else i
                        for i in inlines
                    ]
                    _repeat_header(table.rows[0])
                self.inlines(para, inlines)

    def box(self, title: str, blocks: list[Block]) -> None:
        table = self.d.add_table(rows=1, cols=1)
        table.style = self._style("Table Grid")
        cell: _Cell = table.rows[0].cells[0]
        _shade(cell, "E8EEF4")
        head = cell.paragraphs[0]
        head.style = self._style("Box Text")
        head.add_run(title).bold = True
        box_style = self._style("Box Text")
        start = len(cell.paragraphs)
        self.blocks(blocks, container=cell)
        for p in cell.paragraphs[start:]:
            if p.style is None or p.style.name == "Normal":
                p.style = box_style
        self.d.add_paragraph()

    def sources(self) -> None:
        self.d.add_paragraph("Sources", style="Heading 1")
        style = self._style("List Number")
        num_id = self._restart_numbering()
        for source in self.doc.cited_sources():
            p = self.d.add_paragraph(style=style)
            _set_num(p, num_id)
            for text, italic in source_line_parts(source):
                run = p.add_run(text)
                if italic:
                    run.italic = True
            if self.doc.show_grades:
                p.add_run(
                    f" Reliability {source.reliability} ({RELIABILITY.label(source.reliability)})."
                )

    def annex(self) -> None:
        self.d.add_paragraph("Annex: Claims cited", style="Heading 1")
        header = ["Key", "Quote", "Party", "Grade", "Status"]
        table = self.d.add_table(rows=1 + len(self.doc.claims), cols=len(header))
        table.style = self._style("Table Grid")
        _repeat_header(table.rows[0])
        for c, name in enumerate(header):
            table.rows[0].cells[c].paragraphs[0].add_run(name).bold = True
        for r, claim in enumerate(self.doc.claims.values(), start=1):
            source = self.doc.sources[claim.source_id]
            values = [
                claim.key,
                f"\u201c{claim.quote}\u201d",
                claim.party or "—",
                f"{grade(claim, source)}: {RELIABILITY.label(source.reliability)}; "
                f"{CREDIBILITY.label(str(claim.credibility))}",
                claim.status,
            ]
            cells = table.rows[r].cells
            for c, value in enumerate(values):
                cells[c].paragraphs[0].add_run(value)

    # --- runs ---------------------------------------------------------------------------------

    def inlines(self, p: DocxParagraph, inlines: list[Inline] | tuple[Inline, ...]) -> None:
        last_run = None
        for item in inlines:
            if isinstance(item, Text):
                if item.href:
                    _add_hyperlink(self.d, p, item)
                    last_run = None
                    continue
                run = p.add_run(item.text)
                if item.bold:
                    run.bold = True
                if item.italic:
                    run.italic = True
                if item.code:
                    run.font.name = "Courier New"
                last_run = run
            elif isinstance(item, Cite):
                claims = [self.doc.claims[k] for k in item.keys]
                if self.doc.citation_style == "inline":
                    text = attribution(claims, self.doc.sources)
                    if text:
                        run = p.add_run(f"({text})")
                        last_run = run
                    continue
                parts: list[tuple[str, bool]] = []
                for n, claim in enumerate(claims):
                    if n:
                        parts.append((" ", False))
                    source = self.doc.sources[claim.source_id]
                    parts.extend(note_text(claim, source, self.doc.show_grades))
                self._note_ref(p, last_run, _runs_xml(parts))
                last_run = None
            elif isinstance(item, AuthorNote):
                if self.doc.citation_style == "inline":
                    plain = "".join(i.text for i in item.inlines if isinstance(i, Text))
                    last_run = p.add_run(f" ({plain})")
                    continue
                parts = [(i.text, i.italic) for i in item.inlines if isinstance(i, Text) and i.text]
                self._note_ref(p, last_run, _runs_xml(parts))
                last_run = None

    def _note_ref(self, p: DocxParagraph, last_run: Any, runs_xml: str) -> None:
        # The mark hugs the word before it, as in print: drop the space typed before [@C1].
        if last_run is not None and last_run.text.endswith(" "):
            last_run.text = last_run.text.rstrip(" ")
        self.notes.append(runs_xml)
        note_id = len(self.notes)
        if self.endnotes:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), f"briefing_note_{note_id}")
            link.append(_styled_run("EndnoteReference", str(note_id), superscript=True))
            p._p.append(link)
            return
        run = _styled_run("FootnoteReference", None)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note_id))
        run.append(ref)
        p._p.append(run)

    def endnote_list(self) -> None:
        self.d.add_paragraph("Notes", style="Heading 1")
        style = self._style("endnote text")
        for n, runs in enumerate(self.notes, start=1):
            p = self.d.add_paragraph(style=style)
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(n))
            start.set(qn("w:name"), f"briefing_note_{n}")
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(n))
            p._p.append(start)
            p._p.append(end)
            p.add_run(f"{n}.\t")
            for element in parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>"):
                p._p.append(element)

    def footnotes_part(self) -> None:
        for r_id, rel in list(self.d.part.rels.items()):
            if rel.reltype == RT.FOOTNOTES:
                self.d.part.drop_rel(r_id)
        separators = "".join(
            f'<w:footnote w:type="{kind}" w:id="{n}"><w:p><w:pPr><w:spacing w:after="0" '
            f'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
            for n, kind in ((-1, "separator"), (0, "continuationSeparator"))
        )
        pieces = [f"<w:footnotes {nsdecls('w', 'r')}>", separators]
        for n, runs in enumerate(self.notes, start=1):
            pieces.append(
                f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>'
            )
        pieces.append("</w:footnotes>")
        blob = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "".join(pieces)
        part = Part(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob.encode(), self.d.part.package
        )
        self.d.part.relate_to(part, RT.FOOTNOTES)

    # --- helpers ------------------------------------------------------------------------------

    def _style(self, name: str) -> Any:
        """Return the named style, or Normal when the reference document lacks it."""
        return self._styles.get(name) or self._styles["Normal"]

    def _restart_numbering(self) -> str | None:
        """Return a new numbering instance that starts at 1, based on List Number's list."""
        style = self._styles.get("List Number")
        if style is None:
            return None
        num_pr = style.element.find(f"{{{_W_NS}}}pPr/{{{_W_NS}}}numPr/{{{_W_NS}}}numId")
        if num_pr is None:
            return None
        numbering = self.d.part.numbering_part.element
        base = numbering.num_having_numId(int(num_pr.get(qn("w:val"))))
        abstract_id = base.abstractNumId.val
        num = numbering.add_num(abstract_id)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        return str(num.numId)


def _runs_xml(parts: list[tuple[str, bool]]) -> str:
    """Return OOXML runs for (text, italic) pieces."""
    out = []
    for text, italic in parts:
        rpr = "<w:rPr><w:i/></w:rPr>" if italic else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
    return "".join(out)


def _add_field(p: DocxParagraph, instruction: str) -> None:
    """Append a complex field (PAGE, NUMPAGES) whose value Word and LibreOffice compute."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("t", "1")):
        run = p.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "t":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    p.add_run()._r.append(end)


def _add_hyperlink(d: Any, p: DocxParagraph, item: Text) -> None:
    """Append a real external hyperlink run in the Hyperlink character style."""
    r_id = d.part.relate_to(item.href, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    r_pr.append(style)
    if item.bold:
        r_pr.append(OxmlElement("w:b"))
    if item.italic:
        r_pr.append(OxmlElement("w:i"))
    run.append(r_pr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = item.text
    run.append(t)
    link.append(run)
    p._p.append(link)


def _styled_run(style: str, text: str | None, superscript: bool = False) -> Any:
    """Return a w:r element in a character style, holding text when given."""
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    r_style = OxmlElement("w:rStyle")
    r_style.set(qn("w:val"), style)
    r_pr.append(r_style)
    if superscript:
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        r_pr.append(align)
    run.append(r_pr)
    if text is not None:
        t = OxmlElement("w:t")
        t.text = text
        run.append(t)
    return run


def _set_num(p: DocxParagraph, num_id: str | None) -> None:
    if num_id is None:
        return
    p_pr = p._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = int(num_id)


def _bottom_border(p: DocxParagraph) -> None:
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"
    )


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))
