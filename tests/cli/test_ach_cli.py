"""`briefing ach`, `briefing assumption(s)` and `briefing note judge`, as a user runs them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.cli.runner import briefing


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The demo, with a second question Q2 holding C4 and C5 (Q1 carries the demo's matrix)."""
    path = tmp_path / "demo.sqlite"
    assert briefing("demo", library=path).returncode == 0
    assert (
        briefing("question", "add", "How were the attackers armed?", library=path).stdout == "Q2\n"
    )
    assert briefing("question", "assign", "Q2", "C4", "C5", library=path).returncode == 0
    return path


def run(path: Path, *args: str) -> str:
    result = briefing(*args, library=path)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_matrix_is_built_rated_and_scored_from_the_command_line(library: Path) -> None:
    assert run(library, "ach", "hypothesis", "Q2", "Firearms and a drone") == "H1\n"
    assert run(library, "ach", "hypothesis", "Q2", "Firearms only") == "H2\n"
    assert run(library, "ach", "evidence", "Q2", "--absence", "No drone debris shown") == "X1\n"
    assert run(library, "ach", "evidence", "Q2", "--assumption", "Witnesses saw it") == "A1\n"
    run(library, "ach", "rate", "Q2", "H1", "C4", "CC")
    run(library, "ach", "rate", "Q2", "H2", "C4", "II")
    run(library, "ach", "rate", "Q2", "H1", "X1", "I")
    run(library, "ach", "rate", "Q2", "H2", "X1", "c")
    out = run(library, "ach", "weight", "Q2", "C4", "--relevance", "high", "--credibility", "low")
    assert "Q2 C4: H1=CC H2=II; relevance high, credibility low" in out
    show = json.loads(run(library, "ach", "show", "Q2", "--json"))
    # H1: X1's I, weight 1 → 1.  H2: C4's II, weights high × low = √2 × 1/√2 = 1 → 2.
    assert [(h["key"], h["inconsistency"], h["weighted_inconsistency"], h["rank"])
            for h in show["hypotheses"]] == [("H1", 1, 1.0, 1), ("H2", 2, 2.0, 2)]  # fmt: skip
    rows = {r["key"]: r for r in show["rows"]}
    assert list(rows) == ["C4", "C5", "X1", "A1"]
    assert rows["C4"]["diagnosticity"] == 2.0  # CC and II: 2 and -2
    assert rows["C5"]["diagnosticity"] == 0.0  # not rated: helps no hypothesis
    # Without C4 the scores are 1 and 0: H2 leads, so C4 is pivotal and the matrix fragile.
    assert (show["leader"], show["pivotal"], show["fragile"]) == ("H1", ["C4"], True)
    assert rows["C4"]["leader_without"] == "H2"

    assert "; switched off" in run(library, "ach", "toggle", "Q2", "C4")
    assert "; possibly deceptive" in run(library, "ach", "deceptive", "Q2", "X1")
    show = json.loads(run(library, "ach", "show", "Q2", "--json"))
    rows = {r["key"]: r for r in show["rows"]}
    assert rows["C4"]["switched_off"] and rows["X1"]["deceptive"]
    # C4 off: H1 1, H2 0 → H2 leads. Without X1 both are 0: they tie (H1 only ranks first by
    # order); flipped (I, C → C, I) H1 0, H2 1: H1 leads. X1 is pivotal both ways.
    assert (show["leader"], show["leaders"], show["pivotal"]) == ("H2", ["H2"], ["X1"])
    assert rows["X1"]["leaders_without"] == ["H1", "H2"]
    assert rows["X1"]["leader_flipped"] == "H1"

    table = run(library, "ach", "show", "Q2")
    assert "1     H2   Firearms only" in table
    assert "0 (helps none)" in table
    assert "Leading: H2\n" in table
    assert "Fragile: pivotal rows X1 (without it H1 and H2 tie; if deceptive, H1 leads)" in table
    # The column of marks (PIVOTAL, off, deceptive) had no heading, its rule trailing blanks.
    lines = table.splitlines()
    heading = next(n for n, line in enumerate(lines) if line.startswith("Row "))
    assert lines[heading].split()[-1] == "Marks"
    assert all(line == line.rstrip() for line in lines), [ln for ln in lines if ln != ln.rstrip()]


def test_a_matrix_whose_hypotheses_tie_names_no_leader(library: Path) -> None:
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    run(library, "ach", "hypothesis", "Q2", "Firearms only")
    # No evidence rated yet: the verdict said "Leading: H1" only because H1 was typed first.
    shown = run(library, "ach", "show", "Q2")
    assert "Tied for the lead: H1 and H2 (the evidence favours none of them)" in shown
    assert "1=    H1" in shown and "1=    H2" in shown and "Not fragile" not in shown
    run(library, "ach", "rate", "Q2", "H1", "C4", "I")
    assert "Leading: H2\n" in run(library, "ach", "show", "Q2")


def test_a_claim_is_added_to_the_matrix_and_removed_from_it(library: Path) -> None:
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    assert run(library, "ach", "evidence", "Q2", "--claim", "C1") == "C1\n"
    assert json.loads(run(library, "questions", "--json"))[1]["claims"] == ["C4", "C5", "C1"]
    assert run(library, "ach", "remove", "Q2", "C1") == "Removed C1 from Q2\n"
    assert json.loads(run(library, "questions", "--json"))[1]["claims"] == ["C4", "C5"]
    removed = json.loads(run(library, "ach", "remove", "Q2", "H1", "--json"))
    assert removed == {"question": "Q2", "removed": "H1"}


def test_key_assumptions_are_added_listed_and_changed(library: Path) -> None:
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    out = run(library, "assumption", "add", "Q2", "The article saw the site", "--rating",
              "caveated", "--why", "Unnamed reporter", "--wrong-if", "No one visited",
              "--supports", "C4", "--hypothesis", "H1")  # fmt: skip
    assert out == "A1\n"
    (a1,) = json.loads(run(library, "assumptions", "Q2", "--json"))
    assert a1 == {
        "key": "A1",
        "uid": a1["uid"],
        "text": "The article saw the site",
        "rating": "caveated",
        "rating_label": "Correct with caveats",
        "why": "Unnamed reporter",
        "wrong_if": "No one visited",
        "supports": ["C4"],
        "hypotheses": ["H1"],
    }
    run(library, "assumption", "set", "Q2", "A1", "--rating", "unsupported")
    assert "Unsupported" in run(library, "assumptions", "Q2")
    assert "A1" in [
        r["key"] for r in json.loads(run(library, "ach", "show", "Q2", "--json"))["rows"]
    ]


def test_a_note_records_the_hypothesis_its_judgment_favours(library: Path) -> None:
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    out = run(library, "note", "judge", "1", "Q2", "H1", "--confidence", "moderate")
    assert out == "Note 1 favours Q2 H1, moderate confidence\n"
    assert json.loads(run(library, "note", "judge", "1", "--json")) == {
        "question": "Q2",
        "hypothesis": "H1",
        "confidence": "moderate",
    }
    assert run(library, "note", "judge", "1", "--clear") == "Note 1 records no judgment\n"


def test_a_dash_clears_a_cell_as_the_help_and_the_error_say(library: Path) -> None:
    # The help said "- to clear the cell", the error "or blank": both now say "-".
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    assert "Q2 C4: H1=CC" in run(library, "ach", "rate", "Q2", "H1", "C4", "CC")
    assert "Q2 C4: H1=-" in run(library, "ach", "rate", "Q2", "H1", "C4", "-")
    show = json.loads(run(library, "ach", "show", "Q2", "--json"))
    assert next(r for r in show["rows"] if r["key"] == "C4")["ratings"] == {}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ach", "hypothesis", "Q9", "Someone"], "Error: no key question Q9"),
        (["ach", "rate", "Q2", "H9", "C4", "I"], "Error: Q2 has no hypothesis H9"),
        (["ach", "rate", "Q2", "H1", "C4", "maybe"], "Error: a rating is one of CC, C, N, I, II, "
         "NA, or - to clear the cell (not 'maybe')"),
        (["ach", "rate", "Q2", "H1", "C1", "I"], "Error: C1 is not a claim of Q2 (add it with "
         "`briefing ach evidence Q2 --claim C1`)"),
        (["ach", "rate", "Q2", "H1", "X7", "I"], "Error: Q2 has no row X7"),
        (["ach", "weight", "Q2", "C4"], "Error: give --relevance or --credibility"),
        (["ach", "evidence", "Q2"], "Error: give one of --assumption, --absence or --claim"),
        (["assumption", "add", "Q2", "Porous", "--rating", "solid", "--hypothesis", "H4"],
         "Error: Q2 has no hypothesis H4"),
        (["assumption", "add", "Q2", "Porous", "--rating", "solid", "--supports", "C99"],
         "Error: no claim C99"),
        (["note", "judge", "1", "Q2", "H1"], "Error: missing --confidence: give the question, "
         "the hypothesis and --confidence (briefing note judge 1 Q2 H1 --confidence moderate)"),
        (["note", "judge", "1", "Q2", "--confidence", "low"], "Error: missing the hypothesis: "
         "give the question, the hypothesis and --confidence (briefing note judge 1 Q2 H1 "
         "--confidence moderate)"),
        (["note", "judge", "1", "Q2", "H7", "--confidence", "high"],
         "Error: Q2 has no hypothesis H7"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_1_and_changes_nothing(
    library: Path, args: list[str], message: str
) -> None:
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    before = _digest(library)
    result = briefing(*args, library=library)
    assert (result.returncode, result.stderr, result.stdout) == (1, message + "\n", "")
    assert _digest(library) == before


def test_an_assumption_with_several_unknown_keys_names_them_all_in_one_error_line(
    library: Path,
) -> None:
    run(library, "ach", "hypothesis", "Q2", "Firearms and a drone")
    before = _digest(library)
    result = briefing(
        "assumption", "add", "Q2", "Porous", "--rating", "solid",
        "--supports", "C4", "--supports", "C99", "--supports", "C98",
        "--hypothesis", "H1", "--hypothesis", "H7",
        library=library,
    )  # fmt: skip
    # Every key that does not exist, at once: one at a time, the analyst fixed C99 only to be
    # told of C98, then of H7.
    assert (result.returncode, result.stderr, result.stdout) == (
        1,
        "Error: no claims C99, C98; Q2 has no hypothesis H7\n",
        "",
    )
    assert _digest(library) == before
    run(library, "assumption", "add", "Q2", "Porous", "--rating", "solid", "--supports", "C4")
    result = briefing(
        "assumption", "set", "Q2", "A1", "--supports", "C99", "--hypothesis", "H7",
        "--hypothesis", "H8", library=library,
    )  # fmt: skip
    assert result.stderr == "Error: no claim C99; Q2 has no hypotheses H7, H8\n"
    assert result.returncode != 0


def test_the_demo_matrix_gives_the_scores_worked_out_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    assert "briefing ach show Q1" in run(path, "demo")
    show = json.loads(run(path, "ach", "show", "Q1", "--json"))
    # Ratings (H1, H2, H3) and weights w = w(credibility) × w(relevance):
    #   C9 C N I   F3 → credibility medium, relevance high: w = √2; possibly deceptive
    #   C6 C C C   F3 → w = 1
    #   C7 C I N   F4 → credibility low: w = 1/√2
    #   X1 C C N   w = 1
    #   A1 C C I   w = 1
    # Inconsistency: H1 0; H2 1 (C7); H3 2 (C9, A1).
    # Weighted: H1 0; H2 1/√2 = 0.7071; H3 √2 + 1 = 2.4142.
    assert [h["label"] for h in show["hypotheses"]] == [
        "Criminal groups based in Afghanistan",
        "A group tied to the Taliban",
        "Actors inside Tajikistan",
    ]
    assert [(h["key"], h["inconsistency"], h["weighted_inconsistency"], h["rank"])
            for h in show["hypotheses"]] == [
        ("H1", 0, 0.0, 1), ("H2", 1, 0.7071, 2), ("H3", 2, 2.4142, 3)]  # fmt: skip
    # Diagnosticity: C9 and C7 rate 1, 0, -1: √6/3 = 0.8165; C6 all 1: 0; X1 1, 1, 0: √2/3 =
    # 0.4714; A1 1, 1, -1: √8/3 = 0.9428.
    rows = {r["key"]: r for r in show["rows"]}
    assert {k: r["diagnosticity"] for k, r in rows.items()} == {
        "C9": 0.8165, "C6": 0.0, "C7": 0.8165, "X1": 0.4714, "A1": 0.9428}  # fmt: skip
    # Flipped, C9 reads I, N, C: H1 √2, H2 1/√2, H3 1 → H2 leads, so C9 is pivotal and the
    # matrix fragile. H1 has no inconsistency, so no removal puts another ahead of it, but
    # without C7 (the only evidence against H2) H1 and H2 tie at 0: C7 is pivotal too.
    assert rows["C9"]["leader_flipped"] == "H2"
    assert rows["C7"]["leaders_without"] == ["H1", "H2"]
    assert (show["leader"], show["pivotal"], show["fragile"]) == ("H1", ["C9", "C7"], True)
    assert [(r["key"], r["relevance"], r["credibility"], r["deceptive"]) for r in show["rows"]] == [
        ("C9", "high", "medium", True),
        ("C6", "medium", "medium", False),
        ("C7", "medium", "low", False),
        ("X1", "medium", "medium", False),
        ("A1", "medium", "medium", False),
    ]
    (a1,) = json.loads(run(path, "assumptions", "Q1", "--json"))
    assert (a1["rating"], a1["supports"], a1["hypotheses"]) == (
        "caveated",
        ["C10", "C9"],
        ["H1", "H2"],
    )
