"""ExportDocument -> .docx, starting from the template's reference document.

python-docx opens the reference document, writes the header and footer, numbering, core
properties and relationships, and saves the package. The body is emitted as OOXML text:
building it through python-docx's per-run API costs several times more than the whole rest of
the export (benchmarks/export_speed.py). Nor is that text parsed into the document's tree only
for python-docx to serialise it again on save: the document part is saved with the text spliced
in where the body's content goes (`_SplicedDocumentPart`), written as lxml would write it
(empty elements closed as `<w:pPr/>`), so the file is the same byte for byte.

python-docx has no footnote API, so footnotes are written as their own OOXML part
(word/footnotes.xml with the separator notes Word expects), related from the document part;
python-docx then adds the content-type override when it saves.

Endnotes are a numbered "Notes" list at the end with linked superscript references, not Word
endnote objects: LibreOffice (7.4) sets Word endnotes on pages of their own page style, with no
header or footer, so those pages would lose the handling marking every page must carry.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import html
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart
from lxml import etree

from briefing_app.core.exporters.document import (
    DECISION_LINE,
    AuthorNote,
    Block,
    Cite,
    ExportDocument,
    Heading,
    Inline,
    ListBlock,
    Missing,
    Paragraph,
    Quote,
    Table,
    Text,
)
from briefing_app.core.exporters.notes import NotePart, NoteTexts, legend, sources_entries
from briefing_app.core.exporters.reference_docx import open_reference
from briefing_app.core.exporters.source_lines import (
    ANNEX_COLUMNS,
    ANNEX_HEADING,
    annex_row,
)
from briefing_app.core.exporters.table_widths import column_widths

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# A style id the body's XML can carry as written: nothing XML would escape or normalise.
_PLAIN_ID = re.compile(r"[^<>&\"'\s]*")
# The indent of an endnote's text, in twips (a quarter inch: room for "99.").
_NOTE_HANG = 360
_CELL_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|</w:p>")
# Characters XML 1.0 cannot hold: a stray control character must not make Word refuse the file.
# Of those, the ones that part words (\v, \f) become a space, not nothing. (A section's vertical
# tab, Word's manual line break, is a line break by now, parse.py; this catches one in a code
# span.) Removed from the UTF-8 bytes, where a C0 control is one byte and never part of another
# character: bytes.translate is one pass in C, where regular expressions took ~1 ms a part.
_C0_SPACES = bytes.maketrans(b"\x0b\x0c", b"  ")
_C0_DROPPED = bytes(range(0x09)) + bytes(range(0x0E, 0x20))
_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())
_DECISION_SPACING = '<w:tabs><w:tab w:val="left" w:pos="4320"/></w:tabs><w:spacing w:before="240"/>'
_TAB_STOP = '<w:tabs><w:tab w:val="left" w:pos="1800"/></w:tabs>'
_CLEARANCE_RULE = '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>'
_BOTTOM_RULE = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="auto"/></w:pBdr>'


_EMPTY_T = '<w:t xml:space="preserve"/>'


def _xml_bytes(xml: str) -> bytes:
    """Return xml in UTF-8 without the characters XML 1.0 cannot hold (\v and \f as spaces)."""
    data = xml.encode().translate(_C0_SPACES, _C0_DROPPED)
    for nonchar in _NONCHARACTERS:
        if nonchar in data:
            data = data.replace(nonchar, b"")
    return data


def write_docx(
    doc: ExportDocument, path: Path, reference: Path | None = None, *, splice: bool = True
) -> None:
    """Write doc as a Word file at path, styled by the reference .docx when given.

    splice=False parses the body into the document's tree instead of splicing its text in (the
    way a reference document with other namespace prefixes takes): the same file, slower.
    """
    _DocxBuilder(doc, reference, splice).build().save(str(path))


def _t(text: str) -> str:
    """Return text as the inside of w:r: w:t pieces, with tabs and line breaks as elements."""
    if "\n" not in text and "\t" not in text:
        # Empty, as lxml writes an empty element (the body is spliced in as written).
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else _EMPTY_T
    out = []
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append("<w:br/>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


def _run(
    text: str,
    bold: bool = False,
    italic: bool = False,
    code: bool = False,
    style: str = "",
    superscript: bool = False,
    strike: bool = False,
) -> str:
    """Return one w:r holding text with the given formatting."""
    props = []
    if style:
        props.append(f'<w:rStyle w:val="{style}"/>')
    if code:
        props.append('<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>')
    if bold:
        props.append("<w:b/>")
    if italic:
        props.append("<w:i/>")
    if strike:
        props.append("<w:strike/>")
    if superscript:
        props.append('<w:vertAlign w:val="superscript"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{_t(text)}</w:r>"


def _runs_xml(parts: list[tuple[str, bool]] | tuple[NotePart, ...]) -> str:
    """Return OOXML runs for (text, italic) pieces."""
    return "".join(_run(text, italic=italic) for text, italic in parts if text)


class _DocxBuilder:
    """Builds one Word document; holds the body XML, the notes and list numbering as it goes."""

    def __init__(self, doc: ExportDocument, reference: Path | None, splice: bool = True) -> None:
        self.doc = doc
        self.splice = splice  # False: parse the body into the tree (what the splice must equal)
        self.d = open_reference(reference) if reference else docx.Document()
        self.out: list[str] = []
        self.notes: list[str] = []  # the runs (OOXML) of each footnote or endnote, in order
        self.endnotes = doc.citation_style == "endnotes"
        self._style_ids = _style_ids(self.d)
        self._links: dict[str, str] = {}
        self.note_texts = NoteTexts(doc)
        self._note_runs: dict[tuple[NotePart, ...], str] = {}  # many notes read the same

    # --- whole document -----------------------------------------------------------------------

    def build(self) -> Any:
        """Write the whole document and return the python-docx Document, ready to save."""
        self.properties()
        self.header_footer()
        self.front()
        for section in self.doc.printed_sections():
            self.para(self.sid("Heading 1"), _run(section.heading))
            self.blocks(section.blocks, portion=True)
            if section.decision:
                self.para(self.sid("Normal"), _run(DECISION_LINE), _DECISION_SPACING)
            box = self.doc.boxes.get(section.key)
            if box is not None:
                self.box(box.title, box.blocks)
        if self.doc.clearance:
            self.para(self.sid("Normal"), "", _CLEARANCE_RULE)
            self.label_lines(self.doc.clearance)
        if self.notes and self.endnotes:
            self.endnote_list()
        if self.doc.sources_list and self.doc.claims:
            self.sources()
        for line in legend(self.doc):
            self.para(self.sid("footnote text"), _run(line))
        if self.doc.claims_annex and self.doc.claims:
            self.annex()
        for annex in self.doc.annexes:
            self.para(self.sid("Heading 1"), _run(annex.heading))
            self.blocks(annex.blocks)
        self.replace_body()
        if self.notes and not self.endnotes:
            self.footnotes_part()
        return self.d

    def replace_body(self) -> None:
        """Swap the reference document's body content for ours, keeping its page setup."""
        body = self.d.element.body
        sect_pr = body.find(qn("w:sectPr"))
        for child in list(body):
            if child is not sect_pr:
                body.remove(child)
        xml = _xml_bytes("".join(self.out))
        if self.splice and self._can_splice(body):
            # A marker no document holds, where the content goes; the part's serialisation
            # puts the text there (XML reads a carriage return as a line feed: so written).
            marker = etree.ProcessingInstruction("briefing-body", secrets.token_hex(16))
            if sect_pr is not None:
                sect_pr.addprevious(marker)
            else:
                body.append(marker)
            part: Any = self.d.part
            part.__class__ = _SplicedDocumentPart
            part.splice = (
                etree.tostring(marker),
                xml.replace(b"\r\n", b"\n").replace(b"\r", b"\n"),
            )
            return
        fragment = parse_xml(f"<w:body {nsdecls('w', 'r')}>".encode() + xml + b"</w:body>")
        for child in list(fragment):
            if sect_pr is not None:
                sect_pr.addprevious(child)
            else:
                body.append(child)

    def _can_splice(self, body: Any) -> bool:
        """Say whether our body XML, written as is, reads the same as the tree lxml would make.

        Its prefixes must be the document's own (w:, r:, each the one prefix of its namespace)
        and its style ids need no escaping; a reference document that differs takes the slower
        way: parsed, moved into the tree, serialised by python-docx.
        """
        prefixes: dict[str, set[str]] = {_W_NS: set(), _R_NS: set()}
        for prefix, uri in body.nsmap.items():
            if uri in prefixes:
                prefixes[uri].add(prefix)
        return (
            prefixes == {_W_NS: {"w"}, _R_NS: {"r"}}
            and type(self.d.part) is DocumentPart
            and all(_PLAIN_ID.fullmatch(i) for i in self._style_ids.values())
        )

    def properties(self) -> None:
        """Set the core properties: title, author, subject, keywords, created, modified."""
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
        # The reference document carries python-docx's template date; the file is new now.
        props.modified = datetime.now(UTC).replace(microsecond=0)

    def header_footer(self) -> None:
        """Put the marking in every header and footer (first-page and even-page ones too)."""
        section = self.d.sections[0]
        pairs = [(section.header, section.footer)]
        if section.different_first_page_header_footer:
            pairs.append((section.first_page_header, section.first_page_footer))
        if self.d.settings.odd_and_even_pages_header_footer:
            pairs.append((section.even_page_header, section.even_page_footer))
        for header, footer in pairs:
            self._fill(header, with_page_number=False)
            self._fill(footer, with_page_number=True)

    def _fill(self, part: Any, with_page_number: bool) -> None:
        # The reference document's own header text (if any) gives way: a marking must be the
        # first thing on every page, and a stale one would be worse than none.
        part.is_linked_to_previous = False
        container = part._element
        for child in list(container):
            container.remove(child)
        # Written as XML, like the body: python-docx's style setter searches every style.
        paras = []
        if self.doc.marking:
            align = "right" if self.doc.marking_placement == "tlp" else "center"
            style = (
                f'<w:pStyle w:val="{self._style_ids["Marking"]}"/>'
                if ("Marking" in self._style_ids)
                else ""
            )
            paras.append(
                f'<w:p><w:pPr>{style}<w:jc w:val="{align}"/></w:pPr>'
                f"{_run(self.doc.marking, bold=True)}</w:p>"
            )
        if with_page_number:
            style = (
                f'<w:pStyle w:val="{self._style_ids["Footer"]}"/>'
                if ("Footer" in self._style_ids)
                else ""
            )
            paras.append(
                f'<w:p><w:pPr>{style}<w:jc w:val="center"/></w:pPr>{_run("Page ")}'
                f"{_field('PAGE')}{_run(' of ')}{_field('NUMPAGES')}</w:p>"
            )
        # A header part must hold at least one paragraph.
        xml = "".join(paras) or "<w:p/>"
        for child in parse_xml(f"<w:hdr {nsdecls('w')}>{xml}</w:hdr>"):
            container.append(child)

    def front(self) -> None:
        """Write the title and the memo header block (label, tab, value) with a rule under it."""
        self.para(self.sid("Title"), _run(self.doc.title))
        self.label_lines(self.doc.header_lines, _BOTTOM_RULE)

    def label_lines(self, lines: list[tuple[str, str]], last_extra: str = "") -> None:
        """Write label/value lines (label, tab, value) in the Memo Header style."""
        for n, (label, value) in enumerate(lines):
            extra = (last_extra if n == len(lines) - 1 else "") + _TAB_STOP
            self.para(
                self.sid("Memo Header"),
                _run(f"{label}:", bold=True) + _run(f"\t{value}"),
                extra,
            )

    # --- blocks -------------------------------------------------------------------------------

    def para(
        self, style_id: str, runs: str, extra_ppr: str = "", out: list[str] | None = None
    ) -> None:
        """Append a paragraph (style, extra paragraph properties, runs) to out or the body."""
        target = self.out if out is None else out
        target.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{extra_ppr}</w:pPr>{runs}</w:p>')

    def blocks(
        self,
        blocks: list[Block],
        portion: bool = False,
        out: list[str] | None = None,
        style: str = "",
    ) -> None:
        """Write blocks as paragraphs, lists, tables and quotes (into out, or the body)."""
        for block in blocks:
            if isinstance(block, Paragraph):
                prefix = (
                    _run(self.doc.portion_mark + " ") if portion and self.doc.portion_mark else ""
                )
                self.para(
                    style or self.sid("Normal"), prefix + self.inlines(block.inlines), "", out
                )
            elif isinstance(block, Heading):
                heading = self.sid(f"Heading {min(block.level + 1, 9)}")
                self.para(heading, self.inlines(block.inlines), "", out)
            elif isinstance(block, ListBlock):
                self.list_block(block, 0, portion, out)
            elif isinstance(block, Table):
                self.table(block, out)
                # Word runs a following paragraph into the table's bottom border without one.
                self.para(self.sid("Normal"), "", "", out)
            elif isinstance(block, Quote):
                self.blocks(block.blocks, out=out, style=self.sid("Quote"))

    def list_block(
        self, block: ListBlock, level: int, portion: bool, out: list[str] | None
    ) -> None:
        """Write a bullet or numbered list (numbering restarts at 1), nesting by level."""
        base = "List Number" if block.ordered else "List Bullet"
        style = self.sid(base if level == 0 else f"{base} {min(level + 1, 3)}")
        num_pr = ""
        if block.ordered and level == 0:
            num_id = self._restart_numbering()
            if num_id is not None:
                num_pr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        prefix = _run(self.doc.portion_mark + " ") if portion and self.doc.portion_mark else ""
        for item in block.items:
            first = True
            for sub in item:
                if isinstance(sub, Paragraph):
                    if first:
                        self.para(style, prefix + self.inlines(sub.inlines), num_pr, out)
                    else:
                        self.para(self.sid("List Continue"), self.inlines(sub.inlines), "", out)
                    first = False
                elif isinstance(sub, ListBlock):
                    self.list_block(sub, level + 1, portion, out)
                else:
                    self.blocks([sub], out=out)

    def table(self, block: Table, out: list[str] | None = None) -> None:
        """Write a Markdown table as a Word table with a bold, repeating header row."""
        width = max([1, len(block.header), *(len(r) for r in block.rows)])
        rows: list[tuple[bool, list[list[Inline]]]] = []
        if block.header:
            rows.append((True, block.header))
        rows += [(False, r) for r in block.rows]
        cells_xml: list[list[str]] = []
        for is_header, row in rows:
            cells = []
            for c in range(width):
                inlines = row[c] if c < len(row) else []
                if is_header:
                    inlines = [
                        dataclasses.replace(i, bold=True) if isinstance(i, Text) else i
                        for i in inlines
                    ]
                cells.append(self._cell_para(self.inlines(inlines)))
            cells_xml.append(cells)
        self._table_xml(width, cells_xml, header=bool(block.header), out=out, center=True)

    def _cell_para(self, runs: str, style: str = "") -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else "<w:pPr/>"
        return f"<w:p>{ppr}{runs}</w:p>"

    def _table_xml(
        self,
        width: int,
        rows: list[list[str]],
        header: bool,
        out: list[str] | None = None,
        center: bool = False,
        fill: str = "",
    ) -> None:
        target = self.out if out is None else out
        widths = column_widths([[_cell_text(cell) for cell in row] for row in rows], 9000)
        widths += [9000 // width] * (width - len(widths))
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        jc = '<w:jc w:val="center"/>' if center else ""
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.sid("Table Grid")}"/>'
            f'<w:tblW w:w="5000" w:type="pct"/>{jc}<w:tblLook w:val="04A0" w:firstRow="1" '
            'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        ]
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        for r, row in enumerate(rows):
            tr_pr = "<w:trPr><w:tblHeader/></w:trPr>" if header and r == 0 else ""
            parts.append(f"<w:tr>{tr_pr}")
            for cell, cell_width in zip(row, widths, strict=False):
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{cell_width}" w:type="dxa"/>{shade}</w:tcPr>'
                    f"{cell}</w:tc>"
                )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        target.append("".join(parts))

    def box(self, title: str, blocks: list[Block]) -> None:
        """Write a shaded one-cell table holding an explainer (e.g. estimative language)."""
        box_style = self.sid("Box Text")
        inner: list[str] = [self._cell_para(_run(title, bold=True), box_style)]
        self.blocks(blocks, out=inner, style=box_style)
        self._table_xml(1, [["".join(inner)]], header=False, fill="E8EEF4")
        self.para(self.sid("Normal"), "")

    def sources(self) -> None:
        """Write the Sources list: each cited source once, with its grade if asked."""
        self.para(self.sid("Heading 1"), _run("Sources"))
        num_id = self._restart_numbering()
        num_pr = (
            f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id else ""
        )
        style = self.sid("List Number")
        for entry in sources_entries(self.doc):
            self.para(style, _runs_xml(entry), num_pr)

    def annex(self) -> None:
        """Write the claims annex: key, quote, party, grades and status of each cited claim."""
        self.para(self.sid("Heading 1"), _run(ANNEX_HEADING))
        rows = [[self._cell_para(_run(h, bold=True)) for h in ANNEX_COLUMNS]]
        for claim in self.doc.claims.values():
            values = annex_row(claim, self.doc.sources[claim.source_id])
            rows.append([self._cell_para(_run(v)) for v in values])
        self._table_xml(len(ANNEX_COLUMNS), rows, header=True)

    # --- runs ---------------------------------------------------------------------------------

    def inlines(self, inlines: list[Inline] | tuple[Inline, ...]) -> str:
        """Return the runs for a paragraph's inlines: text, links and citations."""
        out: list[str] = []
        for item in inlines:
            if isinstance(item, Text):
                if item.href:
                    out.append(self._hyperlink(item))
                else:
                    out.append(
                        _run(item.text, item.bold, item.italic, item.code, strike=item.strike)
                    )
            elif isinstance(item, Cite):
                if self.doc.citation_style == "inline":
                    text = self.note_texts.inline_citation(item.keys)
                    if text:
                        out.append(_run(text))
                    continue
                self._note_ref(out, self._note_xml(self.note_texts.citation(item.keys)))
            elif isinstance(item, AuthorNote):
                if self.doc.citation_style == "inline":
                    out.append(_run(self.note_texts.inline_author_note(item)))
                    continue
                self._note_ref(out, self._note_xml(self.note_texts.author_note(item)))
            elif isinstance(item, Missing):
                out.append(_run(item.text, bold=True))
        return "".join(out)

    def _note_xml(self, parts: tuple[NotePart, ...]) -> str:
        """Return the runs of a note that says parts."""
        runs = self._note_runs.get(parts)
        if runs is None:
            runs = self._note_runs[parts] = _runs_xml(parts)
        return runs

    def _note_ref(self, out: list[str], runs_xml: str) -> None:
        # The mark hugs the word before it, as in print: drop the space typed before [@C1].
        if out and out[-1].endswith(" </w:t></w:r>"):
            out[-1] = out[-1][: -len(" </w:t></w:r>")] + "</w:t></w:r>"
            if out[-1].endswith('<w:t xml:space="preserve"></w:t></w:r>'):
                out[-1] = out[-1][: -len('<w:t xml:space="preserve"></w:t></w:r>')]
                out[-1] += _EMPTY_T + "</w:r>"
        self.notes.append(runs_xml)
        note_id = len(self.notes)
        if self.endnotes:
            ref = _run(str(note_id), style=self.sid("endnote reference"), superscript=True)
            out.append(f'<w:hyperlink w:anchor="briefing_note_{note_id}">{ref}</w:hyperlink>')
            return
        out.append(
            f'<w:r><w:rPr><w:rStyle w:val="{self.sid("footnote reference")}"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )

    def _hyperlink(self, item: Text) -> str:
        href = item.href or ""
        r_id = self._links.get(href)
        if r_id is None:
            r_id = self.d.part.relate_to(href, RT.HYPERLINK, is_external=True)
            self._links[href] = r_id
        run = _run(
            item.text,
            item.bold,
            item.italic,
            item.code,
            style=self.sid("Hyperlink"),
            strike=item.strike,
        )
        return f"<w:hyperlink r:id={quoteattr(r_id)}>{run}</w:hyperlink>"

    def endnote_list(self) -> None:
        """Write the Notes list the superscript endnote references link to."""
        self.para(self.sid("Heading 1"), _run("Notes"))
        style = self.sid("endnote text")
        # A hanging indent with its tab stop: a note's second line starts under its text,
        # not back under its number at the margin.
        hang = (
            f'<w:tabs><w:tab w:val="left" w:pos="{_NOTE_HANG}"/></w:tabs>'
            f'<w:ind w:left="{_NOTE_HANG}" w:hanging="{_NOTE_HANG}"/>'
        )
        for n, runs in enumerate(self.notes, start=1):
            mark = (
                f'<w:bookmarkStart w:id="{n}" w:name="briefing_note_{n}"/>'
                f'<w:bookmarkEnd w:id="{n}"/>'
            )
            self.para(style, mark + _run(f"{n}.\t") + runs, hang)

    def footnotes_part(self) -> None:
        """Add word/footnotes.xml (separators plus one note per citation) to the package."""
        for r_id, rel in list(self.d.part.rels.items()):
            if rel.reltype == RT.FOOTNOTES:
                self.d.part.drop_rel(r_id)
        separators = "".join(
            f'<w:footnote w:type="{kind}" w:id="{n}"><w:p><w:pPr><w:spacing w:after="0" '
            f'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
            for n, kind in ((-1, "separator"), (0, "continuationSeparator"))
        )
        text_style = self.sid("footnote text")
        ref_style = self.sid("footnote reference")
        pieces = [f"<w:footnotes {nsdecls('w', 'r')}>", separators]
        for n, runs in enumerate(self.notes, start=1):
            pieces.append(
                f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
                f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>'
            )
        pieces.append("</w:footnotes>")
        blob = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _xml_bytes(
            "".join(pieces)
        )
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, self.d.part.package)
        self.d.part.relate_to(part, RT.FOOTNOTES)

    # --- helpers ------------------------------------------------------------------------------

    def sid(self, name: str) -> str:
        """Return the style id of a named style, or Normal's when the reference lacks it."""
        return self._style_ids.get(name) or self._style_ids.get("Normal", "Normal")

    def _restart_numbering(self) -> str | None:
        """Return a new numbering instance that starts at 1, based on List Number's list."""
        abstract = self._list_number_abstract
        if abstract is None:
            return None
        num = self.d.part.numbering_part.element.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return str(num.numId)

    @functools.cached_property
    def _list_number_abstract(self) -> int | None:
        """Return the abstract numbering of List Number's list, or None (looked up once: a
        style lookup by name searches every style, and each numbered list restarts)."""
        if "List Number" not in self._style_ids:
            return None
        style = self.d.styles["List Number"]
        num_pr = style.element.find(f"{{{_W_NS}}}pPr/{{{_W_NS}}}numPr/{{{_W_NS}}}numId")
        if num_pr is None:
            return None
        numbering = self.d.part.numbering_part.element
        return int(numbering.num_having_numId(int(num_pr.get(qn("w:val")))).abstractNumId.val)


def _style_ids(d: Any) -> dict[str, str]:
    """Return style id by style name, read straight from styles.xml (python-docx's style
    objects cost more than the whole body to build)."""
    ids: dict[str, str] = {}
    for style in d.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            ids[name.get(qn("w:val"))] = style.get(qn("w:styleId"))
    # python-docx's names for built-ins ("Heading 1") are Word's lower-case ones in the file.
    aliases = (
        ("Heading", "heading"),
        ("Caption", "caption"),
        ("Title", "title"),
        ("Header", "header"),
        ("Footer", "footer"),
    )
    for ui, internal in aliases:
        for name in list(ids):
            if name.startswith(internal):
                ids.setdefault(ui + name[len(internal) :], ids[name])
    return ids


def _field(instruction: str) -> str:
    """Return the runs of a complex field (PAGE, NUMPAGES) whose value Word computes."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _cell_text(cell_xml: str) -> tuple[str, bool]:
    """Return what a cell's runs say (its paragraphs a space apart) and whether it is bold."""
    found = (m.group(1) if m.group(1) is not None else " " for m in _CELL_TEXT.finditer(cell_xml))
    return html.unescape("".join(found)), "<w:b/>" in cell_xml


class _SplicedDocumentPart(DocumentPart):
    """The document part, saved with the body's XML text put where its marker is."""

    splice: tuple[bytes, bytes]

    @property
    def blob(self) -> bytes:
        """Return the part as python-docx serialises it, the body's content spliced in."""
        marker, content = self.splice
        return bytes(super().blob).replace(marker, content, 1)
