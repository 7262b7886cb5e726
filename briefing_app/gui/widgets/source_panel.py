"""The source panel: a source's metadata and grading (reliability, marking), editable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing_app.core.models import Source
from briefing_app.core.records.grading import RELIABILITY, TLP_ORDER
from briefing_app.gui.focus_order import set_tab_order
from briefing_app.gui.widgets.fields import (
    MultiLineEdit,
    RefusedFields,
    grade_combo,
    guard_wheel,
    select_data,
)

_TEXT_FIELDS = ("title", "byline", "outlet", "published", "url", "language")


class SourcePanel(QWidget):
    """Edits one source; each finished edit becomes an edit_requested(source id, values)."""

    edit_requested = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Source details")
        self.source: Source | None = None
        self.heading = QLabel("<b>No source selected</b>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {
            "title": "Title",
            "byline": "Byline",
            "outlet": "Outlet",
            "published": "Published",
            "url": "URL",
            "language": "Language",
        }
        for name in _TEXT_FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(labels[name])
            edit.editingFinished.connect(lambda n=name: self._text_edited(n))
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        # Under Language (the last field): shown while the language is import's guess.
        self.language_guessed = QLabel("Guessed from the text: correct it if it is wrong")
        self.language_guessed.setAccessibleName("Language guessed")
        self.language_guessed.setWordWrap(True)
        self.language_guessed.setVisible(False)
        form.addRow("", self.language_guessed)
        # A refused value stays in its field, marked, until corrected or Escape puts it back.
        self.refused = RefusedFields(self, self._stored_of)
        self.refused.watch(*self.edits.values())
        self.edits["published"].setPlaceholderText("YYYY-MM-DD, YYYY-MM or YYYY")
        # A file that declares no language gets one guessed from its text at import, or none
        # when the guess is unsure: then the Chronology cannot read its dates ("last week")
        # nor the suggestions its attributions until it is said here.
        self.edits["language"].setPlaceholderText("en, de, fr, pt… (dates are read in it)")
        self.edits["language"].setToolTip(
            "The source's language as a code (en, de, fr, pt…): suggested event dates and "
            "suggested claims read the text in it. When the file declared none, import "
            "guessed it from the text (English, French, German or Portuguese; left empty "
            "when unsure): correct it here"
        )
        self.reliability = grade_combo(RELIABILITY)
        self.reliability.setAccessibleName("Reliability")
        self.reliability.activated.connect(
            lambda: self._edit(reliability=self.reliability.currentData())
        )
        form.addRow("Reliability", self.reliability)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(["", *TLP_ORDER])
        self.marking.setAccessibleName("Marking")
        self.marking.setToolTip(
            "Handling marking, e.g. TLP:AMBER (free text). Sources are marked in TLP: it says "
            "how the material may be shared. A note is marked in its template's scheme "
            "(e.g. OFFICIAL), which its readers expect."
        )
        line = self.marking.lineEdit()
        assert line is not None
        line.editingFinished.connect(lambda: self._edit(marking=self.marking.currentText().strip()))
        self.marking.activated.connect(
            lambda: self._edit(marking=self.marking.currentText().strip())
        )
        form.addRow("Marking", self.marking)
        guard_wheel(self.reliability, self.marking)
        self.note = MultiLineEdit(self, lines=2)
        self.note.setAccessibleName("Analyst note")
        self.note.setPlaceholderText("Your note on this source")
        self.note.editing_finished.connect(
            lambda: self._edit(analyst_note=self.note.toPlainText().strip())
        )
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        # As the rows are seen (once in this widget): the note, made in it, came first.
        set_tab_order(*self.edits.values(), self.reliability, self.marking, self.note)
        layout.addStretch(1)
        self.show_source(None)

    def show_source(self, source: Source | None) -> None:
        """Show a source's fields (None: empty and disabled); a refused value of it stays."""
        same = source is not None and self.source is not None and self.source.id == source.id
        kept = {e: e.text() for e in self.edits.values() if same and self.refused.is_refused(e)}
        if not kept:
            self.refused.accept_all()  # another source (or none): the user moved on
        self.source = source
        for widget in (*self.edits.values(), self.reliability, self.marking, self.note):
            widget.setEnabled(source is not None)
        if source is None:
            self.heading.setText("<b>No source selected</b>")
            for edit in self.edits.values():
                edit.setText("")
            self.language_guessed.setVisible(False)
            # Blank, not the last source's grade and marking: greyed, they still read as the
            # values of a source (in a new, empty library, those of the library before).
            self.reliability.setCurrentIndex(-1)
            self.marking.setCurrentIndex(0)
            self.marking.setEditText("")
            self.note.setPlainText("")
            return
        words = len(source.text.split())
        self.heading.setText(
            f"<b>Source {source.id}</b> · {source.format or 'text'} · {words:,} words · "
            f"{source.claim_count} claim{'s' if source.claim_count != 1 else ''}"
        )
        for name, edit in self.edits.items():
            edit.setText(getattr(source, name) or "")
            edit.setCursorPosition(0)
        self.language_guessed.setVisible(source.language_guessed and bool(source.language))
        for edit, text in kept.items():
            if text == self._stored_of(edit):
                self.refused.accept(edit)  # now stored: nothing left to correct
            else:
                edit.setText(text)  # still refused: the typed text stays for correcting
        select_data(self.reliability, source.reliability)
        select_data(self.marking, source.marking)
        if self.note.toPlainText() != source.analyst_note:
            self.note.setPlainText(source.analyst_note)

    def refuse(self, values: dict[str, Any], reason: str) -> None:
        """Mark the fields of a refused edit: the typed text stays, framed, with the reason."""
        for name in values:
            if name in self.edits:
                self.refused.refuse(self.edits[name], reason)

    def _stored_of(self, edit: QLineEdit) -> str:
        """Return what the shown source holds for a field, as the field shows it."""
        name = next((n for n, e in self.edits.items() if e is edit), "")
        return str(getattr(self.source, name, "") or "") if self.source and name else ""

    def _text_edited(self, name: str) -> None:
        value: str | None = self.edits[name].text().strip()
        if name == "published" and not value:
            value = None
        self._edit(**{name: value})

    def _edit(self, **values: Any) -> None:
        source = self.source
        if source is None:
            return
        changed = {k: v for k, v in values.items() if (getattr(source, k) or None) != (v or None)}
        if changed:
            self.edit_requested.emit(source.id, changed)
        for name in set(values) - set(changed):
            if name in self.edits:
                self.refused.accept(self.edits[name])  # typed back to the stored value
