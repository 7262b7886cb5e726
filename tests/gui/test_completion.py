"""Completion in the inspector: parties, and tags one item at a time in a comma list."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.completion import ListCompleter


def test_tag_completion_keeps_the_earlier_tags(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = ListCompleter(["place:Khatlon", "actor:China"], edit)
    edit.setCompleter(completer)
    edit.setText("actor:China, khat")
    assert completer.splitPath(edit.text()) == ["khat"]
    completer.setCompletionPrefix("khat")
    index = completer.currentIndex()
    assert index.data() == "place:Khatlon"
    assert completer.pathFromIndex(index) == "actor:China, place:Khatlon"


def test_inspector_offers_known_parties_and_tags(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    parties = window.inspector.party.completer().model().stringList()  # type: ignore[attr-defined]
    assert parties == demo_lib.claims.parties()
    tags = window.inspector.tags_completer.model().stringList()  # type: ignore[attr-defined]
    assert "place:Khatlon" in tags
