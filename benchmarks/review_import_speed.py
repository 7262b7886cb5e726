"""How long importing a Word review copy takes, now that it exports the note a second time.

    python benchmarks/review_import_speed.py [--runs N]

The import reads the reviewer's copy, stores its comments and edits, then exports a fresh copy
of the note to find text typed with Track Changes off. Baseline, in the same run: exporting
the review copy of the same note (what the analyst waited for when sending it). Target: the
import at most 2x that export. Each import runs on a fresh copy of the library (a second
import of the same copy adds nothing and skips the comparison); copying is outside the clock.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import export_speed

from briefing_app.core.library import Library
from briefing_app.core.review.word_copy import export_review_copy, import_review_copy

TARGET = 2.0


@dataclass
class Measured:
    """Median seconds of the import and of the baseline export, and what the import found."""

    imported: float
    exported: float
    untracked: int


def measure(work: Path, runs: int) -> Measured:
    """Time import_review_copy of the 300-claim note's copy against export_review_copy of it."""
    lib, note_id = export_speed.build_library(
        work / "review.sqlite", claims=300, paragraphs=50, per_para=6
    )
    copy = export_review_copy(lib, note_id, work / "copy.docx")
    lib.close()
    pristine = work / "review.sqlite"

    def import_once(run: int) -> tuple[float, int]:
        target = work / f"import-{run}.sqlite"
        shutil.copyfile(pristine, target)
        fresh = Library.open(target, backup=False)
        try:
            start = time.perf_counter()
            result = import_review_copy(fresh, copy)
            # getattr: the same script times a tree from before the comparison existed.
            return time.perf_counter() - start, len(getattr(result, "untracked", []))
        finally:
            fresh.close()
            target.unlink()

    def export_once() -> float:
        opened = Library.open(pristine, backup=False)
        try:
            start = time.perf_counter()
            export_review_copy(opened, note_id, work / "again.docx")
            return time.perf_counter() - start
        finally:
            opened.close()

    # One warm-up each, then alternating, so both run under the same load.
    import_once(-1)
    export_once()
    imports, exports, untracked = [], [], 0
    for run in range(runs):
        seconds, untracked = import_once(run)
        imports.append(seconds)
        exports.append(export_once())
    return Measured(statistics.median(imports), statistics.median(exports), untracked)


def main() -> None:
    """Print the import's and the export's medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-review-bench-") as tmp:
        m = measure(Path(tmp), args.runs)
    ratio = m.imported / m.exported
    print(f"review-copy export (baseline): {m.exported * 1000:.0f} ms")
    print(f"review-copy import:            {m.imported * 1000:.0f} ms ({m.untracked} untracked)")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'met' if ratio <= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
