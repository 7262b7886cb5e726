"""The records of an ACH matrix: hypotheses, evidence rows with their ratings and weights,
key assumptions, and the matrix of a key question as one value."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from briefing_app.core.ach.scoring import MatrixInput, MatrixScores, score_matrix
from briefing_app.core.models import Question

ROW_KINDS = ("claim", "assumption", "absence")
ASSUMPTION_RATINGS = ("solid", "caveated", "unsupported")
ASSUMPTION_RATING_LABELS = {
    "solid": "Solid",
    "caveated": "Correct with caveats",
    "unsupported": "Unsupported",
    "": "Not yet rated",
}
CONFIDENCES = ("low", "moderate", "high")


def suggested_credibility(credibility: int, reliability: str) -> str:
    """Return the credibility weight a claim suggests from its grade.

    High when the information is graded 1–2 and its source A–B; low when the information is
    graded 4–6 or the source D–E; otherwise medium.

    >>> suggested_credibility(2, "B"), suggested_credibility(1, "E"), suggested_credibility(3, "A")
    ('high', 'low', 'medium')
    """
    if credibility in (1, 2) and reliability in ("A", "B"):
        return "high"
    if credibility in (4, 5, 6) or reliability in ("D", "E"):
        return "low"
    return "medium"


@dataclass(frozen=True)
class Hypothesis:
    """A hypothesis of a question's matrix (H1, H2...), in the analyst's order."""

    id: int
    uid: str
    question_id: int
    key: str
    label: str
    note: str = ""
    position: int = 0
    created_at: str = ""
    modified_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "key": self.key,
            "uid": self.uid,
            "label": self.label,
            "note": self.note,
            "position": self.position,
        }


@dataclass(frozen=True)
class MatrixRow:
    """A row of the matrix: a claim of the question, a key assumption or an absence.

    key is how the analyst names it: the claim key (C6), the assumption key (A1) or the
    absence's own key (X1). id is None for a claim nothing has been set on yet.
    """

    id: int | None
    uid: str
    kind: str
    key: str
    text: str
    ratings: dict[str, str] = field(default_factory=dict)
    switched_off: bool = False
    deceptive: bool = False
    relevance: str = "medium"
    # The analyst's credibility weight; None: the suggested one applies.
    credibility_override: str | None = None
    suggested_credibility: str = "medium"
    claim_id: int | None = None
    assumption_id: int | None = None
    party: str = ""
    # Source reliability and information credibility, as "B2"; "" for a row that is no claim.
    grade: str = ""
    source_id: int | None = None

    @property
    def credibility(self) -> str:
        """Return the credibility weight that applies: the override, else the suggested one."""
        return self.credibility_override or self.suggested_credibility

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI (without scores)."""
        return {
            "key": self.key,
            "kind": self.kind,
            "text": self.text,
            "party": self.party,
            "grade": self.grade,
            "ratings": self.ratings,
            "switched_off": self.switched_off,
            "deceptive": self.deceptive,
            "relevance": self.relevance,
            "credibility": self.credibility,
            "credibility_suggested": self.suggested_credibility,
            "credibility_override": self.credibility_override,
        }


@dataclass(frozen=True)
class Matrix:
    """A key question's ACH matrix: its hypotheses and rows, in order."""

    question: Question
    hypotheses: tuple[Hypothesis, ...]
    rows: tuple[MatrixRow, ...]

    def inputs(self) -> list[MatrixInput]:
        """Return the rows as scoring takes them."""
        keys = [h.key for h in self.hypotheses]
        return [
            MatrixInput(
                r.key,
                tuple(r.ratings.get(k, "") for k in keys),
                not r.switched_off,
                r.deceptive,
                r.relevance,
                r.credibility,
            )
            for r in self.rows
        ]

    @cached_property
    def scores(self) -> MatrixScores:
        """Return the scores, ranking and sensitivity of the matrix."""
        return score_matrix([h.key for h in self.hypotheses], self.inputs())

    def hypothesis(self, key: str) -> Hypothesis | None:
        """Return the hypothesis with this key (any case), or None."""
        wanted = key.strip().upper()
        return next((h for h in self.hypotheses if h.key == wanted), None)

    def row(self, key: str) -> MatrixRow | None:
        """Return the row with this key (any case), or None."""
        wanted = key.strip().upper()
        return next((r for r in self.rows if r.key == wanted), None)

    def to_json(self) -> dict[str, Any]:
        """Return the matrix with its scores, as `briefing ach show --json` prints it."""
        scores = self.scores
        by_key = {h.key: h for h in scores.hypotheses}
        rows = {r.key: r for r in scores.rows}
        return {
            "question": self.question.key,
            "text": self.question.text,
            "hypotheses": [
                h.to_json()
                | {
                    "inconsistency": by_key[h.key].inconsistency,
                    "weighted_inconsistency": round(by_key[h.key].weighted, 4),
                    "rank": by_key[h.key].rank,
                }
                for h in self.hypotheses
            ],
            "ranking": list(scores.ranking),
            "leader": scores.leader,
            "leaders": list(scores.leaders),
            "tied": scores.tied,
            "rows": [
                r.to_json()
                | {
                    "diagnosticity": round(rows[r.key].diagnosticity, 4),
                    "pivotal": rows[r.key].pivotal,
                    "leader_without": rows[r.key].leader_without,
                    "leader_flipped": rows[r.key].leader_flipped,
                    "leaders_without": list(rows[r.key].leaders_without),
                    "leaders_flipped": list(rows[r.key].leaders_flipped),
                }
                for r in self.rows
            ],
            "pivotal": list(scores.pivotal),
            "fragile": scores.fragile,
        }


@dataclass(frozen=True)
class KeyAssumption:
    """A key assumption of a question (A1): how sound it is, why, what would show it wrong,
    the claims that support it and the hypotheses that depend on it."""

    id: int
    uid: str
    question_id: int
    key: str
    text: str
    rating: str = ""
    why: str = ""
    wrong_if: str = ""
    claim_keys: tuple[str, ...] = ()
    hypothesis_keys: tuple[str, ...] = ()
    created_at: str = ""
    modified_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "key": self.key,
            "uid": self.uid,
            "text": self.text,
            "rating": self.rating,
            "rating_label": ASSUMPTION_RATING_LABELS[self.rating],
            "why": self.why,
            "wrong_if": self.wrong_if,
            "supports": list(self.claim_keys),
            "hypotheses": list(self.hypothesis_keys),
        }

    def cells(self) -> tuple[str, ...]:
        """Return the row a table of assumptions shows (CLI and Matrix alike): key, text,
        rating, why, wrong if, the claims that support it, the hypotheses that depend on it."""
        return (
            self.key,
            self.text,
            ASSUMPTION_RATING_LABELS[self.rating],
            self.why,
            self.wrong_if,
            " ".join(self.claim_keys),
            " ".join(self.hypothesis_keys),
        )


@dataclass(frozen=True)
class Judgment:
    """Which hypothesis of which question a note's key judgment favours, and how confidently.

    question_key or hypothesis_key is "" when the record it named is gone.
    """

    question_uid: str
    hypothesis_uid: str
    confidence: str
    question_key: str = ""
    hypothesis_key: str = ""
    question_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "question": self.question_key,
            "hypothesis": self.hypothesis_key,
            "confidence": self.confidence,
        }
