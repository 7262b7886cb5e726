"""What the sources list costs at each import announcement, and what selecting a claim costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/list_refresh_speed.py LIBRARY [--runs 7]

On a copy of LIBRARY (the 10k benchmark library: the original is never written), in the real
main window (1440x900):

- sources list: sorted by title and filtered by a search (SEARCH, ~8,500 of 10,000 sources),
  as an import announces a few sources (NEW_PER_ANNOUNCEMENT, half of them matching the search)
  stored by another connection, the way the import thread stores them. Ours: the window's
  refresh for those ids (`SourcesController.on_changes`) then the list's viewport painted;
  baseline, runs alternating: the full reload of the list (`reload_sources`, what a sorted or
  filtered list did at every announcement) then the same paint.
- sources removed: the same list as the announcement of sources deleted (an import's undo,
  or another process) arrives: the NEW_PER_ANNOUNCEMENT just stored and taken in, half of
  them shown under the search. Ours: the window's refresh for those ids, rows
  removed in place, then the paint; baseline, runs alternating: the full reload (what any
  deletion did before) then the same paint. The sources are stored and shown, then deleted by
  the other connection, before the clock starts.
- claim selection: `select_claim` of a claim near the end of the claims table (100,000 claims)
  right after a filter was chosen and cleared with no claim selected (a change drops what the
  table knew of its rows' places), the row selected and scrolled to. Ours against the same
  selection with the table's look-up replaced by the id-to-row dictionary it used to build
  (all shown ids, ~13 MB at 100,000), runs alternating; detail: the look-up alone, its time
  and its tracemalloc peak, against building that dictionary.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from board_speed import copy_library
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from timing import paired_medians, paired_own_medians

from briefing_app.core.changes import Changes
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

SEARCH = "gold mine"
NEW_PER_ANNOUNCEMENT = 4
Paired = Callable[[int, Callable[[], object], Callable[[], object]], tuple[float, float]]


def _window(lib: Library) -> object:
    """Return the main window on lib, shown, with the claims table filled."""
    from briefing_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    deadline = time.perf_counter() + 30
    while window.claims_panel.model.total() == 0 and time.perf_counter() < deadline:
        app.processEvents()  # a big library fills the claims table after the first paint
    return window


def _peak_bytes(fn: Callable[[], object]) -> int:
    """Return the peak of Python allocations during one call of fn, in bytes."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(library: Path, work: Path, runs: int, paired: Paired) -> dict[str, float]:
    """Return ours and the baselines (seconds, bytes) for the list refresh and claim selection."""
    os.environ.setdefault("BRIEFING_SETTINGS_DIR", str(work / "settings-refresh"))
    path = copy_library(library, work / "refresh.sqlite")
    lib = Library.open(path, backup=False)
    importer = Library.open(path, backup=False)  # the import thread's own connection
    window: Any = _window(lib)
    sources = window.sources
    panel = window.library_panel
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title
    panel.filter_edit.setText(SEARCH)
    panel.apply_filter_now()
    shown_before = panel.model.rowCount()
    counter = iter(range(1_000_000))

    def store() -> set[int]:
        """Store a few sources as the import thread does (unannounced to the window)."""
        ids = set()
        with importer.write():
            for _ in range(NEW_PER_ANNOUNCEMENT):
                n = next(counter)
                text = f"Report {n} on the {'gold mine' if n % 2 else 'harbour'} at Khorog."
                ids.add(
                    importer.sources.add(ExtractedDocument(title=f"M{n:05} report", text=text)).id
                )
        return ids

    def in_place() -> float:
        ids = store()
        started = time.perf_counter()
        sources.on_changes(Changes(sources=ids))
        panel.view.viewport().grab()
        return time.perf_counter() - started

    def full_reload() -> float:
        store()
        started = time.perf_counter()
        sources.reload_sources()
        panel.view.viewport().grab()
        return time.perf_counter() - started

    ours, baseline = paired_own_medians(runs, in_place, full_reload)
    result = {
        "list_ours": ours,
        "list_baseline": baseline,
        "list_rows": float(panel.model.rowCount()),
        "list_rows_before": float(shown_before),
    }

    def shown_then_deleted() -> set[int]:
        """Store a few sources, let the list take them, then delete them elsewhere."""
        ids = store()
        sources.on_changes(Changes(sources=ids))
        with importer.write():
            importer.sources.delete_many(sorted(ids))
        return ids

    def remove_in_place() -> float:
        ids = shown_then_deleted()
        started = time.perf_counter()
        sources.on_changes(Changes(sources=ids))
        panel.view.viewport().grab()
        return time.perf_counter() - started

    def remove_by_reload() -> float:
        shown_then_deleted()
        started = time.perf_counter()
        sources.reload_sources()
        panel.view.viewport().grab()
        return time.perf_counter() - started

    removed_ours, removed_baseline = paired_own_medians(runs, remove_in_place, remove_by_reload)
    result |= {"remove_ours": removed_ours, "remove_baseline": removed_baseline}

    # Claim selection: a claim near the end of the table, right after a filter was chosen and
    # cleared (which drops whatever the table knew of its rows' places).
    claims = window.claims_panel
    model = claims.model

    def select_after_filter() -> float:
        sources.clear_selection()
        claims.set_filter_value(claims.kind_filter, "denial")
        claims.set_filter_value(claims.kind_filter, None)
        far = model.id_at(model.rowCount() - 3)
        started = time.perf_counter()
        sources.select_claim(far)
        elapsed = time.perf_counter() - started
        if claims.current_claim_id() != far:
            raise SystemExit(f"claim {far} was not selected in the table")
        return elapsed

    def dictionary_position(record_id: int) -> int | None:
        # What the table did before: every shown id to its row, kept until the next change.
        return {i: p for p, i in enumerate(model._ids)}.get(record_id)

    def with_dictionary() -> float:
        model.position_of = dictionary_position
        try:
            return select_after_filter()
        finally:
            del model.position_of

    ours_s, dict_s = paired_own_medians(runs, select_after_filter, with_dictionary)
    far = model.id_at(model.rowCount() - 3)
    lookup_s, lookup_dict_s = paired(
        runs, lambda: model.position_of(far), lambda: dictionary_position(far)
    )
    result |= {
        "select_ours": ours_s,
        "select_baseline": dict_s,
        "lookup_ours": lookup_s,
        "lookup_baseline": lookup_dict_s,
        "select_ours_bytes": float(_peak_bytes(lambda: model.position_of(far))),
        "select_baseline_bytes": float(_peak_bytes(lambda: dictionary_position(far))),
        "claims": float(model.rowCount()),
    }
    window.close()
    importer.close()
    lib.close()
    return result


def main() -> None:
    """Print the list refresh and claim selection against their baselines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        m = measure(args.library, Path(tmp), args.runs, paired_medians)
    print(
        f"sources list ({m['list_rows']:,.0f} rows, sorted and filtered), one announcement of "
        f"{NEW_PER_ANNOUNCEMENT} sources: in place {m['list_ours'] * 1000:.1f} ms, "
        f"full reload {m['list_baseline'] * 1000:.1f} ms "
        f"(ratio {m['list_ours'] / m['list_baseline']:.2f})"
    )
    print(
        f"sources list, one announcement of {NEW_PER_ANNOUNCEMENT} sources deleted: in place "
        f"{m['remove_ours'] * 1000:.1f} ms, full reload {m['remove_baseline'] * 1000:.1f} ms "
        f"(ratio {m['remove_ours'] / m['remove_baseline']:.2f})"
    )
    print(
        f"select a claim after a filter ({m['claims']:,.0f} claims): {m['select_ours'] * 1000:.2f} "
        f"ms, with the id-to-row dictionary {m['select_baseline'] * 1000:.2f} ms; the look-up "
        f"alone {m['lookup_ours'] * 1000:.2f} ms, {m['select_ours_bytes'] / 1e6:.2f} MB peak, "
        f"against {m['lookup_baseline'] * 1000:.2f} ms, "
        f"{m['select_baseline_bytes'] / 1e6:.2f} MB peak"
    )


if __name__ == "__main__":
    main()
