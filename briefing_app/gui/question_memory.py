"""The key question a view (the Board, the Matrix, the Chronology's filter) showed last in each
library, kept with the library's other memories (`library_memory`) for the next start."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing_app.core.models import Question, QuestionTitle
from briefing_app.gui.library_memory import keep, recalled


class QuestionMemory:
    """Which question one view shows: the one the analyst chose, while the library holds it.

    Only a choice is remembered, never the question a view falls back to when the chosen one
    is deleted: so an undo that brings the question back shows it again, and so does the next
    start. Per library file, by the question's uid.
    """

    def __init__(self, view: str) -> None:
        self._key = f"question/{view}"
        self._path: Path | None = None
        self.uid = ""  # the question chosen last ("": none, or the chronology's Any)

    def attach(self, path: Path | None) -> None:
        """Recall the question chosen last in the library at path (None: in memory)."""
        self._path = path
        self.uid = recalled(path, self._key)

    def choose(self, question: Question | QuestionTitle | None) -> None:
        """Remember that the analyst chose this question (None: none, as Any)."""
        self.uid = question.uid if question is not None else ""
        keep(self._path, {self._key: self.uid})

    def pick(
        self,
        questions: Sequence[Question | QuestionTitle],
        shown: int | None,
        default: int | None,
    ) -> int | None:
        """Return the id to show: the chosen question, else the one shown, else default."""
        chosen = next((q.id for q in questions if self.uid and q.uid == self.uid), None)
        if chosen is not None:
            return chosen
        return shown if any(q.id == shown for q in questions) else default
