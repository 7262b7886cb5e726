"""Ctrl+C in the middle of a folder import, in a real process group as a terminal sends it."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library

if not hasattr(os, "killpg"):
    pytest.skip("a terminal's Ctrl+C to a process group is POSIX", allow_module_level=True)

FILES = 2000


def source_count(library: Path) -> int:
    """Count the sources a reader sees while the import writes (WAL: readers never wait)."""
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM sources").fetchone()[0])
    finally:
        conn.close()


def test_ctrl_c_stops_a_folder_import_between_files_and_says_what_came_in(
    tmp_path: Path,
) -> None:
    library = tmp_path / "library.sqlite"
    with Library.open(library) as lib:
        build_demo(lib)
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"r{n:04}.txt").write_text(
            f"Report {n}\n\nThe governor said district {n} was calm.\n", encoding="utf-8"
        )
    env = {**os.environ, "BRIEFING_LIBRARY": ""}
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--library", str(library), "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group: the workers hear Ctrl+C too
        # A shell running tests in the background ignores SIGINT, and children inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 120
        while source_count(library) < 2 and child.poll() is None:
            assert time.monotonic() < deadline, "the import never stored a file"
            time.sleep(0.02)  # polling the library: the only sign the import has begun
        os.killpg(child.pid, signal.SIGINT)
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()

    assert child.returncode == 130
    assert err.splitlines() == ["briefing: interrupted"]  # no worker's traceback
    summary = out.splitlines()[-1]
    found = re.fullmatch(r"(\d+) imported, 0 duplicate, 0 failed \(cancelled\)", summary)
    assert found, summary
    imported = int(found[1])
    assert 0 < imported < FILES
    assert len([line for line in out.splitlines() if line.startswith("imported ")]) == imported
    assert source_count(library) == 1 + imported
    with Library.open(library, backup=False) as lib:
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
