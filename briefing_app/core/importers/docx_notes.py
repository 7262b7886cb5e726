"""Footnotes and endnotes of a Word source: a mark where each is referenced, the notes after.

A note reads in the body as its number in brackets ("killed[1] in"), numbered as Word shows it
(footnotes 1, 2, 3; endnotes i, ii, iii unless the document says otherwise), or as the author's
own mark ("[*]"). After the body, a "Notes" line lists each referenced note once, in the order
referenced, one paragraph per note ("[1] Ministry statement, 3 May."); a document with both
kinds lists them under "Footnotes" and "Endnotes". Separators and notes never referenced are
not shown by Word, so they are left out, and a document without notes reads as before.

The notes parts are read only when the body references a note, as a stream (each note dropped
once read), keeping only the notes referenced: their size costs time, not memory. A part
larger than any real report's notes is refused before reading.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from briefing_app.core.errors import FileTooLarge
from briefing_app.core.importers.docx_text import (
    block_elements,
    paragraph_text,
    row_deleted,
    web_address,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
KINDS = ("footnote", "endnote")
# A 500-page legal opinion's notes are a few MB of XML; read as a stream, a part costs time,
# not memory, and this bounds the time to seconds.
MAX_NOTES_XML_BYTES = 64 * 1024 * 1024
# What Word numbers each kind with when the document does not say.
_DEFAULT_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
_HEADINGS = {"footnote": "Footnotes", "endnote": "Endnotes"}
_CHICAGO = "*†‡§"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
# Far above any real start number.
_MAX_START = 10_000
# Beyond these, Word's marks grow with the number (mmmm…, aaaaa…, *****): a crafted document
# with thousands of notes would print marks of thousands of characters, so they go decimal.
_MAX_ROMAN = 3999
_MAX_REPEATS = 4


@dataclass(frozen=True)
class NoteNumbering:
    """How Word numbers one kind of note: its number format and first number."""

    format: str
    start: int


class DocumentNotes:
    """A document's footnotes and endnotes, marked in reading order as the body is walked.

    >>> notes = DocumentNotes({"footnote": {2: ["Ministry statement."]}, "endnote": {}})
    >>> notes.mark("footnote", "2", ""), notes.mark("footnote", "7", "")
    ('[1]', '')
    >>> notes.blocks()
    ['Notes', '[1] Ministry statement.']
    """

    def __init__(
        self,
        texts: dict[str, dict[int, list[str]]],
        numbering: dict[str, NoteNumbering] | None = None,
    ) -> None:
        self._texts = texts
        self._numbering = numbering or {
            kind: NoteNumbering(_DEFAULT_FORMATS[kind], 1) for kind in KINDS
        }
        self._next = {kind: self._numbering[kind].start for kind in KINDS}
        self._marks: dict[tuple[str, int], str] = {}
        # Per kind, in the order first referenced: (mark, note id, the author's own mark).
        self._listed: dict[str, list[tuple[str, int, str]]] = {kind: [] for kind in KINDS}

    def mark(self, kind: str, note_id: str, custom: str) -> str:
        """Return the mark of a reference to note note_id ("" when there is no such note)."""
        number = _note_id(note_id)
        if number is None or number not in self._texts.get(kind, {}):
            return ""  # Word shows nothing for a reference to a missing note either
        key = (kind, number)
        if key in self._marks:  # referenced again (a merged table cell read twice): same mark
            return self._marks[key]
        if custom:
            label = custom  # Word does not count a custom-marked note in the numbering
        else:
            label = _label(self._numbering[kind], self._next[kind])
            self._next[kind] += 1
        mark = f"[{label}]"
        self._marks[key] = mark
        self._listed[kind].append((mark, number, custom))
        return mark

    def blocks(self) -> list[str]:
        """Return the notes section's paragraphs: a heading line, then one per referenced note."""
        kinds = [kind for kind in KINDS if self._listed[kind]]
        blocks: list[str] = []
        for kind in kinds:
            blocks.append("Notes" if len(kinds) == 1 else _HEADINGS[kind])
            for mark, number, custom in self._listed[kind]:
                text = _note_text(self._texts[kind][number], custom)
                blocks.append(f"{mark} {text}" if text else mark)
        return blocks


def document_notes(document: Any) -> DocumentNotes:
    """Return the notes of a python-docx Document, ready to be marked as its body is read."""
    body = document.element.body
    referenced = {kind: _referenced_ids(body, kind) for kind in KINDS}
    texts: dict[str, dict[int, list[str]]] = {kind: {} for kind in KINDS}
    if not any(referenced.values()):
        return DocumentNotes(texts)  # the notes parts are not even read: nothing shows them
    for rel in document.part.rels.values():
        for kind in KINDS:
            if rel.reltype == f"{_RELATIONSHIPS}{kind}s" and not rel.is_external:
                texts[kind] = _read_notes(rel.target_part, kind, referenced[kind])
    return DocumentNotes(texts, _numbering(document))


def _referenced_ids(body: Any, kind: str) -> set[int]:
    ids = (_note_id(ref.get(f"{_W}id", "")) for ref in body.iter(f"{_W}{kind}Reference"))
    return {number for number in ids if number is not None}


def _read_notes(part: Any, kind: str, wanted: set[int]) -> dict[int, list[str]]:
    """Return the paragraphs of each wanted note in a footnotes or endnotes part, by note id.

    Only the notes the body references are kept, so memory follows the body, not the part.
    """
    blob: bytes = part.blob
    if len(blob) > MAX_NOTES_XML_BYTES:
        raise FileTooLarge(
            f"the .docx {kind}s ({part.partname.lstrip('/')}) take {len(blob) // 2**20} MB; "
            f"the limit is {MAX_NOTES_XML_BYTES // 2**20} MB"
        )
    links = _link_targets(part)
    notes: dict[int, list[str]] = {}
    # The same safeguards as python-docx's own parser: no entities expanded, nothing fetched.
    events = etree.iterparse(
        io.BytesIO(blob),
        events=("end",),
        tag=f"{_W}{kind}",
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for _event, element in events:
        number = _note_id(element.get(f"{_W}id", ""))
        # Separators (ids -1 and 0 in Word's files) are drawn lines, not notes.
        if (
            number in wanted
            and number not in notes
            and element.get(f"{_W}type", "normal") == "normal"
        ):
            notes[number] = _paragraphs(element, links)
        # Streamed: the note read and the ones before it are dropped from the tree.
        element.clear()
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]
    return notes


def _paragraphs(note: Any, links: dict[str, str]) -> list[str]:
    """Return a note's non-empty paragraphs (a table's rows as 'cell | cell')."""

    def text(paragraph: Any) -> str:
        return paragraph_text(paragraph, link_url=lambda rid: links.get(rid, ""))

    paragraphs: list[str] = []
    for element in block_elements(note):
        if element.tag == f"{_W}p":
            paragraphs.append(text(element).strip())
            continue
        for row in element.iterchildren(f"{_W}tr"):
            if row_deleted(row):
                continue
            cells = (
                " ".join(text(p) for p in cell.iter(f"{_W}p"))
                for cell in row.iterchildren(f"{_W}tc")
            )
            paragraphs.append(" | ".join(" ".join(c.split()) for c in cells).strip(" |"))
    return [p for p in paragraphs if p]


def _link_targets(part: Any) -> dict[str, str]:
    """Return the web addresses a notes part's hyperlinks point to, by relationship id."""
    targets: dict[str, str] = {}
    for rid, rel in part.rels.items():
        if rel.is_external and rel.reltype == f"{_RELATIONSHIPS}hyperlink":
            url = web_address(str(rel.target_ref))
            if url:
                targets[rid] = url
    return targets


def _note_text(paragraphs: list[str], custom: str) -> str:
    """Return a note's text as one paragraph of lines, without its own copy of a custom mark."""
    text = "\n".join(paragraphs)
    if custom and text.startswith(custom):
        # The note repeats the author's mark where Word would number it; the list prints it.
        text = text[len(custom) :].lstrip()
    # One note, one paragraph of the stored text: blank lines inside it would split it.
    return re.sub(r"\n\s*\n", "\n", text)


def _note_id(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _numbering(document: Any) -> dict[str, NoteNumbering]:
    """Return how Word numbers each kind: the last section's setting, else the document's."""
    places = [document.element.body.find(f"{_W}sectPr"), document.settings.element]
    numbering: dict[str, NoteNumbering] = {}
    for kind in KINDS:
        fmt = _first_value(places, f"{_W}{kind}Pr/{_W}numFmt") or _DEFAULT_FORMATS[kind]
        start = _note_id(_first_value(places, f"{_W}{kind}Pr/{_W}numStart") or "1")
        numbering[kind] = NoteNumbering(fmt, min(max(start or 1, 1), _MAX_START))
    return numbering


def _first_value(places: list[Any], path: str) -> str:
    for place in places:
        found = place.find(path) if place is not None else None
        if found is not None and found.get(f"{_W}val"):
            return str(found.get(f"{_W}val"))
    return ""


def _label(numbering: NoteNumbering, number: int) -> str:
    """Return number as Word prints it in this format (decimal for formats not listed)."""
    fmt = numbering.format
    if fmt in ("lowerRoman", "upperRoman") and number <= _MAX_ROMAN:
        roman = _roman(number)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt in ("lowerLetter", "upperLetter") and number <= 26 * _MAX_REPEATS:
        # Word's letters repeat after z: a … z, aa … zz, aaa …
        letter = "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26] * ((number - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "chicago" and number <= len(_CHICAGO) * _MAX_REPEATS:
        return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)


def _roman(number: int) -> str:
    digits: list[str] = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)
