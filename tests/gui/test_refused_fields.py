"""Bad input loses nothing: a refused value stays in its field, marked, until corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow


def type_and_leave(qtbot: QtBot, edit: QLineEdit, text: str, leave_to: QLineEdit) -> None:
    """Type text into a field, then move the focus on (which commits it)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    leave_to.setFocus()
    qtbot.waitUntil(lambda: not edit.hasFocus())


def error_shown(window: MainWindow) -> bool:
    return window.statusBar().currentMessage().startswith("⚠")


def test_a_refused_event_date_stays_in_the_inspector_until_corrected(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.select_claim(1)
    inspector = window.inspector
    stored = demo_lib.claims.get(1).event_date
    type_and_leave(qtbot, inspector.event_date, "next friday", inspector.party)
    assert inspector.event_date.text() == "next friday"
    assert inspector.event_date.property("refused") is True
    assert "next friday" in inspector.event_date.toolTip()
    assert error_shown(window)
    assert demo_lib.claims.get(1).event_date == stored
    # Saving another field of the claim leaves the refused text where it is.
    type_and_leave(qtbot, inspector.party, "Someone else", inspector.tags)
    assert demo_lib.claims.get(1).party == "Someone else"
    assert inspector.event_date.text() == "next friday"
    assert inspector.event_date.property("refused") is True

    window.show_error("still wrong")  # an error up when the field is corrected
    type_and_leave(qtbot, inspector.event_date, "2025-11-28", inspector.party)
    assert demo_lib.claims.get(1).event_date == "2025-11-28"
    assert inspector.event_date.property("refused") is False
    assert not error_shown(window)


def test_escape_puts_a_claims_stored_event_date_back(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.select_claim(1)
    inspector = window.inspector
    stored = demo_lib.claims.get(1).event_date
    type_and_leave(qtbot, inspector.event_date, "31/02/2025", inspector.party)
    assert inspector.event_date.property("refused") is True
    inspector.event_date.setFocus()
    qtbot.keyClick(inspector.event_date, Qt.Key.Key_Escape)
    assert inspector.event_date.text() == stored
    assert inspector.event_date.property("refused") is False
    assert not error_shown(window)
    assert demo_lib.claims.get(1).event_date == stored


def test_moving_to_another_claim_takes_the_error_down(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.select_claim(1)
    inspector = window.inspector
    type_and_leave(qtbot, inspector.event_date, "next friday", inspector.party)
    assert error_shown(window)
    window.sources.select_claim(2)
    assert inspector.event_date.text() == demo_lib.claims.get(2).event_date
    assert inspector.event_date.property("refused") is False
    assert not error_shown(window)


def test_a_refused_source_url_and_date_stay_in_the_source_panel(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.select_claim(1)
    panel = window.source_panel
    source = panel.source
    assert source is not None
    url, published = panel.edits["url"], panel.edits["published"]
    type_and_leave(qtbot, url, "javascript:alert(1)", panel.edits["title"])
    assert url.text() == "javascript:alert(1)"
    assert url.property("refused") is True
    assert "not a web address" in url.toolTip()
    assert demo_lib.sources.get(source.id).url == source.url
    type_and_leave(qtbot, published, "next friday", panel.edits["title"])
    assert published.text() == "next friday" and published.property("refused") is True
    assert demo_lib.sources.get(source.id).published == source.published

    url.setFocus()
    qtbot.keyClick(url, Qt.Key.Key_Escape)
    assert url.text() == (source.url or "") and url.property("refused") is False
    assert error_shown(window)  # the date is still refused
    type_and_leave(qtbot, published, "2025-11", panel.edits["title"])
    assert demo_lib.sources.get(source.id).published == "2025-11"
    assert published.property("refused") is False
    assert not error_shown(window)


def test_typing_the_stored_value_back_unmarks_the_field_and_takes_the_error_down(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.select_claim(1)
    inspector = window.inspector
    stored = demo_lib.claims.get(1).event_date
    type_and_leave(qtbot, inspector.event_date, "next friday", inspector.party)
    assert error_shown(window)
    undo_text = window.undo_action.text()
    type_and_leave(qtbot, inspector.event_date, stored, inspector.party)
    assert inspector.event_date.property("refused") is False
    assert not error_shown(window)
    assert window.undo_action.text() == undo_text  # nothing was saved: nothing changed


def test_a_final_notes_title_is_not_typed_over_and_rename_says_why(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    workspace = window.note_workspace
    note_id = demo_lib.notes.headers()[0].id
    workspace.open_note_tab(note_id)
    workspace.set_status("final")
    panel = workspace.notes_panel
    panel.select_note(note_id)
    assert not panel.is_renamable(note_id)
    workspace.rename_action.trigger()
    assert panel.title_editor() is None  # no editor to type a title that would be refused
    assert "set it back to draft to rename it" in window.statusBar().currentMessage()
