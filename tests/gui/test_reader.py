"""The reader paints claims where they are, even with emoji and overlapping claims."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.gui.highlighter import kind_colour
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.offsets import TextOffsets
from briefing_app.gui.widgets.reader import Reader


def test_offsets_round_trip_past_characters_outside_the_bmp() -> None:
    text = "a😀b 🇹🇯 c"
    offsets = TextOffsets(text)
    for index in range(len(text) + 1):
        assert offsets.to_py(offsets.to_qt(index)) == index
    assert offsets.to_qt(text.index("c")) == text.index("c") + 3


def test_selection_after_an_emoji_gives_core_offsets(qtbot: QtBot, lib: Library) -> None:
    text = "Crowds 🙂 cheered. The ministry denied it."
    source = lib.sources.add(ExtractedDocument(title="Emoji", text=text))
    reader = Reader()
    qtbot.addWidget(reader)
    reader.show_source(source.id, source.text, [])
    start = source.text.index("ministry denied")
    reader.select_span(start, start + len("ministry denied"))
    assert reader.textCursor().selectedText() == "ministry denied"
    span = reader.selection_span()
    assert span is not None
    claim = lib.claims.add(source.id, start=span[0], end=span[1])
    assert claim.quote == "ministry denied"


def formats_at(reader: Reader, position: int) -> QTextCharFormat:
    block = reader.document().findBlock(position)
    offset = position - block.position()
    ranges = block.layout().formats()
    for fmt_range in ranges:
        if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    return QTextCharFormat()


def test_overlapping_claims_both_stay_visible(qtbot: QtBot, lib: Library) -> None:
    text = "The Taliban denied that a group intent on destabilising the region was involved."
    source = lib.sources.add(ExtractedDocument(title="Overlap", text=text))
    outer = lib.claims.add(source.id, quote="The Taliban denied that a group", kind="denial")
    inner = lib.claims.add(source.id, quote="a group intent on", kind="allegation")
    reader = Reader()
    qtbot.addWidget(reader)
    reader.show_source(source.id, source.text, lib.claims.spans(source.id))

    only_outer = formats_at(reader, text.index("Taliban"))
    overlap = formats_at(reader, text.index("group"))
    only_inner = formats_at(reader, text.index("intent"))
    plain = formats_at(reader, text.index("region"))

    assert only_outer.background().color().rgb() == kind_colour("denial").rgb()
    assert only_inner.background().color().rgb() == kind_colour("allegation").rgb()
    # Where they overlap the inner claim's colour is deeper and the outer one underlines it.
    assert overlap.background().color().alpha() > only_inner.background().color().alpha()
    assert overlap.underlineColor().rgb() == kind_colour("denial").rgb()
    assert plain.background().style().name == "NoBrush"
    assert reader.claims_at(text.index("group")) == [outer.id, inner.id]


def test_a_source_opens_at_its_top_with_nothing_selected(
    complete: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: bool(complete.suggestions.suggestions_panel.suggestions))
    assert complete.reader.verticalScrollBar().value() == 0
    assert not complete.reader.textCursor().hasSelection()
    # Working through the list still moves the text to each suggestion.
    complete.suggestions.suggestions_panel.step(1)
    assert complete.reader.textCursor().hasSelection()


# A page stored before imports wrote blank lines between paragraphs: one newline apart.
OLD_PAGE = (
    "Officials said the border post was attacked overnight by an armed group.\n"
    "The ministry denied any involvement in the attack on the post.\n"
    "Three workers were killed in the attack, according to local reports."
)


def _space_between(reader: Reader, upper: int, lower: int) -> float:
    """Pixels on screen between the last text line of block upper and the first of lower."""
    document = reader.document()
    above, below = document.findBlockByNumber(upper), document.findBlockByNumber(lower)
    offset = reader.contentOffset()
    top_above = reader.blockBoundingGeometry(above).translated(offset).top()
    top_below = reader.blockBoundingGeometry(below).translated(offset).top()
    last = above.layout().lineAt(above.layout().lineCount() - 1)
    first = below.layout().lineAt(0)
    return (top_below + first.y()) - (top_above + last.y() + last.height())


def _open(window: MainWindow, lib: Library, text: str) -> int:
    source = lib.sources.add(ExtractedDocument(title="A page", text=text))
    assert source.text == text  # stored as it came
    window.sources.open_source(source.id)
    assert window.reader.source_text() == text
    return source.id


def test_paragraphs_one_newline_apart_show_space_between_them(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    _open(window, demo_lib, OLD_PAGE)
    reader = window.reader
    metrics = reader.fontMetrics()
    for upper in (0, 1):
        gap = _space_between(reader, upper, upper + 1)
        assert gap > metrics.leading() + metrics.lineSpacing() / 3
    # Only drawn: the text, and so every offset, is the stored one.
    assert reader.toPlainText() == OLD_PAGE

    # A page with blank lines between its paragraphs already shows them apart: nothing added.
    spaced = "A newer page.\n\nIts importer wrote a blank line.\n\nBetween paragraphs."
    _open(window, demo_lib, spaced)
    assert reader.paragraph_gap() == 0
    assert _space_between(reader, 0, 1) <= metrics.leading() + 1
    assert reader.toPlainText() == spaced


def test_a_passage_tagged_across_spaced_paragraphs_has_the_right_quote(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    source_id = _open(window, demo_lib, OLD_PAGE)
    reader = window.reader
    start = OLD_PAGE.index("armed group")
    end = OLD_PAGE.index("any involvement") + len("any involvement")

    def point_at(offset: int) -> QPoint:
        cursor = QTextCursor(reader.document())
        cursor.setPosition(offset)
        return reader.cursorRect(cursor).center()

    # Click before "armed", shift+click after "involvement": the mouse crosses the gap.
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point_at(start))
    qtbot.mouseClick(
        reader.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        point_at(end),
    )
    assert reader.selection_span() == (start, end)
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

    claim = window.inspector.claim
    assert claim is not None and claim.source_id == source_id
    assert (claim.start, claim.end) == (start, end)
    assert claim.quote == OLD_PAGE[start:end]
    assert "\n" in claim.quote  # the paragraph break is in the quote, not the drawn space
    assert reader.claims_at(start) == reader.claims_at(end - 1) == [claim.id]


def test_find_marks_the_right_words_in_spaced_paragraphs(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    _open(window, demo_lib, OLD_PAGE)
    reader, bar = window.reader, window.sources.find_bar
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.field, "attack")
    marks = reader.extraSelections()
    assert len(marks) == 3  # one in each paragraph
    assert [m.cursor.selectedText().casefold() for m in marks] == ["attack"] * 3
    starts = [m.cursor.selectionStart() for m in marks]
    assert starts == [i for i in range(len(OLD_PAGE)) if OLD_PAGE.startswith("attack", i)]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert reader.selection_span() == (starts[1], starts[1] + len("attack"))


def test_the_end_of_a_long_spaced_page_can_be_scrolled_to(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    paragraphs = [f"Paragraph {n} of a page stored before blank lines." for n in range(300)]
    _open(window, demo_lib, "\n".join(paragraphs))
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = reader.document().lastBlock()
    shown = reader.blockBoundingGeometry(last).translated(reader.contentOffset())
    assert last.text() == paragraphs[-1]
    assert shown.top() >= 0 and shown.bottom() <= reader.viewport().height() + 1
