"""Suggested claims: find who said, claimed, denied or announced what in a source's text.

>>> [s.party for s in suggest_claims("“We were not involved,” the Taliban said.")]
['the Taliban']
"""

from __future__ import annotations

from briefing_app.core.suggest.models import Suggestion
from briefing_app.core.suggest.suggester import suggest_claims

__all__ = ["Suggestion", "suggest_claims"]
