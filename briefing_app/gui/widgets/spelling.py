"""Spelling in the section editors: one SpellCheck per note workspace, shared by its editors.

The dictionary of the open note's language is read off the UI thread (a task runner of its
own, so it never waits behind an import); until it is read nothing is underlined, and typing
never waits for it. A word list read only in part, or a dictionary that cannot be read, is
said once in the status bar; a language whose dictionary cannot be read is not checked. Each
editor's highlighter asks `spans` for the paragraph being painted, so a keystroke costs a check
of its own paragraph only (and the speller remembers each word).
"Add to dictionary" and "Ignore" are asked for here (`add_requested`, `ignore_requested`) and
done as undoable commands by the Spelling menu (`gui/notes/spelling_menu.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from briefing_app.core.library import Library
from briefing_app.core.text.spelling import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Speller,
    Spellers,
    UserWords,
    WordListEdit,
    user_words_path,
)
from briefing_app.gui.settings import app_settings
from briefing_app.gui.tasks import TaskRunner

_ENABLED_KEY = "spelling/enabled"
# Dictionaries are read once a process, per word list (a test's list is a list of its own).
_SHARED: dict[Path, Spellers] = {}


def shared_spellers() -> Spellers:
    """Return the spellers over the user's word list, shared by every window of the app."""
    path = user_words_path()
    if path not in _SHARED:
        _SHARED[path] = Spellers(UserWords(path))
    return _SHARED[path]


def spelling_enabled() -> bool:
    """Return whether spelling is checked as the writer types (on unless switched off)."""
    value = app_settings().value(_ENABLED_KEY, True)
    return value not in (False, "false", "0", 0)


class SpellCheck(QObject):
    """What is misspelt in the open note, in its language; `changed` when that may differ."""

    changed = Signal()  # editors repaint: the language, the word list or the switch changed
    add_requested = Signal(str)  # "Add to dictionary" chosen for a word
    ignore_requested = Signal(str)  # "Ignore" chosen for a word (in the open note)

    def __init__(
        self,
        lib: Callable[[], Library],
        spellers: Spellers | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lib = lib
        self.spellers = spellers or shared_spellers()
        self.language = DEFAULT_LANGUAGE
        self.enabled = spelling_enabled()
        self.ignored: frozenset[str] = frozenset()  # the open note's ignored words, case-folded
        self.tasks = TaskRunner(self)
        self.report_error: Callable[[str], None] = lambda _message: None
        self._loading: set[str] = set()
        # Languages whose dictionary cannot be read, and why: not tried (nor said) again.
        self.unreadable: dict[str, str] = {}
        self._told_word_list = False  # its problem is said once, not at every note shown
        self._wanted = False  # a note is on screen: its dictionary is worth reading

    # The speller ---------------------------------------------------------------------------
    def speller(self) -> Speller | None:
        """Return the speller in use, or None (switched off, or its dictionary not read yet)."""
        return self.spellers.ready(self.language) if self.enabled else None

    def prepare(self) -> None:
        """A note is on screen: read its language's dictionary (off the UI thread) if needed."""
        self._wanted = True
        if (
            self.enabled
            and self.spellers.ready(self.language) is None
            and self.language not in self.unreadable
        ):
            self._load(self.language)

    def set_language(self, language: str) -> None:
        """Check in another language (the open note's); repaint now and when it is read."""
        if language == self.language:
            return
        self.language = language
        self.changed.emit()
        if self._wanted:
            self.prepare()

    def set_enabled(self, enabled: bool) -> None:
        """Switch checking as one types on or off (remembered for the next start)."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        app_settings().setValue(_ENABLED_KEY, enabled)
        self.changed.emit()
        if enabled and self._wanted:
            self.prepare()

    def _load(self, language: str) -> None:
        if language in self._loading:
            return
        self._loading.add(language)
        name = LANGUAGES.get(language, language)
        task = self.tasks.run(
            self.lib(),
            lambda _lib: self.spellers.get(language),
            description=f"reading the {name} spelling dictionary",
            failure="Spelling is not checked",
        )
        task.failed.connect(lambda message: self._unreadable(language, message))
        task.finished.connect(lambda: self._loaded(language))

    def _unreadable(self, language: str, message: str) -> None:
        self.unreadable[language] = message
        self.report_error(message)

    def _loaded(self, language: str) -> None:
        self._loading.discard(language)
        if self.spellers.ready(language) is None:
            return  # its dictionary could not be read: that was said
        problem = self.spellers.user_words.problem
        if problem is not None and not self._told_word_list:
            self._told_word_list = True
            self.report_error(str(problem))
        if language == self.language:
            self.changed.emit()

    # Words ---------------------------------------------------------------------------------
    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the [start, end) offsets of the misspelt words of a paragraph."""
        speller = self.speller()
        if speller is None:
            return []
        return speller.misspelt_spans(text, self.ignored)

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Return up to limit corrections of a word, the likeliest first."""
        speller = self.speller()
        return speller.suggestions(word, limit) if speller is not None else []

    def add_word(self, word: str) -> WordListEdit:
        """Add a word to the user's word list (saved at once); return the edit to undo."""
        return self._repainting(self.spellers.add_word(word))

    def revert_words(self, edit: WordListEdit) -> WordListEdit:
        """Undo a change of the user's word list; return the edit that redoes it."""
        return self._repainting(self.spellers.revert_words(edit))

    def _repainting(self, edit: WordListEdit) -> WordListEdit:
        self.changed.emit()
        return edit

    def set_ignored(self, words: frozenset[str]) -> None:
        """Leave these words (case-folded) alone: the open note ignores them."""
        if words != self.ignored:
            self.ignored = words
            self.changed.emit()
