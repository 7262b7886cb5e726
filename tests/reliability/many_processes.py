"""Several processes on one library at once, as when `briefing` commands run beside the app.

Two writers (one opening the library per claim, as the command line does; one keeping it open
and making backups, as the app does) and a reader run worker.py's `cycle` in a loop. A child
that dies is counted and started again until its share is done or the time is up; then the
library is checked. Used by test_concurrent_processes.py and benchmarks/concurrency.py.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.core.storage.backup import make_backup
from tests.reliability.worker import seed_library

WORKER = Path(__file__).with_name("worker.py")
ROLES = (("cli", "first"), ("app", "second"), ("reader", "reader"))


@dataclass
class Tally:
    """What the processes did and what the library holds afterwards."""

    deaths: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    acknowledged: set[str] = field(default_factory=set)
    in_flight: set[str] = field(default_factory=set)
    reads: int = 0
    stored: set[str] = field(default_factory=set)
    integrity: str = ""
    examples: dict[str, str] = field(default_factory=dict)

    def lost(self) -> set[str]:
        """Return the writes a process was told were committed but the library does not hold."""
        return self.acknowledged - self.stored

    def report(self) -> str:
        """Return the tally as a few lines for people."""
        deaths = ", ".join(f"{n} by {sig}" for sig, n in self.deaths.items()) or "none"
        errors = ", ".join(f"{n} {kind}" for kind, n in self.errors.items()) or "none"
        lines = [
            f"deaths by signal:    {sum(self.deaths.values())} ({deaths})",
            f"errors:              {sum(self.errors.values())} ({errors})",
            f"acknowledged writes: {len(self.acknowledged)}",
            f"stored writes:       {len(self.stored)} "
            f"(acknowledged but missing: {len(self.lost())})",
            f"reads:               {self.reads}",
            f"integrity:           {self.integrity}",
        ]
        lines += [f"  e.g. {kind}: {text}" for kind, text in self.examples.items()]
        return "\n".join(lines)


def error_kind(message: str) -> str:
    """Name the kind of an error a child reported, for counting."""
    for words in ("locking protocol", "malformed", "busy", "disk I/O error"):
        if words in message:
            return words
    return message.split(":")[0][:60]


def run_scenario(library: Path, *, writes: int, seconds: float) -> Tally:
    """Run the writers and the reader on a fresh library at path; return the tally.

    Each writer adds `writes` claims (the reader reads as often) unless `seconds` run out first.
    """
    seed_library(library)
    # A backups/ folder makes every later open look for due backups, as a used library does.
    make_backup(library)
    tally = Tally()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=_run_role, args=(library, role, name, writes, deadline, tally, lock)
        )
        for role, name in ROLES
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    conn = sqlite3.connect(library)
    try:
        tally.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tally.stored = {r[0] for r in conn.execute("SELECT statement FROM claims")}
    finally:
        conn.close()
    return tally


def _run_role(
    library: Path,
    role: str,
    name: str,
    writes: int,
    deadline: float,
    tally: Tally,
    lock: threading.Lock,
) -> None:
    """Run one role's child, starting it again after each death, until its share is done."""
    life = 0
    remaining = writes
    while remaining > 0 and time.monotonic() < deadline:
        life += 1
        left = max(0.1, deadline - time.monotonic())
        args = ["cycle", str(library), role, f"{name}.{life}", str(remaining), str(left)]
        child = subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        done = 0
        for line in child.stdout:
            if not line.endswith("\n"):
                break  # cut by the child's death
            kind, _, payload = line.partition(" ")
            data = json.loads(payload)
            with lock:
                done += _record(tally, kind, data)
        _out, err = child.communicate()
        remaining -= done
        with lock:
            if child.returncode < 0:
                sig = signal.Signals(-child.returncode).name
                tally.deaths[sig] += 1
                tally.examples.setdefault(sig, f"{role} child died")
            elif child.returncode != 0:
                last = (err.strip().splitlines() or ["?"])[-1]
                kind = f"exit {child.returncode}: {error_kind(last)}"
                tally.errors[kind] += 1
                tally.examples.setdefault(kind, last)


def _record(tally: Tally, kind: str, data: dict[str, object]) -> int:
    """Count one protocol line; return 1 if it finished an operation."""
    if kind == "BEGIN":
        tally.in_flight.add(str(data["statement"]))
        return 0
    if kind == "OK":
        tally.acknowledged.add(str(data["statement"]))
        tally.in_flight.discard(str(data["statement"]))
        return 1
    if kind == "READ":
        tally.reads += 1
        return 1
    if kind == "ERR":
        message = str(data["message"])
        what = error_kind(message)
        tally.errors[what] += 1
        tally.examples.setdefault(what, f"{data['type']}: {message}")
        return 1
    return 0
