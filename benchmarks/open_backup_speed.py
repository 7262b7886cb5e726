"""What the on-open backup costs at start-up, and what the GUI saves by making it in a worker.

    python benchmarks/make_library.py 10000 --out /tmp/bench.sqlite
    python benchmarks/open_backup_speed.py /tmp/bench.sqlite

Baseline: `Library.open(path, backup=False)` (what the GUI does). Compared with it, in the same
run: `Library.open(path)` when a backup is due (the old start-up path) and `backup_if_due(path)`
alone (the work the GUI's worker thread does after the window shows). Backups made here go to a
scratch copy's folder, never the library's own.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefing_app.core.library import Library
from briefing_app.core.storage.backup import backup_dir, backup_if_due

RUNS = 5


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main(source: Path) -> None:
    """Print median times and ratios to the backup-free open."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / source.name
        shutil.copy2(source, path)

        def fresh() -> None:
            shutil.rmtree(backup_dir(path), ignore_errors=True)

        def open_close(backup: bool) -> None:
            Library.open(path, backup=backup).close()

        plain, with_backup, worker = [], [], []
        for _ in range(RUNS):
            plain.append(_timed(lambda: open_close(False)))
            fresh()
            with_backup.append(_timed(lambda: open_close(True)))
            fresh()
            worker.append(_timed(lambda: backup_if_due(path)))
        base = statistics.median(plain)
        print(f"library: {source} ({source.stat().st_size / 1e6:.0f} MB), median of {RUNS}")
        for name, times in (
            ("open, backup=False (GUI start-up)", plain),
            ("open, backup due (old start-up)", with_backup),
            ("backup_if_due (GUI worker thread)", worker),
        ):
            median = statistics.median(times)
            print(f"{name:38} {median * 1000:8.1f} ms  {median / base:6.1f} x")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
