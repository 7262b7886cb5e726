"""ACH writes: each one transaction, a one-line error on bad input with the library unchanged,
and undo/redo that leave every table exactly as it was (whole-table dumps, as in
tests/core/records/test_undo_fidelity.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing_app.core.ach.judgments import clear_judgment, judge, judgment
from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.errors import (
    BadRating,
    InvalidInput,
    UnknownHypothesis,
    UnknownKeys,
    UnknownRow,
)
from briefing_app.core.library import Library
from briefing_app.core.models import Question
from tests.core.records.library_dump import dump


@pytest.fixture
def q1(demo_lib: Library) -> Question:
    """A question with no matrix yet (the demo's Q1 has one), holding C9, C6 and C7: Q2."""
    q = demo_lib.questions.add("Who else could have carried out the attack?")
    ids = [c.id for k in ("C9", "C6", "C7") if (c := demo_lib.claims.by_key(k)) is not None]
    demo_lib.questions.assign(q.id, ids)
    return demo_lib.questions.get(q.id)


def edit_round_trip(lib: Library, do: Callable[[], MatrixEdit]) -> MatrixEdit:
    """Do, undo, redo, undo: each undo gives the dump before, each redo the dump after."""
    before = dump(lib)
    edit = do()
    after = dump(lib)
    assert after != before
    redo = lib.ach.revert(edit)
    assert dump(lib) == before
    again = lib.ach.revert(redo)
    assert dump(lib) == after
    lib.ach.revert(again)
    assert dump(lib) == before
    lib.ach.revert(redo)  # leave it done, for the test to look at
    assert dump(lib) == after
    return edit


def with_hypotheses(lib: Library, q: Question, *labels: str) -> None:
    for label in labels:
        lib.ach.add_hypothesis(q.id, label)


def test_hypotheses_get_keys_in_order_and_each_add_round_trips(
    demo_lib: Library, q1: Question
) -> None:
    edit_round_trip(demo_lib, lambda: demo_lib.ach.add_hypothesis(q1.id, "Criminal groups"))
    made = edit_round_trip(demo_lib, lambda: demo_lib.ach.add_hypothesis(q1.id, "Taliban"))
    assert made.made == "H2"
    assert [(h.key, h.label) for h in demo_lib.ach.hypotheses(q1.id)] == [
        ("H1", "Criminal groups"),
        ("H2", "Taliban"),
    ]


def test_rating_a_claim_of_the_question_stores_its_row_and_undo_removes_it(
    demo_lib: Library, q1: Question
) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups", "Taliban")
    edit_round_trip(demo_lib, lambda: demo_lib.ach.rate(q1.id, "H1", "C9", "c"))
    row = demo_lib.ach.matrix(q1.id).row("C9")
    assert row is not None and row.ratings == {"H1": "C"}
    edit_round_trip(demo_lib, lambda: demo_lib.ach.rate(q1.id, "h2", "c9", "II"))
    edit_round_trip(demo_lib, lambda: demo_lib.ach.rate(q1.id, "H1", "C9", ""))  # cleared
    assert demo_lib.ach.matrix(q1.id).row("C9").ratings == {"H2": "II"}  # type: ignore[union-attr]


def test_weights_switches_and_deceptive_marks_round_trip(demo_lib: Library, q1: Question) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups")
    edit_round_trip(
        demo_lib, lambda: demo_lib.ach.weigh(q1.id, "C6", relevance="high", credibility="low")
    )
    edit_round_trip(demo_lib, lambda: demo_lib.ach.switch(q1.id, "C6"))
    edit_round_trip(demo_lib, lambda: demo_lib.ach.mark_deceptive(q1.id, "C6"))
    row = demo_lib.ach.matrix(q1.id).row("C6")
    assert row is not None
    assert (row.relevance, row.credibility, row.switched_off, row.deceptive) == (
        "high",
        "low",
        True,
        True,
    )
    # The override gives way to the suggestion again when cleared: C6 is F3, so medium.
    demo_lib.ach.weigh(q1.id, "C6", credibility="")
    assert demo_lib.ach.matrix(q1.id).row("C6").credibility == "medium"  # type: ignore[union-attr]


def test_absences_and_assumptions_are_rows_with_their_own_keys(
    demo_lib: Library, q1: Question
) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups", "Taliban")
    made = edit_round_trip(
        demo_lib, lambda: demo_lib.ach.add_absence(q1.id, "No group has claimed the attack")
    )
    assert made.made == "X1"
    made = edit_round_trip(
        demo_lib,
        lambda: demo_lib.assumptions.add(
            q1.id,
            "The attackers crossed from Afghanistan",
            rating="caveated",
            why="Only the Tajik side says so",
            wrong_if="Evidence the attackers lived in Khatlon",
            supports=["C4"],
            hypotheses=["H1"],
        ),
    )
    assert made.made == "A1"
    assert [r.key for r in demo_lib.ach.matrix(q1.id).rows] == ["C9", "C6", "C7", "X1", "A1"]
    (a1,) = demo_lib.assumptions.all(q1.id)
    assert (a1.rating, a1.claim_keys, a1.hypothesis_keys) == ("caveated", ("C4",), ("H1",))
    edit_round_trip(demo_lib, lambda: demo_lib.ach.rate(q1.id, "H2", "A1", "I"))
    edit_round_trip(
        demo_lib, lambda: demo_lib.assumptions.update(q1.id, "A1", rating="unsupported")
    )
    edit_round_trip(demo_lib, lambda: demo_lib.assumptions.delete(q1.id, "A1"))
    edit_round_trip(demo_lib, lambda: demo_lib.ach.remove_row(q1.id, "X1"))


def test_deleting_a_hypothesis_round_trips_with_its_ratings_and_assumption_links(
    demo_lib: Library, q1: Question
) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups", "Taliban", "Inside Tajikistan")
    demo_lib.ach.rate(q1.id, "H2", "C9", "I")
    demo_lib.ach.rate(q1.id, "H2", "C6", "C")
    demo_lib.assumptions.add(q1.id, "Borders are porous", hypotheses=["H2", "H3"])
    edit_round_trip(demo_lib, lambda: demo_lib.ach.delete_hypothesis(q1.id, "H2"))
    assert [h.key for h in demo_lib.ach.hypotheses(q1.id)] == ["H1", "H3"]
    assert demo_lib.assumptions.get(q1.id, "A1").hypothesis_keys == ("H3",)
    edit_round_trip(demo_lib, lambda: demo_lib.ach.move_hypothesis(q1.id, "H3", 0))
    assert [h.key for h in demo_lib.ach.hypotheses(q1.id)] == ["H3", "H1"]


def test_editing_a_hypothesis_or_an_absence_round_trips(demo_lib: Library, q1: Question) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups")
    demo_lib.ach.add_absence(q1.id, "No claim of responsibility")
    edit_round_trip(
        demo_lib,
        lambda: demo_lib.ach.update_hypothesis(q1.id, "H1", label="Smugglers", note="Likeliest"),
    )
    edit_round_trip(demo_lib, lambda: demo_lib.ach.update_absence(q1.id, "X1", "No claim made"))
    h1 = demo_lib.ach.hypothesis(q1.id, "H1")
    assert (h1.label, h1.note) == ("Smugglers", "Likeliest")
    assert demo_lib.ach.row(q1.id, "X1").text == "No claim made"
    # Nothing to change: an edit that changed nothing, which undo leaves alone.
    assert not demo_lib.ach.update_hypothesis(q1.id, "H1", label="Smugglers")


def test_adding_a_claim_to_the_matrix_assigns_it_to_the_question(
    demo_lib: Library, q1: Question
) -> None:
    c4 = demo_lib.claims.by_key("C4")
    assert c4 is not None
    edit_round_trip(demo_lib, lambda: demo_lib.ach.add_claims(q1.id, [c4.id]))
    assert demo_lib.questions.get(q1.id).claim_keys == ["C9", "C6", "C7", "C4"]
    with_hypotheses(demo_lib, q1, "Criminal groups")
    demo_lib.ach.rate(q1.id, "H1", "C4", "N")
    # Taking the claim's row out takes it off the question, with its ratings.
    edit_round_trip(demo_lib, lambda: demo_lib.ach.remove_row(q1.id, "C4"))
    assert demo_lib.questions.get(q1.id).claim_keys == ["C9", "C6", "C7"]


@pytest.mark.parametrize("noun", ["claims", "questions"])
def test_deleting_a_claim_or_question_and_restoring_it_brings_its_matrix_back(
    demo_lib: Library, q1: Question, noun: str
) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups", "Taliban")
    c9 = demo_lib.claims.by_key("C9")
    assert c9 is not None
    demo_lib.ach.rate(q1.id, "H1", "C9", "C")
    demo_lib.ach.weigh(q1.id, "C9", relevance="high")
    demo_lib.assumptions.add(q1.id, "Borders are porous", supports=["C9"], hypotheses=["H1"])
    record = c9 if noun == "claims" else q1
    manager = getattr(demo_lib, noun)
    before = dump(demo_lib)
    rated = len(before["ach_ratings"])
    removed = manager.delete(record.id)
    assert len(dump(demo_lib)["ach_ratings"]) < rated
    manager.restore(removed)
    assert dump(demo_lib) == before


def test_bad_input_is_one_typed_line_and_changes_nothing(demo_lib: Library, q1: Question) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups")
    before = dump(demo_lib)
    ach, assumptions = demo_lib.ach, demo_lib.assumptions
    cases: list[tuple[Callable[[], Any], type[Exception], str]] = [
        (lambda: ach.rate(q1.id, "H1", "C9", "X"), BadRating, "a rating is one of"),
        (lambda: ach.rate(q1.id, "H7", "C9", "C"), UnknownHypothesis, "Q2 has no hypothesis H7"),
        (lambda: ach.rate(q1.id, "H1", "C4", "C"), UnknownRow, "C4 is not a claim of Q2"),
        (lambda: ach.rate(q1.id, "H1", "C99", "C"), UnknownRow, "no claim C99"),
        (lambda: ach.rate(q1.id, "H1", "X3", "C"), UnknownRow, "Q2 has no row X3"),
        (lambda: ach.weigh(q1.id, "C9", relevance="huge"), BadRating, "relevance is one of"),
        (lambda: ach.add_hypothesis(q1.id, "  "), InvalidInput, "needs its text"),
        (lambda: assumptions.add(q1.id, "Porous", rating="maybe"), BadRating, "solid"),
        (lambda: assumptions.add(q1.id, "Porous", hypotheses=["H4"]), UnknownKeys,
         r"^Q2 has no hypothesis H4$"),
    ]  # fmt: skip
    for call, error, words in cases:
        with pytest.raises(error, match=words) as caught:
            call()
        assert "\n" not in str(caught.value)
    assert dump(demo_lib) == before


def test_an_assumption_with_unknown_keys_is_refused_naming_every_one_and_nothing_is_written(
    demo_lib: Library, q1: Question
) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups")
    demo_lib.assumptions.add(q1.id, "The border is porous", supports=["C9"], hypotheses=["H1"])
    before = dump(demo_lib)
    assumptions = demo_lib.assumptions
    for write in (
        lambda: assumptions.add(
            q1.id, "Porous", supports=["C4", "c98", "C99"], hypotheses=["H1", "H7"]
        ),
        lambda: assumptions.update(q1.id, "A1", supports=["C4", "c98", "C99"], hypotheses=["H7"]),
    ):
        with pytest.raises(UnknownKeys) as caught:
            write()
        # One line naming each key that does not exist, not only the first of them.
        assert str(caught.value) == "no claims c98, C99; Q2 has no hypothesis H7"
        assert caught.value.keys == ("c98", "C99", "H7")
        assert dump(demo_lib) == before
    # Two unknown hypotheses are named together too.
    with pytest.raises(UnknownKeys, match=r"^Q2 has no hypotheses H7, H8$"):
        assumptions.add(q1.id, "Porous", hypotheses=["H7", "h1", "H8"])
    assert dump(demo_lib) == before
    # The window's form checks with no question chosen too: claims by key, no hypothesis.
    with pytest.raises(UnknownKeys) as caught:
        assumptions.links(None, ["C4", "C99"], ["H1"])
    assert str(caught.value) == "no claim C99; no key question chosen for hypothesis H1"
    assert caught.value.keys == ("C99", "H1")
    c4 = demo_lib.claims.by_key("C4")
    assert c4 is not None and assumptions.links(None, ["c4"], []) == ([c4.id], [])


def test_a_note_records_its_judgment_and_undo_takes_it_back(
    demo_lib: Library, q1: Question
) -> None:
    with_hypotheses(demo_lib, q1, "Criminal groups", "Taliban")
    note = demo_lib.notes.all()[0]
    before = dump(demo_lib)
    edit = judge(demo_lib, note.id, q1.id, "H2", "Moderate")
    found = judgment(demo_lib, demo_lib.notes.get(note.id))
    assert found is not None
    assert found.to_json() == {"question": "Q2", "hypothesis": "H2", "confidence": "moderate"}
    demo_lib.notes.revert(edit)
    assert dump(demo_lib) == before
    with pytest.raises(BadRating, match="confidence is one of"):
        judge(demo_lib, note.id, q1.id, "H2", "certain")
    judge(demo_lib, note.id, q1.id, "H1", "high")
    clear_judgment(demo_lib, note.id)
    assert judgment(demo_lib, demo_lib.notes.get(note.id)) is None


def test_operations_say_which_question_changed(demo_lib: Library, q1: Question) -> None:
    heard: list[set[int]] = []
    demo_lib.subscribe(lambda changes: heard.append(set(changes.questions)))
    edit = demo_lib.ach.add_hypothesis(q1.id, "Criminal groups")
    demo_lib.ach.revert(edit)
    assert heard == [{q1.id}, {q1.id}]


def test_what_a_claims_delete_would_take_from_the_matrices_is_named(demo_lib: Library) -> None:
    # The demo's C9 is rated against Q1's three hypotheses and supports A1; C1 is in no matrix.
    c9, c1 = demo_lib.claims.by_key("C9"), demo_lib.claims.by_key("C1")
    assert c9 is not None and c1 is not None
    assert demo_lib.ach.uses_of_claim(c9.id) == [
        "its 3 ratings in Q1's matrix",
        "its support of key assumption A1 (Q1)",
    ]
    assert demo_lib.ach.uses_of_claim(c1.id) == []
    # A row assigned but never rated loses nothing there.
    q = demo_lib.questions.add("Who else?")
    demo_lib.ach.add_hypothesis(q.id, "Someone else")
    demo_lib.ach.add_claims(q.id, [c1.id])
    assert demo_lib.ach.uses_of_claim(c1.id) == []
    demo_lib.ach.rate(q.id, "H1", "C1", "I")
    assert demo_lib.ach.uses_of_claim(c1.id) == ["its 1 rating in Q2's matrix"]


def test_what_deleting_a_question_would_take_is_named(demo_lib: Library) -> None:
    from briefing_app.core.ach.judgments import notes_judging

    q1 = demo_lib.questions.by_key("Q1")
    # The demo's Q1: H1-H3 rated against C9, C6, C7, X1 and A1 (15 ratings), A1 its assumption.
    assert demo_lib.ach.uses_of_question(q1.id) == [
        "its matrix: 3 hypotheses, 15 ratings, 1 absence of evidence",
        "1 key assumption",
    ]
    note = demo_lib.notes.all()[0]
    assert notes_judging(demo_lib, q1.id) == []
    judge(demo_lib, note.id, q1.id, "H1", "low")
    assert [n.id for n in notes_judging(demo_lib, q1.id)] == [note.id]
    empty = demo_lib.questions.add("Who else?")
    assert demo_lib.ach.uses_of_question(empty.id) == []
