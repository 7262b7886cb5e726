"""How long undoing and redoing a big REFI-QDA import takes, against the import itself.

    python benchmarks/qdpx_undo_speed.py [--sources 200] [--selections 50] [--runs 3]

Builds qdpx_import_speed's NVivo-style project (--sources texts, --selections coded selections
each), imports it once, then times `remove_import` (the undo) and `restore_import` (the redo)
--runs times each, alternating, on the same library. The baseline is the import that made the
records, measured in the same run: undo and redo should cost a fraction of it. Prints medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from qdpx_import_speed import build  # noqa: E402

from briefing_app.core.library import Library  # noqa: E402
from briefing_app.core.qdpx.reader import import_project  # noqa: E402
from briefing_app.core.qdpx.reader_undo import remove_import, restore_import  # noqa: E402


def measure(runs: int, sources: int = 200, selections: int = 50) -> dict[str, float]:
    """Return the import's time and the median times of remove_import and restore_import."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, _ = build(folder, sources, selections)
        with Library.open(folder / "lib.sqlite", backup=False) as lib:
            began = time.perf_counter()
            records = import_project(lib, path).created
            imported = time.perf_counter() - began
            undo: list[float] = []
            redo: list[float] = []
            for _ in range(runs):
                began = time.perf_counter()
                removed = remove_import(lib, records)
                undo.append(time.perf_counter() - began)
                began = time.perf_counter()
                records = restore_import(lib, removed)
                redo.append(time.perf_counter() - began)
            claims = lib.claims.count()
    return {
        "import": imported,
        "undo": statistics.median(undo),
        "redo": statistics.median(redo),
        "claims": claims,
    }


def main() -> None:
    """Build the project, import it, time undo and redo, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--selections", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    m = measure(args.runs, args.sources, args.selections)
    print(f"project: {args.sources} sources, {m['claims']:.0f} claims")
    for label in ("import", "undo", "redo"):
        print(f"{label:7} {m[label]:6.2f} s   ratio to import {m[label] / m['import']:.2f}")


if __name__ == "__main__":
    main()
