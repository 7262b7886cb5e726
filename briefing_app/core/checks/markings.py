"""Handling markings: a note is at least as restricted as the most restricted source it cites."""

from __future__ import annotations

from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule


def _rank(marking: str, order: tuple[str, ...]) -> int | None:
    """Return the marking's place in the scheme (higher is more restrictive), or None."""
    wanted = " ".join(marking.upper().split())
    for i, name in enumerate(order):
        if " ".join(name.upper().split()) == wanted:
            return i
    return None


@rule("marking.less-restrictive", "Note marked below its sources")
def less_restrictive(ctx: CheckContext) -> Iterator[Finding]:
    """The note's marking is less restrictive than the most restrictive cited source."""
    order = ctx.profile.marking_order
    cited_sources = {c.source_id for c in ctx.claims.values()}
    ranked = [
        (rank, source)
        for source in (ctx.sources[s] for s in cited_sources if s in ctx.sources)
        if source.marking and (rank := _rank(source.marking, order)) is not None
    ]
    if not ranked:
        return
    top_rank, top_source = max(ranked, key=lambda item: item[0])
    # A blank marking exports as the template's default, so judge what is printed.
    marking = ctx.note.marking.strip() or ctx.profile.default_marking
    note_rank = _rank(marking, order) if marking else -1
    if note_rank is None:
        note_rank = -1
    if note_rank < top_rank:
        shown = marking or "unmarked"
        yield Finding(
            "marking.less-restrictive",
            "error",
            "",
            0,
            0,
            f"The note is {shown} but cites {top_source.title!r}, marked {top_source.marking}",
            f"Mark the note {top_source.marking} or remove what it takes from that source.",
            excerpt=f"{shown}<{top_source.marking}",
        )
