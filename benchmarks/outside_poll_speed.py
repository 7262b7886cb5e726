"""The window's poll for other processes' commits, on the 10k library: commit log against markers.

    python benchmarks/outside_poll_speed.py [--library /tmp/speedlib/lib10k.sqlite] [--runs 21]

On a copy of the library (10,000 sources, 100,000 claims) open three times: the window's
library, another process's (`other`) and a background task of the window's (`task`, opened
under the window's writer, as gui/tasks.py opens it). Each figure pairs the poll of today's
`OutsideChanges` (the commit log, core/storage/outside_changes.py) with the poll of the
watcher it replaced (cheap markers of the big tables, fingerprints of the small ones;
benchmarks/marker_poll.py), runs alternating; only the poll is timed, not the commit before it:

- idle: nothing committed since the last poll (both: one `PRAGMA data_version`);
- after another process's commit (a claim's party changed by `other`);
- after the window's own task's commit (the same through `task`): the old watcher reports it
  again, the log skips it;
- the starting point (making the watcher), which the window takes as it opens the library;
- one write (`claims.update`) with its commit-log row against the same write with the row
  left out: what logging costs every write.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from marker_poll import OutsideChanges as MarkerWatcher
from timing import paired_own_medians, timed

from briefing_app.core.changes import Changes
from briefing_app.core.library import Library
from briefing_app.core.storage import commit_log
from briefing_app.core.storage.outside_changes import OutsideChanges

DEFAULT_LIBRARY = Path("/tmp/speedlib/lib10k.sqlite")


def copy_library(library: Path, target: Path) -> Path:
    """Copy library to target through SQLite (it may be open elsewhere)."""
    source = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        source.close()
        dest.close()
    return target


def measure(library: Path, work: Path, runs: int) -> dict[str, float]:
    """Return median seconds per poll and per write, ours and the baseline's, by case."""
    copy = copy_library(library, work / "outside_poll.sqlite")
    window = Library.open(copy, backup=False)  # brought up to the current schema here
    other = Library.open(copy, backup=False)
    task = Library.open(copy, backup=False, writer=window.writer)
    claim_ids = [int(r[0]) for r in window.conn.execute("SELECT id FROM claims LIMIT 200")]
    turn = iter(range(10**9))

    def edit(lib: Library) -> None:
        n = next(turn)
        lib.claims.update(claim_ids[n % len(claim_ids)], party=f"party {n}")

    ours = OutsideChanges(window)
    old = MarkerWatcher(window)

    def after(commit: Callable[[], None], poll: Callable[[], object]) -> Callable[[], float]:
        def run() -> float:
            commit()
            return timed(poll)

        return run

    def nothing() -> None:
        pass

    found: dict[str, float] = {"claims": float(window.claims.count())}
    cases = {
        "idle": nothing,
        "other": lambda: edit(other),
        "own": lambda: edit(task),
    }
    for name, commit in cases.items():
        a, b = paired_own_medians(runs, after(commit, ours.poll), after(commit, old.poll))
        found[f"{name}_ours"], found[f"{name}_baseline"] = a, b
    # Ours must say nothing of the task's commit; the old watcher named the claim again.
    edit(task)
    found["own_reported_ours"] = float(len(ours.poll().claims))
    found["own_reported_baseline"] = float(len(old.poll().claims))
    a, b = paired_own_medians(
        max(3, runs // 4),
        lambda: timed(lambda: OutsideChanges(window)),
        lambda: timed(lambda: MarkerWatcher(window)),
    )
    found["start_ours"], found["start_baseline"] = a, b

    # The same write with and without its log row: one switch, the same Python either way.
    logging = [True]

    def record_if_logging(conn: sqlite3.Connection, writer: str, changes: Changes) -> None:
        if logging[0]:
            commit_log.record(conn, writer, changes)

    def write(logged: bool) -> float:
        logging[0] = logged
        return timed(lambda: edit(window))

    with mock.patch("briefing_app.core.library.record", record_if_logging):
        a, b = paired_own_medians(runs, lambda: write(True), lambda: write(False))
    found["write_ours"], found["write_baseline"] = a, b
    for lib in (task, other, window):
        lib.close()
    return found


def main() -> None:
    """Print each case's medians and ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=DEFAULT_LIBRARY)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-outside-") as tmp:
        m = measure(args.library, Path(tmp), args.runs)
    print(f"{m['claims']:,.0f} claims; medians of {args.runs} runs, ms (ours / old = ratio)")
    for name, label in (
        ("idle", "poll, nothing committed"),
        ("other", "poll after another process's commit"),
        ("own", "poll after the window's own task's commit"),
        ("start", "starting point (watcher made)"),
        ("write", "claims.update (log row / no row)"),
    ):
        a, b = m[f"{name}_ours"] * 1000, m[f"{name}_baseline"] * 1000
        print(f"{label:45} {a:9.3f} {b:9.3f} {a / b:7.2f}")
    print(
        "claims reported again after the window's own commit: "
        f"ours {m['own_reported_ours']:.0f}, old {m['own_reported_baseline']:.0f}"
    )


if __name__ == "__main__":
    main()
