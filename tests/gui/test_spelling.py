"""Spelling in the note editors: underlines, corrections, the user's words, a language per note."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.core.records import note_settings
from briefing_app.core.text.spelling import UserWords
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets import spelling as gui_spelling
from briefing_app.gui.widgets.note_editor import SectionEditor
from tests.gui.test_notes import editor, new_note, saved_body, type_into


@pytest.fixture(autouse=True)
def own_word_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Give each test a word list of its own, never the user's."""
    path = tmp_path / "config" / "spelling" / "words.txt"
    monkeypatch.setattr(gui_spelling, "user_words_path", lambda: path)
    return path


def underlined(widget: SectionEditor) -> list[str]:
    """Return the words shown with the spelling underline, in order."""
    found = []
    block = widget.document().begin()
    while block.isValid():
        layout = block.layout()
        for part in layout.formats() if layout is not None else []:
            if part.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[part.start : part.start + part.length])
        block = block.next()
    return found


def writing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, text: str
) -> tuple[int, SectionEditor]:
    """Create a note, wait for its dictionary, type text into its summary."""
    note_id = new_note(window, monkeypatch)
    spelling = window.note_workspace.spelling
    qtbot.waitUntil(lambda: spelling.speller() is not None, timeout=20_000)
    summary = editor(window, "summary")
    summary.setFocus()
    summary.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(summary, text)
    return note_id, summary


def point_at(widget: SectionEditor, word: str) -> object:
    """Return the viewport point in the middle of the first occurrence of word."""
    cursor = QTextCursor(widget.document())
    cursor.setPosition(widget.body().index(word) + len(word) // 2)
    return widget.cursorRect(cursor).center()


def test_misspelt_words_are_underlined_and_keys_urls_and_acronyms_are_not(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _note_id, summary = writing(
        qtbot, window, monkeypatch,
        "The goverment of NATO said [@C1] and C4 at https://exmaple.org/teh, wrold.",
    )  # fmt: skip
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment", "wrold"])
    # Switched off, nothing is underlined; on again, the same words are.
    menu = window.note_workspace.spelling_menu
    menu.check_action.setChecked(False)
    assert underlined(summary) == []
    menu.check_action.setChecked(True)
    assert underlined(summary) == ["goverment", "wrold"]


def test_a_correction_from_the_right_click_menu_replaces_the_word_and_ctrl_z_restores_it(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id, summary = writing(qtbot, window, monkeypatch, "The goverment said so")
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment"])
    menu = summary.context_menu_at(point_at(summary, "goverment"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "government"
    assert "Add “goverment” to dictionary" in texts and "Ignore in this note" in texts
    menu.actions()[0].trigger()
    assert summary.body() == "The government said so"
    assert underlined(summary) == []
    assert window.undo_action.text() == "&Undo Typing in Summary"

    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert summary.body() == "The goverment said so"  # only the correction was undone
    assert saved_body(demo_lib, note_id, "summary") == "The goverment said so"
    assert underlined(summary) == ["goverment"]


def test_a_word_that_is_spelt_right_has_only_the_usual_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _note_id, summary = writing(qtbot, window, monkeypatch, "The goverment said so")
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment"])
    texts = [a.text() for a in summary.context_menu_at(point_at(summary, "said")).actions()]
    assert not any("dictionary" in t for t in texts)


def test_add_to_dictionary_removes_the_underline_is_kept_for_later_and_ctrl_z_takes_it_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, own_word_list: Path
) -> None:
    _note_id, summary = writing(qtbot, window, monkeypatch, "Rahmonov met Qodiri in Khujand.")
    qtbot.waitUntil(lambda: "Qodiri" in underlined(summary))
    assert underlined(summary) == ["Rahmonov", "Qodiri", "Khujand"]
    menu = summary.context_menu_at(point_at(summary, "Qodiri"))
    next(a for a in menu.actions() if a.text() == "Add “Qodiri” to dictionary").trigger()
    assert underlined(summary) == ["Rahmonov", "Khujand"]
    assert own_word_list.read_text(encoding="utf-8") == "Qodiri\n"
    assert "qodiri" in UserWords(own_word_list)  # a later session reads it back
    assert window.undo_action.text() == "&Undo Add “Qodiri” to dictionary"

    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert underlined(summary) == ["Rahmonov", "Qodiri", "Khujand"]  # flagged again
    assert own_word_list.read_text(encoding="utf-8") == ""
    assert summary.body() == "Rahmonov met Qodiri in Khujand."  # the typing stays
    qtbot.keyClick(
        summary,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert underlined(summary) == ["Rahmonov", "Khujand"]
    assert own_word_list.read_text(encoding="utf-8") == "Qodiri\n"


def test_a_word_list_that_cannot_be_written_says_so_in_one_line_and_nothing_is_undoable(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _note_id, summary = writing(qtbot, window, monkeypatch, "Rahmonov met Qodiri.")
    qtbot.waitUntil(lambda: underlined(summary) == ["Rahmonov", "Qodiri"])
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")  # the word list's folder would be a file
    window.note_workspace.spelling.spellers.user_words.path = blocked / "words.txt"
    before = window.undo_action.text()
    menu = summary.context_menu_at(point_at(summary, "Qodiri"))
    next(a for a in menu.actions() if a.text() == "Add “Qodiri” to dictionary").trigger()
    assert window.statusBar().currentMessage().startswith("⚠ ")
    assert "cannot make the folder" in window.statusBar().currentMessage()
    assert underlined(summary) == ["Rahmonov", "Qodiri"]
    assert window.undo_action.text() == before


def test_ignore_is_kept_with_the_note_undoes_and_other_notes_still_flag_the_word(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch,
    own_word_list: Path,
) -> None:  # fmt: skip
    note_id, summary = writing(qtbot, window, monkeypatch, "Rahmonov met Qodiri in Khujand.")
    qtbot.waitUntil(lambda: underlined(summary) == ["Rahmonov", "Qodiri", "Khujand"])
    menu = summary.context_menu_at(point_at(summary, "Rahmonov"))
    next(a for a in menu.actions() if a.text() == "Ignore in this note").trigger()
    assert underlined(summary) == ["Qodiri", "Khujand"]
    assert not own_word_list.exists()  # not the user's word list: the note's
    assert note_settings.ignored_words(demo_lib.notes.get(note_id)) == {"rahmonov"}
    assert window.undo_action.text() == (
        "&Undo Ignore “Rahmonov” in “Border security after the Khatlon attack”"
    )
    window.undo_action.trigger()
    assert underlined(summary) == ["Rahmonov", "Qodiri", "Khujand"]
    window.redo_action.trigger()
    assert underlined(summary) == ["Qodiri", "Khujand"]

    # Another note still flags it; back in this one, it is still ignored.
    workspace = window.note_workspace
    other = next(n.id for n in demo_lib.notes.all() if n.id != note_id)
    workspace.show_note(other)
    first = editor(window, "summary")
    first.set_body("Rahmonov spoke.")
    assert underlined(first) == ["Rahmonov"]
    workspace.show_note(note_id)
    assert underlined(editor(window, "summary")) == ["Qodiri", "Khujand"]

    # Note ▸ Spelling ▸ Flag ignored words again: underlined again, undoably.
    recheck = workspace.spelling_menu.recheck_action
    assert recheck.isEnabled() and recheck.text() == "&Flag ignored words again (1)"
    recheck.trigger()
    assert underlined(editor(window, "summary")) == ["Rahmonov", "Qodiri", "Khujand"]
    assert not recheck.isEnabled()
    window.undo_action.trigger()
    assert underlined(editor(window, "summary")) == ["Qodiri", "Khujand"]


def test_the_word_being_typed_is_underlined_only_once_it_is_finished(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _note_id, summary = writing(qtbot, window, monkeypatch, "The goverment")
    assert underlined(summary) == []  # still being typed
    qtbot.keyClicks(summary, " sa")
    assert underlined(summary) == ["goverment"]  # a space ends it
    qtbot.keyClicks(summary, "id so, wrold")
    assert underlined(summary) == ["goverment"]
    qtbot.keyClick(summary, Qt.Key.Key_Left)  # the cursor moves: the word is left
    assert underlined(summary) == ["goverment", "wrold"]
    # Typing inside a flagged word holds its underline back too, until it is left again.
    qtbot.keyClick(summary, Qt.Key.Key_Backspace)
    assert summary.body() == "The goverment said so, wrod"
    assert underlined(summary) == ["goverment"]
    qtbot.keyClick(summary, Qt.Key.Key_Right)
    assert underlined(summary) == ["goverment", "wrod"]
    # A word left by moving elsewhere (another field): underlined at once.
    qtbot.keyClick(summary, Qt.Key.Key_End)
    qtbot.keyClicks(summary, " teh")
    assert underlined(summary) == ["goverment", "wrod"]
    editor(window, "issue").setFocus()
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment", "wrod", "teh"])


def test_each_note_is_checked_in_its_own_language_and_the_choice_undoes(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    french = "Le ministre a dit hier soir avec les gendarmes"
    note_id, summary = writing(qtbot, window, monkeypatch, french)
    qtbot.waitUntil(lambda: len(underlined(summary)) >= 3)  # French read as English
    workspace = window.note_workspace
    workspace.spelling_menu.language_actions["fr"].trigger()
    assert note_settings.spelling_language(demo_lib.notes.get(note_id)) == "fr"
    assert (
        window.undo_action.text()
        == "&Undo Check spelling of “Border security after the Khatlon attack” in French"
    )
    qtbot.waitUntil(lambda: underlined(summary) == [], timeout=20_000)
    qtbot.keyClicks(summary, " avec le goverment.")
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment"])
    assert workspace.spelling_menu.language_actions["fr"].isChecked()

    # Another note keeps English; coming back, the French one is French again.
    other = next(n.id for n in demo_lib.notes.all() if n.id != note_id)
    workspace.show_note(other)
    assert workspace.spelling.language == "en"
    assert workspace.spelling_menu.language_actions["en"].isChecked()
    workspace.show_note(note_id)
    assert workspace.spelling.language == "fr"

    window.undo_action.trigger()  # the typing
    window.undo_action.trigger()  # the language
    assert note_settings.spelling_language(demo_lib.notes.get(note_id)) == "en"
    assert workspace.spelling.language == "en"
    qtbot.waitUntil(lambda: len(underlined(editor(window, "summary"))) >= 3)


def test_typing_goes_on_while_the_dictionary_is_read_and_underlines_follow(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing_app.core.text.spelling import Spellers

    release = threading.Event()
    get = Spellers.get

    def slow_get(self: Spellers, language: str) -> object:
        assert threading.current_thread() is not threading.main_thread()  # never the UI's
        release.wait(20)
        return get(self, language)

    monkeypatch.setattr(Spellers, "get", slow_get)
    new_note(window, monkeypatch)
    spelling = window.note_workspace.spelling
    summary = editor(window, "summary")
    summary.setFocus()
    qtbot.keyClicks(summary, "The goverment said so")
    assert summary.body() == "The goverment said so"
    assert spelling.speller() is None and underlined(summary) == []
    release.set()
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment"], timeout=20_000)


def test_a_misspelt_word_in_a_heading_keeps_the_heading_format_under_its_underline(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QFont

    _note_id, summary = writing(qtbot, window, monkeypatch, "## The goverment ")
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment"])
    layout = summary.document().begin().layout()
    assert layout is not None
    ranges = layout.formats()  # kept: each range's format lives as long as the list
    word = QTextCharFormat(
        next(
            r.format
            for r in ranges
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        )
    )
    assert word.fontWeight() == QFont.Weight.Bold  # the heading rule's format, kept
    assert word.foreground().color().name() == "#3b6ea5"


def spelling_messages(window: MainWindow) -> list[str]:
    """Start recording the status bar's messages about spelling; return the record."""
    said: list[str] = []
    window.statusBar().messageChanged.connect(
        lambda text: said.append(text) if "spelling" in text.lower() else None
    )
    return said


@pytest.fixture
def folder_for_word_list(own_word_list: Path) -> Path:
    """Put a folder where the word list should be, before the window starts."""
    own_word_list.mkdir(parents=True)
    return own_word_list


def test_a_word_list_that_cannot_be_read_is_said_once_and_typing_and_spelling_go_on(
    folder_for_word_list: Path, qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_word_list = folder_for_word_list
    said = spelling_messages(window)
    _note_id, summary = writing(qtbot, window, monkeypatch, "The goverment met Qodiri.")
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment", "Qodiri"] and bool(said))
    assert said == [
        f"⚠ spelling word list {own_word_list}: is a folder, not a file; "
        "the words you added that it holds are not known"
    ]
    qtbot.keyClicks(summary, " Then teh talks ended.")
    editor(window, "issue").setFocus()
    qtbot.waitUntil(lambda: underlined(summary) == ["goverment", "Qodiri", "teh"])
    assert summary.body() == "The goverment met Qodiri. Then teh talks ended."
    assert len(said) == 1  # once, not at every keystroke

    # Adding a word: one line, the list left as it is, nothing on the undo stack.
    before = window.undo_action.text()
    menu = summary.context_menu_at(point_at(summary, "Qodiri"))
    next(a for a in menu.actions() if a.text() == "Add “Qodiri” to dictionary").trigger()
    assert window.statusBar().currentMessage() == (
        f"⚠ spelling word list {own_word_list}: is a folder, not a file; "
        "it is left as it is, so nothing in it is lost"
    )
    assert own_word_list.is_dir()
    assert underlined(summary) == ["goverment", "Qodiri", "teh"]
    assert window.undo_action.text() == before
    assert summary.body() == "The goverment met Qodiri. Then teh talks ended."


def test_undoing_an_add_when_the_list_can_no_longer_be_written_says_so_and_drops_the_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, own_word_list: Path
) -> None:
    _note_id, summary = writing(qtbot, window, monkeypatch, "Rahmonov met Qodiri.")
    qtbot.waitUntil(lambda: underlined(summary) == ["Rahmonov", "Qodiri"])
    menu = summary.context_menu_at(point_at(summary, "Qodiri"))
    next(a for a in menu.actions() if a.text() == "Add “Qodiri” to dictionary").trigger()
    assert underlined(summary) == ["Rahmonov"]
    own_word_list.unlink()
    own_word_list.mkdir()  # meanwhile something put a folder in its place
    window.undo_action.trigger()
    said = window.statusBar().currentMessage()
    assert said.startswith(f"⚠ spelling word list {own_word_list}: is a folder, not a file")
    # The step that cannot be undone is gone, and the word is as the last write left it.
    assert "Qodiri" not in window.undo_action.text()
    assert underlined(summary) == ["Rahmonov"]
    assert summary.body() == "Rahmonov met Qodiri."


def test_a_damaged_dictionary_turns_spelling_off_with_its_reason_once(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    from briefing_app.core.text import spelling as core_spelling

    damaged = tmp_path / "en.json.gz"
    damaged.write_bytes(b"\x1f\x8b\x08\x00 cut short")
    monkeypatch.setattr(core_spelling, "_dictionary_bytes", lambda language: damaged.read_bytes())
    said = spelling_messages(window)
    note_id = new_note(window, monkeypatch)
    workspace = window.note_workspace
    qtbot.waitUntil(lambda: "en" in workspace.spelling.unreadable, timeout=20_000)
    assert len(said) == 1
    assert said[0].startswith(
        "⚠ Spelling is not checked: the English spelling dictionary cannot be read ("
    )
    assert said[0].endswith("); spelling in English is off")
    summary = editor(window, "summary")
    type_into(qtbot, summary, "The goverment said so.")
    editor(window, "issue").setFocus()
    assert summary.body() == "The goverment said so."
    assert underlined(summary) == []
    # Showing other notes does not try (and say) it again.
    other = next(n.id for n in demo_lib.notes.all() if n.id != note_id)
    workspace.show_note(other)
    workspace.show_note(note_id)
    assert len(said) == 1
