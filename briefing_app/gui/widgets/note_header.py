"""The memo header form above a note's sections: To, From, Subject, Date and Marking, the
template's own header lines, and its drafting and clearance lines (name and date)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from briefing_app.core.models import Note
from briefing_app.core.records.grading import TLP_ORDER
from briefing_app.core.records.note_settings import DATE_SUFFIX, header_field
from briefing_app.core.templates import NoteTemplate
from briefing_app.gui.widgets.fields import RefusedFields
from briefing_app.gui.widgets.text_widths import in_chars

# The memo fields the form can edit, with the label shown and the accessible name.
MEMO_FIELDS = {
    "memo_to": ("To", "Memo to"),
    "memo_from": ("From", "Memo from"),
    "memo_date": ("Date", "Memo date"),
    "subject": ("Subject", "Memo subject"),
}
_TIPS = {
    "memo_to": "Who the note is for",
    "memo_from": "Who the note is from",
    "memo_date": "The note's date, written YYYY-MM-DD (blank: the day it was created)",
    "subject": "What the note is about",
}
# Two compact rows, labels aligned: who and when on the first, what and how it is handled on
# the second. (row, label column, field column span) of each field.
_PLACES = {
    "memo_to": (0, 0, 1),
    "memo_from": (0, 2, 1),
    "memo_date": (0, 4, 1),
    "subject": (1, 0, 3),
    "marking": (1, 4, 1),
}
# Below this width, in characters of the form's font, the two rows do not hold every field
# whole (at 15 pt on a 1366 px screen To and From got 45 px, dates "Y…"): the form then
# takes two fields a row, To and From, the subject alone, then Date and Marking.
WIDE_CHARS = 90
_NARROW_PLACES = {
    "memo_to": (0, 0, 1),
    "memo_from": (0, 2, 1),
    "subject": (1, 0, 3),
    "memo_date": (2, 0, 1),
    "marking": (2, 2, 1),
}
# The least width of a field in the narrow form, in characters: a name of about 20 in full.
FIELD_CHARS = 20
# A date's least width, in characters: "2026-12-31" whole, with the field's own margins.
DATE_CHARS = 12


_FINAL_TIP = "The note is final: set its status back to draft to edit the header"


class NoteHeaderForm(QWidget):
    """Edits a note's memo header; each committed change becomes edit_requested({field: value})."""

    edit_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Memo header")
        self.note: Note | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self._shown: dict[str, str] = {}  # the stored value each field last showed
        # A refused value stays in its field, marked, until corrected or Escape puts it back.
        self.refused = RefusedFields(self, self._stored_of)
        # Header lines a template keeps in the note's settings (a sitrep's "Report no."), by
        # settings key; made for the note shown, on a third row.
        self.setting_edits: dict[str, QLineEdit] = {}
        self._setting_labels: list[QLabel] = []
        # The template's header lines and clearance lines as (caption, field) pairs, in order.
        self._setting_pairs: list[tuple[QLabel, QLineEdit]] = []
        self._clearance_pairs: list[tuple[QLabel, QLineEdit, QLabel, QLineEdit]] = []
        self.narrow = False
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setVerticalSpacing(2)
        for column in (1, 3):
            grid.setColumnStretch(column, 2)
        grid.setColumnStretch(5, 1)
        for name, (label, accessible) in MEMO_FIELDS.items():
            edit = QLineEdit()
            edit.setAccessibleName(accessible)
            edit.editingFinished.connect(lambda n=name: self._finished(n, self.edits[n].text()))
            caption = QLabel(label)
            caption.setBuddy(edit)
            self.edits[name] = edit
            self.labels[name] = caption
            self.refused.watch(edit)
        date = self.edits["memo_date"]
        date.setPlaceholderText("YYYY-MM-DD")
        # No wider than a date: the room goes to To and From, whose names are longer.
        date.setMaximumWidth(date.fontMetrics().horizontalAdvance("YYYY-MM-DD") + 24)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.setAccessibleName("Note marking")
        # Wide enough for "UNCLASSIFIED" or "TLP:AMBER+STRICT" without clipping.
        self.marking.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.marking.setMinimumContentsLength(16)
        line = self.marking.lineEdit()
        assert line is not None
        line.editingFinished.connect(lambda: self._finished("marking", self.marking.currentText()))
        self.marking.activated.connect(
            lambda _i: self._finished("marking", self.marking.currentText())
        )
        self.labels["marking"] = QLabel("Marking")
        self.labels["marking"].setBuddy(self.marking)
        self._arrange(narrow=False)
        self.show_note(None, None)

    # Showing -------------------------------------------------------------------------------
    def show_note(self, note: Note | None, template: NoteTemplate | None) -> None:
        """Show the fields this note's template prints, filled from the note (None: hidden)."""
        self.note = note
        self._shown = {}
        self.refused.accept_all()  # another note: the user moved on
        self.setVisible(note is not None)
        if note is None:
            return
        printed = {h.field: h.label for h in template.header} if template else {}
        for name, edit in self.edits.items():
            # An unknown template prints nothing we know of: offer every field.
            used = name in printed or template is None
            edit.setVisible(used)
            self.labels[name].setVisible(used)
            tip = _TIPS[name]
            if name in printed:
                tip += f"; printed as “{printed[name]}” in the header"
            edit.setToolTip(tip)
        self._fill_markings(template)
        self._make_setting_fields(template)
        self.refresh(note, force=True)

    def _make_setting_fields(self, template: NoteTemplate | None) -> None:
        for widget in (*self.setting_edits.values(), *self._setting_labels):
            widget.deleteLater()
        self.setting_edits, self._setting_labels = {}, []
        self._setting_pairs, self._clearance_pairs = [], []
        lines = [h for h in template.header if h.field.startswith("settings.")] if template else []
        for line in lines:
            key = line.field.removeprefix("settings.")
            edit = QLineEdit()
            edit.setAccessibleName(line.label)
            edit.setToolTip(f"Printed as “{line.label}” in the header")
            edit.editingFinished.connect(lambda k=key: self._finished_setting(k))
            caption = QLabel(line.label)
            caption.setBuddy(edit)
            self._setting_pairs.append((caption, edit))
            self.setting_edits[key] = edit
            self._setting_labels.append(caption)
            self.refused.watch(edit)
        clearance = template.clearance.lines if template else ()
        for clear in clearance:
            # One row per line, below the header lines: "Approved by [name]  Date [YYYY-MM-DD]".
            name = self._add_setting(clear.field, clear.label, f"{clear.label}: name")
            date = self._add_setting(clear.field + DATE_SUFFIX, "Date", f"{clear.label}: date")
            date[1].setPlaceholderText("YYYY-MM-DD")
            self._clearance_pairs.append((*name, *date))
        self._arrange(self.narrow)

    def _add_setting(self, key: str, label: str, accessible: str) -> tuple[QLabel, QLineEdit]:
        """Make a labelled field kept in the note's settings; return its caption and field."""
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.setToolTip(f"Printed in the drafting and clearance block as “{accessible}”")
        edit.editingFinished.connect(lambda k=key: self._finished_setting(k))
        caption = QLabel(label)
        caption.setBuddy(edit)
        self.setting_edits[key] = edit
        self._setting_labels.append(caption)
        self.refused.watch(edit)
        return caption, edit

    # Laying out ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Take the narrow arrangement below WIDE_CHARS characters, the two rows above."""
        super().resizeEvent(event)
        narrow = event.size().width() < in_chars(self, WIDE_CHARS)
        if narrow != self.narrow:
            self._arrange(narrow)

    def _arrange(self, narrow: bool) -> None:
        """Place every field in the grid, two rows wide or two fields a row when narrow."""
        self.narrow = narrow
        grid = self._grid
        for n in reversed(range(grid.count())):
            grid.takeAt(n)  # the widgets stay children of the form; only places change
        places = _NARROW_PLACES if narrow else _PLACES
        fields: dict[str, QWidget] = {**self.edits, "marking": self.marking}
        for name, field in fields.items():
            row, column, span = places[name]
            grid.addWidget(self.labels[name], row, column)
            grid.addWidget(field, row, column + 1, 1, span)
        row = 3 if narrow else 2
        for n, (caption, edit) in enumerate(self._setting_pairs):
            # Narrow: two a row, as the fields above; wide: all on one row.
            at_row, column = (row + n // 2, 2 * (n % 2)) if narrow else (row, 2 * n)
            grid.addWidget(caption, at_row, column)
            grid.addWidget(edit, at_row, column + 1)
        if self._setting_pairs:
            row += (len(self._setting_pairs) + 1) // 2 if narrow else 1
        elif not narrow:
            row = 3  # the clearance lines keep their rows below an empty third
        for n, (name_label, name_edit, date_label, date) in enumerate(self._clearance_pairs):
            grid.addWidget(name_label, row + n, 0)
            grid.addWidget(name_edit, row + n, 1)
            grid.addWidget(date_label, row + n, 2)
            grid.addWidget(date, row + n, 3)
        # Narrow, the fifth and sixth columns are empty: no stretch may keep room for them.
        grid.setColumnStretch(5, 0 if narrow else 1)
        # Wide, the form is WIDE_CHARS or more: every field has room without a least width,
        # and none may be set there, or the form could never be narrowed into two a row.
        edits = {**self.edits, **self.setting_edits}
        for key, edit in edits.items():
            chars = DATE_CHARS if key == "memo_date" or key.endswith(DATE_SUFFIX) else FIELD_CHARS
            edit.setMinimumWidth(in_chars(self, chars) if narrow else 0)
        self._order_tabs(narrow)

    def _order_tabs(self, narrow: bool) -> None:
        """Let Tab go row by row as the fields are seen: narrow, the subject before the date."""
        e = self.edits
        order = (
            [e["memo_from"], e["subject"], e["memo_date"], self.marking]
            if narrow
            else [e["memo_from"], e["memo_date"], e["subject"], self.marking]
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _fill_markings(self, template: NoteTemplate | None) -> None:
        scheme = template.marking.scheme if template and template.marking.scheme else TLP_ORDER
        default = template.marking.default if template else ""
        self.marking.blockSignals(True)
        self.marking.clear()
        self.marking.addItems(["", *scheme])
        self.marking.blockSignals(False)
        line = self.marking.lineEdit()
        assert line is not None
        line.setPlaceholderText(default)
        blank = f" (blank: {default})" if default else ""
        kind = "the template's scheme" if template and template.marking.scheme else "TLP"
        self.marking.setToolTip(
            f"Handling marking printed on every page{blank}; free text. A note is marked in "
            f"{kind}, the scheme its readers expect; sources keep their TLP marking, which says "
            "how the material may be shared with you."
        )

    def refresh(self, note: Note, force: bool = False) -> None:
        """Take the note's stored values, except in a field being typed in (unless forced)."""
        self.note = note
        for name in (*self.edits, "marking"):
            value = str(getattr(note, name) or "")
            if force or self._text(name) == self._shown.get(name):
                self._set_text(name, value)
            self._shown[name] = value
        for key, edit in self.setting_edits.items():
            value = header_field(note, key)
            if force or edit.text() == self._shown.get(f"settings.{key}"):
                edit.setText(value)
            self._shown[f"settings.{key}"] = value
        final = note.status == "final"
        for edit in (*self.edits.values(), *self.setting_edits.values()):
            if self.refused.is_refused(edit) and (final or edit.text() == self._stored_of(edit)):
                self.refused.accept(edit)  # saved, or the note was made final: nothing to fix
            edit.setReadOnly(final)
            # Read-only should look it: no frame, no field background, and a word why.
            edit.setFrame(not final)
            if not self.refused.is_refused(edit):  # keep a refused field's red frame
                edit.setStyleSheet("QLineEdit { background: transparent; }" if final else "")
            edit.setProperty("final", final)
            edit.setStatusTip(_FINAL_TIP if final else "")
        self.marking.setEnabled(not final)

    def refuse(self, values: Mapping[str, object], reason: str) -> None:
        """Mark the fields of a refused edit: the typed text stays, framed, with the reason."""
        for edit in self._edits_of(values):
            self.refused.refuse(edit, reason)

    def _edits_of(self, values: Mapping[str, object]) -> list[QLineEdit]:
        """Return the line edits holding an edit's values ({"settings": {key: …}} included)."""
        settings = values.get("settings")
        keys = settings if isinstance(settings, dict) else {}
        return [self.edits[n] for n in values if n in self.edits] + [
            self.setting_edits[k] for k in keys if k in self.setting_edits
        ]

    def _stored_of(self, edit: QLineEdit) -> str:
        """Return the stored value a field shows when nothing is typed in it."""
        for name, field in self.edits.items():
            if field is edit:
                return self._shown.get(name, "")
        for key, field in self.setting_edits.items():
            if field is edit:
                return self._shown.get(f"settings.{key}", "")
        return edit.text()

    def _text(self, name: str) -> str:
        return self.marking.currentText() if name == "marking" else self.edits[name].text()

    def _set_text(self, name: str, value: str) -> None:
        if name == "marking":
            self.marking.blockSignals(True)
            index = self.marking.findText(value)
            if index >= 0:
                self.marking.setCurrentIndex(index)
            else:
                self.marking.setEditText(value)
            self.marking.blockSignals(False)
        else:
            self.edits[name].setText(value)
            self.edits[name].setCursorPosition(0)

    # Editing -------------------------------------------------------------------------------
    def _finished(self, name: str, text: str) -> None:
        value = text.strip()
        if self.note is None or self.note.status == "final":
            return
        if value != self._shown.get(name, ""):
            self.edit_requested.emit({name: value})
        elif name in self.edits:
            self.refused.accept(self.edits[name])  # typed back to the stored value

    def _finished_setting(self, key: str) -> None:
        value = self.setting_edits[key].text().strip()
        note = self.note
        if note is None or note.status == "final":
            return
        if value == self._shown.get(f"settings.{key}", ""):
            self.refused.accept(self.setting_edits[key])  # typed back to the stored value
            return
        self.edit_requested.emit({"settings": {key: value}})  # blank: the field is removed
