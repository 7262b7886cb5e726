"""GUI fixtures: isolated settings and a real main window on the demo library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.settings import SETTINGS_ENV
from briefing_app.gui.tasks import Task

T = TypeVar("T")

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QSettings at this test's folder, never the user's own settings."""
    folder = tmp_path / "settings"
    monkeypatch.setenv(SETTINGS_ENV, str(folder))
    return folder


@pytest.fixture
def window(qtbot: QtBot, demo_lib: Library) -> Iterator[object]:
    """Return the main window, shown and active, on the demo library."""
    from briefing_app.gui.main_window import MainWindow

    win = MainWindow(demo_lib)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def complete(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Return the main window on the demo, shown, with every pane built."""
    qtbot.waitUntil(window.is_complete)
    return window


def finished(qtbot: QtBot, task: Task[T] | None, timeout: int = 20_000) -> Task[T]:
    """Wait for a background task started by the window to finish; return it."""
    assert task is not None, "no task was started"
    if not task.done:
        with qtbot.waitSignal(task.finished, timeout=timeout):
            pass
    return task


def laptop_window(qtbot: QtBot, lib: Library) -> MainWindow:
    """Return the main window on lib at its first-start size on a 1366×768 screen, complete."""
    from PySide6.QtCore import QRect

    from briefing_app.gui.layout_memory import first_start_size
    from briefing_app.gui.main_window import MainWindow

    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.resize(*first_start_size(QRect(0, 0, 1366, 768)))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    return window
