"""The claims table out to a spreadsheet: CSV or xlsx, one row per claim.

The same ClaimFilter as the claims table and `briefing claims` chooses the rows.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import InvalidInput
from briefing_app.core.models import TAG_KINDS
from briefing_app.core.records.claims import ClaimFilter, claim_filter_sql
from briefing_app.core.storage.atomic import atomic_path
from briefing_app.core.text.control_chars import MANUAL_BREAK, manual_breaks_as

if TYPE_CHECKING:
    from briefing_app.core.library import Library

TABLE_FORMATS = ("csv", "xlsx")

# (header, SQL over `claims c JOIN sources s`); the tag kinds follow, one column each.
_COLUMNS = (
    ("Key", "c.key"),
    ("Quote", "c.quote"),
    ("Statement", "c.statement"),
    ("Party", "c.party"),
    ("Kind", "c.kind"),
    ("Credibility", "c.credibility"),
    ("Status", "c.status"),
    ("Event date", "c.event_date"),
    ("Source title", "s.title"),
    ("Outlet", "s.outlet"),
    ("Published", "coalesce(s.published, '')"),
    ("URL", "s.url"),
    ("Source grade", "s.reliability"),
    ("Marking", "s.marking"),
)
_QUOTE_COLUMN = 1
# Cell text a spreadsheet would run as a formula ("=HYPERLINK(…)" quoted from a hostile page).
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def claims_table(lib: Library, flt: ClaimFilter | None = None) -> tuple[list[str], list[list[Any]]]:
    """Return the header and one row per claim matching flt, by source then position.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.importers.base import ExtractedDocument
    >>> lib = Library.open(":memory:")
    >>> src = lib.sources.add(ExtractedDocument(title="T", text="Police said two fled."))
    >>> _ = lib.claims.add(src.id, quote="two fled", party="Police", tags=["place:Vakhsh"])
    >>> header, rows = claims_table(lib)
    >>> dict(zip(header, rows[0]))["Place"], rows[0][:2]
    ('Vakhsh', ['C1', 'two fled'])
    """
    where, params = claim_filter_sql(lib.conn, flt or ClaimFilter())
    sql = (
        f"SELECT c.id, {', '.join(sql for _, sql in _COLUMNS)} "
        f"FROM claims c JOIN sources s ON s.id = c.source_id {where} "
        "ORDER BY c.source_id, c.start, c.id"
    )
    cursor = lib.conn.cursor()
    cursor.row_factory = None
    found = cursor.execute(sql, params).fetchall()
    tags = _tags_by_kind(lib)
    header = [name for name, _ in _COLUMNS] + [kind.capitalize() for kind in TAG_KINDS]
    rows = [
        [*row[1:], *("; ".join(tags.get((row[0], kind), [])) for kind in TAG_KINDS)]
        for row in found
    ]
    return header, rows


def _tags_by_kind(lib: Library) -> dict[tuple[int, str], list[str]]:
    names: dict[tuple[int, str], list[str]] = {}
    sql = (
        "SELECT ct.claim_id, t.kind, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
        "ORDER BY ct.claim_id, t.name COLLATE NOCASE"
    )
    for claim_id, kind, name in lib.conn.execute(sql):
        names.setdefault((claim_id, kind), []).append(name)
    return names


def write_claims_table(
    lib: Library, path: Path | str, format: str, flt: ClaimFilter | None = None
) -> int:
    """Write the claims matching flt to path as csv or xlsx; return how many rows were written."""
    if format not in TABLE_FORMATS:
        raise InvalidInput(f"unknown table format {format!r} (known: csv, xlsx)")
    named = Path(path).suffix.lower().removeprefix(".")
    if named in TABLE_FORMATS and named != format:
        # A workbook named .csv opens as garbage in a spreadsheet, a CSV named .xlsx not at all.
        raise InvalidInput(f"{path}: the name says {named} but the format asked for is {format}")
    header, rows = claims_table(lib, flt)
    with atomic_path(path) as tmp:
        if format == "csv":
            _write_csv(tmp, header, rows)
        else:
            _write_xlsx(tmp, header, rows)
    return len(rows)


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    # UTF-8 without a BOM, CRLF line ends (RFC 4180), every field that needs it quoted.
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            if MANUAL_BREAK in "".join(v for v in row if isinstance(v, str)):
                row = [manual_breaks_as(v) if isinstance(v, str) else v for v in row]
            writer.writerow([_defused(v) for v in row])


def _defused(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # what spreadsheets themselves write to keep text as text
    return value


def _xlsx_row(row: list[Any]) -> list[Any]:
    """Return row with text a workbook can hold: a manual line break (a quote from a Word
    file) as a line break, any other C0 control as the replacement character."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # openpyxl refuses the whole file for one such character. Searched once per row, not per
    # cell: nearly every row has none.
    if ILLEGAL_CHARACTERS_RE.search("".join(v for v in row if isinstance(v, str))) is None:
        return row
    return [
        ILLEGAL_CHARACTERS_RE.sub("\ufffd", manual_breaks_as(v)) if isinstance(v, str) else v
        for v in row
    ]


def _write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Claims"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    quote_letter = get_column_letter(_QUOTE_COLUMN + 1)
    for row in rows:
        sheet.append(_xlsx_row(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula
        sheet[f"{quote_letter}{sheet.max_row}"].alignment = wrap
    sheet.freeze_panes = "B2"  # the header and the key stay in view
    sheet.column_dimensions[quote_letter].width = 60
    for index in range(3, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18
    book.save(path)
