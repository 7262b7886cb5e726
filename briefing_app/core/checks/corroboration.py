"""Key judgments need independent evidence: not one source, not one origin relayed many times."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import Sentence
from briefing_app.core.models import Claim

# Quotes this similar across outlets are the same wire copy, not independent reporting.
SAME_TEXT_RATIO = 0.9


def _party(claim: Claim) -> str:
    words = claim.party.casefold().replace("the ", " ").split()
    return " ".join(words)


@rule("corroboration.single-source", "Key judgment rests on a single source")
def single_source(ctx: CheckContext) -> Iterator[Finding]:
    """A key judgment, or a whole summary or assessment, cites claims from one source only.

    In sections the template marks as key judgments each judgment is judged: a paragraph or
    list item, or a table's body row, with all its sentences and cells together (a header row
    is none); in a template that marks none, its summary and assessment sections are judged
    whole, once each.
    """
    yield from _single_source_sections(ctx)
    for section in ctx.text.sections:
        if section.key not in ctx.profile.key_judgments:
            continue
        for start, end, sentences in section.judgments():
            title = _only_source(ctx, [k for s in sentences for k in s.keys])
            if title is None:
                continue
            yield Finding(
                "corroboration.single-source",
                "warning",
                section.key,
                start,
                end,
                f"This key judgment rests on a single source ({title!r})",
                "Cite corroboration from an independent source, or lower the confidence.",
                excerpt=_judgment_prose(section.body, sentences),
            )


def _judgment_prose(body: str, sentences: list[Sentence]) -> str:
    """Return what a judgment says without its citations; a table row's cells split by |."""
    out = ""
    for before, sentence in zip([None, *sentences], sentences, strict=False):
        prose = sentence.prose()
        if not prose:
            continue  # a cell holding only citations
        if out:
            between = body[before.end : sentence.start] if before is not None else ""
            out += " | " if "|" in between else " "
        out += prose
    return out


def _single_source_sections(ctx: CheckContext) -> Iterator[Finding]:
    """Yield a finding for each summary or assessment section citing one source only."""
    for section in ctx.text.sections:
        if section.key not in ctx.profile.judgments:
            continue
        cited = [s for s in section.sentences if s.keys]
        title = _only_source(ctx, [k for s in cited for k in s.keys])
        if title is None:
            continue
        yield Finding(
            "corroboration.single-source",
            "warning",
            section.key,
            cited[0].start,
            cited[-1].end,
            f"Everything this section cites comes from a single source ({title!r})",
            "Corroborate from an independent source, or say plainly that it rests on one.",
            excerpt=f"section {section.key}: {title}",
        )


def _only_source(ctx: CheckContext, keys: list[str]) -> str | None:
    """Return the title of the one source the cited claims all come from, else None."""
    sources = {ctx.claims[k].source_id for k in keys if k in ctx.claims}
    if len(sources) != 1:
        return None
    source = ctx.sources.get(next(iter(sources)))
    return source.title if source else "one source"


def _same_origin(claims: list[Claim], origins: dict[int, int] | None = None) -> str | None:
    """Return why these claims are not independent, or None when they may be.

    origins: each claim's origin by the analyst's `repeats` links (RelationManager.origins).
    """
    if len({c.source_id for c in claims}) < 2:
        return None
    if origins and len({origins.get(c.id, -c.id) for c in claims}) == 1:
        return "trace to one origin through 'repeats' links"
    parties = {_party(c) for c in claims}
    if len(parties) == 1 and "" not in parties:
        return f"all relay the same party ({claims[0].party})"
    quotes = [" ".join(c.quote.casefold().split()) for c in claims]
    first = quotes[0]
    if all(difflib.SequenceMatcher(None, first, q).ratio() >= SAME_TEXT_RATIO for q in quotes[1:]):
        return "their texts are (nearly) identical"
    return None


@rule("corroboration.circular", "Possible circular reporting")
def circular_reporting(ctx: CheckContext) -> Iterator[Finding]:
    """Claims cited together as corroboration trace to the same origin (same text or party, or
    linked by `repeats` to one origin)."""
    origins = ctx.lib.relations.origins()
    for section in ctx.text.sections:
        for sentence in section.sentences:
            for citation in sentence.citations:
                claims = [ctx.claims[k] for k in citation.keys if k in ctx.claims]
                if len(claims) < 2:
                    continue
                reason = _same_origin(claims, origins)
                if reason is None:
                    continue
                yield Finding(
                    "corroboration.circular",
                    "warning",
                    section.key,
                    citation.start,
                    citation.end,
                    f"Possible circular reporting: {', '.join(citation.keys)} {reason}",
                    "Count them as one report; look for an independent origin.",
                    excerpt=" ".join(citation.keys),
                )
