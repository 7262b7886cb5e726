"""`briefing question`, `claim link`, `relations`, `board` and `timeline`, as a user runs them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.runner import briefing


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    result = briefing("demo", library=path)
    assert result.returncode == 0, result.stderr
    assert "briefing board Q1" in result.stdout
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_demo_board_shows_the_parties_and_the_contradiction(demo_file: Path) -> None:
    # The demo dates no claim (its article names no date); the analyst dates the Tajik claim.
    assert (
        briefing("claim", "edit", "C9", "--event-date", "2025-11", library=demo_file).returncode
        == 0
    )
    result = briefing("board", "Q1", "--json", library=demo_file)
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    assert board["question"]["text"] == "Who carried out the Khatlon attack?"
    positions = {p["party"]: [c["kind"] for c in p["claims"]] for p in board["positions"]}
    assert positions == {
        "Tajik authorities": ["allegation"],
        "Taliban administration": ["denial", "allegation"],
    }
    assert all(p["independent_sources"] == 1 for p in board["positions"])
    assert {(r["from"], r["relation"], r["to"]) for r in board["relations"]} == {
        ("C9", "contradicts", "C6"),
        ("C9", "contradicts", "C7"),
    }
    tajik = board["positions"][0]["claims"][0]
    assert (tajik["key"], tajik["source_grade"], tajik["event_date"]) == ("C9", "F3", "2025-11")
    assert tajik["suggested_status"] == "disputed"
    text = briefing("board", "Q1", library=demo_file).stdout
    assert "Taliban administration (1 independent source)" in text
    assert "C9 contradicts C6" in text


def test_the_demo_names_its_own_question_in_a_library_that_had_one(tmp_path: Path) -> None:
    # Loaded beside the analyst's Q1, the demo's question is Q2: "briefing board Q1" showed
    # the analyst's own question as the demo's.
    library = tmp_path / "lib.sqlite"
    assert (
        briefing(
            "note", "new", "--template", "sitrep", "--title", "Mine", library=library
        ).returncode
        == 0
    )
    assert briefing("question", "add", "Who is behind it?", library=library).returncode == 0
    loaded = briefing("demo", library=library)
    assert loaded.returncode == 0, loaded.stderr
    assert "briefing board Q2" in loaded.stdout and "briefing ach show Q2" in loaded.stdout
    assert "Q1" not in loaded.stdout
    board = json.loads(briefing("board", "Q2", "--json", library=library).stdout)
    assert board["question"]["text"] == "Who carried out the Khatlon attack?"


def test_the_board_shows_a_claims_quote_when_it_has_no_statement(tmp_path: Path) -> None:
    # A claim accepted from a suggestion has no statement of its own: the board's table showed
    # an empty Statement column, where --json, the timeline and the window show the quote.
    library = tmp_path / "lib.sqlite"
    article = tmp_path / "article.txt"
    article.write_text("Border clash\n\nThe Taliban denied any involvement in the attack.\n")
    assert briefing("import", str(article), library=library).returncode == 0
    quote = "denied any involvement in the attack"
    added = briefing("claim", "add", "1", "--quote", quote, "--party", "Taliban", library=library)
    assert added.returncode == 0, added.stderr
    assert briefing("question", "add", "Who attacked?", library=library).returncode == 0
    assert briefing("question", "assign", "Q1", "C1", library=library).returncode == 0
    shown = briefing("board", "Q1", library=library)
    assert shown.returncode == 0, shown.stderr
    assert quote in shown.stdout
    board = json.loads(briefing("board", "Q1", "--json", library=library).stdout)
    assert board["positions"][0]["claims"][0]["statement"] == quote


def test_the_demo_timeline_lists_its_claims_undated_and_says_why(demo_file: Path) -> None:
    # The article names no date and has no publication day: nothing in it dates a claim.
    rows = json.loads(briefing("timeline", "--json", library=demo_file).stdout)
    assert [r["key"] for r in rows] == [f"C{n}" for n in range(1, 11)]
    assert all(r["event_date"] is None and r["published"] is None for r in rows)
    attack = rows[3]
    assert attack["statement"].startswith("Armed attackers used firearms and a drone")
    found = attack["suggested_event_date"]
    # dateparser takes the word after it along ("last week in"); the phrase is the article's.
    assert found["date"] is None and found["words"].startswith("last week")
    assert (
        found["reason"] == f"{found['words']!r} is relative and the source has no publication day"
    )


def test_every_timeline_row_has_the_same_keys_dated_or_not(demo_file: Path) -> None:
    # Only undated rows had "suggested_event_date": the guide promises a list's entries all
    # have the same keys, and a script reading row["suggested_event_date"] failed on the rest.
    assert (
        briefing("claim", "edit", "C9", "--event-date", "2025-11", library=demo_file).returncode
        == 0
    )
    rows = _json(demo_file, "timeline")
    assert len({tuple(r) for r in rows}) == 1
    dated = next(r for r in rows if r["key"] == "C9")
    assert dated["suggested_event_date"] is None
    assert next(r for r in rows if r["key"] == "C1")["suggested_event_date"] is not None


def test_the_timeline_table_says_why_nothing_is_suggested(tmp_path: Path) -> None:
    # A source imported from a .txt has no language: the table showed "—" for each of its
    # claims and never said why (only --json did), so setting the language never occurred.
    library = tmp_path / "lib.sqlite"
    article = tmp_path / "a.txt"
    article.write_text("Border clash\n\nPolice said two suspects were arrested on 13 March.\n")
    assert briefing("import", str(article), library=library).returncode == 0
    quote = "two suspects were arrested on 13 March"
    assert briefing("claim", "add", "1", "--quote", quote, library=library).returncode == 0
    table = briefing("timeline", library=library)
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[-1] == (
        "Nothing suggested for C1: the source's language is not known"
    )
    assert briefing("source", "set", "1", "--language", "en", library=library).returncode == 0
    assert briefing("timeline", library=library).stdout.splitlines()[-1] == (
        "Nothing suggested for C1: 'on 13 March' is relative and the source has no publication day"
    )
    published = briefing("source", "set", "1", "--published", "2025-03-14", library=library)
    assert published.returncode == 0, published.stderr
    dated = briefing("timeline", library=library).stdout
    assert "Nothing suggested" not in dated and "2025-03-13? (suggested)" in dated


def test_the_demo_timeline_lists_dated_claims_in_order(demo_file: Path) -> None:
    for key, when in (("C4", "2025-11-26"), ("C5", "2025-11-26"), ("C6", "2025-11"),
                      ("C7", "2025-11"), ("C9", "2025")):  # fmt: skip
        assert (
            briefing("claim", "edit", key, "--event-date", when, library=demo_file).returncode == 0
        )
    rows = json.loads(briefing("timeline", "--json", library=demo_file).stdout)
    dated = [(r["key"], r["event_date"]) for r in rows if r["event_date"]]
    assert dated == [
        ("C9", "2025"),
        ("C6", "2025-11"),
        ("C7", "2025-11"),
        ("C4", "2025-11-26"),
        ("C5", "2025-11-26"),
    ]
    assert rows[1]["event_date_precision"] == "month" and rows[1]["published"] is None
    assert all(r["event_date"] is None for r in rows[len(dated) :])
    q1 = json.loads(briefing("timeline", "--question", "Q1", "--json", library=demo_file).stdout)
    assert [r["key"] for r in q1] == ["C9", "C6", "C7"]
    taliban = briefing("timeline", "--party", "taliban administration", "--json", library=demo_file)
    assert [r["key"] for r in json.loads(taliban.stdout)] == ["C6", "C7"]


def test_questions_are_added_assigned_and_listed(demo_file: Path) -> None:
    added = briefing("question", "add", "How many workers died?", library=demo_file)
    assert (added.returncode, added.stdout.strip()) == (0, "Q2")
    assert (
        briefing("question", "assign", "q2", "C5", "c4", library=demo_file).stdout == "Q2: C5 C4\n"
    )
    assert briefing("question", "unassign", "Q2", "C5", library=demo_file).stdout == "Q2: C4\n"
    listed = json.loads(briefing("questions", "--json", library=demo_file).stdout)
    assert [(q["key"], q["claims"]) for q in listed] == [("Q1", ["C9", "C6", "C7"]), ("Q2", ["C4"])]


def test_links_are_made_listed_and_removed(demo_file: Path) -> None:
    made = briefing(
        "claim", "link", "C4", "corroborates", "C5", "--note", "same toll", library=demo_file
    )
    assert (made.returncode, made.stdout) == (0, "C4 corroborates C5\n")
    rows = json.loads(briefing("relations", "--claim", "c5", "--json", library=demo_file).stdout)
    assert [(r["from"], r["relation"], r["to"], r["note"]) for r in rows] == [
        ("C4", "corroborates", "C5", "same toll")
    ]
    gone = briefing("claim", "unlink", "C5", "C4", library=demo_file)
    assert gone.stdout == "removed: C4 corroborates C5\n"
    assert (
        json.loads(briefing("relations", "--claim", "C5", "--json", library=demo_file).stdout) == []
    )


def test_event_dates_are_set_and_cleared(demo_file: Path) -> None:
    set_ = briefing(
        "claim", "edit", "C1", "--event-date", "2025-11-30T14:00", "--json", library=demo_file
    )
    assert json.loads(set_.stdout)["event_date"] == "2025-11-30T14:00"
    cleared = briefing("claim", "edit", "C1", "--event-date", "", "--json", library=demo_file)
    assert json.loads(cleared.stdout)["event_date"] is None


def test_an_unknown_event_date_is_null_in_every_json_that_lists_claims(demo_file: Path) -> None:
    # `claims --json` and `board --json` said "" where `timeline --json` says null for the same
    # undated claim: a script's `select(.event_date != null)` kept every claim of one.
    assert (
        briefing("claim", "edit", "C9", "--event-date", "2025-11", library=demo_file).returncode
        == 0
    )
    claims = {c["key"]: c["event_date"] for c in _json(demo_file, "claims")}
    timeline = {r["key"]: r["event_date"] for r in _json(demo_file, "timeline", "--no-suggest")}
    board = {
        c["key"]: c["event_date"]
        for p in _json(demo_file, "board", "Q1")["positions"]
        for c in p["claims"]
    }
    assert claims == timeline
    assert {key: claims[key] for key in board} == board
    assert claims["C9"] == "2025-11" and claims["C1"] is None


def _json(library: Path, *args: str) -> Any:
    result = briefing(*args, "--json", library=library)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["question", "add", "  "], "Error: a key question needs its text"),
        (["question", "assign", "Q1", "C99"], "Error: no claim C99"),
        (["question", "assign", "Q7", "C1"], "Error: no key question Q7"),
        (["question", "unassign", "Q1", "C1"], "Error: C1 is not assigned to Q1"),
        (
            ["claim", "link", "C6", "contradicts", "C6"],
            "Error: claim C6 cannot be linked to itself",
        ),
        (
            ["claim", "link", "C6", "corroborates", "C9"],
            "Error: C6 and C9 are already linked (C9 contradicts C6); unlink them first",
        ),
        (["claim", "unlink", "C1", "C2"], "Error: C1 and C2 are not linked"),
        (
            ["claim", "edit", "C1", "--event-date", "2025-02-30"],
            "Error: event date '2025-02-30' is not a real date written 2025, 2025-11, "
            "2025-11-30 or 2025-11-30T14:00",
        ),
        (["board", "Q3"], "Error: no key question Q3"),
        (["timeline", "--question", "Q3"], "Error: no key question Q3"),
        (["relations", "--claim", "C42"], "Error: no claim C42"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_changes_nothing(
    demo_file: Path, args: list[str], message: str
) -> None:
    before = _digest(demo_file)
    result = briefing(*args, "--json", library=demo_file)
    assert (result.returncode, result.stderr, result.stdout) == (1, message + "\n", "")
    assert _digest(demo_file) == before


def test_the_timeline_shows_a_suggested_date_for_an_undated_claim(tmp_path: Path) -> None:
    from briefing_app.core.importers.base import ExtractedDocument
    from briefing_app.core.library import Library

    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        text = "Police said on Sunday that three workers died."
        src = lib.sources.add(
            ExtractedDocument(title="T", text=text, language="en", published="2025-12-03")
        )
        lib.claims.add(src.id, quote="three workers died", party="Police")
    before = _digest(path)
    table = briefing("timeline", library=path).stdout
    assert "2025-11-30? (suggested)  2025-12-03  C1" in table
    (row,) = json.loads(briefing("timeline", "--json", library=path).stdout)
    assert (row["event_date"], row["published"]) == (None, "2025-12-03")
    assert row["suggested_event_date"] == {
        "date": "2025-11-30",
        "words": "on Sunday",
        # "on Sunday" sits on "said": the day it was said, the latest the deaths can be.
        "reason": "from 'on Sunday' (when it was said: the event is on or before it), counted "
        "from the publication day 2025-12-03",
    }
    (plain,) = json.loads(briefing("timeline", "--no-suggest", "--json", library=path).stdout)
    assert plain["suggested_event_date"] is None
    assert _digest(path) == before  # suggestions are never stored
