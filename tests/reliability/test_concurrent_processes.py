"""Processes sharing one library never crash each other (issue 22 §1).

Two writers and a reader, with the on-open backup looking for due backups on every open and
the app-like writer making backups as it goes: no process dies by a signal (SIGBUS when
another process rebuilt the shared-memory index under it), none gets SQLite's "locking
protocol" error, every write a process was told was committed is stored, and the file is sound.
"""

from __future__ import annotations

from pathlib import Path

from tests.reliability.many_processes import run_scenario

WRITES = 500
SECONDS = 40


def test_two_writers_and_a_reader_with_backups_due_neither_crash_nor_lose_writes(
    library_path: Path,
) -> None:
    tally = run_scenario(library_path, writes=WRITES, seconds=SECONDS)
    assert not tally.deaths, tally.report()
    assert not tally.errors, tally.report()
    assert tally.integrity == "ok", tally.report()
    assert not tally.lost(), tally.report()
    # Every write was done (none cut short by the time limit) and each is stored once.
    assert len(tally.acknowledged) == 2 * WRITES, tally.report()
    assert tally.stored == tally.acknowledged, tally.report()
    assert tally.reads == WRITES, tally.report()
