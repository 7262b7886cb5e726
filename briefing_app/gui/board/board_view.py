"""The Board view's widgets: a question bar over one column of cards per position (party).

Widgets only: they show a core `Board` and say what the analyst asked for through signals
(link two cards, open one, accept a suggestion, assign dropped claims); the controller turns
those into commands. A card is a row of a lazy list model painted by CardDelegate, so a
question with hundreds of claims builds a handful of widgets, not hundreds.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import ClaimRelation, QuestionTitle
from briefing_app.core.records.board import Board, Position
from briefing_app.gui.board.card_delegate import CardDelegate
from briefing_app.gui.board.cards import CLAIM_ID_ROLE, ColumnModel
from briefing_app.gui.claim_mime import accept_claim_drag, keys_from_mime
from briefing_app.gui.widgets.flow_layout import FlowLayout, captioned
from briefing_app.gui.wording import count_of

# A column is this many average characters wide (280 px at 9 pt): a large system font widens
# it with its text, where a fixed width wrapped and cut the party's counts.
COLUMN_CHARS = 47


def column_width(fm: QFontMetrics) -> int:
    """Return a board column's width in pixels for text drawn with these metrics."""
    return fm.averageCharWidth() * COLUMN_CHARS


class CardList(QListView):
    """One column's cards: drag a card out (to a card or a note), drop claims in."""

    # The claim dragged (by key) and the claim of the card it was dropped on.
    dropped_on_card = Signal(str, int, QPoint)
    # Claim keys dropped between cards: assign them to the question.
    dropped_in_column = Signal(list)
    context_requested = Signal(int, QPoint)
    # Enter on the current card: open it, as a double-click does.
    open_requested = Signal(int)

    def __init__(self, model: ColumnModel, delegate: CardDelegate) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)  # every card is as high: Qt need not measure 500
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setAccessibleName("Cards")

    def column_model(self) -> ColumnModel:
        """Return the column's model."""
        model = self.model()
        assert isinstance(model, ColumnModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the current card's claim in its source."""
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.open_requested.emit(int(index.data(CLAIM_ID_ROLE)))
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take claims dragged from a card, the claims table or the reader."""
        accept_claim_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting claims wherever they move over the column."""
        accept_claim_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """On a card: link the claims; between cards: assign them to the question."""
        keys = keys_from_mime(event.mimeData())
        if not keys:
            event.ignore()
            return
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if index.isValid():
            self.dropped_on_card.emit(
                keys[0], int(index.data(CLAIM_ID_ROLE)), self.mapToGlobal(pos)
            )
        else:
            self.dropped_in_column.emit(keys)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.isValid():
            self.context_requested.emit(
                int(index.data(CLAIM_ID_ROLE)), self.viewport().mapToGlobal(pos)
            )


class ColumnStrip(QHBoxLayout):
    """The row of columns, as tall as the board's area whatever its cards would like.

    Its headings wrap (height for width): QScrollArea then sized the row to the cards' full
    height, taller than the area at 1366×768, and scrolled it (its vertical bar hidden) when a
    card took the focus, out of sight of the party names. Each column's cards scroll instead.
    """

    def hasHeightForWidth(self) -> bool:
        """Say no: the row's height is the area's, not what its wrapped headings would take."""
        return False


class BoardColumn(QFrame):
    """One position: the party, its claims and independent sources, and its cards."""

    def __init__(
        self,
        position: Position,
        relations: dict[int, list[ClaimRelation]],
        delegate: CardDelegate,
    ) -> None:
        super().__init__()
        self.position = position
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(column_width(self.fontMetrics()))
        self.header = QLabel(
            f"<b>{html.escape(position.party)}</b><br>"
            f"{count_of(len(position.claims), 'claim')} · "
            f"{count_of(position.independent_sources, 'independent source')}"
        )
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setToolTip(
            "Claims of one outlet, or joined by a chain of ‘repeats’ links, count as one "
            "independent source"
        )
        self.model = ColumnModel(position.claims, relations, self)
        self.cards = CardList(self.model, delegate)
        self.cards.setAccessibleName(f"Claims of {position.party}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.cards, 1)

    def changeEvent(self, event: QEvent) -> None:
        """Widen or narrow the column with the font."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setFixedWidth(column_width(self.fontMetrics()))

    @property
    def party(self) -> str:
        """The party (position) the column shows."""
        return self.position.party

    @property
    def independent_sources(self) -> int:
        """How many independent sources back the column's claims."""
        return self.position.independent_sources


class BoardView(QWidget):
    """A question picker with its buttons, over the columns of the chosen question's board."""

    question_chosen = Signal(int)
    new_question_requested = Signal()
    rename_requested = Signal()
    delete_requested = Signal()
    # Shown (again): the controller fills in what changed while it was hidden.
    shown = Signal()
    # A card double-clicked: open its claim in its source.
    open_requested = Signal(int)
    # The key of a claim dropped on the card of a claim (by id), where (global position).
    link_requested = Signal(str, int, QPoint)
    # Claim keys dropped in a column, not on a card: assign them to the question.
    assign_requested = Signal(list)
    # A card right-clicked (claim id, global position).
    card_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Board")
        self.delegate = CardDelegate(self)
        self.columns: list[BoardColumn] = []
        self.board: Board | None = None
        self.picker = QComboBox()
        self.picker.setAccessibleName("Key question")
        self.picker.setToolTip("The key question whose evidence the board weighs")
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.setMinimumContentsLength(30)
        self.picker.activated.connect(lambda _i: self._chosen())
        self.new_button = QPushButton("New question…")
        self.new_button.setToolTip("Add a key question the brief must answer")
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setToolTip("Change the question's wording")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the question; its claims stay (Edit ▸ Undo)")
        self.new_button.clicked.connect(self.new_question_requested)
        self.rename_button.clicked.connect(self.rename_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        # Wraps onto a second line when the dock is too narrow for one (a large font).
        bar = FlowLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Question")
        caption.setBuddy(self.picker)
        bar.addWidget(captioned(caption, self.picker))
        for button in (self.new_button, self.rename_button, self.delete_button):
            bar.addWidget(button)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.strip = QWidget()
        self.strip_layout = ColumnStrip(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.addStretch(1)
        self.positions_area = QScrollArea()
        self.positions_area.setWidgetResizable(True)
        self.positions_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.positions_area.setWidget(self.strip)
        self.positions_area.setAccessibleName("Positions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.positions_area, 1)
        self.show_questions([], None)

    def sizeHint(self) -> QSize:
        """Wide enough for three columns."""
        return QSize(3 * column_width(self.fontMetrics()) + 40, 420)

    def showEvent(self, event: QShowEvent) -> None:
        """Say that the board is on screen (it is read only then)."""
        super().showEvent(event)
        self.shown.emit()

    def current_question(self) -> int | None:
        """Return the id of the question chosen in the picker, or None."""
        data = self.picker.currentData()
        return int(data) if data is not None else None

    def show_questions(self, questions: list[QuestionTitle], current: int | None) -> None:
        """Offer these questions in the picker, choosing current (None: none)."""
        self.picker.blockSignals(True)
        self.picker.clear()
        for q in questions:
            text = q.text if len(q.text) <= 80 else q.text[:79] + "…"
            self.picker.addItem(f"{q.key} — {text}", q.id)
            self.picker.setItemData(self.picker.count() - 1, q.text, Qt.ItemDataRole.ToolTipRole)
        index = self.picker.findData(current) if current is not None else -1
        self.picker.setCurrentIndex(index)
        self.picker.blockSignals(False)
        has = index >= 0
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.picker.setEnabled(bool(questions))
        if not questions:
            self.show_board(None)

    def show_board(self, board: Board | None) -> None:
        """Show a question's positions, one column each (None: an empty board with a hint).

        The current card, and the keyboard focus on it, stay where they were: a link made or
        undone rebuilds the columns, and a keyboard user would be left nowhere.
        """
        keep = self.positions_area.horizontalScrollBar().value()
        current, focused = self._current_card()
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        self.board = board
        if board is None:
            self.hint.setText(
                "No key question yet. Add one with “New question…”, or right-click claims in "
                "the claims table and choose Assign to question ▸ New question…"
            )
            return
        by_claim: dict[int, list[ClaimRelation]] = {}
        for r in board.relations:
            by_claim.setdefault(r.from_claim_id, []).append(r)
            by_claim.setdefault(r.to_claim_id, []).append(r)
        for position in board.positions:
            column = BoardColumn(position, by_claim, self.delegate)
            cards = column.cards
            cards.doubleClicked.connect(
                lambda index: self.open_requested.emit(int(index.data(CLAIM_ID_ROLE)))
            )
            cards.open_requested.connect(self.open_requested)
            cards.dropped_on_card.connect(self.link_requested)
            cards.dropped_in_column.connect(self.assign_requested)
            cards.context_requested.connect(self.card_menu_requested)
            self.strip_layout.insertWidget(self.strip_layout.count() - 1, column)
            self.columns.append(column)
        if board.positions:
            self.hint.setText(
                f"{html.escape(board.question.text)} — drag a card onto another to link them, "
                "into a note to cite it; double-click to open it in its source."
            )
        else:
            self.hint.setText(
                f"{board.question.key} has no claims yet: drag claims here from the claims "
                "table, or right-click them and choose Assign to question."
            )
        self.positions_area.horizontalScrollBar().setValue(keep)
        holder = self.column_of(current) if current is not None else None
        if holder is not None and current is not None:
            holder.cards.setCurrentIndex(self.card_index(current))
            if focused:
                holder.cards.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_card(self) -> tuple[int | None, bool]:
        """Return the claim of the current card (the focused column's first) and whether
        the keyboard focus is on it."""
        focus = QApplication.focusWidget()
        ordered = sorted(self.columns, key=lambda c: c.cards is not focus)
        for column in ordered:
            index = column.cards.currentIndex()
            if index.isValid():
                return int(index.data(CLAIM_ID_ROLE)), column.cards is focus
        return None, False

    def column_of(self, claim_id: int) -> BoardColumn | None:
        """Return the column holding a claim's card, or None."""
        return next((c for c in self.columns if c.model.row_of(claim_id) is not None), None)

    def card_index(self, claim_id: int) -> QModelIndex:
        """Return the model index of a claim's card (invalid when it is not on the board)."""
        column = self.column_of(claim_id)
        if column is None:
            return QModelIndex()
        row = column.model.row_of(claim_id)
        assert row is not None
        return column.model.index(row, 0)

    def _chosen(self) -> None:
        current = self.current_question()
        if current is not None:
            self.question_chosen.emit(current)
