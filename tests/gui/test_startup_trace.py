"""BRIEFING_STARTUP_TRACE: the start-up says when each stage ended, to find a slow one."""

from __future__ import annotations

import os
import subprocess
import sys

from briefing_app.core.library import Library

_START = """
import sys
from PySide6.QtWidgets import QApplication

def probe(app):
    from briefing_app.gui.main_window import MainWindow
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    deadline = __import__("time").monotonic() + 20
    while not window.is_complete() and __import__("time").monotonic() < deadline:
        app.processEvents()
    app.processEvents()
    window.close()
    return 0

QApplication.exec = probe
sys.argv = ["briefing", "--library", sys.argv[1]]
from briefing_app.launch import main
main()
"""


def _start(library: Library, trace: bool) -> list[str]:
    """Start the app on library; return the trace lines it printed."""
    assert library.path is not None
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_STARTUP_TRACE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if trace:
        env["BRIEFING_STARTUP_TRACE"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", _START, str(library.path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("startup ")]


def _stage(line: str) -> str:
    return line.split(" ms  ", 1)[1]


def test_the_trace_names_each_stage_in_order_until_every_pane_is_built(
    demo_lib: Library,
) -> None:
    lines = _start(demo_lib, trace=True)
    stages = [_stage(line) for line in lines]
    times = [float(line.split()[1]) for line in lines]
    assert times == sorted(times)
    expected = [
        "library opened",
        "window built",
        "window.show() returned",
        "painted: MainWindow (MainWindow._complete_if_shown next)",
        "after the first paint: MainWindow._complete_if_shown done",
        # The first look for other processes' changes may refresh views: after the paint
        # (the app becomes active as the window shows, before it paints).
        "outside changes: first poll",
    ]
    positions = [next(i for i, s in enumerate(stages) if s.startswith(e)) for e in expected]
    assert positions == sorted(positions)


def test_without_the_variable_nothing_is_printed(demo_lib: Library) -> None:
    assert _start(demo_lib, trace=False) == []
