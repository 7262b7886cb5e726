"""Suggested claims: find who said, claimed, denied or announced what in a source's text.

>>> from briefing_app.core.suggest import suggest_claims
>>> [s.party for s in suggest_claims("“We were not involved,” the Taliban said.")]
['the Taliban']

The suggester (its rules, per-language data and compiled patterns) loads on first use: a
check that only needs party names (`suggest.party_metonyms`) or `briefing export`, which runs
the checks, does not pay ~0.1 s for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_app.core.suggest.models import Suggestion
    from briefing_app.core.suggest.suggester import suggest_claims

__all__ = ["Suggestion", "suggest_claims"]


def __getattr__(name: str) -> Any:
    """Return Suggestion or suggest_claims, importing their module on first use."""
    if name == "Suggestion":
        from briefing_app.core.suggest.models import Suggestion

        return Suggestion
    if name == "suggest_claims":
        from briefing_app.core.suggest.suggester import suggest_claims

        return suggest_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
