"""The reader: a source's text, read-only, with its claims highlighted by kind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from briefing_app.gui.claim_mime import claims_mime
from briefing_app.gui.contrast import text_for
from briefing_app.gui.highlighter import ClaimHighlighter
from briefing_app.gui.offsets import TextOffsets
from briefing_app.gui.paragraph_spacing import (
    GAP_LINES,
    SpacedParagraphLayout,
    paragraphs_need_space,
)

# (claim id, start, end, kind) with core (Python) offsets, as lib.claims.spans() returns.
CoreSpan = tuple[int, int, int, str]
# Find's marks: every match, and the current one. Marker-pen yellows whatever the palette, so
# their text is dark too (a dark theme's light text could not be read on them).
_FOUND, _CURRENT = QColor("#fff59d"), QColor("#ffb74d")


class Reader(QPlainTextEdit):
    """Shows one source; hover a highlight for its claim, click to select it."""

    claim_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A layout that can leave space between paragraphs a newline apart (drawn only).
        document = QTextDocument(self)
        self._layout = SpacedParagraphLayout(document)
        document.setDocumentLayout(self._layout)
        self.setDocument(document)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Source text")
        self.setAccessibleDescription("Select a passage and press Ctrl+T to tag it as a claim")
        self.setToolTip("")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.highlighter = ClaimHighlighter(self.document())
        self.source_id: int | None = None
        self._text = ""
        self._offsets = TextOffsets("")
        self._press_pos: QPoint | None = None
        self.describe_claim: Callable[[int], str] = lambda claim_id: ""
        # Given claim ids, return their keys (for dragging a claim's passage into a note).
        self.claim_keys: Callable[[list[int]], list[str]] = lambda claim_ids: []
        self.context_actions: list[QAction] = []
        # Given the claim under the mouse, a submenu for it (e.g. Assign to question ▸).
        self.claim_menu: Callable[[int, QWidget], QMenu | None] = lambda claim_id, parent: None

    def show_source(self, source_id: int | None, text: str, spans: list[CoreSpan]) -> None:
        """Show a source's text with its claims (None: show nothing)."""
        self.source_id = source_id
        self._text = text
        self._offsets = TextOffsets(text)
        # Spans first, so setPlainText highlights once, with the right spans; other layers
        # (suggestions) belonged to the previous text.
        self.highlighter.set_layer("claims", self._to_qt(spans))
        for name, layer in self.highlighter.layers.items():
            if name != "claims":
                layer.set_spans([])
        spaced = paragraphs_need_space(text)
        self._layout.paragraph_gap = self.fontMetrics().lineSpacing() * GAP_LINES if spaced else 0
        self.setPlainText(text)

    def paragraph_gap(self) -> float:
        """Return the space drawn between paragraphs of the text shown (px; 0: none added)."""
        return self._layout.paragraph_gap

    def mark_found(self, spans: list[tuple[int, int]], current: int) -> None:
        """Mark every match of a find (core offsets); select the current one and show it."""
        marks = []
        for n, (start, end) in enumerate(spans):
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets.to_qt(start))
            cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            fill = _CURRENT if n == current else _FOUND
            mark.format.setBackground(fill)
            mark.format.setForeground(text_for(fill))
            marks.append(mark)
        self.setExtraSelections(marks)
        if 0 <= current < len(spans):
            self.select_span(*spans[current])

    def source_text(self) -> str:
        """Return the text shown, as the core holds it (core offsets index it)."""
        return self._text

    def set_spans(self, spans: list[CoreSpan], layer: str = "claims", style: str = "fill") -> None:
        """Replace the highlighted spans of a layer and repaint."""
        self.highlighter.set_layer(layer, self._to_qt(spans), style)
        self.highlighter.rehighlight()

    def update_layer(self, spans: list[CoreSpan], layer: str, style: str = "fill") -> None:
        """Replace a layer's spans, repainting only the blocks whose spans changed.

        A whole-document rehighlight of a 1 MB source costs far more than the few blocks an
        accepted or rejected suggestion touches.
        """
        qt_spans = self._to_qt(spans)
        old = self.highlighter.layers.get(layer)
        before = set(old.spans) if old is not None else set()
        restyled = old is None or old.style != style
        self.highlighter.set_layer(layer, qt_spans, style)
        changed = before.symmetric_difference(qt_spans)
        if restyled or len(changed) > 200:
            self.highlighter.rehighlight()
            return
        document = self.document()
        for _id, start, end, _kind in changed:
            block = document.findBlock(start)
            while block.isValid() and block.position() <= end:
                self.highlighter.rehighlightBlock(block)
                block = block.next()

    def selection_span(self) -> tuple[int, int] | None:
        """Return the selected passage as core offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._offsets.to_py(cursor.selectionStart()),
            self._offsets.to_py(cursor.selectionEnd()),
        )

    def select_span(self, start: int, end: int) -> None:
        """Select core offsets [start, end) and scroll them into the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def top_offset(self) -> int:
        """Return the core offset of the paragraph at the top of the view (where reading is)."""
        return self._offsets.to_py(self.firstVisibleBlock().position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the paragraph holding a core offset is at the top of the view."""
        block = self.document().findBlock(self._offsets.to_qt(min(offset, len(self._text))))
        bar = self.verticalScrollBar()
        # Scrolling back up to the cursor puts its line at the top; no text is selected.
        bar.setValue(bar.maximum())
        self.setTextCursor(QTextCursor(block))
        self.ensureCursorVisible()

    def claims_at(self, start: int) -> list[int]:
        """Return the ids of the claims covering a core offset, innermost last."""
        return [s[0] for s in self.highlighter.spans_at(self._offsets.to_qt(start))]

    def createMimeDataFromSelection(self) -> QMimeData:
        """Dragging a passage that lies in claims carries their keys too (to cite them)."""
        mime = super().createMimeDataFromSelection()
        span = self.selection_span()
        if span is not None:
            cursor = self.textCursor()
            inside = [
                s[0]
                for s in self.highlighter.spans_at(cursor.selectionStart())
                if s[2] >= cursor.selectionEnd()
            ]
            # The innermost claim holding the whole selection: the one the writer means.
            keys = self.claim_keys(inside[-1:]) if inside else []
            if keys:
                text = mime.text()
                claims_mime(keys, mime)
                mime.setText(text)  # plain text drops elsewhere still get the passage
        return mime

    def _to_qt(self, spans: list[CoreSpan]) -> list[CoreSpan]:
        to_qt = self._offsets.to_qt
        return [(i, to_qt(a), to_qt(b), kind) for i, a, b, kind in spans]

    def _claim_under(self, pos: QPoint) -> int | None:
        cursor = self.cursorForPosition(pos)
        spans = self.highlighter.spans_at(cursor.position())
        return spans[-1][0] if spans else None

    def viewportEvent(self, event: QEvent) -> bool:
        """Show the claim under the mouse as a tooltip; a click (not a drag) selects it.

        Here rather than in an event filter on the viewport: a Python filter on the reader
        also sees its scroll bars' events, and the first of them makes PySide6 build the
        Python classes (and enums) of every widget type in turn (~10 ms before the first paint).
        """
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            claim_id = self._claim_under(event.pos())
            if claim_id is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe_claim(claim_id), self)
            return True
        if kind == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            self._press_pos = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            pos = event.position().toPoint()
            moved = self._press_pos is not None and ((pos - self._press_pos).manhattanLength() > 3)
            if not moved and not self.textCursor().hasSelection():
                claim_id = self._claim_under(pos)
                if claim_id is not None:
                    self.claim_clicked.emit(claim_id)
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Offer tagging next to Copy and Select All (and, on a claim, its own menu)."""
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """Return the right-click menu at a point of the viewport."""
        menu = self.createStandardContextMenu(pos)
        actions = menu.actions()
        first = actions[0] if actions else None
        claim_id = self._claim_under(pos)
        extra = self.claim_menu(claim_id, menu) if claim_id is not None else None
        if extra is not None and first is not None:  # the claim's own menu on top
            menu.insertMenu(first, extra)
        elif extra is not None:
            menu.addMenu(extra)
        if self.context_actions:
            if first is not None:  # before Copy and Select All
                for action in self.context_actions:
                    menu.insertAction(first, action)
                menu.insertSeparator(first)
            else:
                menu.addActions(self.context_actions)
        return menu
