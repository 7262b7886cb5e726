"""The review pane: a note's comments and suggested edits by section, and its status.

It changes data only through named core operations (lib.comments, lib.edits, lib.notes) and
refreshes from the library's Changes. `jump_to(note_id, section_key, start, end)` tells a
note editor where a comment or an edit sits (start = end = -1: the whole section); until one
is connected, the pane shows the section itself with the place highlighted.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.models import Note, ReviewComment
from briefing_app.core.review.comment_places import comment_span, is_unanchored
from briefing_app.core.review.edits import SuggestedEdit, locate_edit
from briefing_app.gui.commands import LibraryCommand, SetNoteStatusCommand
from briefing_app.gui.review.dialogs import CommentDialog, SuggestEditDialog, TextPrompt
from briefing_app.gui.review.diff_html import edit_html, section_html, use_review_style
from briefing_app.gui.review_commands import (
    AddCommentCommand,
    DecideEditCommand,
    ProposeEditCommand,
    ResolveCommentCommand,
)

SHOW_OPEN, SHOW_RESOLVED, SHOW_ALL = "Open", "Resolved", "All"
# After a comment whose words its section no longer holds (deleted since it was made).
WORDS_GONE = "(its words are no longer in the section)"
# Where a status button moves the note, and what it is called.
STATUS_STEPS = (("Send for review", "in review"), ("Mark final", "final"), ("Reopen", "draft"))


@dataclass(frozen=True)
class _Ref:
    """What a tree row stands for."""

    kind: str  # "section", "comment" or "edit"
    key: str  # the section key
    record_id: int = 0


class ReviewPane(QWidget):
    """Comments and suggested edits of the current note, grouped by section."""

    current_note_changed = Signal(object)  # the note id, or None
    note_status_changed = Signal(int, str)
    jump_to = Signal(int, str, int, int)
    # Emitted before the pane changes a note's text or status: unsaved typing is saved first.
    before_note_change = Signal()
    versions_requested = Signal(int)
    message = Signal(str)

    def __init__(
        self, execute: Callable[[LibraryCommand], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # The window's execute(): runs a command and puts it on the undo stack.
        self.execute = execute
        # The note, section and range of the words selected in the note editor (the window
        # sets it): a comment written while words are selected is on them.
        self.selected_place: Callable[[], tuple[int, str, int, int] | None] = lambda: None
        self.lib: Library | None = None
        self._note_id: int | None = None
        self.note: Note | None = None
        self.note_combo = QComboBox()
        self.note_combo.setAccessibleName("Note under review")
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Note status")
        self.read_only_banner = QLabel("🔒 Final: the note is read-only until it is reopened.")
        self.read_only_banner.setStyleSheet(
            "background: rgba(176, 0, 32, 30); border-radius: 3px; padding: 3px;"
        )
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        self.status_buttons: dict[str, QPushButton] = {}
        for text, status in STATUS_STEPS:
            button = QPushButton(text)
            button.setToolTip(f"Move the note to “{status}” (asks for a reason)")
            button.clicked.connect(lambda _c=False, s=status: self.ask_status(s))
            self.status_buttons[status] = button
        self.versions_button = QPushButton("Versions…")
        self.versions_button.setToolTip("What changed between two versions of the note")
        self.versions_button.clicked.connect(self._versions_clicked)
        self.filter_combo = QComboBox()
        self.filter_combo.setAccessibleName("Show comments and edits")
        self.filter_combo.addItems([SHOW_OPEN, SHOW_RESOLVED, SHOW_ALL])
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Review comments and suggested edits")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Review detail")
        self.detail.setOpenLinks(False)
        self.comment_button = QPushButton("Comment…")
        self.comment_button.setToolTip(
            "Add your own review comment on the words selected in the note, or a section"
        )
        self.suggest_button = QPushButton("Suggest edit…")
        self.suggest_button.setToolTip(
            "Suggest other words for those selected in the note: the author accepts or rejects"
        )
        self.reply_button = QPushButton("Reply…")
        self.resolve_button = QPushButton("Resolve")
        self.accept_button = QPushButton("Accept edit")
        self.reject_button = QPushButton("Reject edit")
        self.jump_button = QPushButton("Go to")
        self.jump_button.setToolTip("Show the place in the note")

        top = QHBoxLayout()
        top.addWidget(QLabel("Note"))
        top.addWidget(self.note_combo, 1)
        # Rows of a few buttons each: the dock opens narrow enough to leave the panes beside
        # it usable (one row of all the buttons made it 525 px wide).
        status_row = QHBoxLayout()
        for button in self.status_buttons.values():
            status_row.addWidget(button)
        status_row.addWidget(self.versions_button)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel("Show"))
        filter_row.addWidget(self.filter_combo, 1)
        actions = QGridLayout()
        for n, button in enumerate(
            (
                self.comment_button,
                self.suggest_button,
                self.reply_button,
                self.resolve_button,
                self.accept_button,
                self.reject_button,
                self.jump_button,
            )
        ):  # comment, suggest, reply / resolve, accept, reject / go to
            actions.addWidget(button, n // 3, n % 3)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addLayout(status_row)
        layout.addWidget(self.read_only_banner)
        layout.addLayout(filter_row)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        self.note_combo.currentIndexChanged.connect(self._note_chosen)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.tree.currentItemChanged.connect(lambda *_a: self._item_changed())
        self.tree.itemActivated.connect(lambda *_a: self.jump())
        self.comment_button.clicked.connect(self._comment_clicked)
        self.suggest_button.clicked.connect(self._suggest_clicked)
        self.reply_button.clicked.connect(self._reply_clicked)
        self.resolve_button.clicked.connect(self._resolve_clicked)
        self.accept_button.clicked.connect(lambda: self._edit_clicked(accept=True))
        self.reject_button.clicked.connect(lambda: self._edit_clicked(accept=False))
        self.jump_button.clicked.connect(self.jump)
        self._update_controls()

    # The current note ------------------------------------------------------------------
    @property
    def current_note_id(self) -> int | None:
        """Return the id of the note under review (None: no note)."""
        return self._note_id

    @current_note_id.setter
    def current_note_id(self, note_id: int | None) -> None:
        self.set_current_note(note_id)

    def set_library(self, lib: Library) -> None:
        """Show the notes of this library (the first one until another is chosen)."""
        self.lib = lib
        self._note_id = None
        self._fill_notes()
        notes = self.note_combo.count()
        self.set_current_note(self.note_combo.itemData(0) if notes else None)

    def set_current_note(self, note_id: int | None) -> None:
        """Review this note (e.g. the one selected in the notes list)."""
        changed = note_id != self._note_id
        self._note_id = note_id
        index = self.note_combo.findData(note_id) if note_id is not None else -1
        if index != self.note_combo.currentIndex() and index >= 0:
            self.note_combo.blockSignals(True)
            self.note_combo.setCurrentIndex(index)
            self.note_combo.blockSignals(False)
        self.reload()
        if changed:
            self.current_note_changed.emit(note_id)

    def on_changes(self, changes: Changes) -> None:
        """Refresh after a committed write that touched notes or comments."""
        if changes.notes or changes.comments:
            self._fill_notes()
            if self._note_id is not None and self.note_combo.findData(self._note_id) < 0:
                # The note was deleted (or a restore removed it).
                first = self.note_combo.itemData(0) if self.note_combo.count() else None
                self.set_current_note(first)
            else:
                self.reload()

    def _fill_notes(self) -> None:
        self.note_combo.blockSignals(True)
        self.note_combo.clear()
        for note in self.lib.notes.headers() if self.lib is not None else []:
            self.note_combo.addItem(f"{note.title} ({note.status})", note.id)
        index = self.note_combo.findData(self._note_id)
        self.note_combo.setCurrentIndex(index)
        self.note_combo.blockSignals(False)

    def _note_chosen(self, index: int) -> None:
        self.set_current_note(self.note_combo.itemData(index) if index >= 0 else None)

    # Showing ---------------------------------------------------------------------------
    @property
    def is_read_only(self) -> bool:
        """Return whether the note under review is final (read-only)."""
        return self.note is not None and self.note.status == "final"

    def reload(self) -> None:
        """Rebuild the tree for the current note and filter, keeping the selected row."""
        keep = self._current_ref()
        self.tree.clear()
        self.note = None
        if self.lib is not None and self._note_id is not None:
            try:
                self.note = self.lib.notes.get(self._note_id)
            except BriefingError:
                self.note = None
        if self.note is None:
            self.status_label.setText("No note")
            self.detail.clear()
            self._update_controls()
            return
        assert self.lib is not None
        self.status_label.setText(f"Status: <b>{html.escape(self.note.status)}</b>")
        show = self.filter_combo.currentText()
        comments = self.lib.comments.all(self.note.id)
        edits = self.lib.edits.all(self.note.id)
        replies: dict[int, list[ReviewComment]] = {}
        for comment in comments:
            if comment.parent_id is not None:
                replies.setdefault(comment.parent_id, []).append(comment)
        # Comments on the whole note, or on a section since removed, are listed last.
        groups = [(s.key, s.heading or s.key) for s in self.note.sections]
        known = {key for key, _ in groups}
        groups.append(("", "Whole note"))
        bodies = {s.key: s.body for s in self.note.sections}

        def group_of(key: str) -> str:
            return key if key in known else ""

        for key, heading in groups:
            section_item = QTreeWidgetItem([heading])
            section_item.setData(0, Qt.ItemDataRole.UserRole, _Ref("section", key))
            for comment in comments:
                top = comment.parent_id is None and group_of(comment.section_key) == key
                if top and _shown(show, comment.resolved):
                    gone = key in bodies and is_unanchored(comment, bodies[key])
                    section_item.addChild(_comment_item(comment, replies, gone))
            for edit in edits:
                if group_of(edit.section_key) == key and _shown(show, edit.status != "pending"):
                    section_item.addChild(_edit_item(edit))
            if section_item.childCount():
                self.tree.addTopLevelItem(section_item)
                section_item.setExpanded(True)
        self._select(keep)
        # The detail follows what is current now: a row that left the list (an edit decided
        # under "Open") must not go on showing it as pending.
        self._item_changed()

    def items(self) -> list[tuple[str, int, str]]:
        """Return the rows shown under sections as (kind, id, text), top to bottom."""
        found = []
        for n in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(n)
            stack = _children(section) if section is not None else []
            while stack:
                item = stack.pop(0)
                ref = item.data(0, Qt.ItemDataRole.UserRole)
                found.append((ref.kind, ref.record_id, item.text(0)))
                stack[:0] = _children(item)
        return found

    def select(self, kind: str, record_id: int) -> bool:
        """Select the row of a comment or an edit; return whether it is shown."""
        for item in self._all_items():
            ref = item.data(0, Qt.ItemDataRole.UserRole)
            if ref.kind == kind and ref.record_id == record_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _all_items(self) -> list[QTreeWidgetItem]:
        found = []
        top = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        stack = [item for item in top if item is not None]
        while stack:
            item = stack.pop(0)
            found.append(item)
            stack.extend(_children(item))
        return found

    def _current_ref(self) -> _Ref | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _select(self, ref: _Ref | None) -> None:
        if ref is None:
            return
        for item in self._all_items():
            if item.data(0, Qt.ItemDataRole.UserRole) == ref:
                self.tree.setCurrentItem(item)
                return

    def _item_changed(self) -> None:
        self._update_controls()
        ref = self._current_ref()
        if ref is None or self.lib is None:
            self.detail.clear()
            return
        use_review_style(self.detail)  # the palette's colours now (the theme may have changed)
        try:
            if ref.kind == "comment":
                self.detail.setHtml(_comment_html(self.lib.comments.get(ref.record_id)))
            elif ref.kind == "edit":
                self.detail.setHtml(edit_html(self.lib.edits.get(ref.record_id)))
            else:
                self._show_place(ref.key, None, None)
        except BriefingError as exc:
            self.detail.setPlainText(str(exc))

    def _update_controls(self) -> None:
        ref = self._current_ref()
        status = self.note.status if self.note is not None else None
        for step, button in self.status_buttons.items():
            button.setEnabled(status is not None and status != step)
        self.status_buttons["draft"].setVisible(status in ("final", "in review"))
        self.versions_button.setEnabled(self.note is not None)
        self.read_only_banner.setVisible(self.is_read_only)
        comment = self._comment(ref)
        edit = self._edit(ref)
        self.comment_button.setEnabled(self.note is not None)
        self.suggest_button.setEnabled(self.note is not None and not self.is_read_only)
        self.reply_button.setEnabled(comment is not None)
        self.resolve_button.setEnabled(comment is not None)
        self.resolve_button.setText(
            "Reopen" if comment is not None and comment.resolved else "Resolve"
        )
        pending = edit is not None and edit.status == "pending"
        self.accept_button.setEnabled(pending and not self.is_read_only)
        self.reject_button.setEnabled(pending)
        self.jump_button.setEnabled(ref is not None)

    def _comment(self, ref: _Ref | None) -> ReviewComment | None:
        if ref is None or ref.kind != "comment" or self.lib is None:
            return None
        try:
            return self.lib.comments.get(ref.record_id)
        except BriefingError:
            return None

    def _edit(self, ref: _Ref | None) -> SuggestedEdit | None:
        if ref is None or ref.kind != "edit" or self.lib is None:
            return None
        try:
            return self.lib.edits.get(ref.record_id)
        except BriefingError:
            return None

    # Operations ------------------------------------------------------------------------
    def _command(self, make: Callable[[Library], LibraryCommand]) -> bool:
        """Run an undoable operation through the window's undo stack (`execute`)."""
        assert self.lib is not None
        lib = self.lib
        try:
            command = make(lib)
        except BriefingError as exc:
            self.message.emit(f"⚠ {exc}")
            return False
        return self.execute(command)

    def add_comment(self, section_key: str, text: str, span: tuple[int, int] | None = None) -> bool:
        """Add a review comment on a section of the note under review (on its words
        [start, end) when span is given)."""
        if self.lib is None or self.note is None:
            return False
        note_id = self.note.id
        return self._command(
            lambda lib: AddCommentCommand(lib, note_id, section_key, text, span=span)
        )

    def reply(self, comment_id: int, text: str) -> bool:
        """Reply to a comment."""
        return self._command(lambda lib: AddCommentCommand(lib, 0, "", text, comment_id))

    def set_resolved(self, comment_id: int, resolved: bool = True) -> bool:
        """Resolve a comment (or open it again)."""
        return self._command(lambda lib: ResolveCommentCommand(lib, comment_id, resolved))

    def accept_edit(self, edit_id: int) -> bool:
        """Apply a suggested edit to its section (refused with a message if it no longer fits)."""
        self.before_note_change.emit()
        return self._command(lambda lib: DecideEditCommand(lib, edit_id, accept=True))

    def reject_edit(self, edit_id: int) -> bool:
        """Reject a suggested edit, leaving the note as it is."""
        return self._command(lambda lib: DecideEditCommand(lib, edit_id, accept=False))

    def set_status(self, status: str, reason: str = "") -> bool:
        """Move the note to a status (a version is kept with the reason)."""
        if self.lib is None or self.note is None:
            return False
        self.before_note_change.emit()  # the version kept must hold what was typed
        note_id = self.note.id
        ok = self._command(lambda lib: SetNoteStatusCommand(lib, note_id, status, reason))
        if ok:
            self.note_status_changed.emit(note_id, status)
        return ok

    def ask_status(self, status: str) -> None:
        """Ask for the reason, then move the note to status."""
        if self.note is None:
            return
        reason = TextPrompt.ask(
            self,
            "Change note status",
            f"Why does “{self.note.title}” move from {self.note.status} to {status}? "
            "(kept with the version; optional)",
            optional=True,
        )
        if reason is not None:
            self.set_status(status, reason)

    def jump(self) -> None:
        """Show where the selected comment or edit sits, and tell any note editor."""
        ref = self._current_ref()
        if ref is None or self.note is None:
            return
        start: int | None = None
        end: int | None = None
        comment = self._comment(ref)
        edit = self._edit(ref)
        section = self.note.section(ref.key)
        if comment is not None and section is not None:
            # Where its words are now (None: deleted since, so the whole section).
            found = comment_span(comment, section.body)
            start, end = found if found is not None else (None, None)
        elif edit is not None and section is not None:
            span = locate_edit(section.body, edit.old_text, edit.prefix, edit.suffix)
            start, end = span if span is not None else (None, None)
        self._show_place(ref.key, start, end)
        self.jump_to.emit(
            self.note.id, ref.key, -1 if start is None else start, -1 if end is None else end
        )

    def _show_place(self, key: str, start: int | None, end: int | None) -> None:
        section = self.note.section(key) if self.note is not None else None
        if section is not None:
            use_review_style(self.detail)
            self.detail.setHtml(section_html(section.heading, section.body, start, end))

    def _comment_clicked(self) -> None:
        if self.note is None:
            return
        ref = self._current_ref()
        sections = [(s.key, s.heading or s.key) for s in self.note.sections]
        # Words selected in the note under review: the comment is on them, as in Word.
        place = self.selected_place()
        if place is not None and place[0] != self.note.id:
            place = None
        key = place[1] if place is not None else (ref.key if ref is not None else "")
        held = self.lib.notes.get(self.note.id) if self.lib is not None else self.note
        section = held.section(place[1]) if place is not None else None
        quote = section.body[place[2] : place[3]] if place and section else ""
        chosen = CommentDialog.ask(self, sections, key, quote=quote)
        if chosen is None or not chosen[1]:
            return
        on_words = place is not None and chosen[0] == place[1]
        self.add_comment(*chosen, span=(place[2], place[3]) if place and on_words else None)

    def _suggest_clicked(self) -> None:
        if self.note is None or self.lib is None:
            return
        place = self.selected_place()
        if place is None or place[0] != self.note.id or place[2] == place[3]:
            self.message.emit(
                "⚠ Select the words to change in the note, then Suggest edit… (for new words, "
                "select those they go after)"
            )
            return
        _note_id, key, start, end = place
        section = self.lib.notes.get(self.note.id).section(key)
        old = section.body[start:end] if section is not None else ""
        new = SuggestEditDialog.ask(self, old)
        if new is not None:
            self.suggest_edit(key, (start, end), new)

    def suggest_edit(self, section_key: str, span: tuple[int, int], new_text: str) -> bool:
        """Suggest new_text for the words [start, end) of a section of the note under review."""
        if self.lib is None or self.note is None:
            return False
        note_id = self.note.id
        return self._command(
            lambda lib: ProposeEditCommand(lib, note_id, section_key, span, new_text)
        )

    def _reply_clicked(self) -> None:
        comment = self._comment(self._current_ref())
        if comment is None:
            return
        text = TextPrompt.ask(self, "Reply", f"Reply to {comment.author or 'the reviewer'}:")
        if text:
            self.reply(comment.id, text)

    def _resolve_clicked(self) -> None:
        comment = self._comment(self._current_ref())
        if comment is not None:
            self.set_resolved(comment.id, not comment.resolved)

    def _edit_clicked(self, accept: bool) -> None:
        edit = self._edit(self._current_ref())
        if edit is not None:
            if accept:
                self.accept_edit(edit.id)
            else:
                self.reject_edit(edit.id)

    def _versions_clicked(self) -> None:
        if self.note is not None:
            self.versions_requested.emit(self.note.id)


def _shown(show: str, closed: bool) -> bool:
    return show == SHOW_ALL or (show == SHOW_RESOLVED) == closed


def _one_line(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _comment_item(
    comment: ReviewComment, replies: dict[int, list[ReviewComment]], gone: bool = False
) -> QTreeWidgetItem:
    mark = "✓ " if comment.resolved else ""
    # A comment whose words were deleted says so: it now stands on the section as a whole.
    lost = f" {WORDS_GONE}" if gone else ""
    item = QTreeWidgetItem(
        [f"{mark}✉ {comment.author or 'Reviewer'}: {_one_line(comment.body)}{lost}"]
    )
    item.setData(0, Qt.ItemDataRole.UserRole, _Ref("comment", comment.section_key, comment.id))
    if comment.anchor_text:
        was = "Was on" if gone else "On"
        item.setToolTip(0, f"{was} “{_one_line(comment.anchor_text, 200)}”")
    for reply in replies.get(comment.id, []):
        child = QTreeWidgetItem([f"↳ {reply.author or 'You'}: {_one_line(reply.body)}"])
        child.setData(0, Qt.ItemDataRole.UserRole, _Ref("comment", reply.section_key, reply.id))
        item.addChild(child)
    item.setExpanded(True)
    return item


def _edit_item(edit: SuggestedEdit) -> QTreeWidgetItem:
    old, new = _one_line(edit.old_text, 40), _one_line(edit.new_text, 40)
    change = {"insert": f"insert “{new}”", "delete": f"delete “{old}”"}.get(
        edit.kind, f"“{old}” → “{new}”"
    )
    done = "" if edit.status == "pending" else f" ({edit.status})"
    item = QTreeWidgetItem([f"✎ {edit.author or 'Reviewer'}: {change}{done}"])
    item.setData(0, Qt.ItemDataRole.UserRole, _Ref("edit", edit.section_key, edit.id))
    return item


def _comment_html(comment: ReviewComment) -> str:
    quote = (
        f"<blockquote class='quiet'>“{html.escape(comment.anchor_text)}”</blockquote>"
        if comment.anchor_text
        else ""
    )
    state = "resolved" if comment.resolved else "open"
    when = comment.created_at.replace("T", " ")[:16]
    return (
        f"<p><b>{html.escape(comment.author or 'Reviewer')}</b> "
        f"<span class='quiet'>{html.escape(when)} · {state}</span></p>{quote}"
        f"<p>{html.escape(comment.body).replace(chr(10), '<br>')}</p>"
    )


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """Return an item's child rows, top to bottom."""
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]
