"""Assigning claims to key questions from where the claims are: the claims table's and the
reader's right-click menus (Assign to question ▸ Q1 …, New question…) and the inspector's
Questions button (tick a question to assign, untick to take the claim off). Each choice is
one undoable command over a core operation."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.core.library import Library
from briefing_app.core.models import Question, QuestionTitle
from briefing_app.gui.services import Services

# The question commands and dialog load when a question is first chosen: the menus are made
# before the window's first paint, which need not wait for those modules.


def question_title(question: Question | QuestionTitle, limit: int = 60) -> str:
    """Return how a menu names a question: 'Q1 — Who carried out …'."""
    text = question.text if len(question.text) <= limit else question.text[: limit - 1] + "…"
    return f"{question.key} — {text}"


class QuestionMenus:
    """Builds the question menus for a set of claims and runs what is chosen."""

    def __init__(self, services: Services, library: Callable[[], Library]) -> None:
        self.services = services
        self._library = library  # the window's library at the time of asking

    @property
    def lib(self) -> Library:
        """The library the claims are in."""
        return self._library()

    def assign_menu(self, claim_ids: list[int], parent: QWidget) -> QMenu:
        """Return 'Assign to question ▸' for these claims: each question, then New question…."""
        menu = QMenu("Assign to &question", parent)
        menu.setToolTipsVisible(True)
        # One grouped query, not the claims themselves: Ctrl+A selects 100,000 of them.
        full = self.lib.questions.holding_all(claim_ids)
        for question in self.lib.questions.titles():
            action = menu.addAction(
                question_title(question), partial(_run, self.assign, question.id, claim_ids)
            )
            if question.id in full:
                action.setEnabled(False)
                action.setToolTip("Already assigned")
        if menu.actions():
            menu.addSeparator()
        menu.addAction("&New question…", partial(_run_new, self.assign_to_new, claim_ids))
        return menu

    def questions_menu(self, claim_id: int, parent: QWidget) -> QMenu:
        """Return a claim's questions as ticks (tick: assign, untick: take off), New question…."""
        menu = QMenu("Questions", parent)
        # The questions holding the claim, not each question's claims (100,000 keys for one).
        holding = self.lib.questions.holding_all([claim_id])
        for question in self.lib.questions.titles():
            action = menu.addAction(question_title(question))
            action.setCheckable(True)
            held = question.id in holding
            action.setChecked(held)
            run = self.unassign if held else self.assign
            action.triggered.connect(partial(_run, run, question.id, [claim_id]))
        if menu.actions():
            menu.addSeparator()
        menu.addAction("&New question…", partial(_run_new, self.assign_to_new, [claim_id]))
        return menu

    def assign(self, question_id: int, claim_ids: list[int]) -> bool:
        """Assign claims to a question (undoable); those already on it are left as they are."""
        key = self.lib.questions.key_of(question_id)
        new = self.lib.questions.unassigned(question_id, claim_ids)
        if not new:
            self.services.show_status(f"Already assigned to {key}")
            return False
        from briefing_app.gui.question_commands import AssignClaimsCommand

        return self.services.execute(AssignClaimsCommand(self.lib, question_id, new))

    def unassign(self, question_id: int, claim_ids: list[int]) -> bool:
        """Take claims off a question (undoable)."""
        from briefing_app.gui.question_commands import UnassignClaimsCommand

        return self.services.execute(UnassignClaimsCommand(self.lib, question_id, claim_ids))

    def assign_to_new(self, claim_ids: list[int]) -> bool:
        """Ask for a new question's text and add it with these claims, as one step."""
        from briefing_app.gui.dialogs.question_dialog import QuestionDialog
        from briefing_app.gui.question_commands import NewQuestionCommand

        text = QuestionDialog.ask(self.services.dialog_parent(), "New key question")
        if text is None:
            return False
        return self.services.execute(NewQuestionCommand(self.lib, text, claim_ids))


# QAction.triggered may pass `checked`; the menus' choices need only their own arguments.
def _run(
    action: Callable[[int, list[int]], bool], question_id: int, ids: list[int], *_: object
) -> None:
    action(question_id, ids)


def _run_new(action: Callable[[list[int]], bool], ids: list[int], *_: object) -> None:
    action(ids)
