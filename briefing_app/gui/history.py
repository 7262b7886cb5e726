"""Edit ▸ Undo and Redo over the window's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from briefing_app.gui.icons import icon


def history_actions(
    parent: QObject, stack: QUndoStack, before_step: Callable[[], None]
) -> tuple[QAction, QAction]:
    """Return Undo and Redo actions naming the step they take; before_step runs first."""
    undo = _history_action(parent, "&Undo", stack.undo, before_step)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.undoTextChanged.connect(lambda text: _name_step(undo, "&Undo", text))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setIcon(icon("undo"))
    redo = _history_action(parent, "&Redo", stack.redo, before_step)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.redoTextChanged.connect(lambda text: _name_step(redo, "&Redo", text))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setIcon(icon("redo"))
    return undo, redo


def _name_step(action: QAction, verb: str, step: str) -> None:
    # The menu names the step; the toolbar keeps its short label (a long step name made it
    # overflow at 1366 px) and names the step in its tooltip.
    action.setText(f"{verb} {step}".strip())
    action.setIconText(verb.replace("&", ""))
    action.setToolTip(action.text().replace("&", ""))


def _history_action(
    parent: QObject, text: str, step: Callable[[], None], before_step: Callable[[], None]
) -> QAction:
    action = QAction(text, parent)
    action.setIconText(text.replace("&", ""))
    action.setEnabled(False)

    def run() -> None:
        before_step()
        step()

    action.triggered.connect(run)
    return action
