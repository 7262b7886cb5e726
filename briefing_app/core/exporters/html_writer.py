"""ExportDocument -> HTML: the live preview, written from the same document as the Word file.

It prints what the Word writer prints, in the same order: the marking above and below, the
title and memo header, the sections with their portion marks, decision lines and boxes, the
Notes list (endnotes), Sources and the claims annex, and the footnotes at the end. Every note
says what `NoteTexts` says, as in Word. Citations are superscript numbers (or the inline
attribution) linking to `briefing:claim/C12`; a lenient build's missing claims are marked.
The HTML holds no style, script or image: a caller that shows it styles the classes used here
(marking, broken, notes, box, empty, legend) and sanitises it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from html import escape

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
from briefing_app.core.exporters.source_lines import (
    ANNEX_COLUMNS,
    ANNEX_HEADING,
    annex_row,
)
from briefing_app.core.text.citations import claim_link

EMPTY_SECTION = "(empty)"


def render_html(doc: ExportDocument, *, mark_empty: bool = False) -> str:
    """Return the document as an HTML fragment; mark_empty shows '(empty)' under empty sections.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.bundled.demo import build_demo
    >>> from briefing_app.core.exporters.build import build_document
    >>> lib = Library.open(":memory:"); _ = build_demo(lib)
    >>> '<a href="briefing:claim/' in render_html(build_document(lib, lib.notes.get(1)))
    True
    """
    return _HtmlBuilder(doc, mark_empty).build()


def _parts_html(parts: Sequence[NotePart]) -> str:
    """Return (text, italic) pieces as HTML."""
    return "".join(f"<i>{escape(t)}</i>" if italic else escape(t) for t, italic in parts if t)


def _text_html(item: Text) -> str:
    """Return one run of text with its emphasis and link."""
    text = escape(item.text).replace("\n", "<br>")
    if item.code:
        text = f"<code>{text}</code>"
    if item.italic:
        text = f"<i>{text}</i>"
    if item.bold:
        text = f"<b>{text}</b>"
    if item.strike:
        text = f"<del>{text}</del>"
    if item.href:
        text = f'<a href="{escape(item.href)}">{text}</a>'
    return text


def _label_table(lines: list[tuple[str, str]]) -> str:
    """Return label/value lines (the memo header, the clearance block) as a table."""
    rows = "".join(
        f"<tr><td><b>{escape(label)}:</b></td><td>{escape(value)}</td></tr>"
        for label, value in lines
    )
    return f"<table>{rows}</table>"


class _HtmlBuilder:
    """Builds one HTML fragment; holds the notes as it meets them."""

    def __init__(self, doc: ExportDocument, mark_empty: bool) -> None:
        self.doc = doc
        self.mark_empty = mark_empty
        self.note_texts = NoteTexts(doc)
        self.notes: list[str] = []  # the HTML of each footnote or endnote, in order
        self.endnotes = doc.citation_style == "endnotes"
        self.out: list[str] = []

    def build(self) -> str:
        """Return the whole document, in the Word file's order."""
        doc = self.doc
        self.marking()
        self.out.append(f"<h1>{escape(doc.title)}</h1>")
        self.header()
        # The preview shows every section, an empty one marked, as the place to write it.
        for section in doc.sections if self.mark_empty else doc.printed_sections():
            self.out.append(f"<h2>{escape(section.heading)}</h2>")
            if not section.blocks and self.mark_empty:
                self.out.append(f'<p><span class="empty">{EMPTY_SECTION}</span></p>')
            self.out.append(self.blocks(section.blocks, portion=True))
            if section.decision:
                self.out.append(f"<p>{escape(DECISION_LINE).replace(chr(9), '&#160;' * 6)}</p>")
            box = doc.boxes.get(section.key)
            if box is not None:
                self.out.append(
                    f'<div class="box"><p><b>{escape(box.title)}</b></p>'
                    f"{self.blocks(box.blocks)}</div>"
                )
        if doc.clearance:
            self.out.append(f"<hr>{_label_table(doc.clearance)}")
        if self.notes and self.endnotes:
            self.out.append("<h2>Notes</h2>")
            self.note_list()
        if doc.sources_list and doc.claims:
            self.sources()
        self.out += [f'<p class="legend">{escape(line)}</p>' for line in legend(doc)]
        if doc.claims_annex and doc.claims:
            self.annex()
        for annex in doc.annexes:
            self.out.append(f"<h2>{escape(annex.heading)}</h2>{self.blocks(annex.blocks)}")
        if self.notes and not self.endnotes:
            self.out.append("<hr>")
            self.note_list()
        self.marking()
        return "".join(self.out)

    def marking(self) -> None:
        """Write the marking as the Word header and footer print it (TLP to the right)."""
        if self.doc.marking:
            align = "right" if self.doc.marking_placement == "tlp" else "center"
            self.out.append(
                f'<p align="{align}"><span class="marking">{escape(self.doc.marking)}</span></p>'
            )

    def header(self) -> None:
        """Write the memo header block (label, value) with a rule under it."""
        if self.doc.header_lines:
            self.out.append(f"{_label_table(self.doc.header_lines)}<hr>")

    def note_list(self) -> None:
        """Write the notes, numbered as their references are."""
        items = "".join(f"<li>{note}</li>" for note in self.notes)
        self.out.append(f'<div class="notes"><ol>{items}</ol></div>')

    def sources(self) -> None:
        """Write the Sources list: each cited source once, with its grade if asked."""
        items = "".join(f"<li>{_parts_html(parts)}</li>" for parts in sources_entries(self.doc))
        self.out.append(f"<h2>Sources</h2><ol>{items}</ol>")

    def annex(self) -> None:
        """Write the claims annex as a table."""
        head = "".join(f"<th>{escape(c)}</th>" for c in ANNEX_COLUMNS)
        rows = "".join(
            "<tr>"
            + "".join(f"<td>{escape(v)}</td>" for v in annex_row(c, self.doc.sources[c.source_id]))
            + "</tr>"
            for c in self.doc.claims.values()
        )
        self.out.append(
            f'<h2>{escape(ANNEX_HEADING)}</h2><table class="grid"><tr>{head}</tr>{rows}</table>'
        )

    # --- blocks -------------------------------------------------------------------------------

    def blocks(self, blocks: list[Block], portion: bool = False) -> str:
        """Return blocks as HTML; portion puts the portion mark before each paragraph."""
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(f"<p>{self.portion(portion)}{self.inlines(block.inlines)}</p>")
            elif isinstance(block, Heading):
                level = min(block.level + 2, 6)  # under the title (h1) and the section (h2)
                out.append(f"<h{level}>{self.inlines(block.inlines)}</h{level}>")
            elif isinstance(block, ListBlock):
                out.append(self.list_block(block, portion))
            elif isinstance(block, Table):
                out.append(self.table(block))
            elif isinstance(block, Quote):
                out.append(f"<blockquote>{self.blocks(block.blocks)}</blockquote>")
        return "".join(out)

    def portion(self, portion: bool) -> str:
        """Return the portion mark and its space, when paragraphs carry one here."""
        return escape(self.doc.portion_mark) + " " if portion and self.doc.portion_mark else ""

    def list_block(self, block: ListBlock, portion: bool) -> str:
        """Return a bullet or numbered list; an item's first paragraph is its line."""
        tag = "ol" if block.ordered else "ul"
        items: list[str] = []
        for item in block.items:
            pieces: list[str] = []
            for n, sub in enumerate(item):
                if isinstance(sub, Paragraph) and n == 0:
                    pieces.append(self.portion(portion) + self.inlines(sub.inlines))
                elif isinstance(sub, ListBlock):
                    pieces.append(self.list_block(sub, portion=False))
                else:
                    pieces.append(self.blocks([sub]))
            items.append(f"<li>{''.join(pieces)}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>"

    def table(self, block: Table) -> str:
        """Return a table with its header row."""
        rows = []
        if block.header:
            rows.append("".join(f"<th>{self.inlines(c)}</th>" for c in block.header))
        for row in block.rows:
            rows.append("".join(f"<td>{self.inlines(c)}</td>" for c in row))
        # class grid: ruled as the Word file rules it (the memo header's table is not).
        return '<table class="grid">' + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"

    # --- runs ---------------------------------------------------------------------------------

    def inlines(self, inlines: Sequence[Inline]) -> str:
        """Return the HTML of a paragraph's runs: text, links, citations and markers."""
        out: list[str] = []
        last: Text | None = None  # the run out[-1] holds, when it is plain text
        for item in inlines:
            if isinstance(item, Text):
                out.append(_text_html(item))
                last = item if not item.href else None
                continue
            if isinstance(item, Cite):
                if self.doc.citation_style == "inline":
                    out.append(self.inline_citation(item.keys))
                else:
                    self.hug(out, last)
                    out.append(self.note_ref(self.note_texts.citation(item.keys), item.keys))
            elif isinstance(item, AuthorNote):
                if self.doc.citation_style == "inline":
                    out.append(escape(self.note_texts.inline_author_note(item)))
                else:
                    self.hug(out, last)
                    out.append(self.note_ref(self.note_texts.author_note(item)))
            elif isinstance(item, Missing):
                title = escape(f"{', '.join(item.keys)}: no such claim in the library")
                out.append(f'<span class="broken" title="{title}">{escape(item.text)}</span>')
            last = None
        return "".join(out)

    def hug(self, out: list[str], last: Text | None) -> None:
        """Drop the space typed before a note mark, as Word does: the mark hugs the word."""
        if last is not None and last.text.endswith(" "):
            out[-1] = _text_html(dataclasses.replace(last, text=last.text[:-1]))

    def note_ref(self, parts: Sequence[NotePart], keys: Sequence[str] = ()) -> str:
        """Record a note and return its superscript number (a link to its claims, if any)."""
        self.notes.append(_parts_html(parts))
        number = str(len(self.notes))
        return f"<sup>{self.claims_link(keys, number) if keys else number}</sup>"

    def inline_citation(self, keys: Sequence[str]) -> str:
        """Return an inline attribution, linking to its claims."""
        text = self.note_texts.inline_citation(keys)
        return self.claims_link(keys, escape(text)) if text else ""

    def claims_link(self, keys: Sequence[str], inner: str) -> str:
        """Return inner as a link to the claims, their statements (or quotes) as its tooltip."""
        claims = self.doc.claims
        title = escape("; ".join(f"{k}: {claims[k].statement or claims[k].quote}" for k in keys))
        return f'<a href="{claim_link(list(keys))}" title="{title}">{inner}</a>'
