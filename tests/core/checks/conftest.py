"""A small evidence base for the check tests: two outlets, claims of every kind."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing_app.core.checks import CheckProfile, Finding, run_checks
from briefing_app.core.checks.base import SectionLimits
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

WIRE = (
    "Officials said three workers were killed in the attack on the camp. "
    "The Taliban administration denied any responsibility for the attack. "
    "The ministry said the border would stay closed."
)
LOCAL = (
    "Local police confirmed that three workers were killed at the camp. "
    "Residents reported a drone over the camp before the attack."
)

PROFILE = CheckProfile(
    factual=frozenset({"background"}),
    assessment=frozenset({"assessment"}),
    key_judgments=frozenset({"key_judgments"}),
    limits={"bluf": SectionLimits(max_words=40, max_sentence_words=25, max_lines=2)},
)

Check = Callable[..., list[Finding]]


@pytest.fixture
def evidence(lib: Library) -> dict[str, str]:
    """Create the sources and claims; return claim keys by a short name."""
    wire = lib.sources.add(ExtractedDocument(title="Wire report", outlet="Wire", text=WIRE))
    relay = lib.sources.add(
        ExtractedDocument(
            title="Relay report",
            outlet="Relay",
            text="Officials said three workers "
            "were killed in the attack on the camp, the agency reported.",
        )
    )
    local = lib.sources.add(ExtractedDocument(title="Local report", outlet="Local", text=LOCAL))
    c = lib.claims
    return {
        "killed": c.add(
            wire.id,
            quote="three workers were killed in the attack on the camp",
            party="Officials",
            kind="official statement",
        ).key,
        "denial": c.add(
            wire.id,
            quote="denied any responsibility for the attack",
            party="Taliban administration",
            kind="denial",
        ).key,
        "border": c.add(
            wire.id,
            quote="the border would stay closed",
            party="the ministry",
            kind="official statement",
        ).key,
        "relay": c.add(
            relay.id,
            quote="three workers were killed in the attack on the camp",
            party="Officials",
            kind="official statement",
        ).key,
        "police": c.add(
            local.id,
            quote="three workers were killed at the camp",
            party="Local police",
            kind="official statement",
        ).key,
        "drone": c.add(
            local.id,
            quote="Residents reported a drone over the camp",
            party="Residents",
            kind="allegation",
        ).key,
    }


@pytest.fixture
def check(lib: Library, evidence: dict[str, str]) -> Check:
    """Return a function that writes a note with the given section bodies and checks it."""

    def run(profile: CheckProfile = PROFILE, marking: str = "", **bodies: str) -> list[Finding]:
        text = {k: v.format(**evidence) for k, v in bodies.items()}
        note = lib.notes.create(
            "Test note", "test", [(k, k.title()) for k in text], bodies=text, marking=marking
        )
        return run_checks(lib, note, profile).findings

    return run


def rules_of(findings: list[Finding]) -> list[str]:
    """Return the rule ids of findings, in order."""
    return [f.rule for f in findings]


def link(lib: Library, first: str, relation: str, second: str) -> None:
    """Link the claims with keys first and second (e.g. "C1 contradicts C2")."""
    a, b = lib.claims.by_key(first), lib.claims.by_key(second)
    assert a is not None and b is not None
    lib.relations.link(a.id, relation, b.id)
