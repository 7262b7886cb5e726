"""`briefing check`: findings printed, exit 1 on errors, dismissals kept."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library
from tests.cli.runner import briefing


def _demo_library(tmp_path: Path) -> Path:
    path = tmp_path / "l.sqlite"
    with Library.open(path) as lib:
        build_demo(lib)
    return path


def test_demo_note_has_no_errors(tmp_path: Path) -> None:
    path = _demo_library(tmp_path)
    result = briefing("check", "1", "--json", library=path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["errors"] == 0


def test_an_error_exits_1_and_a_dismissal_is_kept(tmp_path: Path) -> None:
    path = _demo_library(tmp_path)
    with Library.open(path) as lib:
        note = lib.notes.all()[0]
        body = note.section("issue").body  # type: ignore[union-attr]
        lib.notes.set_section(note.id, "issue", body + " Five died [@C999].")
    result = briefing("check", "1", library=path)
    assert result.returncode == 1
    assert "C999 is cited but no such claim exists" in result.stdout
    finding = next(
        f
        for f in json.loads(briefing("check", "1", "--json", library=path).stdout)["findings"]
        if f["rule"] == "citation.missing"
    )
    dismissed = briefing(
        "dismiss", "1", finding["fingerprint"], "--reason", "Fixed in draft 2", library=path
    )
    assert dismissed.returncode == 0, dismissed.stderr
    report = json.loads(briefing("check", "1", "--json", library=path).stdout)
    assert report["errors"] == 0
    assert [d["reason"] for d in report["dismissed"]] == ["Fixed in draft 2"]


def test_rules_can_be_listed_and_switched_off(tmp_path: Path) -> None:
    path = _demo_library(tmp_path)
    rules = json.loads(briefing("rules", "--json", library=path).stdout)
    assert {"citation.missing", "trace.misquote", "marking.less-restrictive"} <= {
        r["id"] for r in rules
    }
    off = briefing(
        "rules", "--note", "1", "--off", "attribution.loaded-verb", "--json", library=path
    )
    state = {r["id"]: r["on"] for r in json.loads(off.stdout)}
    assert state["attribution.loaded-verb"] is False
    bad = briefing("rules", "--note", "1", "--off", "no.such.rule", library=path)
    assert bad.returncode == 1 and "no check rule" in bad.stderr


def test_an_unknown_rule_among_others_switches_none_of_them(tmp_path: Path) -> None:
    path = _demo_library(tmp_path)
    with Library.open(path) as lib:
        before = lib.notes.get(1).settings

    bad = briefing(
        "rules", "--note", "1", "--off", "trace.uncited", "--off", "no.such.rule", library=path
    )

    assert bad.returncode == 1
    assert bad.stderr.startswith("Error: no check rule 'no.such.rule' (rules: ")
    assert len(bad.stderr.strip().splitlines()) == 1
    with Library.open(path) as lib:
        assert lib.notes.get(1).settings == before
    state = json.loads(briefing("rules", "--note", "1", "--json", library=path).stdout)
    assert {r["id"]: r["on"] for r in state}["trace.uncited"] is True


def test_acknowledging_a_claim_key_the_note_does_not_cite_is_one_error(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert briefing("demo", library=library).returncode == 0
    result = briefing("acknowledge", "1", "C99", library=library)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: no claim C99"
    assert result.stdout == ""


def test_sentence_limits_of_the_template_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite"
    assert (
        briefing(
            "note", "new", "--template", "briefing-note", "--title", "L", library=path
        ).returncode
        == 0
    )
    issue = tmp_path / "issue.md"
    issue.write_text(
        "One point. A second point. A third point. A fourth point.\n", encoding="utf-8"
    )
    long = tmp_path / "long.md"
    long.write_text(
        " ".join(f"Point number {n} stands." for n in range(1, 10)) + "\n", encoding="utf-8"
    )
    for section, file in (("issue", issue), ("considerations", long)):
        result = briefing("note", "set", "1", section, "--file", str(file), library=path)
        assert result.returncode == 0, result.stderr
    report = json.loads(briefing("check", "1", "--json", library=path).stdout)
    # In the note's order; the three sections not written yet are named too.
    assert [(f["rule"], f["section"], f["message"]) for f in report["findings"]] == [
        ("section.empty", "summary", "Summary is empty"),
        ("length.limits", "issue", "Issue: 4 sentences, the template allows 2"),
        ("section.empty", "background", "Background is empty"),
        (
            "length.limits",
            "considerations",
            "Considerations: a paragraph of 9 sentences; the template allows 6",
        ),
        ("section.empty", "recommendation", "Recommendation is empty"),
    ]
