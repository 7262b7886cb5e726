"""SQLite refusing a write is one line saying what to do, never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.library import Library
from tests.cli.runner import briefing
from tests.core.storage.test_disk_full import REPORT, fill_up


def test_the_command_line_says_so_without_a_traceback(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library.open(library_path).close()
    opened = Library.open

    def open_full(*args: object, **kwargs: object) -> Library:
        lib = opened(*args, **kwargs)  # type: ignore[arg-type]
        fill_up(lib)
        return lib

    monkeypatch.setattr(Library, "open", open_full)
    report = tmp_path / "report.md"
    report.write_text(REPORT.text, encoding="utf-8")
    result = briefing("import", str(report), library=library_path)
    assert result.returncode == 1
    assert f"failed    {report}: the disk is full" in result.stdout + result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_an_empty_file_named_as_the_library_is_refused_and_left_empty(tmp_path: Path) -> None:
    """A read made it a new empty library: a library truncated by a failed copy looked empty."""
    empty = tmp_path / "library.sqlite"
    empty.touch()

    result = briefing("sources", library=empty)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Error: {empty}: the file is empty, not a Briefing library"
    ]
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite"]
