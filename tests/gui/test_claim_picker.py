"""The Ctrl+K claim picker: choosing several claims by keyboard and mouse, across searches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.dialogs.claim_picker import ClaimPicker, PickableClaim
from briefing_app.gui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

CLAIMS = [
    PickableClaim("C1", "The Taliban denied any role.", "we deny", "Taliban", ("Taliban",)),
    PickableClaim("C2", "The Taliban blamed a rival group.", "a group", "Taliban", ("Taliban",)),
    PickableClaim("C3", "The Taliban promised an inquiry.", "we will", "Taliban", ("Taliban",)),
    PickableClaim("C4", "The embassy asked for protection.", "protect", "Embassy", ("Embassy",)),
    PickableClaim("C5", "The embassy closed its consulate.", "closed", "Embassy", ("Embassy",)),
]


@pytest.fixture
def picker(qtbot: QtBot) -> Iterator[ClaimPicker]:
    """Return the picker over a few claims, shown, with the search box focused."""
    dialog = ClaimPicker(CLAIMS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search.setFocus()
    yield dialog
    dialog.close()


def search(qtbot: QtBot, picker: ClaimPicker, text: str) -> None:
    """Replace the query the way an analyst does: select it all, then type."""
    qtbot.keyClick(picker.search, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(picker.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(picker.search, text)


def shown_keys(picker: ClaimPicker) -> list[str]:
    return [picker.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(picker.list.count())]


def selected_keys(picker: ClaimPicker) -> list[str]:
    return [k for r, k in enumerate(shown_keys(picker)) if picker.list.item(r).isSelected()]


def ctrl_click(qtbot: QtBot, picker: ClaimPicker, row: int) -> None:
    rect = picker.list.visualItemRect(picker.list.item(row))
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())


def test_the_first_match_is_current_but_not_chosen(qtbot: QtBot, picker: ClaimPicker) -> None:
    search(qtbot, picker, "taliban")
    assert picker.list.currentRow() == 0
    assert picker.choices() == [] and selected_keys(picker) == []
    # Ctrl+click on that first row chooses it (it used to un-select it, leaving nothing).
    ctrl_click(qtbot, picker, 0)
    assert picker.choices() == ["C1"] and selected_keys(picker) == ["C1"]
    ctrl_click(qtbot, picker, 0)
    assert picker.choices() == []


def test_shift_down_in_the_search_box_extends_the_choice(qtbot: QtBot, picker: ClaimPicker) -> None:
    search(qtbot, picker, "taliban")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down, SHIFT)
    assert picker.choices() == ["C1", "C2", "C3"]
    assert selected_keys(picker) == ["C1", "C2", "C3"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Up, SHIFT)  # back: as in any list, it shrinks
    assert picker.choices() == ["C1", "C2"]
    assert picker.search.text() == "taliban"  # the keys never reached the search box
    # Plain Up/Down only move the current row.
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.list.currentRow() == 2 and picker.choices() == ["C1", "C2"]


def test_space_in_the_list_toggles_the_current_row(qtbot: QtBot, picker: ClaimPicker) -> None:
    search(qtbot, picker, "taliban")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Space, CTRL)
    assert picker.choices() == ["C2"]
    picker.list.setFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.choices() == ["C2", "C3"]
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.choices() == ["C2"]


def test_choices_survive_a_new_search(qtbot: QtBot, picker: ClaimPicker) -> None:
    search(qtbot, picker, "taliban")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Space, CTRL)
    search(qtbot, picker, "embassy")
    assert shown_keys(picker) == ["C4", "C5"] and selected_keys(picker) == []
    ctrl_click(qtbot, picker, 1)
    assert picker.chosen() == ["C2", "C5"]  # in the order chosen
    search(qtbot, picker, "")
    assert selected_keys(picker) == ["C2", "C5"]  # shown as chosen when visible again
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.chosen() == ["C2", "C5"]


def test_enter_with_nothing_chosen_cites_the_current_row(qtbot: QtBot, picker: ClaimPicker) -> None:
    search(qtbot, picker, "embassy")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.chosen() == ["C5"]


def test_the_chosen_list_shows_what_will_be_cited(qtbot: QtBot, picker: ClaimPicker) -> None:
    search(qtbot, picker, "embassy")
    assert picker.chosen_label.text().startswith("Nothing chosen yet: Enter cites C4")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.chosen_label.text().startswith("Nothing chosen yet: Enter cites C5")
    qtbot.keyClick(picker.search, Qt.Key.Key_Space, CTRL)
    search(qtbot, picker, "taliban")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down, SHIFT)
    lines = picker.chosen_label.text().splitlines()
    assert lines[0] == "3 claims chosen, cited in this order:"
    assert [line.split(" · ")[0] for line in lines[1:]] == ["C5", "C1", "C2"]
    assert "consulate" in lines[1]  # the statement, so the analyst knows what C5 is


def test_ctrl_k_cites_every_chosen_claim_in_the_order_chosen(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gui.test_notes import editor, new_note

    new_note(window, monkeypatch)

    def run(dialog: ClaimPicker) -> int:
        """Stand in for exec(): the analyst picks by keyboard, then presses Enter."""
        dialog.show()
        qtbot.waitExposed(dialog)
        search(qtbot, dialog, "taliban denied")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Space, CTRL)
        search(qtbot, dialog, "C2")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Space, CTRL)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ClaimPicker, "exec", run)
    summary = editor(window, "summary")
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_K, CTRL)
    assert summary.body().endswith("[@C6; @C2]")


def test_the_hint_names_keys_that_choose_from_the_search_box(
    qtbot: QtBot, picker: ClaimPicker
) -> None:
    search(qtbot, picker, "embassy")
    hint = picker.chosen_label.text()
    assert "Ctrl+Space" in hint and "Shift+Up/Down" in hint
    qtbot.keyClick(picker.search, Qt.Key.Key_Space, CTRL)  # as the hint says
    assert picker.chosen() == ["C4"]
    assert picker.search.text() == "embassy"  # nothing typed
    qtbot.keyClick(picker.search, Qt.Key.Key_Down, SHIFT)
    assert picker.chosen() == ["C4", "C5"]


def test_the_picker_starts_on_the_claim_in_view(qtbot: QtBot) -> None:
    dialog = ClaimPicker(CLAIMS, start_at="C4")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ["C4"]
    assert dialog.chosen_label.text().startswith("Nothing chosen yet: Enter cites C4")
    search(qtbot, dialog, "taliban")
    assert dialog.chosen() == ["C1"]  # a search starts from its best match


def test_cite_claim_cites_the_claim_in_the_inspector(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gui.test_notes import editor, new_note

    claim = demo_lib.claims.all()[-1]
    window.services.show_claim(claim.id)
    assert window.inspector.claim is not None and window.inspector.claim.key == claim.key
    new_note(window, monkeypatch)

    def run(dialog: ClaimPicker) -> int:
        """Stand in for exec(): the analyst presses Enter at once."""
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ClaimPicker, "exec", run)
    summary = editor(window, "summary")
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_K, CTRL)
    assert summary.body().endswith(f"[@{claim.key}]")
