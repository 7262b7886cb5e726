"""The note editor: one Markdown editor per template section, with counts and autosave.

Typing is part of the window's Undo/Redo: each editor cuts its typing into steps (a pause of
about a second, a sentence or paragraph end, a cursor jump, a paste or a citation start a new
one) and reports them with `step_typed`; the workspace puts them on the window's undo stack.
The editors keep no undo history of their own, so Ctrl+Z always reaches the window's Undo. The
text is saved through the core a moment after typing stops, and at once when an editor loses
the focus or the note is closed.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.checks.document import split_sentences, words
from briefing_app.core.checks.length import estimated_lines
from briefing_app.core.models import NOTE_STATUSES, Note
from briefing_app.core.templates import Limits, NoteTemplate
from briefing_app.core.text.citations import CITATION_GROUP, find_citations
from briefing_app.core.text.control_chars import MANUAL_BREAK, without_control_chars
from briefing_app.gui.claim_mime import citation_text, keys_from_mime
from briefing_app.gui.contrast import composite, readable
from briefing_app.gui.offsets import TextOffsets
from briefing_app.gui.widgets.note_header import NoteHeaderForm
from briefing_app.gui.widgets.spelling import SpellCheck
from briefing_app.gui.wording import count_of

AUTOSAVE_MS = 600
_GUIDANCE_FLAGS = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft) | int(
    Qt.TextFlag.TextWordWrap
)
# Typing after a pause this long (seconds) is a new undo step.
STEP_PAUSE_S = 1.0
# A manual line break as Qt's text document holds it (a section stores MANUAL_BREAK).
_QT_LINE_BREAK = "\u2028"
# Just typed: the end of a sentence (and the space after it) or of a line.
_STEP_END = re.compile(r"(?:[.!?][\"')\]”’]*\s|\n)$")
# The keys the window's Undo and Redo answer to; an editor lets them through.
_HISTORY_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
OVER_LIMIT = "#c0392b"
MISSPELT = "#d62828"
HEADING, CITATION = "#3b6ea5", "#1d5d9b"

# Saves one section (note id, key, body); returns whether it was written.
SaveFn = Callable[[int, str, str], bool]


def _format(
    colour: str | None = None, bold: bool = False, italic: bool = False, bg: str | None = None
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if colour:
        fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if bg:
        fmt.setBackground(QColor(bg))
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Markdown at a glance: headings, emphasis, list markers, quotes, code and citations;
    misspelt words underlined over that (a document has one highlighter: it paints both).

    The word being typed is not underlined until it is finished (see `held_back`).
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.spelling: SpellCheck | None = None
        # The document position of the cursor while a word is typed there, else None: a word
        # reaching it is left alone, as word processors do (each letter would flag it anew).
        self.held_back: Callable[[], int | None] = lambda: None
        self._misspelt_colour = QColor(MISSPELT)
        self.rules: list[tuple[re.Pattern[str], QTextCharFormat]] = []
        self.use_base(QColor(Qt.GlobalColor.white))

    def use_base(self, base: QColor) -> None:
        """Colour the Markdown marks to read on this base colour (the editor's palette).

        The colours were chosen for a white page; on a dark theme's base each is moved
        lighter, its hue kept, to the text contrast (see gui/contrast.py). Rehighlight after.
        """

        def ink(colour: str) -> str:
            return readable(QColor(colour), base).name()

        chip = composite(QColor(29, 93, 155, 40), base)  # the citation's pale blue fill
        self.rules = [
            (re.compile(r"^#{1,6}\s.*$"), _format(ink(HEADING), bold=True)),
            (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), _format(ink(HEADING), bold=True)),
            (re.compile(r"^\s*>.*$"), _format(ink("#6a6a6a"), italic=True)),
            (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), _format(bold=True)),
            (
                re.compile(r"(?<![*\w])([*_])(?=\S)([^*_]+?)(?<=\S)\1(?![*\w])"),
                _format(italic=True),
            ),
            (re.compile(r"`[^`]+`"), _format(ink("#7a3e9d"))),
            (
                CITATION_GROUP,
                _format(readable(QColor(CITATION), chip).name(), bold=True, bg=chip.name()),
            ),
        ]

    def highlightBlock(self, text: str) -> None:
        """Apply every rule to one line (Python offsets mapped to Qt's UTF-16 positions)."""
        offsets = TextOffsets(text)
        edges: set[int] = set()  # where a rule's format begins or ends
        for pattern, fmt in self.rules:
            for m in pattern.finditer(text):
                start, end = offsets.to_qt(m.start()), offsets.to_qt(m.end())
                self.setFormat(start, end - start, fmt)
                edges.update((start, end))
        if self.spelling is not None:
            held = self._held_in_block()
            for a, b in self.spelling.spans(text):
                start, end = offsets.to_qt(a), offsets.to_qt(b)
                # The cursor inside or at the end of the word: being typed. At its start, not.
                if held is None or not start < held <= end:
                    self._underline(start, end, edges)

    def _held_in_block(self) -> int | None:
        """Return where in this block a word is being typed (Qt position), or None."""
        held = self.held_back()
        if held is None:
            return None
        block = self.currentBlock()
        at = held - block.position()
        return at if 0 <= at < block.length() else None  # length() counts the line's end

    def _underline(self, start: int, end: int, edges: set[int]) -> None:
        """Add the wavy underline to [start, end), keeping the Markdown formats under it.

        One setFormat per stretch of one format (a word is rarely split by emphasis), not
        per character: on a long paragraph each call counts on every keystroke.
        """
        cuts = sorted({start, end, *(e for e in edges if start < e < end)})
        for a, b in pairwise(cuts):
            fmt = self.format(a)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(self._misspelt_colour)
            self.setFormat(a, b - a, fmt)


class SectionEditor(QTextEdit):
    """A plain-text Markdown editor for one section; takes dropped claims as citations.

    A QTextEdit taking plain text only (not a QPlainTextEdit): it lays out the whole section,
    so the editor can grow to fit its text and the note scrolls as one page.
    """

    focus_left = Signal()
    focus_entered = Signal()
    # One undo step grew: (the body before the step, the body now, whether the step is new).
    step_typed = Signal(str, str, bool)

    def __init__(self, key: str, guidance: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._guidance = ""
        # The window's undo stack holds typing (see step_typed): an editor history of its own
        # would undo behind the window's back, and in steps nobody chose.
        self.setUndoRedoEnabled(False)
        self.clock: Callable[[], float] = time.monotonic  # tests drive the pause with it
        # The window's Undo and Redo, for the right-click menu (given by the note editor).
        self.history_actions: tuple[QAction, ...] = ()
        self._shown = ""  # the body as last loaded or typed
        self._step_before: str | None = None  # the body when the open step began
        self._last_typed = -math.inf
        self._loading = False
        # A key that writes was pressed and the cursor has not left since: the word at the
        # cursor is being typed, and its misspelling is underlined only once it is left.
        self._typing_word = False
        self._typed_block = -1  # the block where it is typed (repainted when it is left)
        self.textChanged.connect(self._text_changed)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.setPlaceholderText(
            guidance or "Write this section in Markdown; cite claims with Ctrl+K"
        )
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleDescription("Markdown; drop claims here or press Ctrl+K to cite one")
        self.document().setDocumentMargin(8)
        self.highlighter = MarkdownHighlighter(self.document())
        self.highlighter.use_base(self.palette().color(QPalette.ColorRole.Base))
        self.highlighter.held_back = self._word_being_typed
        # Given the keys of a citation group, return its tooltip (the quotes and sources).
        self.describe_citation: Callable[[list[str]], str] = lambda keys: ""
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-fit the height when the width (and so the wrapping) changes."""
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        """Recolour the Markdown marks when the palette changes (the system went dark)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.use_base(self.palette().color(QPalette.ColorRole.Base))
            # Recolouring is no edit: rehighlight reports the document changed, which would
            # start the autosave and the preview as if the analyst had typed.
            blocked = self.blockSignals(True)
            try:
                self.highlighter.rehighlight()
            finally:
                self.blockSignals(blocked)

    # Guidance ------------------------------------------------------------------------------
    # Qt draws a text edit's placeholder on its first line only, so a template's guidance
    # longer than the box was cut off mid-sentence: the editor paints it wrapped itself.
    def setPlaceholderText(self, text: str) -> None:
        """Set the guidance shown, wrapped, while the section is empty."""
        self._guidance = text
        self._fit_height()
        self.viewport().update()

    def placeholderText(self) -> str:
        """Return the guidance shown while the section is empty."""
        return self._guidance

    def _guidance_rect(self) -> QRect:
        margin = int(self.document().documentMargin())
        return self.viewport().rect().adjusted(margin, margin, -margin, -margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the text, or the whole guidance while the section is empty."""
        super().paintEvent(event)
        if self._guidance and self.document().isEmpty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self._guidance_rect(), _GUIDANCE_FLAGS, self._guidance)
            painter.end()

    # Text --------------------------------------------------------------------------------
    def body(self) -> str:
        """Return the section's Markdown, a manual line break (Shift+Enter) as a vertical tab."""
        text = self.toPlainText()
        # Qt holds Shift+Enter's break as U+2028 and its plain text makes that a line feed,
        # which Markdown reads as a space: stored as Word's manual line break instead, which
        # every export prints as a line break. Both are one character, so offsets agree.
        raw = self.document().toRawText()
        if _QT_LINE_BREAK not in raw:
            return text
        return "".join(
            MANUAL_BREAK if r == _QT_LINE_BREAK else c for c, r in zip(text, raw, strict=True)
        )

    def set_body(self, text: str) -> None:
        """Show a body loaded from the library (not a typing step)."""
        self._typing_word = False
        self._loading = True
        try:
            self.setPlainText(text.replace(MANUAL_BREAK, _QT_LINE_BREAK))
        finally:
            self._loading = False
        self._shown = self.body()
        self.end_step()

    # Undo steps ----------------------------------------------------------------------------
    def end_step(self) -> None:
        """Close the open typing step: what is typed next is a step of its own."""
        self._step_before = None

    def _text_changed(self) -> None:
        body = self.body()
        if self._loading or body == self._shown:
            return
        now = self.clock()
        if now - self._last_typed >= STEP_PAUSE_S:
            self.end_step()
        new = self._step_before is None
        if self._step_before is None:
            self._step_before = self._shown
        self._shown, self._last_typed = body, now
        if self._typing_word:
            self._typed_block = self.textCursor().blockNumber()
        self.step_typed.emit(self._step_before, body, new)
        typed = body[: TextOffsets(body).to_py(self.textCursor().position())]
        if _STEP_END.search(typed):
            self.end_step()

    def _cursor_moved(self) -> None:
        # Qt moves the cursor before it reports the text changed: a move with the text as
        # last seen is a jump (a click, an arrow key), not typing.
        if not self._loading and self.body() == self._shown:
            self.end_step()
            self._word_left()

    # The word being typed ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Type as usual; a key that writes holds back the underline of the word it is in."""
        text = event.text()
        writes = (text and text.isprintable()) or event.key() in (
            Qt.Key.Key_Backspace,
            Qt.Key.Key_Delete,
        )
        if writes and not self.isReadOnly():
            # Set before the key is handled: the highlighter repaints the block meanwhile.
            self._typing_word = True
            self._typed_block = self.textCursor().blockNumber()
        super().keyPressEvent(event)

    def _word_being_typed(self) -> int | None:
        cursor = self.textCursor()
        return cursor.position() if self._typing_word and not cursor.hasSelection() else None

    def _word_left(self) -> None:
        """The cursor left the word being typed: underline it now if it is misspelt."""
        if not self._typing_word:
            return
        self._typing_word = False
        block = self.document().findBlockByNumber(self._typed_block)
        if block.isValid():
            self._repaint(lambda: self.highlighter.rehighlightBlock(block))

    def _repaint(self, rehighlight: Callable[[], None]) -> None:
        # Qt reports a repaint of formats as a change of text: not an edit to save or preview
        # (and at the window's close, the library is already gone).
        blocked = self.blockSignals(True)
        try:
            rehighlight()
        finally:
            self.blockSignals(blocked)

    def _respell(self) -> None:
        self._repaint(self.highlighter.rehighlight)

    def event(self, event: QEvent) -> bool:
        """Let Undo and Redo through to the window, whose stack holds this editor's typing."""
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if any(event.matches(k) for k in _HISTORY_KEYS) or _is_ctrl_y(event):
                event.ignore()
                return False
        return super().event(event)

    def select_range(self, start: int, end: int) -> None:
        """Select core offsets [start, end) of the body and show them."""
        offsets = TextOffsets(self.body())
        cursor = QTextCursor(self.document())
        cursor.setPosition(offsets.to_qt(min(start, len(self.body()))))
        cursor.setPosition(
            offsets.to_qt(min(end, len(self.body()))), QTextCursor.MoveMode.KeepAnchor
        )
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def insert_citation(self, keys: list[str]) -> None:
        """Insert [@C12] (or a group) at the cursor, spaced from the word before it."""
        if not keys or self.isReadOnly():  # inserting by code would bypass read-only
            return
        cursor = self.textCursor()
        text = citation_text(keys)
        before = self.body()[: TextOffsets(self.body()).to_py(cursor.selectionStart())]
        if before and not before[-1].isspace():
            text = " " + text
        self.end_step()  # a citation is a step of its own
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.end_step()

    # Spelling ------------------------------------------------------------------------------
    def set_spelling(self, spelling: SpellCheck | None) -> None:
        """Underline misspelt words as the spell check says (None: no spelling)."""
        previous = self.highlighter.spelling
        if previous is spelling:
            return
        if previous is not None:
            previous.changed.disconnect(self._respell)
        self.highlighter.spelling = spelling
        if spelling is not None:
            spelling.changed.connect(self._respell)
        self._respell()

    def misspelt_at(self, position: int) -> tuple[int, int, str] | None:
        """Return (start, end, word) in Qt positions of the misspelt word at a position."""
        spelling = self.highlighter.spelling
        if spelling is None:
            return None
        block = self.document().findBlock(position)
        text = block.text()
        offsets = TextOffsets(text)
        index = offsets.to_py(position - block.position())
        for a, b in spelling.spans(text):
            if a <= index <= b:
                start, end = (
                    block.position() + offsets.to_qt(a),
                    block.position() + offsets.to_qt(b),
                )
                return start, end, text[a:b]
        return None

    def context_menu_at(self, pos: QPoint) -> QMenu:
        """Return the right-click menu: a misspelt word's corrections first, then the usual."""
        menu = self.createStandardContextMenu(pos)
        self._use_window_history(menu)
        found = self.misspelt_at(self.cursorForPosition(pos).position())
        spelling = self.highlighter.spelling
        if found is None or spelling is None or self.isReadOnly():
            return menu
        start, end, word = found
        first = menu.actions()[0] if menu.actions() else menu.addSeparator()
        suggestions = spelling.suggestions(word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: self.replace_word(start, end, word, s)
            )
            menu.insertAction(first, action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            menu.insertAction(first, none)
        add = QAction(f"Add “{word}” to dictionary", menu)
        add.setToolTip("Never flag this word again (your word list, in every library; undoable)")
        add.triggered.connect(lambda _checked=False: spelling.add_requested.emit(word))
        ignore = QAction("Ignore in this note", menu)
        ignore.setToolTip("Stop flagging this word anywhere in this note (kept with it; undoable)")
        ignore.triggered.connect(lambda _checked=False: spelling.ignore_requested.emit(word))
        menu.insertActions(first, [add, ignore])
        menu.insertSeparator(first)
        return menu

    def _use_window_history(self, menu: QMenu) -> None:
        # The editor keeps no history of its own (the window's stack holds its typing), so
        # Qt's own Undo and Redo entries were always greyed out: show the window's instead.
        for name, action in zip(("edit-undo", "edit-redo"), self.history_actions, strict=False):
            standard = next((a for a in menu.actions() if a.objectName() == name), None)
            if standard is not None:
                menu.insertAction(standard, action)
                menu.removeAction(standard)

    def replace_word(self, start: int, end: int, word: str, replacement: str) -> None:
        """Put a correction in place of a word (Qt positions): one typing step, undoable."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != word:
            return  # the text moved under the menu: replace nothing rather than the wrong word
        self.end_step()  # a correction is a step of its own
        cursor.insertText(replacement)
        self.setTextCursor(cursor)
        self.end_step()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Show the right-click menu, with corrections over a misspelt word."""
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # Drops ---------------------------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """Accept dragged claims as well as text."""
        return bool(keys_from_mime(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Insert dragged claims as a citation; anything else as plain text."""
        keys = keys_from_mime(source)
        if keys:
            self.insert_citation(keys)
            return
        self.end_step()  # a paste is a step of its own
        if source.hasText():
            # (A PDF viewer's copy holds form feeds, which a note may not store: dropped here,
            # so the paste saves instead of failing each autosave on an invisible character.)
            # A Word copy's manual line break (a vertical tab) stays one, as Shift+Enter's.
            text = source.text().replace(MANUAL_BREAK, _QT_LINE_BREAK)
            self.textCursor().insertText(without_control_chars(text))
        else:
            super().insertFromMimeData(source)
        self.end_step()

    # Tooltips and focus ----------------------------------------------------------------------
    def citation_keys_at(self, position: int) -> list[str]:
        """Return the keys of the citation group covering a Qt position, or []."""
        body = self.body()
        index = TextOffsets(body).to_py(position)
        for citation in find_citations(body):
            if citation.start <= index < citation.end:
                return list(citation.keys)
        return []

    def viewportEvent(self, event: QEvent) -> bool:
        """Show a citation's claims (quote and source) when hovering it."""
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            keys = self.citation_keys_at(self.cursorForPosition(event.pos()).position())
            tip = self.describe_citation(keys) if keys else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Remember this section as the one being written (Ctrl+K cites into it)."""
        super().focusInEvent(event)
        self.focus_entered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Save at once when the writer moves elsewhere (typing after it is a new step)."""
        super().focusOutEvent(event)
        self.end_step()
        self._word_left()
        self.focus_left.emit()

    def _fit_height(self) -> None:
        # Each editor grows with its text; the scroll area around them scrolls the note.
        width = self.viewport().width()
        # Setting the width lays out the whole section again, even when it is the same: on
        # every keystroke that grows a line, that was most of a 5,000-word note's latency.
        if self.document().textWidth() != width:
            self.document().setTextWidth(width)
        minimum = 3 * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin()
        if self._guidance and self.document().isEmpty():
            # Room for all of the guidance, wrapped as paintEvent draws it.
            area = QRect(0, 0, max(1, self._guidance_rect().width()), 100_000)
            wrapped = self.fontMetrics().boundingRect(area, _GUIDANCE_FLAGS, self._guidance)
            minimum = max(minimum, wrapped.height() + 2 * self.document().documentMargin())
        content = max(self.document().size().height(), minimum)
        margins = self.contentsMargins()
        height = int(content) + margins.top() + margins.bottom() + 2
        if height != self.height():
            self.setFixedHeight(height)


def _is_ctrl_y(event: QKeyEvent) -> bool:
    # Ctrl+Y is the window's second Redo key; on Linux it is not the standard Redo.
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


def section_counts(body: str) -> tuple[int, int, int]:
    """Return (words, sentences, printed lines) of a section body, as the checks count them."""
    sentences = split_sentences("", body)
    prose = " ".join(s.prose() for s in sentences)
    return len(words(prose)), len(sentences), estimated_lines(body) if body.strip() else 0


def counts_html(body: str, limits: Limits, over: str = OVER_LIMIT) -> str:
    """Return the counts line for a section, an over-limit figure in red (the over colour)."""
    n_words, n_sentences, n_lines = section_counts(body)
    parts = []
    for n, limit, name in (
        (n_words, limits.max_words, "word"),
        (n_sentences, limits.max_sentences, "sentence"),
        (n_lines, limits.max_lines, "line"),
    ):
        # "1 sentence" on its own, but "1/2 sentences": the limit is what the noun counts.
        text = count_of(n, name) if limit is None else f"{n}/{limit} {name}s"
        if limit is not None and n > limit:
            text = f"<span style='color:{over}; font-weight:600'>{text}</span>"
        parts.append(text)
    return " · ".join(parts)


class SectionBox(QWidget):
    """A section's heading, its editor and its live counts."""

    def __init__(self, key: str, heading: str, guidance: str, limits: Limits) -> None:
        super().__init__()
        self.key = key
        self.limits = limits
        self.heading = QLabel(f"<b>{heading}</b>")
        self.heading.setAccessibleName(f"{heading} heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.counts = QLabel()
        self.counts.setAccessibleName(f"{heading} counts")
        self.counts.setToolTip("Words, sentences and printed lines (against the template's limits)")
        self.editor = SectionEditor(key, guidance)
        self.editor.setAccessibleName(f"{heading} section")
        self.editor.setToolTip(guidance)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        self.editor.textChanged.connect(self.update_counts)

    def update_counts(self) -> None:
        """Recount the section's words, sentences and lines."""
        window = self.counts.palette().color(QPalette.ColorRole.Window)
        over = readable(QColor(OVER_LIMIT), window).name()
        self.counts.setText(counts_html(self.editor.body(), self.limits, over))


class NoteEditor(QWidget):
    """Edits one note, section by section; saves through a callback (a core operation)."""

    saved = Signal(int)  # note id, after an autosave wrote something
    edited = Signal()  # any change of text (for the preview)
    step_typed = Signal(str, str, str, bool)  # section key, before, after, a new step
    status_requested = Signal(str)

    def __init__(self, save: SaveFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.note_id: int | None = None
        self.boxes: dict[str, SectionBox] = {}
        self._saved_bodies: dict[str, str] = {}
        self._last_key = ""
        self.describe_citation: Callable[[list[str]], str] = lambda keys: ""
        self.spelling: SpellCheck | None = None  # given by the workspace
        self.history_actions: tuple[QAction, ...] = ()  # the window's Undo and Redo

        self.title = QLabel("No note open")
        self.title.setAccessibleName("Note title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setAccessibleName("Note template and marking")
        self.status = QComboBox()
        self.status.setAccessibleName("Note status")
        self.status.setToolTip("Where the note stands: draft, in review or final")
        for status in NOTE_STATUSES:
            self.status.addItem(status, status)
        self.status.activated.connect(
            lambda _i: self.status_requested.emit(self.status.currentData())
        )
        self.status.setEnabled(False)
        self.header_form = NoteHeaderForm()

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(QLabel("Status"))
        head.addWidget(self.status)

        self.sections_widget = QWidget()
        self.sections_layout = QVBoxLayout(self.sections_widget)
        self.sections_layout.setContentsMargins(12, 4, 12, 12)
        self.sections_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.sections_widget)
        self.scroll_area.setAccessibleName("Note sections")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.header_form)
        layout.addWidget(self.scroll_area, 1)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.flush)

    # Loading -------------------------------------------------------------------------------
    def load(self, note: Note | None, template: NoteTemplate | None, save: bool = True) -> None:
        """Show a note (saving the one shown first, unless not to); None shows nothing."""
        if save:
            self.flush()
        self.autosave.stop()
        for box in self.boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}
        self._saved_bodies = {}
        self._last_key = ""
        self.note_id = None if note is None else note.id
        self.status.setEnabled(note is not None)
        self.header_form.show_note(note, template)
        if note is None:
            self.title.setText("No note open")
            self.subtitle.setText("Create one with New note, or pick one in the Notes list.")
            return
        self.show_header(note, template)
        for section in note.sections:
            spec = template.section(section.key) if template else None
            limits = template.section_limits(section.key) if template else Limits()
            box = SectionBox(section.key, section.heading, spec.guidance if spec else "", limits)
            box.editor.set_spelling(self.spelling)
            box.editor.history_actions = self.history_actions
            box.editor.set_body(section.body)
            box.update_counts()
            box.editor.describe_citation = lambda keys: self.describe_citation(keys)
            box.editor.textChanged.connect(self._typed)
            box.editor.step_typed.connect(
                lambda before, after, new, k=section.key: self.step_typed.emit(
                    k, before, after, new
                )
            )
            box.editor.focus_left.connect(self.flush)
            box.editor.focus_entered.connect(lambda k=section.key: setattr(self, "_last_key", k))
            self.sections_layout.insertWidget(self.sections_layout.count() - 1, box)
            self.boxes[section.key] = box
            self._saved_bodies[section.key] = section.body
        self._apply_read_only(note)

    def _apply_read_only(self, note: Note) -> None:
        """A final note is read-only until its status is set back (core refuses edits too)."""
        final = note.status == "final"
        for box in self.boxes.values():
            box.editor.setReadOnly(final)
        if final:
            self.subtitle.setText(f"{self.subtitle.text()} · final: read-only until reopened")

    def show_header(self, note: Note, template: NoteTemplate | None) -> None:
        """Show the note's title, template, marking and status."""
        self.title.setText(note.title)
        label = template.label if template else note.template
        self.subtitle.setText(" · ".join(p for p in (label, note.marking) if p))
        self.status.setCurrentIndex(max(0, self.status.findData(note.status)))

    def refresh_from(self, note: Note, template: NoteTemplate | None) -> None:
        """Take bodies changed elsewhere (an undo, another window) unless being edited here."""
        self.show_header(note, template)
        self.header_form.refresh(note)
        self._apply_read_only(note)
        for section in note.sections:
            box = self.boxes.get(section.key)
            if box is None or self._saved_bodies.get(section.key) == section.body:
                continue
            if box.editor.body() == self._saved_bodies.get(section.key):
                box.editor.set_body(section.body)
                self._saved_bodies[section.key] = section.body

    # Saving --------------------------------------------------------------------------------
    def _typed(self) -> None:
        self.autosave.start()
        self.edited.emit()

    def dirty(self) -> list[str]:
        """Return the keys of sections whose text is not saved yet."""
        return [k for k, b in self.boxes.items() if b.editor.body() != self._saved_bodies.get(k)]

    def flush(self) -> None:
        """Save every changed section now."""
        self.autosave.stop()
        if self.note_id is None:
            return
        saved = False
        for key in self.dirty():
            body = self.boxes[key].editor.body()
            # A refused save (a final note, say) leaves the section unsaved, and says so.
            if self._save(self.note_id, key, body):
                self._saved_bodies[key] = body
                saved = True
        if saved:
            self.saved.emit(self.note_id)

    # Conflicts (the section was changed elsewhere while typed here) -----------------------
    def saved_body(self, key: str) -> str | None:
        """Return the text of a section as last loaded or saved (what typing replaces)."""
        return self._saved_bodies.get(key)

    def take_stored(self, key: str, body: str) -> None:
        """Show a section's stored text in place of what was typed (typing is undoable)."""
        box = self.boxes.get(key)
        if box is not None:
            self._saved_bodies[key] = body
            cursor = QTextCursor(box.editor.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(body)  # an edit, not a reload: Ctrl+Z brings the typing back
            self.autosave.stop()

    def rebase(self, key: str, stored: str) -> None:
        """Let the typed text of a section replace `stored` (the writer keeps their own)."""
        if key in self.boxes:
            self._saved_bodies[key] = stored

    def end_steps(self) -> None:
        """Close every section's open typing step (an undo or another change comes next)."""
        for box in self.boxes.values():
            box.editor.end_step()

    # Access --------------------------------------------------------------------------------
    def bodies(self) -> list[tuple[str, str]]:
        """Return (key, body) of every section as typed (saved or not)."""
        return [(k, b.editor.body()) for k, b in self.boxes.items()]

    def editor(self, key: str) -> SectionEditor | None:
        """Return the editor of a section."""
        box = self.boxes.get(key)
        return box.editor if box else None

    def current_editor(self) -> SectionEditor | None:
        """Return the section editor with the focus (else the last one written in, or the first)."""
        for box in self.boxes.values():
            if box.editor.hasFocus():
                return box.editor
        if self._last_key in self.boxes:
            return self.boxes[self._last_key].editor
        return next(iter(self.boxes.values())).editor if self.boxes else None

    def selected_span(self) -> tuple[str, int, int] | None:
        """Return the section and core offsets [start, end) of the words selected, or None."""
        editor = self.current_editor()
        if editor is None or not editor.textCursor().hasSelection():
            return None
        key = next(k for k, b in self.boxes.items() if b.editor is editor)
        cursor, body = editor.textCursor(), editor.body()
        offsets = TextOffsets(body)
        start, end = offsets.to_py(cursor.selectionStart()), offsets.to_py(cursor.selectionEnd())
        # A drag across words takes the space after the last one too: the words are meant.
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return key, start, end

    def go_to(self, key: str, start: int, end: int) -> None:
        """Select [start, end) of a section's body and put the cursor there."""
        box = self.boxes.get(key)
        if box is None:
            return
        box.editor.setFocus()
        box.editor.select_range(start, end)
        self.scroll_area.ensureWidgetVisible(box.editor)
