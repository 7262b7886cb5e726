"""The chronology panel: filters by question, party and tag over the time line's list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.records.claims import ClaimFilter
from briefing_app.gui.chronology.delegate import ChronologyDelegate
from briefing_app.gui.chronology.model import ChronologyModel
from briefing_app.gui.wording import count_of

_ANY = "Any"


class _ChoicesCombo(QComboBox):
    """A filter whose choices are read afresh when the analyst reaches for them."""

    def __init__(self, name: str, tooltip: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setToolTip(tooltip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(4)
        self.addItem(_ANY, None)
        self.before_use: Callable[[], None] = lambda: None

    def showPopup(self) -> None:
        """Read the choices, then open the list."""
        self.before_use()
        super().showPopup()

    def set_choices(self, items: list[tuple[str, object]]) -> None:
        """Offer these (text, value) choices after Any, keeping the chosen one if offered."""
        current = self.currentData()
        if [(self.itemText(i), self.itemData(i)) for i in range(1, self.count())] == items:
            return
        self.blockSignals(True)
        self.clear()
        self.addItem(_ANY, None)
        for text, value in items:
            self.addItem(text if len(text) < 48 else text[:46] + "…", value)
            self.setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        found = 0 if current is None else self.findData(current)
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        if found < 0:
            # The chosen value is gone (its question deleted, say): the filter now shows all.
            self.currentIndexChanged.emit(0)


class ChronologyView(QTableView):
    """The time line: one column of rows, all as tall as two lines; says when a row's
    buttons are clicked.

    A table rather than a QListView: with fixed row heights a table lays out nothing per
    row, where a list walks all 100,000 items before its first paint (~0.5 s).
    """

    button_clicked = Signal(int, str)  # row, ACCEPT or REJECT

    def __init__(self, model: ChronologyModel) -> None:
        super().__init__()
        self.setModel(model)
        self.chronology_delegate = ChronologyDelegate(self)
        self.setItemDelegate(self.chronology_delegate)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.chronology_delegate.row_height())
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Chronology")
        # Never so narrow that a day's date is cut: its short form and count fit (the
        # header's tooltip gives it in full).
        frame = 2 * self.frameWidth()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(self.chronology_delegate.minimum_width() + scroll_bar + frame)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A press on a row's button is the button's, not a click on the row."""
        if self._button_under(event) is None:
            super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Accept or Reject when released over the button; otherwise as a list does."""
        hit = self._button_under(event)
        if hit is None:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        self.button_clicked.emit(hit[0], hit[1])

    def _button_under(self, event: QMouseEvent) -> tuple[int, str] | None:
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        button = self.chronology_delegate.button_at(index, self.visualRect(index), pos)
        return None if button is None else (index.row(), button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the current claim (activated), on every platform style."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            index = self.currentIndex()
            if index.isValid():
                self.activated.emit(index)
                return
        super().keyPressEvent(event)


class ChronologyPanel(QWidget):
    """The filters, the count and the time line; asks to reload when a filter changes."""

    filter_changed = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question_filter = _ChoicesCombo(
            "Filter chronology by key question", "Only the claims assigned to a key question"
        )
        self.party_filter = _ChoicesCombo("Filter chronology by party", "Only claims by a party")
        self.tag_filter = _ChoicesCombo("Filter chronology by tag", "Only claims with a tag")
        # One filter a line: side by side they made the panel 380 px wide at least, and the
        # column it shares with the sources squeezed the inspector off a laptop's screen.
        bar = QGridLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setColumnStretch(1, 1)
        for line, (label, combo) in enumerate(
            (
                ("&Question", self.question_filter),
                ("Part&y", self.party_filter),
                ("Ta&g", self.tag_filter),
            )
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addWidget(caption, line, 0)
            bar.addWidget(combo, line, 1)
            combo.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(1)
        self.model = ChronologyModel()
        self.model.setParent(self)  # it goes with the panel, its timer too
        self.view = ChronologyView(self.model)
        self.view.setToolTip(
            "Click a claim (or press Enter) to show it in its source; suggested dates are grey"
        )
        self.accept_action = QAction("&Accept suggested date", self.view)
        self.accept_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.reject_action = QAction("&Reject suggested date", self.view)
        self.reject_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action in (self.accept_action, self.reject_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """Tell the controller: a chronology first shown (or shown stale) loads now."""
        super().showEvent(event)
        self.shown.emit()

    def current_filter(self) -> tuple[ClaimFilter, int | None]:
        """Return the party and tag filter and the chosen question's id (None: any)."""
        return (
            ClaimFilter(party=self.party_filter.currentData(), tag=self.tag_filter.currentData()),
            self.question_filter.currentData(),
        )

    def update_count(self) -> None:
        """Say how many claims are shown, dated and undated."""
        model = self.model
        self.count_label.setText(
            f"{count_of(model.dated, 'dated claim')}, {model.undated:,} undated"
        )

    def current_claim_id(self) -> int | None:
        """Return the id of the claim whose row is current, if a claim's is."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        entry = self.model.id_at(index.row())
        return entry if entry > 0 else None

    def select_claim(self, claim_id: int | None) -> bool:
        """Make a claim's row current and scroll to it; return whether it is shown."""
        at = None if claim_id is None else self.model.position_of(claim_id)
        if at is None:
            return False
        index = self.model.index(at, 0)
        self.view.setCurrentIndex(index)
        # After a reset the scroll range is laid out later; scrolling first would stop short.
        self.view.doItemsLayout()
        self.view.scrollTo(index)
        return True

    def visible_claim_ids(self) -> set[int]:
        """Return the ids of the claims whose rows are on screen."""
        view, model = self.view, self.model
        if not view.isVisible() or model.rowCount() == 0:
            return set()
        first = max(view.rowAt(0), 0)
        last = view.rowAt(view.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        return {i for i in (model.id_at(r) for r in range(first, last + 1)) if i > 0}

    def row_index(self, row: int) -> QModelIndex:
        """Return the model index of a row (for the controller's signal handlers)."""
        return self.model.index(row, 0)
