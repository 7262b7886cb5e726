"""How fast the Board view shows a key question with 500 claims, on the 10k benchmark library.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/board_speed.py LIBRARY [--runs 5]

Setup (through core operations, on a copy of LIBRARY: the original is never written): if the
library holds few relations, ~3,000 random ones across it (as make_library.py makes: a third of
its sources link a claim to an earlier one), then a question with 500 claims spread over the
library and 150 relations among them (all four kinds).

Ours: in the real main window (1440x900) with the Board dock shown at half its height,
choosing the question until the dock is painted: `BoardController.choose` then `view.grab()`
(which lays out and paints the columns and the cards on screen). Each run first chooses an
empty question (included in the time, about a millisecond), so the board is rebuilt.
Baseline, measured in the same run, runs alternating: a bare QScrollArea of the Board's size
holding a QWidget with 500 plain QLabels (each claim's key and statement) in a QVBoxLayout,
built, shown and grabbed. A detail row gives the core's `build_board` alone.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget
from timing import median_of, paired_medians

from briefing_app.core.library import Library
from briefing_app.core.models import RELATIONS
from briefing_app.core.records.board import build_board

BOARD_CLAIMS = 500
BOARD_RELATIONS = 150
BACKGROUND_RELATIONS = 3_000
Paired = Callable[[int, Callable[[], object], Callable[[], object]], tuple[float, float]]


def copy_library(library: Path, target: Path) -> Path:
    """Copy a library through SQLite's backup API (consistent even with a live WAL)."""
    source, copy = sqlite3.connect(library), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return target


def prepare(lib: Library, rng: random.Random) -> tuple[int, int]:
    """Add the relations and the 500-claim question; return its id and an empty question's."""
    ids = [int(r[0]) for r in lib.conn.execute("SELECT id FROM claims ORDER BY id")]
    with lib.write():  # one transaction: setup, not what is measured
        if len(lib.relations.all()) < BACKGROUND_RELATIONS // 2:
            _relate(lib, rng, ids, BACKGROUND_RELATIONS)
        chosen = rng.sample(ids, BOARD_CLAIMS)
        question = lib.questions.add("Who carried out the attack?", claim_ids=chosen)
        _relate(lib, rng, chosen, BOARD_RELATIONS)
        empty = lib.questions.add("Nothing assigned yet?")
    return question.id, empty.id


def _relate(lib: Library, rng: random.Random, ids: list[int], count: int) -> None:
    made = 0
    while made < count:
        a, b = rng.sample(ids, 2)
        if lib.relations.between(a, b) is None:
            lib.relations.link(a, rng.choice(RELATIONS), b)
            made += 1


def plain_labels(texts: list[str], width: int, height: int) -> None:
    """The baseline: 500 plain QLabels in a layout, in a scroll area of the board's size."""
    area = QScrollArea()
    area.resize(width, height)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for text in texts:
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
    area.setWidget(inner)
    area.show()
    area.grab()
    area.close()
    area.deleteLater()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()  # the deleteLater, so labels do not pile up across runs


def measure(library: Path, work: Path, runs: int, paired: Paired) -> dict[str, float]:
    """Return the board's time (s), the baseline's, build_board's alone and the counts."""
    app = QApplication.instance() or QApplication(sys.argv)
    os.environ["BRIEFING_SETTINGS_DIR"] = str(work / "settings-board")
    from briefing_app.gui.main_window import MainWindow

    lib = Library.open(copy_library(library, work / "board.sqlite"), backup=False)
    question_id, empty_id = prepare(lib, random.Random(17))
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    board = window.board
    dock = window.docks.docks["board"]
    dock.show()
    dock.raise_()
    # Half the window's height: more cards on screen than the bottom dock's default share.
    window.resizeDocks([dock], [450], Qt.Orientation.Vertical)
    app.processEvents()
    view = board.view

    def show_board() -> None:
        board.choose(empty_id)
        board.choose(question_id)
        view.grab()

    board.choose(question_id)
    shown = sum(c.model.rowCount() for c in view.columns)
    if shown != BOARD_CLAIMS:
        raise SystemExit(f"the board shows {shown} cards, not {BOARD_CLAIMS}")
    claims = lib.questions.claims(question_id)
    texts = [f"{c.key} {c.statement or c.quote}" for c in claims]
    size = view.size()
    ours, baseline = paired(
        runs, show_board, lambda: plain_labels(texts, size.width(), size.height())
    )
    core = median_of(runs, lambda: build_board(lib, question_id))
    columns = len(view.columns)
    relations = len(view.board.relations) if view.board else 0
    window.close()
    lib.close()
    return {
        "ours": ours,
        "baseline": baseline,
        "core": core,
        "claims": shown,
        "columns": columns,
        "relations": relations,
        "width": size.width(),
        "height": size.height(),
    }


def main(argv: list[str] | None = None) -> None:
    """Measure and print the board's time against the plain labels."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path, help="the 10k benchmark library (not written)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-board-") as tmp:
        m = measure(args.library, Path(tmp), args.runs, paired_medians)
    print(
        f"board of {m['claims']:.0f} claims in {m['columns']:.0f} columns, "
        f"{m['relations']:.0f} relations, dock {m['width']:.0f}x{m['height']:.0f}: "
        f"{m['ours'] * 1000:.1f} ms (target <= 200 ms); "
        f"500 plain QLabels: {m['baseline'] * 1000:.1f} ms "
        f"(ratio {m['ours'] / m['baseline']:.2f}); build_board alone {m['core'] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
