"""What the window says: counts in the right number, undo entries in words."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.wording import count_of


def test_counts_are_singular_for_one() -> None:
    assert [count_of(n, "claim") for n in (0, 1, 2, 1204)] == [
        "0 claims", "1 claim", "2 claims", "1,204 claims"
    ]  # fmt: skip


def test_the_claims_table_says_1_claim_for_one(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    panel = window.claims_panel
    panel.set_filter_value(panel.kind_filter, "denial")  # the demo has one denial, C6
    assert panel.count_label.text() == f"1 of {demo_lib.claims.count()} claims"
    panel.set_filter_value(panel.party_filter, "Taliban administration")
    assert panel.count_label.text() == f"1 of {demo_lib.claims.count()} claims"


def test_editing_a_sources_note_is_undone_in_words(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    source_id = demo_lib.sources.all()[0].id
    window.source_panel.note.setPlainText("Check the embassy's wording.")
    window.source_panel.note.editing_finished.emit()
    assert window.undo_action.text() == f"&Undo Edit note on source {source_id}"
    window.source_panel.edit_requested.emit(source_id, {"published": "2024-08-14", "byline": "AP"})
    assert window.undo_action.text() == f"&Undo Edit author and date of source {source_id}"
