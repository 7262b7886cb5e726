"""Asking for a key question's text (new, or renamed)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget


class QuestionDialog:
    """The text of a key question, asked in a small dialog; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str = "") -> str | None:
        """Return the question typed (stripped), or None when cancelled or left empty."""
        from PySide6.QtWidgets import QInputDialog

        answer, ok = QInputDialog.getText(
            parent,
            title,
            "The question the brief must answer, e.g. “Who carried out the attack?”",
            QLineEdit.EchoMode.Normal,
            text,
        )
        answer = answer.strip()
        return answer if ok and answer else None
