"""`briefing qdpx export`, as a user runs it: a valid project, scoped as asked, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.runner import briefing
from tests.qdpx_project import read_project


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    assert briefing("demo", library=path).returncode == 0
    return path


def test_export_writes_a_valid_project(library: Path, tmp_path: Path) -> None:
    dated = briefing("claim", "edit", "C5", "--event-date", "2025-11-26", library=library)
    assert dated.returncode == 0, dated.stderr
    out = tmp_path / "khatlon.qdpx"
    result = briefing("qdpx", "export", "-o", str(out), library=library)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"Wrote {out}: 1 source, 10 claims, 1 note, 47 codes, 2 links")
    # The standard asks the exporter to say what is lost.
    assert "Not exported: 1 claim event date(s)" in result.stderr
    project = read_project(out)
    assert len(project.all("//q:PlainTextSelection")) == 10


def test_json_reports_the_counts(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "khatlon.qdpx"
    result = briefing("qdpx", "export", "-o", str(out), "--json", library=library)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["path"] == str(out)
    assert (report["sources"], report["claims"], report["notes"]) == (1, 10, 1)
    assert report["left_out"]
    read_project(out)


def test_note_by_title_and_sources_by_id(library: Path, tmp_path: Path) -> None:
    title = "Attack on Chinese workers in Khatlon province"
    by_note = tmp_path / "note.qdpx"
    result = briefing("qdpx", "export", "-o", str(by_note), "--note", title, library=library)
    assert result.returncode == 0, result.stderr
    assert [n.get("name") for n in read_project(by_note).all("//q:Note")] == [title]

    by_source = tmp_path / "source.qdpx"
    result = briefing("qdpx", "export", "-o", str(by_source), "--source", "1", library=library)
    assert result.returncode == 0, result.stderr
    project = read_project(by_source)
    assert len(project.all("//q:TextSource")) == 1
    assert project.all("//q:Note") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--note", "9"], "Error: no note with id 9"),
        (["--note", "No such memo"], "Error: no note 'No such memo'"),
        (["--source", "7"], "Error: no source with id 7"),
        (["--note", "1", "--source", "1"], "Error: give --note or --source, not both"),
    ],
)
def test_bad_scope_is_one_line_and_writes_nothing(
    library: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.qdpx"
    result = briefing("qdpx", "export", "-o", str(out), *args, library=library)
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_bad_target_is_one_line(library: Path, tmp_path: Path) -> None:
    for target, message in (
        (tmp_path / "missing" / "x.qdpx", "no such folder"),
        (tmp_path / "x.zip", "a REFI-QDA project is a .qdpx file"),
    ):
        result = briefing("qdpx", "export", "-o", str(target), library=library)
        assert result.returncode == 1
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_no_library_is_one_line(tmp_path: Path) -> None:
    result = briefing(
        "qdpx", "export", "-o", str(tmp_path / "x.qdpx"), library=tmp_path / "none.sqlite"
    )
    assert result.returncode == 1
    assert "no library at this path" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_help_gives_an_example() -> None:
    result = briefing("qdpx", "export", "--help")
    assert result.returncode == 0
    assert "Example: briefing qdpx export -o" in result.stdout
    assert "qdpx" in briefing("--help").stdout
