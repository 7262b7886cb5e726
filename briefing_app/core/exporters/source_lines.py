"""How a cited source and claim are printed: source lines, grades and inline attribution."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from briefing_app.core.models import Claim, Source
from briefing_app.core.records.grading import CREDIBILITY, RELIABILITY

if TYPE_CHECKING:
    from briefing_app.core.exporters.citation_styles import CitationStyle

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(iso: str | None) -> str:
    """Return an ISO date as 'March 4, 2025' (Chicago style), or the text as given.

    A year-month is 'March 2025' and a year '2025': Chicago writes what is known.
    """
    return _date(
        iso,
        lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
        lambda year, month: f"{_MONTHS[month - 1]} {year}",
    )


def short_date(iso: str | None) -> str:
    """Return an ISO date as '30 Nov 2025' (the terse form of intelligence notes)."""
    return _date(
        iso,
        lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}",
        lambda year, month: f"{_MONTHS[month - 1][:3]} {year}",
    )


def _date(
    iso: str | None, form: Callable[[date], str], month_form: Callable[[str, int], str]
) -> str:
    """Return an ISO date (a day, a year-month or a year) in a form; text that is no ISO date
    as given, None as ''."""
    if not iso:
        return ""
    if len(iso) == 7 and iso[4] == "-" and iso[:4].isdigit() and iso[5:].isdigit():
        month = int(iso[5:])
        return month_form(iso[:4], month) if 1 <= month <= 12 else iso
    if len(iso) == 4 and iso.isdigit():
        return iso
    try:
        return form(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def source_line_parts(source: Source) -> list[tuple[str, bool]]:
    """Return a Chicago-like source line as (text, italic) pieces.

    Author, "Title," *Outlet*, Month Day, Year, URL — leaving out what is not known.
    """
    parts: list[tuple[str, bool]] = []
    if source.byline:
        parts.append((f"{source.byline}, ", False))
    rest = [p for p in (source.outlet, long_date(source.published), source.url) if p]
    title = source.title or "Untitled"
    if not rest:
        # Chicago: the closing period goes inside the quotation marks.
        parts.append((f"\u201c{title}.\u201d", False))
        return parts
    parts.append((f"\u201c{title},\u201d ", False))
    if source.outlet:
        parts.append((source.outlet, True))
        tail = [p for p in (long_date(source.published), source.url) if p]
        if tail:
            parts.append((", " + ", ".join(tail), False))
    elif rest:
        parts.append((", ".join(rest), False))
    parts.append((".", False))
    return parts


SHORT_TITLE_WORDS = 5
# A short title stops before a word like these ("China Urges Tajikistan", not "… to Ensure").
_WEAK_ENDINGS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "after",
        "as",
        "about",
        "across",
        "against",
        "amid",
        "before",
        "during",
        "into",
        "near",
        "over",
        "through",
        "under",
    ]
)


def short_source_parts(source: Source) -> list[tuple[str, bool]]:
    """Return the shortened form for a source already cited in full (Chicago note style).

    Author's surname (or the outlet), and the title cut to its first few words:
    Edelstein, “Report: US Considers Hiking China.”
    """
    parts: list[tuple[str, bool]] = []
    first_author = source.byline.split(",")[0].split(" and ")[0].split()
    name = first_author[-1] if first_author else source.outlet
    if name:
        parts.append((f"{name}, ", False))
    words: list[str] = []
    for word in (source.title or "Untitled").split()[:SHORT_TITLE_WORDS]:
        if len(words) >= 2 and word.lower() in _WEAK_ENDINGS:
            break  # the short title is the key words before the first connective
        words.append(word)
        if len(words) >= 2 and word.endswith(","):
            break  # "Statement by Bulgartransgaz EAD, 4 March 2025": not the 4 of the date
    title = " ".join(words).rstrip(",.:;")
    parts.append((f"\u201c{title}.\u201d", False))
    return parts


def source_line(source: Source) -> str:
    """Return the source line as plain text."""
    return "".join(text for text, _ in source_line_parts(source))


def grade(claim: Claim, source: Source) -> str:
    """Return the Admiralty grade of a claim from a source, e.g. 'B2'."""
    return f"{source.reliability}{claim.credibility}"


def grade_in_words(claim: Claim, source: Source) -> str:
    """Return a grade with what it means: 'B2 (usually reliable; probably true)'."""
    reliability = RELIABILITY.label(source.reliability)
    credibility = CREDIBILITY.label(str(claim.credibility))
    return f"{grade(claim, source)} ({reliability.lower()}; {credibility.lower()})"


def styled_source_parts(source: Source, style: CitationStyle) -> list[tuple[str, bool]]:
    """Return a source's full form in a style: Chicago-like with a title, else terse fields.

    Terse: the chosen fields joined by commas ("Asia-Plus, 30 Nov 2025"), the title in
    quotation marks when none of them is known.
    """
    if "title" in style.fields:
        shown = dataclasses.replace(
            source,
            byline=source.byline if "author" in style.fields else "",
            outlet=source.outlet if "outlet" in style.fields else "",
            published=source.published if "date" in style.fields else None,
            url=source.url if "url" in style.fields else "",
        )
        if style.date == "short" and shown.published:
            shown = dataclasses.replace(shown, published=short_date(shown.published))
        return source_line_parts(shown)
    when = long_date if style.date == "long" else short_date
    values = {
        "author": source.byline,
        "outlet": source.outlet,
        "date": when(source.published),
        "url": source.url,
    }
    pieces = [values[f] for f in style.fields if values.get(f)]
    return [(", ".join(pieces) if pieces else f"\u201c{source.title or 'Untitled'}\u201d", False)]


def _grade_of(
    claim: Claim, source: Source, form: str, keys: bool, *, bracketed: bool = False
) -> str:
    """Return one claim's grade as the style prints it ('F2', 'F2 (C5)'), or ''.

    bracketed: the grade goes inside parentheses, so it nests none ('F2: …; probably true, C5').
    """
    if form == "words" and bracketed:
        text = grade_in_words(claim, source).replace(" (", ": ", 1).removesuffix(")")
    elif form == "words":
        text = grade_in_words(claim, source)
    elif form in ("code", "brackets"):
        text = grade(claim, source)
    else:
        text = ""
    if keys and bracketed:
        return f"{text}, {claim.key}" if text else claim.key
    if keys:
        return f"{text} ({claim.key})" if text else claim.key
    return text


_INNER_QUOTES = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019"})


def _claims_tail(claims: list[Claim], source: Source, style: CitationStyle, show: bool) -> str:
    """Return what follows the source: its claims' words and grades as the style asks.

    ' Graded F2, F3.' or ' [F2]' alone; with claim text, each claim with its own grade:
    ' Quoting: “killing three workers” (F2: reliability cannot be judged; probably true).'
    """
    form = style.grade if show else "none"
    if style.claim == "none":
        each = [_grade_of(c, source, form, style.keys) for c in claims]
        each = [g for g in dict.fromkeys(each) if g]  # two claims graded alike read as one
        if not each:
            return ""
        if form == "brackets":
            return f" [{', '.join(each)}]"
        return f" Graded {', '.join(each)}." if form != "none" else f" ({', '.join(each)})"
    items = []
    for claim in claims:
        if style.claim == "quote":
            # Quotation marks inside the quoted words become single ones, as in print.
            inner = claim.quote.strip().rstrip(".").translate(_INNER_QUOTES)
            text = f"\u201c{inner}\u201d"
        else:
            text = (claim.statement or claim.quote).strip().rstrip(".")
        graded = _grade_of(claim, source, form, style.keys, bracketed=True)
        items.append(f"{text} ({graded})" if graded else text)
    lead = " Quoting: " if style.claim == "quote" else " "
    return lead + "; ".join(items) + "."


IBID = "Ibid."


def note_parts(
    claims: list[Claim],
    sources: dict[int, Source],
    style: CitationStyle,
    show_grades: bool,
    cited_before: set[int] | None = None,
    *,
    ibid: bool = False,
) -> list[tuple[str, bool]]:
    """Return what a footnote or endnote says for a citation group, as (text, italic) pieces.

    Each source is named once, in order of first citation, followed by what the style prints
    of its claims: “Title.” Graded B2, B3. With cited_before (the ids of sources already given
    in full, updated here), a source cited again takes its short form if the style has one;
    ibid (one source, the same as the note before) prints *Ibid.* instead of the source.
    """
    by_source: dict[int, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source_id, []).append(claim)
    parts: list[tuple[str, bool]] = []
    for n, (source_id, group) in enumerate(by_source.items()):
        source = sources[source_id]
        if n:
            # A style printing no full stop after a source ("… 2025 [F3]") needs a separator.
            ended = parts[-1][0].rstrip().endswith((".", ".”", '."', "!", "?"))
            parts.append((" " if ended else "; ", False))
        if ibid:
            parts.append((IBID, True))
        elif style.short_form and cited_before is not None and source_id in cited_before:
            parts.extend(short_source_parts(source))
        else:
            parts.extend(styled_source_parts(source, style))
        if cited_before is not None:
            cited_before.add(source_id)
        tail = _claims_tail(group, source, style, show_grades)
        if tail:
            parts.append((tail, False))
    return parts


def grading_legend(claims: list[Claim], sources: dict[int, Source]) -> list[str]:
    """Return the legend of the grades these claims carry, one line per scale, in its words.

    'Admiralty source reliability: F — reliability cannot be judged.' — only the codes in use.
    """
    used_reliability = {sources[c.source_id].reliability for c in claims}
    used_credibility = {str(c.credibility) for c in claims}
    lines = []
    for scale, used in ((RELIABILITY, used_reliability), (CREDIBILITY, used_credibility)):
        codes = [f"{g.code} \u2014 {g.label.lower()}" for g in scale.grades if g.code in used]
        if codes:
            lines.append(f"{scale.name}: {'; '.join(codes)}.")
    return lines


def attribution(claims: list[Claim], sources: dict[int, Source]) -> str:
    """Return inline attribution for a citation group: 'according to X and Y'."""
    names: list[str] = []
    for claim in claims:
        source = sources[claim.source_id]
        name = claim.party or source.outlet or source.byline or f"\u201c{source.title}\u201d"
        if name not in names:
            names.append(name)
    if not names:
        return ""
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"according to {joined}"


ANNEX_HEADING = "Annex: Claims cited"
ANNEX_COLUMNS = ("Key", "Quote", "Party", "Grade", "Status")


def sources_list_entry(source: Source, show_grades: bool) -> list[tuple[str, bool]]:
    """Return a source's line in the Sources list as (text, italic) pieces, graded if asked."""
    return source_line_parts(source) + source_grade_parts(source, show_grades)


def source_grade_parts(source: Source, show_grades: bool) -> list[tuple[str, bool]]:
    """Return the reliability a Sources list entry ends with: ' Reliability B (Usually …).'"""
    if not show_grades:
        return []
    label = RELIABILITY.label(source.reliability)
    return [(f" Reliability {source.reliability} ({label}).", False)]


def annex_row(claim: Claim, source: Source) -> list[str]:
    """Return a claim's row of the claims annex: key, quote, party, grades, status."""
    return [
        claim.key,
        f"\u201c{claim.quote}\u201d",
        claim.party or "—",
        f"{grade(claim, source)}: {RELIABILITY.label(source.reliability)}; "
        f"{CREDIBILITY.label(str(claim.credibility))}",
        claim.status,
    ]
