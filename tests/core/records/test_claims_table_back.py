"""The claims table out to a spreadsheet and back: what the analyst changed there comes back
into the claims in one undoable step; a wrong row changes nothing and says which."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from briefing_app.core.errors import BriefingError
from briefing_app.core.exporters.claims_table import write_claims_table
from briefing_app.core.library import Library
from briefing_app.core.records.claims_table import revert_claims, update_claims_from_table
from tests.core.records.library_dump import dump


def edited(path: Path, changes: dict[str, dict[str, str]], bom: bool = False) -> Path:
    """Rewrite a CSV claims table with some cells changed, as a spreadsheet saves it."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row.update(changes.get(row["Key"], {}))
    out = path.with_name("edited.csv")
    with out.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def test_edits_made_in_a_spreadsheet_come_back_and_undo_puts_the_claims_back(
    demo_lib: Library, tmp_path: Path
) -> None:
    table = tmp_path / "claims.csv"
    write_claims_table(demo_lib, table, "csv")
    back = edited(
        table,
        {
            "C5": {"Credibility": "3", "Status": "corroborated", "Event date": "2025-11"},
            "C7": {"Statement": "The Taliban blamed a group out to destabilise the region."},
            "C1": {"Quote": "words the quote column cannot change"},
        },
        bom=True,  # Excel's "CSV UTF-8"
    )
    before = dump(demo_lib)

    update = update_claims_from_table(demo_lib, back)

    assert update.line() == "Updated 2 claims from edited.csv; 8 unchanged"
    c5, c7, c1 = (demo_lib.claims.by_key(k) for k in ("C5", "C7", "C1"))
    assert c5 is not None and (c5.credibility, c5.status, c5.event_date) == (
        3,
        "corroborated",
        "2025-11",
    )
    assert c7 is not None and c7.statement.startswith("The Taliban blamed")
    assert c1 is not None and c1.quote.startswith("China has called")
    after = dump(demo_lib)
    redo = revert_claims(demo_lib, update.before)
    assert dump(demo_lib) == before
    revert_claims(demo_lib, redo)
    assert dump(demo_lib) == after


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"C5": {"Credibility": "7"}}, "line 6: credibility"),
        ({"C5": {"Kind": "rumour"}}, "line 6: kind must be one of"),
        ({"C5": {"Event date": "last week"}}, "line 6:"),
        ({"C5": {"Key": "C99"}}, "line 6: no claim C99 in this library"),
    ],
)
def test_a_wrong_row_is_named_and_nothing_changes(
    demo_lib: Library, tmp_path: Path, change: dict[str, dict[str, str]], words: str
) -> None:
    table = tmp_path / "claims.csv"
    write_claims_table(demo_lib, table, "csv")
    back = edited(table, {"C1": {"Statement": "Changed."}, **change})
    before = dump(demo_lib)
    with pytest.raises(BriefingError, match=words):
        update_claims_from_table(demo_lib, back)
    assert dump(demo_lib) == before


def test_a_file_that_is_no_claims_table_is_refused_in_one_line(
    demo_lib: Library, tmp_path: Path
) -> None:
    other = tmp_path / "budget.csv"
    other.write_text("Item,Cost\nFuel,10\n", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"budget\.csv: not a claims table"):
        update_claims_from_table(demo_lib, other)
    sheet = tmp_path / "claims.xlsx"
    write_claims_table(demo_lib, sheet, "xlsx")
    with pytest.raises(BriefingError, match="read a claims table back as CSV"):
        update_claims_from_table(demo_lib, sheet)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_table_saved_with_semicolons_or_tabs_comes_back_too(
    demo_lib: Library, tmp_path: Path, delimiter: str
) -> None:
    # Excel set to a German or French locale saves "CSV" with semicolons: the table was refused
    # as "not a claims table (no Key column)", though its first cell is Key.
    table = tmp_path / "claims.csv"
    write_claims_table(demo_lib, table, "csv")
    with table.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    row, column = rows[1 + [r[0] for r in rows[1:]].index("C5")], rows[0].index("Credibility")
    credibility = 1 if row[column] != "1" else 2
    row[column] = str(credibility)
    saved = tmp_path / "excel.csv"
    with saved.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)

    update = update_claims_from_table(demo_lib, saved)

    assert update.line() == "Updated 1 claim from excel.csv; 9 unchanged"
    c5 = demo_lib.claims.by_key("C5")
    assert c5 is not None and c5.credibility == credibility
