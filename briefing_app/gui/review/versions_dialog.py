"""Note ▸ Versions…: a note's versions, and the word diff between any two of them."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.review.versions import NoteVersion
from briefing_app.gui.review.diff_html import diff_html, use_review_style
from briefing_app.gui.widgets.text_widths import text_size

_NOW = 0  # the combo data for "the note as it is now"


def version_label(version: NoteVersion) -> str:
    """Return one line for a version: number, date, status and why it was taken."""
    when = version.created_at.replace("T", " ")[:16]
    who = f" by {version.author}" if version.author else ""
    return f"v{version.number} · {when} · {version.status} · {version.reason}{who}"


class VersionsDialog(QDialog):
    """Lists a note's versions; shows what changed between a chosen pair (or up to now)."""

    def __init__(self, parent: QWidget | None, lib: Library, note_id: int) -> None:
        super().__init__(parent)
        self.lib, self.note_id = lib, note_id
        note = lib.notes.get(note_id)
        self.setWindowTitle(f"Versions of {note.title}")
        self.resize(text_size(self, 150, 43))  # 900×600 at 9 pt
        self.versions = lib.versions.all(note_id)
        self.list = QListWidget()
        self.list.setAccessibleName("Versions, oldest first")
        self.list.addItems([version_label(v) for v in self.versions])
        self.old_combo = QComboBox()
        self.old_combo.setAccessibleName("Compare from version")
        self.new_combo = QComboBox()
        self.new_combo.setAccessibleName("Compare to version")
        for version in self.versions:
            self.old_combo.addItem(f"v{version.number} — {version.reason}", version.number)
            self.new_combo.addItem(f"v{version.number} — {version.reason}", version.number)
        self.new_combo.addItem("The note as it is now", _NOW)
        self.view = QTextBrowser()
        self.view.setAccessibleName("Changes between the versions")
        # Only local text is shown: never follow or fetch a link.
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        form = QFormLayout()
        form.addRow("From", self.old_combo)
        form.addRow("To", self.new_combo)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._version_clicked)
        self.old_combo.currentIndexChanged.connect(self.show_diff)
        self.new_combo.currentIndexChanged.connect(self.show_diff)
        if self.versions:
            # By default: what changed since the last version.
            self.old_combo.setCurrentIndex(len(self.versions) - 1)
            self.new_combo.setCurrentIndex(len(self.versions))
        self.show_diff()

    def compare(self, old: int, new: int | None) -> None:
        """Show the changes from version old to version new (None: the note now)."""
        self.old_combo.setCurrentIndex(self.old_combo.findData(old))
        self.new_combo.setCurrentIndex(self.new_combo.findData(_NOW if new is None else new))
        self.show_diff()

    def show_diff(self) -> None:
        """Render the diff between the versions chosen in the combos."""
        use_review_style(self.view)
        if not self.versions:
            self.view.setHtml(
                "<p>This note has no versions yet. A version is kept each time "
                "its status changes.</p>"
            )
            return
        old = self.old_combo.currentData()
        new = self.new_combo.currentData()
        try:
            diffs = self.lib.versions.diff(self.note_id, old, None if new == _NOW else new)
        except BriefingError as exc:
            self.view.setHtml(f"<p>⚠ {html.escape(str(exc))}</p>")
            return
        self.view.setHtml(
            diff_html(diffs, self.old_combo.currentText(), self.new_combo.currentText())
        )

    def _version_clicked(self, row: int) -> None:
        # Clicking a version compares it with the one before it.
        if 0 <= row < len(self.versions):
            number = self.versions[row].number
            previous = self.versions[row - 1].number if row > 0 else number
            self.compare(previous, number)

    @classmethod
    def open_for(cls, parent: QWidget | None, lib: Library, note_id: int) -> VersionsDialog:
        """Show the dialog without blocking and return it."""
        dialog = cls(parent, lib, note_id)
        dialog.show()
        return dialog
