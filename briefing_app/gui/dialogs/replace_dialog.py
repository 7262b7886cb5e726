"""Find and replace in a note (Ctrl+H): what to find, and what to put instead."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


@dataclass(frozen=True)
class ReplaceRequest:
    """Replace every match of phrase (case ignored) with replacement."""

    phrase: str
    replacement: str


class ReplaceDialog(QDialog):
    """Two fields and Replace all; the replace runs across every section of the note."""

    def __init__(self, parent: QWidget | None = None, phrase: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Find and replace in note")
        self.find_edit = QLineEdit(phrase)
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName("Replace with")
        # Room for a phrase of a few words (the fields were 125 px: a phrase scrolled away).
        for edit in (self.find_edit, self.replace_edit):
            edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 45)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Replace all")
        self.ok.setEnabled(bool(phrase))
        self.find_edit.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Find", self.find_edit)
        form.addRow("Replace &with", self.replace_edit)
        form.addRow(buttons)

    def request(self) -> ReplaceRequest:
        """Return what the fields ask for."""
        return ReplaceRequest(self.find_edit.text(), self.replace_edit.text())

    @classmethod
    def ask(cls, parent: QWidget | None, phrase: str = "") -> ReplaceRequest | None:
        """Ask what to replace (phrase: the selection, offered to find); None if cancelled."""
        dialog = cls(parent, phrase)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
