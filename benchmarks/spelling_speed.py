"""What spelling costs a keystroke in a 5,000-word note.

Run by hand:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/spelling_speed.py
(also a row of benchmarks/run_all.py, `--only spelling`).

Two section editors hold the same 5,000-word note (fifty paragraphs, one of them 1,000 words
long, with citations, URLs, acronyms and a misspelling in fifty words); one checks spelling
(English, its dictionary read beforehand, as the app does off the UI thread), the other does
not: the baseline, measured in the same run with keystrokes interleaved. A keystroke is timed
from QTest.keyClick until processEvents returns (the edit, the highlighter and the repaint),
typed into the middle of the long paragraph and at the end of the note.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

WORDS = 5000
LONG_PARAGRAPH = 1000
KEYS = 150  # per place and editor
_PROSE = (
    "the police said three workers were killed near the border on Tuesday when gunmen opened "
    "fire on a bus carrying them to a construction site officials blamed an armed group that "
    "denied any role in the attack while the ministry promised an investigation and residents "
    "reported hearing explosions throughout the night before security forces arrived"
)
_VOCABULARY = _PROSE.split()
_EXTRAS = ("[@C12]", "NATO", "UNAMA", "https://example.org/report", "C4", "2024", "Dushanbe's")
_MISSPELT = ("goverment", "recieved", "wrold", "teh", "negotiatons", "parliamnet")


def note_text(rng: random.Random) -> str:
    """Return a 5,000-word note: 49 short paragraphs and one of 1,000 words in the middle."""
    shorts = (WORDS - LONG_PARAGRAPH) // 49

    def paragraph(n: int) -> str:
        words = []
        for i in range(n):
            roll = rng.random()
            if roll < 0.02:
                words.append(rng.choice(_MISSPELT))
            elif roll < 0.04:
                words.append(rng.choice(_EXTRAS))
            else:
                words.append(rng.choice(_VOCABULARY))
            if i % 17 == 16:
                words[-1] += "."
        return " ".join(words)

    paragraphs = [paragraph(shorts) for _ in range(49)]
    paragraphs.insert(25, paragraph(LONG_PARAGRAPH))
    return "\n\n".join(paragraphs)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def measure(keys: int = KEYS) -> dict[str, float]:
    """Return keystroke medians and p95s (seconds), spelling on and off, and the one-off costs."""
    app = QApplication.instance() or QApplication(sys.argv)
    os.environ.setdefault("BRIEFING_SETTINGS_DIR", tempfile.mkdtemp())
    from briefing_app.core.text.spelling import Spellers, UserWords
    from briefing_app.gui.widgets.note_editor import SectionEditor
    from briefing_app.gui.widgets.spelling import SpellCheck

    text = note_text(random.Random(16))
    words_file = Path(tempfile.mkdtemp()) / "words.txt"
    spellers = Spellers(UserWords(words_file))
    start = time.perf_counter()
    spellers.get("en")
    load = time.perf_counter() - start
    # A right-click's corrections, at their slowest: nothing one edit away, so two are tried
    # (up to 4 letters), or one edit of a long word.
    hard = ("zqxj", "qzx", "Qodiri", "Rahmonovski", "internatoinalisatn")
    english = spellers.get("en")
    slowest = 0.0
    for word in hard:
        start = time.perf_counter()
        english.suggestions(word)
        slowest = max(slowest, time.perf_counter() - start)
    spelling = SpellCheck(lambda: None, spellers)  # type: ignore[arg-type,return-value]
    spelling.enabled = True

    editors = {}
    shown = {}
    areas = []
    for name in ("on", "off"):
        # As in the note editor: the section grows to fit its text inside a scrolled page.
        editor = SectionEditor("summary", "")
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(editor)
        area.resize(900, 700)
        area.show()
        areas.append(area)
        if name == "on":
            editor.set_spelling(spelling)
        start = time.perf_counter()
        editor.set_body(text)
        app.processEvents()
        shown[name] = time.perf_counter() - start
        editors[name] = editor
    flagged = sum(len(spelling.spans(p)) for p in text.split("\n"))

    middle = text.index("\n\n", len(text) // 2 - 200) - LONG_PARAGRAPH * 3  # inside the long one
    times: dict[str, list[float]] = {f"{n} {p}": [] for n in editors for p in ("middle", "end")}
    letters = "the quick brown fox jumps over teh lazy dog "
    for place in ("middle", "end"):
        for editor in editors.values():
            editor.setFocus()
            cursor = editor.textCursor()
            if place == "middle":
                cursor.setPosition(middle)
            else:
                cursor.movePosition(QTextCursor.MoveOperation.End)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
        for i in range(keys):
            char = letters[i % len(letters)]
            for name, editor in editors.items():
                editor.activateWindow()
                start = time.perf_counter()
                if char == " ":
                    QTest.keyClick(editor, Qt.Key.Key_Space)
                else:
                    QTest.keyClicks(editor, char)
                app.processEvents()
                times[f"{name} {place}"].append(time.perf_counter() - start)
    for area in areas:
        area.close()
    result = {"load": load, "flagged": float(flagged), "suggest": slowest}
    for key, values in times.items():
        result[f"{key} median"] = statistics.median(values)
        result[f"{key} p95"] = _p95(values)
    result["show on"], result["show off"] = shown["on"], shown["off"]
    return result


def main() -> None:
    """Print keystroke latencies with spelling on against off."""
    m = measure()
    print(f"{WORDS:,}-word note, {m['flagged']:.0f} words flagged; dictionary read in "
          f"{m['load'] * 1000:.0f} ms (off the UI thread in the app); slowest right-click "
          f"corrections {m['suggest'] * 1000:.0f} ms")  # fmt: skip
    print(f"{'keystroke':28} {'on ms':>8} {'off ms':>8} {'ratio':>6}")
    for place in ("middle", "end"):
        for stat in ("median", "p95"):
            on, off = m[f"on {place} {stat}"], m[f"off {place} {stat}"]
            print(f"{place + ' of note, ' + stat:28} {on * 1000:8.2f} {off * 1000:8.2f} "
                  f"{on / off:6.2f}")  # fmt: skip
    print(f"{'show the note (set_body)':28} {m['show on'] * 1000:8.1f} "
          f"{m['show off'] * 1000:8.1f} {m['show on'] / m['show off']:6.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
