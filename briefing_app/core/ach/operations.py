"""Writing and reading ACH matrices: `lib.ach`.

Every write is one transaction returning a `MatrixEdit` (the records it touched, before and
after); `lib.ach.revert(edit)` undoes it and returns the edit that redoes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from briefing_app.core.ach.model import Hypothesis, Matrix, MatrixRow
from briefing_app.core.ach.records import (
    MatrixEdit,
    RecordState,
    Scope,
    apply_states,
    difference,
    read_scope,
)
from briefing_app.core.ach.rows import read_rows
from briefing_app.core.ach.scoring import MatrixScores
from briefing_app.core.ach.values import (
    MAX_LABEL_CHARS,
    check_level,
    check_rating,
    check_text,
    next_key,
)
from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, UnknownHypothesis, UnknownRow
from briefing_app.core.models import Question
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.text.counts import counted

if TYPE_CHECKING:
    from briefing_app.core.library import Library

_CLAIM_KEY = re.compile(r"C[1-9]\d*")
_ENTRY_KEY = re.compile(r"([AX])([1-9]\d*)")


class AchManager:
    """ACH matrices of key questions: `lib.ach`.

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> q = lib.questions.add("Who carried out the attack?")
    >>> lib.ach.add_hypothesis(q.id, "Criminal groups based in Afghanistan").made
    'H1'
    >>> lib.ach.add_absence(q.id, "No group has claimed the attack").made
    'X1'
    >>> _ = lib.ach.rate(q.id, "H1", "X1", "C")
    >>> lib.ach.matrix(q.id).row("X1").ratings
    {'H1': 'C'}
    """

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    # Writing --------------------------------------------------------------------------------

    def change(
        self, question_id: int, scope: Scope, write: Callable[[], str], *, origin: object = None
    ) -> MatrixEdit:
        """Run write (returning what it made) in one transaction; return the MatrixEdit."""
        with self._lib.write(origin) as changes:
            before = read_scope(self._lib.conn, scope)
            made = write()
            after = read_scope(self._lib.conn, scope)
            changes.questions.add(question_id)
        return MatrixEdit(question_id, difference(before, after), made)

    def revert(self, edit: MatrixEdit) -> MatrixEdit:
        """Put back every record as it was before edit; return the edit that redoes it."""
        with self._lib.write() as changes:
            apply_states(self._lib.conn, edit.inverse().states)
            changes.questions.add(edit.question_id)
            changes.claims.update(_claims_in(edit.states))
        return edit.inverse()

    def revert_all(self, edits: Iterable[MatrixEdit]) -> list[MatrixEdit]:
        """Undo several edits in one transaction, the last first; return the edits redoing them.

        >>> # undone = lib.ach.revert_all(result.rating_edits); lib.ach.revert_all(undone)
        """
        with self._lib.write():
            return [self.revert(edit) for edit in reversed(list(edits))]

    def put_back(self, states: Iterable[RecordState]) -> None:
        """Write records back as they were (restoring a deleted claim or question)."""
        apply_states(self._lib.conn, states, lenient=True)

    def add_hypothesis(
        self,
        question_id: int,
        label: str,
        note: str = "",
        *,
        uid: str | None = None,
        key: str = "",
    ) -> MatrixEdit:
        """Add a hypothesis after the others; the edit's `made` is its key (H1, H2...).

        uid, key: keep these (a hypothesis from a review package; the key only if free).
        """
        self._question(question_id)
        label = check_text(label, "a hypothesis", MAX_LABEL_CHARS)
        note = note.strip()
        conn = self._lib.conn

        def write() -> str:
            made = next_key(conn, "ach_hypotheses", question_id, "H", key)
            position = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM ach_hypotheses WHERE question_id = ?",
                (question_id,),
            ).fetchone()[0]
            now = now_iso()
            conn.execute(
                "INSERT INTO ach_hypotheses (uid, question_id, key, label, note, position, "
                "created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (uid or new_uid(), question_id, made, label, note, position, now, now),
            )
            return made

        return self.change(
            question_id, [("ach_hypotheses", "question_id = ?", (question_id,))], write
        )

    def update_hypothesis(
        self, question_id: int, key: str, label: str | None = None, note: str | None = None
    ) -> MatrixEdit:
        """Change a hypothesis's label or note."""
        h = self.hypothesis(question_id, key)
        new_label = h.label if label is None else check_text(label, "a hypothesis", MAX_LABEL_CHARS)
        new_note = h.note if note is None else note.strip()

        def write() -> str:
            if (new_label, new_note) != (h.label, h.note):
                self._lib.conn.execute(
                    "UPDATE ach_hypotheses SET label = ?, note = ?, modified_at = ? WHERE id = ?",
                    (new_label, new_note, now_iso(), h.id),
                )
            return h.key

        return self.change(question_id, [("ach_hypotheses", "id = ?", (h.id,))], write)

    def move_hypothesis(self, question_id: int, key: str, position: int) -> MatrixEdit:
        """Move a hypothesis to a place in the order (0 = first)."""
        h = self.hypothesis(question_id, key)
        order = [x.id for x in self.hypotheses(question_id) if x.id != h.id]
        order.insert(max(0, min(position, len(order))), h.id)

        def write() -> str:
            for i, hid in enumerate(order):
                self._lib.conn.execute(
                    "UPDATE ach_hypotheses SET position = ? WHERE id = ? AND position != ?",
                    (i, hid, i),
                )
            return h.key

        scope = [("ach_hypotheses", "question_id = ?", (question_id,))]
        return self.change(question_id, scope, write)

    def delete_hypothesis(self, question_id: int, key: str) -> MatrixEdit:
        """Delete a hypothesis with its ratings and its links to assumptions."""
        h = self.hypothesis(question_id, key)

        def write() -> str:
            self._lib.conn.execute("DELETE FROM ach_hypotheses WHERE id = ?", (h.id,))
            return h.key

        scope = [
            ("ach_hypotheses", "id = ?", (h.id,)),
            ("ach_ratings", "hypothesis_id = ?", (h.id,)),
            ("assumption_hypotheses", "hypothesis_id = ?", (h.id,)),
        ]
        return self.change(question_id, scope, write)

    def add_claims(self, question_id: int, claim_ids: Iterable[int]) -> MatrixEdit:
        """Make claims rows of the matrix by assigning them to the question (if not yet)."""
        ids = list(dict.fromkeys(claim_ids))
        scope = [
            (
                "question_claims",
                f"question_id = ? AND claim_id IN ({_marks(ids)})",
                (question_id, *ids),
            )
        ]

        def write() -> str:
            added = self._lib.questions.assign(question_id, ids)
            keys = [self._lib.claims.get(c).key for c, _ in added]
            return ", ".join(keys)

        return self.change(question_id, scope, write)

    def add_absence(
        self, question_id: int, text: str, *, uid: str | None = None, key: str = ""
    ) -> MatrixEdit:
        """Add an absence of evidence as a row ("No group has claimed the attack"); its key
        (X1, X2...) is the edit's `made`. uid, key: kept as for `add_hypothesis`."""
        self._question(question_id)
        text = check_text(text, "an absence of evidence")
        conn = self._lib.conn

        def write() -> str:
            made = next_key(conn, "ach_rows", question_id, "X", key)
            conn.execute(
                "INSERT INTO ach_rows (uid, question_id, kind, key, text, position, created_at) "
                "VALUES (?, ?, 'absence', ?, ?, ?, ?)",
                (
                    uid or new_uid(),
                    question_id,
                    made,
                    text,
                    self._next_position(question_id),
                    now_iso(),
                ),
            )
            return made

        scope = [("ach_rows", "question_id = ? AND kind = 'absence'", (question_id,))]
        return self.change(question_id, scope, write)

    def update_absence(self, question_id: int, key: str, text: str) -> MatrixEdit:
        """Change the text of an absence of evidence."""
        row = self._stored_row(question_id, key)
        if row.kind != "absence":
            raise InvalidInput(f"{row.key} is not an absence of evidence")
        text = check_text(text, "an absence of evidence")

        def write() -> str:
            self._lib.conn.execute("UPDATE ach_rows SET text = ? WHERE id = ?", (text, row.id))
            return row.key

        return self.change(question_id, [("ach_rows", "id = ?", (row.id,))], write)

    def remove_row(self, question_id: int, key: str) -> MatrixEdit:
        """Take a row out of the matrix with its ratings: an absence is deleted, a claim taken
        off the question (the claim stays in the library), an assumption deleted."""
        row = self.row(question_id, key)
        conn = self._lib.conn
        scope: list[tuple[str, str, tuple[Any, ...]]] = []
        if row.id is not None:
            scope += [("ach_rows", "id = ?", (row.id,)), ("ach_ratings", "row_id = ?", (row.id,))]
        if row.claim_id is not None:
            scope.append(
                ("question_claims", "question_id = ? AND claim_id = ?", (question_id, row.claim_id))
            )
        if row.assumption_id is not None:
            a = (row.assumption_id,)
            scope += [
                ("key_assumptions", "id = ?", a),
                ("assumption_claims", "assumption_id = ?", a),
                ("assumption_hypotheses", "assumption_id = ?", a),
            ]

        def write() -> str:
            if row.id is not None:
                conn.execute("DELETE FROM ach_rows WHERE id = ?", (row.id,))
            if row.claim_id is not None:
                conn.execute(
                    "DELETE FROM question_claims WHERE question_id = ? AND claim_id = ?",
                    (question_id, row.claim_id),
                )
            if row.assumption_id is not None:
                conn.execute("DELETE FROM key_assumptions WHERE id = ?", (row.assumption_id,))
            return row.key

        return self.change(question_id, scope, write)

    def rate(self, question_id: int, hypothesis: str, row_key: str, rating: str) -> MatrixEdit:
        """Rate a row against a hypothesis: CC, C, N, I, II, NA, or '' to clear the cell."""
        value = check_rating(rating)
        h = self.hypothesis(question_id, hypothesis)
        row = self.row(question_id, row_key)
        conn = self._lib.conn

        def write() -> str:
            row_id = self._ensure_row(question_id, row)
            if value:
                conn.execute(
                    "INSERT INTO ach_ratings (row_id, hypothesis_id, rating) VALUES (?, ?, ?) "
                    "ON CONFLICT (row_id, hypothesis_id) DO UPDATE SET rating = excluded.rating",
                    (row_id, h.id, value),
                )
            else:
                conn.execute(
                    "DELETE FROM ach_ratings WHERE row_id = ? AND hypothesis_id = ?",
                    (row_id, h.id),
                )
            return row.key

        return self.change(question_id, self._row_scope(question_id, row, h.id), write)

    def weigh(
        self,
        question_id: int,
        row_key: str,
        *,
        relevance: str | None = None,
        credibility: str | None = None,
    ) -> MatrixEdit:
        """Set a row's relevance, or its credibility weight (over the suggested one; '' gives
        the suggestion back)."""
        rel = None if relevance is None else check_level(relevance, "relevance")
        cred = (
            None
            if credibility is None
            else (check_level(credibility, "credibility") if credibility.strip() else "")
        )
        row = self.row(question_id, row_key)

        def write() -> str:
            row_id = self._ensure_row(question_id, row)
            if rel is not None:
                self._lib.conn.execute(
                    "UPDATE ach_rows SET relevance = ? WHERE id = ?", (rel, row_id)
                )
            if cred is not None:
                self._lib.conn.execute(
                    "UPDATE ach_rows SET credibility = ? WHERE id = ?", (cred or None, row_id)
                )
            return row.key

        return self.change(question_id, self._row_scope(question_id, row), write)

    def switch(self, question_id: int, row_key: str, on: bool | None = None) -> MatrixEdit:
        """Switch a row on (scored) or off (kept, not scored); None flips it."""
        row = self.row(question_id, row_key)
        value = (not row.switched_off) if on is None else not on
        return self._set_flag(question_id, row, "switched_off", value)

    def mark_deceptive(self, question_id: int, row_key: str, on: bool | None = None) -> MatrixEdit:
        """Mark a row possibly deceptive (or not); None flips the mark."""
        row = self.row(question_id, row_key)
        value = (not row.deceptive) if on is None else on
        return self._set_flag(question_id, row, "deceptive", value)

    def _set_flag(self, question_id: int, row: MatrixRow, column: str, value: bool) -> MatrixEdit:
        def write() -> str:
            row_id = self._ensure_row(question_id, row)
            self._lib.conn.execute(
                f"UPDATE ach_rows SET {column} = ? WHERE id = ?", (int(value), row_id)
            )
            return row.key

        return self.change(question_id, self._row_scope(question_id, row), write)

    def _ensure_row(self, question_id: int, row: MatrixRow) -> int:
        """Return the stored id of a row, storing a claim's row the first time it is set."""
        if row.id is not None:
            return row.id
        cur = self._lib.conn.execute(
            "INSERT INTO ach_rows (uid, question_id, kind, claim_id, created_at) "
            "VALUES (?, ?, 'claim', ?, ?)",
            (new_uid(), question_id, row.claim_id, now_iso()),
        )
        return int(cur.lastrowid or 0)

    def _row_scope(
        self, question_id: int, row: MatrixRow, hypothesis_id: int | None = None
    ) -> Scope:
        params: tuple[Any, ...]
        if row.id is not None:
            where, params = "id = ?", (row.id,)
        else:  # a claim's row made by this write: found by its claim
            where, params = "question_id = ? AND claim_id = ?", (question_id, row.claim_id)
        scope: list[tuple[str, str, tuple[Any, ...]]] = [("ach_rows", where, params)]
        if hypothesis_id is not None:
            scope.append(
                (
                    "ach_ratings",
                    f"hypothesis_id = ? AND row_id IN (SELECT id FROM ach_rows WHERE {where})",
                    (hypothesis_id, *params),
                )
            )
        return scope

    def _next_position(self, question_id: int) -> int:
        row = self._lib.conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM ach_rows WHERE question_id = ?",
            (question_id,),
        ).fetchone()
        return int(row[0])

    # Reading --------------------------------------------------------------------------------

    def hypotheses(self, question_id: int) -> list[Hypothesis]:
        """Return a question's hypotheses in their order."""
        rows = self._lib.conn.execute(
            "SELECT id, uid, question_id, key, label, note, position, created_at, modified_at "
            "FROM ach_hypotheses WHERE question_id = ? ORDER BY position, id",
            (question_id,),
        )
        return [Hypothesis(*tuple(r)) for r in rows]

    def hypothesis(self, question_id: int, key: str) -> Hypothesis:
        """Return the hypothesis with this key (H2, any case); raise UnknownHypothesis."""
        wanted = key.strip().upper()
        for h in self.hypotheses(question_id):
            if h.key == wanted:
                return h
        question = self._question(question_id)
        raise UnknownHypothesis(f"{question.key} has no hypothesis {key.strip() or '(blank)'}")

    def hypothesis_by_uid(self, uid: str) -> Hypothesis | None:
        """Return the hypothesis with this global id, or None."""
        row = self._lib.conn.execute(
            "SELECT id, uid, question_id, key, label, note, position, created_at, modified_at "
            "FROM ach_hypotheses WHERE uid = ?",
            (uid,),
        ).fetchone()
        return None if row is None else Hypothesis(*tuple(row))

    def row_key_by_uid(self, uid: str) -> tuple[int, str] | None:
        """Return the (question id, key) of the absence or assumption row with this global
        id, or None."""
        found = self._lib.conn.execute(
            "SELECT w.question_id, coalesce(a.key, w.key) FROM ach_rows w "
            "LEFT JOIN key_assumptions a ON a.id = w.assumption_id "
            "WHERE w.uid = ? AND w.kind != 'claim'",
            (uid,),
        ).fetchone()
        return None if found is None else (int(found[0]), str(found[1]))

    def matrix(self, question_id: int) -> Matrix:
        """Return a question's matrix: its hypotheses and rows with ratings and weights."""
        question = self._question(question_id)
        hypotheses = tuple(self.hypotheses(question_id))
        return Matrix(question, hypotheses, tuple(self._rows(question_id)))

    def scores(self, question_id: int) -> MatrixScores:
        """Return the scores of a question's matrix."""
        return self.matrix(question_id).scores

    def row(self, question_id: int, key: str) -> MatrixRow:
        """Return the row named by key (a claim key, A1 or X1); raise UnknownRow."""
        wanted = key.strip().upper()
        question = self._question(question_id)
        if _CLAIM_KEY.fullmatch(wanted):
            claim = self._lib.claims.by_key(wanted)
            if claim is None:
                raise UnknownRow(f"no claim {wanted}")
            found = [r for r in self._rows(question_id, claim_id=claim.id)]
            if not found:
                raise UnknownRow(
                    f"{wanted} is not a claim of {question.key} "
                    f"(add it with `briefing ach evidence {question.key} --claim {wanted}`)"
                )
            return found[0]
        if _ENTRY_KEY.fullmatch(wanted):
            found = [r for r in self._rows(question_id, entry_key=wanted)]
            if found:
                return found[0]
        raise UnknownRow(f"{question.key} has no row {key.strip() or '(blank)'}")

    def _stored_row(self, question_id: int, key: str) -> MatrixRow:
        row = self.row(question_id, key)
        if row.id is None:
            raise UnknownRow(f"{row.key} has nothing set in the matrix yet")
        return row

    def _rows(
        self, question_id: int, *, claim_id: int | None = None, entry_key: str | None = None
    ) -> list[MatrixRow]:
        return read_rows(self._lib.conn, question_id, claim_id=claim_id, entry_key=entry_key)

    def uses_of_claim(self, claim_id: int) -> list[str]:
        """Return what deleting a claim would take from the matrices, in words ("its 3 ratings
        in Q1's matrix", "its support of key assumption A1 (Q1)"); [] when nothing."""
        conn = self._lib.conn
        rated = conn.execute(
            "SELECT q.key, count(*) FROM ach_rows r JOIN questions q ON q.id = r.question_id "
            "JOIN ach_ratings x ON x.row_id = r.id WHERE r.claim_id = ? "
            "GROUP BY r.id ORDER BY q.id",
            (claim_id,),
        ).fetchall()
        supported = conn.execute(
            "SELECT q.key, a.key FROM assumption_claims c "
            "JOIN key_assumptions a ON a.id = c.assumption_id "
            "JOIN questions q ON q.id = a.question_id WHERE c.claim_id = ? ORDER BY q.id, a.id",
            (claim_id,),
        ).fetchall()
        return [f"its {counted(n, 'ratings')} in {q}'s matrix" for q, n in rated] + [
            f"its support of key assumption {a} ({q})" for q, a in supported
        ]

    def uses_of_question(self, question_id: int) -> list[str]:
        """Return what deleting a key question would take with it, in words ("its matrix: 3
        hypotheses, 15 ratings, 1 absence of evidence", "1 key assumption"); [] when nothing
        but its place in the claims' lists."""
        count = self._lib.conn.execute(
            "SELECT (SELECT count(*) FROM ach_hypotheses WHERE question_id = :q), "
            "(SELECT count(*) FROM ach_ratings x JOIN ach_rows r ON r.id = x.row_id "
            " WHERE r.question_id = :q), "
            "(SELECT count(*) FROM ach_rows WHERE question_id = :q AND kind = 'absence'), "
            "(SELECT count(*) FROM key_assumptions WHERE question_id = :q)",
            {"q": question_id},
        ).fetchone()
        hypotheses, ratings, absences, assumptions = (int(n) for n in count)
        found = []
        if hypotheses or ratings or absences:
            parts = [counted(hypotheses, "hypotheses"), counted(ratings, "ratings")]
            if absences:
                parts.append(counted(absences, "absences of evidence"))
            found.append(f"its matrix: {', '.join(parts)}")
        if assumptions:
            found.append(f"{assumptions} key {'assumption' if assumptions == 1 else 'assumptions'}")
        return found

    def questions_with_matrices(self) -> list[Question]:
        """Return the questions that have at least one hypothesis, by key number."""
        ids = [
            int(r[0])
            for r in self._lib.conn.execute("SELECT DISTINCT question_id FROM ach_hypotheses")
        ]
        return sorted((self._lib.questions.get(i) for i in ids), key=lambda q: int(q.key[1:]))

    def _question(self, question_id: int) -> Question:
        return self._lib.questions.get(question_id)


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values)) or "NULL"


def _claims_in(states: Iterable[RecordState]) -> set[int]:
    """Return the claims whose place under a question an edit changed."""
    found = set()
    for s in states:
        if s.table == "question_claims":
            found.add(int(s.key[1]))
    return found
