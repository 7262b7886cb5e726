"""What suggestions cost the reader on a 1 MB source with 5,000 claims.

Run by hand:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/suggest_gui_speed.py
Baseline, in the same run: opening the source in the main window with suggestions switched off.
Compared with it: opening it with suggestions on (the search itself runs in a worker thread, so
only the UI-thread part counts), the wait until the worker's suggestions are shown (not UI
time), and accepting one suggestion (create the claim, refresh claims and suggestions).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

SIZE = 1_000_000
CLAIMS = 5000


def main() -> None:
    """Print UI-thread times with ratios to opening the source without suggestions."""
    os.environ["BRIEFING_SETTINGS_DIR"] = tempfile.mkdtemp()
    app = QApplication.instance() or QApplication(sys.argv)
    from briefing_app.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        lib = Library.open(Path(scratch) / "bench.sqlite")
        demo = build_demo(lib)["source_id"]
        text = lib.sources.get(demo).text
        big_text = ((text + "\n\n") * (SIZE // len(text) + 1))[:SIZE]
        big = lib.sources.add(ExtractedDocument(title="Long", text=big_text)).id
        step = SIZE // CLAIMS
        with lib.write():
            for n in range(CLAIMS):
                lib.claims.add(big, start=n * step, end=n * step + step // 3)
        window = MainWindow(lib)
        window.show()
        app.processEvents()

        def open_big(shown: bool) -> float:
            window.suggestions.show_suggestions_action.setChecked(shown)
            window.sources.open_source(demo)
            app.processEvents()
            start = time.perf_counter()
            window.sources.open_source(big)
            return time.perf_counter() - start

        plain = statistics.median(open_big(False) for _ in range(3))
        opened = statistics.median(open_big(True) for _ in range(3))
        start = time.perf_counter()
        while not window.suggestions.suggestions_panel.suggestions:
            app.processEvents()
        found = time.perf_counter() - start
        accepts = []
        for _ in range(3):
            start = time.perf_counter()
            window.suggestions.accept_current_suggestion()
            accepts.append(time.perf_counter() - start)
        accept = statistics.median(accepts)
        shown = len(window.suggestions.suggestions_panel.suggestions)
        window.close()
        lib.close()
    print(f"1 MB source, {CLAIMS} claims, {shown} suggestions shown")
    for name, value in (
        ("open source, suggestions off (baseline)", plain),
        ("open source, suggestions on (UI thread)", opened),
        ("accept one suggestion (UI thread)", accept),
        ("worker: suggestions ready after open", found),
    ):
        print(f"{name:42} {value * 1000:9.1f} ms  {value / plain:6.2f} x")


if __name__ == "__main__":
    main()
