"""Small dialogs of the review workflow, each behind a typed classmethod tests can replace."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.dialogs.file_dialogs import open_file_name, save_file_name

WORD_FILTER = "Word documents (*.docx)"
PACK_FILTER = "Briefing review packages (*.briefpack)"


@dataclass(frozen=True)
class ReviewCopyOptions:
    """Where to write a Word review copy and what to put in it."""

    path: Path
    with_comments: bool = True
    force: bool = False


class TextPrompt(QDialog):
    """Asks for a few lines of text (a reply, or the reason for a status change)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, optional: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(label)
        self.edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not optional:
            ok.setEnabled(False)
            self.edit.textChanged.connect(
                lambda: ok.setEnabled(bool(self.edit.toPlainText().strip()))
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = QLabel(label)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, label: str, optional: bool = False
    ) -> str | None:
        """Return the text typed (stripped), or None when cancelled."""
        dialog = cls(parent, title, label, optional)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.edit.toPlainText().strip()
        dialog.deleteLater()
        return text if ok else None


class ReviewFiles:
    """The file choices of File ▸ Export/Import review copy and package."""

    @classmethod
    def export_copy(cls, parent: QWidget | None, suggested: str) -> ReviewCopyOptions | None:
        """Ask where to write a Word review copy (with the open comments as Word comments)."""
        name, _ = save_file_name(parent, "Export review copy", suggested, WORD_FILTER)
        return ReviewCopyOptions(Path(name)) if name else None

    @classmethod
    def confirm_force(cls, parent: QWidget | None, refusal: str) -> bool:
        """Ask whether to export although the checks found errors."""
        answer = QMessageBox.warning(
            parent,
            "Export review copy",
            f"{refusal}\n\nExport the review copy anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def import_copy(cls, parent: QWidget | None) -> Path | None:
        """Ask for a reviewed Word copy to read back."""
        name = open_file_name(parent, "Import reviewed copy", "", WORD_FILTER)
        return Path(name) if name else None

    @classmethod
    def export_pack(cls, parent: QWidget | None, suggested: str) -> Path | None:
        """Ask where to write a review package."""
        name, _ = save_file_name(parent, "Export review package", suggested, PACK_FILTER)
        return Path(name) if name else None

    @classmethod
    def import_pack(cls, parent: QWidget | None) -> Path | None:
        """Ask for a review package to merge into this library."""
        name = open_file_name(parent, "Import review package", "", PACK_FILTER)
        return Path(name) if name else None


class SuggestEditDialog(QDialog):
    """Asks for the words that should replace those selected in the note (a tracked change)."""

    def __init__(self, parent: QWidget | None, old: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggest an edit")
        shown = old if len(old) <= 200 else old[:199] + "…"
        label = QLabel(f"Instead of “{shown}”, the note should say (empty: delete them):")
        label.setWordWrap(True)
        self.edit = QPlainTextEdit(old)
        self.edit.setAccessibleName("Suggested words")
        self.edit.setTabChangesFocus(True)
        self.edit.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # the same words are no edit
        self.edit.textChanged.connect(lambda: ok.setEnabled(self.edit.toPlainText() != old))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, old: str) -> str | None:
        """Return the words suggested instead of old, or None when cancelled."""
        dialog = cls(parent, old)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.edit.toPlainText()
        dialog.deleteLater()
        return text if ok else None


class CommentDialog(QDialog):
    """Asks for a new review comment and the section it is about."""

    def __init__(
        self,
        parent: QWidget | None,
        sections: list[tuple[str, str]],
        section_key: str,
        quote: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comment on the note")
        self.section = QComboBox()
        self.section.setAccessibleName("Section")
        for key, heading in sections:
            self.section.addItem(heading, key)
        self.section.setCurrentIndex(max(self.section.findData(section_key), 0))
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName("Comment")
        self.edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.edit.textChanged.connect(lambda: ok.setEnabled(bool(self.edit.toPlainText().strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Section"))
        layout.addWidget(self.section)
        if quote:
            # Which words the comment goes on (in that section; another one takes it whole).
            shown = quote if len(quote) <= 120 else quote[:119] + "…"
            self.on_words = QLabel(f"On the words selected: “{shown}”")
            self.on_words.setWordWrap(True)
            layout.addWidget(self.on_words)
        layout.addWidget(QLabel("Comment"))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        sections: list[tuple[str, str]],
        section_key: str = "",
        quote: str = "",
    ) -> tuple[str, str] | None:
        """Return (section key, comment text), or None when cancelled; quote: the words
        selected in the note, which the comment will be on."""
        dialog = cls(parent, sections, section_key, quote)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = (str(dialog.section.currentData()), dialog.edit.toPlainText().strip())
        dialog.deleteLater()
        return chosen if ok else None
