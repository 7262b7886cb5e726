"""The window under a large system font (14–16 pt, as analysts with enlarged text set it):
sizes drawn by the app follow the font, so nothing is cut or dwarfed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QStyle, QTableView, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.dialogs.export_dialog import ExportDialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.preview import PreviewBrowser
from briefing_app.gui.widgets.note_header import NoteHeaderForm
from tests.gui.conftest import laptop_window

LARGE = 15.0


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[QFont]:
    """Give the application a 15 pt font for this test, then its own back."""
    saved = QFont(qapp.font())
    font = QFont(saved)
    font.setPointSizeF(LARGE)
    qapp.setFont(font)
    yield qapp.font()
    qapp.setFont(saved)


def _sizes(browser: PreviewBrowser) -> dict[str, float]:
    """Return the point size each line of the preview is drawn at."""
    sizes = {}
    default = browser.document().defaultFont().pointSizeF()
    block = browser.document().begin()
    while block.isValid():
        if block.text():
            fmt: QTextCharFormat = block.begin().fragment().charFormat()
            sizes[block.text()] = fmt.fontPointSize() or default  # 0: the document's own
        block = block.next()
    return sizes


def test_the_preview_s_headings_stay_larger_than_its_text_under_a_large_font(
    qtbot: QtBot, large_font: QFont
) -> None:
    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(
        "<h1>Attack in Khatlon</h1><h2>Key judgments</h2><p>Armed men attacked the camp.</p>"
    )
    sizes = _sizes(browser)
    body = sizes["Armed men attacked the camp."]
    assert body >= LARGE
    assert sizes["Key judgments"] > body
    assert sizes["Attack in Khatlon"] > sizes["Key judgments"]


def test_a_board_column_widens_with_a_large_font_so_its_counts_fit_on_one_line(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    window.docks.docks["board"].toggleViewAction().trigger()
    board = window.board.view
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].header.isVisible())
    for column in board.columns:
        header = column.header
        counts = header.text().split("<br>", 1)[1]
        room = header.contentsRect().width()
        assert room < column.width()  # laid out in its column
        assert header.fontMetrics().horizontalAdvance(counts) <= room, column.party


def test_a_source_s_format_badge_is_as_high_as_a_line_of_a_large_font(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.library_panel.view
    assert view.iconSize().height() >= view.fontMetrics().height()
    badge = view.model().index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    pixmap = badge.pixmap(view.iconSize())
    assert pixmap.height() >= view.fontMetrics().height()


def _cut_headings(view: QTableView, columns: range) -> list[str]:
    """Return the headings of these columns too wide for their column (cut or elided)."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    cut = []
    for column in columns:
        if view.isColumnHidden(column):
            continue
        label = str(model.headerData(column, Qt.Orientation.Horizontal)).split("\n")[0]
        if metrics.horizontalAdvance(label) + margin > header.sectionSize(column):
            cut.append(label)
    return cut


def test_the_claims_table_s_headings_fit_their_columns_under_a_large_font(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.claims_panel.view
    last = view.model().columnCount() - 1  # the statement stretches to the edge
    assert _cut_headings(view, range(last)) == []


def test_the_matrix_s_headings_fit_their_columns_under_a_large_font(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    window.docks.docks["matrix"].toggleViewAction().trigger()
    matrix = window.matrix
    qtbot.waitUntil(lambda: matrix.model.rowCount() > 0)
    # The evidence's fixed columns, the hypotheses' keys and Diagnosticity.
    assert _cut_headings(matrix.view, range(matrix.model.columnCount())) == []


def test_the_export_dialog_shows_every_finding_of_a_short_report_under_a_large_font(
    qtbot: QtBot, large_font: QFont
) -> None:
    from briefing_app.core.checks import CheckReport, Finding

    report = CheckReport(
        [
            Finding("length.empty", "warning", key, 0, 0, f"{key.title()} is empty", "Write it")
            for key in ("issue", "background", "considerations", "recommendation")
        ]
    )
    dialog = ExportDialog("My note", "footnotes", report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    findings = dialog.findings
    assert findings.count() == 4
    last = findings.visualItemRect(findings.item(3))
    assert findings.viewport().rect().contains(last), "the last finding is scrolled out of sight"


def test_the_inspector_s_fields_are_whole_beside_its_scroll_bar_under_a_large_font(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    claim = demo_lib.claims.by_key("C6")
    assert claim is not None
    window.sources.show_claim(claim.id)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.party.text() == claim.party)
    viewport = inspector.body.viewport()
    for field in (inspector.statement, inspector.party, inspector.tags):
        right = field.mapTo(viewport, field.rect().topRight()).x()
        assert right < viewport.width(), field.accessibleName()


@pytest.mark.parametrize("name", ["matrix", "board", "chronology"])
def test_a_weighing_view_shown_under_a_large_font_keeps_the_window_on_a_laptop_screen(
    qtbot: QtBot, demo_lib: Library, large_font: QFont, name: str
) -> None:
    window = laptop_window(qtbot, demo_lib)
    dock = window.docks.docks[name]
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    # Bars of filters, or of a question and buttons, wrap instead of widening the window past
    # the screen (the claims table's filters beside the chronology, the views' own bars).
    assert window.width() <= 1366
    buttons = [b for b in dock.findChildren(QPushButton) if b.isVisible()]
    assert all(not b.visibleRegion().isEmpty() for b in buttons)
    assert buttons or name == "chronology"


def _header_of(qtbot: QtBot, demo_lib: Library) -> NoteHeaderForm:
    """Return the memo header of the demo note, in a window the size of a 1366×768 screen."""
    window = laptop_window(qtbot, demo_lib)
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    header = window.note_workspace.editor.header_form
    qtbot.waitUntil(header.isVisible)
    return header


def _header_fields(header: NoteHeaderForm) -> list[QWidget]:
    return [e for e in header.findChildren(QLineEdit) if e.isVisible() and e.accessibleName()]


def test_the_memo_header_wraps_under_a_large_font_so_names_and_dates_show_whole(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    header = _header_of(qtbot, demo_lib)
    # The 15 pt header had cut its dates to "Y…" and its names to four letters.
    date, subject = header.edits["memo_date"], header.edits["subject"]
    qtbot.waitUntil(lambda: header.narrow and date.y() > subject.y())  # laid out anew
    fields = _header_fields(header)
    dates = [e for e in fields if e.accessibleName().endswith("date")]
    assert len(dates) == 4  # the memo's own and three clearance lines
    for field in dates:
        room = field.contentsRect().width()
        assert field.fontMetrics().horizontalAdvance("2026-12-31") <= room, field.accessibleName()
    least = header.fontMetrics().averageCharWidth() * 20
    for field in fields:
        if not field.accessibleName().endswith("date"):
            assert field.width() >= least, field.accessibleName()
    # Marking and the date have a row of their own, below the subject.
    assert header.marking.y() == date.y()


@pytest.mark.parametrize("layout", ["", "write"])
def test_the_memo_header_keeps_its_two_rows_at_the_usual_font(
    qtbot: QtBot, demo_lib: Library, layout: str
) -> None:
    header = _header_of(qtbot, demo_lib)
    if layout:  # the note beside the reader: a narrower header, still on two rows
        window = header.window()
        assert isinstance(window, MainWindow)
        window.docks.apply(layout)
        qtbot.waitUntil(lambda: header.width() < 700)
    grid = header.layout()
    assert grid is not None
    grid.activate()  # the fields placed for the width the form now has
    assert not header.narrow
    to, date, subject = header.edits["memo_to"], header.edits["memo_date"], header.edits["subject"]
    assert to.y() == date.y()  # who and when on the first row
    assert header.marking.y() == subject.y()  # what and how it is handled on the second
    rows = {e.y() for e in _header_fields(header)}
    assert len(rows) == 5  # two memo rows and three clearance lines


def test_tab_follows_the_wrapped_memo_header_row_by_row_under_a_large_font(
    qtbot: QtBot, demo_lib: Library, large_font: QFont
) -> None:
    header = _header_of(qtbot, demo_lib)
    qtbot.waitUntil(lambda: header.narrow)
    names, widget = [], header.edits["memo_from"].nextInFocusChain()
    while len(names) < 3:
        if widget.accessibleName() in {"Memo subject", "Memo date", "Note marking"}:
            names.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
    assert names == ["Memo subject", "Memo date", "Note marking"]  # as the rows are seen
