"""The window under a dark system palette (light text on a near-black base): every mark the
app paints in its own colours still reads at the WCAG text contrast of 4.5:1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.gui.contrast import TEXT_CONTRAST, contrast_ratio
from briefing_app.gui.main_window import MainWindow
from tests.gui.dark_palette import dark_palette

Role = Qt.ItemDataRole


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    """Give the application a dark palette for this test, then its own back."""
    saved = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(saved)


def _colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color()
    if isinstance(value, QColor):
        return value
    return None


def test_the_matrix_leader_scores_and_pivotal_rows_read_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, complete: MainWindow
) -> None:
    complete.docks.docks["matrix"].toggleViewAction().trigger()
    matrix = complete.matrix
    qtbot.waitUntil(lambda: matrix.model.rowCount() > 0)
    model = matrix.model
    text = matrix.view.palette().color(QPalette.ColorRole.Text)
    button_text = matrix.view.palette().color(QPalette.ColorRole.ButtonText)
    filled = []
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            fill = _colour(index.data(Role.BackgroundRole))
            if fill is not None:
                ink = _colour(index.data(Role.ForegroundRole)) or text
                filled.append((f"row {row} column {col}", fill, ink))
    for col in range(model.columnCount()):
        fill = _colour(model.headerData(col, Qt.Orientation.Horizontal, Role.BackgroundRole))
        if fill is not None:
            ink = _colour(model.headerData(col, Qt.Orientation.Horizontal, Role.ForegroundRole))
            filled.append((f"heading {col}", fill, ink or button_text))
    # The leader's heading, the whole Scores row and the pivotal C9's key at least.
    assert len(filled) >= model.columnCount() + 2
    unreadable = [
        (where, round(contrast_ratio(ink, fill), 2))
        for where, fill, ink in filled
        if contrast_ratio(ink, fill) < TEXT_CONTRAST
    ]
    assert unreadable == []


def test_a_key_assumptions_rating_reads_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, complete: MainWindow
) -> None:
    complete.docks.docks["matrix"].toggleViewAction().trigger()
    panel = complete.matrix.panel.assumptions
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0)
    rating = panel.table.item(0, 2)  # the demo's A1: correct with caveats, a pale yellow
    assert rating is not None and rating.text()
    fill = rating.background().color()
    ink = _colour(rating.data(Role.ForegroundRole)) or panel.table.palette().color(
        QPalette.ColorRole.Text
    )
    assert contrast_ratio(ink, fill) >= TEXT_CONTRAST
