"""The window's layout: docks the View menu toggles, named layouts, a window that fits its
screen, the library used last, panel-to-panel keys and names for screen readers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefing_app import launch
from briefing_app.core.library import LIBRARY_ENV, Library, default_library_path
from briefing_app.gui.claim_mime import keys_from_mime
from briefing_app.gui.layout_memory import first_start_size
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.settings import app_settings, recent_libraries, remember_library
from tests.gui.accessible_names import unnamed_widgets

PANELS = {
    "sources": "&Sources",
    "tags": "&Tags",
    "notes": "&Notes",
    "claims": "&Claims table",
    "inspector": "Claim &inspector",
    "source": "Source &details",
    "problems": "&Problems",
    "preview": "Pre&view",
    "review": "&Review pane",
    "chronology": "C&hronology",
    "matrix": "&Matrix (ACH)",
    "board": "&Board",
}


def _open(qtbot: QtBot, lib: Library, size: tuple[int, int] | None = None) -> MainWindow:
    window = MainWindow(lib)
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    return window


def test_the_view_menu_shows_and_hides_every_panel(qtbot: QtBot, complete: MainWindow) -> None:
    menu = complete.docks.panels_menu
    toggles = {a.text(): a for a in menu.actions()}
    assert set(toggles) == set(PANELS.values())
    for name, title in PANELS.items():
        dock = complete.docks.docks[name]
        was_shown = not dock.isHidden()
        toggles[title].trigger()
        assert dock.isHidden() == was_shown, name
        toggles[title].trigger()
        assert dock.isHidden() != was_shown, name
        if not dock.isHidden():  # one the layout left out comes back docked, not floating
            assert not dock.isFloating(), name
    # Each is a dock the analyst can move, float and close.
    features = QDockWidget.DockWidgetFeature
    for dock in complete.docks.docks.values():
        assert dock.features() & features.DockWidgetMovable
        assert dock.features() & features.DockWidgetClosable


def test_write_puts_the_note_beside_the_reader_and_a_passage_drops_straight_in(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    layouts = {a.text(): a for a in complete.docks.layouts_menu.actions()}
    assert set(layouts) == {"&Read && tag", "&Write", "Re&view"}
    layouts["&Write"].trigger()
    workspace = complete.note_workspace
    qtbot.waitUntil(lambda: workspace.isVisible() and complete.reader.isVisible())
    assert workspace.parent() is complete.work_splitter  # beside the reader, not a tab
    assert complete.docks.docks["preview"].isVisible()
    assert complete.docks.docks["inspector"].isHidden()

    # Drag a tagged passage from the reader and drop it on the Summary: it is cited there.
    claim = next(c for c in demo_lib.claims.all() if c.kind == "denial")
    complete.sources.show_claim(claim.id)
    complete.reader.select_span(claim.start, claim.end)
    mime = complete.reader.createMimeDataFromSelection()
    assert keys_from_mime(mime) == [claim.key]
    summary = workspace.editor.editor("summary")
    assert summary is not None and summary.isVisible()
    target = summary.viewport()
    at = QPointF(target.rect().bottomRight() - QPoint(8, 8))
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), action, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDragMoveEvent(at.toPoint(), action, mime, buttons, keys))
    QApplication.sendEvent(target, QDropEvent(at, action, mime, buttons, keys))
    assert f"@{claim.key}" in summary.body()

    layouts["&Read && tag"].trigger()
    assert complete.workspace_tabs.indexOf(workspace) >= 0  # a tab beside the reader again
    assert complete.docks.docks["inspector"].isVisible()
    assert complete.docks.docks["claims"].isVisible()
    layouts["Re&view"].trigger()
    qtbot.waitUntil(complete.review.review_dock.isVisible)
    assert complete.workspace_tabs.currentWidget() is workspace


def test_hovering_a_drag_over_the_note_tab_opens_it(qtbot: QtBot, complete: MainWindow) -> None:
    tabs = complete.workspace_tabs
    tabs.setCurrentWidget(complete.reader_page)
    bar = tabs.tabBar()
    complete.reader.select_span(0, 20)
    mime = complete.reader.createMimeDataFromSelection()
    at = bar.tabRect(tabs.indexOf(complete.note_workspace)).center()
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    keys = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(bar, QDragEnterEvent(at, action, mime, buttons, keys))
    QApplication.sendEvent(bar, QDragMoveEvent(at, action, mime, buttons, keys))
    qtbot.waitUntil(lambda: tabs.currentWidget() is complete.note_workspace)


def test_the_chosen_layout_and_the_docks_are_remembered(qtbot: QtBot, demo_lib: Library) -> None:
    window = _open(qtbot, demo_lib, (1600, 1000))
    window.docks.apply("write")
    window.docks.docks["problems"].close()  # and one panel closed by hand
    window.close()

    again = _open(qtbot, demo_lib)
    assert again.docks.current == "write"
    assert again.docks.layout_actions["write"].isChecked()
    assert again.note_workspace.parent() is again.work_splitter
    qtbot.waitUntil(again.docks.docks["preview"].isVisible)
    assert again.docks.docks["problems"].isHidden()


_FIRST_START = """
import sys
from pathlib import Path
from briefing_app.gui.app import application, open_first_library
from briefing_app.gui.main_window import MainWindow
app = application()
lib, _first = open_first_library(Path(sys.argv[1]))
window = MainWindow(lib)
window.show()
print(window.width(), window.height())
"""


def test_a_dock_state_saved_by_an_older_window_gives_way_to_the_layout(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _open(qtbot, demo_lib)
    window.docks.docks["claims"].close()
    old = window.saveState()  # version 0, as the window before docks saved it
    window.close()
    app_settings().setValue("window/state", old)
    again = _open(qtbot, demo_lib)
    qtbot.waitUntil(again.docks.docks["claims"].isVisible)  # Read & tag, as at a first start
    assert again.docks.docks["review"].isHidden()


def test_at_first_start_the_window_fits_a_1366_by_768_screen(tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366,
                                 "height": 768, "logicalDpi": 96, "dpr": 1}]})
    )  # fmt: skip
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "BRIEFING_SETTINGS_DIR": str(tmp_path / "settings"),  # nothing remembered: a first start
    }
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_START, str(tmp_path / "library.sqlite")],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    width, height = map(int, result.stdout.split()[-2:])
    assert (width, height) == (1350, 728)


def test_the_first_start_size_shrinks_to_the_screen() -> None:
    assert first_start_size(QRect(0, 0, 1920, 1080)) == (1440, 900)
    assert first_start_size(QRect(0, 0, 1366, 768)) == (1350, 728)
    assert first_start_size(QRect(0, 0, 1440, 900)) == (1424, 860)
    assert first_start_size(None) == (1440, 900)


@pytest.mark.parametrize("screen", [(1366, 768), (1440, 900)])
@pytest.mark.parametrize("layout", ["read", "write", "review"])
def test_nothing_is_squeezed_on_a_laptop_screen(
    qtbot: QtBot, demo_lib: Library, screen: tuple[int, int], layout: str
) -> None:
    window = _open(qtbot, demo_lib, first_start_size(QRect(QPoint(0, 0), QPoint(*screen))))
    window.docks.apply(layout)
    workspace = window.note_workspace
    if layout == "read":
        window.workspace_tabs.setCurrentWidget(workspace)
    for name in ("preview", "claims"):
        # A dock tabbed behind another is measured as the analyst sees it: brought forward.
        window.docks.docks[name].raise_()
    # The checks hold once the layout has settled (dock sizes apply on the next passes).
    qtbot.waitUntil(lambda: _nothing_squeezed(window))


def _nothing_squeezed(window: MainWindow) -> None:
    workspace = window.note_workspace
    # No toolbar button is pushed into the overflow menu.
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    # Every text pane shown is wide enough for words, not letters.
    panes = [window.reader, workspace.editor, workspace.preview, window.claims_panel.view]
    for pane in panes:
        if pane.isVisible():
            assert pane.width() >= 250, (pane.accessibleName(), pane.width())
    # The memo header's fields are all on screen, To and From wide enough for a name.
    header = workspace.editor.header_form
    if header.isVisible():
        for name in ("memo_to", "memo_from"):
            edit = header.edits[name]
            assert edit.isVisible() and edit.width() >= 120, (name, edit.width())
            assert window.rect().contains(edit.mapTo(window, edit.rect().bottomRight()))


def _inspector_whole(window: MainWindow) -> bool:
    """Whether every field of the claim inspector is on screen, wide enough to read."""
    inspector = window.inspector
    viewport = inspector.parentWidget()  # the dock's scroll area shows this much of it
    # A dock behind another's tab is still "visible", moved out of the window.
    if viewport is None or inspector.visibleRegion().isEmpty():
        return False
    fields = [
        inspector.statement, inspector.party, inspector.kind, inspector.credibility,
        inspector.status, inspector.event_date, inspector.tags, inspector.questions_button,
        inspector.show_button, inspector.delete_button,
    ]  # fmt: skip
    return all(
        field.isVisible()
        and viewport.rect().contains(field.mapTo(viewport, field.rect().topLeft()))
        and viewport.rect().contains(field.mapTo(viewport, field.rect().bottomRight()))
        and field.width() >= min(120, field.sizeHint().width())
        for field in fields
    )


def test_the_review_pane_opened_at_1366x768_leaves_the_claim_inspector_whole(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _open(qtbot, demo_lib, first_start_size(QRect(0, 0, 1366, 768)))
    claim = demo_lib.claims.all()[0]
    window.sources.show_claim(claim.id)
    inspector = window.docks.docks["inspector"]
    qtbot.waitUntil(lambda: _inspector_whole(window))

    review = window.docks.docks["review"]
    toggles = {a.text(): a for a in window.docks.panels_menu.actions()}
    toggles["&Review pane"].trigger()  # View ▸ Panels ▸ Review pane (Ctrl+Shift+R)
    qtbot.waitUntil(review.isVisible)
    pane = window.review.review_pane
    # The pane has the room it needs, and the inspector keeps its own: a tab away, not
    # squeezed under it to its first two fields (196 px of the column's 650).
    qtbot.waitUntil(lambda: pane.height() >= pane.minimumSizeHint().height())
    inspector.raise_()  # its tab clicked
    qtbot.waitUntil(lambda: _inspector_whole(window))
    assert inspector in window.tabifiedDockWidgets(review)

    # Tagging a passage with the review pane in front brings the inspector forward to type in.
    review.raise_()
    qtbot.waitUntil(lambda: not _inspector_whole(window))
    text = window.reader.source_text()
    start = text.index("Committee")
    window.reader.select_span(start, start + len("Committee"))
    window.sources.tag_action.trigger()
    assert window.inspector.claim is not None and window.inspector.claim.quote == "Committee"
    qtbot.waitUntil(lambda: _inspector_whole(window))
    assert window.review.review_dock.toggleViewAction().isChecked()  # still open, a tab


def test_the_preview_is_a_tab_not_a_strip_when_the_window_is_narrow(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _open(qtbot, demo_lib, (1350, 728))
    window.docks.apply("write")
    preview = window.docks.docks["preview"]
    assert window.tabifiedDockWidgets(preview)  # shares its place with the notes list
    preview.raise_()
    qtbot.waitUntil(lambda: preview.isVisible() and preview.width() >= 250)


def test_the_library_used_last_opens_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(LIBRARY_ENV, raising=False)
    default = tmp_path / "data" / "library.sqlite"
    real_default = default_library_path
    monkeypatch.setattr("briefing_app.core.library.default_library_path", lambda: default)
    assert launch.library_at_start() == default  # a true first start: the demo's place
    mine = tmp_path / "work" / "mine.sqlite"
    Library.open(mine).close()
    remember_library(mine)
    assert launch.library_at_start() == mine.resolve()
    assert launch.gui_library([]) == mine.resolve()
    mine.unlink()  # moved away: the default again, and Open recent forgets it
    assert launch.library_at_start() == default
    # $BRIEFING_LIBRARY still wins over what was used last.
    Library.open(mine).close()
    remember_library(mine)
    monkeypatch.setattr("briefing_app.core.library.default_library_path", real_default)
    monkeypatch.setenv(LIBRARY_ENV, str(tmp_path / "env.sqlite"))
    assert launch.library_at_start() == tmp_path / "env.sqlite"


def test_open_recent_shows_each_folder_and_drops_files_that_are_gone(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path
) -> None:
    paths = [tmp_path / "a" / "library.sqlite", tmp_path / "b" / "library.sqlite"]
    for path in paths:
        Library.open(path).close()
        remember_library(path)
    gone = tmp_path / "gone.sqlite"
    Library.open(gone).close()
    remember_library(gone)
    gone.unlink()
    menu = complete.library_files.recent_menu
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert [a.toolTip() for a in actions] == [str(p.resolve()) for p in reversed(paths)]
    texts = [a.text() for a in actions]
    assert texts[0].startswith("library.sqlite") and texts[0].endswith("b")
    assert texts[1].endswith("a")
    assert menu.toolTipsVisible()
    assert str(gone.resolve()) not in (app_settings().value("recent_libraries") or [])
    assert gone.resolve() not in recent_libraries()


def test_the_toolbar_keeps_short_undo_labels_and_names_the_step_in_the_tooltip(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _open(qtbot, demo_lib, (1350, 728))
    claim = demo_lib.claims.all()[0]
    window.sources.show_claim(claim.id)
    window.sources.confirm = lambda *_: True  # the demo note cites it: deleting asks first
    window.sources.delete_claim_action.trigger()
    assert window.undo_action.text().startswith("&Undo Delete claim")
    button = window.toolbar.widgetForAction(window.undo_action)
    assert isinstance(button, QToolButton)
    assert button.text() == "Undo"
    assert "Delete claim" in window.undo_action.toolTip()
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()


def test_the_sources_table_keeps_its_columns(qtbot: QtBot, demo_lib: Library) -> None:
    window = _open(qtbot, demo_lib)
    header = window.library_panel.view.horizontalHeader()
    # The outlet's column shows once the list is wide enough for it beside the title: the
    # analyst widens the list first (it cannot size a column it does not see).
    window.resizeDocks([window.docks.docks["sources"]], [700], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: not window.library_panel.view.isColumnHidden(1))
    header.resizeSection(1, 140)  # the title column stretches; the others are the analyst's
    header.moveSection(4, 1)
    window.close()
    again = _open(qtbot, demo_lib)
    kept = again.library_panel.view.horizontalHeader()
    assert kept.sectionSize(1) == 140
    assert kept.visualIndex(4) == 1


def test_f6_moves_between_the_panels(qtbot: QtBot, complete: MainWindow) -> None:
    complete.activateWindow()
    complete.library_panel.view.setFocus()
    qtbot.waitUntil(lambda: complete.focusWidget() is complete.library_panel.view)

    def panel_of(widget: QWidget | None) -> QWidget | None:
        while widget is not None and not isinstance(widget, QDockWidget):
            if widget is complete.centralWidget():
                return widget
            widget = widget.parentWidget()
        return widget

    visited = [panel_of(complete.focusWidget())]
    for _ in range(4):
        complete.next_panel_action.trigger()
        visited.append(panel_of(complete.focusWidget()))
    assert None not in visited
    assert len(set(visited)) == 5  # a different panel each time
    complete.previous_panel_action.trigger()
    assert panel_of(complete.focusWidget()) is visited[-2]


def test_every_panel_table_and_field_has_an_accessible_name(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    complete.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    unnamed = unnamed_widgets(complete, complete)
    assert unnamed == []


@pytest.mark.parametrize("screen", [(1366, 768), (1440, 900), (1920, 1080)])
def test_the_note_in_front_has_room_for_its_sections_at_first_start(
    qtbot: QtBot, demo_lib: Library, screen: tuple[int, int]
) -> None:
    window = _open(qtbot, demo_lib, first_start_size(QRect(QPoint(0, 0), QPoint(*screen))))
    claims = window.docks.docks["claims"]
    # The Read layout settled: the claims table has its third of the height under the reader.
    qtbot.waitUntil(lambda: claims.height() >= window.height() * 0.3)
    reading_height = claims.height()
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    editor = window.note_workspace.editor
    area = editor.scroll_area
    qtbot.waitUntil(lambda: area.isVisible() and bool(editor.boxes))
    lines = editor.boxes["summary"].editor.fontMetrics().lineSpacing()
    # Under the header's fields the sections show a dozen lines at once (about seven before:
    # the claims table's height, kept under the note, left a section and a half).
    qtbot.waitUntil(lambda: area.viewport().height() >= 12 * lines)
    # Back to the reader, the claims table has the height it had.
    window.workspace_tabs.setCurrentWidget(window.work_area.reader_page)
    qtbot.waitUntil(lambda: abs(claims.height() - reading_height) <= 2)


def test_the_matrix_shown_with_the_note_in_front_has_room_for_its_rows(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _open(qtbot, demo_lib, first_start_size(QRect(QPoint(0, 0), QPoint(1366, 768))))
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    problems = window.docks.docks["problems"]
    # The note in front: the bottom panels have a fifth of the height, enough for problems.
    qtbot.waitUntil(lambda: problems.isVisible() and problems.height() < window.height() * 0.3)

    window.docks.docks["matrix"].toggleViewAction().trigger()

    matrix = window.matrix
    qtbot.waitUntil(lambda: matrix.model.rowCount() > 0)
    view = matrix.view
    at = matrix.model.position_of("C7")
    assert at is not None
    third = matrix.model.index(at, matrix.model.hypothesis_column("H1"))
    # The scores and the first rows of the demo's matrix show without scrolling; in a fifth
    # of 768 px only the Scores row did, under the matrix's question and leader lines.
    qtbot.waitUntil(
        lambda: (
            not view.visualRect(third).isEmpty()
            and view.visualRect(third).bottom() <= view.viewport().height()
        )
    )
    # Back on the Problems tab, the note has its room again.
    problems.raise_()
    qtbot.waitUntil(lambda: problems.isVisible() and problems.height() < window.height() * 0.3)


def test_the_board_chosen_with_the_note_in_front_shows_its_cards_whole(
    qtbot: QtBot, demo_lib: Library
) -> None:
    # The walk: with the note in front the Board's tab got the note's fifth of 768 px, and
    # each card showed its key line only, clipped by the dock's bottom edge.
    window = _open(qtbot, demo_lib, first_start_size(QRect(QPoint(0, 0), QPoint(1366, 768))))
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    problems = window.docks.docks["problems"]
    qtbot.waitUntil(lambda: problems.isVisible() and problems.height() < window.height() * 0.3)

    window.docks.docks["board"].toggleViewAction().trigger()

    view = window.board.view
    qtbot.waitUntil(lambda: bool(view.columns) and view.columns[0].cards.isVisible())
    cards = view.columns[0].cards
    first = cards.visualRect(cards.model().index(0, 0))
    area = view.positions_area.viewport()
    # The first card whole inside the board's scroll area, without scrolling.
    qtbot.waitUntil(
        lambda: (
            not cards.visualRect(cards.model().index(0, 0)).isEmpty()
            and cards.viewport().mapTo(area, first.bottomLeft()).y() <= area.height()
            and first.bottom() <= cards.viewport().height()
        )
    )
    # Back on the Problems tab, the note has its room again.
    problems.raise_()
    qtbot.waitUntil(lambda: problems.isVisible() and problems.height() < window.height() * 0.3)


def test_the_reader_gets_its_claims_height_back_after_the_matrix_grew_the_bottom(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _open(qtbot, demo_lib, first_start_size(QRect(QPoint(0, 0), QPoint(1366, 768))))
    claims = window.docks.docks["claims"]
    qtbot.waitUntil(lambda: claims.height() >= window.height() * 0.3)
    reading_height = claims.height()
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    matrix = window.docks.docks["matrix"]
    matrix.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: matrix.height() >= window.height() * 0.4)

    window.workspace_tabs.setCurrentWidget(window.work_area.reader_page)

    qtbot.waitUntil(lambda: abs(claims.height() - reading_height) <= 2)
    QApplication.processEvents()  # the Matrix's height put back once it hid: not over this
    assert abs(claims.height() - reading_height) <= 2
