"""Two Briefing processes on one library: both work (WAL, busy timeout) or one says it is busy."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.reliability.worker import seed_library

WORKER = Path(__file__).with_name("worker.py")


def briefing(library: Path, *args: str, timeout_ms: int = 5000) -> subprocess.CompletedProcess[str]:
    """Run the `briefing` command line on library in a child process."""
    env = {**os.environ, "BRIEFING_LIBRARY": "", "BRIEFING_BUSY_TIMEOUT_MS": str(timeout_ms)}
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_two_processes_writing_at_once_lose_nothing(library_path: Path) -> None:
    seed_library(library_path)
    writers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), "writer", str(library_path), name, "200"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for writer in writers:  # both have opened the library...
        assert writer.stdout is not None
        assert writer.stdout.readline().startswith("READY")
    for writer in writers:  # ...and now start writing together
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    conn = sqlite3.connect(library_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        statements = {r[0] for r in conn.execute("SELECT statement FROM claims")}
        keys = {r[0] for r in conn.execute("SELECT key FROM claims")}
        counter = conn.execute("SELECT value FROM counters WHERE name = 'claim_key'").fetchone()
    finally:
        conn.close()
    assert statements == {f"{name}-{i}" for name in ("first", "second") for i in range(200)}
    # Claim keys stay unique and gapless across both writers.
    assert keys == {f"C{n}" for n in range(1, 401)}
    assert counter == (400,)


def test_a_write_blocked_by_another_process_says_the_library_is_busy(library_path: Path) -> None:
    seed_library(library_path)
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        result = briefing(library_path, "claim", "add", "1", "--quote", "ministry", timeout_ms=200)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: the library is busy (in use by another Briefing process?)"
    ]
    # Nothing was half-written, and the same command works once the other process is done.
    assert briefing(library_path, "claim", "add", "1", "--quote", "ministry").returncode == 0
    conn = sqlite3.connect(library_path)
    try:
        assert conn.execute("SELECT count(*) FROM claims").fetchone() == (1,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_reading_while_another_process_writes_works(library_path: Path) -> None:
    seed_library(library_path)
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE sources SET title = 'Being renamed'")
    try:
        result = briefing(library_path, "sources", timeout_ms=200)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 0, result.stderr
    assert "Shared" in result.stdout


def test_importing_a_folder_into_a_busy_library_stops_with_one_line(
    library_path: Path, tmp_path: Path
) -> None:
    seed_library(library_path)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(5):
        (folder / f"report{i}.txt").write_text(f"Report {i}: the road was closed.\n", "utf-8")
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = briefing(library_path, "import", str(folder), timeout_ms=100)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: the library is busy (in use by another Briefing process?)"
    ]
