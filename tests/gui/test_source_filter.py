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


def test_the_claims_source_filter_is_any_in_the_library_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    with Library.open(other) as lib:
        harbour = lib.sources.add(ExtractedDocument(title="Harbour report", text="Police said so."))
        second = lib.sources.add(ExtractedDocument(title="Second", text="Officials said more."))
        lib.claims.add(harbour.id, quote="Police said so")
        lib.claims.add(second.id, quote="Officials said more")
    panel = window.sources.claims_panel
    panel.set_filter_value(panel.source_filter, window.lib.sources.get(1).id)
    assert panel.source_filter.currentText().startswith("China Urges")

    window.switch_library(other)

    # Not "Harbour report", the source that has the same id there.
    assert panel.source_filter.currentData() is None
    assert panel.model.rowCount() == 2
