"""The window from the keyboard alone: menus, shortcuts, Tab and F6, names for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow


def _open_menu(qtbot: QtBot, window: MainWindow, menu: QMenu) -> None:
    """Open a menu of the menu bar as Alt+its letter does."""
    window.menuBar().setActiveAction(menu.menuAction())
    qtbot.waitUntil(menu.isVisible)


def _suggestions_listed(qtbot: QtBot, window: MainWindow) -> int:
    panel = window.suggestions.suggestions_panel
    qtbot.waitUntil(lambda: len(panel.suggestions) >= 2)
    return panel.list.currentRow()


def test_a_letter_pressed_in_an_open_menu_picks_its_entry_not_a_suggestion(
    qtbot: QtBot, complete: MainWindow
) -> None:
    row = _suggestions_listed(qtbot, complete)
    complete.reader.setFocus()
    _open_menu(qtbot, complete, complete.view_menu)
    panels = complete.docks.panels_menu
    # P is "Panels" in the View menu; it used to step the suggestions back instead.
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_P)
    qtbot.waitUntil(panels.isVisible)
    qtbot.keyClick(panels, Qt.Key.Key_Escape)
    qtbot.keyClick(complete.view_menu, Qt.Key.Key_Escape)
    assert complete.suggestions.suggestions_panel.list.currentRow() == row
    # N and P still step through the suggestions where the reader has the focus.
    complete.activateWindow()
    complete.reader.setFocus()
    qtbot.waitUntil(complete.reader.hasFocus)
    qtbot.keyClick(complete.reader, Qt.Key.Key_N)
    assert complete.suggestions.suggestions_panel.list.currentRow() == row + 1


def test_no_two_entries_of_a_menu_share_a_mnemonic_letter(
    complete: MainWindow, demo_lib: Library
) -> None:
    from PySide6.QtGui import QKeySequence

    complete.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    clashes: list[str] = []

    def walk(menu: QWidget, path: str) -> None:
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = QKeySequence.mnemonic(action.text()).toString()
            if letter:
                letters.setdefault(letter, []).append(action.text())
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, f"{path} ▸ {action.text()}")
        clashes.extend(f"{path}: {texts}" for texts in letters.values() if len(texts) > 1)

    walk(complete.menuBar(), "menu bar")
    assert clashes == []
