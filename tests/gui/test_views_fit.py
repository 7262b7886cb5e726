"""The weighing views (board, chronology, matrix) shown from the View menu on a laptop screen:
each comes forward as a tab where it belongs, the window stays on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.layout_memory import first_start_size
from briefing_app.gui.main_window import MainWindow
from tests.gui.accessible_names import unnamed_widgets

# Each panel and the panel it shares a place with, as a tab.
NEIGHBOURS = {"board": "claims", "matrix": "claims", "chronology": "sources"}


@pytest.mark.parametrize("screen", [(1366, 768), (1440, 900)])
@pytest.mark.parametrize("name", list(NEIGHBOURS))
def test_a_view_shown_from_the_menu_is_a_tab_and_the_window_stays_on_screen(
    qtbot: QtBot, demo_lib: Library, name: str, screen: tuple[int, int]
) -> None:
    size = first_start_size(QRect(QPoint(0, 0), QPoint(*screen)))
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    docks = window.docks.docks
    dock, neighbour = docks[name], docks[NEIGHBOURS[name]]
    qtbot.waitUntil(lambda: not neighbour.visibleRegion().isEmpty())
    dock.toggleViewAction().trigger()
    # In front of the tabs it shares with its neighbour, not a strip squeezed beside it.
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    assert neighbour in window.tabifiedDockWidgets(dock)
    assert neighbour.visibleRegion().isEmpty()
    # The window did not grow past the screen, and the inspector is still wide enough to use.
    assert window.width() <= screen[0]
    assert docks["inspector"].width() >= 250, docks["inspector"].width()


def test_all_three_views_open_leave_the_inspector_room_on_a_laptop(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(*first_start_size(QRect(0, 0, 1366, 768)))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    docks = window.docks.docks
    for name in ("board", "matrix", "chronology"):
        docks[name].toggleViewAction().trigger()
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)  # the judgment line
    qtbot.waitUntil(lambda: not docks["chronology"].visibleRegion().isEmpty())
    assert window.width() <= 1366
    # The inspector's fields are not cut at the window's edge, nor the reader squeezed.
    qtbot.waitUntil(lambda: docks["inspector"].width() >= 250)
    assert window.reader.width() >= 300
    assert docks["chronology"].width() <= 300


def test_the_inspector_shows_a_claims_questions_whole_on_a_laptop(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(*first_start_size(QRect(0, 0, 1366, 768)))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    demo_lib.questions.add("How many people died in the attack on the Shahin SM camp?")
    demo_lib.questions.assign(demo_lib.questions.by_key("Q2").id, [demo_lib.claims.by_key("C9").id])
    window.sources.select_claim(demo_lib.claims.by_key("C9").id)
    label = window.inspector.questions
    qtbot.waitUntil(lambda: "Q2" in label.text() and label.isVisible())
    # Every line of the list is on screen: the label is as tall as its wrapped text.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.width() >= 120


def test_the_weighing_views_shown_name_every_table_and_field_for_screen_readers(
    qtbot: QtBot, complete: MainWindow
) -> None:
    docks = complete.docks.docks
    for name in ("board", "matrix", "chronology"):
        docks[name].toggleViewAction().trigger()
    board = complete.board
    qtbot.waitUntil(lambda: len(board.view.columns) >= 2)  # the columns built once shown
    qtbot.waitUntil(lambda: complete.matrix.model.rowCount() > 0)
    unnamed = [
        line
        for name in ("board", "matrix", "chronology")
        for line in unnamed_widgets(docks[name], complete, name)
    ]
    assert unnamed == [], "\n".join(unnamed)


def test_the_guide_pictures_of_the_three_views_render_at_1366_by_768(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    from briefing_app.gui.view_screenshots import render_views

    written = render_views(tmp_path)
    assert [p.name for p in written] == [
        "views-board.png",
        "views-matrix.png",
        "views-chronology.png",
    ]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
