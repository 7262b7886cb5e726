"""The reader paints claims where they are, even with emoji and overlapping claims."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
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
