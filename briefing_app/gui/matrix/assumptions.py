"""The Key Assumptions panel beside the matrix, and the dialog that adds or edits one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.ach.model import ASSUMPTION_RATING_LABELS, ASSUMPTION_RATINGS, KeyAssumption

_RATING_COLOURS = {"solid": "#a5d6a7", "caveated": "#fff59d", "unsupported": "#ef9a9a"}
COLUMNS = ("Key", "Assumption", "Rating", "Why", "Wrong if", "Supported by", "Hypotheses")


@dataclass(frozen=True)
class AssumptionFields:
    """What the analyst typed for a key assumption (claim and hypothesis keys as typed)."""

    text: str
    rating: str = ""
    why: str = ""
    wrong_if: str = ""
    supports: tuple[str, ...] = ()
    hypotheses: tuple[str, ...] = ()


# Why fields would be refused (a claim or hypothesis key that does not exist), or None.
FieldsCheck = Callable[["AssumptionFields"], str | None]


class AssumptionDialog(QDialog):
    """Add or edit a key assumption; `ask` returns the fields, or None when cancelled.

    OK with fields the check refuses keeps the dialog open, saying why, with what was typed.
    """

    def __init__(
        self, parent: QWidget | None, held: KeyAssumption | None, check: FieldsCheck | None = None
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(f"Edit key assumption {held.key}" if held else "Add key assumption")
        self.text = QLineEdit(held.text if held else "")
        self.rating = QComboBox()
        for value in ("", *ASSUMPTION_RATINGS):
            self.rating.addItem(ASSUMPTION_RATING_LABELS[value], value)
        self.rating.setCurrentIndex(max(0, self.rating.findData(held.rating if held else "")))
        self.why = QLineEdit(held.why if held else "")
        self.wrong_if = QLineEdit(held.wrong_if if held else "")
        self.supports = QLineEdit(" ".join(held.claim_keys) if held else "")
        self.supports.setPlaceholderText("claim keys, e.g. C4 C9")
        self.hypotheses = QLineEdit(" ".join(held.hypothesis_keys) if held else "")
        self.hypotheses.setPlaceholderText("hypothesis keys, e.g. H1 H2")
        form = QFormLayout()
        form.addRow("&Assumption", self.text)
        form.addRow("&Rating", self.rating)
        form.addRow("&Why", self.why)
        form.addRow("What would show it &wrong", self.wrong_if)
        form.addRow("&Supported by", self.supports)
        form.addRow("&Hypotheses that depend on it", self.hypotheses)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_sound)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def fields(self) -> AssumptionFields:
        """Return what the form holds."""
        return AssumptionFields(
            self.text.text(),
            str(self.rating.currentData() or ""),
            self.why.text(),
            self.wrong_if.text(),
            tuple(self.supports.text().replace(",", " ").split()),
            tuple(self.hypotheses.text().replace(",", " ").split()),
        )

    def _accept_if_sound(self) -> None:
        problem = self._check(self.fields()) if self._check is not None else None
        if problem is None:
            self.accept()
            return
        self.problem.setText(f"⚠ {problem}")
        self.problem.show()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        held: KeyAssumption | None = None,
        check: FieldsCheck | None = None,
    ) -> AssumptionFields | None:
        """Show the dialog; return the fields typed, or None when cancelled."""
        dialog = cls(parent, held, check)
        return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AssumptionsPanel(QWidget):
    """The question's key assumptions as a table, with Add, Edit and Remove."""

    def __init__(self) -> None:
        super().__init__()
        self.assumptions: list[KeyAssumption] = []
        title = QLabel("<b>Key assumptions</b>")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 40)
        self.table.setColumnWidth(1, 220)
        self.table.setAccessibleName("Key assumptions")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.remove_button = QPushButton("Remo&ve")
        buttons = QHBoxLayout()
        buttons.addWidget(title, 1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_assumptions(self, assumptions: list[KeyAssumption]) -> None:
        """Show these assumptions, keeping the one selected if it is still there."""
        current = self.current_key()
        self.assumptions = assumptions
        self.table.setRowCount(len(assumptions))
        for r, a in enumerate(assumptions):
            for c, value in enumerate(a.cells()):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 2 and a.rating:
                    item.setBackground(QColor(_RATING_COLOURS[a.rating]))
                self.table.setItem(r, c, item)
            if a.key == current:
                self.table.selectRow(r)
        self.edit_button.setEnabled(bool(assumptions))
        self.remove_button.setEnabled(bool(assumptions))

    def current_key(self) -> str | None:
        """Return the key of the selected assumption, or None."""
        row = self.table.currentRow()
        return self.assumptions[row].key if 0 <= row < len(self.assumptions) else None

    def rows_text(self) -> list[list[str]]:
        """Return the table's text, row by row (what the analyst reads)."""
        return [
            [(self.table.item(r, c) or QTableWidgetItem()).text() for c in range(len(COLUMNS))]
            for r in range(self.table.rowCount())
        ]
