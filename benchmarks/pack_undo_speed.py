"""How long undoing and redoing a whole review-package import takes, against the import itself.

    python benchmarks/pack_undo_speed.py [--sources 50] [--runs 3] [--into LIBRARY]

Builds pack_speed's package (a note citing every claim of --sources synthetic sources, 10 claims
and 5 comments each), imports it once into a fresh library (or into a copy of --into, such as
/tmp/speedlib/lib10k.sqlite: the undo's checks then run against 100,000 claims), then times
`undo_pack_import` and `redo_pack_import` --runs times each, alternating, on the same library.
The baseline is the import that made the records, measured in the same run: undo and redo
should cost a fraction of it. A detail: the import's time with its row journal against the same
import without it (a fresh library each, alternating), the price of having an undo at all;
measured first, so the baseline import does not pay for what loads on first use. Times are CPU
seconds of this process (all of SQLite's work runs in it), steadier than wall time on a
machine shared with other work. Prints medians.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from pack_speed import make_pack  # noqa: E402

from briefing_app.core.library import Library  # noqa: E402
from briefing_app.core.review import merge  # noqa: E402
from briefing_app.core.review.pack_undo import redo_pack_import, undo_pack_import  # noqa: E402
from briefing_app.core.review.packs import import_pack  # noqa: E402
from briefing_app.core.storage.row_journal import Journal  # noqa: E402


@contextlib.contextmanager
def _no_journal(_conn: object) -> Iterator[Journal]:
    yield Journal()


def measure(runs: int, sources: int = 50, into: Path | None = None) -> dict[str, float]:
    """Return the import's time, the median undo and redo times, and the journal's cost."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _sender, pack = make_pack(folder, sources)
        journaled, bare = _journal_cost(folder, pack, runs)
        target = folder / "target.sqlite"
        if into is not None:
            shutil.copyfile(into, target)
        with Library.open(target, backup=False) as lib:
            began = time.process_time()
            imported = import_pack(lib, pack).imported
            took = time.process_time() - began
            rows = len(imported.states)
            undo: list[float] = []
            redo: list[float] = []
            for _ in range(runs):
                began = time.process_time()
                undone = undo_pack_import(lib, imported)
                undo.append(time.process_time() - began)
                began = time.process_time()
                imported = redo_pack_import(lib, undone)
                redo.append(time.process_time() - began)
    return {
        "import": took,
        "undo": statistics.median(undo),
        "redo": statistics.median(redo),
        "rows": rows,
        "journaled": journaled,
        "bare": bare,
    }


def _journal_cost(folder: Path, pack: Path, runs: int) -> tuple[float, float]:
    """Return the median import time into a fresh library with the journal and without it."""
    times: dict[bool, list[float]] = {True: [], False: []}
    for run in range(runs):
        for journaled in (True, False):
            path = folder / f"fresh-{run}-{journaled}.sqlite"
            with Library.open(path, backup=False) as lib:
                held = merge.journal
                if not journaled:
                    merge.journal = _no_journal  # type: ignore[assignment]
                try:
                    began = time.process_time()
                    import_pack(lib, pack)
                    times[journaled].append(time.process_time() - began)
                finally:
                    merge.journal = held
    return statistics.median(times[True]), statistics.median(times[False])


def main() -> None:
    """Build the package, import it, time undo and redo, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--into", type=Path, default=None)
    args = parser.parse_args()
    m = measure(args.runs, args.sources, args.into)
    where = args.into.name if args.into else "a fresh library"
    print(f"package: {args.sources} sources into {where}; {m['rows']:.0f} rows added or changed")
    for label in ("import", "undo", "redo"):
        print(f"{label:7} {m[label]:6.3f} s   ratio to import {m[label] / m['import']:.2f}")
    print(
        f"journal: import {m['journaled']:.3f} s with it, {m['bare']:.3f} s without "
        f"(ratio {m['journaled'] / m['bare']:.2f})"
    )


if __name__ == "__main__":
    main()
