"""The window stays responsive while it imports a folder: the UI thread's largest stall.

    QT_QPA_PLATFORM=offscreen python benchmarks/import_ui_stall.py [FOLDER [LIBRARY [SEARCH]]]

Opens the main window on a new library (or a copy of LIBRARY, e.g. /tmp/speedlib/lib10k.sqlite,
whose sources list, which the import refreshes as it goes, is 10,000 rows long), starts File ▸
Import of FOLDER (default ../shared/corpus/dev, 130 saved pages; read in every core, see
core/importers/batch.py) and, while it runs, lets a 5 ms QTimer tick on the UI thread; prints
the import's time and the largest, p99 and p95 gap between ticks (a gap is how long the window
could not answer), and the load average (other processes' load lengthens the gaps).

On 2 cores, load ~2: the window's import reading in worker processes alone, at nice 10
(import_paths(responsive=True)): 2.8-4.0 s, largest 11-18 ms, p99 8-9 ms, p95 6 ms. With its
import thread reading pages too, as the CLI does: 2.9-3.7 s, largest 54-72 ms, p99 11-14 ms,
p95 8-9 ms (that thread holds the GIL for tens of milliseconds per page). With another
program keeping a core busy (load 2.3-3.9): 5.7-7.4 s, largest 11-24 ms, p99 8-10 ms, against
4.4-7.0 s, largest 75-130 ms, p99 17-21 ms (the workers, niced, leave it more of the CPU).

With the sources list refreshed as the import goes (every 0.5 s at most, gui/tasks.py), load
1.7-1.9, against the import announced only at its end, in the same runs: a new library 3.1-5.6
s, largest 17-22 ms, p99 8-10 ms, against 3.1-4.6 s, 14-17 ms, 9-11 ms; into lib10k (load
1.9-2.6) largest 25-30 ms with one run of 113 ms, p99 12-16 ms, against 17-27 ms, p99 10-11
ms. Refreshing the whole 10,000-row list, and the open note's preview and checks, every half
second had made it 144-206 ms, p99 21-28 ms: the list now takes new sources in place, and the
note ignores sources holding no claim.

With SEARCH, the sources list is sorted by title and filtered by those words first, as an
analyst might have left it (until the list took sources in place when sorted or filtered too,
each announcement reloaded it whole: 35-80 ms at 10,000 sources; benchmarks/list_refresh_speed.py
measures one announcement against that reload). Into lib10k with SEARCH "gold mine" (8,535
rows), load 4-6 (other programs): largest 59-99 ms, p99 16-32 ms, against 224-355 ms, p99
81-155 ms with the whole list reloaded at each announcement.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from briefing_app.core.importers.batch import ImportSummary

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def main() -> int:
    """Import the folder in the window and print the UI thread's stalls."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_app.core.library import Library
    from briefing_app.gui.main_window import MainWindow

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    if len(sys.argv) > 2:
        shutil.copy(sys.argv[2], scratch / "library.sqlite")
    lib = Library.open(scratch / "library.sqlite", backup=False)
    window = MainWindow(lib)
    window.show()
    for _ in range(50):
        app.processEvents()
    if len(sys.argv) > 3:
        window.library_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title
        window.library_panel.filter_edit.setText(sys.argv[3])
        window.library_panel.apply_filter_now()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    done: list[ImportSummary] = []
    dialog = window.imports.import_paths([folder])
    dialog.import_finished.connect(done.append)
    started = time.perf_counter()
    while not done and time.perf_counter() - started < 300:
        app.processEvents()
        time.sleep(0.001)  # a benchmark's own loop, not the app's: let the timer fire
    elapsed = time.perf_counter() - started
    gaps = sorted(b - a for a, b in itertools.pairwise(ticks))
    window.close()
    lib.close()
    shutil.rmtree(scratch)
    if not done or not gaps:
        raise SystemExit("the import did not finish")
    p99, p95 = gaps[int(len(gaps) * 0.99)], gaps[int(len(gaps) * 0.95)]
    # Other processes on the machine take cores too, and the UI thread waits for one: say so.
    load = f"; load {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(
        f"import {elapsed:.2f} s ({done[0].line()}); UI stalls: largest {gaps[-1] * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms{load}"
    )
    return 0


if __name__ == "__main__":  # spawned import workers import this file again: run once
    sys.exit(main())
