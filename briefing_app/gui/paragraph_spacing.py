"""Space between paragraphs in the reader, drawn only: the stored text keeps its offsets.

Sources imported before imports wrote blank lines between paragraphs hold them one newline
apart, so in a plain text view the paragraphs run together. The text cannot change (claims
point into it by offset), so the space has to come from the layout. QPlainTextEdit's layout
(QPlainTextDocumentLayout) honours no block format (margins and line height are ignored),
but the editor asks it for each block's rectangle whenever it paints, scrolls, hit-tests or
places the cursor: a block a little taller than its lines leaves the gap below them, and
every position in the text stays where it was.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

# The gap after a paragraph, as a share of the font's line spacing.
GAP_LINES = 0.6
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs_need_space(text: str) -> bool:
    """Return whether text separates paragraphs by single newlines (no blank line anywhere).

    A text with blank lines already shows its paragraphs apart, and one of hard-wrapped lines
    (old PDF imports) has them between paragraphs: spacing every line would split those.

    >>> paragraphs_need_space("One paragraph.\\nAnother.")
    True
    >>> paragraphs_need_space("One paragraph.\\n\\nAnother.")
    False
    """
    return "\n" in text.strip() and _BLANK_LINE.search(text) is None


class SpacedParagraphLayout(QPlainTextDocumentLayout):
    """A plain-text layout that leaves paragraph_gap pixels below every block but the last."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.paragraph_gap = 0.0

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """Return the block's rectangle, taller by the gap when another block follows."""
        rect = super().blockBoundingRect(block)
        # A hidden block has an empty rectangle and must stay so.
        if self.paragraph_gap and not rect.isEmpty() and block.next().isValid():
            rect.setHeight(rect.height() + self.paragraph_gap)
        return rect
