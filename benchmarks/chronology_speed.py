"""The Chronology's first screen over a big library against a plain Qt table of the same rows.

    QT_QPA_PLATFORM=offscreen python benchmarks/chronology_speed.py LIBRARY [--runs 5]

LIBRARY is copied first (opening an older library upgrades it, and the window may write).
Ours: the main window on the copy, every pane built; each run forgets the chronology (as
opening another library does) and times from View ▸ Panels ▸ Chronology to its list painted
(the viewport grabbed): the query of every claim's event date (`timeline_dates`), the grouping
by day, the rows on screen fetched (`timeline_rows`), the delegate painting them. The target:
<= 300 ms over 100,000 dated claims (benchmarks/make_library.py dates every claim; an older
library, e.g. one made before event dates, has none: the figure then covers undated claims,
whose suggested dates are read in the background, after the paint).
Baseline: the bare SQL of the first screen (sqlite3 running the timeline's SELECT with LIMIT
the rows on screen) put into a QStandardItemModel and shown by a plain QTableView of the list's
size, painted: what any Qt app pays to show those rows, with no grouping and no laziness.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from plain_qt import paint_plain_table, qt_app
from timing import paired_own_medians

from briefing_app.core.library import Library
from briefing_app.core.records.timeline import timeline_sql


def measure(library: Path, work: Path, runs: int) -> dict[str, Any]:
    """Return the medians (seconds) of the chronology's first screen and of the baseline,
    runs alternating between them (the machine is shared), with the claim counts and how
    many rows the screen shows."""
    app = qt_app()
    os.environ["BRIEFING_SETTINGS_DIR"] = str(work / "settings-chronology")
    from briefing_app.gui.main_window import MainWindow

    copy = work / "chronology.sqlite"
    shutil.copyfile(library, copy)
    lib = Library.open(copy, backup=False)
    counts = lib.conn.execute("SELECT count(*), sum(event_date != '') FROM claims").fetchone()
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window.complete_window()
    app.processEvents()
    chronology = window.chronology
    assert chronology is not None
    dock = window.docks.docks["chronology"]
    toggle = dock.toggleViewAction()
    view = chronology.panel.view
    # A tall column, as the dock is when the analyst reads the time line (px).
    dock.setFloating(True)
    dock.resize(480, 860)

    def ours() -> float:
        if dock.isVisible():
            toggle.trigger()  # hidden again
        chronology.attach(lib)  # forgotten: shown next, it loads the time line anew
        app.processEvents()
        started = time.perf_counter()
        toggle.trigger()
        app.processEvents()
        view.viewport().grab()
        seconds = time.perf_counter() - started
        if not chronology.model._cache:  # the rows on screen are fetched as they are painted
            raise SystemExit("the chronology painted no claim")
        return seconds

    ours()  # the first screen, whose height says how many rows the baseline fetches
    size = view.viewport().size()
    on_screen = size.height() // max(1, view.chronology_delegate.row_height()) + 1
    sql, params = timeline_sql(lib)
    conn = sqlite3.connect(copy)

    def baseline() -> float:
        started = time.perf_counter()
        rows = conn.execute(f"{sql} LIMIT {on_screen}", params).fetchall()
        cells = [
            [str(value) for value in (event_date, published, key, statement)]
            for key, event_date, published, statement, *_rest in rows
        ]
        query = time.perf_counter() - started
        return query + paint_plain_table(cells, view.size())

    mine, bare = paired_own_medians(runs, ours, baseline)
    conn.close()
    window.close()
    lib.close()
    return {
        "ours": mine,
        "baseline": bare,
        "claims": counts[0],
        "dated": counts[1] or 0,
        "rows": on_screen,
        "shown": chronology.model.rowCount(),
    }


def main(argv: list[str] | None = None) -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-chronology-") as tmp:
        m = measure(args.library, Path(tmp), args.runs)
    print(
        f"{m['claims']:,} claims ({m['dated']:,} dated): chronology first screen "
        f"{m['ours'] * 1000:.0f} ms, plain QTableView of the first {m['rows']} rows from the "
        f"bare query {m['baseline'] * 1000:.0f} ms (ratio {m['ours'] / m['baseline']:.2f}); "
        f"target <= 300 ms"
    )


if __name__ == "__main__":
    main()
