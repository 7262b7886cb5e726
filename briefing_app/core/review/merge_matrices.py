"""Merging the ACH matrices, key assumptions and judgment a review package carries
(`pack_matrices.py` writes and checks them) by uid, like the rest of a package.

A record already here (same uid; a claim's row: same question and claim) is kept, and what
differs is reported with this library's kept. A rating merges three-way, as `merge.py` merges a
note or a claim: the note remembers the values each cell has had in its exchanges, and the
package carries the sender's; a rating changed by the sender only (ours is one they have seen)
is taken, one changed here only (theirs is one we have seen) is kept, and only one changed on
both sides is reported, this library's kept. A rating missing here is added; the note takes
the package's judgment when it has none. A cell the sender cleared merges the same way, its
blank ("") one more value: taken when ours is one they had seen, a conflict when ours changed.
A row's weights and switches, and a key assumption's text, rating and reasons, merge by the
same rule over the fingerprints of the values they have had (`pack_matrices.row_fingerprint`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing_app.core.ach.judgments import judgment
from briefing_app.core.ach.model import KeyAssumption, MatrixRow
from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.errors import NotFound
from briefing_app.core.records import note_settings
from briefing_app.core.review.pack_matrices import (
    BLANK,
    JUDGMENT_MEMBER,
    MATRICES_MEMBER,
    assumption_fingerprint,
    cleared_cells,
    rated_cells,
    row_fingerprint,
    row_name,
    sent_row_fingerprint,
)

if TYPE_CHECKING:
    from briefing_app.core.library import Library


# What the note's exchange history holds of the matrices, by part: each cell's ratings (named
# by pack_matrices.rated_cells), each row's weights and switches (by row_name) and each key
# assumption's text, rating and reasons (by uid), the last two as fingerprints.
MATRIX_PARTS = ("ratings", "rows", "assumptions")


@dataclass
class MatrixExchange:
    """The matrices' part of one merge: the histories known here, and what it did."""

    # Part (MATRIX_PARTS) -> name -> the values it had in this note's exchanges.
    known: dict[str, dict[str, list[str]]]
    # Part -> name -> the values this exchange showed, for the note to remember.
    seen: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {part: {} for part in MATRIX_PARTS}
    )
    # The package's ratings, weights and assumptions taken over ours; `lib.ach.revert` undoes
    # each.
    edits: list[MatrixEdit] = field(default_factory=list)

    def changed(self, part: str, name: str, here: str, theirs: str, sender: list[str]) -> str:
        """Say which side changed a value since the exchanges both remember: "neither" (the
        same, or changed here only), "theirs" (the sender only) or "both" (a conflict).

        here and theirs are fingerprints; sender the package's history (none in older ones).
        """
        if here == theirs or theirs in self.known[part].get(name, []):
            return "neither"
        return "theirs" if here in sender else "both"

    def saw(self, part: str, name: str, sender: list[str], theirs: str) -> None:
        """Remember the values this exchange showed of name (not after a conflict: the
        difference stands until one side gives way)."""
        self.seen[part][name] = [*sender, theirs]


def merge_matrices(
    lib: Library,
    members: dict[str, Any],
    note_id: int,
    claim_ids: dict[str, int],
    counts: tuple[dict[str, int], dict[str, int], dict[str, int]],
    conflicts: list[str],
    ratings: MatrixExchange,
) -> None:
    """Merge the package's matrices and judgment (claim_ids: package claim uid -> id here;
    counts: added, reused and updated by noun)."""
    for data in members.get(MATRICES_MEMBER, []):
        question = lib.questions.by_uid(data["question_uid"])
        if question is not None:
            matrix = _Matrix(lib, question.id, question.key, claim_ids, counts, conflicts)
            matrix.merge(data, ratings)
    judged = members.get(JUDGMENT_MEMBER)
    if judged is None:
        return
    note = lib.notes.get(note_id)
    here = judgment(lib, note)
    hypothesis = lib.ach.hypothesis_by_uid(judged["hypothesis_uid"])
    if here is None and hypothesis is not None:
        value = {
            "question": judged["question_uid"],
            "hypothesis": judged["hypothesis_uid"],
            "confidence": judged["confidence"],
        }
        note_settings.set_judgment_setting(lib, note_id, value, touch=False)
    elif here is not None and (here.hypothesis_uid, here.confidence) != (
        judged["hypothesis_uid"],
        judged["confidence"],
    ):
        conflicts.append("the note's judgment differs from the package's; this library's kept")


def _sender(rating: dict[str, Any]) -> list[str]:
    """Return the sender's history of a rated cell, its blank (if they saw one) included."""
    history: list[str] = list(rating.get("history", []))
    return [*history, BLANK] if rating.get("seen_blank") else history


class _Matrix:
    """Merges one question's matrix, mapping the package's uids to this library's keys."""

    def __init__(
        self,
        lib: Library,
        question_id: int,
        question_key: str,
        claim_ids: dict[str, int],
        counts: tuple[dict[str, int], dict[str, int], dict[str, int]],
        conflicts: list[str],
    ) -> None:
        self.lib, self.q, self.qkey = lib, question_id, question_key
        self.claim_ids = claim_ids
        self.added, self.reused, self.updated = counts
        self.conflicts = conflicts
        self.hypotheses: dict[str, str] = {}  # package uid -> key here
        self.rows: dict[str, str] = {}
        self.new_rows: set[str] = set()

    def merge(self, data: dict[str, Any], exchange: MatrixExchange) -> None:
        for h in data["hypotheses"]:
            self.hypothesis(h)
        # Rows in the package's order, each assumption with its row, so the matrix reads alike.
        assumptions = {a["uid"]: a for a in data["assumptions"]}
        for r in data["rows"]:
            if r["kind"] == "assumption" and r["assumption_uid"] in assumptions:
                self.assumption(assumptions.pop(r["assumption_uid"]), r, exchange)
            self.row(r, row_name(data, r), exchange)
        for a in assumptions.values():
            self.assumption(a, None, exchange)
        matrix = self.lib.ach.matrix(self.q)
        held = {(r.key, h): v for r in matrix.rows for h, v in r.ratings.items()}
        cells = [
            *((cell, r, r["rating"], _sender(r)) for cell, r in rated_cells(data)),
            *((cell, c, BLANK, list(c["history"])) for cell, c in cleared_cells(data)),
        ]
        for cell, at, theirs, sender in cells:
            row, h = self.rows.get(at["row_uid"]), self.hypotheses.get(at["hypothesis_uid"])
            if row is not None and h is not None:
                here = held.get((row, h), BLANK)
                self.rating(cell, (row, h), here, theirs, sender, exchange)

    def rating(
        self,
        cell: str,
        at: tuple[str, str],
        here: str,
        theirs: str,
        sender: list[str],
        exchange: MatrixExchange,
    ) -> None:
        """Merge one cell three-way: ours, theirs (BLANK: cleared), and what both histories
        hold (sender's: none in packages made before rating histories)."""
        row, h = at
        known = exchange.known["ratings"].get(cell, [])
        if here == theirs or theirs in known:
            if theirs != BLANK:  # a blank cell is no record to count
                self.reused["ratings"] += 1  # the same, or changed (or cleared) only here since
        elif here == BLANK and not known:
            self.lib.ach.rate(self.q, h, row, theirs)
            self.added["ratings"] += 1
        elif here in sender:
            # Changed (or cleared) by the sender only: taken, as a note or a claim would be.
            exchange.edits.append(self.lib.ach.rate(self.q, h, row, theirs))
            self.updated["ratings"] += 1
        else:
            ours = f"rated {here}" if here != BLANK else "not rated"
            shown = theirs if theirs != BLANK else "cleared"
            self.conflicts.append(
                f"{self.qkey} {row} against {h}: {ours} here, {shown} in the package; "
                "this library's kept"
            )
            return  # not seen: the difference stands until one side gives way
        exchange.saw("ratings", cell, sender, theirs)

    def hypothesis(self, h: dict[str, Any]) -> None:
        local = self.lib.ach.hypothesis_by_uid(h["uid"])
        if local is None:
            edit = self.lib.ach.add_hypothesis(
                self.q, h["label"], h["note"], uid=h["uid"], key=h["key"]
            )
            self.hypotheses[h["uid"]] = edit.made
            self.added["hypotheses"] += 1
            return
        if local.question_id != self.q:
            return  # the same uid under another question here: not this matrix's
        self.hypotheses[h["uid"]] = local.key
        self.reused["hypotheses"] += 1
        if local.label != " ".join(h["label"].split()):
            self.conflicts.append(
                f"{self.qkey} hypothesis {local.key}: label differs; this library's kept"
            )

    def assumption(
        self, a: dict[str, Any], row: dict[str, Any] | None, exchange: MatrixExchange
    ) -> None:
        here = [self.claim_ids[u] for u in a["claims"] if u in self.claim_ids]
        supports = [self.lib.claims.get(claim_id).key for claim_id in here]
        hypotheses = [self.hypotheses[u] for u in a["hypotheses"] if u in self.hypotheses]
        local = self.lib.assumptions.by_uid(a["uid"])
        theirs = assumption_fingerprint(a["text"], a["rating"], a["why"], a["wrong_if"])
        if local is None:
            edit = self.lib.assumptions.add(
                self.q,
                a["text"],
                rating=a["rating"],
                why=a["why"],
                wrong_if=a["wrong_if"],
                supports=supports,
                hypotheses=hypotheses,
                uid=a["uid"],
                row_uid=row["uid"] if row else None,
                key=a["key"],
            )
            if row is not None:
                self.rows[row["uid"]] = edit.made
                self.new_rows.add(row["uid"])
            self.added["assumptions"] += 1
            exchange.saw("assumptions", a["uid"], a.get("history", []), theirs)
            return
        if local.question_id != self.q:
            return
        self.reused["assumptions"] += 1
        if row is not None:
            self.rows[row["uid"]] = local.key
        if not self._merged_wording(local, a, theirs, exchange):
            self.conflicts.append(
                f"{self.qkey} assumption {local.key}: wording, rating or reasons differ; "
                "this library's kept"
            )
        held = list(local.claim_keys)
        more_claims = [c for c in supports if c not in held]
        more_hypotheses = [h for h in hypotheses if h not in local.hypothesis_keys]
        if more_claims or more_hypotheses:
            self.lib.assumptions.update(
                self.q,
                local.key,
                supports=held + more_claims,
                hypotheses=[*local.hypothesis_keys, *more_hypotheses],
            )

    def _merged_wording(
        self, local: KeyAssumption, a: dict[str, Any], theirs: str, exchange: MatrixExchange
    ) -> bool:
        """Merge an assumption's text, rating and reasons three-way; return False on a
        conflict."""
        sender: list[str] = a.get("history", [])
        here = assumption_fingerprint(local.text, local.rating, local.why, local.wrong_if)
        changed = exchange.changed("assumptions", a["uid"], here, theirs, sender)
        if changed == "both":
            return False
        if changed == "theirs":  # the sender's correction of a wording we left alone
            edit = self.lib.assumptions.update(
                self.q,
                local.key,
                text=a["text"],
                rating=a["rating"],
                why=a["why"],
                wrong_if=a["wrong_if"],
            )
            exchange.edits.append(edit)
            self.updated["assumptions"] += 1
        exchange.saw("assumptions", a["uid"], sender, theirs)
        return True

    def row(self, r: dict[str, Any], name: str, exchange: MatrixExchange) -> None:
        kind = r["kind"]
        if kind == "absence":
            found = self.lib.ach.row_key_by_uid(r["uid"])
            if found is None:
                made = self.lib.ach.add_absence(self.q, r["text"], uid=r["uid"], key=r["key"]).made
                self.rows[r["uid"]] = made
                self.new_rows.add(r["uid"])
            elif found[0] == self.q:
                self.rows[r["uid"]] = found[1]
        elif kind == "claim":
            claim_id = self.claim_ids.get(r["claim_uid"])
            if claim_id is None:
                return
            key = self.lib.claims.get(claim_id).key
            try:
                local = self.lib.ach.row(self.q, key)
            except NotFound:  # the claim is not on the question here
                return
            self.rows[r["uid"]] = key
            if local.id is None:
                self.new_rows.add(r["uid"])
        row_key = self.rows.get(r["uid"])
        if row_key is None:
            return
        sender: list[str] = r.get("history", [])
        theirs = sent_row_fingerprint(r)
        if r["uid"] in self.new_rows:
            self._set_state(row_key, r)
            exchange.saw("rows", name, sender, theirs)
            return
        local = self.lib.ach.row(self.q, row_key)
        here = row_fingerprint(
            local.switched_off, local.deceptive, local.relevance, local.credibility_override
        )
        changed = exchange.changed("rows", name, here, theirs, sender)
        if changed == "both":
            self.conflicts.append(
                f"{self.qkey} row {row_key}: weights or switches differ; this library's kept"
            )
            return
        if changed == "theirs":  # e.g. a supervisor's relevance the analyst left alone
            exchange.edits += self._set_state(row_key, r, local)
            self.updated["rows"] += 1
        exchange.saw("rows", name, sender, theirs)

    def _set_state(
        self, key: str, r: dict[str, Any], local: MatrixRow | None = None
    ) -> list[MatrixEdit]:
        """Give a row the package's weights and switches (only those differing from local's);
        return the edits, each undoable."""
        ach, edits = self.lib.ach, []
        credibility = r["credibility"] or None
        weights = (r["relevance"], credibility)
        if local is None or (local.relevance, local.credibility_override) != weights:
            edits.append(
                ach.weigh(self.q, key, relevance=r["relevance"], credibility=credibility or "")
            )
        if local is None or local.switched_off != r["switched_off"]:
            edits.append(ach.switch(self.q, key, not r["switched_off"]))
        if local is None or local.deceptive != r["deceptive"]:
            edits.append(ach.mark_deceptive(self.q, key, r["deceptive"]))
        return edits
