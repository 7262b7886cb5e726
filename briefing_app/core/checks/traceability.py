"""Every factual sentence cites its evidence, and every quotation matches what was said."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import words

MIN_WORDS_TO_TRACE = 4
# Sentences that address the reader or frame the question state no fact to cite: "You need to
# know whether…", "This note asks…", "The question is…" (the Issue guidance asks for them).
FRAMING = re.compile(
    r"^\W*(?:"
    r"(?:you|we)\s+(?:need|must|should|may\s+wish|will\s+want|are\s+asked|have\s+asked)\s+to\b"
    r"|you\s+(?:asked|requested)\b"
    r"|(?:this|the\s+present)\s+(?:note|memo|memorandum|brief|briefing|paper|report|assessment)"
    r"\s+(?:asks|seeks|considers|examines|addresses|sets\s+out|responds|answers|looks|is\s+to)\b"
    r"|the\s+(?:question|issue|decision)\s+(?:is|for\s+you|before\s+you)\b"
    r"|whether\b"
    r")",
    re.IGNORECASE,
)


def frames_the_question(sentence: str) -> bool:
    """Return whether a sentence addresses the reader or frames the question (no fact to cite).

    >>> frames_the_question("You need to know whether the attack was launched from Afghanistan.")
    True
    >>> frames_the_question("Three workers were killed.")
    False
    """
    return bool(FRAMING.match(sentence)) or sentence.rstrip().endswith("?")


@rule("trace.uncited", "Factual sentence cites nothing")
def uncited_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence in a section the template marks factual has no citation."""
    for section in ctx.text.sections:
        if section.key not in ctx.profile.factual:
            continue
        for sentence in section.sentences:
            prose = sentence.prose()
            if sentence.citations or len(words(prose)) < MIN_WORDS_TO_TRACE:
                continue
            if frames_the_question(prose):
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
