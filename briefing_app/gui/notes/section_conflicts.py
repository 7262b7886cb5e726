"""The banner shown when a section being written was changed elsewhere (the CLI, a window).

The save that found the conflict wrote nothing (`lib.notes.set_section(..., expected=)`): the
writer's text is kept at once as a note version, stays in the editor, and the banner offers
the choice: use the other text, keep this one (the other is then kept as a version before it
is replaced), or show the differences. Until the writer chooses, that section is not saved
again, so nothing is overwritten silently and neither text is lost.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.review.versions import diff_text
from briefing_app.gui.review.diff_html import changes_html, use_review_style
from briefing_app.gui.widgets.note_editor import NoteEditor
from briefing_app.gui.widgets.text_widths import text_size

# A translucent amber over the window's colour: pale on a light theme, brown on a dark one, so
# the palette's text reads on it either way (an opaque pale yellow hid a dark theme's text).
BANNER_STYLE = (
    "QFrame#section_conflicts { background: rgba(255, 193, 7, 56);"
    " border: 1px solid rgba(224, 182, 74, 220); }"
)


@dataclass
class Conflict:
    """A section changed elsewhere while typed here: their text, and ours as last kept."""

    heading: str
    theirs: str
    mine: str
    kept: str  # the text of ours the last version holds


class SectionConflicts(QFrame):
    """A banner over the note editor: Use theirs / Keep mine / Show differences."""

    def __init__(
        self, editor: NoteEditor, lib: Callable[[], Library], show_error: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.setObjectName("section_conflicts")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName("Section changed elsewhere")
        self._editor = editor
        self._lib = lib
        self._show_error = show_error
        self.note_id: int | None = None
        self.pending: dict[str, Conflict] = {}
        self.diff_dialog: QDialog | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.use_theirs_button = QPushButton("Use theirs")
        self.use_theirs_button.setToolTip("Show the other text; yours stays in the note's versions")
        self.keep_mine_button = QPushButton("Keep mine")
        self.keep_mine_button.setToolTip("Save your text over the other one")
        self.differences_button = QPushButton("Show differences")
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        for button in (self.use_theirs_button, self.keep_mine_button, self.differences_button):
            layout.addWidget(button)
        self.use_theirs_button.clicked.connect(self.use_theirs)
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.differences_button.clicked.connect(self.show_differences)
        self.hide()

    def blocks(self, note_id: int, key: str, body: str) -> bool:
        """Return whether a section waits for the writer's choice (remember what was typed)."""
        conflict = self.pending.get(key) if note_id == self.note_id else None
        if conflict is not None:
            conflict.mine = body
        return conflict is not None

    def arise(self, note_id: int, key: str, mine: str, theirs: str) -> None:
        """Keep the writer's text as a version and ask what to do with the two texts."""
        if note_id != self.note_id:
            self.settle()
            self.note_id = note_id
        section = self._lib().notes.get(note_id).section(key)
        heading = section.heading if section is not None else key
        self.pending[key] = Conflict(heading, theirs, mine, "")
        self._keep_version(note_id, key)
        self._show_first()

    def settle(self) -> None:
        """Leave the note: what was typed since its conflict is kept as a version too."""
        if self.note_id is not None:
            for key in list(self.pending):
                self._keep_version(self.note_id, key)
        self.pending.clear()
        self.note_id = None
        self.hide()

    def use_theirs(self) -> None:
        """Show the stored text in the section (the typed one is in the versions, and undo)."""
        key = self._current()
        if key is not None and self.note_id is not None:
            self._keep_version(self.note_id, key)
            self._editor.take_stored(key, self._stored(key))
            self._resolved(key)

    def keep_mine(self) -> None:
        """Save the typed text over the other one, which is kept as a version first."""
        key = self._current()
        if key is not None and self.note_id is not None:
            heading = self.pending[key].heading
            try:
                reason = f"{heading} as changed elsewhere, before it was replaced"
                self._lib().versions.snapshot(self.note_id, reason)
            except BriefingError as exc:
                self._show_error(f"The other text of {heading} could not be kept: {exc}")
                return
            self._editor.rebase(key, self._stored(key))
            self._resolved(key)
            self._editor.flush()

    def show_differences(self) -> None:
        """Show the other text against the typed one: deletions struck, insertions underlined."""
        key = self._current()
        if key is None:
            return
        conflict = self.pending[key]
        editor = self._editor.editor(key)
        mine = editor.body() if editor is not None else conflict.mine
        dialog = QDialog(self.window())
        dialog.setWindowTitle(f"{conflict.heading}: theirs → yours")
        view = QTextBrowser()
        view.setOpenLinks(False)
        use_review_style(view)
        view.setHtml(
            "<p>Struck: only in the other text. Underlined: only in yours.</p><p>"
            + changes_html(diff_text(self._stored(key), mine))
            + "</p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(text_size(dialog, 107, 30))  # 640×420 at 9 pt
        dialog.open()
        self.diff_dialog = dialog

    def _current(self) -> str | None:
        return next(iter(self.pending), None)

    def _stored(self, key: str) -> str:
        """Return the section's text in the library now (it may have changed again)."""
        conflict = self.pending[key]
        if self.note_id is None:
            return conflict.theirs
        try:
            section = self._lib().notes.get(self.note_id).section(key)
        except BriefingError:
            return conflict.theirs
        return section.body if section is not None else conflict.theirs

    def _keep_version(self, note_id: int, key: str) -> None:
        conflict = self.pending[key]
        if conflict.mine == conflict.kept:
            return
        reason = f"{conflict.heading} as typed here when it was changed elsewhere"
        try:
            self._lib().versions.snapshot(note_id, reason, bodies={key: conflict.mine})
        except BriefingError as exc:
            self._show_error(f"Your text of {conflict.heading} could not be kept: {exc}")
            return
        conflict.kept = conflict.mine

    def _resolved(self, key: str) -> None:
        del self.pending[key]
        self._show_first()

    def _show_first(self) -> None:
        key = self._current()
        if key is None:
            self.hide()
            return
        heading = html.escape(self.pending[key].heading)
        self.message.setText(
            f"<b>{heading}</b> was changed elsewhere while you were writing it. Your text is "
            "kept (here and as a version); nothing was overwritten."
        )
        self.show()
