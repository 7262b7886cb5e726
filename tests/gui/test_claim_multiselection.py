"""Several claims selected in the claims table: Shift+click, Ctrl+click, Ctrl+A; the inspector
says how many; Assign to question, Delete and a drag act on all of them as one undo step."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.gui.claim_mime import keys_from_mime
from briefing_app.gui.main_window import MainWindow


def click_at(
    qtbot: QtBot,
    window: MainWindow,
    position: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Click the row at a position of the claims table, with a modifier key held."""
    model = window.claims_panel.model
    view = window.claims_panel.view
    view.scrollTo(model.index(position, 0))
    rect = view.visualRect(model.index(position, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def assign_from_menu(window: MainWindow, question_key: str) -> None:
    """Choose a question under Assign to question ▸ in the table's right-click menu."""
    menu = window.claims_panel.context_menu()
    submenu = menu.actions()[0].menu()
    assert isinstance(submenu, QMenu) and submenu.title() == "Assign to &question"
    action = next(a for a in submenu.actions() if a.text().startswith(f"{question_key} — "))
    action.trigger()
    menu.deleteLater()


def keys_at(window: MainWindow, first: int, last: int) -> list[str]:
    model = window.claims_panel.model
    return [model.row(p).key for p in range(first, last + 1)]


def test_shift_click_selects_a_range_and_assign_puts_all_on_the_question_in_one_step(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    question = demo_lib.questions.add("Who carried out the attack on the workers?")
    click_at(qtbot, window, 2)
    assert window.inspector.claim is not None  # one row: its claim, to edit
    click_at(qtbot, window, 8, Qt.KeyboardModifier.ShiftModifier)
    expected = keys_at(window, 2, 8)
    assert window.claims_panel.selected_count() == 7
    assert "7 claims selected" in window.inspector.heading.text()
    assert window.inspector.claim is None and not window.inspector.statement.isEnabled()
    steps = window.undo_stack.count()
    assign_from_menu(window, question.key)
    assert demo_lib.questions.get(question.id).claim_keys == expected
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == f"Assign 7 claims to {question.key}"
    assert window.claims_panel.selected_count() == 7  # still selected, for another question
    window.undo_stack.undo()
    assert demo_lib.questions.get(question.id).claim_keys == []
    window.undo_stack.redo()
    assert demo_lib.questions.get(question.id).claim_keys == expected


def test_the_menu_greys_a_question_holding_every_selected_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    click_at(qtbot, window, 0)
    click_at(qtbot, window, 3, Qt.KeyboardModifier.ShiftModifier)
    ids = window.claims_panel.selected_claim_ids()
    held = demo_lib.questions.add("All four", claim_ids=ids)
    some = demo_lib.questions.add("Two of them", claim_ids=ids[:2])
    submenu = window.claims_panel.context_menu().actions()[0].menu()
    assert isinstance(submenu, QMenu)
    enabled = {a.text().split(" ")[0]: a.isEnabled() for a in submenu.actions() if a.text()}
    assert enabled[held.key] is False and enabled[some.key] is True


def test_ctrl_click_adds_and_removes_rows_and_one_left_is_shown_to_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.claims_panel
    click_at(qtbot, window, 1)
    click_at(qtbot, window, 4, Qt.KeyboardModifier.ControlModifier)
    click_at(qtbot, window, 6, Qt.KeyboardModifier.ControlModifier)
    assert panel.selected_claim_ids() == [panel.model.id_at(p) for p in (1, 4, 6)]
    assert "3 claims selected" in window.inspector.heading.text()
    click_at(qtbot, window, 4, Qt.KeyboardModifier.ControlModifier)
    click_at(qtbot, window, 1, Qt.KeyboardModifier.ControlModifier)
    # Row 6 is the one left: the inspector shows it, not the row just deselected.
    assert panel.selected_claim_ids() == [panel.model.id_at(6)]
    claim = window.inspector.claim
    assert claim is not None and claim.id == panel.model.id_at(6)
    assert window.inspector.statement.isEnabled()
    click_at(qtbot, window, 2)  # a plain click: that row alone
    assert panel.selected_count() == 1


def test_shift_arrows_extend_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    click_at(qtbot, window, 3)
    view = window.claims_panel.view
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.claims_panel.selected_claim_ids() == [
        window.claims_panel.model.id_at(p) for p in range(3, 7)
    ]
    assert "4 claims selected" in window.inspector.heading.text()


def test_sorting_keeps_the_same_claims_selected(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.claims_panel
    click_at(qtbot, window, 1)
    click_at(qtbot, window, 6, Qt.KeyboardModifier.ShiftModifier)
    click_at(qtbot, window, 9, Qt.KeyboardModifier.ControlModifier)
    before = set(panel.selected_claim_ids())
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by party
    assert panel.model.ids() != sorted(panel.model.ids())  # the rows did move
    assert set(panel.selected_claim_ids()) == before
    assert "7 claims selected" in window.inspector.heading.text()


def test_deleting_several_asks_naming_the_count_and_undo_brings_them_all_back(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    asked: list[tuple[str, str]] = []
    answer = [False]

    def confirm(title: str, text: str, yes: str) -> bool:
        asked.append((title, yes))
        return answer[0]

    window.sources.confirm = confirm
    click_at(qtbot, window, 0)
    click_at(qtbot, window, 4, Qt.KeyboardModifier.ShiftModifier)
    keys = keys_at(window, 0, 4)
    total = len(demo_lib.claims.all())
    view = window.claims_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked == [("Delete 5 claims?", "Delete 5 claims")]
    assert len(demo_lib.claims.all()) == total  # Cancel kept them
    answer[0] = True
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(demo_lib.claims.all()) == total - 5
    assert window.undo_stack.undoText() == "Delete 5 claims"
    assert window.inspector.claim is None
    window.undo_stack.undo()
    assert all(demo_lib.claims.by_key(k) is not None for k in keys)
    assert len(demo_lib.claims.all()) == total


def test_a_drag_of_several_rows_carries_their_keys_in_table_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_at(qtbot, window, 5)
    click_at(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    click_at(qtbot, window, 9, Qt.KeyboardModifier.ControlModifier)
    mime = window.claims_panel.drag_data()
    assert mime is not None
    assert keys_from_mime(mime) == [*keys_at(window, 2, 5), *keys_at(window, 9, 9)]


@pytest.fixture
def many(qtbot: QtBot, lib: Library) -> Iterator[MainWindow]:
    """A window on a library of 450 claims (one source), more than the table patches row by
    row (assigning them reloads it), and one key question."""
    text = " ".join(f"Item {n} fell." for n in range(450))
    source = lib.sources.add(ExtractedDocument(title="Wire", text=text))
    with lib.write():
        for n in range(450):
            lib.claims.add(source.id, quote=f"Item {n} fell")
    lib.questions.add("Why did they fall?")
    win = MainWindow(lib)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_ctrl_a_then_assign_puts_450_claims_on_the_question_in_one_step(
    qtbot: QtBot, many: MainWindow, lib: Library
) -> None:
    view = many.claims_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert many.claims_panel.selected_count() == 450
    assert "450 claims selected" in many.inspector.heading.text()
    steps = many.undo_stack.count()
    assign_from_menu(many, "Q1")
    question = lib.questions.by_key("Q1")
    assert question.claim_keys == [f"C{n}" for n in range(1, 451)]
    assert many.undo_stack.count() == steps + 1
    assert many.claims_panel.selected_count() == 450
    assert "450 claims selected" in many.inspector.heading.text()
    many.undo_stack.undo()
    assert lib.questions.by_key("Q1").claim_keys == []
    assert many.claims_panel.selected_count() == 450


def test_deleting_every_claim_names_the_notes_whose_citations_break(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    asked: list[str] = []
    window.sources.confirm = lambda title, text, yes: asked.append(text) or False
    view = window.claims_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    total = len(demo_lib.claims.all())
    window.delete_claim_action.trigger()
    note = demo_lib.notes.all()[0]
    assert len(asked) == 1 and f"“{note.title}”" in asked[0]
    assert "Edit ▸ Undo brings them all back" in asked[0]
    assert len(demo_lib.claims.all()) == total


def test_narrowing_the_filter_keeps_the_selected_claims_it_still_shows(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    panel = window.claims_panel
    click_at(qtbot, window, 0)
    click_at(qtbot, window, panel.model.rowCount() - 1, Qt.KeyboardModifier.ShiftModifier)
    selected = panel.selected_claim_ids()
    kinds = [demo_lib.claims.get(i).kind for i in selected]
    kind = max(set(kinds), key=kinds.count)  # the commonest: several stay shown
    still_shown = [i for i, k in zip(selected, kinds, strict=True) if k == kind]
    assert 1 < len(still_shown) < len(selected)
    panel.set_filter_value(panel.kind_filter, kind)
    assert panel.model.rowCount() == len(still_shown)
    assert sorted(panel.selected_claim_ids()) == sorted(still_shown)
    assert f"{len(still_shown)} claims selected" in window.inspector.heading.text()
    # The hidden claims were let go: back to Any, an action takes only the ones kept.
    panel.set_filter_value(panel.kind_filter, None)
    assert sorted(panel.selected_claim_ids()) == sorted(still_shown)
    assert f"{len(still_shown)} claims selected" in window.inspector.heading.text()


def test_a_filter_leaving_one_of_several_selected_shows_it_to_edit(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    panel = window.claims_panel
    click_at(qtbot, window, 0)
    click_at(qtbot, window, panel.model.rowCount() - 1, Qt.KeyboardModifier.ShiftModifier)
    kinds: dict[str, list[int]] = {}
    for claim_id in panel.selected_claim_ids():
        kinds.setdefault(demo_lib.claims.get(claim_id).kind, []).append(claim_id)
    kind, (only,) = next((k, ids) for k, ids in kinds.items() if len(ids) == 1)
    panel.set_filter_value(panel.kind_filter, kind)
    assert panel.selected_claim_ids() == [only]
    claim = window.inspector.claim
    assert claim is not None and claim.id == only
    assert window.inspector.statement.isEnabled()
