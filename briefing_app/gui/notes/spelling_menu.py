"""Note ▸ Spelling: checking as one types (on or off), the open note's language, and the
words the editor's right-click menu adds to the dictionary or ignores — each undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.records import note_settings
from briefing_app.core.text.spelling import DEFAULT_LANGUAGE, LANGUAGES
from briefing_app.gui.commands import LibraryCommand, reverting
from briefing_app.gui.widgets.spelling import SpellCheck


class SpellingMenu(QObject):
    """The Spelling submenu of the Note menu, over the workspace's SpellCheck."""

    def __init__(
        self,
        spelling: SpellCheck,
        execute: Callable[[LibraryCommand], bool],
        lib: Callable[[], Library],
        note: Callable[[], Note | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spelling = spelling
        self._execute = execute
        self._lib = lib
        self._note = note
        self.menu = QMenu("&Spelling")
        self.menu.setToolTipsVisible(True)
        self.check_action = QAction("Check spelling as you &type", self)
        self.check_action.setCheckable(True)
        self.check_action.setChecked(spelling.enabled)
        self.check_action.setStatusTip("Underline misspelt words in the note editor")
        self.check_action.toggled.connect(spelling.set_enabled)
        self.menu.addAction(self.check_action)
        self.recheck_action = QAction("&Flag ignored words again", self)
        self.recheck_action.setStatusTip(
            "Underline again the words ignored in this note (undoable)"
        )
        self.recheck_action.triggered.connect(lambda _checked=False: self.recheck())
        self.menu.addAction(self.recheck_action)
        spelling.add_requested.connect(self.add_to_dictionary)
        spelling.ignore_requested.connect(self.ignore)
        self.menu.addSection("Language of this note")
        self.languages = QActionGroup(self)
        self.languages.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        # English first (the default), then the others by name.
        ordered = sorted(LANGUAGES.items(), key=lambda item: (item[0] != DEFAULT_LANGUAGE, item[1]))
        for code, name in ordered:
            action = QAction(name, self.languages)
            action.setCheckable(True)
            action.setData(code)
            action.setStatusTip(f"Check this note's spelling in {name} (undoable)")
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.menu.addAction(action)
            self.language_actions[code] = action
        self.show_note(None)

    def show_note(self, note: Note | None) -> None:
        """Tick the open note's language (none open: the languages are disabled)."""
        language = note_settings.spelling_language(note) if note else DEFAULT_LANGUAGE
        for code, action in self.language_actions.items():
            action.setEnabled(note is not None)
            action.setChecked(code == language)
        ignored = len(note_settings.ignored_words(note)) if note else 0
        self.recheck_action.setEnabled(ignored > 0)
        self.recheck_action.setText(
            f"&Flag ignored words again ({ignored})" if ignored else "&Flag ignored words again"
        )

    def choose(self, language: str) -> bool:
        """Check the open note in another language, as an undoable command."""
        note, lib = self._note(), self._lib()
        if note is None or note_settings.spelling_language(note) == language:
            self.show_note(note)
            return False
        note_id, name = note.id, LANGUAGES[language]
        command = reverting(
            f"Check spelling of “{note.title}” in {name}",
            lambda: note_settings.set_spelling_language(lib, note_id, language),
            lib.notes.revert,
        )
        done = self._execute(command)
        self.show_note(self._note())
        return done

    def add_to_dictionary(self, word: str) -> bool:
        """Add a word to the user's word list, as an undoable command (undo takes it out)."""
        spelling = self.spelling
        command = reverting(
            f"Add “{word}” to dictionary",
            lambda: spelling.add_word(word),
            spelling.revert_words,
        )
        return self._execute(command)

    def ignore(self, word: str) -> bool:
        """Stop flagging a word in the open note, as an undoable command kept with the note."""
        note, lib = self._note(), self._lib()
        if note is None:
            return False
        note_id = note.id
        command = reverting(
            f"Ignore “{word}” in “{note.title}”",
            lambda: note_settings.ignore_words(lib, note_id, [word]),
            lib.notes.revert,
        )
        return self._execute(command)

    def recheck(self) -> bool:
        """Flag the open note's ignored words again, as an undoable command."""
        note, lib = self._note(), self._lib()
        if note is None or not note_settings.ignored_words(note):
            return False
        note_id = note.id
        command = reverting(
            f"Flag ignored words again in “{note.title}”",
            lambda: note_settings.clear_ignored_words(lib, note_id),
            lib.notes.revert,
        )
        return self._execute(command)
