"""What refreshing the Matrix's and the Chronology's key-question pickers costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/question_picker_speed.py LIBRARY

On a copy of LIBRARY (the 10k benchmark library, 100,000 claims: the original is never
written) holding five key questions, one assigned every claim and the others 500 each (a
brief whose first question gathers all the evidence), in the real main window:

- matrix picker: the Matrix's question list offered again (what showing the panel, choosing a
  question and every announced question change do: `MatrixController._offer_questions`);
- chronology picker: the Chronology's question filter offered again and a question chosen in
  it (`_offer_questions`, `_question_chosen`: what opening the list and choosing do);

each against raw sqlite3 reading the questions' ids, keys and texts and a plain QComboBox
cleared and filled with them, runs alternating (timing.paired_medians).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from board_speed import copy_library
from PySide6.QtWidgets import QApplication, QComboBox
from timing import paired_medians

from briefing_app.core.library import Library

QUESTIONS = 5
EACH = 500  # claims of every question but the first, which holds them all


def prepare(lib: Library) -> int:
    """Add the key questions (setup, not measured); return how many claims the first holds."""
    ids = [int(r[0]) for r in lib.conn.execute("SELECT id FROM claims ORDER BY id")]
    lib.questions.add("Who is behind the attacks on the mines?", claim_ids=ids)
    for n in range(1, QUESTIONS):
        lib.questions.add(f"Question {n + 1}: what happened next?", claim_ids=ids[n::97][:EACH])
    return len(ids)


def _window(lib: Library) -> Any:
    """Return the main window on lib, shown, with its later parts built."""
    from briefing_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    deadline = time.perf_counter() + 60
    while window.claims_panel.model.total() == 0 and time.perf_counter() < deadline:
        app.processEvents()
    app.processEvents()
    return window


def measure(library: Path, work: Path, runs: int) -> dict[str, float]:
    """Return ours and the baselines, in seconds, for both pickers."""
    os.environ.setdefault("BRIEFING_SETTINGS_DIR", str(work / "settings-pickers"))
    path = copy_library(library, work / "pickers.sqlite")
    lib = Library.open(path, backup=False)
    claims = prepare(lib)
    window = _window(lib)
    matrix, chronology = window.matrix, window.chronology
    raw = sqlite3.connect(path)
    plain = QComboBox()

    def baseline() -> None:
        rows = raw.execute("SELECT id, key, text FROM questions ORDER BY id").fetchall()
        plain.clear()
        for question_id, key, text in rows:
            plain.addItem(f"{key} {text}", question_id)

    def chronology_picker() -> None:
        chronology._offer_questions()
        chronology._question_chosen()

    matrix_ours, matrix_base = paired_medians(runs, matrix._offer_questions, baseline)
    chrono_ours, chrono_base = paired_medians(runs, chronology_picker, baseline)
    assert matrix.panel.question.count() == QUESTIONS
    raw.close()
    window.close()
    lib.close()
    return {
        "claims": float(claims),
        "matrix_ours": matrix_ours,
        "matrix_baseline": matrix_base,
        "chronology_ours": chrono_ours,
        "chronology_baseline": chrono_base,
    }


def main() -> None:
    """Print ours against the baseline for each picker."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-pickers-") as tmp:
        m = measure(args.library, Path(tmp), args.runs)
    print(f"{m['claims']:,.0f} claims, the first of {QUESTIONS} questions holding them all")
    for picker in ("matrix", "chronology"):
        ours, base = m[f"{picker}_ours"], m[f"{picker}_baseline"]
        print(
            f"{picker:11} {ours * 1000:8.2f} ms  baseline {base * 1000:6.2f} ms  "
            f"ratio {ours / base:7.1f}"
        )


if __name__ == "__main__":
    main()
