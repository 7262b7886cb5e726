"""Processes sharing one library for minutes: deaths, errors, acknowledged and stored writes.

    python benchmarks/concurrency.py [--minutes 3]

The scenario of tests/reliability/test_concurrent_processes.py (issue 22 §1), run for longer:
a writer opening the library per claim as `briefing claim add` does (the on-open backup looks
for due backups each time), a writer keeping it open and making a backup every 20 claims as the
app does, and a reader counting claims as `briefing claim list` does. A child that dies is
counted and started again. Expected: no deaths, no errors, every acknowledged write stored,
integrity ok.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.many_processes import run_scenario

# More than any run can reach: the time limit ends it.
UNLIMITED = 10**9


def main() -> int:
    """Run the scenario and print its tally; exit 1 if anything went wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="how long to run (3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        started = time.monotonic()
        tally = run_scenario(
            Path(scratch) / "library.sqlite", writes=UNLIMITED, seconds=args.minutes * 60
        )
        elapsed = time.monotonic() - started
    print(f"ran {elapsed:.0f} s: two writers and a reader on one library, backups due")
    print(tally.report())
    sound = not tally.deaths and not tally.errors and not tally.lost()
    return 0 if sound and tally.integrity == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
