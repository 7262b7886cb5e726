"""The Matrix dock's widgets: the question picker, the matrix's buttons and state (leader,
fragile), the matrix table and, beside it, the Key Assumptions panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.matrix.assumptions import AssumptionsPanel
from briefing_app.gui.matrix.model import MatrixModel
from briefing_app.gui.matrix.view import MatrixView
from briefing_app.gui.widgets.flow_layout import FlowLayout, captioned

KEYS_HELP = (
    "Rate the current cell: C consistent, Shift+C very consistent, I inconsistent, "
    "Shift+I very inconsistent, N neutral, A or 0 not applicable; 1–5 = CC, C, N, I, II; "
    "Delete clears. Space switches a row off or on, D marks it possibly deceptive. "
    "Drag claims here from the claims table, the reader or the board."
)


class MatrixPanel(QWidget):
    """The matrix of one key question with its key assumptions beside it."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = QComboBox()
        self.question.setAccessibleName("Key question of the matrix")
        self.question.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.question.setToolTip("The key question whose hypotheses and evidence are weighed")
        # Short enough that the matrix fits between a laptop's side columns (the open list
        # gives the whole question).
        self.question.setMinimumContentsLength(12)
        caption = QLabel("&Question")
        caption.setBuddy(self.question)
        self.add_hypothesis_button = QPushButton("Add &hypothesis…")
        self.add_absence_button = QPushButton("Add a&bsence…")
        self.add_assumption_button = QPushButton("Add a&ssumption…")
        # A push button with a menu: Qt keeps room for its arrow after the words, where a tool
        # button (instant popup) drew the arrow over their end, as if cut at the dock's edge.
        self.judgment_button = QPushButton("&Judgment of note")
        self.judgment_button.setToolTip(
            "Record which hypothesis the open note judges most likely, and with what confidence"
        )
        self.judgment_menu = QMenu(self.judgment_button)
        self.judgment_button.setMenu(self.judgment_menu)
        # Wraps onto a second line when the dock is too narrow for one (a large font).
        bar = FlowLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(captioned(caption, self.question))
        for button in (
            self.add_hypothesis_button,
            self.add_absence_button,
            self.add_assumption_button,
        ):
            bar.addWidget(button)
        bar.addWidget(self.judgment_button)
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.state_label.setWordWrap(True)
        self.judgment_label = QLabel()
        self.judgment_label.setWordWrap(True)  # a long note title never widens the dock
        self.model = MatrixModel()
        self.model.setParent(self)
        self.view = MatrixView(self.model)
        self.view.setToolTip(KEYS_HELP)
        self.assumptions = AssumptionsPanel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.state_label)
        left_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("matrix_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.assumptions)
        # Halves: on a laptop (a dock ~870 px wide) the assumptions' seven columns need ~430 px
        # to be read without scrolling sideways, and the matrix scrolls to its hypotheses
        # with its row keys in sight.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 600])  # scaled to the dock's width when laid out
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.judgment_label)
        layout.addWidget(self.splitter, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """Tell the controller: a matrix first shown (or shown stale) loads now."""
        super().showEvent(event)
        self.shown.emit()
