"""Word documents (.docx): paragraphs and tables in reading order, core properties as metadata.

Footnotes and endnotes follow the body under a "Notes" line, marked where referenced
(`docx_notes.py`).

A .docx is a zip archive: member sizes are checked before anything is inflated, so a small file
that would decompress to gigabytes (a zip bomb) is refused unread. Sizes are declared by the
archive itself, so each part is then read within bounds (a part that inflates past its declared
size is refused) and python-docx is given a copy made of those parts only.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.docx_notes import DocumentNotes, document_notes
from briefing_app.core.importers.docx_text import (
    block_elements,
    paragraph_mark_deleted,
    paragraph_text,
    row_deleted,
)
from briefing_app.core.importers.placeholders import document_author, template_stamp
from briefing_app.core.storage.zip_members import read_member
from briefing_app.core.text.dates import parse_date

# Real reports are a few MB unpacked (images included); this leaves room for big ones.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
# Text parts compress well, but not a thousandfold: a higher ratio means a crafted archive.
MAX_RATIO = 1000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@register(".docx", format_name="docx")
def extract_docx(path: Path, data: bytes) -> ExtractedDocument:
    """Extract the text and core properties of a Word document."""
    package = honest_package(data)
    try:
        return _read_document(path, package)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptFile("not a valid Word .docx file (truncated or damaged)") from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and python-docx's own errors
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise CorruptFile("not a valid Word .docx file (damaged XML inside)") from exc
        raise


def _read_document(path: Path, data: bytes) -> ExtractedDocument:
    import docx

    document = docx.Document(io.BytesIO(data))
    notes = document_notes(document)
    text = "\n\n".join(_blocks(document, notes) + notes.blocks())
    props = document.core_properties
    title = (props.title or "").strip() or _first_heading(document) or path.stem
    dates = [d for d in (props.created, props.modified) if d and not template_stamp(d)]
    published = next((p for p in map(parse_date, dates) if p), None)
    return ExtractedDocument(
        title=title,
        text=text,
        byline=document_author(props.author),
        published=published,
        language=(props.language or "").strip(),
    )


def honest_package(data: bytes) -> bytes:
    """Return the .docx rewritten from parts read within bounds; refuse one over the limits.

    Python-docx inflates each part whole, trusting nothing but the stream; it reads this copy,
    whose parts are stored exactly as large as they were found to be.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CorruptFile("not a valid Word .docx file (not a zip archive: truncated?)") from exc
    out = io.BytesIO()
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rewritten:
        members = archive.infolist()
        _check_declared_sizes(members)
        if "word/document.xml" not in archive.namelist():
            raise CorruptFile("not a valid Word .docx file (no word/document.xml inside)")
        for member in members:
            rewritten.writestr(member.filename, read_member(archive, member, MAX_UNPACKED_BYTES))
    return out.getvalue()


def _check_declared_sizes(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise FileTooLarge(f"the .docx holds {len(members)} parts; the limit is {MAX_MEMBERS}")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise FileTooLarge(
            f"the .docx would unpack to {total // 2**20} MB; "
            f"the limit is {MAX_UNPACKED_BYTES // 2**20} MB (zip bomb?)"
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise FileTooLarge(f"the .docx part {member.filename} is compressed suspiciously")


def _blocks(document: Any, notes: DocumentNotes) -> list[str]:
    """Return the body's paragraphs and table rows in reading order, tracked changes accepted.

    Each note reference reads as its mark; notes takes them in reading order to number them.
    """
    from docx.table import Table

    blocks: list[str] = []
    carried = ""  # text of paragraphs whose end mark was deleted: it joins the next paragraph
    for element in block_elements(document.element.body):
        if element.tag == f"{_W}p":
            text = carried + paragraph_text(element, marks=notes)
            carried = text if paragraph_mark_deleted(element) else ""
            if not carried and text.strip():
                blocks.append(text.strip())
            continue
        if carried.strip():
            blocks.append(carried.strip())
        carried = ""
        blocks.extend(_table_rows(Table(element, document), notes))
    if carried.strip():
        blocks.append(carried.strip())
    return blocks


def _table_rows(table: Any, notes: DocumentNotes) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        if row_deleted(row._tr):
            continue
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; keep it once.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" ".join(_cell_text(cell._tc, notes).split()))
        line = " | ".join(cells).strip(" |")
        if line:
            rows.append(line)
    return rows


def _cell_text(tc: Any, notes: DocumentNotes) -> str:
    """Return a cell's paragraphs as one string (a nested table's text included)."""
    texts: list[str] = []
    for element in block_elements(tc):
        if element.tag == f"{_W}p":
            texts.append(paragraph_text(element, marks=notes))
        else:
            for row in element.iterchildren(f"{_W}tr"):
                texts.extend(_cell_text(nested, notes) for nested in row.iterchildren(f"{_W}tc"))
    return "\n".join(texts)


def _first_heading(document: Any) -> str:
    for paragraph in document.paragraphs[:20]:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph_text(paragraph._p).strip()
        if style.startswith(("Title", "Heading")) and text:
            return text
    return ""
