"""A matrix row's weights and switches, and a key assumption's text and rating, merge three-way
between libraries exchanging review packages, as ratings do: what only the other side changed
is taken (and undone with the import), what only this side changed stays, and only a change on
both sides to different values is reported, this library's kept."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.library import Library
from briefing_app.core.review.pack_contents import record
from briefing_app.core.review.pack_matrices import ASSUMPTION, ROW
from briefing_app.core.review.pack_undo import redo_pack_import, undo_pack_import
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack
from tests.core.records.library_dump import dump
from tests.core.review.test_pack_evidence import forge

# What the demo's matrix holds as the analyst sends it.
C6_SENT = (False, False, "medium", None)
A1_SENT = ("The attackers crossed into Tajikistan from Afghanistan", "caveated")
A1_CORRECTED = "The attackers crossed into Tajikistan from Afghanistan, by the Panj river"

Change = Callable[[Library, int], object]


@pytest.fixture
def other(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "supervisor.sqlite")


def _q1(lib: Library) -> int:
    return lib.questions.by_key("Q1").id


def _weights(lib: Library, key: str = "C6") -> tuple[bool, bool, str, str | None]:
    """Return a row of Q1 as the analyst sees it: off, deceptive, relevance, credibility."""
    row = lib.ach.matrix(_q1(lib)).row(key)
    assert row is not None
    return (row.switched_off, row.deceptive, row.relevance, row.credibility_override)


def _a1(lib: Library) -> tuple[str, str]:
    a = lib.assumptions.get(_q1(lib), "A1")
    return (a.text, a.rating)


def _sent_back(demo_lib: Library, other: Library, tmp_path: Path, supervisor: Change) -> Path:
    """Send the demo note to the supervisor, who makes a change and sends the note back."""
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    supervisor(other, _q1(other))
    return export_pack(other, result.note_id, tmp_path / "back.briefpack")


def _high(lib: Library, q: int) -> object:
    return lib.ach.weigh(q, "C6", relevance="high", credibility="low")


def _corrected(lib: Library, q: int) -> object:
    return lib.assumptions.update(q, "A1", text=A1_CORRECTED)


# Only the other side changed: taken ----------------------------------------------------------


def test_weights_only_the_supervisor_changed_are_taken_and_the_import_undo_puts_ours_back(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, _high)
    before = dump(demo_lib)
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == []
    assert merged.updated["rows"] == 1 and "updated 1 row" in merged.line()
    assert _weights(demo_lib) == (False, False, "high", "low")
    after = dump(demo_lib)
    # Undo of the whole import puts the analyst's weights back, redo the supervisor's.
    undone = undo_pack_import(demo_lib, merged.imported)
    assert _weights(demo_lib) == C6_SENT and dump(demo_lib) == before
    redo_pack_import(demo_lib, undone)
    assert dump(demo_lib) == after
    # The same package again changes nothing and reports nothing.
    again = import_pack(demo_lib, back)
    assert (again.conflicts, again.updated["rows"]) == ([], 0)
    assert dump(demo_lib) == after


def test_the_matrix_edits_undo_puts_taken_weights_and_wording_back(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    def both(lib: Library, q: int) -> None:
        _high(lib, q)
        _corrected(lib, q)

    q1 = _q1(demo_lib)
    before = (demo_lib.ach.matrix(q1).to_json(), _a1(demo_lib))
    merged = import_pack(demo_lib, _sent_back(demo_lib, other, tmp_path, both))
    assert (merged.updated["rows"], merged.updated["assumptions"]) == (1, 1)
    undone = demo_lib.ach.revert_all(merged.rating_edits)
    assert (demo_lib.ach.matrix(q1).to_json(), _a1(demo_lib)) == before
    demo_lib.ach.revert_all(undone)
    assert _weights(demo_lib)[2:] == ("high", "low") and _a1(demo_lib)[0] == A1_CORRECTED


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda lib, q: lib.ach.switch(q, "C6", False), (True, False, "medium", None)),
        (lambda lib, q: lib.ach.mark_deceptive(q, "C6", True), (False, True, "medium", None)),
    ],
)
def test_a_switch_only_the_supervisor_changed_is_taken(
    demo_lib: Library, other: Library, tmp_path: Path, change: Change, expected: object
) -> None:
    merged = import_pack(demo_lib, _sent_back(demo_lib, other, tmp_path, change))
    assert (merged.conflicts, merged.updated["rows"]) == ([], 1)
    assert _weights(demo_lib) == expected


def test_the_weights_of_an_absence_only_the_supervisor_changed_are_taken(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """A row that is no claim keeps its own global id in every library."""
    back = _sent_back(
        demo_lib, other, tmp_path, lambda lib, q: lib.ach.weigh(q, "X1", relevance="low")
    )
    merged = import_pack(demo_lib, back)
    assert (merged.conflicts, merged.updated["rows"]) == ([], 1)
    assert _weights(demo_lib, "X1") == (False, False, "low", None)


def test_an_assumption_only_the_supervisor_reworded_is_taken_and_the_import_undo_restores_it(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, _corrected)
    before = dump(demo_lib)
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == []
    assert merged.updated["assumptions"] == 1 and "updated 1 assumption" in merged.line()
    assert _a1(demo_lib) == (A1_CORRECTED, "caveated")
    undone = undo_pack_import(demo_lib, merged.imported)
    assert _a1(demo_lib) == A1_SENT and dump(demo_lib) == before
    redo_pack_import(demo_lib, undone)
    assert _a1(demo_lib) == (A1_CORRECTED, "caveated")
    again = import_pack(demo_lib, back)
    assert (again.conflicts, again.updated["assumptions"]) == ([], 0)


def test_an_assumption_rating_only_the_supervisor_changed_is_taken(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(
        demo_lib, other, tmp_path, lambda lib, q: lib.assumptions.update(q, "A1", rating="solid")
    )
    merged = import_pack(demo_lib, back)
    assert (merged.conflicts, merged.updated["assumptions"]) == ([], 1)
    assert _a1(demo_lib) == (A1_SENT[0], "solid")
    # The assumption's other fields and links are the analyst's still.
    a = demo_lib.assumptions.get(_q1(demo_lib), "A1")
    assert (a.claim_keys, a.hypothesis_keys) == (("C10", "C9"), ("H1", "H2"))


def test_an_assumptions_reasons_only_the_supervisor_changed_are_taken(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    # The walk: the supervisor downgraded A1 and wrote why; the rating came back, the reason
    # did not, and nothing said so.
    def reasons(lib: Library, q: int) -> object:
        return lib.assumptions.update(
            q, "A1", rating="unsupported", why="Nobody shows the route", wrong_if="A route found"
        )

    merged = import_pack(demo_lib, _sent_back(demo_lib, other, tmp_path, reasons))
    assert (merged.conflicts, merged.updated["assumptions"]) == ([], 1)
    a = demo_lib.assumptions.get(_q1(demo_lib), "A1")
    assert (a.rating, a.why, a.wrong_if) == (
        "unsupported",
        "Nobody shows the route",
        "A route found",
    )


def test_an_assumptions_reasons_changed_on_both_sides_are_reported_and_ours_kept(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(
        demo_lib, other, tmp_path, lambda lib, q: lib.assumptions.update(q, "A1", why="Theirs")
    )
    demo_lib.assumptions.update(_q1(demo_lib), "A1", why="Ours")
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == [
        "Q1 assumption A1: wording, rating or reasons differ; this library's kept"
    ]
    assert demo_lib.assumptions.get(_q1(demo_lib), "A1").why == "Ours"


def test_the_supervisor_takes_the_analysts_next_round_of_weights_and_wording(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    _high(demo_lib, _q1(demo_lib))
    _corrected(demo_lib, _q1(demo_lib))
    merged = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "round2.briefpack"))
    assert (merged.note_id, merged.conflicts) == (result.note_id, [])
    assert (merged.updated["rows"], merged.updated["assumptions"]) == (1, 1)
    assert _weights(other) == (False, False, "high", "low")
    assert _a1(other) == (A1_CORRECTED, "caveated")


# Only this side changed: kept silently --------------------------------------------------------


def test_weights_and_wording_only_the_analyst_changed_are_kept_without_a_conflict(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    # The supervisor changes something else (a rating), leaving the row and assumption alone.
    back = _sent_back(demo_lib, other, tmp_path, lambda lib, q: lib.ach.rate(q, "H1", "C7", "N"))
    q1 = _q1(demo_lib)
    demo_lib.ach.weigh(q1, "C6", relevance="low")
    demo_lib.ach.mark_deceptive(q1, "C6", True)
    demo_lib.assumptions.update(q1, "A1", text="The attackers came from Afghanistan")
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == []
    assert (merged.updated["rows"], merged.updated["assumptions"]) == (0, 0)
    assert merged.updated["ratings"] == 1  # what the supervisor did change is taken
    assert _weights(demo_lib) == (False, True, "low", None)
    assert _a1(demo_lib) == ("The attackers came from Afghanistan", "caveated")


# Both sides changed ----------------------------------------------------------------------------


def test_weights_both_sides_changed_differently_are_reported_and_ours_kept(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, _high)
    demo_lib.ach.weigh(_q1(demo_lib), "C6", relevance="low")
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == ["Q1 row C6: weights or switches differ; this library's kept"]
    assert merged.updated["rows"] == 0
    assert _weights(demo_lib) == (False, False, "low", None)
    # Not seen: the same package again reports it again, until one side gives way.
    again = import_pack(demo_lib, back)
    assert again.conflicts == merged.conflicts


def test_an_assumption_both_sides_changed_differently_is_reported_and_ours_kept(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    back = _sent_back(demo_lib, other, tmp_path, _corrected)
    demo_lib.assumptions.update(_q1(demo_lib), "A1", rating="unsupported")
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == [
        "Q1 assumption A1: wording, rating or reasons differ; this library's kept"
    ]
    assert merged.updated["assumptions"] == 0
    assert _a1(demo_lib) == (A1_SENT[0], "unsupported")


def test_the_same_change_made_on_both_sides_is_no_conflict(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    def both(lib: Library, q: int) -> None:
        _high(lib, q)
        _corrected(lib, q)

    back = _sent_back(demo_lib, other, tmp_path, both)
    both(demo_lib, _q1(demo_lib))
    before = (demo_lib.ach.matrix(_q1(demo_lib)).to_json(), _a1(demo_lib))
    merged = import_pack(demo_lib, back)
    assert merged.conflicts == []
    assert (merged.updated["rows"], merged.updated["assumptions"]) == (0, 0)
    assert (demo_lib.ach.matrix(_q1(demo_lib)).to_json(), _a1(demo_lib)) == before
    # And the next round, where the supervisor leaves them be, keeps the analyst's next change.
    demo_lib.ach.weigh(_q1(demo_lib), "C6", relevance="low")
    merged = import_pack(demo_lib, back)
    assert (merged.conflicts, _weights(demo_lib)[2]) == ([], "low")


# Packages from other versions ------------------------------------------------------------------


def _strip_histories(members: dict[str, Any]) -> None:
    """Make a package as Briefing wrote them before rows and assumptions carried histories."""
    for matrix in members["matrices.json"]:
        for item in [*matrix["rows"], *matrix["assumptions"]]:
            del item["history"]


def test_a_package_without_these_histories_reports_every_difference_and_keeps_ours(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    def both(lib: Library, q: int) -> None:
        _high(lib, q)
        _corrected(lib, q)

    back = _sent_back(demo_lib, other, tmp_path, both)
    merged = import_pack(demo_lib, forge(back, tmp_path / "old.briefpack", _strip_histories))
    assert merged.conflicts == [
        "Q1 row C6: weights or switches differ; this library's kept",
        "Q1 assumption A1: wording, rating or reasons differ; this library's kept",
    ]
    assert (merged.updated["rows"], merged.updated["assumptions"]) == (0, 0)
    assert (_weights(demo_lib), _a1(demo_lib)) == (C6_SENT, A1_SENT)


def test_a_package_without_these_histories_still_brings_new_rows_and_assumptions(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "out.briefpack")
    result = import_pack(other, forge(pack, tmp_path / "old.briefpack", _strip_histories))
    assert (result.added["assumptions"], result.conflicts) == (1, [])
    assert _weights(other, "C9") == _weights(demo_lib, "C9") == (False, True, "high", None)
    assert _a1(other) == A1_SENT


def test_rows_and_assumptions_keep_the_shape_older_briefing_reads(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """Older Briefing checks the fields it knows and ignores others: the history is the only
    field added, and every field it requires is there, typed as it requires."""
    back = _sent_back(demo_lib, other, tmp_path, _high)
    with zipfile.ZipFile(back) as pack:
        (q1,) = json.loads(pack.read("matrices.json"))
    for shape, items in ((ROW, q1["rows"]), (ASSUMPTION, q1["assumptions"])):
        for item in items:
            assert set(item) - set(shape) == {"history"}
            assert all(isinstance(v, str) for v in item["history"])
            record("back.briefpack", "a record", {k: item[k] for k in shape}, shape)
    (c6,) = [r for r in q1["rows"] if r["credibility"] == "low"]
    assert len(c6["history"]) == 2  # as received, and as changed


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m: m["matrices.json"][0]["rows"][0].update(history=["ab", 7]), "row #1"),
        (lambda m: m["matrices.json"][0]["rows"][0].update(history="ab"), "history"),
        (lambda m: m["matrices.json"][0]["assumptions"][0].update(history=[None]), "assumption"),
        (lambda m: m["matrices.json"][0]["assumptions"][0].update(history={}), "history"),
    ],
)
def test_a_forged_history_is_refused_and_nothing_merges(
    demo_lib: Library, other: Library, tmp_path: Path, change: Any, words: str
) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "out.briefpack")
    bad = forge(pack, tmp_path / "bad.briefpack", change)
    before = dump(other)
    with pytest.raises(InvalidPack, match=words) as caught:
        import_pack(other, bad)
    assert "\n" not in str(caught.value)
    assert dump(other) == before
