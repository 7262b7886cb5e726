"""The window under a dark system palette (light text on a near-black base): every mark the
app paints in its own colours still reads at the WCAG text contrast of 4.5:1."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPalette, QPixmap, QTextFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.appearance_screenshots import dark_palette
from briefing_app.gui.board.card_delegate import card_colours
from briefing_app.gui.contrast import TEXT_CONTRAST, composite, contrast_ratio, is_dark
from briefing_app.gui.dialogs.text_dialog import TextDialog
from briefing_app.gui.highlighter import KIND_COLOURS
from briefing_app.gui.icons import icon
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.matrix.delegate import current_frame
from briefing_app.gui.matrix.model import RATING_COLOURS
from briefing_app.gui.notes.section_conflicts import SectionConflicts
from briefing_app.gui.preview import PreviewBrowser
from briefing_app.gui.widgets.note_editor import NoteEditor, SectionEditor
from briefing_app.gui.widgets.reader import Reader

Role = Qt.ItemDataRole
BACKGROUND = QTextFormat.Property.BackgroundBrush
FOREGROUND = QTextFormat.Property.ForegroundBrush


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


def _unreadable_formats(editor: QPlainTextEdit | QTextEdit) -> list[tuple[str, float]]:
    """Return the stretches of text whose drawn colour does not read on what is behind it."""
    base = editor.palette().color(QPalette.ColorRole.Base)
    text = editor.palette().color(QPalette.ColorRole.Text)
    found = []
    block = editor.document().begin()
    while block.isValid():
        for part in block.layout().formats():
            fmt = part.format
            behind = fmt.background().color() if fmt.hasProperty(BACKGROUND) else base
            ink = fmt.foreground().color() if fmt.hasProperty(FOREGROUND) else text
            ratio = contrast_ratio(ink, composite(behind, base))
            if ratio < TEXT_CONTRAST:
                found.append((block.text()[part.start : part.start + part.length], round(ratio, 2)))
        block = block.next()
    for mark in editor.extraSelections():
        fmt = mark.format
        behind = fmt.background().color() if fmt.hasProperty(BACKGROUND) else base
        ink = fmt.foreground().color() if fmt.hasProperty(FOREGROUND) else text
        ratio = contrast_ratio(ink, composite(behind, base))
        if ratio < TEXT_CONTRAST:
            found.append((mark.cursor.selectedText(), round(ratio, 2)))
    return found


def test_a_note_s_headings_quotes_code_and_citations_read_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette
) -> None:
    editor = SectionEditor("summary", "")
    qtbot.addWidget(editor)
    editor.set_body(
        "# Key judgments\n- Armed men attacked the camp [@C1; @C2].\n> a quoted line\n`code`"
    )
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.document().begin().layout().formats()  # the heading is painted
    assert _unreadable_formats(editor) == []


def test_a_note_open_when_the_system_turns_dark_recolours_its_marks(
    qtbot: QtBot, qapp: QApplication
) -> None:
    editor = SectionEditor("summary", "")
    qtbot.addWidget(editor)
    editor.set_body("# Key judgments\nThe camp was attacked [@C1].")
    editor.show()
    qtbot.waitExposed(editor)
    saved = QPalette(qapp.palette())
    try:
        # Recoloured, not edited: nothing is saved or re-previewed as if typed.
        with qtbot.assertNotEmitted(editor.textChanged, wait=50):
            qapp.setPalette(dark_palette())
            qtbot.waitUntil(lambda: is_dark(editor.palette()))
        assert _unreadable_formats(editor) == []
    finally:
        qapp.setPalette(saved)


def test_find_in_the_reader_marks_its_matches_readably_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette
) -> None:
    reader = Reader()
    qtbot.addWidget(reader)
    text = "The embassy said three workers died. The embassy later said four."
    reader.show_source(1, text, [])
    reader.show()
    qtbot.waitExposed(reader)
    first, second = text.index("embassy"), text.rindex("embassy")
    reader.mark_found([(first, first + 7), (second, second + 7)], current=1)
    assert len(reader.extraSelections()) == 2
    assert _unreadable_formats(reader) == []


def test_the_changed_elsewhere_banner_reads_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, demo_lib: Library
) -> None:
    editor = NoteEditor(lambda note_id, key, body: True)
    qtbot.addWidget(editor)
    workspace = QWidget()  # the window behind the banner, filled with its colour
    workspace.setAutoFillBackground(True)
    qtbot.addWidget(workspace)
    banner = SectionConflicts(editor, lambda: demo_lib, lambda message: None)
    QVBoxLayout(workspace).addWidget(banner)
    note = demo_lib.notes.all()[0]
    banner.arise(note.id, "summary", "Our summary.", "Their summary.")
    workspace.resize(600, 80)
    workspace.show()
    qtbot.waitExposed(workspace)
    qtbot.waitUntil(banner.isVisible)
    picture = workspace.grab(banner.geometry()).toImage()
    ratio = picture.devicePixelRatio()
    behind = picture.pixelColor(int(6 * ratio), int(6 * ratio))  # inside the frame's border
    ink = banner.message.palette().color(QPalette.ColorRole.WindowText)
    assert contrast_ratio(ink, behind) >= TEXT_CONTRAST, behind.name()


# What the HTML writer gives the preview: a marking, a heading, a box, a broken citation.
PREVIEW_HTML = (
    '<p class="marking">TLP:AMBER</p><h1>Attack in Khatlon</h1><h2>Key judgments</h2>'
    "<p>Armed men attacked the camp.</p>"
    '<div class="box"><p><b>Estimative language</b></p><p>We use likely for 55-80%.</p></div>'
    '<p><span class="broken">[@C99?]</span></p><p class="empty">(empty)</p>'
)


def _unreadable_fragments(browser: QTextEdit) -> list[tuple[str, float]]:
    """Return the runs of text in a rich-text view that do not read on what is behind them."""
    base = browser.palette().color(QPalette.ColorRole.Base)
    text = browser.palette().color(QPalette.ColorRole.Text)
    found = []
    block = browser.document().begin()
    while block.isValid():
        block_fill = block.blockFormat()
        behind_block = (
            block_fill.background().color() if block_fill.hasProperty(BACKGROUND) else base
        )
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            behind = fmt.background().color() if fmt.hasProperty(BACKGROUND) else behind_block
            ink = fmt.foreground().color() if fmt.hasProperty(FOREGROUND) else text
            ratio = contrast_ratio(ink, composite(behind, base))
            if fragment.text().strip() and ratio < TEXT_CONTRAST:
                found.append((fragment.text(), round(ratio, 2)))
            it += 1
        block = block.next()
    return found


def test_the_preview_s_marking_box_and_broken_citations_read_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette
) -> None:
    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(PREVIEW_HTML)
    browser.show()
    qtbot.waitExposed(browser)
    assert "Estimative language" in browser.toPlainText()
    assert _unreadable_fragments(browser) == []


def test_the_preview_restyles_when_the_system_turns_dark(qtbot: QtBot, qapp: QApplication) -> None:
    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(PREVIEW_HTML)
    browser.show()
    qtbot.waitExposed(browser)
    saved = QPalette(qapp.palette())
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: is_dark(browser.palette()))
        assert _unreadable_fragments(browser) == []
        assert "Estimative language" in browser.toPlainText()
    finally:
        qapp.setPalette(saved)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_board_card_s_kind_relations_grades_and_suggestion_read_on_its_fill(
    qapp: QApplication, theme: str
) -> None:
    palette = dark_palette() if theme == "dark" else qapp.style().standardPalette()
    for kind in [*KIND_COLOURS, "unknown kind"]:
        paints = card_colours(kind, palette)
        marks = {"kind": paints.kind, "grades": paints.grey, **paints.relations}
        for name, colour in marks.items():
            assert contrast_ratio(colour, paints.fill) >= TEXT_CONTRAST, (kind, name)
        assert contrast_ratio(paints.suggestion, paints.suggestion_fill) >= TEXT_CONTRAST, kind
        # The statement is the palette's text on the same fill.
        text = palette.color(QPalette.ColorRole.Text)
        assert contrast_ratio(text, paints.fill) >= TEXT_CONTRAST, kind


def test_a_reviewer_s_comment_and_edit_read_in_the_review_pane_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, complete: MainWindow, demo_lib: Library
) -> None:
    note = demo_lib.notes.all()[0]
    summary = note.section("summary")
    assert summary is not None
    at = summary.body.index("a drone")
    comment = demo_lib.comments.add(
        note.id, "summary", "Is the drone confirmed?", author="Supervisor",
        anchor_text="a drone", start=at, end=at + len("a drone"),
    )  # fmt: skip
    edit = demo_lib.edits.add(
        note.id, "summary", "Three Chinese workers", "Three Chinese nationals",
        prefix="", suffix=" were killed", author="Supervisor",
    )  # fmt: skip
    pane = complete.review.review_pane
    pane.set_current_note(note.id)
    shown = []
    for kind, record in (("comment", comment), ("edit", edit)):
        qtbot.waitUntil(lambda k=kind, r=record: pane.select(k, r.id))
        shown.append(pane.detail.toPlainText())
        assert _unreadable_fragments(pane.detail) == [], kind
    assert "a drone" in shown[0] and "nationals" in shown[1]


def _html_colours(text: str) -> list[QColor]:
    return [QColor(c) for c in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", text)]


def test_the_matrix_s_fragile_warning_reads_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, complete: MainWindow
) -> None:
    complete.docks.docks["matrix"].toggleViewAction().trigger()
    label = complete.matrix.panel.state_label
    qtbot.waitUntil(lambda: "Fragile" in label.text())  # the demo's C9 is pivotal
    window = label.palette().color(QPalette.ColorRole.Window)
    reds = _html_colours(label.text())
    assert reds
    assert all(contrast_ratio(red, window) >= TEXT_CONTRAST for red in reds)


def test_a_refused_name_s_reason_reads_on_a_dark_palette(qtbot: QtBot, dark: QPalette) -> None:
    dialog = TextDialog(None, "Rename question", "Question:", "", lambda text: "Say something")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.accept_if_sound()
    assert dialog.problem.isVisible()
    dialog.problem.ensurePolished()
    red = dialog.problem.palette().color(QPalette.ColorRole.WindowText)
    window = dialog.palette().color(QPalette.ColorRole.Window)
    assert contrast_ratio(red, window) >= TEXT_CONTRAST, red.name()


def _stroke(pixmap: QPixmap) -> QColor:
    """Return the colour of an icon's most opaque pixel (its stroke, not the antialiasing)."""
    image = pixmap.toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    return max(pixels, key=lambda c: c.alpha())


@pytest.mark.parametrize("name", ["import", "tag", "undo", "note-new", "find"])
def test_the_toolbar_and_tag_icons_stand_out_on_a_dark_window(
    qtbot: QtBot, dark: QPalette, name: str
) -> None:
    stroke = _stroke(icon(name).pixmap(QSize(24, 24), 2.0))
    window = dark.color(QPalette.ColorRole.Window)
    assert stroke.alpha() == 255
    assert contrast_ratio(stroke, window) >= 3.0, stroke.name()  # WCAG 1.4.11, graphics


def test_a_disabled_icon_still_looks_disabled(qtbot: QtBot) -> None:
    normal = icon("redo").pixmap(QSize(24, 24), 1.0, QIcon.Mode.Normal)
    disabled = icon("redo").pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled)
    assert _stroke(normal) != _stroke(disabled)
    assert _stroke(disabled).saturation() < _stroke(normal).saturation()  # greyed


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_reader_s_claim_highlights_keep_their_text_readable(
    qtbot: QtBot, qapp: QApplication, theme: str
) -> None:
    saved = QPalette(qapp.palette())
    qapp.setPalette(dark_palette() if theme == "dark" else qapp.style().standardPalette())
    try:
        reader = Reader()
        qtbot.addWidget(reader)
        kinds = list(KIND_COLOURS)
        text = " ".join(f"Claim {n} of kind {kind}." for n, kind in enumerate(kinds))
        spans = []
        at = 0
        for n, kind in enumerate(kinds):
            sentence = f"Claim {n} of kind {kind}."
            spans.append((n + 1, at, at + len(sentence), kind))
            at += len(sentence) + 1
        spans.append((99, 0, len(text), "assessment"))  # an outer claim: the inner are darker
        reader.show_source(1, text, spans)
        reader.show()
        qtbot.waitExposed(reader)
        assert reader.document().begin().layout().formats()
        assert _unreadable_formats(reader) == []
    finally:
        qapp.setPalette(saved)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_matrix_s_current_cell_frame_stands_out_on_every_rating_and_on_an_empty_cell(
    qapp: QApplication, theme: str
) -> None:
    palette = dark_palette() if theme == "dark" else qapp.style().standardPalette()
    fills = [QColor(fill) for fill, _ink in RATING_COLOURS.values()]
    fills.append(palette.color(QPalette.ColorRole.Base))  # not rated yet
    for fill in fills:
        assert contrast_ratio(current_frame(fill), fill) >= 3.0, fill.name()
