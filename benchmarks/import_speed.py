"""Folder import: files per second reading in one process against one per core.

    python benchmarks/import_speed.py [FOLDER] [--workers N] [--repeat 2]

Imports FOLDER (default ../shared/corpus/dev, 130 saved news pages) into a fresh library once
with the single-process importer and once with extraction spread over N processes (N - 1
workers plus the parent, which reads from the end of the queue while it waits and alone writes
the library), and prints both throughputs and their ratio. Issue 19 asks for >= 1.6x on
a 2-core machine; the machine's other load shows in the numbers, so each mode runs --repeat
times and the best run counts. A third row imports as the window does (responsive=True: N
workers at a lower CPU priority, the parent only writes; benchmarks/import_ui_stall.py
measures what the window's UI thread feels).
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


def timed_import(folder: Path, workers: int, responsive: bool = False) -> tuple[float, int, str]:
    """Import folder into a new library with this many workers; return (seconds, files, line)."""
    with tempfile.TemporaryDirectory() as scratch:
        lib = Library.open(Path(scratch) / "library.sqlite")
        try:
            started = time.perf_counter()
            summary = import_paths(lib, [folder], workers=workers, responsive=responsive)
            elapsed = time.perf_counter() - started
        finally:
            lib.close()
    return elapsed, len(summary.outcomes), summary.line()


def main() -> int:
    """Run the three modes and print files per second and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    modes = {  # name: (workers, responsive)
        "1 process": (1, False),
        f"{args.workers} processes": (args.workers, False),
        "responsive (the window's way)": (args.workers, True),
    }
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for mode, (workers, responsive) in modes.items():
            seconds, files, line = timed_import(args.folder, workers, responsive)
            best[mode] = min(best.get(mode, seconds), seconds)
            print(f"{mode}: {seconds:6.2f} s, {files / seconds:5.1f} files/s ({line})")
    print("best: " + ", ".join(f"{mode} {seconds:.2f} s" for mode, seconds in best.items()))
    single, parallel, window = (best[mode] for mode in modes)
    print(f"ratio {single / parallel:.2f}x (target >= 1.6x on 2 cores)")
    print(f"responsive ratio {single / window:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
