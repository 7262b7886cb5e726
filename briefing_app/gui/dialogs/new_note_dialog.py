"""New note: choose a template (with its description) and give the note a title."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.templates import NoteTemplate
from briefing_app.gui.widgets.text_widths import text_size

_LIST_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


@dataclass(frozen=True)
class NewNoteRequest:
    """What the writer asked for: a template by name and a title."""

    template: str
    title: str


class NewNoteDialog(QDialog):
    """Lists the templates with their descriptions; asks for a title."""

    def __init__(self, templates: Sequence[NoteTemplate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New note")
        self.templates = list(templates)
        self.list = QListWidget()
        self.list.setAccessibleName("Templates")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        for template in self.templates:
            item = QListWidgetItem(f"{template.label}\n{template.description}")
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(", ".join(s.heading for s in template.sections))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.sections = QLabel()
        self.sections.setWordWrap(True)
        self.sections.setAccessibleName("Sections of the chosen template")
        self.title = QLineEdit()
        self.title.setAccessibleName("Note title")
        self.title.setPlaceholderText("What the note is about (a judgment, for an assessment)")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create note")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._update)
        self.title.textChanged.connect(self._update)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Choose a template:"))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.sections)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(text_size(self, 87, 33))  # 520×460 at 9 pt
        self._update()
        # The title has the keyboard: the arrow keys there choose the template, as in a combo.
        self.title.installEventFilter(self)
        self.title.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Send Up, Down, Page Up and Page Down typed in the title to the templates list."""
        if (
            watched is self.title
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _LIST_KEYS
        ):
            QApplication.sendEvent(self.list, event)
            return True
        return super().eventFilter(watched, event)

    def request(self) -> NewNoteRequest | None:
        """Return what the dialog describes now (None while it lacks a template or title)."""
        item = self.list.currentItem()
        if item is None or not self.title.text().strip():
            return None
        return NewNoteRequest(item.data(Qt.ItemDataRole.UserRole), self.title.text().strip())

    def _update(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.templates):
            headings = ", ".join(s.heading for s in self.templates[row].sections)
            self.sections.setText(f"<i>Sections:</i> {headings}")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.request() is not None
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, templates: Sequence[NoteTemplate]
    ) -> NewNoteRequest | None:
        """Show the dialog; return the request, or None when cancelled."""
        dialog = cls(templates, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.request()
