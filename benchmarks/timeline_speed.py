"""`briefing timeline --json` over a big library against a bare SQLite query of the same rows.

    python benchmarks/timeline_speed.py LIBRARY [--runs 5]

Both sides read a COPY of LIBRARY (LIBRARY itself is never opened for writing: no migration, no
backups beside it), brought to this version's schema by Library.open and then with every
undated claim given an event date by one documented UPDATE (DATE_UNDATED_CLAIMS below; claims
already dated keep theirs). Why: for an undated claim `timeline --json` adds the date its
sentence suggests (dateparser over the sentence, a few milliseconds a claim), which a bare
query cannot print; on a library with no dated claim that is all the command does. With every
claim dated, neither side computes anything per claim beyond the row, so both print the same
JSON (checked before timing) and the ratio is the cost of the command over the query. The
number of claims the copy dated is printed with the figures.

Ours: the command as a user runs it (click's runner, in this process: a child process would add
the interpreter's start-up to both sides), library opened, rows ordered, printed as JSON.
Baseline: sqlite3 opening the file and running the same SELECT, its rows printed as the same
JSON (same keys and values). A detail figure gives the bare query alone.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import statistics
import tempfile
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

# Dates each undated claim from its id: a day in 2024-2025, at the precisions make_library.py
# gives (a tenth to the year, a fifth to the month, most to the day, a tenth to the minute).
# Run on the benchmark's copy only, never on a library in use (Briefing's own operations keep a
# library consistent; this column has no trigger or derived table, only its index).
DATE_UNDATED_CLAIMS = """
UPDATE claims SET event_date = (
    WITH d(day) AS (SELECT date('2024-01-01', '+' || (id % 730) || ' days'))
    SELECT CASE
        WHEN id % 10 = 0 THEN substr(day, 1, 4)
        WHEN id % 10 IN (1, 2) THEN substr(day, 1, 7)
        WHEN id % 10 = 9 THEN day || 'T' || printf('%02d:%02d', id % 24, 30 * ((id / 10) % 2))
        ELSE day
    END FROM d
) WHERE event_date = ''
"""


def dated_copy(library: Path, folder: Path) -> tuple[Path, int]:
    """Copy library into folder, upgrade the copy and date its undated claims; return the copy
    and how many claims it dated.
    """
    copy = folder / library.name
    source = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)  # a consistent copy, whatever its WAL holds
    finally:
        source.close()
        target.close()
    Library.open(copy, backup=False).close()  # migrations now, not in the first timed run
    conn = sqlite3.connect(copy)
    try:
        with conn:
            dated = conn.execute(DATE_UNDATED_CLAIMS).rowcount
    finally:
        conn.close()
    return copy, dated


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
        {
            **dict(
                zip(_KEYS, (r[0], r[1] or None, _PRECISION.get(len(r[1])), r[2] or None, *r[3:8]),
                    strict=True)
            ),
            "suggested_event_date": None,  # a dated claim's: every row has the key
        }
        for r in rows
    ]  # fmt: skip
    out.write(json.dumps(data, indent=2, ensure_ascii=False))
    return out.getvalue()


Paired = Callable[[int, Callable[[], object], Callable[[], object]], tuple[float, float]]


def measure(library: Path, runs: int, paired: Paired) -> dict[str, float]:
    """Return the medians (seconds) of ours, the bare query printed as JSON, and the query,
    measured on a dated copy of library (see the module's docstring).

    paired: timing.paired_medians, which alternates the two under the same machine load.
    """
    with tempfile.TemporaryDirectory(prefix="briefing-timeline-") as tmp:
        copy, dated = dated_copy(library, Path(tmp))
        sql, params = query(copy)
        if json.loads(ours(copy)) != json.loads(bare(copy, sql, params)):
            raise SystemExit("the baseline does not print what `briefing timeline --json` prints")
        mine, baseline = paired(runs, lambda: ours(copy), lambda: bare(copy, sql, params))
        query_only = statistics.median(
            timed(lambda: bare(copy, sql, params, print_json=False)) for _ in range(runs)
        )
        conn = sqlite3.connect(copy)
        count = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        conn.close()
    return {
        "ours": mine,
        "baseline": baseline,
        "query": query_only,
        "claims": count,
        "dated": dated,
    }


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
        f"(ratio {m['ours'] / m['baseline']:.2f}), bare query alone {m['query'] * 1000:.0f} ms; "
        f"{m['dated']:,} undated claims dated on the copy first"
    )


if __name__ == "__main__":
    main()
