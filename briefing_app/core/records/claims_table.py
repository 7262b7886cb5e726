"""The claims table read back: what an analyst changed in a spreadsheet written by
`exporters/claims_table.py` (saved as CSV) goes back into the claims, as one undoable change.

Rows are found by their Key; the analyst's columns (Statement, Party, Kind, Credibility,
Status, Event date) are read, the others (the quote, the source's details, tags) are what
the claim rests on and are left alone. Every row is checked before anything is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import (
    BriefingError,
    CorruptFile,
    FileTooLarge,
    InvalidInput,
    UnsupportedFormat,
)
from briefing_app.core.importers.base import MAX_FILE_BYTES, read_capped
from briefing_app.core.models import Claim
from briefing_app.core.records.claims import check_claim_values
from briefing_app.core.text.counts import counted
from briefing_app.core.text.event_dates import check_event_date

if TYPE_CHECKING:
    from briefing_app.core.library import Library

# The columns read back, by their heading in the table written out.
EDITABLE_COLUMNS = {
    "Statement": "statement",
    "Party": "party",
    "Kind": "kind",
    "Credibility": "credibility",
    "Status": "status",
    "Event date": "event_date",
}
# What the export put before text a spreadsheet would run as a formula, to keep it text.
_DEFUSED = ("'=", "'+", "'@", "'\t", "'\r")


@dataclass
class TableUpdate:
    """What reading a claims table back changed: each claim before and after (for undo and
    redo: `revert_claims`), and how many rows changed nothing."""

    name: str
    before: list[Claim] = field(default_factory=list)
    after: list[Claim] = field(default_factory=list)
    unchanged: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing claim update-from --json`."""
        return {
            "table": self.name,
            "updated": [c.key for c in self.after],
            "unchanged": self.unchanged,
        }

    def line(self) -> str:
        """Return a one-line summary."""
        return (
            f"Updated {counted(len(self.before), 'claims')} from {self.name}; "
            f"{self.unchanged} unchanged"
        )


def is_claims_table(path: Path) -> bool:
    """Say whether path may be a claims table to read back (a CSV file)."""
    return path.suffix.lower() == ".csv" and path.is_file()


def update_claims_from_table(lib: Library, path: Path | str) -> TableUpdate:
    """Set the analyst's fields of each claim a CSV claims table lists to its row's values, in
    one transaction; raise a typed error naming the row, changing nothing, if any row is wrong.

    >>> # lib.claims ... ; update_claims_from_table(lib, "claims.csv").line()
    """
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise UnsupportedFormat(f"{path.name}: read a claims table back as CSV (save it so)")
    try:
        data = read_capped(path)
    except BriefingError as exc:  # "the file is empty": which file, on the command line
        raise type(exc)(f"{path.name}: {exc}") from exc
    return update_claims_from_csv(lib, path.name, data)


def update_claims_from_csv(lib: Library, name: str, data: bytes) -> TableUpdate:
    """Do what update_claims_from_table does for a table's bytes (a pipe), named name in errors.

    >>> # update_claims_from_csv(lib, "<stdin>", sys.stdin.buffer.read()).line()
    """
    if not data:
        raise CorruptFile(f"{name}: the table is empty")
    if len(data) > MAX_FILE_BYTES:  # a pipe has no size to check before it is read
        raise FileTooLarge(f"{name}: over the limit of {MAX_FILE_BYTES // 2**20} MB")
    rows = _read_rows(name, data)
    claims = lib.claims.by_keys([key for _line, key, _values in rows])
    changes: list[tuple[Claim, dict[str, Any]]] = []
    for line, key, values in rows:
        claim = claims.get(key)
        if claim is None:
            raise InvalidInput(f"{name}, line {line}: no claim {key} in this library")
        checked = _checked(name, line, values)
        changed = {f: v for f, v in checked.items() if getattr(claim, f) != v}
        if changed:
            changes.append((claim, changed))
    update = TableUpdate(name, unchanged=len(rows) - len(changes))
    with lib.write():
        for claim, changed in changes:
            update.before.append(claim)
            update.after.append(lib.claims.update(claim.id, **changed))
    return update


def revert_claims(lib: Library, claims: list[Claim]) -> list[Claim]:
    """Put claims back exactly as given, in one transaction; return them as they were just
    before (so undo and redo of a table read back are each one call)."""
    with lib.write():
        held = [lib.claims.get(c.id) for c in claims]
        for claim in claims:
            lib.claims.revert(claim)
    return held


def _read_rows(name: str, data: bytes) -> list[tuple[int, str, dict[str, str]]]:
    """Return (line, key, {field: text}) per row of the table; raise CorruptFile if it is not
    a claims table."""
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as exc:
        raise CorruptFile(f"{name}: not UTF-8 text (save it as CSV UTF-8)") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = next(reader, [])
    names = [h.strip() for h in header]
    if "Key" not in names:
        raise CorruptFile(f"{name}: not a claims table (no Key column in its first row)")
    columns = {names.index(h): f for h, f in EDITABLE_COLUMNS.items() if h in names}
    key_at = names.index("Key")
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        line = reader.line_num
        key = row[key_at].strip() if key_at < len(row) else ""
        if not key:
            raise InvalidInput(f"{name}, line {line}: no Key")
        values = {f: _undefused(row[i]) for i, f in columns.items() if i < len(row)}
        rows.append((line, key.upper(), values))
    return rows


def _delimiter(text: str) -> str:
    """Return the delimiter that makes a cell of the first line read Key: a comma, or the
    semicolon (or tab) a spreadsheet in a locale with decimal commas saves "CSV" with."""
    first = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if "Key" in (c.strip() for c in cells):
            return delimiter
    return ","


def _undefused(cell: str) -> str:
    return cell[1:] if cell.startswith(_DEFUSED) else cell


def _checked(name: str, line: int, values: dict[str, str]) -> dict[str, Any]:
    """Return a row's values as the claim holds them; raise InvalidInput naming the row."""
    checked: dict[str, Any] = {k: v.strip() for k, v in values.items()}
    try:
        if "credibility" in checked:
            credibility = str(checked["credibility"])
            if not credibility.isdigit():
                raise InvalidInput(f"credibility must be 1 to 6 (not {credibility!r})")
            checked["credibility"] = int(credibility)
        check_claim_values(
            checked.get("kind"),
            checked.get("credibility"),
            checked.get("status"),
        )
        if "event_date" in checked:
            checked["event_date"] = check_event_date(str(checked["event_date"]))
    except InvalidInput as exc:
        raise InvalidInput(f"{name}, line {line}: {exc}") from exc
    return checked
