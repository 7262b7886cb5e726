"""`briefing timeline --json` over a big library against a bare SQLite query of the same rows.

    python benchmarks/timeline_speed.py LIBRARY [--runs 5]

Ours: the command as a user runs it (click's runner, in this process: a child process would add
the interpreter's start-up to both sides), library opened, rows ordered, printed as JSON.
Baseline: sqlite3 opening the file and running the same SELECT, its rows printed as the same
JSON (same keys and values, checked before timing; every claim of the benchmark library is
dated, so no suggestion is read). A detail figure gives the bare query alone.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import statistics
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from timing import paired_medians, timed

from briefing_app.cli.main import cli
from briefing_app.core.library import Library
from briefing_app.core.records.timeline import timeline_sql

# What `briefing timeline --json` prints of each (dated) claim, in its order.
_KEYS = ("key", "event_date", "event_date_precision", "published", "statement", "party", "kind",
         "source_id", "source_title")  # fmt: skip
_PRECISION = {4: "year", 7: "month", 10: "day", 16: "minute"}


def ours(library: Path) -> str:
    """Run `briefing --library LIBRARY timeline --json`; return what it printed."""
    result = CliRunner().invoke(cli, ["--library", str(library), "timeline", "--json"])
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return result.output


def query(library: Path) -> tuple[str, list[object]]:
    """Return the timeline's SQL and parameters, as core builds them."""
    lib = Library.open(library, backup=False)
    try:
        return timeline_sql(lib)
    finally:
        lib.close()


def bare(library: Path, sql: str, params: list[object], *, print_json: bool = True) -> str:
    """Open the file with sqlite3, run sql and print its rows as the same JSON; return it."""
    conn = sqlite3.connect(library)
    try:
        rows = conn.execute(sql, params).fetchall()
    finally:
        conn.close()
    if not print_json:
        return ""
    out = io.StringIO()
    data = [
        dict(
            zip(_KEYS, (r[0], r[1] or None, _PRECISION.get(len(r[1])), r[2] or None, *r[3:8]),
                strict=True)
        )
        for r in rows
    ]  # fmt: skip
    out.write(json.dumps(data, indent=2, ensure_ascii=False))
    return out.getvalue()


Paired = Callable[[int, Callable[[], object], Callable[[], object]], tuple[float, float]]


def measure(library: Path, runs: int, paired: Paired) -> dict[str, float]:
    """Return the medians (seconds) of ours, the bare query printed as JSON, and the query.

    paired: timing.paired_medians, which alternates the two under the same machine load.
    """
    sql, params = query(library)
    if json.loads(ours(library)) != json.loads(bare(library, sql, params)):
        raise SystemExit("the baseline does not print what `briefing timeline --json` prints")
    mine, baseline = paired(runs, lambda: ours(library), lambda: bare(library, sql, params))
    query_only = statistics.median(
        timed(lambda: bare(library, sql, params, print_json=False)) for _ in range(runs)
    )
    conn = sqlite3.connect(library)
    count = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    conn.close()
    return {"ours": mine, "baseline": baseline, "query": query_only, "claims": count}


def main(argv: list[str] | None = None) -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    m = measure(args.library, args.runs, paired_medians)
    print(
        f"{m['claims']:,} claims: timeline --json {m['ours'] * 1000:.0f} ms, "
        f"bare query + same JSON {m['baseline'] * 1000:.0f} ms "
        f"(ratio {m['ours'] / m['baseline']:.2f}), bare query alone {m['query'] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
