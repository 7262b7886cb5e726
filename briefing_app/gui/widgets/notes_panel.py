"""The notes list: every note with its template and status; new, rename, duplicate, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import NoteHeader
from briefing_app.gui.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole


class NotesPanel(QWidget):
    """Lists notes; double-click or Enter opens one; F2 renames it in place."""

    note_activated = Signal(int)
    rename_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notes")
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.list = QListWidget()
        self.list.setAccessibleName("Notes list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setToolTip("Double-click a note to write it; F2 renames it")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.itemActivated.connect(lambda item: self.note_activated.emit(item.data(ID_ROLE)))
        self.list.itemChanged.connect(self._renamed)
        layout = QVBoxLayout(self)
        # No caption of its own: the window docks it under the title "Notes".
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.list, 1)
        self._titles: dict[int, str] = {}

    def add_actions(self, actions: list[QAction]) -> None:
        """Put the note actions in the panel's toolbar and context menu."""
        for action in actions:
            self.toolbar.addAction(action)
            self.list.addAction(action)

    def show_notes(self, notes: list[NoteHeader], current: int | None) -> None:
        """List these notes (most recently changed first), selecting the current one."""
        self.list.blockSignals(True)
        self.list.clear()
        self._titles = {}
        for note in notes:
            item = QListWidgetItem(icon("note"), note.title)
            item.setData(ID_ROLE, note.id)
            item.setToolTip(f"{note.title}\n{note.template} · {note.status} · {note.marking}")
            if note.status != "final":  # a title typed over a final note's would be refused
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
            self._titles[note.id] = note.title
            if note.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def current_note_id(self) -> int | None:
        """Return the id of the selected note, or None."""
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def select_note(self, note_id: int) -> None:
        """Select a note's row."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == note_id:
                self.list.setCurrentRow(row)
                return

    def is_renamable(self, note_id: int) -> bool:
        """Return whether a note's title can be edited in place (a final note's cannot)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(ID_ROLE) == note_id:
                return bool(item.flags() & Qt.ItemFlag.ItemIsEditable)
        return False

    def title_editor(self) -> QWidget | None:
        """Return the editor open on the selected note's title, if any."""
        item = self.list.currentItem()
        return self.list.indexWidget(self.list.indexFromItem(item)) if item else None

    def _renamed(self, item: QListWidgetItem) -> None:
        note_id = int(item.data(ID_ROLE))
        title = item.text().strip()
        if title and title != self._titles.get(note_id):
            self.rename_requested.emit(note_id, title)
        elif not title:
            self.list.blockSignals(True)
            item.setText(self._titles.get(note_id, ""))
            self.list.blockSignals(False)
