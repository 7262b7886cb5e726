"""What a QA pass found on the command line: each test is a user's step that went wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import briefing
from tests.conftest import write_fixture


def test_starting_the_app_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    library = tmp_path / "lib.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--library", str(library)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "briefing: no display to open the window on (DISPLAY is not set); "
        "the command line works without one: briefing --help"
    ]
    assert not library.exists()


def test_a_folder_with_a_file_that_fails_exits_non_zero_but_keeps_the_rest(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    write_fixture(folder / "good.txt", "The ministry said the border was closed on Monday.")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\ngarbage")
    library = tmp_path / "lib.sqlite"
    result = briefing("import", str(folder), library=library)
    assert result.returncode == 1
    assert "imported" in result.stdout and "good.txt" in result.stdout
    # One line for the bad file; nothing from the PDF library's own log.
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        next(line for line in result.stderr.splitlines() if "broken.pdf" in line)
    ]
    assert "1 imported" in result.stdout


def test_export_refuses_a_format_that_contradicts_the_file_name(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    out = tmp_path / "memo.docx"
    result = briefing("export", "1", "--format", "md", "-o", str(out), library=library)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("the name says docx but the format asked for is md")
    assert not out.exists()


def test_grade_a_source_and_change_a_claim_from_the_command_line(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    graded = briefing(
        "source", "set", "1", "--reliability", "b", "--outlet", "Asia-Plus", library=library
    )
    assert graded.returncode == 0, graded.stderr
    source = json.loads(briefing("sources", "--json", library=library).stdout)[0]
    assert (source["reliability"], source["outlet"]) == ("B", "Asia-Plus")

    edited = briefing(
        "claim", "edit", "c5", "--credibility", "2", "--status", "retracted",
        "--tag", "place:Khatlon", library=library,
    )  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    claim = next(
        c
        for c in json.loads(briefing("claims", "--json", library=library).stdout)
        if c["key"] == "C5"
    )
    assert (claim["credibility"], claim["status"]) == (2, "retracted")
    assert claim["tags"] == ["Khatlon"]


def test_changing_nothing_or_a_missing_claim_is_one_error_and_changes_nothing(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    before = library.read_bytes()
    missing = briefing("claim", "edit", "C99", "--status", "retracted", library=library)
    assert missing.returncode == 1 and missing.stderr.strip() == "Error: no claim C99"
    nothing = briefing("source", "set", "1", library=library)
    assert nothing.returncode == 2 and "give at least one option" in nothing.stderr
    bad = briefing("source", "set", "1", "--reliability", "Z", library=library)
    assert bad.returncode == 2
    assert library.read_bytes() == before


def test_asking_for_an_occurrence_past_the_last_says_how_many_there_are(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    result = briefing(
        "claim", "add", "1", "--quote", "Taliban", "--occurrence", "99", library=library
    )
    assert result.returncode == 1
    assert "occurrence 99 is past the last" in result.stderr
    assert "times in source 1" in result.stderr
