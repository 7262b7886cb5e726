"""What the suggester finds in a text, as tests compare it: (party, quote) pairs."""

from __future__ import annotations

from briefing_app.core.suggest import suggest_claims


def found(text: str, language: str = "en") -> list[tuple[str, str]]:
    """Return (party, quote) of every suggestion, checking each quote against its offsets."""
    suggestions = suggest_claims(text, language=language)
    for s in suggestions:
        assert s.quote == text[s.start : s.end]
    return [(s.party, s.quote) for s in suggestions]


def parties(text: str, language: str = "en") -> list[str]:
    """Return the party of every suggestion (quotes checked against their offsets)."""
    return [party for party, _ in found(text, language)]
