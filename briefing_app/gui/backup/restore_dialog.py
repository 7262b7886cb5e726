"""File ▸ Restore from backup…: pick a backup (newest first), verified before it can be chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.errors import BriefingError
from briefing_app.core.storage.backup import BackupInfo, list_backups, verify_backup
from briefing_app.gui.widgets.text_widths import in_chars


class RestoreBackupDialog(QDialog):
    """Lists a library's backups; the selected one is verified before Restore is offered."""

    def __init__(self, parent: QWidget | None, lib_path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.setMinimumWidth(in_chars(self, 93))  # 560 px at 9 pt
        self.lib_path = lib_path
        self.backups = list_backups(lib_path)
        self.verified: BackupInfo | None = None
        intro = QLabel(
            "Choose a backup to bring back. The library as it is now is backed up first, "
            "so a restore can itself be undone by restoring that backup."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        for info in self.backups:
            item = QListWidgetItem(info.describe())
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        self.status = QLabel("No backups of this library yet." if not self.backups else "")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Backup check")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("Restore")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._verify)
        if self.backups:
            self.list.setCurrentRow(0)

    def _verify(self, row: int) -> None:
        """Open the chosen backup read-only and check it before it can be restored."""
        self.verified = None
        if not 0 <= row < len(self.backups):
            self.restore_button.setEnabled(False)
            return
        try:
            info = verify_backup(self.backups[row].path, self.lib_path)
        except BriefingError as exc:
            self.status.setText(f"⚠ {exc}")
            self.restore_button.setEnabled(False)
            return
        self.verified = info
        self.status.setText(
            f"✓ Verified: {info.sources} sources, {info.claims} claims, {info.notes} notes "
            f"(schema {info.schema_version})."
        )
        self.restore_button.setEnabled(True)

    @classmethod
    def ask(cls, parent: QWidget | None, lib_path: Path) -> BackupInfo | None:
        """Show the dialog; return the verified backup chosen, or None."""
        dialog = cls(parent, lib_path)
        chosen = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.verified if chosen else None

    @classmethod
    def confirm(cls, parent: QWidget | None, info: BackupInfo) -> bool:
        """Ask once more before replacing the library's content."""
        answer = QMessageBox.question(
            parent,
            "Restore from backup",
            f"Replace the library's content with the backup of "
            f"{info.created_at.astimezone():%Y-%m-%d %H:%M}?\n"
            "The current content is backed up first.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


def describe_restore(info: BackupInfo, saved: Path | None) -> str:
    """Return the status line after a restore."""
    line = f"Restored the backup of {info.created_at.astimezone():%Y-%m-%d %H:%M}"
    return f"{line}; the previous content is in {saved.name}" if saved else line
