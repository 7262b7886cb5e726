"""The source panel: blank with no source; a guessed language shown and corrected in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.source_panel import SourcePanel
from tests.conftest import write_fixture
from tests.core.importers.test_guessed_language import GERMAN_REPORT


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


def test_an_imported_text_file_shows_its_guessed_language_which_can_be_corrected(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = write_fixture(tmp_path / "brand.txt", GERMAN_REPORT)
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        window.imports.import_paths([path])
    source_id = done.args[0].outcomes[0].source_id
    window.sources.open_source(source_id)
    field = window.source_panel.edits["language"]
    qtbot.waitUntil(lambda: field.text() == "de")
    note = window.source_panel.language_guessed
    assert note.isVisible() and note.text().startswith("Guessed from the text")
    assert "guessed it from the text" in field.toolTip()
    # A wrong guess is corrected in place (no longer a guess), and undo brings the guess back.
    field.setText("de-AT")
    field.editingFinished.emit()
    corrected = window.lib.sources.get(source_id)
    assert (corrected.language, corrected.language_guessed) == ("de-AT", False)
    qtbot.waitUntil(lambda: not note.isVisible())
    window.undo_stack.undo()
    restored = window.lib.sources.get(source_id)
    assert (restored.language, restored.language_guessed) == ("de", True)
    qtbot.waitUntil(lambda: field.text() == "de" and note.isVisible())
