"""Full-text search speed: `lib.search.query` against the same FTS5 queries in raw sqlite3.

    python benchmarks/make_library.py 10000 --out /tmp/bench.sqlite
    python benchmarks/bench_search.py /tmp/bench.sqlite

For each query, both are run REPEAT times (after one warm-up) on the same file; the table shows
the medians and their ratio. Targets (issue 9): median <= 20 ms and <= 1.5 x raw sqlite3.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from briefing_app.core.library import Library
from briefing_app.core.records.search import fts_query

QUERIES = [
    "ministry",
    "border guards",
    "evacuated",
    "Khatlon convoy",
    "Dush",
    "gunfire",
    "prices rose",
    "the",
]
LIMIT = 50
REPEAT = 21

RAW_SOURCES = (
    "SELECT s.id, s.title, snippet(sources_fts, 1, '[', ']', '…', 12), f.rank "
    "FROM sources_fts f JOIN sources s ON s.id = f.rowid "
    "WHERE sources_fts MATCH ? ORDER BY f.rank LIMIT ?"
)
RAW_CLAIMS = (
    "SELECT c.id, c.key, coalesce(nullif(snippet(claims_fts, 1, '[', ']', '…', 12), ''), "
    "snippet(claims_fts, 0, '[', ']', '…', 12)), f.rank "
    "FROM claims_fts f JOIN claims c ON c.id = f.rowid "
    "WHERE claims_fts MATCH ? ORDER BY f.rank LIMIT ?"
)


def median_ms(fn: Callable[[], object]) -> float:
    """Return the median wall time of fn in milliseconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    """Print a table of search medians, raw sqlite3 medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    args = parser.parse_args(argv)
    lib = Library.open(args.library, backup=False)
    raw = sqlite3.connect(args.library)
    counts = (lib.sources.count(), lib.claims.count())
    print(f"{args.library}: {counts[0]} sources, {counts[1]} claims; median of {REPEAT} runs\n")
    print(f"{'query':<16} {'hits':>5} {'core ms':>8} {'raw ms':>8} {'ratio':>6}")
    core_all, ratios = [], []
    for text in QUERIES:
        match = fts_query(text)

        def raw_query(match: str = match) -> list[object]:
            return [
                *raw.execute(RAW_SOURCES, (match, LIMIT)).fetchall(),
                *raw.execute(RAW_CLAIMS, (match, LIMIT)).fetchall(),
            ]

        def core_query(text: str = text) -> list[object]:
            return list(lib.search.query(text, limit=LIMIT))

        hits = len(core_query())
        core = median_ms(core_query)
        base = median_ms(raw_query)
        core_all.append(core)
        ratios.append(core / base)
        print(f"{text:<16} {hits:>5} {core:>8.2f} {base:>8.2f} {core / base:>6.2f}")
    print(
        f"\nmedian over queries: core {statistics.median(core_all):.2f} ms, "
        f"ratio {statistics.median(ratios):.2f} (worst {max(ratios):.2f}); "
        "targets: <= 20 ms, <= 1.5"
    )
    raw.close()
    lib.close()


if __name__ == "__main__":
    main()
