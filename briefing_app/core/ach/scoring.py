"""Scoring an ACH matrix (Heuer's Analysis of Competing Hypotheses), in pure Python.

The scores, exactly as the user guide states them:

- inconsistency(H) = Σ over scored rows of s(row, H), with s(I) = 1, s(II) = 2 and every other
  rating 0: consistent evidence never offsets inconsistent evidence;
- weighted inconsistency(H) = Σ s(row, H) × w(credibility) × w(relevance), with w(high) = √2,
  w(medium) = 1, w(low) = 1/√2;
- diagnosticity(row) = the population standard deviation of the row's numeric ratings
  (CC = 2, C = 1, N = 0, I = −1, II = −2) over the hypotheses it rates (NA and blank left out);
- ranking: ascending weighted inconsistency, ties broken by inconsistency, then by hypothesis
  order (H1 before H2: the order the analyst gave the hypotheses);
- leaders: the hypotheses first on both scores. Two or more *tie for the lead*: the order the
  hypotheses were typed in puts one first in the ranking, but the evidence favours none;
- sensitivity: each scored row with diagnosticity > 0 is taken out and the leaders recomputed;
  a row whose removal changes the leaders (another leads, or the leader now ties) is *pivotal*.
  A row marked possibly deceptive is also tried with its ratings flipped (CC↔II, C↔I); if that
  changes the leaders it is pivotal too. A matrix with a pivotal row is *fragile*. Comparing
  leaders, not the first of the ranking, keeps the verdict the same whatever the order of the
  hypotheses.

Weighted sums are kept exact: every weight product is √2 to a power from −2 to 2, so a sum is
(A + B·√2) / 2 with integers A and B. Two sums are equal exactly when their (A, B) are, which
makes ties real ties rather than floating-point accidents.

>>> s = score_matrix(["H1", "H2"], [MatrixInput("C1", ("C", "II")), MatrixInput("C2", ("I", "N"))])
>>> [(h.key, h.inconsistency, h.weighted, h.rank) for h in s.hypotheses]
[('H1', 1, 1.0, 1), ('H2', 2, 2.0, 2)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

RATINGS = ("CC", "C", "N", "I", "II", "NA")
LEVELS = ("high", "medium", "low")
SQRT2 = math.sqrt(2.0)

# s(rating): how much a rating counts against a hypothesis.
INCONSISTENCY = {"I": 1, "II": 2}
# s(rating) once a possibly deceptive row is flipped (CC↔II, C↔I).
FLIPPED = {"CC": 2, "C": 1}
FLIP = {"CC": "II", "II": "CC", "C": "I", "I": "C"}
NUMERIC = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
# w(level) = √2 ** exponent.
_EXPONENT = {"high": 1, "medium": 0, "low": -1}
# √2**exponent × 2 = A + B·√2: 1/2 → (1, 0), 1/√2 → (0, 1), 1 → (2, 0), √2 → (0, 2), 2 → (4, 0).
_EXACT = {-2: (1, 0), -1: (0, 1), 0: (2, 0), 1: (0, 2), 2: (4, 0)}


def weight(level: str) -> float:
    """Return w(level): √2 for high, 1 for medium, 1/√2 for low.

    >>> round(weight("high") * weight("low"), 12)
    1.0
    """
    return float(SQRT2 ** _EXPONENT[level])


def _exact(s: int, exponent: int) -> tuple[int, int]:
    """Return s × √2**exponent (exponent −2..2) as (A, B) with value (A + B·√2) / 2."""
    return _EXACT[exponent][0] * s, _EXACT[exponent][1] * s


def diagnosticity(ratings: Sequence[str]) -> float:
    """Return the population standard deviation of the numeric ratings (NA, blank left out).

    >>> diagnosticity(["CC", "II"]), diagnosticity(["C", "C", "NA", ""])
    (2.0, 0.0)
    """
    values = [NUMERIC[r] for r in ratings if r in NUMERIC]
    n = len(values)
    if n == 0:
        return 0.0
    # n²·variance in integers, so a row of equal ratings is exactly 0, never 1e-17.
    spread = n * sum(v * v for v in values) - sum(values) ** 2
    return math.sqrt(spread) / n if spread else 0.0


@dataclass(frozen=True)
class MatrixInput:
    """One evidence row as scoring sees it: a rating per hypothesis ('' blank), in order."""

    key: str
    ratings: tuple[str, ...]
    scored: bool = True
    deceptive: bool = False
    relevance: str = "medium"
    credibility: str = "medium"


@dataclass(frozen=True)
class HypothesisScore:
    """A hypothesis's two scores and its rank (1 = favoured)."""

    key: str
    inconsistency: int
    weighted: float
    rank: int


@dataclass(frozen=True)
class RowScore:
    """A row's diagnosticity and what sensitivity found (the leader without it, or flipped)."""

    key: str
    diagnosticity: float
    scored: bool
    # The leader once the row is taken out / flipped; None when the row was not tried.
    leader_without: str | None = None
    leader_flipped: str | None = None
    pivotal_removed: bool = False
    pivotal_flipped: bool = False
    # Every hypothesis tied for the lead once the row is taken out / flipped (() if not tried).
    leaders_without: tuple[str, ...] = ()
    leaders_flipped: tuple[str, ...] = ()

    @property
    def pivotal(self) -> bool:
        """Return whether taking the row out, or flipping it, changes the leader."""
        return self.pivotal_removed or self.pivotal_flipped


@dataclass(frozen=True)
class MatrixScores:
    """Scores of a whole matrix: hypotheses in their order, rows in theirs, the ranking."""

    hypotheses: tuple[HypothesisScore, ...]
    rows: tuple[RowScore, ...]
    ranking: tuple[str, ...]
    # The hypotheses first on both scores, in hypothesis order (more than one: a tie).
    leaders: tuple[str, ...] = ()

    @property
    def leader(self) -> str | None:
        """Return the first of the ranking (least weighted inconsistency), or None."""
        return self.ranking[0] if self.ranking else None

    @property
    def tied(self) -> bool:
        """Return whether two or more hypotheses tie for the lead (none is favoured)."""
        return len(self.leaders) > 1

    @property
    def pivotal(self) -> tuple[str, ...]:
        """Return the keys of the pivotal rows, in row order."""
        return tuple(r.key for r in self.rows if r.pivotal)

    @property
    def fragile(self) -> bool:
        """Return whether some row is pivotal."""
        return any(r.pivotal for r in self.rows)

    def rank_label(self, key: str) -> str:
        """Return a hypothesis's rank as printed: '1=' for each hypothesis tied for the lead
        (the order they were typed in ranks one first, the evidence none), else its rank."""
        return "1=" if self.tied and key in self.leaders else str(self.hypothesis(key).rank)

    def hypothesis(self, key: str) -> HypothesisScore:
        """Return the score of the hypothesis with this key; raise KeyError."""
        for h in self.hypotheses:
            if h.key == key:
                return h
        raise KeyError(key)


class _Row:
    """A row's precomputed contributions: what it adds to each hypothesis it counts against."""

    __slots__ = ("diag", "flip", "input", "plain")

    def __init__(self, row: MatrixInput) -> None:
        self.input = row
        exponent = _EXPONENT[row.credibility] + _EXPONENT[row.relevance]
        # (hypothesis index, s, A, B) for each hypothesis the row counts against.
        self.plain: list[tuple[int, int, int, int]] = []
        # (hypothesis index, Δs, ΔA, ΔB): how flipping the row changes each hypothesis.
        self.flip: list[tuple[int, int, int, int]] = []
        for h, rating in enumerate(row.ratings):
            s = INCONSISTENCY.get(rating, 0)
            if s:
                self.plain.append((h, s, *_exact(s, exponent)))
            if rating in FLIP:
                delta = FLIPPED.get(rating, 0) - s
                self.flip.append((h, delta, *_exact(delta, exponent)))
        self.diag = diagnosticity(row.ratings)


class MatrixScorer:
    """A matrix held for rescoring: change one rating and rescore without redoing every row.

    >>> m = MatrixScorer(["H1", "H2"], [MatrixInput("C1", ("C", "I"))])
    >>> m.scores().leader
    'H1'
    >>> m.set_row(0, MatrixInput("C1", ("II", "C")))
    >>> m.scores().leader
    'H2'
    """

    def __init__(self, hypotheses: Sequence[str], rows: Sequence[MatrixInput]) -> None:
        self.keys = tuple(hypotheses)
        n = len(self.keys)
        self._s = [0] * n
        self._a = [0] * n
        self._b = [0] * n
        self._rows: list[_Row] = []
        for row in rows:
            self._check(row)
            prepared = _Row(row)
            self._rows.append(prepared)
            self._add(prepared, 1)

    def _check(self, row: MatrixInput) -> None:
        if len(row.ratings) != len(self.keys):
            raise ValueError(f"row {row.key} rates {len(row.ratings)} of {len(self.keys)}")

    def _add(self, row: _Row, sign: int) -> None:
        if not row.input.scored:
            return
        for h, s, a, b in row.plain:
            self._s[h] += sign * s
            self._a[h] += sign * a
            self._b[h] += sign * b

    def set_row(self, index: int, row: MatrixInput) -> None:
        """Replace the row at index (a rating, a weight or a switch changed)."""
        self._check(row)
        self._add(self._rows[index], -1)
        self._rows[index] = _Row(row)
        self._add(self._rows[index], 1)

    def rate(self, index: int, hypothesis: int, rating: str) -> None:
        """Set one cell's rating ('' to clear it)."""
        old = self._rows[index].input
        ratings = list(old.ratings)
        ratings[hypothesis] = rating
        self.set_row(
            index,
            MatrixInput(
                old.key, tuple(ratings), old.scored, old.deceptive, old.relevance, old.credibility
            ),
        )

    def scores(self) -> MatrixScores:
        """Return the scores, the ranking and the sensitivity of every row."""
        n = len(self.keys)
        s_, a_, b_ = self._s, self._a, self._b
        sort_keys = [(a_[h] + b_[h] * SQRT2, s_[h], h) for h in range(n)]
        order = sorted(range(n), key=sort_keys.__getitem__)
        rank = {h: i + 1 for i, h in enumerate(order)}
        hypotheses = tuple(
            HypothesisScore(self.keys[h], s_[h], (a_[h] + b_[h] * SQRT2) / 2, rank[h])
            for h in range(n)
        )
        leaders = self._leaders_after([], 1, order, sort_keys)
        name = self.keys.__getitem__
        rows = []
        for row in self._rows:
            if not (row.input.scored and row.diag > 0 and n):
                rows.append(RowScore(row.input.key, row.diag, row.input.scored))
                continue
            # Without the row, only the hypotheses it counts against score less.
            without = self._leaders_after(row.plain, -1, order, sort_keys)
            flipped = (
                self._leaders_after(row.flip, 1, order, sort_keys) if row.input.deceptive else None
            )
            rows.append(
                RowScore(
                    row.input.key,
                    row.diag,
                    True,
                    self.keys[without[0]],
                    None if flipped is None else self.keys[flipped[0]],
                    without != leaders,
                    flipped is not None and flipped != leaders,
                    tuple(map(name, without)),
                    () if flipped is None else tuple(map(name, flipped)),
                )
            )
        return MatrixScores(
            hypotheses,
            tuple(rows),
            tuple(self.keys[h] for h in order),
            tuple(self.keys[h] for h in leaders),
        )

    def _leaders_after(
        self,
        deltas: list[tuple[int, int, int, int]],
        sign: int,
        order: list[int],
        sort_keys: list[tuple[float, int, int]],
    ) -> list[int]:
        """Return the hypotheses tied for the lead, in hypothesis order (the first is the
        ranking's), once deltas (times sign) are applied to those they name; [] if none."""
        if not order:
            return []
        s_, a_, b_ = self._s, self._a, self._b
        # Ties are exact: equal (A, B) and equal inconsistency, never a float's accident.
        changed = {h: (a_[h] + sign * a, b_[h] + sign * b, s_[h] + sign * s)
                   for h, s, a, b in deltas}  # fmt: skip
        # The best untouched hypothesis is the first of the ranking they leave alone.
        untouched = next((h for h in order if h not in changed), None)
        best = sort_keys[untouched] if untouched is not None else None
        for h, (a, b, s) in changed.items():
            key = (a + b * SQRT2, s, h)
            if best is None or key < best:
                best = key
        assert best is not None
        first = best[2]
        top = changed.get(first) or (a_[first], b_[first], s_[first])
        tied = [h for h, exact in changed.items() if exact == top]
        # Untouched hypotheses keep their ranking: those tied come first among them, in a row.
        for h in order:
            if h in changed:
                continue
            if (a_[h], b_[h], s_[h]) != top:
                break
            tied.append(h)
        if len(tied) > 1:
            tied.sort()
        return tied


def joined(keys: Sequence[str]) -> str:
    """Return keys as a phrase: 'H1', 'H1 and H2', 'H1, H2 and H3'.

    >>> joined(["H1", "H2", "H3"])
    'H1, H2 and H3'
    """
    keys = list(keys)
    return keys[0] if len(keys) == 1 else f"{', '.join(keys[:-1])} and {keys[-1]}"


def lead_phrase(leaders: Sequence[str]) -> str:
    """Return who leads, as the verdicts say it: 'H2 leads', or 'H1 and H2 tie'.

    >>> lead_phrase(["H2"]), lead_phrase(["H1", "H3"])
    ('H2 leads', 'H1 and H3 tie')
    """
    return f"{joined(leaders)} {'tie' if len(leaders) > 1 else 'leads'}"


def score_matrix(hypotheses: Sequence[str], rows: Sequence[MatrixInput]) -> MatrixScores:
    """Score a matrix: hypothesis keys in order, and its rows."""
    return MatrixScorer(hypotheses, rows).scores()
