"""Choosing how a claim dropped on another bears on it: corroborates, contradicts, ..."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.core.models import RELATIONS

# What each relation means, as the menu's status tips say it.
_MEANINGS = {
    "corroborates": "says the same thing, independently or not",
    "contradicts": "cannot be true if the other is",
    "repeats": "reports the other or comes from the same origin",
    "updates": "supersedes the other (e.g. a revised figure)",
}


class RelationMenu:
    """A small menu of the four relations; tests replace `ask`."""

    @classmethod
    def ask(
        cls, parent: QWidget, where: QPoint, from_key: str, to_key: str, held: str = ""
    ) -> str | None:
        """Return the relation chosen for 'from_key … to_key', or None when dismissed.

        held names the link the two already have ('C9 contradicts C6'): the menu says so and
        offers no other, since two claims are linked once.
        """
        menu = QMenu(parent)
        menu.setToolTipsVisible(True)
        heading = f"Already linked: {held} (right-click a card to unlink)" if held else ""
        title = menu.addAction(heading or f"Link {from_key} to {to_key}")
        title.setEnabled(False)
        menu.addSeparator()
        for relation in RELATIONS:
            action = menu.addAction(f"{from_key} {relation} {to_key}")
            action.setData(relation)
            action.setToolTip(f"{from_key} {_MEANINGS[relation]}")
            action.setEnabled(not held)
        chosen = menu.exec(where)
        menu.deleteLater()
        return str(chosen.data()) if chosen is not None and chosen.data() else None
