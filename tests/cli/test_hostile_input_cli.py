"""Hostile input on the command line (issue 22 §4): a message saying what is wrong, one line,
never "internal error"."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing_app.core.library import Library
from tests.cli.runner import briefing
from tests.reliability.hostile_packs import forge, repack, sample_pack, stored
from tests.reliability.test_hostile_packs import MALFORMED


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "receiver.sqlite"
    Library.open(path, backup=False).close()
    return path


def dump(path: Path) -> list[str]:
    lib = Library.open(path, create=False, backup=False)
    try:
        return list(lib.conn.iterdump())
    finally:
        lib.close()


@pytest.mark.parametrize(
    "case",
    ["manifest-is-a-list", "credibility-abc", "sections-a-string", "huge-claim-key", "nan-in-json"],
)
def test_pack_import_of_a_malformed_package_says_what_is_wrong_in_one_line(
    library: Path, tmp_path: Path, case: str
) -> None:
    change, words = MALFORMED[case]
    pack = forge(sample_pack(), tmp_path / f"{case}.briefpack", change)
    before = dump(library)
    result = briefing("pack", "import", str(pack), library=library)
    assert result.returncode == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {pack.name}: ")
    assert all(word in lines[0] for word in words), lines[0]
    assert dump(library) == before


def test_pack_import_of_an_encrypted_package_says_so(library: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(sample_pack()) as zf:
        entry = stored("note.json", zf.read("note.json"), flags=0x1)
    pack = repack(sample_pack(), tmp_path / "locked.briefpack", {"note.json": entry})
    result = briefing("pack", "import", str(pack), library=library)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {pack.name}: note.json is encrypted; ask the sender to export it again"
    ]


@pytest.mark.parametrize("limit", [str(2**63), str(2**64), "9" * 40])
def test_search_limit_beyond_what_sqlite_counts_is_a_usage_error(library: Path, limit: str) -> None:
    result = briefing("search", "attack", "--limit", limit, library=library)
    assert result.returncode == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "--limit" in errors[0], result.stderr
    assert result.stderr.splitlines() == errors  # no usage block around it


def test_search_limit_at_the_largest_count_still_searches(library: Path) -> None:
    result = briefing("search", "attack", "--limit", str(2**63 - 1), library=library)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "No matches."
