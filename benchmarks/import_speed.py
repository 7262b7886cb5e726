"""Folder import: files per second reading in one process against one per core.

    python benchmarks/import_speed.py [FOLDER] [--workers N] [--repeat 2]

Imports FOLDER (default ../shared/corpus/dev, 130 saved news pages) into a fresh library once
with the single-process importer and once with extraction spread over N processes (N - 1
workers plus the parent, which reads from the end of the queue while it waits and alone writes
the library), and prints both throughputs and their ratio. Issue 19 asks for >= 1.6x on
a 2-core machine; the machine's other load shows in the numbers, so each mode runs --repeat
times and the best run counts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing_app.core.importers.batch import default_workers, import_paths
from briefing_app.core.library import Library

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def timed_import(folder: Path, workers: int) -> tuple[float, int, str]:
    """Import folder into a new library with this many workers; return (seconds, files, line)."""
    with tempfile.TemporaryDirectory() as scratch:
        lib = Library.open(Path(scratch) / "library.sqlite")
        try:
            started = time.perf_counter()
            summary = import_paths(lib, [folder], workers=workers)
            elapsed = time.perf_counter() - started
        finally:
            lib.close()
    return elapsed, len(summary.outcomes), summary.line()


def main() -> int:
    """Run both modes and print files per second and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    best: dict[int, float] = {}
    for _ in range(args.repeat):
        for workers in (1, args.workers):
            seconds, files, line = timed_import(args.folder, workers)
            best[workers] = min(best.get(workers, seconds), seconds)
            print(f"workers={workers}: {seconds:6.2f} s, {files / seconds:5.1f} files/s ({line})")
    ratio = best[1] / best[args.workers]
    print(f"best: 1 process {best[1]:.2f} s, {args.workers} processes {best[args.workers]:.2f} s")
    print(f"ratio {ratio:.2f}x (target >= 1.6x on 2 cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
