"""ACH matrices, key assumptions and the note's judgment travel in review packages, merged by
uid like the rest; a forged matrix is refused before anything merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.ach.judgments import judge, judgment
from briefing_app.core.library import Library
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack
from tests.core.records.library_dump import dump
from tests.core.review.test_pack_evidence import forge


@pytest.fixture
def other(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "supervisor.sqlite")


def matrices(lib: Library) -> dict[str, Any]:
    """Every matrix by question uid: hypotheses, rows with ratings and weights, assumptions."""
    found = {}
    for q in lib.questions.all():
        m = lib.ach.matrix(q.id)
        found[q.uid] = {
            "hypotheses": [(h.uid, h.key, h.label) for h in m.hypotheses],
            "rows": [
                (
                    r.key,
                    r.kind,
                    r.text,
                    r.ratings,
                    r.switched_off,
                    r.deceptive,
                    r.relevance,
                    r.credibility_override,
                )
                for r in m.rows
            ],
            "assumptions": [a.to_json() for a in lib.assumptions.all(q.id)],
            "scores": m.to_json()["hypotheses"],
        }
    return found


def test_the_demo_matrix_and_judgment_round_trip(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    q1 = demo_lib.questions.by_key("Q1")
    judge(demo_lib, note.id, q1.id, "H1", "moderate")
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    assert (result.added["hypotheses"], result.added["assumptions"]) == (3, 1)
    assert result.added["ratings"] == 15  # five rows rated against three hypotheses
    assert matrices(other) == matrices(demo_lib)
    found = judgment(other, other.notes.get(result.note_id))
    assert found is not None and found.to_json() == {
        "question": "Q1",
        "hypothesis": "H1",
        "confidence": "moderate",
    }
    # A second import of the same package changes nothing.
    before = dump(other)
    again = import_pack(other, tmp_path / "out.briefpack")
    assert (again.added["hypotheses"], again.added["ratings"]) == (0, 0)
    assert (again.reused["hypotheses"], again.reused["ratings"]) == (3, 15)
    assert again.conflicts == []
    assert dump(other) == before


def test_what_the_reviewer_rates_comes_back_and_a_different_rating_is_reported(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    q1_there = other.questions.by_key("Q1").id
    other.ach.add_hypothesis(q1_there, "A state's intelligence service")
    other.ach.rate(q1_there, "H4", "C9", "I")
    other.ach.rate(q1_there, "H2", "C6", "N")  # the analyst has C here
    other.assumptions.add(q1_there, "The drone was bought abroad", rating="unsupported")
    q1 = demo_lib.questions.by_key("Q1").id
    demo_lib.ach.rate(q1, "H2", "C6", "II")  # and changes it too, before the package is back
    back = export_pack(other, result.note_id, tmp_path / "back.briefpack")
    merged = import_pack(demo_lib, back)
    m = demo_lib.ach.matrix(q1)
    assert [h.label for h in m.hypotheses][-1] == "A state's intelligence service"
    assert m.row("C9").ratings["H4"] == "I"  # type: ignore[union-attr]
    assert m.row("C6").ratings["H2"] == "II"  # type: ignore[union-attr]  # ours kept
    assert merged.conflicts == [
        "Q1 C6 against H2: rated II here, N in the package; this library's kept"
    ]
    assert [a.key for a in demo_lib.assumptions.all(q1)] == ["A1", "A2"]


def _sent_back(demo_lib: Library, other: Library, tmp_path: Path, rating: str) -> Path:
    """Send the demo note to the supervisor, who rates C6 against H2 and sends it back."""
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    other.ach.rate(other.questions.by_key("Q1").id, "H2", "C6", rating)
    return export_pack(other, result.note_id, tmp_path / "back.briefpack")


def test_a_rating_only_the_supervisor_changed_is_taken_and_undoable(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    q1 = demo_lib.questions.by_key("Q1").id
    before = demo_lib.ach.matrix(q1).to_json()
    back = _sent_back(demo_lib, other, tmp_path, "N")  # the analyst's C stays as sent
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == []
    assert merged.updated["ratings"] == 1
    assert "updated 1 rating" in merged.line()
    assert demo_lib.ach.matrix(q1).row("C6").ratings["H2"] == "N"  # type: ignore[union-attr]
    # Undo puts the analyst's rating back, redo the supervisor's.
    undone = demo_lib.ach.revert_all(merged.rating_edits)
    assert demo_lib.ach.matrix(q1).to_json() == before
    demo_lib.ach.revert_all(undone)
    assert demo_lib.ach.matrix(q1).row("C6").ratings["H2"] == "N"  # type: ignore[union-attr]
    # The same package again changes nothing and reports nothing.
    again = import_pack(demo_lib, back)
    assert (again.conflicts, again.updated["ratings"]) == ([], 0)


def test_a_rating_only_the_analyst_changed_is_kept_without_a_conflict(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, "C")  # the supervisor leaves C6/H2 as sent
    q1 = demo_lib.questions.by_key("Q1").id
    demo_lib.ach.rate(q1, "H2", "C6", "I")
    demo_lib.ach.rate(q1, "H3", "C6", "")  # and clears another of the sent cells
    cleared = demo_lib.ach.matrix(q1).to_json()
    merged = import_pack(demo_lib, back)
    assert (merged.conflicts, merged.updated["ratings"], merged.added["ratings"]) == ([], 0, 0)
    assert demo_lib.ach.matrix(q1).to_json() == cleared


def test_the_supervisor_takes_the_analysts_next_round_of_ratings(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H2", "C6", "I")
    merged = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "round2.briefpack"))
    assert (merged.note_id, merged.conflicts, merged.updated["ratings"]) == (result.note_id, [], 1)
    m = other.ach.matrix(other.questions.by_key("Q1").id)
    assert m.row("C6").ratings["H2"] == "I"  # type: ignore[union-attr]


def test_a_package_without_rating_histories_reports_every_different_rating(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, "N")

    def strip(members: dict[str, Any]) -> None:  # as packages made before rating histories
        for matrix in members["matrices.json"]:
            for rating in matrix["ratings"]:
                del rating["history"]

    merged = import_pack(demo_lib, forge(back, tmp_path / "old.briefpack", strip))
    q1 = demo_lib.questions.by_key("Q1").id
    assert demo_lib.ach.matrix(q1).row("C6").ratings["H2"] == "C"  # type: ignore[union-attr]
    assert merged.conflicts == [
        "Q1 C6 against H2: rated C here, N in the package; this library's kept"
    ]


def _clear_first_rated(members: dict[str, Any], history: list[Any], drop: bool = False) -> None:
    """Forge the matrix's first rated cell as cleared too (or instead, with drop)."""
    matrix = members["matrices.json"][0]
    first = matrix["ratings"][0]
    if drop:
        matrix["ratings"].pop(0)
    cell = {"row_uid": first["row_uid"], "hypothesis_uid": first["hypothesis_uid"]}
    matrix["cleared"] = [{**cell, "history": history}]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m: m["matrices.json"][0]["ratings"][0].update(rating="maybe"), "rating #1"),
        (lambda m: m["matrices.json"][0]["ratings"][0].update(history=["C", 7]), "rating #1"),
        (lambda m: m["matrices.json"][0]["ratings"][0].update(history="C"), "history"),
        (lambda m: m["matrices.json"][0]["hypotheses"][0].update(key="Z1"), "hypothesis #1"),
        (lambda m: m["matrices.json"][0]["rows"][0].update(claim_uid="nope"), "row #1"),
        (lambda m: m["matrices.json"][0]["rows"][0].update(relevance="huge"), "relevance"),
        (lambda m: m["matrices.json"][0].update(question_uid="nope"), "key question"),
        (lambda m: m["matrices.json"][0]["assumptions"][0].update(rating="sure"), "assumption"),
        (lambda m: m["judgment.json"].update(confidence="total"), "confidence"),
        (lambda m: m["judgment.json"].update(hypothesis_uid="nope"), "the judgment"),
        (lambda m: _clear_first_rated(m, ["C"]), "cleared cell #1 is rated as well"),
        (lambda m: _clear_first_rated(m, ["maybe"], drop=True), "cleared cell #1"),
        (lambda m: m["matrices.json"][0].update(cleared=[{"row_uid": "x"}]), "cleared cell #1"),
    ],
)
def test_a_forged_matrix_is_refused_and_nothing_merges(
    demo_lib: Library,
    other: Library,
    tmp_path: Path,
    change: Any,
    words: str,
) -> None:
    note = demo_lib.notes.all()[0]
    judge(demo_lib, note.id, demo_lib.questions.by_key("Q1").id, "H1", "low")
    pack = export_pack(demo_lib, note.id, tmp_path / "out.briefpack")
    bad = forge(pack, tmp_path / "bad.briefpack", change)
    before = dump(other)
    with pytest.raises(InvalidPack, match=words) as caught:
        import_pack(other, bad)
    assert "\n" not in str(caught.value)
    assert dump(other) == before


def test_a_package_from_before_matrices_still_imports(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "out.briefpack")

    def strip(members: dict[str, Any]) -> None:
        del members["matrices.json"], members["judgment.json"]

    result = import_pack(other, forge(pack, tmp_path / "old.briefpack", strip))
    assert (result.added["questions"], result.added["hypotheses"]) == (1, 0)
    assert other.ach.hypotheses(other.questions.by_key("Q1").id) == []


def _c6_h2(lib: Library) -> str | None:
    """Return the rating of claim C6 against H2 on Q1 (None: the cell is blank)."""
    row = lib.ach.matrix(lib.questions.by_key("Q1").id).row("C6")
    assert row is not None
    return row.ratings.get("H2")


def test_a_rating_the_supervisor_cleared_is_cleared_here_and_the_undo_restores_it(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """A cleared cell was not in the package at all, so the analyst's rating came back."""
    from briefing_app.core.review.pack_undo import undo_pack_import

    assert _c6_h2(demo_lib) == "C"
    back = _sent_back(demo_lib, other, tmp_path, "")  # the supervisor clears C6 against H2
    before = dump(demo_lib)
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == []
    assert merged.updated["ratings"] == 1 and "updated 1 rating" in merged.line()
    assert _c6_h2(demo_lib) is None
    # Undo of the whole import puts the analyst's rating back; so does the ratings' own undo.
    undone = undo_pack_import(demo_lib, merged.imported)
    assert _c6_h2(demo_lib) == "C" and dump(demo_lib) == before
    import_pack(demo_lib, back)
    assert _c6_h2(demo_lib) is None
    # The same package again changes nothing and reports nothing.
    again = import_pack(demo_lib, back)
    assert (again.conflicts, again.updated["ratings"]) == ([], 0)
    assert _c6_h2(demo_lib) is None
    assert undone


def test_the_ratings_own_undo_puts_a_cleared_rating_back(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    q1 = demo_lib.questions.by_key("Q1").id
    before = demo_lib.ach.matrix(q1).to_json()
    merged = import_pack(demo_lib, _sent_back(demo_lib, other, tmp_path, ""))
    undone = demo_lib.ach.revert_all(merged.rating_edits)
    assert demo_lib.ach.matrix(q1).to_json() == before
    demo_lib.ach.revert_all(undone)
    assert _c6_h2(demo_lib) is None


def test_a_cell_cleared_there_and_changed_here_is_a_conflict_and_ours_kept(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, "")
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H2", "C6", "I")
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == [
        "Q1 C6 against H2: rated I here, cleared in the package; this library's kept"
    ]
    assert _c6_h2(demo_lib) == "I"


def test_the_analyst_rating_a_cleared_cell_again_is_taken_by_the_supervisor(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """Next round: the analyst saw the clearing and rates the cell anew; the supervisor, whose
    cell is blank since, takes it (a blank on both histories, not a change on both sides)."""
    note = demo_lib.notes.all()[0]
    back = _sent_back(demo_lib, other, tmp_path, "")
    import_pack(demo_lib, back)
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H2", "C6", "N")
    merged = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "round2.briefpack"))
    assert (merged.conflicts, merged.updated["ratings"]) == ([], 1)
    assert _c6_h2(other) == "N"
    # And a round that leaves it cleared on both sides changes nothing there.
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H2", "C6", "")
    other.ach.rate(other.questions.by_key("Q1").id, "H2", "C6", "")
    merged = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "round3.briefpack"))
    assert (merged.conflicts, merged.updated["ratings"]) == ([], 0)
    assert _c6_h2(other) is None


def test_a_package_without_cleared_cells_leaves_the_rating_as_before(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """New Briefing reading a package from before cleared cells: nothing is taken back."""
    back = _sent_back(demo_lib, other, tmp_path, "")

    def strip(members: dict[str, Any]) -> None:
        for matrix in members["matrices.json"]:
            assert matrix.pop("cleared")
            for rating in matrix["ratings"]:
                rating.pop("seen_blank", None)

    merged = import_pack(demo_lib, forge(back, tmp_path / "old.briefpack", strip))
    assert (merged.conflicts, merged.updated["ratings"]) == ([], 0)
    assert _c6_h2(demo_lib) == "C"


def test_a_package_with_cleared_cells_keeps_the_shape_older_briefing_reads(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """Older Briefing refuses a blank rating or history value and ignores unknown fields: the
    cleared cell travels beside the ratings, every rating and its history stay real values."""
    import json
    import zipfile

    back = _sent_back(demo_lib, other, tmp_path, "")
    with zipfile.ZipFile(back) as pack:
        matrices = json.loads(pack.read("matrices.json"))
    (q1,) = matrices
    assert [sorted(c) for c in q1["cleared"]] == [["history", "hypothesis_uid", "row_uid"]]
    assert q1["cleared"][0]["history"] == ["C", ""]
    for rating in q1["ratings"]:
        assert rating["rating"] and all(rating["history"])


def test_a_matrix_travels_whole_with_the_claims_its_rows_rate_though_the_note_cites_one(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    # A short note cites one claim of Q1's matrix and judges on Q1: the reviewer must weigh the
    # same rows, or their matrix scores and ranks the hypotheses on less evidence.
    q1 = demo_lib.questions.by_key("Q1")
    rated = [r.key for r in demo_lib.ach.matrix(q1.id).rows if r.claim_id is not None]
    assert len(rated) > 1
    note = demo_lib.notes.create("Short", "briefing-note", [("summary", "Summary")])
    demo_lib.notes.set_section(note.id, "summary", f"One account [@{rated[0]}].")
    judge(demo_lib, note.id, q1.id, "H1", "moderate")

    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "short.briefpack"))

    assert matrices(other)[q1.uid] == matrices(demo_lib)[q1.uid]  # rows, ratings and scores
    there = other.claims.by_keys(rated)
    assert sorted(there) == sorted(rated)
    for key in rated:
        assert there[key].quote == demo_lib.claims.by_keys([key])[key].quote
    # The note itself still cites what it cited, no more.
    assert other.notes.cited_keys(other.notes.get(result.note_id)) == [rated[0]]
