"""Export targets the analyst did not mean to lose: read-only memos, packages of failed exports."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library
from tests.cli.runner import Result, briefing


@pytest.fixture
def demo_library(library_path: Path) -> Path:
    """A library holding the demo note (id 1)."""
    with Library.open(library_path) as lib:
        build_demo(lib)
    return library_path


def run(library: Path, *args: str) -> Result:
    """Run `briefing --library LIBRARY ARGS`."""
    return briefing(*args, library=library)


@pytest.mark.parametrize(
    ("command", "name"), [(["export"], "memo.md"), (["review", "export"], "copy.docx")]
)
def test_export_over_a_read_only_file_refuses_without_force_and_keeps_it_read_only_with(
    demo_library: Path, tmp_path: Path, command: list[str], name: str
) -> None:
    memo = tmp_path / name
    memo.write_text("the signed-off version", encoding="utf-8")
    memo.chmod(0o444)

    refused = run(demo_library, *command, "1", "-o", str(memo))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"Error: {memo}: the file is read-only; not replaced (--force replaces it)"
    ]
    assert memo.read_text(encoding="utf-8") == "the signed-off version"

    forced = run(demo_library, *command, "1", "-o", str(memo), "--force")
    assert forced.returncode == 0, forced.stderr
    assert memo.read_bytes() != b"the signed-off version" and memo.stat().st_size > 100
    assert stat.S_IMODE(memo.stat().st_mode) == 0o444


def test_a_pack_export_that_reports_an_error_leaves_no_package(
    demo_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_BUSY_TIMEOUT_MS", "100")
    package = tmp_path / "note.briefpack"
    other = sqlite3.connect(demo_library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing for longer than we wait
    try:
        result = run(demo_library, "pack", "export", "1", "-o", str(package))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 1
    assert "busy" in result.stderr
    assert list(tmp_path.glob("*.briefpack")) == []
    # Once the library is free, the same command writes it.
    assert run(demo_library, "pack", "export", "1", "-o", str(package)).returncode == 0
    assert package.is_file()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "1", "--format", "md"],
        ["claims", "--format", "csv"],
        ["sources", "--format", "ris"],
        ["pack", "export", "1"],
    ],
)
def test_an_export_named_as_the_library_leaves_the_library_whole(
    demo_library: Path, command: list[str]
) -> None:
    result = run(demo_library, *command, "-o", str(demo_library))

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {demo_library}: is a database or a file SQLite keeps beside one (a library, "
        "its log, a backup); nothing is written over it"
    )
    with Library.open(demo_library, create=False, backup=False) as lib:
        assert len(lib.claims.all()) == 10
