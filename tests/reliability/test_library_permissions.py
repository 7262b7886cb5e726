"""A library that cannot be written still reads; writing to it is one line saying what to do.

Permissions do not bind root, so as root the command runs without the capabilities that let it
ignore them (setpriv), as an analyst's own process would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library

AS_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
if os.geteuid() == 0 and shutil.which("setpriv") is None:
    pytest.skip("root without setpriv cannot be held to file permissions", allow_module_level=True)


def briefing(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `briefing --library LIBRARY ARGS` as a process bound by file permissions."""
    prefix = AS_USER if os.geteuid() == 0 else []
    env = {**os.environ, "BRIEFING_LIBRARY": "", "BRIEFING_BUSY_TIMEOUT_MS": "500"}
    command = [*prefix, sys.executable, "-m", "briefing_app", "--library", str(library), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def demo_library(tmp_path: Path) -> Path:
    """The demo in a closed library file, alone in its folder."""
    path = tmp_path / "shelf" / "library.sqlite"
    path.parent.mkdir()
    with Library.open(path) as lib:
        build_demo(lib)
    return path


def assert_reads_but_refuses_writes(library: Path, reason: str) -> None:
    """Reading commands work; a write is refused in one line naming reason; nothing changes."""
    before = library.read_bytes()
    claims = briefing(library, "claims")
    assert claims.returncode == 0, claims.stderr
    assert "Khatlon" in briefing(library, "note", "show", "1").stdout

    added = briefing(library, "claim", "add", "1", "--quote", "Chinese")
    assert added.returncode == 1
    assert added.stderr.strip().splitlines() == [
        f"Error: {reason}; make it writable to change anything"
    ]
    assert library.read_bytes() == before


def test_a_read_only_library_file_reads_and_refuses_writes_in_one_line(
    demo_library: Path,
) -> None:
    demo_library.chmod(0o444)
    assert_reads_but_refuses_writes(demo_library, f"{demo_library}: the library file is read-only")


def test_a_library_in_a_folder_without_write_permission_reads_and_refuses_writes(
    demo_library: Path,
) -> None:
    folder = demo_library.parent
    folder.chmod(0o555)
    try:
        assert_reads_but_refuses_writes(
            demo_library, f"{folder}: the library's folder is not writable"
        )
        assert [p.name for p in folder.iterdir()] == ["library.sqlite"]
        # A command that makes a library (claim add no longer does: it needs a source).
        made = briefing(
            folder / "new.sqlite", "note", "new", "--template", "sitrep", "--title", "x"
        )
        assert made.returncode == 1
        assert made.stderr.strip().splitlines() == [
            f"Error: {folder}: the library's folder is not writable; no library can be made there"
        ]
    finally:
        folder.chmod(0o755)


def test_a_backup_is_not_restored_over_a_read_only_library(demo_library: Path) -> None:
    """A restore renames a new file over the library: a read-only one would become writable."""
    made = briefing(demo_library, "backup", "make")
    assert made.returncode == 0, made.stderr
    backups = sorted((demo_library.parent / "backups").iterdir())
    demo_library.chmod(0o444)
    before = demo_library.read_bytes()

    restored = briefing(demo_library, "backup", "restore", "1", "--yes")

    assert restored.returncode == 1
    assert restored.stderr.strip().splitlines() == [
        f"Error: {demo_library}: the library file is read-only; make it writable to restore "
        "a backup"
    ]
    assert demo_library.read_bytes() == before
    assert demo_library.stat().st_mode & 0o777 == 0o444
    assert sorted((demo_library.parent / "backups").iterdir()) == backups  # no safety copy


def test_an_import_into_a_read_only_library_is_one_line_not_one_per_file(
    demo_library: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(3):
        (folder / f"r{n}.txt").write_text(f"Report {n}: the district was calm.\n", encoding="utf-8")
    demo_library.chmod(0o444)
    before = demo_library.read_bytes()

    result = briefing(demo_library, "import", str(folder))

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {demo_library}: the library file is read-only; make it writable to change anything"
    ]
    assert demo_library.read_bytes() == before
