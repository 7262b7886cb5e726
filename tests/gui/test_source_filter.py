"""The sources filter box: what it shows is what matches in the library open now."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow


def shown_titles(window: MainWindow) -> list[str]:
    model = window.library_panel.model
    return [window.lib.sources.get(model.id_at(row)).title for row in range(model.rowCount())]


def test_a_filter_still_typed_is_searched_again_in_the_library_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    with Library.open(other) as lib:
        lib.sources.add(ExtractedDocument(title="Harbour report", text="The harbour is calm."))
        lib.sources.add(ExtractedDocument(title="Taliban statement", text="The Taliban deny it."))
    window.library_panel.filter_edit.setText("harbour")
    window.library_panel.apply_filter_now()
    assert shown_titles(window) == []  # nothing in the demo mentions a harbour

    window.switch_library(other)

    assert window.library_panel.filter_edit.text() == "harbour"
    assert shown_titles(window) == ["Harbour report"]
