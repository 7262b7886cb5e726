"""Checks that read the links between claims: contradictions left out, circular reporting
through `repeats`, and claims superseded by an `updates` link."""

from __future__ import annotations

from briefing_app.core.library import Library
from tests.core.checks.conftest import Check, link, rules_of


def test_citing_one_side_of_a_contradiction_alone_warns(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    link(lib, evidence["killed"], "contradicts", evidence["denial"])
    findings = check(assessment="Officials blame the group for the attack [@{killed}].")
    assert rules_of(findings) == ["evidence.contradiction-left-out"]
    killed, denial = evidence["killed"], evidence["denial"]
    assert findings[0].message == (
        f"{killed} (Officials) is contradicted by {denial} (Taliban administration), "
        "which the note does not mention"
    )
    assert f"[@{denial}]" in findings[0].fix


def test_citing_or_mentioning_the_other_side_does_not_warn(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    link(lib, evidence["killed"], "contradicts", evidence["denial"])
    assert "evidence.contradiction-left-out" not in rules_of(
        check(assessment="Officials blame the group [@{killed}]; it denies it [@{denial}].")
    )
    assert "evidence.contradiction-left-out" not in rules_of(
        check(assessment="Officials blame the group [@{killed}]. The Taliban reject this.")
    )


def test_without_a_contradicts_link_nothing_warns(check: Check) -> None:
    assert rules_of(check(assessment="Officials blame the group [@{killed}].")) == []


def test_claims_linked_by_repeats_to_one_origin_are_circular(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    # Different outlets and parties, different words: only the analyst's links tell.
    body = "Three workers were killed [@{killed}; @{police}]."
    assert "corroboration.circular" not in rules_of(check(assessment=body))
    link(lib, evidence["police"], "repeats", evidence["killed"])
    findings = [f for f in check(assessment=body) if f.rule == "corroboration.circular"]
    assert len(findings) == 1
    assert "trace to one origin through 'repeats' links" in findings[0].message


def test_a_chain_of_repeats_is_one_origin(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    link(lib, evidence["police"], "repeats", evidence["drone"])
    link(lib, evidence["drone"], "repeats", evidence["killed"])
    findings = check(assessment="Three workers were killed [@{killed}; @{police}].")
    assert "corroboration.circular" in rules_of(findings)


def test_citing_an_updated_claim_offers_the_newer_one(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    link(lib, evidence["police"], "updates", evidence["killed"])
    findings = check(background="Three workers were killed [@{killed}].")
    assert rules_of(findings) == ["evidence.superseded"]
    killed, police = evidence["killed"], evidence["police"]
    assert findings[0].message == f"{killed} has been updated by {police} (Local police)"
    assert f"[@{police}]" in findings[0].fix


def test_the_newest_of_a_chain_of_updates_is_offered(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    link(lib, evidence["relay"], "updates", evidence["killed"])
    link(lib, evidence["police"], "updates", evidence["relay"])
    (finding,) = check(background="Three workers were killed [@{killed}].")
    assert finding.message.startswith(
        f"{evidence['killed']} has been updated by {evidence['police']}"
    )


def test_citing_the_newer_claim_too_or_the_newer_alone_does_not_warn(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    link(lib, evidence["police"], "updates", evidence["killed"])
    assert check(background="Three were killed [@{killed}], police confirmed [@{police}].") == []
    assert check(background="Three workers were killed [@{police}].") == []
