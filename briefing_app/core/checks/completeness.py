"""Whether every section of a note is written: an export leaves an empty one out."""

from __future__ import annotations

from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule


@rule("section.empty", "A section with nothing in it")
def empty_sections(ctx: CheckContext) -> Iterator[Finding]:
    """A section of the template has no text: the export leaves it out, heading and all."""
    for section in ctx.text.sections:
        if not section.body.strip():
            yield Finding(
                "section.empty",
                "warning",
                section.key,
                0,
                0,
                f"{section.heading} is empty",
                "Write it, or leave it: the export leaves an empty section out, heading and all.",
                excerpt=f"empty:{section.key}",
            )
