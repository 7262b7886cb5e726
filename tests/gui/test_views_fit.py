"""The weighing views (board, chronology, matrix) shown from the View menu on a laptop screen:
each comes forward as a tab where it belongs, the window stays on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.docks import SHOWN_WIDTHS
from briefing_app.gui.layout_memory import first_start_size
from briefing_app.gui.main_window import MainWindow
from tests.gui.accessible_names import unnamed_widgets
from tests.gui.conftest import laptop_window

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
    window = laptop_window(qtbot, demo_lib)
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
    window = laptop_window(qtbot, demo_lib)
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


SCREENS = [(1366, 768), (1440, 900), (1920, 1080)]


def _first_start(qtbot: QtBot, lib: Library, screen: tuple[int, int]) -> MainWindow:
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.resize(*first_start_size(QRect(QPoint(0, 0), QPoint(*screen))))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    return window


@pytest.mark.parametrize("screen", SCREENS)
def test_the_chronology_shows_each_days_date_whole_at_first_start(
    qtbot: QtBot, demo_lib: Library, screen: tuple[int, int]
) -> None:
    from briefing_app.gui.chronology.model import ENTRY_ROLE, Group

    # The longest dates there are: a Wednesday in September, a Friday in January.
    for key, day in (("C1", "2025-09-24"), ("C2", "2017-01-13"), ("C3", "2025-11")):
        demo_lib.claims.update(demo_lib.claims.by_key(key).id, event_date=day)
    window = _first_start(qtbot, demo_lib, screen)
    dock = window.docks.docks["chronology"]
    dock.toggleViewAction().trigger()
    panel = window.chronology.panel
    qtbot.waitUntil(lambda: panel.model.dated == 3 and not dock.visibleRegion().isEmpty())
    view, delegate = panel.view, panel.view.chronology_delegate
    metrics = QFontMetrics(view.font())
    # Shown, the column widens to its share of the window (after its first layout pass).
    wide = int(window.width() * SHOWN_WIDTHS["chronology"]) - 4
    qtbot.waitUntil(lambda: dock.width() >= wide)
    headers = 0
    for row in range(panel.model.rowCount()):
        index = panel.model.index(row, 0)
        group = index.data(ENTRY_ROLE)
        if not isinstance(group, Group) or not group.key:
            continue
        headers += 1
        room = view.visualRect(index).width() - 28 - 4  # the text's place in the row
        title, count = delegate.group_words(group, room, view.font())
        # The date reads whole (in short if need be, the tooltip in full), with its count.
        assert "…" not in title and title in (group.title, group.short_title), title
        assert count, (group.title, room)
        assert group.title in index.data(Qt.ItemDataRole.ToolTipRole)
    assert headers == 3
    # A claim's date line keeps its date and when it was reported.
    assert view.viewport().width() >= metrics.horizontalAdvance("24 Sep 2025 reported 2025-11-27")
    # The inspector and the reader still have room beside it.
    assert window.docks.docks["inspector"].width() >= 250
    assert window.reader.width() >= 300


@pytest.mark.parametrize("screen", SCREENS)
def test_every_button_of_the_matrix_bar_shows_whole_in_its_dock(
    qtbot: QtBot, demo_lib: Library, screen: tuple[int, int]
) -> None:
    window = _first_start(qtbot, demo_lib, screen)
    dock = window.docks.docks["matrix"]
    dock.toggleViewAction().trigger()
    panel = window.matrix.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not dock.visibleRegion().isEmpty())
    buttons = [
        panel.add_hypothesis_button,
        panel.add_absence_button,
        panel.add_assumption_button,
        panel.judgment_button,
    ]
    for button in buttons:
        # Room for its words and, after them, its menu's arrow (once drawn over the words'
        # end); inside the dock: nothing cut at the right edge.
        words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        arrow = 0
        if button.menu() is not None:
            arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
        assert button.isVisible(), button.text()
        assert button.width() >= words + arrow + 8, (button.text(), button.width(), words)
        right = button.mapTo(dock, button.rect().topRight()).x()
        assert right < dock.width(), (button.text(), right, dock.width())
    assert panel.judgment_button.toolTip()


@pytest.mark.parametrize("screen", [(1366, 768), (1440, 900), (1920, 1080)])
def test_every_column_of_the_key_assumptions_shows_in_the_matrix_dock_without_scrolling(
    qtbot: QtBot, demo_lib: Library, screen: tuple[int, int]
) -> None:
    question = demo_lib.questions.by_key("Q1").id
    demo_lib.assumptions.add(
        question,
        "The Taliban administration controls every crossing point on the Panj river, so it "
        "would have known of the attackers' movements beforehand",
        rating="unsupported",
        why="Only the Taliban's own statements say so, and they have reason to overstate it",
        wrong_if="Satellite imagery shows unguarded fords used at night",
        supports=("C4", "C6", "C7", "C9"),
        hypotheses=("H1", "H2", "H3"),
    )
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(*first_start_size(QRect(QPoint(0, 0), QPoint(*screen))))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    window.docks.docks["matrix"].toggleViewAction().trigger()  # the default dock layout
    panel = window.matrix.panel.assumptions
    table = panel.table
    qtbot.waitUntil(lambda: table.rowCount() == 2 and table.isVisible())
    header, viewport = table.horizontalHeader(), table.viewport()

    def every_column_inside() -> None:
        # Every column lies inside the viewport: nothing to scroll sideways to.
        assert table.horizontalScrollBar().maximum() == 0
        for c in range(table.columnCount()):
            assert not table.isColumnHidden(c)
            start = header.sectionViewportPosition(c)
            assert start >= 0 and start + header.sectionSize(c) <= viewport.width(), c

    qtbot.waitUntil(every_column_inside)  # the dock's layout settles after it is shown
    # The text of a cell is drawn inside margins the style keeps on each side (and a grid line).
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 1
    # Each column is wide enough for a few characters; keys and ratings word by word, whole.
    for c in range(table.columnCount()):
        assert table.columnWidth(c) - margin >= metrics.horizontalAdvance("A99"), c
    rating_width = table.columnWidth(2) - margin
    for r in range(table.rowCount()):
        key, rating = table.item(r, 0).text(), table.item(r, 2).text()
        assert metrics.horizontalAdvance(key) <= table.columnWidth(0) - margin
        assert all(metrics.horizontalAdvance(word) <= rating_width for word in rating.split())
        wrapped = metrics.boundingRect(
            QRect(0, 0, rating_width, 10_000), Qt.TextFlag.TextWordWrap, rating
        )
        assert wrapped.height() < table.rowHeight(r), (rating, table.rowHeight(r))
    assert [row[2] for row in panel.rows_text()] == ["Correct with caveats", "Unsupported"]
    # What a narrow cell cannot show whole, its tooltip does.
    assert table.item(1, 3).toolTip().startswith("Only the Taliban's own statements")


def test_the_inspectors_buttons_stay_in_view_with_a_long_quote_on_a_laptop(
    qtbot: QtBot, demo_lib: Library
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    # A quote of a dozen lines at the inspector's width: the buttons under it went out of
    # the dock's bottom, a scroll away.
    passage = " ".join(
        f"Paragraph {n} of the witness statement describes the convoy, the drone and the fire."
        for n in range(12)
    )
    source = demo_lib.sources.add(ExtractedDocument(title="Witness statement", text=passage))
    claim = demo_lib.claims.add(source.id, start=0, end=len(passage), party="A witness")
    window = _first_start(qtbot, demo_lib, (1366, 768))
    window.sources.select_claim(claim.id)
    inspector, dock = window.inspector, window.docks.docks["inspector"]
    quote = inspector.quote
    qtbot.waitUntil(lambda: quote.text().startswith("“Paragraph 0"))
    # Laid out: the quote as tall as its wrapped lines (the whole quote is there to read).
    qtbot.waitUntil(lambda: quote.height() >= quote.heightForWidth(quote.width()) > 300)
    visible = dock.visibleRegion().boundingRect()
    for button in (inspector.show_button, inspector.delete_button):
        qtbot.waitUntil(button.isVisible)
        assert button.isEnabled()
        place = QRect(button.mapTo(dock, QPoint(0, 0)), button.size())
        assert visible.contains(place), (button.text(), place, visible)
    # The quote scrolls in its own box, so the statement to write is in sight under it too.
    statement = inspector.statement
    place = QRect(statement.mapTo(dock, QPoint(0, 0)), statement.size())
    assert statement.isVisible() and visible.contains(place), (place, visible)
    # A short quote reads whole, no scrolling.
    short = demo_lib.claims.by_key("C5")
    window.sources.select_claim(short.id)
    qtbot.waitUntil(lambda: short.quote in quote.text())
    box = inspector.quote_box
    qtbot.waitUntil(lambda: box.height() >= quote.heightForWidth(box.viewport().width()))
    assert box.verticalScrollBar().maximum() == 0


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_the_sources_list_shows_title_date_grade_and_claims_without_a_sideways_scroll(
    qtbot: QtBot, demo_lib: Library, screen: tuple[int, int]
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    # Enough sources for a vertical scroll bar, and a report imported twice, Word and PDF.
    title = "Tajik border security after the Khatlon attack: an assessment for ministers"
    with demo_lib.write():
        for n in range(40):
            demo_lib.sources.add(ExtractedDocument(title=f"Report {n}", text=f"Report {n}."))
        for fmt in ("docx", "pdf"):
            demo_lib.sources.add(
                ExtractedDocument(
                    title=title, text=f"The attack ({fmt}).", format=fmt, published="2025-11-30"
                )
            )
    window = _first_start(qtbot, demo_lib, screen)
    panel = window.library_panel
    view, model, header = panel.view, panel.model, panel.view.horizontalHeader()
    qtbot.waitUntil(lambda: model.rowCount() == 43 and view.verticalScrollBar().isVisible())
    # Every column but the outlet on screen: nothing to scroll sideways to.
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    width = view.viewport().width()
    metrics = view.fontMetrics()
    for column in (0, 2, 3, 4):
        assert not view.isColumnHidden(column)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= width, column
        label = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(label), label
    # The title takes the room left: a dozen characters and the format's badge at least.
    assert header.sectionSize(0) >= metrics.horizontalAdvance("Tajik border") + 24
    assert header.sectionSize(2) >= metrics.horizontalAdvance("2025-11-30")
    # The two copies: the same title, told apart by their badges and their tooltips.
    word, pdf = model.index(1, 0), model.index(0, 0)
    assert word.data() == pdf.data() == title
    badges = [i.data(Qt.ItemDataRole.DecorationRole) for i in (word, pdf)]
    assert not badges[0].isNull() and badges[0].cacheKey() != badges[1].cacheKey()
    assert "Word" in word.data(Qt.ItemDataRole.ToolTipRole)
    assert "PDF" in pdf.data(Qt.ItemDataRole.ToolTipRole)


def test_the_outlet_column_follows_the_lists_width_until_the_analyst_sizes_it(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = _first_start(qtbot, demo_lib, (1366, 768))
    panel = window.library_panel
    view, header = panel.view, panel.view.horizontalHeader()
    sources = window.docks.docks["sources"]
    qtbot.waitUntil(lambda: view.isColumnHidden(1))  # no room beside the title at 1366
    # A width where the outlet does not fit: it stays out however often the list is laid
    # out (a hidden column measured 0 wide, so it came back on the next resize, then left).
    for width in (560, 561, 562, 561):
        window.resizeDocks([sources], [width - 200], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda w=width - 200: abs(sources.width() - w) <= 2)
        assert view.isColumnHidden(1)
    # Wide enough: the outlet shows; the analyst sizes it, and it stays when the list narrows.
    window.resizeDocks([sources], [700], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: not view.isColumnHidden(1))
    header.resizeSection(1, 120)
    window.resizeDocks([sources], [300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: sources.width() <= 310)
    assert not view.isColumnHidden(1) and header.sectionSize(1) == 120


# First start on a 1366 x 768 laptop and on a 1920 x 1080 screen, and a window maximised on a
# 1600 px screen (wide enough for the Write layout's three columns: notes, centre, preview).
WRITE_WINDOWS = [
    first_start_size(QRect(0, 0, 1366, 768)),
    first_start_size(QRect(0, 0, 1920, 1080)),
    (1600, 900),
]


@pytest.mark.parametrize("size", WRITE_WINDOWS)
def test_the_write_layouts_sources_tab_shows_its_columns_and_the_editor_keeps_its_width(
    qtbot: QtBot, demo_lib: Library, size: tuple[int, int]
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    title = "Tajik border security after the Khatlon attack: an assessment for ministers"
    with demo_lib.write():
        for n in range(40):
            demo_lib.sources.add(ExtractedDocument(title=f"{title} ({n})", text=f"Report {n}."))
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    window.docks.apply("write")
    sources = window.docks.docks["sources"]
    sources.raise_()  # the tab behind the notes list
    qtbot.waitUntil(lambda: not sources.visibleRegion().isEmpty())
    model = window.library_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 41)
    # The checks hold once the layout has settled (dock sizes apply on the next passes).
    qtbot.waitUntil(lambda: _write_layout_fits(window))


def _write_layout_fits(window: MainWindow) -> None:
    view, model = window.library_panel.view, window.library_panel.model
    header = view.horizontalHeader()
    assert view.verticalScrollBar().isVisible()
    # Nothing to scroll sideways to: title, date, grade and claims in view.
    assert view.horizontalScrollBar().maximum() == 0
    width = view.viewport().width()
    for column in (0, 2, 3, 4):
        assert not view.isColumnHidden(column)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= width, column
        label = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= view.fontMetrics().horizontalAdvance(label), label
    # The title keeps its first words (the outlet, shown, once cut it to a few letters).
    assert header.sectionSize(0) >= view.fontMetrics().horizontalAdvance("Tajik border") + 24
    # The note being written, the layout's main pane, did not pay for the list's room: about
    # a third of the window, as the Write layout's share of the centre gives it.
    editor = window.note_workspace.editor
    assert editor.isVisible()
    assert editor.width() >= 0.35 * window.width(), (editor.width(), window.width())
