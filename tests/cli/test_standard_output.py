"""`-o -`: a script pipes a claims table, references or a Markdown memo into the next command.

click takes '-' as a file name: `briefing claims --format csv -o - | csvcut ...` left a file
called '-' in the folder and piped nothing but "wrote 10 claims to - as csv".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library
from tests.cli.runner import briefing


@pytest.fixture
def demo_library(library_path: Path) -> Path:
    """A library holding the demo's source, claims and note (id 1)."""
    with Library.open(library_path) as lib:
        build_demo(lib)
    return library_path


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder (not the library's), where a file called '-' would show."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_a_claims_table_goes_to_standard_output(demo_library: Path, in_tmp: Path) -> None:
    piped = briefing("claims", "--format", "csv", "-o", "-", library=demo_library)
    assert piped.returncode == 0, piped.stderr
    rows = list(csv.DictReader(io.StringIO(piped.stdout)))
    assert [r["Key"] for r in rows] == [f"C{n}" for n in range(1, 11)]
    assert not (in_tmp / "-").exists()
    # The same table as a file holds: a script gets what it would have read back.
    assert (
        briefing("claims", "--format", "csv", "-o", "t.csv", library=demo_library).returncode == 0
    )
    assert (in_tmp / "t.csv").read_bytes().decode() == piped.stdout


@pytest.mark.parametrize(("fmt", "start"), [("ris", "TY  - "), ("bibtex", "@"), ("csl-json", "[")])
def test_references_go_to_standard_output(demo_library: Path, fmt: str, start: str) -> None:
    piped = briefing("sources", "--format", fmt, "-o", "-", library=demo_library)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.lstrip().startswith(start), piped.stdout[:80]
    assert "wrote" not in piped.stdout


def test_a_markdown_memo_goes_to_standard_output(demo_library: Path, in_tmp: Path) -> None:
    piped = briefing("export", "1", "--format", "md", "-o", "-", library=demo_library)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("---\ntitle:")
    assert "Wrote" not in piped.stdout
    assert list(in_tmp.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["claims", "--format", "xlsx", "-o", "-"], "xlsx is not text"),
        (["claims", "--format", "csv", "-o", "-", "--json"], "--json cannot go with it"),
        (["export", "1", "-o", "-"], "give --format md"),
        (["export", "1", "--format", "docx", "-o", "-"], "give --format md"),
        (["export", "1", "--format", "md", "-o", "-", "--keep-citations"], "not with -o -"),
        (["qdpx", "export", "-o", "-"], "cannot go to standard output"),
        (["pack", "export", "1", "-o", "-"], "cannot go to standard output"),
        (["review", "export", "1", "-o", "-"], "cannot go to standard output"),
    ],
)
def test_output_that_cannot_go_to_standard_output_is_one_line_and_writes_nothing(
    demo_library: Path, in_tmp: Path, args: list[str], says: str
) -> None:
    refused = briefing(*args, library=demo_library)
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1, refused.stderr
    assert refused.stderr.startswith("Error: ") and says in refused.stderr
    assert list(in_tmp.iterdir()) == []


def test_a_claims_table_piped_out_edited_and_piped_back_updates_the_claims(
    demo_library: Path,
) -> None:
    # `update-from -` took '-' for a file name ("-: read a claims table back as CSV").
    table = briefing("claims", "--format", "csv", "-o", "-", library=demo_library).stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    rows[0]["Status"] = "retracted" if rows[0]["Status"] != "retracted" else "disputed"
    # As a spreadsheet in a French locale saves "CSV": semicolons between the columns.
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)

    piped = briefing(
        "claim", "update-from", "-", "--json", library=demo_library, stdin=out.getvalue()
    )

    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout) == {
        "table": "<stdin>",
        "updated": [rows[0]["Key"]],
        "unchanged": len(rows) - 1,
    }
    claims = json.loads(briefing("claims", "--json", library=demo_library).stdout)
    assert next(c for c in claims if c["key"] == rows[0]["Key"])["status"] == rows[0]["Status"]


def test_nothing_piped_to_update_from_is_one_line_and_changes_nothing(demo_library: Path) -> None:
    before = demo_library.read_bytes()
    empty = briefing("claim", "update-from", "-", library=demo_library, stdin="")
    assert (empty.returncode, empty.stderr) == (1, "Error: <stdin>: the table is empty\n")
    assert demo_library.read_bytes() == before


@pytest.mark.parametrize("args", [["claims", "--format", "csv"], ["sources", "--format", "ris"]])
def test_a_format_without_a_file_says_how_to_write_to_standard_output(
    demo_library: Path, args: list[str]
) -> None:
    refused = briefing(*args, library=demo_library)
    assert refused.returncode == 1
    assert refused.stderr.rstrip().endswith(
        f"needs both --format and -o FILE (- for stdout) (see briefing {args[0]} --help)"
    )
