"""Suggestions already covered by a claim are dropped, however many claims a source has."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.suggest import suggest_claims
from briefing_app.core.suggest.manager import _covers, drop_claimed

TEXT = (
    "Police said two men were held. The ministry denied any role in the attack. "
    "Residents claimed that the road was closed. The mayor announced a curfew. "
) * 8
FOUND = suggest_claims(TEXT)

spans = st.lists(
    st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 300)).map(
        lambda p: (p[0], min(p[0] + p[1], len(TEXT)))
    ),
    max_size=40,
)


@given(spans)
def test_drop_claimed_keeps_exactly_the_suggestions_no_claim_covers(
    claim_spans: list[tuple[int, int]],
) -> None:
    expected = [s for s in FOUND if not any(_covers(s, a, b) for a, b in claim_spans)]
    assert drop_claimed(FOUND, claim_spans) == expected


def test_a_claim_on_a_suggestion_drops_only_that_one() -> None:
    first = FOUND[0]
    kept = drop_claimed(FOUND, [(first.start, first.end)])
    assert first not in kept and len(kept) == len(FOUND) - 1
