"""Key assumptions of a key question (the Key Assumptions Check): `lib.assumptions`.

Each assumption is also a row of the question's ACH matrix, so it is rated against the
hypotheses like evidence. Writes return a `MatrixEdit`; `lib.ach.revert(edit)` undoes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from briefing_app.core.ach.model import ASSUMPTION_RATINGS, KeyAssumption
from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.ach.values import check_text, next_key
from briefing_app.core.changes import now_iso
from briefing_app.core.errors import BadRating, UnknownKeys, UnknownRow
from briefing_app.core.storage.ids import new_uid

if TYPE_CHECKING:
    from briefing_app.core.library import Library

_COLUMNS = "id, uid, question_id, key, text, rating, why, wrong_if, created_at, modified_at"


def check_assumption_rating(rating: str) -> str:
    """Return an assumption rating (solid, caveated, unsupported; '' not yet rated).

    >>> check_assumption_rating("Caveated")
    'caveated'
    """
    value = rating.strip().lower()
    if value and value not in ASSUMPTION_RATINGS:
        raise BadRating(f"an assumption is rated {', '.join(ASSUMPTION_RATINGS)} (not {rating!r})")
    return value


class AssumptionManager:
    """Key assumptions per question: `lib.assumptions`.

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> q = lib.questions.add("Who carried out the attack?")
    >>> lib.assumptions.add(q.id, "The border is porous", rating="solid").made
    'A1'
    >>> lib.ach.matrix(q.id).row("A1").kind
    'assumption'
    """

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def add(
        self,
        question_id: int,
        text: str,
        *,
        rating: str = "",
        why: str = "",
        wrong_if: str = "",
        supports: Sequence[str] = (),
        hypotheses: Sequence[str] = (),
        uid: str | None = None,
        row_uid: str | None = None,
        key: str = "",
    ) -> MatrixEdit:
        """Add a key assumption (and its matrix row); the edit's `made` is its key (A1...).

        supports: keys of the claims that support it; hypotheses: keys of those that depend
        on it (UnknownKeys names every key that is neither). uid, row_uid, key: keep these
        (from a review package; the key only if free).
        """
        self._lib.questions.get(question_id)
        text = check_text(text, "a key assumption")
        rating = check_assumption_rating(rating)
        claim_ids, hypothesis_ids = self.links(question_id, supports, hypotheses)
        conn = self._lib.conn

        def write() -> str:
            made = next_key(conn, "key_assumptions", question_id, "A", key)
            now = now_iso()
            cur = conn.execute(
                "INSERT INTO key_assumptions (uid, question_id, key, text, rating, why, wrong_if, "
                "created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid or new_uid(), question_id, made, text, rating, why.strip(), wrong_if.strip(),
                 now, now),
            )  # fmt: skip
            assumption_id = int(cur.lastrowid or 0)
            position = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM ach_rows WHERE question_id = ?",
                (question_id,),
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO ach_rows (uid, question_id, kind, assumption_id, position, "
                "created_at) VALUES (?, ?, 'assumption', ?, ?, ?)",
                (row_uid or new_uid(), question_id, assumption_id, position, now),
            )
            self._link(assumption_id, claim_ids, hypothesis_ids)
            return made

        return self._lib.ach.change(question_id, self._question_scope(question_id), write)

    def update(
        self,
        question_id: int,
        key: str,
        *,
        text: str | None = None,
        rating: str | None = None,
        why: str | None = None,
        wrong_if: str | None = None,
        supports: Sequence[str] | None = None,
        hypotheses: Sequence[str] | None = None,
    ) -> MatrixEdit:
        """Change an assumption's fields; supports and hypotheses (keys) replace the links held."""
        a = self.get(question_id, key)
        values = {
            "text": a.text if text is None else check_text(text, "a key assumption"),
            "rating": a.rating if rating is None else check_assumption_rating(rating),
            "why": a.why if why is None else why.strip(),
            "wrong_if": a.wrong_if if wrong_if is None else wrong_if.strip(),
        }
        claim_ids, hypothesis_ids = self.links(question_id, supports or (), hypotheses or ())
        conn = self._lib.conn

        def write() -> str:
            held = {"text": a.text, "rating": a.rating, "why": a.why, "wrong_if": a.wrong_if}
            if values != held:
                conn.execute(
                    "UPDATE key_assumptions SET text = ?, rating = ?, why = ?, wrong_if = ?, "
                    "modified_at = ? WHERE id = ?",
                    (*values.values(), now_iso(), a.id),
                )
            if supports is not None:
                conn.execute("DELETE FROM assumption_claims WHERE assumption_id = ?", (a.id,))
                self._link(a.id, claim_ids, [])
            if hypotheses is not None:
                conn.execute("DELETE FROM assumption_hypotheses WHERE assumption_id = ?", (a.id,))
                self._link(a.id, [], hypothesis_ids)
            return a.key

        return self._lib.ach.change(question_id, self._one_scope(a.id), write)

    def delete(self, question_id: int, key: str) -> MatrixEdit:
        """Delete an assumption with its matrix row, ratings and links."""
        return self._lib.ach.remove_row(question_id, self.get(question_id, key).key)

    def all(self, question_id: int) -> list[KeyAssumption]:
        """Return a question's key assumptions by key."""
        rows = self._lib.conn.execute(
            f"SELECT {_COLUMNS} FROM key_assumptions WHERE question_id = ?", (question_id,)
        ).fetchall()
        found = [self._assumption(r) for r in rows]
        return sorted(found, key=lambda a: int(a.key[1:]))

    def get(self, question_id: int, key: str) -> KeyAssumption:
        """Return the assumption with this key (A1, any case); raise UnknownRow."""
        wanted = key.strip().upper()
        row = self._lib.conn.execute(
            f"SELECT {_COLUMNS} FROM key_assumptions WHERE question_id = ? AND key = ?",
            (question_id, wanted),
        ).fetchone()
        if row is None:
            question = self._lib.questions.get(question_id)
            raise UnknownRow(f"{question.key} has no key assumption {key.strip() or '(blank)'}")
        return self._assumption(row)

    def by_uid(self, uid: str) -> KeyAssumption | None:
        """Return the assumption with this global id, or None."""
        row = self._lib.conn.execute(
            f"SELECT {_COLUMNS} FROM key_assumptions WHERE uid = ?", (uid,)
        ).fetchone()
        return None if row is None else self._assumption(row)

    def supporting_claims(self, assumption_id: int) -> list[int]:
        """Return the ids of the claims that support an assumption, in order."""
        rows = self._lib.conn.execute(
            "SELECT claim_id FROM assumption_claims WHERE assumption_id = ? ORDER BY position",
            (assumption_id,),
        )
        return [int(r[0]) for r in rows]

    def of_hypothesis(self, question_id: int, key: str) -> list[KeyAssumption]:
        """Return the assumptions a hypothesis depends on."""
        return [a for a in self.all(question_id) if key.strip().upper() in a.hypothesis_keys]

    def _assumption(self, row: Any) -> KeyAssumption:
        conn = self._lib.conn
        claims = conn.execute(
            "SELECT c.key FROM assumption_claims ac JOIN claims c ON c.id = ac.claim_id "
            "WHERE ac.assumption_id = ? ORDER BY ac.position",
            (row[0],),
        )
        hypotheses = conn.execute(
            "SELECT h.key FROM assumption_hypotheses ah "
            "JOIN ach_hypotheses h ON h.id = ah.hypothesis_id "
            "WHERE ah.assumption_id = ? ORDER BY h.position, h.id",
            (row[0],),
        )
        return KeyAssumption(
            id=row[0],
            uid=row[1],
            question_id=row[2],
            key=row[3],
            text=row[4],
            rating=row[5],
            why=row[6],
            wrong_if=row[7],
            claim_keys=tuple(r[0] for r in claims),
            hypothesis_keys=tuple(r[0] for r in hypotheses),
            created_at=row[8],
            modified_at=row[9],
        )

    def links(
        self, question_id: int | None, supports: Iterable[str], hypotheses: Iterable[str]
    ) -> tuple[list[int], list[int]]:
        """Return the ids of the claims and the question's hypotheses named; raise UnknownKeys.

        The one check of an assumption's keys (any case), naming every unknown key in one
        line: add and update run it before writing, the window's form before OK closes, with
        or without a question chosen (question_id None: no hypothesis key is known).

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> q = lib.questions.add("Who carried out the attack?")
        >>> lib.assumptions.links(q.id, ["C98", "c99"], ["H7"])
        Traceback (most recent call last):
        briefing_app.core.errors.UnknownKeys: no claims C98, c99; Q1 has no hypothesis H7
        >>> lib.assumptions.links(None, ["C98"], ["H1"])
        Traceback (most recent call last):
        briefing_app.core.errors.UnknownKeys: no claim C98; no key question chosen for hypothesis H1
        """
        claim_keys = list(dict.fromkeys(k.strip() for k in supports))
        hypothesis_keys = list(dict.fromkeys(k.strip() for k in hypotheses))
        claims = self._lib.claims.by_keys([k.upper() for k in claim_keys])
        held = {}
        if question_id is not None:
            held = {h.key: h.id for h in self._lib.ach.hypotheses(question_id)}
        no_claim = [k or "(blank)" for k in claim_keys if k.upper() not in claims]
        no_hypothesis = [k or "(blank)" for k in hypothesis_keys if k.upper() not in held]
        problems = []
        if no_claim:
            problems.append(f"no {_noun('claim', no_claim)} {', '.join(no_claim)}")
        if no_hypothesis:
            noun = f"{_noun('hypothesis', no_hypothesis, 'hypotheses')} {', '.join(no_hypothesis)}"
            if question_id is None:
                problems.append(f"no key question chosen for {noun}")
            else:
                question = self._lib.questions.get(question_id).key
                problems.append(f"{question} has no {noun}")
        if problems:
            raise UnknownKeys(problems, [*no_claim, *no_hypothesis])
        ids = dict.fromkeys(claims[k.upper()].id for k in claim_keys)
        return list(ids), list(dict.fromkeys(held[k.upper()] for k in hypothesis_keys))

    def _link(self, assumption_id: int, claim_ids: list[int], hypothesis_ids: list[int]) -> None:
        conn = self._lib.conn
        conn.executemany(
            "INSERT INTO assumption_claims (assumption_id, claim_id, position) VALUES (?, ?, ?)",
            [(assumption_id, c, i) for i, c in enumerate(claim_ids)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO assumption_hypotheses (assumption_id, hypothesis_id) "
            "VALUES (?, ?)",
            [(assumption_id, h) for h in hypothesis_ids],
        )

    def _question_scope(self, question_id: int) -> list[tuple[str, str, tuple[Any, ...]]]:
        mine = "SELECT id FROM key_assumptions WHERE question_id = ?"
        q = (question_id,)
        return [
            ("key_assumptions", "question_id = ?", q),
            ("ach_rows", "question_id = ? AND kind = 'assumption'", q),
            ("assumption_claims", f"assumption_id IN ({mine})", q),
            ("assumption_hypotheses", f"assumption_id IN ({mine})", q),
        ]

    def _one_scope(self, assumption_id: int) -> list[tuple[str, str, tuple[Any, ...]]]:
        a = (assumption_id,)
        return [
            ("key_assumptions", "id = ?", a),
            ("assumption_claims", "assumption_id = ?", a),
            ("assumption_hypotheses", "assumption_id = ?", a),
        ]


def _noun(one: str, keys: list[str], many: str = "") -> str:
    return one if len(keys) == 1 else (many or f"{one}s")
