"""Edit ▸ Merge party names…: say that two spellings name one party (an alias)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)


def _names_combo(names: list[str], current: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setAccessibleName(accessible)
    combo.addItems(names)
    combo.setCurrentText(current)
    return combo


class MergePartyDialog(QDialog):
    """Asks for an alias and the party name it stands for."""

    def __init__(self, parent: QWidget | None, parties: list[str], alias: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge party names")
        self.alias = _names_combo(parties, alias, "Alias")
        others = [p for p in parties if p != alias]
        self.canonical = _names_combo(others, others[0] if others else "", "Stands for")
        note = QLabel(
            "Suggestions and new claims will use the second name wherever the first appears."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow("Name as written", self.alias)
        form.addRow("Stands for", self.canonical)
        form.addRow(buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, parties: list[str], alias: str = ""
    ) -> tuple[str, str] | None:
        """Return (alias, canonical name), or None when cancelled."""
        dialog = cls(parent, parties, alias)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = (dialog.alias.currentText().strip(), dialog.canonical.currentText().strip())
        dialog.deleteLater()
        return chosen if ok else None
