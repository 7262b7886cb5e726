"""ACH scores against values worked out by hand (the working is in each test's comments)."""

from __future__ import annotations

import math
import random
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.ach.scoring import (
    LEVELS,
    RATINGS,
    MatrixInput,
    MatrixScorer,
    diagnosticity,
    score_matrix,
)

H3 = ["H1", "H2", "H3"]


def scored(hyps: list[str], *rows: MatrixInput) -> dict[str, tuple[int, float, int]]:
    s = score_matrix(hyps, rows)
    return {h.key: (h.inconsistency, round(h.weighted, 4), h.rank) for h in s.hypotheses}


def test_inconsistency_counts_only_inconsistent_ratings_and_ties_go_to_hypothesis_order() -> None:
    rows = [
        MatrixInput("R1", ("C", "I", "II")),
        MatrixInput("R2", ("I", "NA", "C")),
        MatrixInput("R3", ("N", "I", "")),
    ]
    # H1 = 0 + 1 + 0 = 1; H2 = 1 + 0 + 1 = 2; H3 = 2 + 0 + 0 = 2 (the C of R2 offsets nothing).
    # H2 and H3 tie on both scores: hypothesis order puts H2 first.
    assert scored(H3, *rows) == {"H1": (1, 1.0, 1), "H2": (2, 2.0, 2), "H3": (2, 2.0, 3)}
    assert score_matrix(H3, rows).ranking == ("H1", "H2", "H3")


def test_diagnosticity_is_the_population_deviation_over_rated_hypotheses() -> None:
    # R1: 1, -1, -2: mean -2/3, variance (1 + 1 + 4)/3 - 4/9 = 14/9, deviation √14 / 3.
    assert math.isclose(diagnosticity(["C", "I", "II"]), math.sqrt(14) / 3)
    # NA and blank left out: -1 and 1 have deviation 1; 0 and -1 have 0.5.
    assert diagnosticity(["I", "NA", "C"]) == 1.0
    assert diagnosticity(["N", "I", ""]) == 0.5
    # One rating, or all alike: 0 exactly, so the row is shown as helping no hypothesis.
    assert diagnosticity(["CC", "NA", ""]) == 0.0
    assert diagnosticity(["I", "I", "I"]) == 0.0
    assert diagnosticity(["", "NA"]) == 0.0


def test_weights_multiply_inconsistency_by_credibility_and_relevance() -> None:
    rows = [
        MatrixInput("R1", ("I", "C"), relevance="high", credibility="high"),  # w = √2·√2 = 2
        MatrixInput("R2", ("C", "II"), credibility="low"),  # w = 1/√2
        MatrixInput("R3", ("II", "I"), relevance="low", credibility="low"),  # w = 1/2
    ]
    # H1: 1·2 + 0 + 2·½ = 3, inconsistency 3.  H2: 0 + 2/√2 + 1·½ = √2 + ½ ≈ 1.9142, also 3.
    assert scored(["H1", "H2"], *rows) == {"H1": (3, 3.0, 2), "H2": (3, 1.9142, 1)}


def test_a_tie_in_weighted_inconsistency_is_broken_by_inconsistency() -> None:
    rows = [
        MatrixInput("R1", ("II", "N")),  # H1: 2 × 1
        MatrixInput("R2", ("N", "I"), relevance="high", credibility="high"),  # H2: 1 × 2
    ]
    # Both weigh 2; H2 has inconsistency 1 against H1's 2, so H2 leads.
    assert scored(["H1", "H2"], *rows) == {"H1": (2, 2.0, 2), "H2": (1, 2.0, 1)}


def test_equal_weighted_sums_tie_exactly_not_by_floating_point_luck() -> None:
    r2 = math.sqrt(2)
    rows = [
        MatrixInput("R1", ("I", "N"), relevance="high", credibility="high"),  # H1: 1 × 2
        MatrixInput("R2", ("II", "N"), relevance="low", credibility="medium"),  # H1: 2 × 1/√2
        MatrixInput("R3", ("N", "I"), relevance="medium", credibility="high"),  # H2: 1 × √2
        MatrixInput("R4", ("N", "II"), relevance="low", credibility="high"),  # H2: 2 × 1
    ]
    # Both are 2 + √2 with inconsistency 3: a true tie, so H1 leads by hypothesis order. Summed
    # in floats, H1 comes out a hair larger and H2 would wrongly lead.
    assert 1 * r2 * r2 + 2 * (1 / r2) > 1 * r2 + 2 * 1.0
    s = score_matrix(["H1", "H2"], rows)
    assert s.ranking == ("H1", "H2")
    assert [(h.inconsistency, round(h.weighted, 6)) for h in s.hypotheses] == [
        (3, round(2 + r2, 6)),
        (3, round(2 + r2, 6)),
    ]


def test_a_switched_off_row_is_kept_but_not_scored_or_tried() -> None:
    rows = [
        MatrixInput("R1", ("II", "C")),
        MatrixInput("R2", ("N", "I"), scored=False),
    ]
    s = score_matrix(["H1", "H2"], rows)
    # Only R1 counts: H1 = 2, H2 = 0 (R2's I is not counted).
    assert [(h.key, h.inconsistency) for h in s.hypotheses] == [("H1", 2), ("H2", 0)]
    off = s.rows[1]
    assert (off.scored, off.diagnosticity, off.leader_without, off.pivotal) == (
        False,
        0.5,
        None,
        False,
    )


def test_a_pivotal_row_makes_the_matrix_fragile() -> None:
    rows = [
        MatrixInput("R1", ("C", "I", "II")),
        MatrixInput("R2", ("I", "NA", "C")),
        MatrixInput("R3", ("N", "I", "")),
    ]
    s = score_matrix(H3, rows)
    # H1 leads with 1 (H2 2, H3 2).
    # Without R1: H1 1, H2 1, H3 0 → H3 leads: R1 is pivotal.
    # Without R2: H1 0 → H1 still leads.  Without R3: H1 1, H2 1 tie → H1 no longer leads
    # alone (listed H2 first, H2 would rank first): R3 is pivotal too.
    assert (s.leader, s.leaders) == ("H1", ("H1",))
    assert [(r.key, r.leaders_without, r.pivotal) for r in s.rows] == [
        ("R1", ("H3",), True),
        ("R2", ("H1",), False),
        ("R3", ("H1", "H2"), True),
    ]
    assert s.pivotal == ("R1", "R3")
    assert s.fragile


def test_a_deceptive_row_is_pivotal_when_flipping_it_changes_the_leader() -> None:
    rows = [
        MatrixInput("R1", ("CC", "I"), deceptive=True),
        MatrixInput("R2", ("N", "I")),
        MatrixInput("R3", ("I", "N")),
    ]
    s = score_matrix(["H1", "H2"], rows)
    # H1 = 1 (R3), H2 = 2 (R1, R2): H1 leads.
    # Without R1: H2 = 1 ties H1, so H1 no longer leads alone: removal is pivotal.
    # Flipped, R1 reads II, C: H1 = 1 + 2 = 3, H2 = 2 - 1 = 1 → H2 leads: pivotal.
    r1 = s.rows[0]
    assert (r1.leaders_without, r1.pivotal_removed) == (("H1", "H2"), True)
    assert (r1.leader_flipped, r1.leaders_flipped, r1.pivotal_flipped) == ("H2", ("H2",), True)
    assert r1.diagnosticity == 1.5  # 2 and -1: mean ½, deviation 3/2
    # Without R2 (N, I) the two tie at 1 as well: R2 is pivotal by removal.
    assert s.pivotal == ("R1", "R2") and s.fragile


def test_a_row_of_diagnosticity_zero_is_not_tried_even_if_removing_it_would_matter() -> None:
    # R2 is I, I, NA: diagnosticity 0, so it is left out of the sensitivity pass as the rule
    # says, even though without it H3 would no longer trail.
    rows = [MatrixInput("R1", ("N", "I", "N")), MatrixInput("R2", ("I", "I", "NA"))]
    s = score_matrix(H3, rows)
    assert s.ranking == ("H3", "H1", "H2")
    assert s.rows[1].diagnosticity == 0 and s.rows[1].leader_without is None
    assert not s.fragile


def test_an_empty_matrix_has_no_leader() -> None:
    s = score_matrix([], [])
    assert (s.leader, s.leaders, s.fragile, s.ranking) == (None, (), False, ())
    # Hypotheses with no evidence yet: first in the ranking by order, but all tie for the lead.
    only_hypotheses = score_matrix(["H1", "H2"], [])
    assert only_hypotheses.leader == "H1"
    assert (only_hypotheses.leaders, only_hypotheses.tied) == (("H1", "H2"), True)


def test_hypotheses_equal_on_both_scores_tie_for_the_lead_and_one_alone_does_not() -> None:
    rows = [MatrixInput("R1", ("I", "N", "I")), MatrixInput("R2", ("N", "I", "N"))]
    # H1 1, H2 1, H3 1: all tie. A weight that differs breaks it: H2's I is of low relevance.
    assert score_matrix(H3, rows).leaders == ("H1", "H2", "H3")
    lighter = [rows[0], MatrixInput("R2", ("N", "I", "N"), relevance="low")]
    s = score_matrix(H3, lighter)
    assert (s.leaders, s.tied) == (("H2",), False)


def test_a_lead_that_rests_on_one_row_is_fragile_whatever_the_order_of_the_hypotheses() -> None:
    # Only X1 separates the two: without it they tie. Listing H2 first made X1 pivotal and
    # listing H1 first did not, so the verdict depended on typing order.
    rows = [MatrixInput("C1", ("C", "C")), MatrixInput("X1", ("C", "I"))]
    swapped = [MatrixInput(r.key, r.ratings[::-1]) for r in rows]
    assert score_matrix(["H1", "H2"], rows).pivotal == ("X1",)
    assert score_matrix(["H2", "H1"], swapped).pivotal == ("X1",)


Found = tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]


def _brute_force(hyps: list[str], rows: list[MatrixInput]) -> list[Found]:
    """Each row's leader and leaders without it and flipped, recomputed from scratch (the
    slow way)."""
    flip = {"CC": "II", "II": "CC", "C": "I", "I": "C"}
    found: list[Found] = []
    for i, row in enumerate(rows):
        if not row.scored or diagnosticity(row.ratings) == 0 or not hyps:
            found.append((None, None, (), ()))
            continue
        without = score_matrix(hyps, rows[:i] + rows[i + 1 :])
        flipped = None
        if row.deceptive:
            turned = MatrixInput(row.key, tuple(flip.get(r, r) for r in row.ratings),
                                 True, True, row.relevance, row.credibility)  # fmt: skip
            flipped = score_matrix(hyps, [*rows[:i], turned, *rows[i + 1 :]])
        found.append(
            (
                without.leader,
                flipped.leader if flipped else None,
                without.leaders,
                flipped.leaders if flipped else (),
            )
        )
    return found


def _leaders_by_hand(hyps: list[str], rows: list[MatrixInput]) -> tuple[str, ...]:
    """The hypotheses whose two scores equal the best ones (exact ties), by definition."""
    s = score_matrix(hyps, rows)
    best = min((round(h.weighted, 9), h.inconsistency) for h in s.hypotheses)
    return tuple(h.key for h in s.hypotheses if (round(h.weighted, 9), h.inconsistency) == best)


@st.composite
def matrices(draw: st.DrawFn) -> tuple[list[str], list[MatrixInput]]:
    n = draw(st.integers(1, 5))
    hyps = [f"H{i + 1}" for i in range(n)]
    rows = [
        MatrixInput(
            f"R{j}",
            tuple(draw(st.lists(st.sampled_from([*RATINGS, ""]), min_size=n, max_size=n))),
            draw(st.booleans()),
            draw(st.booleans()),
            draw(st.sampled_from(LEVELS)),
            draw(st.sampled_from(LEVELS)),
        )
        for j in range(draw(st.integers(0, 8)))
    ]
    return hyps, rows


@given(matrices())
def test_the_fast_sensitivity_pass_agrees_with_recomputing_every_ranking(
    matrix: tuple[list[str], list[MatrixInput]],
) -> None:
    hyps, rows = matrix
    s = score_matrix(hyps, rows)
    assert [
        (r.leader_without, r.leader_flipped, r.leaders_without, r.leaders_flipped) for r in s.rows
    ] == _brute_force(hyps, rows)
    assert s.leaders == _leaders_by_hand(hyps, rows)


@given(matrices(), st.randoms())
def test_leaders_and_pivotal_rows_do_not_depend_on_the_order_of_the_hypotheses(
    matrix: tuple[list[str], list[MatrixInput]], rnd: random.Random
) -> None:
    hyps, rows = matrix
    order = list(range(len(hyps)))
    rnd.shuffle(order)
    shuffled = [replace(r, ratings=tuple(r.ratings[i] for i in order)) for r in rows]
    s = score_matrix(hyps, rows)
    t = score_matrix([hyps[i] for i in order], shuffled)
    assert set(t.leaders) == set(s.leaders)
    assert t.pivotal == s.pivotal


@given(matrices(), st.data())
def test_rescoring_after_one_rating_equals_scoring_from_scratch(
    matrix: tuple[list[str], list[MatrixInput]], data: st.DataObject
) -> None:
    hyps, rows = matrix
    if not rows:
        return
    scorer = MatrixScorer(hyps, rows)
    i = data.draw(st.integers(0, len(rows) - 1))
    h = data.draw(st.integers(0, len(hyps) - 1))
    rating = data.draw(st.sampled_from([*RATINGS, ""]))
    scorer.rate(i, h, rating)
    changed = list(rows[i].ratings)
    changed[h] = rating
    old = rows[i]
    rows[i] = MatrixInput(old.key, tuple(changed), old.scored, old.deceptive, old.relevance,
                          old.credibility)  # fmt: skip
    assert scorer.scores() == score_matrix(hyps, rows)
