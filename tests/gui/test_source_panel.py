"""The source panel with no source: blank, not the grade and marking of the one shown before."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.widgets.source_panel import SourcePanel


def test_no_source_shows_no_grade_or_marking(qtbot: QtBot, demo_lib: Library) -> None:
    panel = SourcePanel()
    qtbot.addWidget(panel)
    graded = replace(demo_lib.sources.get(1), reliability="B", marking="TLP:AMBER")
    panel.show_source(graded)
    assert panel.reliability.currentText().startswith("B")

    panel.show_source(None)  # e.g. a new, empty library was opened

    assert panel.reliability.currentText() == ""
    assert panel.marking.currentText() == ""
    assert not panel.reliability.isEnabled() and not panel.marking.isEnabled()
