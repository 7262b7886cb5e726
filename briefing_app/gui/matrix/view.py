"""The matrix table: ratings typed from the keyboard, claims dropped in, rows switched.

Keys on a hypothesis cell: C consistent, Shift+C very consistent (CC), I inconsistent,
Shift+I very inconsistent (II), N neutral, A or 0 not applicable (NA); 1–5 are CC, C, N, I,
II; Delete or Backspace clears the cell. On any row: Space switches it off or on, D marks it
possibly deceptive (or not). Arrow keys move as in any table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from briefing_app.gui.claim_mime import accept_claim_drag, keys_from_mime
from briefing_app.gui.matrix.delegate import MatrixDelegate
from briefing_app.gui.matrix.model import FIXED, KEY, MatrixModel
from briefing_app.gui.widgets.text_widths import in_chars

_KEY_RATINGS = {
    Qt.Key.Key_C: "C",
    Qt.Key.Key_I: "I",
    Qt.Key.Key_N: "N",
    Qt.Key.Key_A: "NA",
    Qt.Key.Key_0: "NA",
    Qt.Key.Key_1: "CC",
    Qt.Key.Key_2: "C",
    Qt.Key.Key_3: "N",
    Qt.Key.Key_4: "I",
    Qt.Key.Key_5: "II",
}
# With Shift, C and I say it strongly.
_SHIFTED = {Qt.Key.Key_C: "CC", Qt.Key.Key_I: "II"}
_CLEAR = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def rating_for_key(key: int, modifiers: Qt.KeyboardModifier) -> str | None:
    """Return the rating a key press gives ('' clears), or None when it rates nothing."""
    if modifiers & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
        return None  # Ctrl+Z and the like belong to the window
    if key in _CLEAR:
        return ""
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        return _SHIFTED.get(Qt.Key(key)) if key in _SHIFTED else None
    return _KEY_RATINGS.get(Qt.Key(key)) if key in _KEY_RATINGS else None


class MatrixView(QTableView):
    """The matrix as a table; says what the analyst asked for, the controller does it."""

    rate_pressed = Signal(int, int, str)  # model row, column, rating ('' clears)
    switch_pressed = Signal(int)  # model row
    deceptive_pressed = Signal(int)  # model row
    claims_dropped = Signal(list)  # claim keys

    def __init__(self, model: MatrixModel) -> None:
        super().__init__()
        self.setModel(model)
        self.matrix_delegate = MatrixDelegate(self, model)
        self.setItemDelegate(self.matrix_delegate)
        rows = self.verticalHeader()
        # The row's key sits in the row header, which stays put when the view scrolls across
        # to the hypotheses (in a dock narrower than the evidence columns the Row column
        # scrolled away, and the analyst rated cells without seeing which row they were in).
        rows.setSectionsClickable(False)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Every row one line high: the view never measures 500 rows' text.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A hypothesis: its score and a short label. Widths in average characters (112 px
        # at 9 pt), so a large font widens the columns with their headings.
        header.setDefaultSectionSize(in_chars(self, 19))
        header.setMinimumSectionSize(in_chars(self, 6))
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName("ACH matrix")
        model.modelReset.connect(self.size_columns)

    def size_columns(self) -> None:
        """Give the fixed columns their widths (hypotheses keep the default)."""
        chars = {1: 53, 2: 22, 3: 8.5, 4: 13, 5: 14}  # 320, 130, 50, 78, 84 px at 9 pt
        for col, count in chars.items():
            if col < len(FIXED):
                self.setColumnWidth(col, in_chars(self, count))
        self.setColumnHidden(KEY, True)  # the row header shows it
        model = self.model()
        if isinstance(model, MatrixModel) and model.matrix is not None:
            self.setColumnWidth(model.diagnosticity_column(), in_chars(self, 16))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Rate with the rating keys; Space switches a row; D marks it possibly deceptive."""
        index = self.currentIndex()
        model = self.model()
        if (
            index.isValid()
            and isinstance(model, MatrixModel)
            and self.state() != self.State.EditingState
        ):
            plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            if model.hypothesis_at(index.column()) is not None:
                rating = rating_for_key(event.key(), event.modifiers())
                if rating is not None:
                    self.rate_pressed.emit(index.row(), index.column(), rating)
                    event.accept()
                    return
            if plain and event.key() == Qt.Key.Key_Space:
                self.switch_pressed.emit(index.row())
                event.accept()
                return
            if plain and event.key() == Qt.Key.Key_D:
                self.deceptive_pressed.emit(index.row())
                event.accept()
                return
        super().keyPressEvent(event)

    # Claims dragged in ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take claims dragged from the claims table, the reader or the board."""
        accept_claim_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Anywhere over the matrix will do: a dropped claim becomes a row at the end."""
        accept_claim_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Say which claims were dropped."""
        keys = keys_from_mime(event.mimeData())
        if not keys:
            event.ignore()
            return
        event.acceptProposedAction()
        self.claims_dropped.emit(keys)
