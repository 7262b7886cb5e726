"""The claims table with its filters: source, tag, party, kind and status."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QDrag, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.gui.models.claim_table import ClaimTableModel
from briefing_app.gui.widgets.flow_layout import FlowLayout, captioned
from briefing_app.gui.widgets.record_view import record_view, spare_headers_the_selection
from briefing_app.gui.widgets.text_widths import in_chars
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


class _ClaimsView(QTableView):
    """The claims table's view: a drag carries the selected claims, read as row ranges.

    Qt's own startDrag lists every selected index and asks flags() of each: 800,000 calls
    into Python for 100,000 selected claims before the drag begins.
    """

    def __init__(self) -> None:
        super().__init__()
        # The MIME data for the selected claims (the panel's); None: nothing to drag.
        self.drag_data: Callable[[], QMimeData | None] = lambda: None

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the selected claims' keys (and their citation as text)."""
        mime = self.drag_data()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(supportedActions, Qt.DropAction.CopyAction)


class ClaimsPanel(QWidget):
    """A QTableView over ClaimTableModel; asks to reload when a filter changes.

    Several rows can be selected (click, Shift+click, Ctrl+click, Ctrl+A, Shift+arrows). The
    selection is read as row ranges, never index by index: after Ctrl+A over 100,000 claims
    it is one range, and its ids are one slice of the model's id array.
    """

    filter_changed = Signal()
    claim_selected = Signal(int)
    claim_activated = Signal(int)
    # How many rows are selected, told when several are or when several were before.
    selection_counted = Signal(int)

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
        # Wraps onto more lines when the panel is too narrow for one (a large font): in a row
        # the five filters held the centre column 757 px wide at 14 pt.
        bar = FlowLayout()
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
            bar.addWidget(captioned(caption, combo, stretch=0))
            combo.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())
        # At the right of its line: it takes what the filters leave.
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        policy = self.count_label.sizePolicy()
        policy.setHorizontalStretch(1)
        self.count_label.setSizePolicy(policy)
        bar.addWidget(self.count_label)
        self.context_actions: list[QAction] = []
        self.selection_menu: Callable[[list[int], QWidget], QMenu] | None = None
        # The count may be cut short rather than hold the whole centre column wide (the
        # review dock takes its width from the columns beside this one).
        self.count_label.setMinimumWidth(1)

        self.model = ClaimTableModel()
        self.view = record_view(self.model, "Claims", _ClaimsView())
        assert isinstance(self.view, _ClaimsView)
        self.view.drag_data = self.drag_data
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        spare_headers_the_selection(self.view)
        # Qt keeps a selection through a sort as a persistent index per selected row: 60,000
        # selected rows took 14.6 s to sort. They are taken off and selected again by id.
        self.model.around_sort = self.keeping_many_selected
        self._many = False  # several rows were selected at the last selection change
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # In average characters (52, 130, ... px at 9 pt): a large font widens them with it.
        for column, chars in enumerate((9, 22, 25, 23, 7.5, 15, 60)):
            header.resizeSection(column, in_chars(self.view, chars))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
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

    def selected_ranges(self) -> list[tuple[int, int]]:
        """Return the selected rows as (first, last) ranges, in the order they were selected."""
        selection = self.view.selectionModel().selection()
        return [(selection.at(i).top(), selection.at(i).bottom()) for i in range(selection.size())]

    def selected_count(self) -> int:
        """Return how many rows are selected (counted by range, not by row)."""
        ranges = self.selected_ranges()
        if len(ranges) == 1:
            return ranges[0][1] - ranges[0][0] + 1
        return len(self.model.ids_in_rows(ranges)) if ranges else 0

    def selected_claim_ids(self) -> list[int]:
        """Return the ids of the selected claims, in table order."""
        return self.model.ids_in_rows(self.selected_ranges())

    def drag_data(self) -> QMimeData | None:
        """Return what dragging the selected claims carries (None when none is selected)."""
        ids = self.selected_claim_ids()
        return self.model.claims_mime(ids) if ids else None

    def select_rows(self, first: int, last: int) -> None:
        """Select the rows first to last as one range (what Shift+click selects)."""
        selection = QItemSelection(
            self.model.index(first, 0), self.model.index(last, self.model.columnCount() - 1)
        )
        self.view.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    @contextmanager
    def keeping_many_selected(self) -> Iterator[None]:
        """Reload or sort the model inside, then select again those of several selected
        claims still shown, wherever their rows are now (quietly: the count is the caller's
        to tell)."""
        if self.selected_count() < 2:
            yield
            return
        ranges = self.selected_ranges()
        shown = self.model.id_array()
        ids = self.model.ids_in_rows(ranges)
        with self.quiet_selection():
            self.view.selectionModel().select(
                QItemSelection(), QItemSelectionModel.SelectionFlag.Clear
            )
        yield
        last_column = self.model.columnCount() - 1
        selection = QItemSelection()
        if self.model.id_array() == shown:
            # The same rows in the same order (an assignment changes none of the columns).
            for first, last in ranges:
                selection.select(self.model.index(first, 0), self.model.index(last, last_column))
            count = len(ids)
        else:
            positions = sorted(self.model.positions_of(ids).values())
            start = 0
            for n in range(1, len(positions) + 1):
                if n == len(positions) or positions[n] != positions[n - 1] + 1:
                    selection.select(
                        self.model.index(positions[start], 0),
                        self.model.index(positions[n - 1], last_column),
                    )
                    start = n
            count = len(positions)
        with self.quiet_selection():
            self.view.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._many = count > 1
        if self.view.isVisible():
            self.view.viewport().update()

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
        self._many = False
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
        self._many = False
        # A view not on screen has nothing painted to correct (and asking for the viewport
        # before the first paint would cost it ~10 ms: see PaintWatcher.once_contents).
        if self.view.isVisible():
            self.view.viewport().update()

    def current_claim_id(self) -> int | None:
        """Return the id of the selected claim, or None."""
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        # Shift+click moves the current row too: with several selected, no one claim is
        # chosen; Ctrl+click moves it onto the row it deselects, which is not chosen either.
        if (
            current.isValid()
            and not self._many
            and self.view.selectionModel().isRowSelected(current.row())
        ):
            self.claim_selected.emit(self.model.id_at(current.row()))

    def _selection_changed(self) -> None:
        count = self.selected_count()
        was_many, self._many = self._many, count > 1
        if self._many or was_many:
            self.selection_counted.emit(count)
