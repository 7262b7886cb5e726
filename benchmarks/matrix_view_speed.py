"""The Matrix view showing a 30-hypothesis × 500-row ACH matrix, against a plain Qt table.

    QT_QPA_PLATFORM=offscreen python benchmarks/matrix_view_speed.py [--runs 7]

Setup: a library holding one key question with 30 hypotheses and 500 absences of evidence,
every cell rated, all through core operations (`lib.ach.add_hypothesis`, `add_absence`,
`rate`, `switch`, `mark_deceptive`, `weigh`) with ach_speed's deterministic ratings.
Ours: the Matrix panel (its controller, model, delegate and view, 1400 × 800 px) forgets its
matrix, then is shown and its viewport painted (grabbed): reading the matrix from SQLite,
scoring it (sensitivity pass included), the model reset, the delegate painting the cells on
screen. Target: <= 200 ms.
Baseline: the same 501 × 37 cell texts (score row, fixed columns, ratings, diagnosticity) put
into a QStandardItemModel and shown by a plain QTableView of the same size, painted.
Detail: one rating on the shown matrix (an undoable command: the core write, the announced
change, the matrix read back and only its changed rows rescored, dataChanged for the changed
cells, the score row and moved marks, and the pending repaint processed); the run fails if
a rating resets the model.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ach_speed
from plain_qt import paint_plain_table, qt_app
from PySide6.QtWidgets import QWidget
from timing import paired_own_medians

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

HYPOTHESES, ROWS = ach_speed.HYPOTHESES, ach_speed.ROWS
SIZE = (1400, 800)


class _Services:
    """What the controller asks of a window, without one: commands run, messages dropped."""

    def __init__(self) -> None:
        self.parent = QWidget()

    def execute(self, command: Any) -> bool:
        command.execute()
        return True

    def show_error(self, message: str) -> None:
        raise SystemExit(message)

    def show_status(self, message: str, ms: int = 4000) -> None:
        pass

    def show_claim(self, claim_id: int) -> None:
        pass

    def dialog_parent(self) -> QWidget:
        return self.parent


def build(path: Path) -> tuple[Library, int]:
    """Make the library: one question, HYPOTHESES hypotheses, ROWS rated rows (core ops)."""
    lib = Library.open(path, backup=False)
    lib.sources.add(ExtractedDocument(title="Bench", text="A matrix for the benchmark."))
    q = lib.questions.add("Who carried out the attack?")
    rows = ach_speed.make_rows()
    with lib.write():
        keys = [
            lib.ach.add_hypothesis(q.id, f"Hypothesis number {i + 1}").made
            for i in range(HYPOTHESES)
        ]
        for row in rows:
            text = f"Absence of evidence {row.key}, as an analyst writes it"
            made = lib.ach.add_absence(q.id, text).made
            for key, rating in zip(keys, row.ratings, strict=True):
                if rating:
                    lib.ach.rate(q.id, key, made, rating)
            if not row.scored:
                lib.ach.switch(q.id, made, False)
            if row.deceptive:
                lib.ach.mark_deceptive(q.id, made, True)
            if (row.relevance, row.credibility) != ("medium", "medium"):
                lib.ach.weigh(q.id, made, relevance=row.relevance, credibility=row.credibility)
    return lib, q.id


def measure(runs: int) -> dict[str, float]:
    """Return median seconds of ours, the baseline and one rating, and the setup's."""
    app = qt_app()
    from briefing_app.gui.matrix.controller import MatrixController

    with tempfile.TemporaryDirectory(prefix="briefing-matrix-") as tmp:
        started = time.perf_counter()
        lib, question_id = build(Path(tmp) / "matrix.sqlite")
        setup = time.perf_counter() - started
        services = _Services()
        controller = MatrixController(services, lib)  # type: ignore[arg-type]
        panel, model, view = controller.panel, controller.model, controller.view
        panel.resize(*SIZE)

        def ours() -> float:
            panel.hide()
            controller.attach(lib)  # forgotten: shown next, it reads the matrix anew
            controller.question_id = question_id
            app.processEvents()
            started = time.perf_counter()
            panel.show()
            app.processEvents()
            view.viewport().grab()
            seconds = time.perf_counter() - started
            if model.rowCount() != ROWS + 1 or model.columnCount() != HYPOTHESES + 7:
                raise SystemExit(f"the matrix shows {model.rowCount()} × {model.columnCount()}")
            return seconds

        def texts() -> list[list[str]]:
            return [
                [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
                for r in range(model.rowCount())
            ]

        ours()  # the matrix shown once: its texts are the baseline's
        cells = texts()
        mine, bare = paired_own_medians(runs, ours, lambda: paint_plain_table(cells, view.size()))

        rating_times: list[float] = []
        resets: list[bool] = []
        model.modelReset.connect(lambda: resets.append(True))
        for i in range(runs):
            rating = ("I", "C", "II", "N")[i % 4]
            started = time.perf_counter()
            controller.rate("X1", "H1", rating)
            app.processEvents()  # the repaint of what changed, as after a keystroke
            rating_times.append(time.perf_counter() - started)
        if resets:
            raise SystemExit("a rating rebuilt the whole view")
        panel.close()
        lib.close()
    return {
        "ours": mine,
        "baseline": bare,
        "rating": statistics.median(rating_times),
        "setup": setup,
    }


def main(argv: list[str] | None = None) -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    m = measure(args.runs)
    print(
        f"Matrix view, {HYPOTHESES} x {ROWS}: shown and painted {m['ours'] * 1000:.0f} ms, "
        f"plain QTableView over a QStandardItemModel of the same texts "
        f"{m['baseline'] * 1000:.0f} ms (ratio {m['ours'] / m['baseline']:.2f}); "
        f"target <= 200 ms"
    )
    print(
        f"one rating typed, rescored and repainted: {m['rating'] * 1000:.0f} ms "
        f"(setup through core ops: {m['setup']:.1f} s)"
    )


if __name__ == "__main__":
    main()
