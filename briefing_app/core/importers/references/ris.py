"""RIS as Zotero writes it: `DA 2025/11/30/` dates, repeated L1/L2/L4 lines, HTML notes in N1."""

from __future__ import annotations

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

# Zotero repeats these for every attachment; rispy keeps only the last unless told.
_LIST_TAGS = ["A1", "A2", "A3", "A4", "AU", "KW", "N1", "UR", "L1", "L2", "L4"]


def read_ris(path: Path, data: bytes) -> list[Reference]:
    """Return the references in a RIS file."""
    import rispy

    text = decode_text(data)
    try:
        entries = rispy.loads(text, list_tags=_LIST_TAGS, skip_unknown_tags=True)
    except (OSError, ValueError, KeyError) as exc:
        raise CorruptFile(f"not a readable RIS file ({exc})") from exc
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("TY  - ")]
    if not starts:
        raise CorruptFile("no references found in the RIS file (no 'TY  - ' lines)")
    references = [_reference(entry, path.parent) for entry in entries]
    lost = len(starts) - len(entries)
    if lost > 0:
        # rispy drops an item no "ER  - " line ends (a file cut short) without a word.
        unended = _unended(text.splitlines(), starts)
        where = f": the item at line {unended} has no 'ER  - ' line ending it" if unended else ""
        message = f"{lost} item{'s' if lost > 1 else ''} not read{where} (file cut short?)"
        if not references:
            raise CorruptFile(message)
        raise PartlyRead(message, references)
    return references


def _unended(lines: list[str], starts: list[int]) -> int | None:
    """Return the line of the first item that no "ER  - " line ends before the next begins."""
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(lines)
        if not any(line.startswith("ER  -") for line in lines[start - 1 : end]):
            return start
    return None


def _reference(entry: dict[str, object], base_dir: Path) -> Reference:
    def one(*keys: str) -> str:
        for key in keys:
            value = entry.get(key)
            if isinstance(value, list):
                value = value[0] if value else ""
            if value:
                return str(value).strip()
        return ""

    def many(key: str) -> list[str]:
        value = entry.get(key) or []
        return [str(v).strip() for v in (value if isinstance(value, list) else [value]) if v]

    raw_notes = many("notes")
    extra_lines, notes = [], []
    for raw in raw_notes:
        extra, rest = split_extra(html_to_text(raw))
        if extra:
            extra_lines.append(extra)
        if rest:
            notes.append(rest)
    files = [*many("file_attachments1"), *many("file_attachments2"), *many("figure")]
    attachments = [p for p in (attachment_path(f, base_dir) for f in files) if p is not None]
    urls = many("urls")
    return Reference(
        title=one("title", "primary_title"),
        # Zotero writes "Last, First"; every format's byline reads "First Last".
        authors=[byline_name(a) for a in many("authors") or many("first_authors")],
        container=one("secondary_title", "journal_name", "alternate_title1", "publisher"),
        # DA is Zotero's full date ("2025/11/30/", "2025/11//"); PY only the year.
        published=_ris_date(one("date")) or _ris_date(one("year")),
        url=urls[0] if urls else "",
        language=one("language"),
        doi=one("doi"),
        accessed=_ris_date(one("access_date")) or "",
        abstract=one("abstract"),
        notes=notes,
        raw_notes=raw_notes,
        attachments=attachments,
        tags=many("keywords"),
        extra="\n".join(extra_lines),
        ref_id=one("id"),
    )


def _ris_date(value: str) -> str | None:
    if not value:
        return None
    value = value.split()[0]  # Y2 "2025-12-01 10:00:00"
    parts = value.replace("-", "/").split("/")
    return partial_date(*parts)
