"""The Board view of a key question: its positions side by side, and what the analyst does
there — choose, add, rename or delete questions, link cards, assign dropped claims, accept a
suggested status, open a card in its source. The question chosen last is shown again after a
restart (per library, `QuestionMemory`). Every change is one undoable command over a core
operation; the board reads the library again when the Changes touch what it shows, and only
while it is on screen (a hidden board is read when it is shown again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.models import RELATIONS, ClaimRelation, QuestionTitle
from briefing_app.core.records.board import Board, build_board
from briefing_app.core.records.relations import describe
from briefing_app.gui.board.board_view import BoardView
from briefing_app.gui.board.relation_menu import RelationMenu
from briefing_app.gui.commands import EditClaimCommand
from briefing_app.gui.dialogs.question_dialog import QuestionDialog
from briefing_app.gui.question_commands import (
    AssignClaimsCommand,
    DeleteQuestionCommand,
    LinkClaimsCommand,
    NewQuestionCommand,
    RenameQuestionCommand,
    UnassignClaimsCommand,
    UnlinkClaimsCommand,
)
from briefing_app.gui.question_memory import QuestionMemory
from briefing_app.gui.services import Services


class BoardController(QObject):
    """Keeps the Board view on the chosen question and turns its requests into commands."""

    def __init__(self, services: Services, lib: Library) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.view = BoardView()
        self.question_id: int | None = None
        self.memory = QuestionMemory("board")
        self._questions: list[QuestionTitle] = []
        self._stale = True  # the board shown is not the library's (read when next shown)
        self._claims: set[int] = set()  # the claims on the board, and their sources
        self._sources: set[int] = set()
        # Asks before a delete that takes a matrix with it; tests answer it themselves.
        self.confirm: Callable[[str, str, str], bool] = self._confirm
        view = self.view
        view.question_chosen.connect(self.choose)
        view.new_question_requested.connect(self.new_question)
        view.rename_requested.connect(self.rename_question)
        view.delete_requested.connect(self.delete_question)
        view.shown.connect(self._refresh_if_stale)
        view.open_requested.connect(self.services.show_claim)
        view.link_requested.connect(self._dropped_on_card)
        view.assign_requested.connect(self.assign_keys)
        view.card_menu_requested.connect(self._show_card_menu)
        view.delegate.accept_requested.connect(self.accept_status)

    # Library and refreshing ---------------------------------------------------------------
    def attach(self, lib: Library) -> None:
        """Show a (newly opened) library's questions; follow its changes from now on."""
        self.lib.unsubscribe(self.on_changes)
        self.lib = lib
        lib.subscribe(self.on_changes)
        self.question_id = None
        self.memory.attach(lib.path)
        self._reload_questions()
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Read the board again when the changes touch its question, claims or sources."""
        shown = self.question_id
        if changes.questions:
            # The chosen one may have gone (the first is shown), or come back (an undo).
            self._reload_questions()
        if (
            self.question_id != shown
            or self.question_id in changes.questions
            or changes.claims & self._claims
            or changes.sources & self._sources
        ):
            self.refresh()

    def refresh(self) -> None:
        """Read and show the chosen question's board now if it is on screen, else later."""
        if not self.view.isVisible():
            self._stale = True
            return
        self._stale = False
        board: Board | None = None
        if self.question_id is not None:
            try:
                board = build_board(self.lib, self.question_id)
            except BriefingError as exc:  # deleted meanwhile (the list follows)
                self.services.show_error(str(exc))
        self._claims = {c.claim.id for p in board.positions for c in p.claims} if board else set()
        self._sources = (
            {c.claim.source_id for p in board.positions for c in p.claims} if board else set()
        )
        self.view.show_board(board)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def _reload_questions(self) -> None:
        self._questions = self.lib.questions.titles()
        first = self._questions[0].id if self._questions else None
        self.question_id = self.memory.pick(self._questions, self.question_id, first)
        self.view.show_questions(self._questions, self.question_id)

    def choose(self, question_id: int) -> None:
        """Show this question's board (and again after a restart)."""
        self.question_id = question_id
        self.memory.choose(next((q for q in self._questions if q.id == question_id), None))
        self.view.show_questions(self._questions, question_id)
        self.refresh()

    # Questions ------------------------------------------------------------------------------
    def new_question(self) -> None:
        """Ask for a question's text, add it (undoable) and show its (empty) board."""
        text = QuestionDialog.ask(self.services.dialog_parent(), "New key question")
        if text is None:
            return
        command = NewQuestionCommand(self.lib, text)
        if self.services.execute(command):
            self.choose(command.result.id)

    def rename_question(self) -> None:
        """Ask for the chosen question's new wording and change it (undoable)."""
        if self.question_id is None:
            return
        question = self.lib.questions.get(self.question_id)
        text = QuestionDialog.ask(
            self.services.dialog_parent(), f"Rename {question.key}", question.text
        )
        if text is not None and text != question.text:
            self.services.execute(RenameQuestionCommand(self.lib, question.id, text))

    def delete_question(self) -> None:
        """Delete the chosen question (its claims stay; Edit ▸ Undo brings it back), asking
        first when its matrix, key assumptions or a note's judgment would go with it."""
        if self.question_id is None:
            return
        text = _what_deleting_takes(self.lib, self.question_id)
        key = self.lib.questions.key_of(self.question_id)
        if text and not self.confirm(f"Delete {key}?", text, f"Delete {key}"):
            return
        self.services.execute(DeleteQuestionCommand(self.lib, self.question_id))

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        from briefing_app.gui.dialogs.confirm import ask_to_go_ahead

        return ask_to_go_ahead(self.services.dialog_parent(), title, text, yes)

    # Cards ----------------------------------------------------------------------------------
    def _dropped_on_card(self, from_key: str, to_id: int, where: QPoint) -> None:
        dragged = self.lib.claims.by_key(from_key)
        if dragged is None or dragged.id == to_id:
            return  # dropped back on itself: no link meant
        target = self.lib.claims.get(to_id)
        held = self.lib.relations.between(dragged.id, to_id)
        if held is None:
            relation = RelationMenu.ask(self.view, where, dragged.key, target.key)
        else:
            said = f"{held.from_key} {held.relation} {held.to_key}"
            relation = RelationMenu.ask(self.view, where, dragged.key, target.key, said)
        if relation is not None:
            self.link(dragged.id, relation, to_id)

    def link(self, from_id: int, relation: str, to_id: int) -> bool:
        """Link two claims (undoable); a refused link is said in one line."""
        return self.services.execute(LinkClaimsCommand(self.lib, from_id, relation, to_id))

    def assign_keys(self, keys: list[str]) -> None:
        """Assign the claims with these keys to the chosen question (undoable)."""
        if self.question_id is None:
            self.services.show_status("Choose or add a key question first")
            return
        held = set(self.lib.questions.get(self.question_id).claim_keys)
        # Ids only, in one query: a drag from the claims table may carry 100,000 keys.
        found = self.lib.claims.ids_of_keys(k for k in keys if k not in held)
        if not found:
            named = ", ".join(keys[:5]) + (f" and {len(keys) - 5:,} more" if len(keys) > 5 else "")
            self.services.show_status(f"{named} already on the board")
            return
        ids = [found[k] for k in keys if k in found]
        self.services.execute(AssignClaimsCommand(self.lib, self.question_id, ids))

    def accept_status(self, claim_id: int, status: str) -> None:
        """Give a claim the status its links suggest (undoable)."""
        self.services.execute(EditClaimCommand(self.lib, claim_id, status=status))

    def card_menu(self, claim_id: int, parent: QWidget | None = None) -> QMenu:
        """Return a card's right-click menu: open, accept, unlink, remove from the question."""
        menu = QMenu(parent or self.view)
        claim = self.lib.claims.get(claim_id)
        menu.addAction("&Open in source", lambda: self.services.show_claim(claim_id))
        board = self.view.board
        item = (
            next((c for p in board.positions for c in p.claims if c.claim.id == claim_id), None)
            if board
            else None
        )
        if item is not None and item.suggested_status:
            menu.addAction(
                f"&Accept suggested status: {item.suggested_status}",
                lambda: self.accept_status(claim_id, item.suggested_status),
            )
        links = self.lib.relations.all(claim_id)
        self._add_link_menu(menu, claim.key, claim_id, links)
        if links:
            unlink = menu.addMenu("&Unlink")
            for r in links:
                unlink.addAction(describe(r), self._unlinker(r.from_claim_id, r.to_claim_id))
        if self.question_id is not None:
            key = self.lib.questions.key_of(self.question_id)
            menu.addSeparator()
            menu.addAction(
                f"&Remove {claim.key} from {key}",
                lambda: self._unassign(claim_id),
            )
        return menu

    def _add_link_menu(
        self, menu: QMenu, key: str, claim_id: int, links: list[ClaimRelation]
    ) -> None:
        """Offer to link the card to each other card of the board: the keyboard's way to do
        what dragging one card onto another does."""
        board = self.view.board
        others = [
            c.claim
            for p in (board.positions if board else [])
            for c in p.claims
            if c.claim.id != claim_id
        ]
        if not others:
            return
        linked = {r.to_claim_id if r.from_claim_id == claim_id else r.from_claim_id for r in links}
        targets = menu.addMenu(f"&Link {key} to")
        for other in others:
            statement = other.statement or other.quote
            short = statement if len(statement) <= 40 else statement[:39] + "…"
            relations = targets.addMenu(f"{other.key} — {short}")
            # Two claims are linked once: a pair already linked offers no relation.
            relations.setEnabled(other.id not in linked)
            for relation in RELATIONS:
                relations.addAction(
                    f"{key} {relation} {other.key}", self._linker(claim_id, relation, other.id)
                )

    def _linker(self, from_id: int, relation: str, to_id: int) -> Callable[..., None]:
        # A menu action may pass `checked`: the link needs only its claims and relation.
        def run(*_: object) -> None:
            self.link(from_id, relation, to_id)

        return run

    def unlink(self, a_id: int, b_id: int) -> bool:
        """Remove the relation between two claims (undoable)."""
        return self.services.execute(UnlinkClaimsCommand(self.lib, a_id, b_id))

    def _unlinker(self, a_id: int, b_id: int) -> Callable[..., None]:
        # A menu action may pass `checked`: the unlink needs only its two claims.
        def run(*_: object) -> None:
            self.unlink(a_id, b_id)

        return run

    def _unassign(self, claim_id: int) -> None:
        if self.question_id is not None:
            self.services.execute(UnassignClaimsCommand(self.lib, self.question_id, [claim_id]))

    def _show_card_menu(self, claim_id: int, where: QPoint) -> None:
        try:
            menu = self.card_menu(claim_id)
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return
        menu.exec(where)
        menu.deleteLater()


def _what_deleting_takes(lib: Library, question_id: int) -> str:
    """Say what deleting a key question takes with it beyond its claims' places: its matrix,
    its key assumptions, the judgment of the notes that judge it; "" when nothing."""
    from briefing_app.core.ach.judgments import notes_judging

    taken = lib.ach.uses_of_question(question_id)
    judging = notes_judging(lib, question_id)
    if judging:
        titles = ", ".join(f"“{n.title}”" for n in judging)
        taken.append(f"the judgment of {'the note' if len(judging) == 1 else 'the notes'} {titles}")
    if not taken:
        return ""
    key = lib.questions.key_of(question_id)
    listed = taken[0] if len(taken) == 1 else f"{', '.join(taken[:-1])} and {taken[-1]}"
    return (
        f"Deleting {key} takes {listed} with it; its claims stay. (Edit ▸ Undo brings it all back.)"
    )
