"""What a REFI-QDA import or export did, item by item, in text the user can copy.

REFI-QDA 1.5 §7 asks an importing tool to show which elements were discarded and why; the
same dialog lists what an export had no place for.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.focus_order import set_tab_order
from briefing_app.gui.widgets.text_widths import text_size


class ProjectReportDialog(QDialog):
    """A summary line above the report's lines, read-only and selectable, with Copy."""

    def __init__(self, parent: QWidget | None, title: str, summary: str, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Report")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        set_tab_order(self.details, self.copy_button, close)  # Copy sits left of Close
        self.resize(text_size(self, 107, 26))  # 640×360 at 9 pt

    def text(self) -> str:
        """Return the whole report: the summary, then its lines."""
        return "\n".join([self.summary.text(), self.details.toPlainText()]).strip()

    def copy(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())
