"""Attribution: allegations and denials name who makes them; neutral attribution verbs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import words
from briefing_app.core.suggest.party_metonyms import load_party_groups, mentions, names_for

ATTRIBUTED_KINDS = ("allegation", "denial")
_STOP = frozenset(["the", "of", "and", "for", "in", "on", "at", "a", "an", "to", "by", "de", "al"])
# Verbs that judge the speaker: "claimed" casts doubt, "admitted" implies guilt.
LOADED_VERBS = re.compile(
    r"\b(admitted|admits|admit|conceded|concedes|confessed|confesses|claimed|"
    r"claims that|insisted|insists|purported|purports)\b",
    re.I,
)


def _party_words(party: str) -> set[str]:
    return {w.casefold() for w in words(party) if w.casefold() not in _STOP and len(w) > 1}


@rule("attribution.unnamed-party", "Allegation or denial used without its party")
def unnamed_party(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence rests on an allegation or denial but does not name who made it.

    A party is named by its own words, a library alias, or a name standing for it in the
    party name lists ("Dushanbe" for the Tajik authorities, "Kabul" for the Taliban).
    """
    groups = load_party_groups()
    aliases = ctx.lib.parties.aliases()
    bodies = {section.key: section.body for section in ctx.text.sections}
    for sentence in ctx.text.sentences():
        prose = sentence.prose() + _row_around(bodies.get(sentence.section, ""), sentence.start)
        prose_words = {w.casefold() for w in words(prose)}
        for key in sentence.keys:
            claim = ctx.claims.get(key)
            if claim is None or claim.kind not in ATTRIBUTED_KINDS or not claim.party.strip():
                continue
            if _party_words(claim.party) & prose_words:
                continue
            if any(mentions(prose, n) for n in names_for(claim.party, groups, aliases)):
                continue
            yield Finding(
                "attribution.unnamed-party",
                "warning",
                sentence.section,
                sentence.start,
                sentence.end,
                f"{key} is {'an' if claim.kind[0] in 'aeiou' else 'a'} {claim.kind} by "
                f"{claim.party}, but the sentence does not say so",
                f"Attribute it: 'according to {claim.party}, …' or '{claim.party} said …'.",
                excerpt=f"{key} {sentence.prose()}",
            )


def _row_around(body: str, at: int) -> str:
    """Return the table row holding offset at (" | Residents | …"), or "" outside a table.

    A table of who says what puts the party in its own cell: the row names it for each cell.
    """
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    line = body[start : end if end >= 0 else len(body)]
    return " " + line if line.lstrip().startswith("|") else ""


@rule("attribution.loaded-verb", "Loaded attribution verb")
def loaded_verb(ctx: CheckContext) -> Iterator[Finding]:
    """An attribution verb that judges the speaker, such as 'admitted' or 'claimed'."""
    for sentence in ctx.text.sentences():
        for match in LOADED_VERBS.finditer(sentence.text):
            yield Finding(
                "attribution.loaded-verb",
                "info",
                sentence.section,
                sentence.start + match.start(),
                sentence.start + match.end(),
                f"'{match.group(0)}' judges the speaker",
                "Prefer 'said' or 'according to' unless the judgment is intended.",
                excerpt=f"{match.group(0)} {sentence.prose()}",
            )
