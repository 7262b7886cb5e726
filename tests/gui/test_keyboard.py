"""The window from the keyboard alone: menus, shortcuts, Tab and F6, names for screen readers."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.focus_order import focus_chain, panel_stops, tab_stops
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


def _scopes(action: QAction) -> list[tuple[str, QWidget | None]]:
    """Where an action's shortcut acts: the app, a window, a widget, or a widget and below."""
    context = action.shortcutContext()
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return [("app", None)]
    scopes: list[tuple[str, QWidget | None]] = []
    for owner in action.associatedObjects():
        if not isinstance(owner, QWidget) or isinstance(owner, (QMenu, QToolBar, QToolButton)):
            continue  # a menu entry or tool button acts where the action's other owners do
        if context == Qt.ShortcutContext.WindowShortcut:
            scopes.append(("window", owner.window()))
        elif context == Qt.ShortcutContext.WidgetShortcut:
            scopes.append(("widget", owner))
        else:
            scopes.append(("tree", owner))
    return scopes


def _overlap(one: tuple[str, QWidget | None], other: tuple[str, QWidget | None]) -> bool:
    (kind, a), (other_kind, b) = sorted((one, other), key=lambda s: s[0])
    if "app" in (kind, other_kind):
        return True
    assert a is not None and b is not None
    if kind == "window" or other_kind == "window":
        return a.window() is b.window()
    if kind == other_kind == "widget":
        return a is b
    if kind == "tree" and other_kind == "tree":
        return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)
    tree, widget = (a, b) if kind == "tree" else (b, a)
    return tree is widget or tree.isAncestorOf(widget)


def test_every_shortcut_does_one_thing_wherever_it_is_pressed(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    complete.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    for name in ("board", "matrix", "chronology"):
        complete.docks.docks[name].toggleViewAction().trigger()
    actions = {a for w in [complete, *complete.findChildren(QWidget)] for a in w.actions()}
    by_key: dict[str, list[QAction]] = {}
    for action in actions:
        for key in action.shortcuts():
            by_key.setdefault(key.toString(), []).append(action)
    ambiguous = [
        f"{key}: {one.text()!r} and {other.text()!r}"
        for key, owners in by_key.items()
        for n, one in enumerate(owners)
        for other in owners[n + 1 :]
        if any(_overlap(s, t) for s in _scopes(one) for t in _scopes(other))
    ]
    assert ambiguous == []
    # A key without Ctrl or Alt as a menu entry's shortcut would take that letter from every
    # open menu (Qt tries shortcuts before the menu): File ▸ New library's N once stepped the
    # suggestions.
    plain = [
        f"{key}: {a.text()!r}"
        for key, owners in by_key.items()
        for a in owners
        if not any(m in key for m in ("Ctrl+", "Alt+", "Meta+"))
        and not re.search(r"\bF\d+$", key)  # function keys type nothing, in a menu too
        and any(isinstance(o, QMenu) for o in a.associatedObjects())
        and a.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
    ]
    assert plain == []


def _panel_of(window: MainWindow, widget: QWidget | None) -> str:
    """Name the panel holding widget: a dock's title, 'centre', or the tab bar's tabs."""
    while widget is not None:
        if isinstance(widget, QDockWidget):
            return widget.windowTitle().replace("&", "")
        if widget is window.centralWidget():
            return "centre"
        if isinstance(widget, QTabBar) and widget.parentWidget() is window:
            return "tabs " + "/".join(widget.tabText(i) for i in range(widget.count()))
        widget = widget.parentWidget()
    return "nowhere"


def _in_sight(window: QWidget, widget: QWidget) -> bool:
    """Whether some of widget is inside each of its parents and the window (not scrolled away,
    not behind another panel's tab, which Qt moves out of the window)."""
    seen = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        seen = seen.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return not seen.intersected(window.rect()).isEmpty()


def _press_tab(qtbot: QtBot, backwards: bool = False) -> QWidget:
    focus = QApplication.focusWidget()
    assert focus is not None
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    qtbot.keyClick(focus, key)
    moved = QApplication.focusWidget()
    assert moved is not None
    return moved


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_tab_goes_round_what_is_on_screen_panel_by_panel_as_they_are_seen(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    complete.sources.select_claim(demo_lib.claims.by_key("C1").id)  # the inspector's fields
    start = complete.library_panel.filter_edit
    _focus(qtbot, start)
    visited: list[QWidget] = []
    unseen: list[str] = []
    for _ in range(80):
        widget = _press_tab(qtbot)
        if widget is start:
            break
        visited.append(widget)
        # Always somewhere to be seen: never in a panel behind another panel's tab.
        if not _in_sight(complete, widget):
            where = _panel_of(complete, widget)
            unseen.append(f"{type(widget).__name__} {widget.accessibleName()!r} in {where}")
    else:
        raise AssertionError("Tab never came back to the sources' filter")
    assert unseen == []
    panels = [p for p, _ in itertools.groupby(_panel_of(complete, w) for w in [start, *visited])]
    assert len(panels) == len(set(panels)), panels  # each panel once, its fields together
    # Columns left to right, each top down; a tab bar under the panels it switches.
    assert panels.index("Sources") < panels.index("Tags") < panels.index("centre")
    assert panels.index("centre") < panels.index("Claims table")
    assert panels.index("Claims table") < panels.index("Claim inspector")
    assert panels.index("Claim inspector") < panels.index("Source details")
    assert "Problems" not in panels and "Preview" not in panels  # behind the claims, details
    # Shift+Tab goes back the same way.
    assert _press_tab(qtbot, backwards=True) is visited[-1]


def test_tab_goes_down_the_memo_header_row_by_row_then_into_the_sections(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    complete.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    header = complete.note_workspace.editor.header_form
    start = next(e for e in header.findChildren(QLineEdit) if e.accessibleName() == "Memo to")
    _focus(qtbot, start)
    names = []
    while len(names) < 20 and names[-1:] != ["Summary section"]:
        names.append(_press_tab(qtbot).accessibleName())
    assert names == [
        "Memo from",
        "Memo date",
        "Memo subject",
        "Note marking",
        "Prepared by: name",
        "Prepared by: date",
        "Reviewed by: name",
        "Reviewed by: date",
        "Approved by: name",
        "Approved by: date",
        "Summary section",
    ]


def test_tab_goes_down_the_source_details_as_the_rows_are_seen(
    qtbot: QtBot, complete: MainWindow
) -> None:
    panel = complete.source_panel
    _focus(qtbot, panel.edits["title"])
    names = [_press_tab(qtbot).accessibleName() for _ in range(8)]
    assert names == [
        "Byline",
        "Outlet",
        "Published",
        "URL",
        "Language",
        "Reliability",
        "Marking",
        "Analyst note",  # last, as on screen (it came before the title)
    ]


def test_f6_goes_round_the_panels_as_they_are_seen_onto_a_field_in_each(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    complete.sources.select_claim(demo_lib.claims.by_key("C1").id)
    _focus(qtbot, complete.library_panel.view)
    landed = []
    for _ in range(6):
        complete.next_panel_action.trigger()
        focus = QApplication.focusWidget()
        assert focus is not None
        landed.append(focus)
    assert [_panel_of(complete, w) for w in landed] == [
        "Tags",
        "centre",
        "Claims table",
        "Claim inspector",
        "Source details",
        "Sources",
    ]
    # Onto something that shows the focus: the reader, not its tabs; a field, not the form.
    assert landed[1] is complete.reader
    assert [w for w in landed if isinstance(w, (QScrollArea, QTabBar))] == []
    assert all(_in_sight(complete, w) for w in landed)
    # Back in a panel, F6 returns to the field left there.
    complete.source_panel.edits["outlet"].setFocus()
    complete.previous_panel_action.trigger()
    complete.next_panel_action.trigger()
    assert QApplication.focusWidget() is complete.source_panel.edits["outlet"]


def _show_weighing_views(qtbot: QtBot, window: MainWindow) -> None:
    for name in ("board", "matrix", "chronology"):
        window.docks.docks[name].toggleViewAction().trigger()
    qtbot.waitUntil(lambda: len(window.board.view.columns) >= 2)
    qtbot.waitUntil(lambda: window.matrix.model.rowCount() > 0)


def test_tab_moves_on_from_every_list_and_table_of_the_weighing_views(
    qtbot: QtBot, complete: MainWindow
) -> None:
    _show_weighing_views(qtbot, complete)
    assumptions = complete.matrix.panel.assumptions.table
    qtbot.waitUntil(lambda: assumptions.rowCount() > 0)  # the demo's key assumption A1
    trapped = []
    for view in complete.findChildren(QAbstractItemView):
        takes_tab = view.focusPolicy() & Qt.FocusPolicy.TabFocus  # not a table's header
        if not takes_tab or view.window() is not complete or not _in_sight(complete, view):
            continue
        _focus(qtbot, view)
        if view.model() is not None and view.model().rowCount() > 0:
            view.setCurrentIndex(view.model().index(0, 0))
        if _press_tab(qtbot) is view or view.isAncestorOf(QApplication.focusWidget()):
            trapped.append(view.accessibleName())
    # Tab went from cell to cell in the key assumptions: no way on but the mouse or F6.
    assert trapped == []


def test_the_window_opens_with_the_keyboard_focus_in_the_reader(
    qtbot: QtBot, complete: MainWindow
) -> None:
    # Not on the Reader/Note tabs, which showed no focus (arrow keys switched tabs).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is complete.reader


def test_a_panel_shown_from_the_view_menu_takes_the_keyboard_focus(
    qtbot: QtBot, complete: MainWindow
) -> None:
    _focus(qtbot, complete.reader)
    chronology = complete.docks.docks["chronology"]
    chronology.toggleViewAction().trigger()  # View ▸ Panels ▸ Chronology
    # Typing went on in the reader or note left behind, out of sight under the new panel.
    qtbot.waitUntil(lambda: chronology.isAncestorOf(QApplication.focusWidget()))
    assert _in_sight(complete, QApplication.focusWidget())


def _spoken_name(widget: QWidget) -> str:
    """Return the name a screen reader says for widget (a combo's is its label, not its value)."""
    if isinstance(widget, QComboBox):
        window = widget.window()
        labels = [label for label in window.findChildren(QLabel) if label.buddy() is widget]
        return widget.accessibleName() or (labels[0].text() if labels else "")
    accessible = QAccessible.queryAccessibleInterface(widget)
    return accessible.text(QAccessible.Text.Name) if accessible is not None else ""


def _nameless(stops: list[QWidget], where: str) -> list[str]:
    return [f"{where}: {type(w).__name__} in {type(w.parentWidget()).__name__}" for w in stops
            if not _spoken_name(w)]  # fmt: skip


def test_every_field_tab_reaches_in_the_window_has_a_name_for_screen_readers(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    complete.sources.select_claim(demo_lib.claims.by_key("C7").id)  # the inspector's fields
    nameless = _nameless(tab_stops(complete), "reading")
    complete.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    nameless += _nameless(tab_stops(complete), "writing")
    _show_weighing_views(qtbot, complete)
    for name in ("board", "matrix", "chronology"):
        complete.docks.docks[name].raise_()
        nameless += _nameless(panel_stops(complete.docks.docks[name], focus_chain(complete)), name)
    # A quote too long for its box takes the focus to scroll: it says "Quote".
    nameless += _nameless([complete.inspector.quote_box], "a long quote")
    assert nameless == []


def _dialogs(window: MainWindow, lib: Library) -> list[QDialog]:
    from briefing_app.core.templates import load_templates
    from briefing_app.gui.backup.restore_dialog import RestoreBackupDialog
    from briefing_app.gui.dialogs.about_dialog import AboutDialog
    from briefing_app.gui.dialogs.claim_picker import ClaimPicker, PickableClaim
    from briefing_app.gui.dialogs.export_dialog import ExportDialog
    from briefing_app.gui.dialogs.new_note_dialog import NewNoteDialog
    from briefing_app.gui.dialogs.project_report import ProjectReportDialog
    from briefing_app.gui.dialogs.replace_dialog import ReplaceDialog
    from briefing_app.gui.dialogs.text_dialog import TextDialog
    from briefing_app.gui.matrix.assumptions import AssumptionDialog
    from briefing_app.gui.review.dialogs import CommentDialog, SuggestEditDialog, TextPrompt
    from briefing_app.gui.review.versions_dialog import VersionsDialog
    from briefing_app.gui.suggest.merge_party_dialog import MergePartyDialog

    assert lib.path is not None
    note = lib.notes.all()[0]
    sections = [("summary", "Summary"), ("issue", "Issue")]
    return [
        NewNoteDialog(list(load_templates().values()), window),
        ClaimPicker([PickableClaim.of(c) for c in lib.claims.all()], window),
        ExportDialog(note.title, "footnotes", None, window),
        ReplaceDialog(window, "Khatlon"),
        AssumptionDialog(window, None),
        MergePartyDialog(window, ["Taliban", "Taliban administration"], "Taliban"),
        VersionsDialog(window, lib, note.id),
        CommentDialog(window, sections, "summary", "the quote"),
        SuggestEditDialog(window, "old words"),
        TextPrompt(window, "Reason", "Why", False),
        TextDialog(window, "Rename", "Title", "Old", lambda _text: None),
        RestoreBackupDialog(window, lib.path),
        ProjectReportDialog(window, "Exported", "2 sources", ["one", "two"]),
        AboutDialog(window, lib.path),
    ]


def _out_of_reading_order(stops: list[QWidget], dialog: QDialog) -> list[str]:
    """Pairs of stops where Tab goes back up, or leftwards along a row."""
    places = [(w, w.mapTo(dialog, QPoint(0, 0))) for w in stops]
    return [
        f"{_spoken_name(a)!r} before {_spoken_name(b)!r}"
        for (a, p), (b, q) in itertools.pairwise(places)
        if q.y() < p.y() - _ROW or (abs(q.y() - p.y()) <= _ROW and q.x() < p.x())
    ]


_ROW = 8  # pixels: fields this close in height are one row


def test_every_dialog_names_its_fields_and_tabs_through_them_as_they_are_read(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    problems = []
    dialogs = _dialogs(complete, demo_lib)
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        title = dialog.windowTitle()
        stops = focus_chain(dialog)
        problems += _nameless(stops, title)
        problems += [f"{title}: {pair}" for pair in _out_of_reading_order(stops, dialog)]
        dialog.close()
    # Gone while their Python halves (their models) are still held, as a dialog's ask() does.
    for dialog in dialogs:
        dialog.deleteLater()
    qtbot.waitUntil(lambda: all(not shiboken6.isValid(d) for d in dialogs))
    assert problems == []


def _keyboard_section() -> str:
    guide = (Path(__file__).parents[2] / "docs" / "user-guide.md").read_text(encoding="utf-8")
    start = guide.index("\n## Keyboard\n")
    return guide[start : guide.index("\n## ", start + 1)]


def test_every_shortcut_and_menu_letter_is_in_the_guides_keyboard_section(
    qtbot: QtBot, complete: MainWindow
) -> None:
    section = _keyboard_section()
    _show_weighing_views(qtbot, complete)
    actions = {a for w in [complete, *complete.findChildren(QWidget)] for a in w.actions()}
    keys = {
        k.toString(QKeySequence.SequenceFormat.NativeText) for a in actions for k in a.shortcuts()
    }
    # The suggestion keys, named in View ▸ Suggestions after a tab.
    keys |= {a.text().split("\t")[1] for a in complete.suggestions.suggestion_actions}
    keys = {k.replace("Return", "Enter") for k in keys}
    missing = sorted(k for k in keys if f"**{k}**" not in section)
    menus = [QKeySequence.mnemonic(a.text()).toString() for a in complete.menuBar().actions()]
    missing += [m for m in menus if f"**{m}**" not in section]
    assert missing == []


def _menu_opened_by(qtbot: QtBot, widget: QWidget, key: Qt.Key, shift: bool = False) -> list[str]:
    """Press key on widget; return the entries of the menu that opened (closing it)."""
    from PySide6.QtCore import QTimer

    entries: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            entries.extend(a.text() for a in menu.actions() if not a.isSeparator())
            menu.close()

    QTimer.singleShot(0, read_and_close)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(widget, key, modifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    window = widget.window()
    window.activateWindow()  # the offscreen platform does not give it back from a popup
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return entries


def test_shift_f10_opens_the_menu_of_the_claim_or_card_with_the_focus(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    view = complete.claims_panel.view
    complete.sources.select_claim(demo_lib.claims.by_key("C1").id)
    _focus(qtbot, view)
    entries = _menu_opened_by(qtbot, view, Qt.Key.Key_F10, shift=True)
    assert any("question" in e.lower() for e in entries), entries
    _show_weighing_views(qtbot, complete)
    complete.docks.docks["board"].raise_()  # the matrix came in front of it
    column = complete.board.view.columns[0]
    column.cards.setCurrentIndex(column.cards.model().index(0, 0))
    _focus(qtbot, column.cards)
    entries = _menu_opened_by(qtbot, column.cards, Qt.Key.Key_F10, shift=True)
    assert any(e.startswith("&Link") for e in entries), entries
