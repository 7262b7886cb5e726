"""The library panel: the filter box, the list of sources and the tags."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import Tag
from briefing_app.gui.icons import icon
from briefing_app.gui.models.format_badge import badge_size
from briefing_app.gui.models.source_table import SourceTableModel
from briefing_app.gui.widgets.record_view import record_view
from briefing_app.gui.wording import count_of

# The outlet's column, shown only when the list is wide enough for it beside a readable title.
OUTLET = 1
# The least room the title keeps (its badge and about 14 characters) before the outlet shows.
TITLE_ROOM = 150
# Characters of a title a list as narrow as it may be still shows beside its badge: enough to
# tell "Tajik border…" from "Tajik army…" (readable_width).
TITLE_LEAST_CHARS = 12


class LibraryPanel(QWidget):
    """Sources (sortable, filtered by full-text search) and the tags list the window docks."""

    source_selected = Signal(int)
    filter_changed = Signal(str)
    tag_selected = Signal(str)
    tag_delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter sources (full text)…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("find"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.setAccessibleName("Filter sources")
        self.filter_edit.setToolTip("Show only sources whose title or text match these words")
        # Search after a short pause in typing, not on every key.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(
            lambda: self.filter_changed.emit(self.filter_edit.text())
        )
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter_now)

        self.model = SourceTableModel()
        self.view = record_view(self.model, "Sources")
        self.view.setIconSize(badge_size(self.view.fontMetrics()))  # a line high, as the titles
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        # Date, grade and count as wide as their header or widest value, no wider: fixed
        # widths (260 px with the outlet's) left a 200 px list a cut-off title and a
        # sideways scroll to the date and grade.
        metrics = self.view.fontMetrics()
        margin = 2 * self.view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 6
        for column, widest in ((2, "2025-11-30"), (3, "A"), (4, "999")):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            text = max(metrics.horizontalAdvance(label), metrics.horizontalAdvance(widest))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, text + margin)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        self._outlet_width = metrics.horizontalAdvance("Reuters Agency") + margin
        header.resizeSection(OUTLET, self._outlet_width)
        self._title_least = (
            TITLE_LEAST_CHARS * metrics.averageCharWidth() + self.view.iconSize().width() + margin
        )
        # The outlet shows and hides with the room until the analyst sizes it (by hand, or
        # their saved columns): from then on their column stays as they left it.
        self._outlet_auto = True
        self._fitting = False
        header.sectionResized.connect(self._outlet_resized)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        # Rows removed in place (deleted sources) leave the rows in sight where they were.
        self._top: int | None = None
        self.model.rowsAboutToBeRemoved.connect(self._note_top_row)
        self.model.rowsRemoved.connect(self._keep_top_row)

        self.tags = QListWidget()
        self.tags.setAccessibleName("Tags")
        self.tags.setToolTip("Click a tag to show its claims; Delete removes the tag, not claims")
        self.tags.itemClicked.connect(self._tag_clicked)
        self.tags.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.delete_tag_action = QAction(icon("delete"), "Delete tag", self.tags)
        self.delete_tag_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_tag_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_tag_action.setToolTip("Remove the tag from every claim; the claims stay")
        self.delete_tag_action.triggered.connect(self._delete_tag)
        self.tags.addAction(self.delete_tag_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        # The tags list is not laid out here: the window docks it on its own.

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Show the outlet's column only when the title keeps room to read beside it."""
        super().resizeEvent(event)
        self._fit_outlet()

    def readable_width(self) -> int:
        """Return the least width showing a title's first words beside date, grade and claims."""
        header = self.view.horizontalHeader()
        short = sum(header.sectionSize(c) for c in range(2, header.count()))
        bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return 2 * self.view.frameWidth() + bar + short + self._title_least

    def _outlet_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == OUTLET and new > 0 and not self._fitting:
            self._outlet_width, self._outlet_auto = new, False

    def _fit_outlet(self) -> None:
        if not self._outlet_auto:
            return
        header = self.view.horizontalHeader()
        short = sum(header.sectionSize(c) for c in range(2, header.count()))
        # The view's contents less a scroll bar's room, not viewport(): a widget Qt made
        # reaching Python makes PySide6 build every Qt type it might be (dialogs among them)
        # while the window is first painted (test_startup).
        bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        # Its own width even while hidden (a hidden section measures 0, and the column
        # would show and hide again on every resize).
        room = self.view.contentsRect().width() - bar - short - self._outlet_width
        # The title's tooltip names the outlet when its column is left out.
        self._fitting = True
        try:
            self.view.setColumnHidden(OUTLET, room < TITLE_ROOM)
        finally:
            self._fitting = False

    def apply_filter_now(self) -> None:
        """Filter without waiting for the typing pause."""
        self._filter_timer.stop()
        self.filter_changed.emit(self.filter_edit.text())

    def select_source(self, source_id: int, *, scroll: bool = True) -> None:
        """Select a source's row (without re-emitting when it is already current) and, unless
        scroll is False, scroll the list to it."""
        pos = self.model.position_of(source_id)
        if pos is None:
            return
        index = self.model.index(pos, 0)
        bar = self.view.verticalScrollBar()
        kept = bar.value()
        if self.view.currentIndex().row() != pos:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        if scroll:
            self.view.scrollTo(index)
        else:
            bar.setValue(kept)  # the view scrolls to a new current row by itself

    def current_source_id(self) -> int | None:
        """Return the id of the selected source, or None."""
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def show_tags(self, tags: list[Tag]) -> None:
        """List the tags with their claim counts."""
        self.tags.clear()
        for tag in tags:
            item = QListWidgetItem(icon("tag"), f"{tag.kind}: {tag.name}  ({tag.claim_count})")
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, tag.name)
            item.setToolTip(f"{count_of(tag.claim_count, 'claim')} tagged {tag.kind}:{tag.name}")
            self.tags.addItem(item)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Qt moves the current row off a removed one by itself: not the analyst's choice.
        if current.isValid() and not self.model.removing:
            self.source_selected.emit(self.model.id_at(current.row()))

    def _note_top_row(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Remember the source in the top row in sight, unless it is among those going."""
        if self._top is None:
            top = self.view.rowAt(0)
            self._top = self.model.id_at(top) if top >= 0 and not first <= top <= last else None

    def _keep_top_row(self) -> None:
        """Scroll so the source that was in the top row is again (rows above it went)."""
        top, self._top = self._top, None
        at = None if top is None else self.model.position_of(top)
        if at is not None and at != self.view.rowAt(0):
            top_hint = QAbstractItemView.ScrollHint.PositionAtTop
            self.view.scrollTo(self.model.index(at, 0), top_hint)

    def _tag_clicked(self, item: QListWidgetItem) -> None:
        self.tag_selected.emit(str(item.data(Qt.ItemDataRole.UserRole + 1)))

    def _delete_tag(self) -> None:
        item = self.tags.currentItem()
        if item is not None:
            self.tag_delete_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
