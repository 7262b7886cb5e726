"""BibTeX and BibLaTeX as Zotero writes them: year and month (or an ISO `date`), notes in
`annote`, attachments in `file = {title:path:mime;…}`."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from briefing_app.core.errors import CorruptFile, PartlyRead
from briefing_app.core.importers.decoding import decode_text
from briefing_app.core.importers.references.base import (
    Reference,
    attachment_path,
    byline_name,
    html_to_text,
    split_extra,
)
from briefing_app.core.text.dates import partial_date

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def read_bibtex(path: Path, data: bytes) -> list[Reference]:
    """Return the references in a BibTeX or BibLaTeX file."""
    import bibtexparser
    from bibtexparser import middlewares

    _quiet_parser()

    text = decode_text(data)
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        text,
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.MonthIntMiddleware(True),
            middlewares.SeparateCoAuthors(),
        ],
    )
    if not library.entries:
        reason = (
            f" ({len(library.failed_blocks)} unreadable entries)" if library.failed_blocks else ""
        )
        raise CorruptFile(f"no references found in the BibTeX file{reason}")
    references = [_reference(entry, path.parent) for entry in library.entries]
    failed = library.failed_blocks
    if failed:
        # bibtexparser leaves an entry it cannot parse out of the list without a word.
        lost = len(failed)
        start = failed[0].start_line
        where = f"the entry at line {start + 1}" if start is not None else "an entry"
        message = (
            f"{lost} entr{'y' if lost == 1 else 'ies'} not read: {where} "
            "is malformed (an unclosed brace or quote?)"
        )
        raise PartlyRead(message, references)
    return references


def _quiet_parser() -> None:
    """Keep bibtexparser's warnings about a bad entry (several lines each) off the terminal:
    the import names the entry itself, in one line."""
    logger = logging.getLogger("bibtexparser")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _reference(entry: object, base_dir: Path) -> Reference:
    fields = {k.lower(): v for k, v in entry.fields_dict.items()}  # type: ignore[attr-defined]

    def one(*keys: str) -> str:
        for key in keys:
            if key in fields:
                value = fields[key].value
                if isinstance(value, list):
                    value = " and ".join(str(v) for v in value)
                if str(value).strip():
                    return " ".join(str(value).split())
        return ""

    authors = fields["author"].value if "author" in fields else []
    if isinstance(authors, str):
        authors = [authors]
    # Zotero writes Extra in `note`, one "Key: value" a line: the lines must survive.
    raw_extra = next((str(fields[k].value) for k in ("note", "extra") if k in fields), "")
    extra, note_rest = split_extra(html_to_text(raw_extra.replace("\n", "<br>")))
    notes = [n for n in (note_rest, html_to_text(one("annote"))) if n]
    raw_notes = [fields["annote"].value] if "annote" in fields else []
    return Reference(
        title=_unbrace(one("title")),
        authors=[_unbrace(byline_name(str(a))) for a in authors if str(a).strip()],
        # Zotero writes a report's issuer in `institution`, a thesis's in `school`; a
        # publisher is the outlet only when the item names nothing closer (a book).
        container=_unbrace(
            one(
                *("journaltitle", "journal", "booktitle", "howpublished", "organization"),
                *("institution", "school", "publisher"),
            )
        ),
        published=_bib_date(one("date"), one("year"), one("month")),
        url=one("url"),
        language=one("langid", "language"),
        doi=one("doi"),
        accessed=partial_date(one("urldate")[:10]) or "",
        abstract=one("abstract"),
        notes=notes,
        raw_notes=[str(n) for n in raw_notes],
        attachments=_files(one("file"), base_dir),
        tags=[t.strip() for t in re.split(r"[,;]", one("keywords")) if t.strip()],
        extra=extra,
        ref_id=entry.key,  # type: ignore[attr-defined]
    )


def _unbrace(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def _bib_date(iso: str, year: str, month: str) -> str | None:
    if iso:
        return partial_date(iso.split("/")[0][:10])
    if month and not month.isdigit():
        month_key = month.strip().lower()[:3]
        month = str(_MONTHS.index(month_key) + 1) if month_key in _MONTHS else ""
    return partial_date(year, month)


def _files(value: str, base_dir: Path) -> list[Path]:
    """Read `file = {Title:path:mime;Title:path:mime}` (backslash escapes ':' and ';')."""
    paths = []
    for item in re.split(r"(?<!\\);", value):
        parts = re.split(r"(?<!\\):", item)
        raw = parts[1] if len(parts) >= 3 else parts[0]
        raw = raw.replace("\\:", ":").replace("\\;", ";").replace("\\\\", "\\")
        path = attachment_path(raw, base_dir)
        if path is not None:
            paths.append(path)
    return paths
