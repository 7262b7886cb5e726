"""Suggestions on the shipped sample article: the statements an analyst would tag first."""

from __future__ import annotations

import pytest

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.importers.base import extract_file
from briefing_app.core.suggest import Suggestion, suggest_claims


@pytest.fixture(scope="module")
def demo() -> tuple[str, list[Suggestion]]:
    text = extract_file(bundled_dir("seeds") / "khatlon-attack.md").text
    return text, suggest_claims(text)


def by_party(suggestions: list[Suggestion], party: str) -> Suggestion:
    matches = [s for s in suggestions if s.party == party]
    assert matches, [s.party for s in suggestions]
    return matches[0]


def test_every_quote_is_the_text_at_its_offsets(demo: tuple[str, list[Suggestion]]) -> None:
    text, suggestions = demo
    assert suggestions
    for s in suggestions:
        assert s.quote == text[s.start : s.end]
        assert s.sentence_start <= s.start < s.end <= s.sentence_end


def test_the_chinese_embassy_statement(demo: tuple[str, list[Suggestion]]) -> None:
    embassy = by_party(demo[1], "the Chinese Embassy")
    assert embassy.quote.startswith("discussions mainly focused on the security conditions")
    assert embassy.kind == "official statement"
    assert embassy.verb == "according to"


def test_the_taliban_denial(demo: tuple[str, list[Suggestion]]) -> None:
    denial = by_party(demo[1], "The Taliban administration")
    assert denial.normalized_party == "Taliban administration"
    assert denial.kind == "denial"
    assert "denying direct responsibility for the attack" in denial.quote


def test_the_tajik_authorities_attribution(demo: tuple[str, list[Suggestion]]) -> None:
    tajik = by_party(demo[1], "Tajik authorities")
    assert tajik.kind == "allegation"
    assert "criminal groups operating inside Afghanistan were behind the assault" in tajik.quote
    officials = by_party(demo[1], "Tajik officials")
    assert officials.kind == "official statement"


def test_they_is_resolved_to_the_taliban(demo: tuple[str, list[Suggestion]]) -> None:
    mentioned = [s for s in demo[1] if s.mention == "they"]
    assert [s.party for s in mentioned] == ["The Taliban administration"]
