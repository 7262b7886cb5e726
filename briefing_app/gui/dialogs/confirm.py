"""Asking yes or no before a step the analyst may not mean (deleting what a note cites)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_go_ahead(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """Show a warning with a button named yes and Cancel; return whether yes was chosen."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go
