"""The Board view in the real window on the demo library: Q1's positions side by side."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.board.board_view import BoardColumn
from briefing_app.gui.board.controller import BoardController
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
