"""Citations must point at live claims (missing, retracted, disputed or changed since cited)
and stand in a sentence."""

from __future__ import annotations

from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import stray_citations
from briefing_app.core.records.note_settings import cited_grades, cited_revisions


def _cited(ctx: CheckContext) -> Iterator[tuple[str, int, int, str]]:
    """Yield (section, start, end, key) for every key of every citation in the note."""
    for section in ctx.text.sections:
        for sentence in section.sentences:
            for citation in sentence.citations:
                for key in citation.keys:
                    yield section.key, citation.start, citation.end, key


@rule("citation.missing", "Cited claim does not exist")
def missing_claim(ctx: CheckContext) -> Iterator[Finding]:
    """A citation names a claim key that is not in the library (deleted or mistyped)."""
    for section, start, end, key in _cited(ctx):
        if key not in ctx.claims:
            yield Finding(
                "citation.missing",
                "error",
                section,
                start,
                end,
                f"{key} is cited but no such claim exists",
                "Cite an existing claim (Ctrl+K) or remove the citation.",
                excerpt=key,
            )


@rule("citation.status", "Cited claim is retracted or disputed")
def retracted_or_disputed(ctx: CheckContext) -> Iterator[Finding]:
    """A cited claim has been retracted (error) or is disputed (warning)."""
    for section, start, end, key in _cited(ctx):
        claim = ctx.claims.get(key)
        if claim is None:
            continue
        if claim.status == "retracted":
            yield Finding(
                "citation.status",
                "error",
                section,
                start,
                end,
                f"{key} is retracted: the statement it supports has lost its evidence",
                "Remove the statement or cite other evidence.",
                excerpt=key,
            )
        elif claim.status == "disputed":
            yield Finding(
                "citation.status",
                "warning",
                section,
                start,
                end,
                f"{key} is disputed",
                "Say that the claim is disputed, or cite corroborating evidence.",
                excerpt=key,
            )


@rule("citation.changed", "Cited claim changed since it was cited")
def changed_since_cited(ctx: CheckContext) -> Iterator[Finding]:
    """A cited claim was edited or regraded, or its source regraded, after the note cited
    it, until acknowledged."""
    seen = cited_revisions(ctx.note)
    graded = cited_grades(ctx.note)
    for section, start, end, key in _cited(ctx):
        claim = ctx.claims.get(key)
        if claim is None or key not in seen:
            continue
        source = ctx.sources.get(claim.source_id)
        was = graded.get(key, "")
        if claim.revision <= int(seen[key]) and source is not None and was:
            if source.reliability != was:
                now = source.reliability
                yield Finding(
                    "citation.changed",
                    "warning",
                    section,
                    start,
                    end,
                    f"{key}'s source was regraded since cited (reliability {was} → {now}: "
                    f"now {now}{claim.credibility})",
                    "Re-read the claim and what the note says of it, then acknowledge the change.",
                    excerpt=f"{key}@{claim.revision}:{was}>{now}",
                )
            continue
        if claim.revision > int(seen[key]):
            yield Finding(
                "citation.changed",
                "warning",
                section,
                start,
                end,
                f"{key} changed since cited (now {claim.status}, credibility {claim.credibility})",
                "Re-read the claim, then acknowledge the change.",
                excerpt=f"{key}@{claim.revision}",
            )


@rule("citation.stray", "Citation without a sentence")
def stray_citation(ctx: CheckContext) -> Iterator[Finding]:
    """A citation stands after a sentence's end with no words of its own (its sentence deleted)."""
    for section in ctx.text.sections:
        for start, end in stray_citations(section):
            cites = section.body[start:end]
            before = " ".join(section.body[max(0, start - 40) : start].split())[-30:].strip()
            yield Finding(
                "citation.stray",
                "warning",
                section.key,
                start,
                end,
                f"{cites} stands without a sentence (after “…{before}”)",
                "Remove it, or put it back in the sentence it supports.",
                excerpt=f"{before} {cites}",
            )
