"""Asking for one line of text that the library may refuse (a hypothesis, an absence)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing_app.gui.contrast import error_colour
from briefing_app.gui.widgets.fields import RefusedFields
from briefing_app.gui.widgets.text_widths import in_chars

# Why a text would be refused, in one line, or None when it would be taken.
TextCheck = Callable[[str], str | None]


class TextDialog(QDialog):
    """One line of text; OK with text the check refuses keeps the dialog open, saying why.

    The refused text stays in the field, framed as every refused field is, for correcting;
    Escape in the field puts the text the dialog opened with back (a second Escape cancels).
    """

    def __init__(
        self, parent: QWidget | None, title: str, label: str, text: str, check: TextCheck
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._initial = text
        self.setWindowTitle(title)
        caption = QLabel(label)
        self.edit = QLineEdit(text)
        self.edit.setAccessibleName(label.rstrip(":"))
        caption.setBuddy(self.edit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_colour(self.palette())}")
        self.problem.hide()
        self.refused = RefusedFields(self, lambda _edit: self._initial)
        self.refused.watch(self.edit)
        self.refused.cleared.connect(self.problem.hide)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept_if_sound)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(in_chars(self, 80), self.sizeHint().height())  # 480 px at 9 pt

    def accept_if_sound(self) -> None:
        """Close with the text, or keep it in the field, marked, with the reason."""
        problem = self._check(self.edit.text())
        if problem is None:
            self.refused.accept(self.edit)
            self.accept()
            return
        self.refused.refuse(self.edit, problem)
        self.problem.setText(f"⚠ {problem}")
        self.problem.show()
        self.edit.setFocus()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, label: str, text: str, check: TextCheck
    ) -> str | None:
        """Show the dialog; return the text taken, or None when cancelled."""
        dialog = cls(parent, title, label, text, check)
        return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
