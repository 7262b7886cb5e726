"""Key questions a brief must answer (Q1, Q2...), each with an ordered set of claims.

A claim can serve several questions. Question keys, like claim keys, are never reused.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_app.core.ach.records import RecordState, question_scope, snapshot
from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.models import Claim, Question, QuestionTitle
from briefing_app.core.storage.ids import new_uid

if TYPE_CHECKING:
    from briefing_app.core.library import Library

_KEY = re.compile(r"Q([1-9]\d*)")


@dataclass(frozen=True)
class RemovedQuestion:
    """A deleted question with the claims it had, in order: what `restore` puts back."""

    question: Question
    # (claim id, position) of each assigned claim.
    assignments: tuple[tuple[int, int], ...]
    # Its ACH matrix and key assumptions, as records to write back.
    matrix_records: tuple[RecordState, ...] = ()


class QuestionManager:
    """Key questions in a library: `lib.questions`.

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> lib.questions.add("Who carried out the Khatlon attack?").key
    'Q1'
    """

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def add(
        self,
        text: str,
        note: str = "",
        *,
        uid: str | None = None,
        claim_ids: Iterable[int] = (),
    ) -> Question:
        """Add a key question (with claim_ids assigned, in one step); return it with its key.

        `delete` undoes it and `restore` redoes it with the same key and claims.
        """
        if not text.strip():
            raise InvalidInput("a key question needs its text")
        claims = list(dict.fromkeys(claim_ids))
        self._check_claims(claims)  # refused before anything is written
        now = now_iso()
        conn = self._lib.conn
        with self._lib.write() as changes:
            number = int(
                conn.execute("SELECT value FROM counters WHERE name = 'question_key'").fetchone()[0]
            )
            conn.execute("UPDATE counters SET value = ? WHERE name = 'question_key'", (number + 1,))
            cur = conn.execute(
                "INSERT INTO questions (uid, key, text, note, created_at, modified_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (uid or new_uid(), f"Q{number + 1}", text.strip(), note.strip(), now, now),
            )
            question_id = int(cur.lastrowid or 0)
            changes.questions.add(question_id)
            if claims:
                self.assign(question_id, claims)
        return self.get(question_id)

    def get(self, question_id: int) -> Question:
        """Return the question with this id; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT id, uid, key, text, note, created_at, modified_at FROM questions WHERE id = ?",
            (question_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no key question with id {question_id}")
        return Question(
            row[0], row[1], row[2], row[3], row[4], self._claim_keys(row[0]), row[5], row[6]
        )

    def by_key(self, key: str) -> Question:
        """Return the question with this key (e.g. 'Q1', any case); raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT id FROM questions WHERE key = ? COLLATE NOCASE", (key.strip(),)
        ).fetchone()
        if row is None:
            raise NotFound(f"no key question {key.strip()}")
        return self.get(row[0])

    def by_uid(self, uid: str) -> Question | None:
        """Return the question with this global id, or None."""
        row = self._lib.conn.execute("SELECT id FROM questions WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else self.get(row[0])

    def all(self) -> list[Question]:
        """Return every question, by key number."""
        rows = self._lib.conn.execute("SELECT id FROM questions ORDER BY id").fetchall()
        return sorted((self.get(r[0]) for r in rows), key=lambda q: int(q.key[1:]))

    def titles(self) -> list[QuestionTitle]:
        """Return every question without its claims, by key number: what a menu offers.

        all() reads each question's claim keys, 100,000 of them for a question assigned
        every claim; a picker or a menu needs only the titles.
        """
        rows = self._lib.conn.execute("SELECT id, uid, key, text FROM questions").fetchall()
        return sorted((QuestionTitle(*r) for r in rows), key=lambda q: int(q.key[1:]))

    def update(
        self, question_id: int, text: str | None = None, note: str | None = None
    ) -> Question:
        """Change a question's text or note; return it."""
        self.get(question_id)
        if text is not None and not text.strip():
            raise InvalidInput("a key question needs its text")
        with self._lib.write() as changes:
            changes.questions.add(question_id)
            if text is not None:
                self._lib.conn.execute(
                    "UPDATE questions SET text = ?, modified_at = ? WHERE id = ?",
                    (text.strip(), now_iso(), question_id),
                )
            if note is not None:
                self._lib.conn.execute(
                    "UPDATE questions SET note = ?, modified_at = ? WHERE id = ?",
                    (note.strip(), now_iso(), question_id),
                )
        return self.get(question_id)

    def revert(self, before: Question) -> Question:
        """Put a question's text, note and time back as in before (undo of update)."""
        self.get(before.id)
        with self._lib.write() as changes:
            changes.questions.add(before.id)
            self._lib.conn.execute(
                "UPDATE questions SET text = ?, note = ?, modified_at = ? WHERE id = ?",
                (before.text, before.note, before.modified_at, before.id),
            )
        return self.get(before.id)

    def claims(self, question_id: int) -> list[Claim]:
        """Return the claims assigned to a question, in their order."""
        rows = self._lib.conn.execute(
            "SELECT claim_id FROM question_claims WHERE question_id = ? ORDER BY position",
            (question_id,),
        )
        return self._lib.claims.get_many(int(r[0]) for r in rows)

    def of_claim(self, claim_id: int) -> list[QuestionTitle]:
        """Return the questions a claim is assigned to, without their claims, by key number.

        One query: the inspector asks on every claim selected, and a question may hold
        100,000 claims whose keys get() would read.
        """
        rows = self._lib.conn.execute(
            "SELECT q.id, q.uid, q.key, q.text FROM question_claims qc "
            "JOIN questions q ON q.id = qc.question_id WHERE qc.claim_id = ?",
            (claim_id,),
        ).fetchall()
        return sorted((QuestionTitle(*r) for r in rows), key=lambda q: int(q.key[1:]))

    def assign(self, question_id: int, claim_ids: Iterable[int]) -> list[tuple[int, int]]:
        """Assign claims to a question after those it has; return the (claim id, position) of
        each newly assigned one (a claim already there keeps its place), so `revert_assign`
        (or `unassign`) undoes it.

        Set-based, one statement to insert them all: the claims table assigns every claim it
        selects, 100,000 of them after Ctrl+A. An id that is no claim fails the insert's
        foreign key, and nothing is written.
        """
        self.key_of(question_id)
        ids = list(dict.fromkeys(claim_ids))
        conn = self._lib.conn
        try:
            with self._lib.write() as changes:
                new = self.unassigned(question_id, ids)
                last = conn.execute(
                    "SELECT coalesce(max(position), -1) FROM question_claims WHERE question_id = ?",
                    (question_id,),
                ).fetchone()[0]
                # json_each numbers the array's elements from 0: each one's place after last.
                conn.execute(
                    "INSERT INTO question_claims (question_id, claim_id, position) "
                    "SELECT ?, value, ? + key FROM json_each(?)",
                    (question_id, last + 1, json.dumps(new)),
                )
                if new:
                    changes.claims.update(new)
                    changes.questions.add(question_id)  # new rows of its ACH matrix
        except sqlite3.IntegrityError:
            self._check_claims(ids)  # names the id that is no claim
            raise
        return [(claim_id, last + 1 + n) for n, claim_id in enumerate(new)]

    def revert_assign(
        self, question_id: int, added: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Take off a question the claims an `assign` added (its return); return added, for
        `assign` to redo. One statement, checking nothing: an undo of 100,000 assignments."""
        self.key_of(question_id)
        ids = [c for c, _ in added]
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "DELETE FROM question_claims WHERE question_id = ? "
                "AND claim_id IN (SELECT value FROM json_each(?))",
                (question_id, json.dumps(ids)),
            )
            changes.claims.update(ids)
            changes.questions.add(question_id)
        return added

    def unassigned(self, question_id: int, claim_ids: Iterable[int]) -> list[int]:
        """Return those of claim_ids not assigned to a question, in their order (one query)."""
        held = {
            int(r[0])
            for r in self._lib.conn.execute(
                "SELECT claim_id FROM question_claims WHERE question_id = ?", (question_id,)
            )
        }
        return [i for i in dict.fromkeys(claim_ids) if i not in held]

    def holding_all(self, claim_ids: Iterable[int]) -> set[int]:
        """Return the ids of the questions every one of these claims is assigned to.

        One grouped query, so a menu for 100,000 selected claims can grey out the questions
        that already hold them all without loading a claim.
        """
        ids = list(dict.fromkeys(claim_ids))
        if not ids:
            return set()
        rows = self._lib.conn.execute(
            "SELECT question_id FROM question_claims "
            "WHERE claim_id IN (SELECT value FROM json_each(?)) "
            "GROUP BY question_id HAVING count(*) = ?",
            (json.dumps(ids), len(ids)),
        )
        return {int(r[0]) for r in rows}

    def title_by_key(self, key: str) -> QuestionTitle:
        """Return the question with this key (any case) without its claims; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT id, uid, key, text FROM questions WHERE key = ? COLLATE NOCASE", (key.strip(),)
        ).fetchone()
        if row is None:
            raise NotFound(f"no key question {key.strip()}")
        return QuestionTitle(*row)

    def key_of(self, question_id: int) -> str:
        """Return a question's key (Q1); raise NotFound. Unlike get, reads none of its claims."""
        row = self._lib.conn.execute(
            "SELECT key FROM questions WHERE id = ?", (question_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no key question with id {question_id}")
        return str(row[0])

    def _check_claims(self, ids: list[int]) -> None:
        """Raise NotFound naming the first of ids that is no claim (one query)."""
        if not ids:
            return
        found = {
            int(r[0])
            for r in self._lib.conn.execute(
                "SELECT id FROM claims WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        }
        missing = next((i for i in ids if i not in found), None)
        if missing is not None:
            raise NotFound(f"no claim with id {missing}")

    def unassign(self, question_id: int, claim_ids: Iterable[int]) -> list[tuple[int, int]]:
        """Take claims off a question; return each one's (claim id, position), so
        `restore_assignments` puts them back where they were (set-based, as `assign`)."""
        question_key = self.key_of(question_id)
        conn = self._lib.conn
        ids = list(dict.fromkeys(claim_ids))
        among = json.dumps(ids)
        positions = {
            int(r[0]): int(r[1])
            for r in conn.execute(
                "SELECT claim_id, position FROM question_claims WHERE question_id = ? "
                "AND claim_id IN (SELECT value FROM json_each(?))",
                (question_id, among),
            )
        }
        missing = next((i for i in ids if i not in positions), None)
        if missing is not None:
            key = self._lib.claims.get(missing).key
            raise InvalidInput(f"{key} is not assigned to {question_key}")
        with self._lib.write() as changes:
            conn.execute(
                "DELETE FROM question_claims WHERE question_id = ? "
                "AND claim_id IN (SELECT value FROM json_each(?))",
                (question_id, among),
            )
            changes.claims.update(ids)
            changes.questions.add(question_id)
        return [(claim_id, positions[claim_id]) for claim_id in ids]

    def restore_assignments(self, question_id: int, assignments: Iterable[tuple[int, int]]) -> None:
        """Put claims back on a question at their old positions (undo of unassign)."""
        placed = list(assignments)
        with self._lib.write() as changes:
            # One statement over every row (an undo of a delete of 20,000 claims ran 20,000).
            self._lib.conn.executemany(
                "INSERT OR IGNORE INTO question_claims (question_id, claim_id, position) "
                "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?) "
                "AND EXISTS (SELECT 1 FROM questions WHERE id = ?)",
                [(question_id, c, p, c, question_id) for c, p in placed],
            )
            changes.claims.update(c for c, _ in placed)
            if placed:
                changes.questions.add(question_id)

    def delete(self, question_id: int) -> RemovedQuestion:
        """Delete a question (its claims stay); return what `restore` needs."""
        question = self.get(question_id)
        assignments = tuple(
            (int(r[0]), int(r[1]))
            for r in self._lib.conn.execute(
                "SELECT claim_id, position FROM question_claims WHERE question_id = ?",
                (question_id,),
            )
        )
        matrix = snapshot(self._lib.conn, question_scope(question_id))
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM questions WHERE id = ?", (question_id,))
            changes.claims.update(c for c, _ in assignments)
            changes.questions.add(question_id)
        return RemovedQuestion(question, assignments, matrix)

    def restore(self, removed: RemovedQuestion) -> Question:
        """Re-create a deleted question with its id, uid and key, and its claims in order."""
        q = removed.question
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "INSERT INTO questions (id, uid, key, text, note, created_at, modified_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (q.id, q.uid, q.key, q.text, q.note, q.created_at, q.modified_at),
            )
            self.restore_assignments(q.id, removed.assignments)
            self._lib.ach.put_back(removed.matrix_records)
            changes.questions.add(q.id)
        return self.get(q.id)

    def _claim_keys(self, question_id: int) -> list[str]:
        rows = self._lib.conn.execute(
            "SELECT c.key FROM question_claims qc JOIN claims c ON c.id = qc.claim_id "
            "WHERE qc.question_id = ? ORDER BY qc.position",
            (question_id,),
        )
        return [r[0] for r in rows]


def is_question_key(text: str) -> bool:
    """Return whether text is written as a question key (Q1, q12)."""
    return _KEY.fullmatch(text.strip().upper()) is not None
