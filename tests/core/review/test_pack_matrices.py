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
    back = export_pack(other, result.note_id, tmp_path / "back.briefpack")
    merged = import_pack(demo_lib, back)
    q1 = demo_lib.questions.by_key("Q1").id
    m = demo_lib.ach.matrix(q1)
    assert [h.label for h in m.hypotheses][-1] == "A state's intelligence service"
    assert m.row("C9").ratings["H4"] == "I"  # type: ignore[union-attr]
    assert m.row("C6").ratings["H2"] == "C"  # type: ignore[union-attr]  # ours kept
    assert "Q1 C6 against H2: rated C here, N in the package; this library's kept" in (
        merged.conflicts
    )
    assert [a.key for a in demo_lib.assumptions.all(q1)] == ["A1", "A2"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m: m["matrices.json"][0]["ratings"][0].update(rating="maybe"), "rating #1"),
        (lambda m: m["matrices.json"][0]["hypotheses"][0].update(key="Z1"), "hypothesis #1"),
        (lambda m: m["matrices.json"][0]["rows"][0].update(claim_uid="nope"), "row #1"),
        (lambda m: m["matrices.json"][0]["rows"][0].update(relevance="huge"), "relevance"),
        (lambda m: m["matrices.json"][0].update(question_uid="nope"), "key question"),
        (lambda m: m["matrices.json"][0]["assumptions"][0].update(rating="sure"), "assumption"),
        (lambda m: m["judgment.json"].update(confidence="total"), "confidence"),
        (lambda m: m["judgment.json"].update(hypothesis_uid="nope"), "the judgment"),
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
