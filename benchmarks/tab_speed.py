"""One Tab press in the whole window, in the on-screen order, against Qt's own step.

    QT_QPA_PLATFORM=offscreen python benchmarks/tab_speed.py --library LIB [--runs 21]

Setup: the main window (1440 × 900) on a copy of the library, every pane built, the Board,
Matrix and Chronology shown, so it holds the most panels and fields it can.
Ours: `MainWindow.focusNextPrevChild(True)`, what Tab runs: the panels in view ordered by
place, each panel's fields from Qt's focus chain, the next one focused and scrolled into view
(`gui/focus_order.py`). Target: <= 16 ms, a frame.
Baseline: Qt's own `QWidget::focusNextPrevChild` on the same window, one step along its chain.
Both move the focus for real, alternating, so each starts where the last one left it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import paired_medians

from briefing_app.core.library import Library

TARGET_MS = 16.0


def measure(library: Path, work: Path, runs: int) -> dict[str, float]:
    """Return the median seconds of a Tab press (ours, Qt's) and the number of stops."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    os.environ["BRIEFING_SETTINGS_DIR"] = str(work / "settings-tab")
    from briefing_app.gui.focus_order import tab_stops
    from briefing_app.gui.main_window import MainWindow

    copy = work / "tab.sqlite"
    shutil.copyfile(library, copy)
    lib = Library.open(copy, backup=False)
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window.complete_window()
    for name in ("board", "matrix", "chronology"):
        window.docks.docks[name].toggleViewAction().trigger()
    for _ in range(20):
        app.processEvents()
    window.reader.setFocus()
    app.processEvents()
    stops = len(tab_stops(window))

    def ours() -> None:
        window.focusNextPrevChild(True)

    def qt_step() -> None:
        QMainWindow.focusNextPrevChild(window, True)

    mine, baseline = paired_medians(runs, ours, qt_step)
    window.close()
    lib.close()
    return {"ours": mine, "baseline": baseline, "stops": float(stops)}


def main() -> None:
    """Print the medians as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-tab-") as tmp:
        m = measure(args.library, Path(tmp), args.runs)
    print(json.dumps({k: round(v * 1000, 3) if k != "stops" else v for k, v in m.items()}))


if __name__ == "__main__":
    main()
