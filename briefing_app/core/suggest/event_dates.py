"""Suggested event dates: a date found in the claim's own sentence, read in the source's
language, with the source's publication day as the base for relative expressions.

dateparser reads dates in some 200 languages offline; it is imported only when a suggestion is
asked for (it costs start-up time). It is always given the language, since it otherwise takes
ordinary words for dates, and what it finds is kept only when it names a date: digits, a month
or weekday name, or a relative phrase of that language ("last week", "letzte Woche"). A date
that depends on the base day (a relative expression, or a day with no year) is suggested only
when the source has a publication day, and otherwise the suggestion says why there is none.
Suggestions are shown, never stored: accepting one is setting the claim's event date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from briefing_app.core.suggest.sentences import split_sentences

if TYPE_CHECKING:
    from briefing_app.core.models import Claim, Source

# Two base days far apart: a date read the same from both does not depend on the base.
_BASES = (datetime(2001, 1, 1, 12), datetime(2011, 7, 15, 12))
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"\b\d{1,2}[:h.]\d{2}\b")
_WORD = re.compile(r"[^\W\d_]+")
# dateparser's period of a parsed date -> how much of the ISO date to keep.
_PRECISION = {"year": 4, "month": 7, "week": 10, "day": 10, "time": 10}
# "now", "this hour": the moment of writing, not the day of an event.
_MOMENTS = ("0 second ago", "0 minute ago", "0 hour ago")
_WINDOW = 2000  # characters each side of a claim searched for its sentence


@dataclass(frozen=True)
class EventDateSuggestion:
    """A suggested event date (None: none), the words it was read from, and why."""

    date: str | None
    words: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {"date": self.date, "words": self.words, "reason": self.reason}


def claim_sentence(text: str, start: int, end: int) -> str:
    """Return the sentence(s) of text holding the span start-end."""
    lo = max(0, start - _WINDOW)
    window = text[lo : end + _WINDOW]
    found = [s.text for s in split_sentences(window) if s.start + lo < end and s.end + lo > start]
    return " ".join(found) or text[start:end]


def suggest_for_claim(claim: Claim, source: Source) -> EventDateSuggestion:
    """Return the event date suggested for a claim from its sentence in the source's text."""
    return suggest_event_date(
        claim_sentence(source.text, claim.start, claim.end), source.language, source.published
    )


def suggest_event_date(sentence: str, language: str, published: str | None) -> EventDateSuggestion:
    """Return the event date a sentence names, read in language, relative to published.

    >>> suggest_event_date("Three died on 26 November 2025.", "en", None).date
    '2025-11-26'
    >>> suggest_event_date("Three died last week.", "en", None).reason
    "'last week' is relative and the source has no publication day"
    >>> suggest_event_date("Drei Arbeiter starben letzte Woche.", "de", "2025-12-03").date
    '2025-11-26'
    """
    lang = (language or "").split("-")[0].strip().lower()
    if not lang:
        return EventDateSuggestion(None, "", "the source's language is not known")
    if not _known_language(lang):
        return EventDateSuggestion(None, "", f"dates in language {lang!r} cannot be read")
    base = (
        datetime.fromisoformat(published).replace(hour=12)
        if published and _DAY.match(published)
        else None
    )
    readings = [_date_phrases(sentence, lang, b) for b in _BASES]
    relative_words = ""
    for words, first in readings[0].items():
        second = readings[1].get(words)
        if second is None:
            continue
        if first.year != second.year:  # read from the base day: relative, or a day with no year
            if base is None:
                relative_words = relative_words or words
                continue
            found = _date_phrases(sentence, lang, base).get(words)
            if found is None:
                continue
            size = _PRECISION.get(_period(words, lang, base), 10)
            return EventDateSuggestion(
                found.date().isoformat()[:size],
                words,
                f"from {words!r}, counted from the publication day {published}",
            )
        return EventDateSuggestion(_absolute(words, first, second), words, f"from {words!r}")
    if relative_words:
        return EventDateSuggestion(
            None,
            relative_words,
            f"{relative_words!r} is relative and the source has no publication day",
        )
    return EventDateSuggestion(None, "", "no date in the claim's sentence")


def _absolute(words: str, first: datetime, second: datetime) -> str:
    """Return a date read alike from both bases, as precise as the words make it: what
    dateparser filled in from the base day differs between the two readings."""
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    if _TIME.search(words):
        return first.strftime("%Y-%m-%dT%H:%M")
    return first.date().isoformat()


def _period(words: str, lang: str, base: datetime) -> str:
    """Return how precise dateparser reads words (year, month, week, day); "day" if unknown."""
    from dateparser.date import DateDataParser

    data = DateDataParser(
        languages=[lang], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    ).get_date_data(words)
    return str(data.period or "day") if data.date_obj is not None else "day"


def _date_phrases(sentence: str, lang: str, base: datetime) -> dict[str, datetime]:
    """Return the phrases of sentence that dateparser reads as dates (from base) and that name
    one, in order, with the date each is read as."""
    from dateparser.search import search_dates

    found = search_dates(
        sentence, languages=[lang], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    phrases: dict[str, datetime] = {}
    for words, when in found or []:
        words = words.strip(" ,.;:()")
        if _names_a_date(words, sentence, lang):
            phrases.setdefault(words, when)
    return phrases


def _names_a_date(words: str, sentence: str, lang: str) -> bool:
    """Return whether words found as a date name one, rather than being ordinary words."""
    if any(ch.isdigit() for ch in words):
        return True
    vocabulary = _vocabulary(lang)
    folded = words.casefold()
    if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded) for p in vocabulary.phrases):
        return True
    first_word = sentence.lstrip().startswith(words)
    for word in _WORD.findall(words):
        name = word.casefold()
        if name not in vocabulary.names:
            continue
        # "may" and other short names are ordinary words unless written as a name is.
        if len(name) >= 4 or (word[0].isupper() and not first_word):
            return True
    return False


@dataclass(frozen=True)
class _Vocabulary:
    names: frozenset[str]  # month and weekday names
    phrases: tuple[str, ...]  # relative phrases ("last week", "gestern")


_MONTHS_AND_DAYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


@cache
def _vocabulary(lang: str) -> _Vocabulary:
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(lang).info
    names = {str(n).casefold() for key in _MONTHS_AND_DAYS for n in info.get(key, [])}
    phrases = [
        str(p).casefold()
        for key, values in info.get("relative-type", {}).items()
        if key not in _MOMENTS
        for p in values
    ]
    return _Vocabulary(frozenset(n for n in names if len(n) >= 3), tuple(phrases))


@cache
def _known_language(lang: str) -> bool:
    from dateparser.languages.loader import default_loader

    try:
        default_loader.get_locale(lang)
    except ValueError:
        return False
    return True
