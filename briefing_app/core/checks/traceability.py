"""Every factual sentence cites its evidence, and every quotation matches what was said."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import words

MIN_WORDS_TO_TRACE = 4


@rule("trace.uncited", "Factual sentence cites nothing")
def uncited_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence in a section the template marks factual has no citation."""
    for section in ctx.text.sections:
        if section.key not in ctx.profile.factual:
            continue
        for sentence in section.sentences:
            if sentence.citations or len(words(sentence.prose())) < MIN_WORDS_TO_TRACE:
                continue
            yield Finding(
                "trace.uncited",
                "warning",
                section.key,
                sentence.start,
                sentence.end,
                "This factual statement cites no evidence",
                "Cite the claim it rests on (Ctrl+K), or move it to an assessment section.",
                excerpt=sentence.prose(),
            )


def _comparable(text: str) -> str:
    """Fold quotes, dashes, case and spacing so a quotation compares with its source."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[“”«»„\"]", '"', text)
    text = re.sub(r"[‘’`]", "'", text)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return " ".join(text.casefold().split())


def _quote_parts(quote: str) -> list[str]:
    """Split a quotation at ellipses and editorial brackets into parts that must all occur."""
    parts = re.split(r"\s*(?:\.\.\.|…|\[[^\]]*\])\s*", quote)
    return [p for p in (_comparable(p).strip(" ,.;:") for p in parts) if p]


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@rule("trace.misquote", "Quotation does not match the cited claim")
def misquote(ctx: CheckContext) -> Iterator[Finding]:
    """Text in quotation marks does not occur in the cited claims' quotes or source texts."""
    for section in ctx.text.sections:
        for sentence in section.sentences:
            claims = [ctx.claims[k] for k in sentence.keys if k in ctx.claims]
            if not claims:
                continue
            for quotation in sentence.quotations:
                parts = _quote_parts(quotation.text)
                if not parts:
                    continue
                haystacks = [_comparable(c.quote) for c in claims]
                if all(any(p in h for h in haystacks) for p in parts):
                    continue
                haystacks += [_comparable(ctx.source_text(c.source_id)) for c in claims]
                if all(any(p in h for h in haystacks) for p in parts):
                    continue
                keys = ", ".join(c.key for c in claims)
                yield Finding(
                    "trace.misquote",
                    "error",
                    section.key,
                    quotation.start,
                    quotation.end,
                    f"Misquote: “{_clip(quotation.text)}” is not in {keys} or its source",
                    "Copy the exact words of the claim, or paraphrase without quotation marks.",
                    excerpt=quotation.text,
                )
