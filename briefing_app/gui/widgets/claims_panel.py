"""The claims table with its filters: source, tag, party, kind and status."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.gui.models.claim_table import ClaimTableModel
from briefing_app.gui.widgets.record_view import record_view
from briefing_app.gui.wording import count_of

_ANY = "Any"


def _filter_combo(name: str, tooltip: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tooltip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(3)
    return combo


class _ChoicesCombo(QComboBox):
    """A filter whose choices may be loaded only when the user first reaches for them."""

    def __init__(self) -> None:
        super().__init__()
        self.setModel(_Choices(self))
        self.before_use: Callable[[], None] = lambda: None

    def showPopup(self) -> None:
        """Load pending choices, then open the list."""
        self.before_use()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Load pending choices before arrow keys or typing move through them."""
        self.before_use()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Load pending choices before the wheel moves through them."""
        self.before_use()
        super().wheelEvent(event)


def _choices_combo(name: str, tooltip: str) -> _ChoicesCombo:
    combo = _ChoicesCombo()
    combo.setAccessibleName(name)
    combo.setToolTip(tooltip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(3)
    return combo


class _Choices(QAbstractListModel):
    """A filter's choices as a list model: Qt asks only for the rows it shows.

    Filling a combo box item by item costs ~5 µs a row in calls into Qt; with 10,000 sources
    that alone was a noticeable part of opening a library.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, object]] = [(_ANY, None)]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of choices, Any included."""
        return 0 if parent.isValid() else len(self.items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return a choice's (shortened) text, its full text as tooltip, its value as user data."""
        if not index.isValid():
            return None
        text, value = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text if len(text) < 40 else text[:38] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def set_items(self, items: list[tuple[str, object]]) -> None:
        """Offer these choices after Any."""
        self.beginResetModel()
        self.items = [(_ANY, None), *items]
        self.endResetModel()


def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a filter's items, keeping the chosen one when it is still offered."""
    current = combo.currentData()
    model = combo.model()
    assert isinstance(model, _Choices)
    combo.blockSignals(True)
    model.set_items(items)
    index = 0 if current is None else combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if index < 0 and current is not None:
        # The chosen value is gone (e.g. its tag was deleted): the filter now shows all.
        combo.currentIndexChanged.emit(0)


class ClaimsPanel(QWidget):
    """A QTableView over ClaimTableModel; asks to reload when a filter changes."""

    filter_changed = Signal()
    claim_selected = Signal(int)
    claim_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_filter = _choices_combo("Filter claims by source", "Only claims of a source")
        self.tag_filter = _choices_combo("Filter claims by tag", "Only claims with a tag")
        self.party_filter = _choices_combo("Filter claims by party", "Only claims by a party")
        self.kind_filter = _filter_combo("Filter claims by kind", "Only claims of a kind")
        self.status_filter = _filter_combo("Filter claims by status", "Only claims in a status")
        self.kind_filter.addItem(_ANY, None)
        for kind in CLAIM_KINDS:
            self.kind_filter.addItem(kind, kind)
        self.status_filter.addItem(_ANY, None)
        for status in CLAIM_STATUSES:
            self.status_filter.addItem(status, status)
        self._choices: dict[str, list[tuple[str, object]]] = {}
        self._source_loader: Callable[[], list[tuple[int, str]]] | None = None
        self.source_filter.before_use = self._load_sources
        self.set_choices([], [], [])
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            ("Source", self.source_filter),
            ("Tag", self.tag_filter),
            ("Party", self.party_filter),
            ("Kind", self.kind_filter),
            ("Status", self.status_filter),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addWidget(caption)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.context_actions: list[QAction] = []
        self.selection_menu: Callable[[list[int], QWidget], QMenu] | None = None
        # The count may be cut short rather than hold the whole centre column wide (the
        # review dock takes its width from the columns beside this one).
        self.count_label.setMinimumWidth(1)

        self.model = ClaimTableModel()
        self.view = record_view(self.model, "Claims")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((52, 130, 150, 140, 44, 90, 360)):
            header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        # Clicking the row already current tells nothing to currentRowChanged.
        self.view.clicked.connect(self._current_changed)
        self.view.doubleClicked.connect(
            lambda index: self.claim_activated.emit(self.model.id_at(index.row()))
        )
        self.view.setToolTip("Double-click a claim to show it in its source")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def add_context_action(self, action: QAction) -> None:
        """Offer an action on the whole table in its right-click menu."""
        # Not a button in the filter bar: the bar is as narrow as the centre column allows.
        self._enable_context_menu()
        self.context_actions.append(action)

    def set_selection_menu(self, builder: Callable[[list[int], QWidget], QMenu]) -> None:
        """Offer, at the top of the right-click menu, builder's submenu for the selected claims."""
        self._enable_context_menu()
        self.selection_menu = builder

    def _enable_context_menu(self) -> None:
        if self.view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.view.customContextMenuRequested.connect(self._show_context_menu)

    def selected_claim_ids(self) -> list[int]:
        """Return the ids of the selected claims, in table order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    def context_menu(self) -> QMenu:
        """Return the right-click menu: the selected claims' submenu, then the table's actions."""
        menu = QMenu(self.view)
        ids = self.selected_claim_ids()
        if ids and self.selection_menu is not None:
            menu.addMenu(self.selection_menu(ids, menu))
            menu.addSeparator()
        menu.addActions(self.context_actions)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def set_choices(
        self,
        sources: list[tuple[int, str]] | None = None,
        tags: list[str] | None = None,
        parties: list[str] | None = None,
    ) -> None:
        """Offer these sources, tags or parties in the filters (None: leave as is)."""
        offered: list[tuple[QComboBox, list[tuple[str, object]] | None]] = [
            (self.source_filter, None if sources is None else [(t, i) for i, t in sources]),
            (self.tag_filter, None if tags is None else [(t, t) for t in tags]),
            (self.party_filter, None if parties is None else [(p, p) for p in parties]),
        ]
        for combo, items in offered:
            if items is not None and items != self._choices.get(combo.accessibleName()):
                self._choices[combo.accessibleName()] = items
                _fill(combo, items)

    def set_sources_later(self, loader: Callable[[], list[tuple[int, str]]]) -> None:
        """Offer the sources loader() returns, loaded when the source filter is first used.

        With 10,000 sources, reading and sorting every title is a visible part of opening a
        library; most sessions never open this filter. A chosen source reloads at once.
        """
        self._source_loader = loader
        if self.source_filter.currentData() is not None:
            self._load_sources()

    def _load_sources(self) -> None:
        loader, self._source_loader = self._source_loader, None
        if loader is not None:
            self.set_choices(sources=loader())

    def current_filter(self) -> ClaimFilter:
        """Return the filter the combo boxes describe."""
        return ClaimFilter(
            source_id=self.source_filter.currentData(),
            tag=self.tag_filter.currentData(),
            party=self.party_filter.currentData(),
            kind=self.kind_filter.currentData(),
            status=self.status_filter.currentData(),
        )

    def forget_source_filter(self) -> None:
        """Set the source filter back to Any, quietly: its choice is an id of another library.

        Kept, the id named whichever source of the library opened has it ("Harbour report"
        where the analyst had chosen "China Urges Tajikistan…").
        """
        with QSignalBlocker(self.source_filter):
            self.source_filter.setCurrentIndex(0)

    def set_filter_value(self, combo: QComboBox, value: object) -> None:
        """Choose a value in one of the filters (None: Any)."""
        if isinstance(combo, _ChoicesCombo):
            combo.before_use()
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def update_count(self, total: int) -> None:
        """Say how many claims are shown out of how many."""
        shown = self.model.rowCount()
        self.count_label.setText(
            count_of(shown, "claim")
            if shown == total
            else f"{shown:,} of {count_of(total, 'claim')}"
        )

    def select_claim(self, claim_id: int) -> None:
        """Select a claim's row when it is shown."""
        current = self.view.currentIndex().row()
        # A row clicked is current already: no need to look through the table for it.
        is_current = 0 <= current < self.model.rowCount() and self.model.id_at(current) == claim_id
        pos = current if is_current else self.model.position_of(claim_id)
        if pos is None:
            self.clear_selection()
            return
        index = self.model.index(pos, 0)
        self.view.selectionModel().blockSignals(True)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.selectionModel().blockSignals(False)
        self.view.viewport().update()
        self.view.scrollTo(index)

    @contextmanager
    def quiet_selection(self) -> Iterator[None]:
        """Change the model without the rows it moves or removes selecting another claim."""
        selection = self.view.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            yield
        finally:
            selection.blockSignals(blocked)

    def clear_selection(self) -> None:
        """Select no row (and leave no current row for the arrow keys to select from)."""
        with self.quiet_selection():
            self.view.selectionModel().clear()
        # A view not on screen has nothing painted to correct (and asking for the viewport
        # before the first paint would cost it ~10 ms: see PaintWatcher.once_contents).
        if self.view.isVisible():
            self.view.viewport().update()

    def current_claim_id(self) -> int | None:
        """Return the id of the selected claim, or None."""
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if current.isValid():
            self.claim_selected.emit(self.model.id_at(current.row()))
