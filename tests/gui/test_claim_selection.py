"""The inspector shows exactly the selected claim: after accept, filter, source switch, undo
and delete; a chosen row is marked in the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from tests.gui.test_suggestions import (
    _denial_row,
    _open_window,
    _taliban_denial_unclaimed,
    _wait_for_suggestions,
)


def click_row(qtbot: QtBot, window: MainWindow, key: str) -> int:
    """Click a claim's row in the table; return the claim's id."""
    claim = window.lib.claims.by_key(key)
    assert claim is not None
    model = window.claims_panel.model
    position = model.position_of(claim.id)
    assert position is not None
    view = window.claims_panel.view
    view.scrollTo(model.index(position, 0))
    rect = view.visualRect(model.index(position, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return claim.id


def tag_new(window: MainWindow) -> str:
    """Tag the reader's first words as a new claim (one no note cites); return its key."""
    window.reader.select_span(0, 5)
    window.tag_action.trigger()
    claim = window.inspector.claim
    assert claim is not None
    return claim.key


def shown(window: MainWindow) -> int | None:
    claim = window.inspector.claim
    return None if claim is None else claim.id


def test_choosing_a_row_shows_its_claim_and_marks_it_in_the_reader(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    claim_id = click_row(qtbot, window, "C7")
    claim = demo_lib.claims.get(claim_id)
    assert shown(window) == claim_id
    assert window.reader.selection_span() == (claim.start, claim.end)


def test_after_accepting_a_suggestion_the_inspector_shows_the_selected_row(
    qtbot: QtBot, demo_lib: Library
) -> None:
    _taliban_denial_unclaimed(demo_lib)
    win = _open_window(qtbot, demo_lib)
    _wait_for_suggestions(qtbot, win)
    # Newest first: the new claim's row goes on top, and every other row moves down one.
    win.claims_panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    selected = click_row(qtbot, win, "C3")
    panel = win.suggestions.suggestions_panel
    panel.list.setCurrentRow(_denial_row(win))
    before = {c.id for c in demo_lib.claims.all()}
    assert win.suggestions.accept_suggestion(panel.suggestions[_denial_row(win)]) is not None
    assert len(demo_lib.claims.all()) == len(before) + 1
    assert win.claims_panel.current_claim_id() == selected
    assert shown(win) == selected
    win.close()


def test_a_filter_hiding_the_selected_claim_empties_the_inspector(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_row(qtbot, window, "C6")  # a denial
    panel = window.claims_panel
    panel.set_filter_value(panel.kind_filter, "allegation")
    assert shown(window) is None
    assert not window.claims_panel.view.selectionModel().hasSelection()
    still = click_row(qtbot, window, "C7")  # an allegation: a filter that keeps it, keeps it
    panel.set_filter_value(panel.status_filter, "unverified")
    assert shown(window) == still


def test_opening_another_source_empties_the_inspector(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    click_row(qtbot, window, "C2")
    other = demo_lib.sources.add(ExtractedDocument(title="Port strike", text="Dockers stopped."))
    window.sources.open_source(other.id)
    assert shown(window) is None
    assert window.claims_panel.current_claim_id() is None


def test_undoing_a_new_claim_empties_the_inspector(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.reader.select_span(0, 5)
    window.tag_action.trigger()
    created = shown(window)
    assert created is not None and demo_lib.claims.get(created).end == 5
    window.undo_stack.undo()
    assert shown(window) is None
    window.undo_stack.redo()
    assert shown(window) in (None, created)
    assert shown(window) == window.claims_panel.current_claim_id()


def test_after_a_delete_nothing_is_selected_and_a_second_del_deletes_nothing(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    uncited = tag_new(window)  # no note cites it: deleted without asking
    click_row(qtbot, window, uncited)
    count = len(demo_lib.claims.all())
    view = window.claims_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(demo_lib.claims.all()) == count - 1
    assert shown(window) is None
    assert window.claims_panel.current_claim_id() is None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(demo_lib.claims.all()) == count - 1


def test_deleting_a_cited_claim_asks_first_naming_the_notes(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    note = demo_lib.notes.all()[0]
    cited = demo_lib.notes.cited_keys(note)[0]
    asked: list[str] = []
    answer = [False]

    def confirm(title: str, text: str, yes: str) -> bool:
        asked.append(text)
        return answer[0]

    window.sources.confirm = confirm
    claim_id = click_row(qtbot, window, cited)
    window.delete_claim_action.trigger()
    assert len(asked) == 1 and f"“{note.title}”" in asked[0] and cited in asked[0]
    assert demo_lib.claims.by_key(cited) is not None  # Cancel kept it
    assert shown(window) == claim_id
    answer[0] = True
    window.inspector.delete_button.click()
    assert demo_lib.claims.by_key(cited) is None
    uncited = tag_new(window)
    click_row(qtbot, window, uncited)
    window.delete_claim_action.trigger()
    assert demo_lib.claims.by_key(uncited) is None
    assert len(asked) == 2  # an uncited claim goes without asking


def test_deleting_a_claim_a_matrix_weighs_asks_first_and_says_what_goes_with_it(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    # A claim no note cites, rated in Q1's matrix and supporting an assumption: it went
    # without a word, its ratings and the assumption's support with it.
    asked: list[str] = []
    window.sources.confirm = lambda title, text, yes: asked.append(text) or False
    uncited = tag_new(window)
    claim = demo_lib.claims.by_key(uncited)
    assert claim is not None
    q1 = demo_lib.questions.by_key("Q1").id
    demo_lib.ach.add_claims(q1, [claim.id])
    for h, rating in (("H1", "C"), ("H2", "I")):
        demo_lib.ach.rate(q1, h, uncited, rating)
    demo_lib.assumptions.update(q1, "A1", supports=["C9", uncited])
    c9 = demo_lib.claims.by_key("C9")
    assert c9 is not None
    demo_lib.relations.link(claim.id, "corroborates", c9.id)
    click_row(qtbot, window, uncited)
    window.delete_claim_action.trigger()
    assert asked == [
        f"Deleting {uncited} takes its 2 ratings in Q1's matrix, its support of key assumption "
        "A1 (Q1) and its link to C9. (Edit ▸ Undo brings it all back.)"
    ]
    assert demo_lib.ach.matrix(q1).row(uncited) is not None  # Cancel kept it all


def test_tagging_a_selection_leaves_out_its_leading_and_trailing_spaces(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    text = window.reader.source_text()
    word = text.index(" ", 20)  # a space before a word
    end = text.index(" ", word + 1) + 1  # the next word and the space after it
    window.reader.select_span(word, end)
    window.tag_action.trigger()
    claim = window.inspector.claim
    assert claim is not None
    assert (claim.start, claim.end) == (word + 1, end - 1)
    assert claim.quote == text[word + 1 : end - 1] and claim.quote.strip() == claim.quote
