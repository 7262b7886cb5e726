"""The claims table out: CSV and xlsx, one row per claim, reopened with a reader."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from briefing_app.core.exporters.claims_table import write_claims_table
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from tests.cli.runner import briefing

TEXT = (
    'Officials said "three workers" died near Vakhsh, a town — «далеко» from Dushanbe.\n\n'
    '=HYPERLINK("http://evil.example") was printed under the photo.'
)


@pytest.fixture
def claims_lib(lib: Library) -> Library:
    source = lib.sources.add(
        ExtractedDocument(
            title="Attack near the border",
            text=TEXT,
            outlet="Asia Wire",
            published="2025-11",
            url="https://asiawire.example.org/attack",
            reliability="B",
            marking="TLP:AMBER",
        )
    )
    lib.claims.add(
        source.id,
        quote='said "three workers" died near Vakhsh',
        statement="Three workers died.",
        party="Officials",
        credibility=2,
        status="corroborated",
        tags=["place:Vakhsh", "place:Dushanbe", "actor:Officials", "attack"],
    )
    first = lib.claims.by_key("C1")
    assert first is not None
    lib.claims.update(first.id, event_date="2025-11-30")
    lib.claims.add(source.id, quote='=HYPERLINK("http://evil.example")', party="Unknown")
    return lib


EXPECTED_HEADER = [
    "Key", "Quote", "Statement", "Party", "Kind", "Credibility", "Status", "Event date",
    "Source title", "Outlet", "Published", "URL", "Source grade", "Marking",
    "Topic", "Actor", "Place", "Organisation", "Event", "Source type",
]  # fmt: skip


def test_csv_rows_hold_the_claim_its_source_and_a_column_per_tag_kind(
    claims_lib: Library, tmp_path: Path
) -> None:
    out = tmp_path / "claims.csv"
    assert write_claims_table(claims_lib, out, "csv") == 2
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == EXPECTED_HEADER
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Key"] == "C1"
    assert first["Quote"] == 'said "three workers" died near Vakhsh'
    assert (first["Party"], first["Credibility"], first["Status"]) == (
        "Officials",
        "2",
        "corroborated",
    )
    assert (first["Source title"], first["Outlet"], first["Published"]) == (
        "Attack near the border",
        "Asia Wire",
        "2025-11",
    )
    assert (first["Source grade"], first["Marking"]) == ("B", "TLP:AMBER")
    assert first["Event date"] == "2025-11-30"
    assert (first["Place"], first["Actor"], first["Topic"]) == (
        "Dushanbe; Vakhsh",
        "Officials",
        "attack",
    )
    # A quote that looks like a formula stays text in a spreadsheet.
    assert rows[2][1] == '\'=HYPERLINK("http://evil.example")'


def test_xlsx_has_a_header_frozen_panes_a_wrapped_quote_column_and_the_filtered_rows(
    claims_lib: Library, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "claims.xlsx"
    assert write_claims_table(claims_lib, out, "xlsx", ClaimFilter(tag="place:Vakhsh")) == 1
    sheet = load_workbook(out).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == EXPECTED_HEADER
    assert len(values) == 2  # the filter left out the second claim
    assert values[1][:4] == [
        "C1",
        'said "three workers" died near Vakhsh',
        "Three workers died.",
        "Officials",
    ]
    assert values[1][5] == 2  # a number, not text
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "B2"
    assert sheet["B2"].alignment.wrap_text


def test_an_xlsx_cell_that_looks_like_a_formula_is_text(
    claims_lib: Library, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "claims.xlsx"
    write_claims_table(claims_lib, out, "xlsx")
    sheet = load_workbook(out).active
    assert sheet is not None
    cell = sheet["B3"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil.example")', "s")


def test_briefing_claims_writes_the_table_with_its_filters(
    claims_lib: Library, tmp_path: Path
) -> None:
    out = tmp_path / "officials.csv"
    library = Path(claims_lib.path)
    result = briefing(
        "claims", "--party", "officials", "--format", "csv", "-o", str(out), library=library
    )
    assert result.returncode == 0, result.stderr
    assert "Wrote 1 claim to" in result.stdout
    with out.open(encoding="utf-8", newline="") as f:
        assert [r[0] for r in csv.reader(f)] == ["Key", "C1"]
    refused = briefing("claims", "--format", "xlsx", library=library)
    assert refused.returncode != 0 and "-o FILE" in refused.stderr


@pytest.mark.parametrize(("name", "fmt"), [("claims.csv", "xlsx"), ("claims.XLSX", "csv")])
def test_a_file_named_for_the_other_format_is_refused(
    claims_lib: Library, tmp_path: Path, name: str, fmt: str
) -> None:
    """A workbook written under a .csv name opened as garbage in a spreadsheet."""
    from briefing_app.core.errors import InvalidInput

    out = tmp_path / "out"
    out.mkdir()

    with pytest.raises(InvalidInput, match=r"the name says .* but the format asked for is"):
        write_claims_table(claims_lib, out / name, fmt)
    assert list(out.iterdir()) == []
    # Any other name is the user's choice.
    assert write_claims_table(claims_lib, out / "claims.txt", fmt) > 0


def test_a_manual_line_break_in_a_quote_is_a_line_break_in_the_cell(
    lib: Library, tmp_path: Path
) -> None:
    # Walk: a quote from a Word file holding a manual line break made the xlsx export fail
    # outright (openpyxl's IllegalCharacterError), and the CSV cell held a raw vertical tab.
    from openpyxl import load_workbook

    source = lib.sources.add(
        ExtractedDocument(title="Memo", text="Convoy stopped\x0bRoad shut.\x01 End.")
    )
    lib.claims.add(source.id, quote="stopped\x0bRoad shut.\x01")
    write_claims_table(lib, tmp_path / "claims.csv", "csv")
    with (tmp_path / "claims.csv").open(encoding="utf-8", newline="") as f:
        assert list(csv.reader(f))[1][1] == "stopped\nRoad shut.\x01"
    write_claims_table(lib, tmp_path / "claims.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "claims.xlsx").active
    assert sheet is not None
    assert sheet["B2"].value == "stopped\nRoad shut.\ufffd"
