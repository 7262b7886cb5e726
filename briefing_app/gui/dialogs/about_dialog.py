"""Help ▸ About Briefing (version, library, third-party licences) and Help ▸ User guide."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app import __version__
from briefing_app.core.bundled.resources import user_guide_path
from briefing_app.gui.icons import icon
from briefing_app.gui.widgets.text_widths import text_size

if TYPE_CHECKING:
    from briefing_app.core.bundled.licenses import Component


class AboutDialog(QDialog):
    """The version, the open library's path, and each bundled component's licence."""

    def __init__(self, parent: QWidget | None, library_path: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Briefing")
        self.setWindowIcon(icon("app"))
        self.resize(text_size(self, 107, 40))  # 640×560 at 9 pt
        self.version_label = QLabel(f"<b>Briefing {__version__}</b>")
        self.library_label = QLabel(
            f"Library: {library_path}" if library_path else "Library: in memory (not saved)"
        )
        self.library_label.setWordWrap(True)
        self.library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Reading every installed distribution's metadata is slow: only when About opens.
        from briefing_app.core.bundled.licenses import bundled_components

        self.components: list[Component] = bundled_components()
        self.table = QTableWidget(len(self.components), 3)
        self.table.setAccessibleName("Bundled components and their licences")
        self.table.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, component in enumerate(self.components):
            for column, text in enumerate(
                (component.distribution, component.version, component.license)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.license_view = QPlainTextEdit()
        self.license_view.setReadOnly(True)
        self.license_view.setAccessibleName("Licence text")
        self.license_view.setPlaceholderText("Select a component to read its licence.")
        self.table.currentCellChanged.connect(lambda row, *_: self.show_license(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version_label)
        layout.addWidget(QLabel("A briefing-note editor for analysts. MIT licence."))
        layout.addWidget(self.library_label)
        layout.addWidget(QLabel("Third-party components shipped with this installation:"))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.license_view, 2)
        layout.addWidget(buttons)

    def show_license(self, row: int) -> None:
        """Show the licence text of the component in row (its name when it ships no file)."""
        if not 0 <= row < len(self.components):
            self.license_view.clear()
            return
        component = self.components[row]
        from briefing_app.core.bundled.licenses import license_text

        text = license_text(component.distribution)
        self.license_view.setPlainText(
            text
            or f"{component.distribution} {component.version} is licensed under "
            f"{component.license}; its distribution ships no licence file."
        )

    @classmethod
    def open_for(cls, parent: QWidget | None, library_path: Path | None) -> AboutDialog:
        """Show the About dialog (window-modal, returns at once) for the library at library_path."""
        dialog = cls(parent, library_path)
        dialog.open()
        return dialog


def user_guide_url() -> QUrl:
    """Return the local file:// URL of the user guide shipped with this installation."""
    return QUrl.fromLocalFile(str(user_guide_path()))


def open_user_guide(parent: QWidget | None = None) -> bool:
    """Open the user guide with the desktop's viewer for local files (never a network URL)."""
    try:
        url = user_guide_url()
    except FileNotFoundError as exc:
        QMessageBox.warning(parent, "User guide", str(exc))
        return False
    return QDesktopServices.openUrl(url)
