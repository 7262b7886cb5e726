"""Export a note: format, citations and their style, output path (remembered), checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.checks import CheckReport
from briefing_app.core.errors import CannotWrite
from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.citation_styles import load_styles
from briefing_app.core.library import Library
from briefing_app.core.templates import CITATION_STYLES
from briefing_app.gui.contrast import error_colour
from briefing_app.gui.dialogs.file_dialogs import save_file_name
from briefing_app.gui.icons import icon
from briefing_app.gui.settings import app_settings
from briefing_app.gui.tasks import Progress, Task, TaskRunner
from briefing_app.gui.widgets.text_widths import text_size
from briefing_app.gui.wording import count_of

FORMATS = (("Word document (.docx)", "docx"), ("Markdown (.md)", "md"))
STYLE_LABELS = {"footnotes": "Footnotes", "endnotes": "Endnotes", "inline": "Inline attribution"}


@dataclass(frozen=True)
class ExportOptions:
    """Where and how to export: the path, the format (docx/md), where citations go
    (footnotes, endnotes, inline), the citation style of the notes (house, intel, …) and
    whether empty sections keep their headings (a draft to fill in)."""

    path: Path
    format: str
    citations: str
    note_style: str | None = None
    keep_empty: bool = False


def default_file_name(title: str, fmt: str) -> str:
    """Return a file name for a note title: words joined by hyphens, with the suffix."""
    stem = re.sub(r"[^\w]+", "-", title.strip().casefold()).strip("-")[:60] or "note"
    return f"{stem}.{fmt}"


class ExportDialog(QDialog):
    """Asks for format, citation style and path; shows what the checks found."""

    def __init__(
        self,
        title: str,
        style: str,
        report: CheckReport | None = None,
        parent: QWidget | None = None,
        headings: dict[str, str] | None = None,
        note_style: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.headings = headings or {}
        self.setWindowTitle("Export note")
        self.note_title = title
        settings = app_settings()
        self.format = QComboBox()
        self.format.setAccessibleName("Export format")
        for label, fmt in FORMATS:
            self.format.addItem(label, fmt)
        remembered = str(settings.value("export/format", "docx"))
        self.format.setCurrentIndex(max(0, self.format.findData(remembered)))
        self.style_combo = QComboBox()
        self.style_combo.setAccessibleName("Citation style")
        for name in CITATION_STYLES:
            self.style_combo.addItem(STYLE_LABELS.get(name, name), name)
        self.style_combo.setCurrentIndex(max(0, self.style_combo.findData(style)))
        self.style_combo.setToolTip(
            "The template's style is chosen; another applies to this export only"
        )
        self.note_style = QComboBox()
        self.note_style.setAccessibleName("Note style")
        self.note_style.addItem("The template's", None)
        for name, cite_style in load_styles().items():
            self.note_style.addItem(cite_style.label or name, name)
        self.note_style.setCurrentIndex(max(0, self.note_style.findData(note_style)))
        self.note_style.setToolTip("What each note says: source, grade, Ibid. (`briefing styles`)")
        folder = Path(str(settings.value("export/folder", str(Path.home()))))
        self.path = QLineEdit(str(folder / default_file_name(title, self.current_format())))
        self.path.setAccessibleName("Output file")
        # A folder and a title-long file name, whole (at 560 px the name was cut off).
        self.path.setMinimumWidth(self.path.fontMetrics().averageCharWidth() * 72)
        self.path.setCursorPosition(0)
        browse = QPushButton("Choose…")
        browse.setAccessibleName("Choose output file")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Format", self.format)
        form.addRow("&Citations", self.style_combo)
        form.addRow("Note st&yle", self.note_style)
        save_label = QLabel("&Save as")
        save_label.setBuddy(self.path)
        form.addRow(save_label, row)
        # Asked for each export, not remembered: a memo sent on must not keep blank headings.
        self.keep_empty = QCheckBox("&Keep the headings of empty sections (a draft to fill in)")
        self.keep_empty.setToolTip("Without it, a section with no text is left out, heading too")
        form.addRow("", self.keep_empty)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path.editingFinished.connect(self._follow_typed_suffix)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Check results")
        self.findings = QListWidget()
        self.findings.setAccessibleName("Check findings")
        self.findings.setWordWrap(True)
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Why Export did nothing (a folder that is not there), said where the analyst looks.
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Save as problem")
        self.problem.setStyleSheet(f"color: {error_colour(self.palette())}")
        self.problem.hide()
        self.path.textEdited.connect(lambda _text: self.problem.hide())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.show_report(report)
        self.resize(text_size(self, 93, 26 if report and report.findings else 14))  # 560 px at 9 pt

    def show_report(self, report: CheckReport | None) -> None:
        """List the errors and warnings; with errors the button says Export anyway."""
        findings = [] if report is None else [f for f in report.findings if f.severity != "info"]
        self.findings.setVisible(bool(findings))
        for finding in findings:
            name = f"severity-{finding.severity}"
            # A finding on no section (the matrix behind the judgment) is on the whole note,
            # as the command line says it.
            heading = self.headings.get(finding.section, finding.section) or "Note"
            item = QListWidgetItem(icon(name), f"{heading}: {finding.message}")
            item.setToolTip(finding.fix)
            self.findings.addItem(item)
        errors = 0 if report is None else len(report.errors)
        warnings = 0 if report is None else len(report.warnings)
        if errors:
            red = error_colour(self.palette())
            self.verdict.setText(
                f"<b style='color:{red}'>The checks found {count_of(errors, 'error')}</b> "
                f"and {count_of(warnings, 'warning')}. Fix them first, or export anyway."
            )
            self.export_button.setText("Export anyway")
        elif warnings:
            self.verdict.setText(f"The checks found {count_of(warnings, 'warning')}.")
        else:
            self.verdict.setText("The checks found no errors or warnings.")

    def current_format(self) -> str:
        """Return the chosen format: docx or md."""
        return str(self.format.currentData())

    def options(self) -> ExportOptions:
        """Return what the dialog describes now."""
        path = Path(self.path.text().strip()).expanduser()
        fmt = self.current_format()
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        chosen = self.note_style.currentData()
        return ExportOptions(
            path,
            fmt,
            str(self.style_combo.currentData()),
            str(chosen) if chosen else None,
            self.keep_empty.isChecked(),
        )

    def remember(self) -> None:
        """Keep the folder and format for the next export."""
        options = self.options()
        settings = app_settings()
        settings.setValue("export/folder", str(options.path.parent))
        settings.setValue("export/format", options.format)
        settings.sync()

    def _format_changed(self) -> None:
        path = Path(self.path.text().strip() or default_file_name(self.note_title, "docx"))
        text = str(path.with_suffix(f".{self.current_format()}"))
        if text != self.path.text():
            self.path.setText(text)

    def _follow_typed_suffix(self) -> None:
        # "memo.docx" typed with Markdown still chosen from the last export: the analyst
        # asked for Word (the suffix was silently replaced, and memo.md written).
        suffix = Path(self.path.text().strip()).suffix.lower().lstrip(".")
        index = self.format.findData(suffix)
        if index >= 0 and index != self.format.currentIndex():
            self.format.setCurrentIndex(index)

    def _browse(self) -> None:
        name, _ = save_file_name(
            self, "Export note", self.path.text(), "Word or Markdown (*.docx *.md)"
        )
        if name:
            self.path.setText(name)
            # The file dialog has asked about replacing it already.
            self._replace_agreed = self.options().path

    def accept(self) -> None:
        """Close with the options, once the analyst agrees to replace an existing file."""
        self._follow_typed_suffix()
        path = self.options().path
        if not path.parent.is_dir():
            # Stay open with the choices made: closing said it in the status bar only, and
            # the next export started in the folder that is not there.
            self.problem.setText(f"There is no folder {path.parent}: choose where to save.")
            self.problem.show()
            self.path.setFocus()
            return
        agreed = getattr(self, "_replace_agreed", None) == path
        if path.exists() and not agreed and not self.confirm_replace(self, path):
            return  # stay open: another name, or Cancel
        super().accept()

    @staticmethod
    def confirm_replace(parent: QWidget, path: Path) -> bool:
        """Ask whether to replace an existing file (No is the default)."""
        answer = QMessageBox.question(
            parent,
            "Export note",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        style: str,
        report: CheckReport | None = None,
        headings: dict[str, str] | None = None,
        note_style: str | None = None,
    ) -> ExportOptions | None:
        """Show the dialog; return the options (remembered), or None when cancelled."""
        dialog = cls(title, style, report, parent, headings, note_style)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        return dialog.options()


def export_task(
    runner: TaskRunner, lib: Library, note_id: int, options: ExportOptions
) -> Task[Path]:
    """Start exporting a note as options say on the runner; the task's result is the path."""

    def run(worker_lib: Library, progress: Progress) -> Path:
        def report(done: int, total: int) -> None:
            progress(done, total)  # an export cannot be cancelled half-way

        try:
            return export_note(
                worker_lib,
                note_id,
                options.path,
                options.format,
                options.citations,
                progress=report,
                style=options.note_style,
                keep_empty=options.keep_empty,
            )
        except OSError as exc:
            # Named by the file asked for, not the temporary one written beside it.
            raise CannotWrite(f"{options.path}: {exc.strerror or exc}") from exc

    return runner.run_with_progress(lib, run, description=f"Exporting to {options.path.name}")
