"""The Board view in the real window on the demo library: Q1's positions side by side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.board.board_view import BoardColumn
from briefing_app.gui.board.card_delegate import card_layout
from briefing_app.gui.board.cards import CLAIM_ID_ROLE
from briefing_app.gui.board.controller import BoardController
from briefing_app.gui.board.relation_menu import RelationMenu
from briefing_app.gui.dialogs.new_note_dialog import NewNoteDialog, NewNoteRequest
from briefing_app.gui.dialogs.question_dialog import QuestionDialog
from briefing_app.gui.main_window import MainWindow


def shown_board(qtbot: QtBot, window: MainWindow) -> BoardController:
    """Show the Board dock as View ▸ Panels ▸ Board does; return its controller."""
    board = window.board
    dock = window.docks.docks["board"]
    dock.toggleViewAction().trigger()
    dock.raise_()
    qtbot.waitUntil(board.view.isVisible)
    qtbot.waitUntil(lambda: bool(board.view.columns))
    return board


def columns(board: BoardController) -> dict[str, BoardColumn]:
    return {c.party: c for c in board.view.columns}


def card_texts(column: BoardColumn) -> list[str]:
    model = column.model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_the_board_shows_one_column_per_party_with_independent_sources(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    demo_lib.claims.update(claim_id(demo_lib, "C9"), event_date="2025-11")
    board = shown_board(qtbot, window)
    assert board.view.picker.currentText().startswith("Q1 — Who carried out the Khatlon attack?")
    found = columns(board)
    assert list(found) == ["Tajik authorities", "Taliban administration"]
    assert [c.independent_sources for c in found.values()] == [1, 1]
    assert "2 claims · 1 independent source" in found["Taliban administration"].header.text()
    tajik = card_texts(found["Tajik authorities"])
    assert len(tajik) == 1 and tajik[0].startswith("C9 · allegation · source F · cred. 3")
    assert "2025-11 (month)" in tajik[0]
    assert "contradicts C6" in tajik[0] and "contradicts C7" in tajik[0]
    assert "suggested: disputed" in tajik[0]


def claim_id(lib: Library, key: str) -> int:
    claim = lib.claims.by_key(key)
    assert claim is not None
    return claim.id


def card_point(board: BoardController, lib: Library, key: str) -> tuple[QWidget, QPoint]:
    """Return the viewport showing a claim's card and the card's centre in it."""
    index = board.view.card_index(claim_id(lib, key))
    column = board.view.column_of(claim_id(lib, key))
    assert column is not None and index.isValid()
    column.cards.scrollTo(index)
    return column.cards.viewport(), column.cards.visualRect(index).center()


def drop(viewport: QWidget, point: QPoint, mime: QMimeData) -> None:
    """Drag mime over viewport and drop it at point, as the mouse delivers it."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(point, actions, mime, buttons, keys))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), actions, mime, buttons, keys))


def card_mime(board: BoardController, lib: Library, key: str) -> QMimeData:
    column = board.view.column_of(claim_id(lib, key))
    assert column is not None
    return column.model.mimeData([board.view.card_index(claim_id(lib, key))])


def test_dropping_a_card_on_another_links_them_and_undo_unlinks(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    asked: list[tuple[str, str]] = []

    def choose(cls: type, parent: object, where: QPoint, a: str, b: str) -> str:
        asked.append((a, b))
        return "corroborates"

    monkeypatch.setattr(RelationMenu, "ask", classmethod(choose))
    viewport, point = card_point(board, demo_lib, "C6")
    drop(viewport, point, card_mime(board, demo_lib, "C7"))

    assert asked == [("C7", "C6")]
    link = demo_lib.relations.between(claim_id(demo_lib, "C7"), claim_id(demo_lib, "C6"))
    assert link is not None and (link.from_key, link.relation) == ("C7", "corroborates")
    assert window.undo_action.text() == "&Undo Link C7 corroborates C6"
    taliban = columns(board)["Taliban administration"]
    assert "corroborates C7" in card_texts(taliban)[0]  # the board followed

    window.undo_stack.undo()
    assert demo_lib.relations.between(claim_id(demo_lib, "C7"), claim_id(demo_lib, "C6")) is None
    assert "corroborates" not in card_texts(columns(board)["Taliban administration"])[0]
    window.undo_stack.redo()
    assert "corroborates C7" in card_texts(columns(board)["Taliban administration"])[0]


def test_a_refused_link_says_why_in_one_line_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    monkeypatch.setattr(RelationMenu, "ask", classmethod(lambda cls, *args: "repeats"))
    before = demo_lib.relations.all()
    viewport, point = card_point(board, demo_lib, "C9")
    drop(viewport, point, card_mime(board, demo_lib, "C6"))
    assert demo_lib.relations.all() == before
    message = window.statusBar().currentMessage()
    assert "C6 and C9 are already linked (C9 contradicts C6)" in message
    assert not window.undo_stack.canUndo()


def test_a_card_dropped_on_itself_or_a_dismissed_menu_links_nothing(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    asked: list[str] = []
    monkeypatch.setattr(
        RelationMenu, "ask", classmethod(lambda cls, p, w, a, b: asked.append(b) or None)
    )
    viewport, point = card_point(board, demo_lib, "C6")
    drop(viewport, point, card_mime(board, demo_lib, "C6"))
    assert asked == []  # back on its own card: no menu
    drop(viewport, point, card_mime(board, demo_lib, "C7"))
    assert asked == ["C6"]
    assert len(demo_lib.relations.all()) == 2
    assert not window.undo_stack.canUndo()


def test_assigning_from_the_claims_table_adds_a_column_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    window.sources.select_claim(claim_id(demo_lib, "C8"))  # Tajik officials
    menu = window.claims_panel.context_menu()
    assign = submenu(menu, "Assign to &question")
    action(assign, "Q1 — Who carried out the Khatlon attack?").trigger()

    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7", "C8"]
    assert "Tajik officials" in columns(board)
    assert window.undo_action.text() == "&Undo Assign 1 claim to Q1"
    window.undo_stack.undo()
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7"]
    assert "Tajik officials" not in columns(board)

    # Already there: offered greyed out.
    window.sources.select_claim(claim_id(demo_lib, "C9"))
    assign = submenu(window.claims_panel.context_menu(), "Assign to &question")
    assert not action(assign, "Q1 — Who carried out the Khatlon attack?").isEnabled()


def test_new_question_from_the_claims_table_is_one_step_with_its_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    monkeypatch.setattr(
        QuestionDialog, "ask", classmethod(lambda cls, parent, title, text="": "How many died?")
    )
    window.sources.select_claim(claim_id(demo_lib, "C5"))
    action(
        submenu(window.claims_panel.context_menu(), "Assign to &question"), "&New question…"
    ).trigger()

    q2 = demo_lib.questions.by_key("Q2")
    assert (q2.text, q2.claim_keys) == ("How many died?", ["C5"])
    assert board.view.picker.count() == 2
    assert window.undo_action.text() == "&Undo New question Q2 with 1 claim"
    window.undo_stack.undo()
    assert [q.key for q in demo_lib.questions.all()] == ["Q1"]
    assert board.view.picker.count() == 1
    window.undo_stack.redo()
    assert demo_lib.questions.by_key("Q2").claim_keys == ["C5"]


def submenu(menu: QMenu, title: str) -> QMenu:
    for a in menu.actions():
        if a.text() == title and a.menu() is not None:
            found = a.menu()
            assert isinstance(found, QMenu)
            return found
    raise AssertionError(f"no submenu {title!r} in {[a.text() for a in menu.actions()]}")


def action(menu: QMenu, text: str) -> QAction:
    for a in menu.actions():
        if a.text() == text:
            return a
    raise AssertionError(f"no action {text!r} in {[a.text() for a in menu.actions()]}")


def test_double_clicking_a_card_opens_the_claim_in_its_source(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    c7 = demo_lib.claims.get(claim_id(demo_lib, "C7"))
    viewport, point = card_point(board, demo_lib, "C7")
    # A real double-click starts with a click (Qt's item views need its press first).
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)

    assert window.reader.source_id == c7.source_id
    assert window.reader.textCursor().selectedText() == c7.quote
    assert window.inspector.claim is not None and window.inspector.claim.key == "C7"
    assert window.workspace_tabs.currentWidget() is window.reader_page

    # From the keyboard: Enter on the current card.
    c9 = demo_lib.claims.get(claim_id(demo_lib, "C9"))
    column = board.view.column_of(c9.id)
    assert column is not None
    column.cards.setFocus()  # the analyst is on the board, not in the reader
    column.cards.setCurrentIndex(board.view.card_index(c9.id))
    qtbot.keyClick(column.cards, Qt.Key.Key_Return)
    assert window.reader.textCursor().selectedText() == c9.quote


def test_dropping_a_card_into_a_note_section_cites_the_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    monkeypatch.setattr(
        NewNoteDialog,
        "ask",
        classmethod(lambda cls, parent, t: NewNoteRequest("briefing-note", "Board note")),
    )
    window.note_workspace.new_action.trigger()
    note = window.note_workspace.note
    assert note is not None
    issue = window.note_workspace.editor.editor("issue")
    assert issue is not None
    issue.setFocus()
    qtbot.keyClicks(issue, "Kabul denies it.")

    mime = card_mime(board, demo_lib, "C6")
    assert mime.text() == "[@C6]"
    end = issue.cursorRect(issue.textCursor()).center()
    drop(issue.viewport(), end, mime)

    assert issue.body() == "Kabul denies it. [@C6]"
    qtbot.waitUntil(
        lambda: demo_lib.notes.get(note.id).section("issue").body.endswith("[@C6]")  # type: ignore[union-attr]
    )


def test_clicking_a_suggested_status_accepts_it_as_one_undoable_step(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    c9 = claim_id(demo_lib, "C9")
    assert demo_lib.claims.get(c9).status == "unverified"
    column = board.view.column_of(c9)
    assert column is not None
    index = board.view.card_index(c9)
    rect = column.cards.visualRect(index).adjusted(2, 2, -2, -2)
    chip = card_layout(rect, column.cards.fontMetrics()).suggestion
    qtbot.mouseClick(column.cards.viewport(), Qt.MouseButton.LeftButton, pos=chip.center())

    assert demo_lib.claims.get(c9).status == "disputed"
    # Accepted, the suggestion is no longer offered.
    assert "suggested" not in card_texts(columns(board)["Tajik authorities"])[0]
    window.undo_stack.undo()
    assert demo_lib.claims.get(c9).status == "unverified"
    assert "suggested: disputed" in card_texts(columns(board)["Tajik authorities"])[0]


def test_a_claim_highlight_in_the_reader_offers_assign_to_question(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    monkeypatch.setattr(
        QuestionDialog, "ask", classmethod(lambda cls, parent, title, text="": "Why now?")
    )
    c1 = demo_lib.claims.get(claim_id(demo_lib, "C1"))
    window.sources.show_claim(c1.id)
    reader = window.reader
    cursor = reader.textCursor()
    cursor.setPosition(cursor.selectionStart() + 2)
    point = reader.cursorRect(cursor).center()
    menu = reader.context_menu(point)
    assign = submenu(menu, "Assign to &question")
    action(assign, "Q1 — Who carried out the Khatlon attack?").trigger()
    assert demo_lib.questions.by_key("Q1").claim_keys[-1] == "C1"
    assert "Government of China" in columns(board)
    action(submenu(reader.context_menu(point), "Assign to &question"), "&New question…").trigger()
    assert demo_lib.questions.by_key("Q2").claim_keys == ["C1"]

    # Off a highlight, the menu is the usual one.
    cursor.setPosition(reader.toPlainText().index("following a deadly attack"))
    plain = reader.context_menu(reader.cursorRect(cursor).center())
    assert plain.actions()  # Copy, Select All and the like
    assert all(a.text() != "Assign to &question" for a in plain.actions())


def test_the_inspector_lists_a_claims_questions_and_ticks_assign_or_remove(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    demo_lib.questions.add("How many died?")
    c6 = claim_id(demo_lib, "C6")
    window.sources.select_claim(c6)
    inspector = window.inspector
    assert inspector.questions.text() == "Q1 — Who carried out the Khatlon attack?"
    assert inspector.questions_menu is not None
    menu = inspector.questions_menu(c6, inspector)
    q1, q2 = (
        action(menu, t) for t in ("Q1 — Who carried out the Khatlon attack?", "Q2 — How many died?")
    )
    assert q1.isChecked() and not q2.isChecked()

    q1.trigger()  # untick: C6 comes off Q1
    assert "C6" not in demo_lib.questions.by_key("Q1").claim_keys
    assert inspector.questions.text() == "None"
    assert columns(board)["Taliban administration"].model.rowCount() == 1
    action(inspector.questions_menu(c6, inspector), "Q2 — How many died?").trigger()
    assert inspector.questions.text() == "Q2 — How many died?"

    window.undo_stack.undo()
    window.undo_stack.undo()
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7"]  # its place back
    assert inspector.questions.text() == "Q1 — Who carried out the Khatlon attack?"
    assert columns(board)["Taliban administration"].model.rowCount() == 2


def test_new_rename_and_delete_a_question_from_the_board_each_undo(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = shown_board(qtbot, window)
    view = board.view
    answers = iter(["How many died?", "How many were killed?"])
    monkeypatch.setattr(
        QuestionDialog, "ask", classmethod(lambda cls, parent, title, text="": next(answers))
    )
    view.new_button.click()
    assert view.picker.currentText() == "Q2 — How many died?"
    assert view.columns == [] and "Q2 has no claims yet" in view.hint.text()

    view.rename_button.click()
    assert demo_lib.questions.by_key("Q2").text == "How many were killed?"
    assert view.picker.currentText() == "Q2 — How many were killed?"
    window.undo_stack.undo()
    assert view.picker.currentText() == "Q2 — How many died?"

    view.delete_button.click()
    assert [q.key for q in demo_lib.questions.all()] == ["Q1"]
    assert view.picker.currentText().startswith("Q1 — ")  # the board moves to what is left
    assert list(columns(board)) == ["Tajik authorities", "Taliban administration"]
    window.undo_stack.undo()
    assert [view.picker.itemText(i)[:2] for i in range(view.picker.count())] == ["Q1", "Q2"]


def test_claims_dropped_from_the_table_into_a_column_are_assigned(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    model = window.claims_panel.model
    row = model.position_of(claim_id(demo_lib, "C10"))
    assert row is not None
    mime = model.mimeData([model.index(row, 0)])
    cards = columns(board)["Tajik authorities"].cards
    below = QPoint(20, cards.viewport().height() - 5)  # under the only card
    assert not cards.indexAt(below).isValid()
    drop(cards.viewport(), below, mime)
    assert demo_lib.questions.by_key("Q1").claim_keys[-1] == "C10"
    assert "(no party)" in columns(board)


def test_the_board_follows_changes_made_elsewhere(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    assert demo_lib.path is not None
    with Library.open(demo_lib.path, backup=False) as other:  # the CLI, another window
        c7 = other.claims.by_key("C7")
        c8 = other.claims.by_key("C8")
        assert c7 is not None and c8 is not None
        other.claims.update(c7.id, party="Taliban spokesman")
        other.relations.link(c8.id, "corroborates", c7.id)
        other.questions.assign(other.questions.by_key("Q1").id, [c8.id])
        other.questions.add("How many died?")
    window.outside.poll()

    found = columns(board)
    assert list(found) == [
        "Tajik authorities", "Taliban administration", "Taliban spokesman", "Tajik officials"
    ]  # fmt: skip
    assert "corroborates C7" in card_texts(found["Tajik officials"])[0]
    assert board.view.picker.count() == 2

    # Deleted here (the claims table, the inspector): its card goes.
    window.sources.confirm = lambda title, text, yes: True  # the demo note cites it
    window.sources.delete_claim(claim_id(demo_lib, "C8"))
    assert "Tajik officials" not in columns(board)


def test_a_hidden_board_reads_the_library_only_when_shown_again(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    dock = window.docks.docks["board"]
    dock.hide()
    q1 = demo_lib.questions.by_key("Q1")
    c8 = claim_id(demo_lib, "C8")
    demo_lib.questions.assign(q1.id, [c8])
    assert "Tajik officials" not in columns(board)  # not read while hidden
    dock.show()
    qtbot.waitUntil(lambda: "Tajik officials" in columns(board))


def test_a_cards_menu_unlinks_accepts_and_takes_it_off_the_question(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    c6 = claim_id(demo_lib, "C6")
    menu = board.card_menu(c6)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&Open in source", "&Accept suggested status: disputed"]
    action(submenu(menu, "&Unlink"), "C9 contradicts C6").trigger()
    assert demo_lib.relations.between(c6, claim_id(demo_lib, "C9")) is None
    assert "contradicts" not in card_texts(columns(board)["Taliban administration"])[0]

    action(board.card_menu(c6), "&Remove C6 from Q1").trigger()
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C7"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7"]
    assert "contradicts C9" in card_texts(columns(board)["Taliban administration"])[0]


def test_dropping_a_card_on_one_it_is_linked_to_says_so_in_the_menu(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    from PySide6.QtCore import QTimer

    board = shown_board(qtbot, window)
    seen: list[tuple[str, bool]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend((a.text(), a.isEnabled()) for a in menu.actions() if a.text())
        menu.close()

    QTimer.singleShot(0, read_menu)
    viewport, point = card_point(board, demo_lib, "C9")
    drop(viewport, point, card_mime(board, demo_lib, "C6"))
    # The pair's link is named at the top; no other can be picked (claims are linked once).
    assert seen[0] == ("Already linked: C9 contradicts C6 (right-click a card to unlink)", False)
    assert [enabled for _text, enabled in seen[1:]] == [False] * 4
    assert len(demo_lib.relations.all()) == 2 and not window.undo_stack.canUndo()


def test_the_current_card_keeps_the_keyboard_through_a_link_and_its_undo(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    board = shown_board(qtbot, window)
    c7 = claim_id(demo_lib, "C7")
    column = board.view.column_of(c7)
    assert column is not None
    column.cards.setCurrentIndex(board.view.card_index(c7))
    column.cards.setFocus()
    qtbot.waitUntil(column.cards.hasFocus)

    def on_c7() -> bool:
        focus = QApplication.focusWidget()
        now = board.view.column_of(c7)
        return (
            now is not None
            and focus is now.cards
            and now.cards.currentIndex().data(CLAIM_ID_ROLE) == c7
        )

    assert board.link(c7, "corroborates", claim_id(demo_lib, "C6"))  # the columns are rebuilt
    qtbot.waitUntil(on_c7)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_lib.relations.between(c7, claim_id(demo_lib, "C6")) is None
    qtbot.waitUntil(on_c7)  # Ctrl+Z again would undo the next step, from the same card


def test_column_headings_stay_in_sight_after_a_card_is_clicked_at_1366x768(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.resize(1366, 728)  # a 1366×768 screen, less the window's frame
    board = shown_board(qtbot, window)
    area = board.view.positions_area

    def headings_in_sight() -> bool:
        # The party names head their columns, unclipped, and the board has nothing to scroll
        # them away with (its vertical scroll bar is hidden): the cards scroll, in each column.
        tops = [c.header.mapTo(area.viewport(), QPoint(0, 0)).y() for c in board.view.columns]
        return min(tops) >= 0 and area.verticalScrollBar().maximum() == 0

    qtbot.waitUntil(lambda: area.viewport().height() < area.widget().sizeHint().height())
    assert headings_in_sight()
    c9 = claim_id(demo_lib, "C9")
    column = board.view.column_of(c9)
    assert column is not None
    rect = column.cards.visualRect(board.view.card_index(c9)).adjusted(2, 2, -2, -2)
    chip = card_layout(rect, column.cards.fontMetrics()).suggestion
    qtbot.mouseClick(column.cards.viewport(), Qt.MouseButton.LeftButton, pos=chip.center())
    assert demo_lib.claims.get(c9).status == "disputed"
    assert headings_in_sight()


def test_two_cards_are_linked_from_the_keyboard_through_the_card_s_menu(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    board = shown_board(qtbot, window)
    c6, c7 = claim_id(demo_lib, "C6"), claim_id(demo_lib, "C7")
    column = board.view.column_of(c6)
    assert column is not None
    cards = column.cards
    cards.setCurrentIndex(board.view.card_index(c6))
    cards.setFocus()
    qtbot.waitUntil(cards.hasFocus)
    offered: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        try:
            link = submenu(menu, "&Link C6 to")
            offered.extend(a.text() for a in link.actions())
            target = next(a.menu() for a in link.actions() if a.text().startswith("C7 "))
            assert isinstance(target, QMenu)
            action(target, "C6 repeats C7").trigger()
        finally:
            menu.close()

    QTimer.singleShot(0, choose)
    # The menu key (or Shift+F10) on the current card, as a keyboard user opens its menu.
    where = cards.visualRect(cards.currentIndex()).center()
    QApplication.sendEvent(
        cards.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, where, cards.mapToGlobal(where)),
    )
    assert [t.split(" ")[0] for t in offered] == ["C9", "C7"]  # the board's other cards
    relation = demo_lib.relations.between(c6, c7)
    assert relation is not None and relation.relation == "repeats"
    window.undo_stack.undo()
    assert demo_lib.relations.between(c6, c7) is None


@pytest.mark.parametrize("width", [180, 240, 270, 400])
def test_a_cards_head_never_paints_its_kind_under_its_event_date(qtbot: QtBot, width: int) -> None:
    # At 1366x768 a card is about 270 px wide: "■ official statement" and
    # "2025-03-02T03:40 (minute)" were painted over each other.
    from PySide6.QtGui import QFont, QFontMetrics

    from briefing_app.gui.board.card_delegate import head_texts

    bold = QFont()
    bold.setBold(True)
    fm, fm_bold = QFontMetrics(QFont()), QFontMetrics(bold)
    key, kind, when = "C11", "official statement", "2025-03-02T03:40 (minute)"
    kind_text, date_text = head_texts(fm, fm_bold, width, key, kind, when)
    used = (
        fm_bold.horizontalAdvance(key + "  ")
        + fm.horizontalAdvance(kind_text)
        + fm.horizontalAdvance("  ")
        + fm.horizontalAdvance(date_text)
    )
    assert used <= width
    assert date_text.startswith("2025-03-02")  # the date is never dropped
    if width >= 400:
        assert (kind_text, date_text) == (f"■ {kind}", when)  # room for all: nothing cut


def test_deleting_a_question_with_a_matrix_asks_first_and_says_what_goes(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    # One click on Delete took Q1's whole matrix (15 ratings), its assumption and a note's
    # judgment, without a word.
    from briefing_app.core.ach.judgments import judge

    board = shown_board(qtbot, window)
    note = demo_lib.notes.all()[0]
    judge(demo_lib, note.id, demo_lib.questions.by_key("Q1").id, "H1", "low")
    asked: list[str] = []
    board.confirm = lambda title, text, yes: asked.append(text) or False
    board.view.delete_button.click()
    assert asked == [
        "Deleting Q1 takes its matrix: 3 hypotheses, 15 ratings, 1 absence of evidence, "
        f"1 key assumption and the judgment of the note “{note.title}” with it; its claims "
        "stay. (Edit ▸ Undo brings it all back.)"
    ]
    assert [q.key for q in demo_lib.questions.all()] == ["Q1"]  # Cancel kept it
    board.confirm = lambda title, text, yes: True
    board.view.delete_button.click()
    assert demo_lib.questions.all() == []
