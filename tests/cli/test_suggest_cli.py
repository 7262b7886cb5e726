"""`briefing suggest`, `briefing party alias` and `briefing parties`, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.runner import briefing
from tests.conftest import write_fixture

ARTICLE = (
    "Officials said the bridge was closed. "
    "The Taliban administration denied any role in the attack."
)


def _library_with_article(tmp_path: Path) -> Path:
    library = tmp_path / "lib.sqlite"
    article = write_fixture(tmp_path / "report.txt", ARTICLE)
    result = briefing("import", str(article), library=library)
    assert result.returncode == 0, result.stderr
    return library


def test_suggest_prints_suggestions_and_stores_nothing(tmp_path: Path) -> None:
    library = _library_with_article(tmp_path)
    result = briefing("suggest", "1", "--json", library=library)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [(s["party"], s["kind"]) for s in found] == [
        ("Officials", "official statement"),
        ("The Taliban administration", "denial"),
    ]
    for s in found:
        assert ARTICLE[s["start"] : s["end"]] == s["quote"]
    table = briefing("suggest", "1", library=library).stdout
    assert "The Taliban administration" in table and found[1]["fingerprint"] in table
    claims = json.loads(briefing("claims", "--json", library=library).stdout)
    assert claims == []


def test_a_rejected_suggestion_is_not_printed_again(tmp_path: Path) -> None:
    library = _library_with_article(tmp_path)
    denial = json.loads(briefing("suggest", "1", "--json", library=library).stdout)[1]
    result = briefing("suggest", "reject", "1", denial["fingerprint"], library=library)
    assert result.returncode == 0, result.stderr
    after = json.loads(briefing("suggest", "1", "--json", library=library).stdout)
    assert [s["party"] for s in after] == ["Officials"]
    everything = json.loads(briefing("suggest", "1", "--all", "--json", library=library).stdout)
    assert len(everything) == 2
    assert (
        briefing("suggest", "restore", "1", denial["fingerprint"], library=library).returncode == 0
    )
    assert len(json.loads(briefing("suggest", "1", "--json", library=library).stdout)) == 2


def test_bad_fingerprints_and_sources_are_one_line_errors(tmp_path: Path) -> None:
    library = _library_with_article(tmp_path)
    result = briefing("suggest", "reject", "1", "ffffffffffffffff", library=library)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: source 1 has no suggestion 'ffffffffffffffff'"
    missing = briefing("suggest", "99", library=library)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "Error: no source with id 99"


def test_party_alias_names_suggested_parties_and_is_listed(tmp_path: Path) -> None:
    library = _library_with_article(tmp_path)
    result = briefing("party", "alias", "the Taliban administration", "Taliban", library=library)
    assert result.returncode == 0, result.stderr
    found = json.loads(briefing("suggest", "1", "--json", library=library).stdout)
    assert found[1]["normalized_party"] == "Taliban"
    parties = json.loads(briefing("parties", "--json", library=library).stdout)
    assert parties == [
        {"name": "Taliban", "claim_count": 0, "aliases": ["the Taliban administration"]}
    ]
    assert "the Taliban administration" in briefing("parties", library=library).stdout


def test_suggest_accept_creates_the_claim(tmp_path: Path) -> None:
    library = _library_with_article(tmp_path)
    officials = json.loads(briefing("suggest", "1", "--json", library=library).stdout)[0]
    result = briefing("suggest", "accept", "1", officials["fingerprint"], "--json", library=library)
    assert result.returncode == 0, result.stderr
    claim = json.loads(result.stdout)
    assert (claim["quote"], claim["party"], claim["kind"]) == (
        "the bridge was closed",
        "Officials",
        "official statement",
    )


def test_suggest_accept_twice_refuses_in_one_line_and_stores_one_claim(tmp_path: Path) -> None:
    library = _library_with_article(tmp_path)
    officials = json.loads(briefing("suggest", "1", "--json", library=library).stdout)[0]
    first = briefing("suggest", "accept", "1", officials["fingerprint"], library=library)
    assert first.returncode == 0, first.stderr
    again = briefing("suggest", "accept", "1", officials["fingerprint"], library=library)
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        "Error: the passage is already claim C1 (source 1)"
    ]
    claims = json.loads(briefing("claims", "--json", library=library).stdout)
    assert [c["key"] for c in claims] == ["C1"]


def test_a_statement_nobody_can_be_named_for_is_listed_as_unresolved(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    article = write_fixture(tmp_path / "report.txt", "The suspect allegedly fled to Belgium.")
    assert briefing("import", str(article), library=library).returncode == 0
    found = json.loads(briefing("suggest", "1", "--json", library=library).stdout)
    assert [s["party"] for s in found] == [""]  # left empty, not guessed
    table = briefing("suggest", "1", library=library).stdout
    assert "(unresolved)" in table


def test_suggest_takes_its_options_before_the_source_too(tmp_path: Path) -> None:
    # `briefing suggest --json 1` said "no such option '--json'", where `suggest 1 --json` ran.
    library = _library_with_article(tmp_path)
    before = briefing("suggest", "--json", "1", library=library)
    assert before.returncode == 0, before.stderr
    assert before.stdout == briefing("suggest", "1", "--json", library=library).stdout
    assert "Usage: briefing suggest [OPTIONS] COMMAND" in briefing("suggest", "--help").stdout


def test_suggest_all_says_which_are_open_claimed_or_rejected(tmp_path: Path) -> None:
    # `--all` listed claimed and rejected suggestions exactly like open ones: a script going
    # through them could not tell which were still to do.
    library = _library_with_article(tmp_path)
    official, denial = json.loads(briefing("suggest", "1", "--json", library=library).stdout)
    assert {official["status"], denial["status"]} == {"open"}
    assert (
        briefing("suggest", "accept", "1", official["fingerprint"], library=library).returncode == 0
    )
    assert (
        briefing("suggest", "reject", "1", denial["fingerprint"], library=library).returncode == 0
    )
    everything = json.loads(briefing("suggest", "1", "--all", "--json", library=library).stdout)
    assert [(s["fingerprint"], s["status"]) for s in everything] == [
        (official["fingerprint"], "claimed"),
        (denial["fingerprint"], "rejected"),
    ]
    table = briefing("suggest", "1", "--all", library=library).stdout.splitlines()
    assert table[0].split()[:2] == ["Fingerprint", "Status"]
    assert table[2].split()[:2] == [official["fingerprint"], "claimed"]
    assert table[3].split()[:2] == [denial["fingerprint"], "rejected"]
