"""PDF files: the text layer in reading order, lines joined back into paragraphs.

pypdf gives each text run with its position; runs on one baseline make a line, a vertical gap
larger than the usual line spacing ends a paragraph, and a word hyphenated at the end of a line
is joined again, so a quote copied from the original matches the stored text.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.placeholders import document_author
from briefing_app.core.text.dates import parse_date

# Bound the work: an analyst's source is not a 5,000-page volume.
MAX_PAGES = 2000


@dataclass
class _Line:
    y: float
    x: float
    size: float
    parts: list[str] = field(default_factory=list)
    # Text blocks side by side on one baseline: a table row, a paragraph of its own.
    cells: bool = False

    @property
    def text(self) -> str:
        return " ".join(symbol_bullets("".join(self.parts)).split())


@register(".pdf", format_name="pdf")
def extract_pdf(path: Path, data: bytes) -> ExtractedDocument:
    """Extract the text layer and document info of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ("EOF marker not found"); the outcome reaches the user as one
    # line (an error or the imported source), not as log noise on the terminal.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise CorruptFile("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _open_without_password(reader):
            raise CorruptFile("the PDF is encrypted with a password; save an unlocked copy first")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise FileTooLarge(f"the PDF has {count} pages; the limit is {MAX_PAGES}")
        pages = [_page_paragraphs(page) for page in reader.pages]
        info = reader.metadata
        language = _catalog_language(reader)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise CorruptFile(f"not a readable PDF ({type(exc).__name__})") from exc
    paragraphs = _join_across_pages(pages)
    if not any(p.strip() for p in paragraphs):
        raise CorruptFile("the PDF has no text layer (scanned?); run OCR on it first")
    title = document_title(_info(info, "title"))
    if not title:
        title = next((p for p in paragraphs if 3 <= len(p) <= 160), path.stem)
    return ExtractedDocument(
        title=title,
        text="\n\n".join(paragraphs),
        byline=document_author(_info(info, "author")),
        published=_info_date(info),
        language=language,
    )


def _catalog_language(reader: Any) -> str:
    """Return the language the document catalog declares (/Lang, which Word writes), or ''."""
    try:
        value = reader.root_object.get("/Lang")
    except Exception:  # a damaged catalog declares nothing; the text is still read
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _open_without_password(reader: Any) -> bool:
    # Many PDFs are "encrypted" only with an owner password restricting printing: they open.
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf raises several types for unsupported encryption
        return False


def _page_paragraphs(page: Any) -> list[str]:
    lines: list[_Line] = []
    # pypdf ends a text block with a newline; a later block on the same baseline (a table
    # cell, a second column of a form) is a separate word, not the rest of the last one.
    after_break = False

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        nonlocal after_break
        if not text:
            return
        y = tm[5] * cm[3] + cm[5]
        x = tm[4] * cm[0] + cm[4]
        height = abs(size * tm[3] * cm[3]) or abs(size) or 10.0
        for i, piece in enumerate(text.split("\n")):
            if i:
                after_break = True
            # Text after a newline inside one run sits on the following line.
            line_y = y - i * height
            same_line = bool(lines) and abs(lines[-1].y - line_y) <= height * 0.5
            if not piece.strip():
                # A run of spaces between two cells (LibreOffice writes one) still parts them.
                if piece and same_line:
                    lines[-1].parts.append(" ")
                continue
            if not same_line:
                lines.append(_Line(y=line_y, x=x, size=height))
            elif after_break:
                lines[-1].parts.append(" ")
                lines[-1].cells = True
            after_break = False
            lines[-1].parts.append(piece)

    text = page.extract_text(visitor_text=visit)
    kept = [line for line in lines if line.text]
    if not kept:
        return _paragraphs_from_plain(text or "")
    return _group(kept)


def _group(lines: list[_Line]) -> list[str]:
    gaps = [a.y - b.y for a, b in itertools.pairwise(lines) if a.y - b.y > 0]
    usual = statistics.median(gaps) if gaps else 0.0
    paragraphs: list[list[str]] = [[lines[0].text]]
    for previous, line in itertools.pairwise(lines):
        gap = previous.y - line.y
        new_paragraph = (
            gap <= 0  # a new column or out-of-order run
            or (usual and gap > usual * 1.4)
            or abs(line.size - previous.size) > 1.5  # a heading and its text
            or line.cells
            or previous.cells
        )
        if new_paragraph:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return [join_lines(p) for p in paragraphs]


# Word and LibreOffice draw list bullets in the Symbol and Wingdings fonts, whose characters
# come out of the PDF in Unicode's private use area: the reader showed an empty box.
_SYMBOL_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓"})


def symbol_bullets(text: str) -> str:
    """Return text with the Symbol and Wingdings fonts' bullets as the Unicode bullets they show.

    >>> symbol_bullets("\uf0b7 We assess")
    '• We assess'
    """
    return text.translate(_SYMBOL_BULLETS)


def _paragraphs_from_plain(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", symbol_bullets(text))
    return [join_lines(b.split("\n")) for b in blocks if b.strip()]


_HYPHEN_END = re.compile(r"(\w)[-\u00ad]$")


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, repairing words hyphenated at the line end.

    >>> join_lines(["The attack on the work-", "ers was condemned."])
    'The attack on the workers was condemned.'
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def _join_across_pages(pages: list[list[str]]) -> list[str]:
    """Join a paragraph that runs on from one page to the next (no full stop at the break)."""
    result: list[str] = []
    for paragraphs in pages:
        for i, paragraph in enumerate(paragraphs):
            runs_on = (
                i == 0
                and result
                and not re.search(r"[.!?:;\"”’)]$", result[-1])
                and paragraph[:1].islower()
            )
            if runs_on:
                result[-1] = join_lines([result[-1], paragraph])
            else:
                result.append(paragraph)
    return result


_FILE_NAME_TITLE = re.compile(r"\.(?:docx?|odt|rtf|pdf|indd|pages|txt|qxp)$", re.IGNORECASE)
_APP_PREFIX = re.compile(r"^(?:Microsoft (?:Word|PowerPoint|Excel) - |untitled\b)", re.IGNORECASE)


def document_title(value: str) -> str:
    """Return the PDF's info title, or '' when it is a tool's placeholder or a file name.

    >>> document_title("Microsoft Word - draft3.docx")
    ''
    >>> document_title("Khatlon statement")
    'Khatlon statement'
    """
    if not value or _APP_PREFIX.match(value) or _FILE_NAME_TITLE.search(value):
        return ""
    return value


def _info(info: Any, name: str) -> str:
    if info is None:
        return ""
    try:
        value = getattr(info, name, None)
    except Exception:  # damaged info dictionaries raise on access
        return ""
    return " ".join(str(value).split()) if value else ""


def _info_date(info: Any) -> str | None:
    if info is None:
        return None
    try:
        created = info.creation_date
    except Exception:  # a malformed date string in the info dictionary
        raw = str(info.get("/CreationDate", "")) if hasattr(info, "get") else ""
        match = re.search(r"(\d{4})(\d{2})(\d{2})", raw)
        return parse_date(f"{match[1]}-{match[2]}-{match[3]}") if match else None
    return parse_date(created)
