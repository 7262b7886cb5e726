"""Suggested event dates: a date found in the claim's own sentence, read in the source's
language, with the source's publication day as the base for relative expressions.

dateparser reads dates in some 200 languages offline; it is imported only when a suggestion is
asked for (it costs start-up time). It is always given the language, since it otherwise takes
ordinary words for dates, and what it finds is kept only when it names a date: digits, a month
or weekday name, or a relative phrase of that language ("last week", "letzte Woche"). A date
that depends on the base day (a relative expression, or a day with no year) is suggested only
when the source has a publication day, and otherwise the suggestion says why there is none.
A date inside what was said wins over the date of the saying, and a date told in passing in a
relative clause is not the claim's (date_roles.py says which is which).
Suggestions are shown, never stored: accepting one is setting the claim's event date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from briefing_app.core.suggest.date_roles import DateRole, date_role
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
# Words dateparser may take in after a date, which are no part of it.
_TRAILING = frozenset(
    ("in", "a", "an", "the", "at", "à", "au", "de", "du", "et", "and", "der", "die", "das")
)
# Numbers in words dateparser takes in after a weekday or month as its day or month ("On Monday
# one man died" read as 5 January, "am Montag ein Schaden", "lundi un homme"): never part of a
# date written without a figure.
_NUMBER_WORDS = frozenset(
    (
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "ein", "eine", "einen", "einem", "einer", "eins", "zwei", "drei"),
        *("vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "un"),
        *("une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze"),
        *("douze", "um", "uma", "dois", "duas", "três", "quatro", "cinco", "seis", "sete"),
        *("oito", "nove", "dez", "doze"),
    )
)
# Words dateparser misses, by language: the part it reads is kept, the rest blanked to the same
# length. French "le 1er mars"; German "Dienstagabend" (a weekday and a time of day in one word).
_UNREAD = {
    "fr": re.compile(r"\b(1)(?:er|re)\b"),
    "de": re.compile(
        r"\b((?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch)"
        r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)\b"
    ),
}
_WINDOW = 2000  # characters each side of a claim searched for its sentence
# Words that may stand with a bare weekday ("on Tuesday", "am Dienstag", "le mardi", "mardi
# soir"), dateparser's phrase sometimes taking in the next article ("On Tuesday the").
_WEEKDAY_COMPANIONS = frozenset(
    (
        *("on", "am", "le", "ce", "na", "no", "em", "a", "à", "at", "in", "um"),
        *("the", "der", "die", "das", "la", "les"),
        *("morning", "afternoon", "evening", "night", "matin", "soir"),
        *("abend", "morgen", "nachmittag"),
    )
)


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
    return claim_in_sentence(text, start, end)[0]


def claim_in_sentence(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """Return the sentence(s) holding the span start-end, and where the span lies in them."""
    lo = max(0, start - _WINDOW)
    window = text[lo : end + _WINDOW]
    found = [s for s in split_sentences(window) if s.start + lo < end and s.end + lo > start]
    if not found:
        return text[start:end], (0, end - start)
    sentence = " ".join(s.text for s in found)
    # Offsets into the joined text: exact in the first sentence, where a claim starts.
    first = found[0].start + lo
    at = max(0, start - first)
    return sentence, (at, min(len(sentence), at + end - start))


def suggest_for_claim(claim: Claim, source: Source) -> EventDateSuggestion:
    """Return the event date suggested for a claim from its sentence in the source's text."""
    sentence, span = claim_in_sentence(source.text, claim.start, claim.end)
    return suggest_event_date(sentence, source.language, source.published, claim=span)


@dataclass(frozen=True)
class _Found:
    """A date phrase of the sentence, what it dates, and the date read (None: relative)."""

    words: str
    role: DateRole
    date: str | None
    in_claim: bool
    counted: bool = False  # read from the publication day
    weekday: bool = False  # a bare weekday: a day, however dateparser reads its period


def suggest_event_date(
    sentence: str, language: str, published: str | None, claim: tuple[int, int] | None = None
) -> EventDateSuggestion:
    """Return the event date a sentence names, read in language, relative to published.

    A date inside what was said wins over the date of the saying ("said on Tuesday that … on
    1 March"), which is suggested only when it is the sentence's one date; a date in a clause
    told in passing (", which failed an inspection in January 2024,") is never the claim's
    event, unless the claim (its span in the sentence) lies inside that clause.

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
    found = _read_dates(sentence, lang, base, claim)
    usable = [f for f in found if f.role is not DateRole.EARLIER]
    if not usable:
        if found:
            words = found[0].words
            return EventDateSuggestion(
                None, words, f"{words!r} dates an earlier event told in passing, not the claim's"
            )
        return EventDateSuggestion(None, "", "no date in the claim's sentence")
    best = min(usable, key=_rank)
    ties = [f for f in usable if _rank(f) == _rank(best)]
    dated = next(((f, f.date) for f in ties if f.date is not None), None)
    if dated is None:
        words = ties[0].words
        return EventDateSuggestion(
            None, words, f"{words!r} is relative and the source has no publication day"
        )
    chosen, date = dated
    if chosen.counted and not chosen.weekday and base is not None:
        date = date[: _PRECISION.get(_period(chosen.words, lang, base), 10)]
    reason = f"from {chosen.words!r}"
    if chosen.role is DateRole.REPORTING:
        reason += " (when it was said: the event is on or before it)"
    elif chosen.role is DateRole.AFTER:
        reason += " (what it follows: the event is after it)"
    if chosen.counted:
        reason += f", counted from the publication day {published}"
    return EventDateSuggestion(date, chosen.words, reason)


def _rank(found: _Found) -> tuple[int, int]:
    """Return how strongly a date names the claim's event: the event's before the saying's
    or one it follows, and within the claim's own words before the rest of the sentence."""
    return (0 if found.role is DateRole.EVENT else 1, 0 if found.in_claim else 1)


def _read_dates(
    sentence: str, lang: str, base: datetime | None, claim: tuple[int, int] | None
) -> list[_Found]:
    """Return the date phrases of sentence in order, each with its role and the date read."""
    readings = [_date_phrases(sentence, lang, b) for b in _BASES]
    from_base: dict[str, datetime] | None = None  # read only when a date depends on it
    found: list[_Found] = []
    searched_from = 0
    for words, first in readings[0].items():
        second = readings[1].get(words)
        if second is None:
            continue
        at = sentence.find(words, searched_from)
        if at < 0:
            at = max(0, sentence.find(words))
        else:
            searched_from = at + len(words)
        role = date_role(sentence, at, at + len(words), lang, claim)
        in_claim = claim is not None and claim[0] <= at and at + len(words) <= claim[1]
        if first.year == second.year:
            found.append(_Found(words, role, _absolute(words, first, second), in_claim))
            continue
        # Read from the base day: relative, or a day with no year.
        if base is not None and from_base is None:
            from_base = _date_phrases(sentence, lang, base)
        when = None if base is None or from_base is None else from_base.get(words)
        if base is None or when is None:
            found.append(_Found(words, role, None, in_claim))
            continue
        # The full day for now: how much of it to keep is read for the date chosen only.
        day = _on_or_before(words, lang, base)
        when = day or when
        found.append(
            _Found(words, role, when.date().isoformat(), in_claim, True, weekday=day is not None)
        )
    return found


def _on_or_before(words: str, lang: str, base: datetime) -> datetime | None:
    """Return the day a bare weekday ("on Tuesday", "dimanche") names: the most recent such
    day on or before base, since a source dated Tuesday that says "on Tuesday" means that
    day (dateparser would go back a week). None when words are more than a weekday."""
    weekdays = _vocabulary(lang).weekdays
    tokens = _WORD.findall(words.casefold())
    days = [weekdays[w] for w in tokens if w in weekdays]
    rest = [w for w in tokens if w not in weekdays]
    if len(days) != 1 or any(w not in _WEEKDAY_COMPANIONS for w in rest):
        return None
    return base - timedelta(days=(base.weekday() - days[0]) % 7)


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

    # Padded to the same length, what dateparser finds maps back onto the sentence's words.
    unread = _UNREAD.get(lang)
    prepared = (
        unread.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), sentence)
        if unread is not None
        else sentence
    )
    found = search_dates(
        prepared, languages=[lang], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    phrases: dict[str, datetime] = {}
    for words, when in found or []:
        words = _as_written(words.strip(" ,.;:()"), prepared, sentence)
        # "en janvier 2024, a explosé": dateparser may run on past a comma into the next words
        # (not "April 17, 2015", whose year follows the comma).
        head, comma, tail = words.partition(", ")
        if comma and not tail[:1].isdigit() and _names_a_date(head, sentence, lang):
            words = head
        # "Tuesday in a post", "jeudi à Katmandou": nor into the next phrase's first word.
        read = words
        while len(last := words.rsplit(" ", 1)) == 2 and _trails(last[1], read):
            words = last[0]
        if words != read:
            # What dateparser made of the longer phrase may be another day ("On Monday a" is
            # 5 January): the words left are read again on their own.
            again = search_dates(
                words,
                languages=[lang],
                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
            )
            if not again:
                continue
            when = again[0][1]
        if _names_a_date(words, sentence, lang):
            phrases.setdefault(words, when)
    return phrases


def _trails(word: str, phrase: str) -> bool:
    """Return whether word, last in a date phrase, is no part of the date."""
    folded = word.casefold()
    return folded in _TRAILING or (
        folded in _NUMBER_WORDS and not any(ch.isdigit() for ch in phrase)
    )


def _as_written(words: str, prepared: str, sentence: str) -> str:
    """Return words as the sentence writes them (dateparser gives them with spaces collapsed)."""
    if prepared is sentence:
        return words
    found = re.search(r"\s+".join(re.escape(w) for w in words.split()), prepared)
    return sentence[found.start() : found.end()] if found else words


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
    weekdays: dict[str, int]  # weekday name -> Monday 0 … Sunday 6


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
    weekdays = {
        str(n).casefold(): index
        for index, key in enumerate(_MONTHS_AND_DAYS[12:])
        for n in info.get(key, [])
    }
    return _Vocabulary(frozenset(n for n in names if len(n) >= 3), tuple(phrases), weekdays)


@cache
def _known_language(lang: str) -> bool:
    from dateparser.languages.loader import default_loader

    try:
        default_loader.get_locale(lang)
    except ValueError:
        return False
    return True
