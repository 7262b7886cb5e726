"""The Chronology dock: claims on a time line by event date, filtered, opened, and dated.

The demo dates no claim (its article names no date), so each test dates the claims it needs
the way an analyst does: through the core's claim update (or by accepting a suggestion).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.gui.chronology.controller import ChronologyController
from briefing_app.gui.chronology.delegate import ACCEPT, REJECT
from briefing_app.gui.chronology.model import PENDING, SUGGESTION_ROLE
from briefing_app.gui.main_window import MainWindow


def _date(lib: Library, **dates: str) -> None:
    for key, when in dates.items():
        lib.claims.update(lib.claims.by_key(key).id, event_date=when)


def _open(qtbot: QtBot, window: MainWindow) -> ChronologyController:
    """Show the Chronology from View ▸ Panels, as the analyst does; return its controller."""
    window.docks.docks["chronology"].toggleViewAction().trigger()
    chronology = window.chronology
    assert chronology is not None
    qtbot.waitUntil(lambda: chronology.model.rowCount() > 0)
    return chronology


def _lines(chronology: ChronologyController) -> list[str]:
    model = chronology.model
    return [model.data(model.index(i, 0)) for i in range(model.rowCount())]


def _keys(chronology: ChronologyController) -> list[str]:
    model = chronology.model
    return [model.row(model.position_of(i) or 0).key for i in model.claim_ids()]


def _click(qtbot: QtBot, chronology: ChronologyController, key: str, button: str = "") -> None:
    """Click a claim's row, or one of its buttons (Accept, Reject)."""
    view, model = chronology.panel.view, chronology.model
    claim_id = next(i for i in model.claim_ids() if model.row(model.position_of(i) or 0).key == key)
    index = model.index(model.position_of(claim_id) or 0, 0)
    chronology.panel.select_claim(claim_id)
    rect = view.visualRect(index)
    pos = view.chronology_delegate.button_rects(rect)[button].center() if button else rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.fixture
def dated(complete: MainWindow) -> MainWindow:
    """The demo window with its report published 3 December 2025 and claims dated at every
    precision: C9 to the year, C6 and C7 to the month, C4 to the day, C5 to the minute."""
    lib = complete.lib
    lib.sources.update(lib.claims.by_key("C4").source_id, published="2025-12-03")
    _date(lib, C9="2025", C6="2025-11", C7="2025-11", C4="2025-11-26", C5="2025-11-26T14:00")
    return complete


def test_dated_claims_are_grouped_by_day_and_month_or_year_dates_by_themselves(
    qtbot: QtBot, dated: MainWindow
) -> None:
    chronology = _open(qtbot, dated)
    lines = _lines(chronology)
    reported = "(reported 2025-12-03)"
    assert lines[:9] == [
        "2025",
        f"2025 {reported} — C9 Tajik authorities: Tajik authorities attribute the attack to "
        "criminal groups operating inside Afghanistan.",
        "November 2025",  # not a made-up 1 November
        f"Nov 2025 {reported} — C6 Taliban administration: The Taliban administration denied "
        "direct responsibility for the attack.",
        f"Nov 2025 {reported} — C7 Taliban administration: The Taliban administration "
        "suggested that a group seeking to destabilise the region was involved.",
        "Wednesday 26 November 2025",
        f"26 Nov 2025 {reported} — C4 no party: Armed attackers used firearms and a drone "
        "against a Chinese construction company's facility in Khatlon province.",
        f"26 Nov 2025 14:00 {reported} — C5 no party: Three Chinese workers were killed in "
        "the attack.",
        "Undated",  # after every dated claim
    ]
    assert _keys(chronology)[5:] == ["C1", "C2", "C3", "C8", "C10"]
    assert chronology.model.group_at(5).count == 2  # type: ignore[union-attr]
    assert chronology.panel.count_label.text() == "5 dated claims, 5 undated"


def test_an_event_date_typed_in_the_inspector_moves_the_claim(
    qtbot: QtBot, dated: MainWindow
) -> None:
    chronology = _open(qtbot, dated)
    c8 = dated.lib.claims.by_key("C8")
    dated.sources.select_claim(c8.id)
    field = dated.inspector.event_date
    assert field.text() == ""
    field.clear()
    qtbot.keyClicks(field, "2025-11-26")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dated.lib.claims.get(c8.id).event_date == "2025-11-26"
    # A day without a time sorts before the times of that day.
    qtbot.waitUntil(lambda: _keys(chronology)[:6] == ["C9", "C6", "C7", "C4", "C8", "C5"])
    assert chronology.panel.count_label.text() == "6 dated claims, 4 undated"
    dated.undo_stack.undo()
    qtbot.waitUntil(lambda: _keys(chronology)[5:] == ["C1", "C2", "C3", "C8", "C10"])
    # A date that is not one is refused in one line; nothing changes.
    dated.sources.select_claim(c8.id)
    field.clear()
    qtbot.keyClicks(field, "2025-11-31")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dated.statusBar().currentMessage().startswith("⚠ event date '2025-11-31' is not a real")
    assert dated.lib.claims.get(c8.id).event_date == ""
    assert _keys(chronology)[5:] == ["C1", "C2", "C3", "C8", "C10"]


def test_filters_by_question_party_and_tag(qtbot: QtBot, dated: MainWindow) -> None:
    chronology = _open(qtbot, dated)
    panel = chronology.panel
    question = panel.question_filter
    question.showPopup()  # the questions are read when the list opens
    question.hidePopup()
    question.setCurrentIndex(question.findText("Q1 Who carried out the Khatlon attack?"))
    assert _keys(chronology) == ["C9", "C6", "C7"]
    assert panel.count_label.text() == "3 dated claims, 0 undated"
    panel.party_filter.setCurrentIndex(panel.party_filter.findText("Taliban administration"))
    assert _keys(chronology) == ["C6", "C7"]
    question.setCurrentIndex(0)
    panel.party_filter.setCurrentIndex(0)
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findText("Khatlon attack"))
    assert _keys(chronology) == ["C6", "C4", "C5"]
    assert _lines(chronology)[0] == "November 2025"  # groups follow the filter
    panel.tag_filter.setCurrentIndex(0)
    assert len(_keys(chronology)) == 10


def test_clicking_a_claim_opens_its_source_at_the_claim(qtbot: QtBot, dated: MainWindow) -> None:
    chronology = _open(qtbot, dated)
    _click(qtbot, chronology, "C5")
    reader = dated.reader
    qtbot.waitUntil(lambda: reader.textCursor().selectedText() == "killing three Chinese workers")
    assert dated.inspector.claim is not None and dated.inspector.claim.key == "C5"
    assert chronology.panel.view.hasFocus() or not dated.isActiveWindow()
    # Enter on another claim does the same.
    view = chronology.panel.view
    view.setFocus()
    view.setCurrentIndex(chronology.model.index(chronology.model.position_of(
        dated.lib.claims.by_key("C9").id) or 0, 0))  # fmt: skip
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: reader.textCursor().selectedText().startswith("Tajik authorities claim")
    )
    assert dated.inspector.claim is not None and dated.inspector.claim.key == "C9"


def _wait_for_suggestion(qtbot: QtBot, chronology: ChronologyController, key: str) -> str:
    claim_id = chronology.lib.claims.by_key(key).id
    model = chronology.model
    # Dates are read for the rows on screen only: bring the claim's row into view.
    assert chronology.panel.select_claim(claim_id)
    qtbot.waitUntil(lambda: claim_id in model.suggestions, timeout=20_000)
    return chronology.suggested(claim_id) or ""


def test_accepting_a_suggested_date_dates_the_claim_and_undo_takes_it_back(
    qtbot: QtBot, complete: MainWindow
) -> None:
    lib = complete.lib
    # The article says the attack was "last week": with the report's day, that is a date.
    lib.sources.update(lib.claims.by_key("C4").source_id, published="2025-12-03")
    chronology = _open(qtbot, complete)
    assert _wait_for_suggestion(qtbot, chronology, "C4") == "2025-11-26"
    at = chronology.model.position_of(lib.claims.by_key("C4").id) or 0
    assert chronology.model.index(at, 0).data(SUGGESTION_ROLE).words.startswith("last week")
    _click(qtbot, chronology, "C4", ACCEPT)
    assert lib.claims.by_key("C4").event_date == "2025-11-26"
    assert complete.undo_stack.undoText() == "Date C4 2025-11-26"
    qtbot.waitUntil(lambda: _keys(chronology)[0] == "C4")
    assert _lines(chronology)[0] == "Wednesday 26 November 2025"
    complete.undo_stack.undo()
    assert lib.claims.by_key("C4").event_date == ""
    qtbot.waitUntil(lambda: _lines(chronology)[0] == "Undated")
    # Undated again, it is offered the date again; Ctrl+Enter accepts the current claim's.
    assert _wait_for_suggestion(qtbot, chronology, "C4") == "2025-11-26"
    qtbot.keyClick(chronology.panel.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert lib.claims.by_key("C4").event_date == "2025-11-26"


def test_rejecting_a_suggested_date_hides_it_and_changes_nothing(
    qtbot: QtBot, complete: MainWindow
) -> None:
    lib = complete.lib
    lib.sources.update(lib.claims.by_key("C5").source_id, published="2025-12-03")
    chronology = _open(qtbot, complete)
    assert _wait_for_suggestion(qtbot, chronology, "C5") == "2025-11-26"
    revision = lib.claims.by_key("C5").revision
    _click(qtbot, chronology, "C5", REJECT)
    c5 = lib.claims.by_key("C5")
    assert chronology.suggested(c5.id) is None
    assert (c5.event_date, c5.revision) == ("", revision)
    assert complete.undo_stack.count() == 0  # nothing to undo: the library did not change
    # Its row has no buttons any more; C4's suggestion (same sentence) is still offered.
    index = chronology.model.index(chronology.model.position_of(c5.id) or 0, 0)
    rect = chronology.panel.view.visualRect(index)
    delegate = chronology.panel.view.chronology_delegate
    assert delegate.button_at(index, rect, delegate.button_rects(rect)[ACCEPT].center()) is None
    c4 = lib.claims.by_key("C4").id
    assert chronology.suggested(c4) == "2025-11-26"
    # From the keyboard: Delete on the current claim rejects its suggestion.
    assert _wait_for_suggestion(qtbot, chronology, "C4") == "2025-11-26"  # C4 now current
    qtbot.keyClick(chronology.panel.view, Qt.Key.Key_Delete)
    assert chronology.suggested(c4) is None
    assert lib.claims.get(c4).event_date == ""


def test_suggestions_are_read_only_for_the_undated_claims_on_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    lib = Library.open(tmp_path / "many.sqlite")
    text = " ".join(f"Witness {n} said the convoy passed on 3 May 2024." for n in range(300))
    src = lib.sources.add(ExtractedDocument(title="Log", text=text, language="en"))
    for n in range(300):
        lib.claims.add(src.id, quote=f"Witness {n} said")
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_complete)
    chronology = _open(qtbot, window)
    qtbot.waitUntil(lambda: len(chronology.model.suggestions) > 0, timeout=20_000)
    qtbot.waitUntil(lambda: chronology._reading is None and not chronology._waiting)
    assert 0 < len(chronology.model.suggestions) < 100  # a screenful, not all 300
    window.close()
    lib.close()


def test_opening_another_library_shows_its_chronology(
    qtbot: QtBot, dated: MainWindow, tmp_path: Path
) -> None:
    chronology = _open(qtbot, dated)
    other = Library.open(tmp_path / "other.sqlite")
    src = other.sources.add(ExtractedDocument(title="Wire", text="Police said two fled."))
    other.claims.add(src.id, quote="two fled", party="Police", event_date="2024-05")
    other.close()
    dated.switch_library(tmp_path / "other.sqlite")
    qtbot.waitUntil(lambda: _lines(chronology)[0] == "May 2024")
    assert _keys(chronology) == ["C1"]
    assert chronology.panel.count_label.text() == "1 dated claim, 0 undated"


def test_a_claims_tooltip_says_in_full_why_it_has_no_date(
    qtbot: QtBot, complete: MainWindow
) -> None:
    chronology = _open(qtbot, complete)
    model = chronology.model
    c5 = complete.lib.claims.by_key("C5").id
    at = model.position_of(c5)
    assert at is not None
    index = model.index(at, 0)
    qtbot.waitUntil(lambda: index.data(SUGGESTION_ROLE) not in (None, PENDING))
    reason = index.data(SUGGESTION_ROLE).reason
    assert "publication" in reason  # 'last week' counts from a day the demo does not give
    # The panel cuts the grey line short; hovering the claim reads it whole.
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == f"Undated · {reason}"
    assert "Three Chinese workers were killed" in tip


def test_a_new_empty_library_opens_with_the_chronology_shown(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path
) -> None:
    chronology = _open(qtbot, complete)
    complete.switch_library(tmp_path / "mine.sqlite")  # File ▸ New library, the panel open
    assert complete.lib.path == tmp_path / "mine.sqlite"
    assert chronology.model.rowCount() == 0
    assert chronology.panel.count_label.text() == "0 dated claims, 0 undated"
    # The rest of the window moved to the new library too, not left on the old one.
    assert complete.claims_panel.view.model().rowCount() == 0


def test_a_filter_no_claim_matches_shows_an_empty_time_line(
    qtbot: QtBot, complete: MainWindow
) -> None:
    chronology = _open(qtbot, complete)
    complete.lib.questions.add("How many people died?")  # no claim assigned to it yet
    combo = chronology.panel.question_filter
    combo.before_use()
    combo.setCurrentIndex(combo.findText("Q2", Qt.MatchFlag.MatchStartsWith))
    qtbot.waitUntil(lambda: chronology.model.rowCount() == 0)
    assert chronology.panel.count_label.text() == "0 dated claims, 0 undated"


def test_a_source_whose_language_is_unknown_gets_dates_once_its_language_is_typed_in(
    qtbot: QtBot, complete: MainWindow
) -> None:
    # A plain-text file comes in with no language: the Chronology says it cannot read its
    # dates, and the window had no field to say the language in (only `briefing source set`).
    lib = complete.lib
    text = "An explosion on Sunday damaged a compressor station, the operator said on Monday."
    source = lib.sources.add(ExtractedDocument(title="Blast", text=text, published="2025-03-03"))
    claim = lib.claims.add(source.id, quote="An explosion on Sunday damaged a compressor station")
    chronology = _open(qtbot, complete)
    assert _wait_for_suggestion(qtbot, chronology, claim.key) == ""
    assert chronology.model.suggestions[claim.id].reason == "the source's language is not known"
    complete.sources.open_source(source.id)
    field = complete.source_panel.edits["language"]
    assert field.accessibleName() == "Language" and field.text() == ""
    field.setText("en")
    field.editingFinished.emit()
    assert lib.sources.get(source.id).language == "en"
    assert _wait_for_suggestion(qtbot, chronology, claim.key) == "2025-03-02"
    complete.undo_stack.undo()
    assert lib.sources.get(source.id).language == ""
