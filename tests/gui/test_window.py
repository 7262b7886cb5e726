"""The desktop window opens on a library and names it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow


def test_window_title_names_the_library_file(qtbot: QtBot, demo_lib: Library) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    assert "library.sqlite" in window.windowTitle()
