"""How long a review package import and a batch import of a folder take.

    python benchmarks/pack_speed.py [--sources 50] [--files 200] [--runs 3]

Pack: a note citing every claim of --sources synthetic sources (10 claims each, see
make_library.py) with 5 comments per source, exported once, then imported into a fresh library
(everything new) and into the library it came from (everything reused). Batch: --files Markdown
files of 3-8 KB imported from one folder. Prints the median wall and CPU time of --runs runs
of each (the first run also pays for what the import loads on first use, such as sqlite-utils).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import make_library

from briefing_app.core.importers.batch import import_paths
from briefing_app.core.library import Library
from briefing_app.core.review.packs import export_pack, import_pack


def make_pack(folder: Path, sources: int) -> tuple[Path, Path]:
    """Build a library of sources and a note citing all their claims; return (library, pack)."""
    library = folder / "sender.sqlite"
    make_library.build(library, sources)
    with Library.open(library, backup=False) as lib:
        keys = [c.key for c in lib.claims.all()]
        body = " ".join(f"Point {i} [@{k}]." for i, k in enumerate(keys))
        note = lib.notes.create(
            "Everything", "briefing-note", [("summary", "Summary")], bodies={"summary": body}
        )
        for n in range(sources * 5):
            lib.comments.add(note.id, "summary", f"Comment {n}", author="Reviewer")
        pack = export_pack(lib, note.id, folder / "all.briefpack")
    return library, pack


def make_files(folder: Path, files: int) -> Path:
    """Write files Markdown articles into folder/in; return that folder."""
    rng = random.Random(7)
    target = folder / "in"
    target.mkdir()
    for number in range(files):
        title, text, _spans = make_library.article(rng, number)
        (target / f"{number:04}.md").write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    return target


def timed(
    runs: int, setup: Callable[[int], Library], work: Callable[[Library], object]
) -> tuple[float, float]:
    """Return the median (wall, CPU) seconds of work(lib) over runs, on a fresh lib each run.

    CPU time is the steadier figure on a machine shared with other work.
    """
    wall, cpu = [], []
    for run in range(runs):
        lib = setup(run)
        try:
            start, start_cpu = time.perf_counter(), time.process_time()
            work(lib)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        finally:
            lib.close()
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> None:
    """Measure and print pack and batch import times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sender, pack = make_pack(folder, args.sources)
        inbox = make_files(folder, args.files)

        def fresh(run: int) -> Library:
            return Library.open(folder / f"fresh-{run}.sqlite", backup=False)

        def same(_run: int) -> Library:
            return Library.open(sender, backup=False)

        new = timed(args.runs, fresh, lambda lib: import_pack(lib, pack))
        again = timed(args.runs, same, lambda lib: import_pack(lib, pack))
        batch = timed(
            args.runs,
            lambda run: Library.open(folder / f"batch-{run}.sqlite", backup=False),
            lambda lib: import_paths(lib, [inbox]),
        )
    claims = args.sources * make_library.CLAIMS_PER_SOURCE
    comments = args.sources * 5
    for label, (wall, cpu) in (
        (f"pack import, all new ({claims} claims, {comments} comments)", new),
        ("pack import, all reused", again),
        (f"batch import of {args.files} Markdown files", batch),
    ):
        print(f"{label}: {wall:.3f} s wall, {cpu:.3f} s CPU")


if __name__ == "__main__":
    main()
