"""What the links between claims say about a note: a contradiction it leaves out, and a
claim it cites that a newer one supersedes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import Sentence
from briefing_app.core.models import Claim, ClaimRelation

# A word of a party's name that names it on its own ("Taliban" of "Taliban administration"):
# capitalised in the name and long enough not to be an article or a title.
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]{3,}")


def _first_citations(ctx: CheckContext) -> dict[str, tuple[str, Sentence]]:
    """Return, for each cited key, the section and sentence where the note first cites it."""
    found: dict[str, tuple[str, Sentence]] = {}
    for section in ctx.text.sections:
        for sentence in section.sentences:
            for key in sentence.keys:
                found.setdefault(key, (section.key, sentence))
    return found


def _mentions(ctx: CheckContext, party: str) -> bool:
    """Return whether the note's text names a party, whole or by a word of its name."""
    if not party.strip():
        return False
    text = " ".join(s.body for s in ctx.text.sections).casefold()
    names = [party, *_NAME_WORD.findall(party)]
    return any(re.search(rf"\b{re.escape(n.casefold())}\b", text) for n in names)


def _cited_relations(ctx: CheckContext, relation: str) -> list[ClaimRelation]:
    ids = {c.id for c in ctx.claims.values()}
    return [
        r
        for r in ctx.lib.relations.all()
        if r.relation == relation and (r.from_claim_id in ids or r.to_claim_id in ids)
    ]


def _who(claim: Claim) -> str:
    return f"{claim.key} ({claim.party or 'no party'})"


@rule("evidence.contradiction-left-out", "A contradicting claim is left out")
def contradiction_left_out(ctx: CheckContext) -> Iterator[Finding]:
    """The note cites one side of a `contradicts` link and neither cites nor mentions the other."""
    first = _first_citations(ctx)
    for relation in _cited_relations(ctx, "contradicts"):
        ends = (relation.from_key, relation.to_key)
        cited = [k for k in ends if k in ctx.claims]
        if len(cited) != 1:
            continue  # both sides cited: the note weighs them
        other_key = ends[1] if cited[0] == ends[0] else ends[0]
        other = ctx.lib.claims.by_key(other_key)
        if other is None or _mentions(ctx, other.party):
            continue
        claim = ctx.claims[cited[0]]
        if claim.key not in first:
            continue
        section, sentence = first[claim.key]
        yield Finding(
            "evidence.contradiction-left-out",
            "warning",
            section,
            sentence.start,
            sentence.end,
            f"{_who(claim)} is contradicted by {_who(other)}, which the note does not mention",
            f"Say what {other.party or other.key} holds, citing [@{other.key}], or explain why "
            "it is set aside.",
            excerpt=f"{claim.key} {other.key}",
        )


def _newest(ctx: CheckContext, claim_id: int, updates: list[ClaimRelation]) -> int:
    """Follow `updates` links from a claim to the newest claim superseding it."""
    seen = {claim_id}
    current = claim_id
    while True:
        newer = [r.from_claim_id for r in updates if r.to_claim_id == current]
        if not newer or newer[0] in seen:
            return current
        current = newer[0]
        seen.add(current)


@rule("evidence.superseded", "A cited claim has been updated")
def superseded(ctx: CheckContext) -> Iterator[Finding]:
    """The note cites a claim that a newer claim `updates` (a revised figure, say)."""
    updates = [r for r in ctx.lib.relations.all() if r.relation == "updates"]
    if not updates:
        return
    first = _first_citations(ctx)
    cited_ids = {c.id for c in ctx.claims.values()}
    for key, claim in ctx.claims.items():
        newest_id = _newest(ctx, claim.id, updates)
        if newest_id == claim.id or newest_id in cited_ids or key not in first:
            continue  # up to date, or the note cites the newer claim too
        newer = ctx.lib.claims.get(newest_id)
        section, sentence = first[key]
        yield Finding(
            "evidence.superseded",
            "warning",
            section,
            sentence.start,
            sentence.end,
            f"{key} has been updated by {_who(newer)}",
            f"Cite the newer claim [@{newer.key}] instead, or say why {key} still stands.",
            excerpt=f"{key} {newer.key}",
        )
