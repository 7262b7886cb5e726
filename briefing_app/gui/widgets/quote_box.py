"""A quoted passage in a box as tall as its lines, up to a few, then scrolling on its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

# Past this many lines a quote scrolls in its box: a long one pushed the claim's fields (and
# once its buttons) out of an inspector 768 px high.
MOST_LINES = 8


class QuoteBox(QScrollArea):
    """Shows a label's wrapped text whole when short, in MOST_LINES lines that scroll when long."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Quote")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # until the quote needs scrolling (fit)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the box's height to the label's lines when its text or width changes."""
        if watched is self.label and event.type() in (QEvent.Type.Resize, QEvent.Type.Polish):
            self.fit()
        return False

    def fit(self) -> None:
        """Take the height of the label's wrapped text, at most MOST_LINES lines."""
        # Not viewport(): a widget Qt made reaching Python makes PySide6 build every Qt type it
        # might be (dialogs among them) while the window is first painted (test_startup).
        width = self.maximumViewportSize().width()
        most = self.label.fontMetrics().lineSpacing() * MOST_LINES
        wanted = self.label.heightForWidth(width) if width > 0 else self.label.sizeHint().height()
        self.setFixedHeight(max(min(wanted, most), self.label.fontMetrics().lineSpacing()))
        # Tab stops here only for a quote to scroll with the arrow keys; a short one was a
        # stop showing nothing, between the claims table and the statement.
        scrolls = wanted > most
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if scrolls else Qt.FocusPolicy.NoFocus)
