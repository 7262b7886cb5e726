"""The claim inspector: one claim's quote and the analyst's reading of it, editable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES, Claim, QuestionTitle
from briefing_app.core.records.grading import CREDIBILITY
from briefing_app.gui.highlighter import kind_colour
from briefing_app.gui.icons import icon
from briefing_app.gui.widgets.completion import ListCompleter, word_completer
from briefing_app.gui.widgets.fields import (
    MultiLineEdit,
    RefusedFields,
    grade_combo,
    guard_wheel,
    select_data,
)
from briefing_app.gui.widgets.quote_box import QuoteBox


class ClaimInspector(QWidget):
    """Edits one claim; each finished edit becomes an edit_requested(claim id, values)."""

    edit_requested = Signal(int, dict)
    delete_requested = Signal(int)
    show_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Claim inspector")
        self.claim: Claim | None = None
        self.heading = QLabel("No claim selected")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setMinimumWidth(120)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setAccessibleName("Quoted passage")
        self.statement = MultiLineEdit(self, lines=3)
        self.statement.setPlaceholderText("What the passage says, in your words")
        self.statement.setAccessibleName("Statement")
        self.statement.setToolTip("The claim in your own words, as the note will cite it")
        self.party = QLineEdit()
        self.party.setPlaceholderText("Who makes the claim")
        self.party.setAccessibleName("Party")
        self.party.setToolTip("Who says it (completes from the parties already in the library)")
        self.party.setCompleter(word_completer([], self))
        self.kind = QComboBox()
        for kind in CLAIM_KINDS:
            self.kind.addItem(kind, kind)
            self.kind.setItemData(
                self.kind.count() - 1, kind_colour(kind), Qt.ItemDataRole.DecorationRole
            )
        self.kind.setAccessibleName("Kind")
        self.credibility = grade_combo(CREDIBILITY)
        self.credibility.setAccessibleName("Credibility")
        self.status = QComboBox()
        for status in CLAIM_STATUSES:
            self.status.addItem(status, status)
        self.status.setAccessibleName("Status")
        guard_wheel(self.kind, self.credibility, self.status)
        self.event_date = QLineEdit()
        self.event_date.setPlaceholderText("2025, 2025-11, 2025-11-30 or 2025-11-30T14:00")
        self.event_date.setAccessibleName("Event date")
        self.event_date.setToolTip(
            "When the claimed event happened, as precisely as the reporting says (ISO); "
            "not the report's date. Empty: unknown"
        )
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("kind:name, … (new tags are created)")
        self.tags.setAccessibleName("Tags")
        self.tags.setToolTip("Comma-separated tags, e.g. actor:China, place:Khatlon")
        self.tags_completer = ListCompleter([], self)
        self.tags.setCompleter(self.tags_completer)
        # The key questions the claim serves, and a menu to assign it or take it off one.
        self.questions = QLabel()
        self.questions.setWordWrap(True)
        self.questions.setTextFormat(Qt.TextFormat.PlainText)
        self.questions.setAccessibleName("Key questions")
        self.questions_button = QToolButton()
        self.questions_button.setText("Assign…")
        self.questions_button.setToolTip(
            "Assign this claim to a key question, or take it off one (Edit ▸ Undo)"
        )
        self.questions_button.clicked.connect(self._show_questions_menu)
        # Given the claim's id, the menu the Assign… button opens (the controller's).
        self.questions_menu: Callable[[int, QWidget], QMenu] | None = None
        # A refused value stays in its field, marked, until corrected or Escape puts it back.
        self.line_fields = {"party": self.party, "event_date": self.event_date, "tags": self.tags}
        self.refused = RefusedFields(self, self._stored_of)
        self.refused.watch(*self.line_fields.values())
        self.show_button = QPushButton("Show in source")
        self.show_button.setToolTip("Select this claim's passage in the reader")
        self.delete_button = QPushButton(icon("delete"), "Delete claim")
        self.delete_button.setToolTip("Delete this claim (Edit ▸ Undo brings it back)")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Statement", self.statement)
        form.addRow("Party", self.party)
        form.addRow("Kind", self.kind)
        form.addRow("Credibility", self.credibility)
        form.addRow("Status", self.status)
        form.addRow("Event date", self.event_date)
        form.addRow("Tags", self.tags)
        # The list over its button, the field's whole width to wrap in; in a widget, not a
        # bare layout, so the form gives it the height of all its lines (a nested layout got
        # one line and cut a long question off).
        questions_row = QWidget()
        row_layout = QVBoxLayout(questions_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.questions)
        row_layout.addWidget(self.questions_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow("Questions", questions_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.heading)
        self.quote_box = QuoteBox(self.quote)
        body_layout.addWidget(self.quote_box)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        # The quote and fields scroll; the actions stay under them, outside the scroll: a long
        # quote pushed Show in source and Delete out of a dock 768 px high.
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setWidget(body)
        self.body.setAccessibleName("Claim fields")
        # As wide as the fields need beside the scroll bar: under a large font the form's
        # least width passed the dock's, and the fields' right edges hid under the bar.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.body.setMinimumWidth(body.minimumSizeHint().width() + bar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

        self.statement.editing_finished.connect(
            lambda: self._edit(statement=self.statement.toPlainText().strip())
        )
        self.party.editingFinished.connect(lambda: self._edit(party=self.party.text().strip()))
        self.kind.activated.connect(lambda: self._edit(kind=self.kind.currentData()))
        self.credibility.activated.connect(
            lambda: self._edit(credibility=int(self.credibility.currentData()))
        )
        self.status.activated.connect(lambda: self._edit(status=self.status.currentData()))
        self.event_date.editingFinished.connect(
            lambda: self._edit(event_date=self.event_date.text().strip())
        )
        self.tags.editingFinished.connect(lambda: self._edit(tags=self.tag_list()))
        self.delete_button.clicked.connect(self._delete)
        self.show_button.clicked.connect(self._show)
        self.show_claim(None)

    def set_completions(self, parties: list[str], tags: list[str]) -> None:
        """Offer these parties and tag names while typing."""
        completer = self.party.completer()
        model = completer.model()
        model.setStringList(parties)  # type: ignore[attr-defined]
        self.tags_completer.set_words(tags)

    def show_claim(self, claim: Claim | None) -> None:
        """Show a claim (None: an empty, disabled inspector); a refused value of it stays."""
        same = claim is not None and self.claim is not None and self.claim.id == claim.id
        kept = {
            e: e.text() for e in self.line_fields.values() if same and self.refused.is_refused(e)
        }
        if not kept:
            self.refused.accept_all()  # another claim (or none): the user moved on
        self.claim = claim
        editors = (
            self.statement,
            self.party,
            self.kind,
            self.credibility,
            self.status,
            self.event_date,
            self.tags,
            self.delete_button,
            self.show_button,
            self.questions_button,
        )
        for widget in editors:
            widget.setEnabled(claim is not None)
        if claim is None:
            self.heading.setText("<b>No claim selected</b>")
            self.quote.setText("Select a passage in the reader and press Ctrl+T to tag a claim.")
            self.quote_box.fit()
            self.statement.setPlainText("")
            self.party.setText("")
            # Blank, not the last claim's kind, credibility and status (greyed, but read as
            # if they were the values of a claim).
            for choice in (self.kind, self.credibility, self.status):
                choice.setCurrentIndex(-1)
            self.event_date.setText("")
            self.tags.setText("")
            self.show_questions([])
            return
        colour = kind_colour(claim.kind).name()
        self.heading.setText(
            f"<b>{claim.key}</b> &nbsp;<span style='color:{colour}'>■</span> {claim.kind}"
            f" &nbsp;·&nbsp; characters {claim.start}–{claim.end}"
        )
        self.quote.setText(f"“{claim.quote}”")
        self.quote_box.fit()
        self.quote_box.verticalScrollBar().setValue(0)  # a new quote reads from its start
        if self.statement.toPlainText() != claim.statement:
            self.statement.setPlainText(claim.statement)
        self.party.setText(claim.party)
        select_data(self.kind, claim.kind)
        select_data(self.credibility, str(claim.credibility))
        select_data(self.status, claim.status)
        self.event_date.setText(claim.event_date)
        # "place:Khatlon" as typed and as the completer offers it, not the bare "Khatlon".
        self.tags.setText(", ".join(claim.tag_refs or claim.tags))
        self.tags.setCursorPosition(0)
        self.party.setCursorPosition(0)
        for edit, text in kept.items():
            if text == self._stored_of(edit):
                self.refused.accept(edit)  # now stored: nothing left to correct
            else:
                edit.setText(text)  # still refused: the typed text stays for correcting

    def show_many(self, count: int) -> None:
        """Say that several claims are selected, fields empty and disabled: none is edited."""
        self.show_claim(None)
        self.heading.setText(f"<b>{count:,} claims selected</b>")
        self.quote.setText(
            "Right-click the claims table to assign them to a key question, or press Delete "
            "there to delete them (Edit ▸ Undo brings them back). Click one claim to edit it."
        )
        self.quote_box.fit()

    def refuse(self, values: dict[str, Any], reason: str) -> None:
        """Mark the fields of a refused edit: the typed text stays, framed, with the reason."""
        for name in values:
            if name in self.line_fields:
                self.refused.refuse(self.line_fields[name], reason)

    def _stored_of(self, edit: QLineEdit) -> str:
        """Return what the shown claim holds for a field, as the field shows it."""
        claim = self.claim
        if claim is None:
            return ""
        if edit is self.tags:
            return ", ".join(claim.tag_refs or claim.tags)
        return str(claim.event_date if edit is self.event_date else claim.party)

    def show_questions(self, questions: list[QuestionTitle]) -> None:
        """Show the key questions the claim serves (one a line)."""
        self.questions.setText(
            "\n".join(f"{q.key} — {q.text}" for q in questions) if questions else "None"
        )

    def _show_questions_menu(self) -> None:
        if self.claim is None or self.questions_menu is None:
            return
        menu = self.questions_menu(self.claim.id, self)
        menu.exec(self.questions_button.mapToGlobal(self.questions_button.rect().bottomLeft()))
        menu.deleteLater()

    def tag_list(self) -> list[str]:
        """Return the tags typed in the tags field."""
        return [t.strip() for t in self.tags.text().split(",") if t.strip()]

    def _edit(self, **values: Any) -> None:
        claim = self.claim
        if claim is None:
            return
        changed = {k: v for k, v in values.items() if getattr(claim, k) != v}
        if "tags" in changed and sorted(changed["tags"]) in (
            sorted(claim.tags),
            sorted(claim.tag_refs),
        ):
            del changed["tags"]
        if changed:
            self.edit_requested.emit(claim.id, changed)
        for name in set(values) - set(changed):
            if name in self.line_fields:
                self.refused.accept(self.line_fields[name])  # typed back to the stored value

    def _delete(self) -> None:
        if self.claim is not None:
            self.delete_requested.emit(self.claim.id)

    def _show(self) -> None:
        if self.claim is not None:
            self.show_requested.emit(self.claim.id)
