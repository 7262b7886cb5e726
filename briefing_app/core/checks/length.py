"""The template's length limits: words and sentences per section, words per sentence,
sentences per paragraph, lines of a BLUF."""

from __future__ import annotations

import math
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, SectionLimits, rule
from briefing_app.core.checks.document import SectionText, words

# A line of 11-point body text on a Letter/A4 page with one-inch margins holds ~95 characters.
CHARS_PER_LINE = 95


def estimated_lines(body: str) -> int:
    """Return how many printed lines a section body takes, paragraph by paragraph."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    return sum(max(1, math.ceil(len(" ".join(p.split())) / CHARS_PER_LINE)) for p in paragraphs)


@rule("length.limits", "Over the template's length limits")
def over_limits(ctx: CheckContext) -> Iterator[Finding]:
    """A section is longer than the template allows (words, sentences, sentence length,
    sentences per paragraph, lines)."""
    for section in ctx.text.sections:
        limits = ctx.profile.limits.get(section.key)
        if limits is None or not section.body.strip():
            continue
        prose = " ".join(s.prose() for s in section.sentences)
        count = len(words(prose))
        if limits.max_words is not None and count > limits.max_words:
            yield Finding(
                "length.limits",
                "warning",
                section.key,
                0,
                len(section.body),
                f"{section.heading}: {count} words, the template allows {limits.max_words}",
                "Cut or move detail to an annex.",
                excerpt=f"words:{section.key}",
            )
        yield from _sentence_limits(section, limits)
        if limits.max_lines is not None:
            lines = estimated_lines(section.body)
            if lines > limits.max_lines:
                yield Finding(
                    "length.limits",
                    "warning",
                    section.key,
                    0,
                    len(section.body),
                    f"{section.heading}: about {lines} lines; the limit is {limits.max_lines}",
                    "Tighten it to the bottom line.",
                    excerpt=f"lines:{section.key}",
                )
        if limits.max_sentence_words is not None:
            for sentence in section.sentences:
                n = len(words(sentence.prose()))
                if n > limits.max_sentence_words:
                    yield Finding(
                        "length.limits",
                        "warning",
                        section.key,
                        sentence.start,
                        sentence.end,
                        f"Sentence of {n} words; the template allows {limits.max_sentence_words}",
                        "Split it in two.",
                        excerpt=sentence.prose(),
                    )


def _sentence_limits(section: SectionText, limits: SectionLimits) -> Iterator[Finding]:
    """Yield the findings on a section's count of sentences and its paragraphs' counts."""
    count = len(section.sentences)
    if limits.max_sentences is not None and count > limits.max_sentences:
        yield Finding(
            "length.limits",
            "warning",
            section.key,
            0,
            len(section.body),
            f"{section.heading}: {count} sentences, the template allows {limits.max_sentences}",
            "Keep the sentences that carry the point; merge or drop the rest.",
            excerpt=f"sentences:{section.key}",
        )
    if limits.max_paragraph_sentences is None:
        return
    for start, end, sentences in section.paragraphs():
        if len(sentences) > limits.max_paragraph_sentences:
            yield Finding(
                "length.limits",
                "warning",
                section.key,
                start,
                end,
                f"{section.heading}: a paragraph of {len(sentences)} sentences; "
                f"the template allows {limits.max_paragraph_sentences}",
                "Split it where the topic turns.",
                excerpt=sentences[0].prose(),
            )
