"""How long importing a REFI-QDA project takes, against adding the same records directly.

    python benchmarks/qdpx_import_speed.py [--sources 200] [--selections 50] [--runs 3]

The project is NVivo-style (a `Sources/` folder, CRLF text with a byte-order mark, so every
position is remapped) with --sources texts of about 12 KB and --selections coded selections
each (every fifth one with positions off, re-anchored by its name), five codes under two
parents. The baseline stores the same texts and claims (already at their stored offsets, with
the same tags) with `lib.sources.add` and `lib.claims.add` in one transaction: the cost of the
records themselves. The ratio is what reading, checking and mapping the project adds. Prints
the median wall time of --runs runs of each, interleaved.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.qdpx.reader import import_project
from briefing_app.core.text.anchors import normalise_text
from tests.core.qdpx.projects import Code, Sel, Src, write_project

WORDS = [
    "officials",
    "said",
    "workers",
    "killed",
    "province",
    "embassy",
    "called",
    "protect",
    "citizens",
    "administration",
    "denied",
    "attack",
    "border",
    "police",
    "reported",
    "statement",
    "ministry",
    "confirmed",
    "casualties",
    "district",
]
CODES = ["Khatlon", "Dushanbe", "Fear", "Anger", "casualties"]


def article(rng: random.Random, n: int) -> str:
    """Return a synthetic article of about 12 KB, CRLF line ends, with a unique first line."""
    lines = [f"Report {n}"]
    for _ in range(120):
        lines.append(" ".join(rng.choice(WORDS) for _ in range(14)) + ".")
    return "\r\n".join(lines) + "\r\n"


def build(folder: Path, sources: int, selections: int) -> tuple[Path, list[tuple[str, list]]]:
    """Write the project; return it and, per source, its text and (start, end, code) spans."""
    rng = random.Random(7)
    srcs, plain = [], []
    for n in range(sources):
        text = article(rng, n)
        lines = text.split("\r\n")
        sels, spans = [], []
        at = 0
        for i, line in enumerate(lines[1 : selections + 1], 1):
            at = text.index(line, at)
            start, end = at, at + len(line)
            shift = 3 if i % 5 == 0 else 0
            code = CODES[i % len(CODES)]
            sels.append(Sel(start + shift, end + shift, name=line, codes=[code], label=f"{n}:{i}"))
            spans.append((start, end, code))
            at = end
        srcs.append(Src(f"Interview {n}", text, sels, bom=True, path="folder"))
        plain.append((text, spans))
    codes = [
        Code("Places", [Code("Khatlon"), Code("Dushanbe")], codable=False),
        Code("Emotions", [Code("Fear"), Code("Anger")], codable=False),
        Code("casualties"),
    ]
    path = write_project(folder / "bench.qdpx", srcs, codes=codes, folder="Sources")
    return path, plain


def direct(lib: Library, plain: list[tuple[str, list]]) -> None:
    """Store the same sources and claims through the core operations, in one transaction."""
    tag_of = {
        "Khatlon": "place:Khatlon",
        "Dushanbe": "place:Dushanbe",
        "Fear": "topic:Emotions / Fear",
        "Anger": "topic:Emotions / Anger",
        "casualties": "topic:casualties",
    }
    with lib.write():
        for n, (text, spans) in enumerate(plain):
            stored = normalise_text(text)
            source = lib.sources.add(ExtractedDocument(title=f"Interview {n}", text=stored))
            for start, end, code in spans:
                quote = text[start:end]
                begin = stored.index(quote)
                lib.claims.add(source.id, start=begin, end=begin + len(quote), tags=[tag_of[code]])


def measure(
    runs: int,
    paired: Callable[[int, Callable[[], object], Callable[[], object]], tuple[float, float]],
    sources: int = 200,
    selections: int = 50,
) -> dict[str, float]:
    """Return the median times of the import and of the direct adds (paired runs), and sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, plain = build(folder, sources, selections)
        count = iter(range(10**6))

        def fresh() -> Library:
            return Library.open(folder / f"lib{next(count)}.sqlite", backup=False)

        def ours() -> None:
            with fresh() as lib:
                import_project(lib, path)

        def baseline() -> None:
            with fresh() as lib:
                direct(lib, plain)

        ours_s, baseline_s = paired(runs, ours, baseline)
    return {"ours": ours_s, "baseline": baseline_s, "claims": sources * selections}


def main() -> None:
    """Build the project, time both ways, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--selections", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, plain = build(folder, args.sources, args.selections)
        size = path.stat().st_size
        times: dict[str, list[float]] = {"qdpx import": [], "direct adds": []}
        for run in range(args.runs):
            for label in times:
                target = folder / f"{label.replace(' ', '-')}-{run}.sqlite"
                with Library.open(target, backup=False) as lib:
                    began = time.perf_counter()
                    if label == "qdpx import":
                        report = import_project(lib, path)
                        assert report.kept["claims"] == args.sources * args.selections, report
                    else:
                        direct(lib, plain)
                    times[label].append(time.perf_counter() - began)
        claims = args.sources * args.selections
        print(f"project: {args.sources} sources, {claims} selections, {size // 1024} KB")
        medians = {k: statistics.median(v) for k, v in times.items()}
        for label, median in medians.items():
            print(f"{label:12} {median:7.2f} s   {claims / median:8.0f} claims/s")
        print(f"ratio qdpx/direct: {medians['qdpx import'] / medians['direct adds']:.2f}")


if __name__ == "__main__":
    main()
