"""Smaller defects a QA pass found on the command line: each test is a user's step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import briefing


def test_note_new_with_a_blank_marking_lists_shows_and_exports_the_templates(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    made = briefing(
        "note", "new", "--template", "policy-memo", "--title", "T", "--marking", "", library=library
    )
    assert made.returncode == 0, made.stderr
    listed = briefing("notes", library=library).stdout.splitlines()[-1]
    assert "UNCLASSIFIED" in listed
    shown = briefing("note", "show", "1", library=library).stdout.splitlines()[1]
    assert shown.endswith("· draft · UNCLASSIFIED")
    out = tmp_path / "t.md"
    exported = briefing("export", "1", "--format", "md", "-o", str(out), library=library)
    assert exported.returncode == 0, exported.stderr
    assert "UNCLASSIFIED" in out.read_text(encoding="utf-8")


def test_note_new_refuses_a_date_that_is_not_a_real_day(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    args = ("note", "new", "--template", "policy-memo", "--title", "T", "--date")
    result = briefing(*args, "31/02/2025", library=library)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: memo date '31/02/2025' is not a real day written YYYY-MM-DD (e.g. 2025-02-28)"
    ]
    assert not library.exists()
    assert briefing(*args, "2025-02-28", library=library).returncode == 0
    assert "Date: 2025-02-28" in briefing("note", "show", "1", library=library).stdout


def test_resolving_a_comment_takes_its_replies_out_of_the_open_list(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    assert briefing("comment", "add", "1", "summary", "Source?", library=library).returncode == 0
    first = json.loads(briefing("comments", "1", "--json", library=library).stdout)[-1]["id"]
    assert briefing("comment", "reply", str(first), "Added", library=library).returncode == 0
    assert briefing("comment", "reply", str(first), "Thanks", library=library).returncode == 0

    def open_ids() -> set[int]:
        listed = briefing("comments", "1", "--open", "--json", library=library).stdout
        return {c["id"] for c in json.loads(listed)}

    assert len(open_ids()) >= 3
    assert briefing("comment", "resolve", str(first), library=library).returncode == 0
    thread = {first, first + 1, first + 2}
    assert not open_ids() & thread
    assert briefing("comment", "resolve", "--reopen", str(first), library=library).returncode == 0
    assert thread <= open_ids()


@pytest.mark.parametrize("offset", [4096, 8192])
def test_a_damaged_library_is_named_in_one_line_with_the_way_out(
    tmp_path: Path, offset: int
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    with library.open("r+b") as f:
        f.seek(offset)
        f.write(b"\x00" * 4096)
    result = briefing("sources", library=library)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {library}: the library file is damaged (database disk image is malformed); "
        "restore a backup with `briefing backup list`"
    ]


def test_inspect_on_a_folder_says_it_takes_one_file(tmp_path: Path) -> None:
    result = briefing("inspect", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path}: is a folder; inspect takes one file (import takes folders)"
    ]
