"""Estimative language (ICD 203): one row of likelihood terms, no confidence in the same
sentence as a likelihood, and no vague hedges in assessments."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing_app.core.checks.base import CheckContext, Finding, rule
from briefing_app.core.checks.document import Sentence

# ICD 203 likelihood terms, two parallel rows; longest first so "very likely" wins over "likely".
ROW_1 = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "very likely",
    "likely",
    "almost certainly",
    "almost certain",
)
ROW_2 = (
    "remote",
    "highly improbable",
    "improbable",
    "roughly even odds",
    "highly probable",
    "probable",
    # The adverb of "probable", as "almost certainly" is of row 1's "almost certain".
    "probably",
    "nearly certain",
    "nearly certainly",
)
CONFIDENCE = re.compile(
    r"\b(?:(high|moderate|medium|low)(?:[- ]level)?\s+confidence"
    # The same levels said as adjectives: "we are highly / moderately confident".
    r"|(?:highly|moderately)\s+confident)\b",
    re.I,
)
HEDGES = ("may", "might", "could", "possibly", "perhaps", "maybe", "conceivably")
CALIBRATED = "likely / unlikely / roughly even chance (ICD 203 row 1)"


# "remote" is a likelihood only as "a remote chance" or "… is remote", not "a remote area".
_REMOTE = (
    r"remote(?=\s+(?:chance|possibility|prospect|likelihood))|(?:is|remains|was|seems)\s+remote"
)


# "probably true" is the Admiralty grade of information (credibility 2), not a likelihood.
_SPECIAL = {"remote": _REMOTE, "probably": r"probably(?!\s+true\b)"}


def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    alternatives = [_SPECIAL.get(t, re.escape(t)) for t in ordered]
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b", re.I)


_ROW_1 = _term_pattern(ROW_1)
_ROW_2 = _term_pattern(ROW_2)
_ANY_LIKELIHOOD = _term_pattern(ROW_1 + ROW_2)
_HEDGE = _term_pattern(HEDGES)


def _terms(sentence: Sentence, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    return list(pattern.finditer(sentence.text))


@rule("estimative.mixed-rows", "Likelihood terms from both ICD 203 rows")
def mixed_rows(ctx: CheckContext) -> Iterator[Finding]:
    """The note uses likelihood terms from both rows of the ICD 203 scale."""
    first_row: list[tuple[Sentence, re.Match[str]]] = []
    second_row: list[tuple[Sentence, re.Match[str]]] = []
    for sentence in ctx.text.sentences():
        first_row += [(sentence, m) for m in _terms(sentence, _ROW_1)]
        second_row += [(sentence, m) for m in _terms(sentence, _ROW_2)]
    if not first_row or not second_row:
        return
    # Report the minority row: that is what the writer should change.
    minority, majority = (
        (second_row, "row 1") if len(first_row) >= len(second_row) else (first_row, "row 2")
    )
    for sentence, match in minority:
        yield Finding(
            "estimative.mixed-rows",
            "warning",
            sentence.section,
            sentence.start + match.start(),
            sentence.start + match.end(),
            f"'{match.group(0)}' mixes ICD 203 likelihood rows (the note mostly uses {majority})",
            f"Use the {majority} term for the same probability.",
            excerpt=match.group(0),
        )


# Likelihood words in common use that are no ICD 203 term: what a reader of the note's scale
# takes them for, and the term for what their writers usually mean.
OFF_SCALE = {
    "highly likely": ("likely", "55-80%", "80-95%", "very likely"),
    "highly unlikely": ("unlikely", "20-45%", "5-20%", "very unlikely"),
    "virtually certain": ("almost certain", "95-99%", "95-99%", "almost certain"),
    "virtually certainly": ("almost certainly", "95-99%", "95-99%", "almost certainly"),
    "virtually impossible": ("almost no chance", "1-5%", "1-5%", "almost no chance"),
}
_OFF_SCALE = _term_pattern(tuple(OFF_SCALE))


@rule("estimative.off-scale", "Likelihood word off the ICD 203 scale")
def off_scale(ctx: CheckContext) -> Iterator[Finding]:
    """A likelihood word the ICD 203 scale does not have ('highly likely'): its reader maps it
    onto a term of the scale, often not the one meant."""
    for sentence in ctx.text.sentences():
        for match in _terms(sentence, _OFF_SCALE):
            words = match.group(0)
            read_as, band, meant, term = OFF_SCALE[words.lower()]
            taken = f"readers take it as '{read_as}' ({band})"
            advice = f"write '{term}'" if band == meant else f"for {meant} write '{term}'"
            yield Finding(
                "estimative.off-scale",
                "warning",
                sentence.section,
                sentence.start + match.start(),
                sentence.start + match.end(),
                f"'{words}' is not an ICD 203 likelihood term: {taken}; {advice}",
                f"Use the scale's term ({term}), as the note's estimative language box lists.",
                excerpt=words,
            )


@rule("estimative.confidence-and-likelihood", "Confidence and likelihood in one sentence")
def confidence_with_likelihood(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence states both a confidence level and a likelihood term (ICD 203)."""
    for sentence in ctx.text.sentences():
        confidence = CONFIDENCE.search(sentence.text)
        likelihood = _ANY_LIKELIHOOD.search(sentence.text)
        if confidence and likelihood:
            yield Finding(
                "estimative.confidence-and-likelihood",
                "warning",
                sentence.section,
                sentence.start,
                sentence.end,
                f"'{confidence.group(0)}' and '{likelihood.group(0)}' in one sentence",
                "State the likelihood here and the confidence in a separate sentence.",
                excerpt=sentence.prose(),
            )


def _is_month(text: str, match: re.Match[str]) -> bool:
    """Whether 'May' is the month ("on 5 May", "May 2025", "in May"), not a hedge."""
    if match.group(0) != "May":
        return False
    before, after = text[: match.start()], text[match.end() :]
    return bool(
        re.match(r"\s+\d", after)
        or re.search(r"\d\s*$", before)
        or re.search(r"\b(?:in|since|until|by|early|late|mid|last|next|of)\s*-?\s*$", before)
    )


@rule("estimative.vague-hedge", "Vague hedge in an assessment")
def vague_hedge(ctx: CheckContext) -> Iterator[Finding]:
    """A vague hedge (may, might, could, possibly, perhaps) in an assessment section."""
    for section in ctx.text.sections:
        if section.key not in ctx.profile.assessment:
            continue
        for sentence in section.sentences:
            for match in _terms(sentence, _HEDGE):
                if _is_month(sentence.text, match):
                    continue
                yield Finding(
                    "estimative.vague-hedge",
                    "info",
                    section.key,
                    sentence.start + match.start(),
                    sentence.start + match.end(),
                    f"'{match.group(0)}' does not say how likely",
                    f"Use a calibrated term: {CALIBRATED}.",
                    excerpt=sentence.prose(),
                )
