"""Dates as analysts see them: a calendar day, stored as ISO 'YYYY-MM-DD'.

A source's published date may be known only to the year or month ('2025', '2025-11'): references
from Zotero often are, and inventing a day would print a date nobody wrote.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from briefing_app.core.errors import InvalidInput, quoted

_STRICT_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_FORMATS = ("%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y")
# American pages write 04/05/2023 for 5 April.
_US_FORMATS = tuple("%m/%d/%Y" if f == "%d/%m/%Y" else f for f in _FORMATS)
# Month names (and the genitive forms Finnish and Polish write dates with) in the languages of
# the pages analysts import; English is left to dateutil. Keys are lower case, with and without
# accents; an abbreviation is the name's first letters ("dez.", "sept").
_MONTH_NAMES = {
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "at": "jänner feber",  # Austrian January and February
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta "
    "elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
}


def _month_table() -> dict[str, int]:
    import unicodedata

    table: dict[str, int] = {}
    for names in _MONTH_NAMES.values():
        for number, name in enumerate(names.split(), start=1):
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            for key in (name, plain):
                table.setdefault(key, number)
                if len(key) >= 4:
                    # Abbreviations: "dez", "févr"; the first language's wins a clash
                    # (Finnish "marraskuuta" is November, "mar" stays March).
                    table.setdefault(key[:3], number)
                    table.setdefault(key[:4], number)
    return table


_MONTHS = _month_table()
# "19. Oktober 2019", "3 de diciembre de 2025", "14 maggio 2023", "19. helmikuuta 2020";
# and "14.5.2023" (a dotted date is day first in every language that writes one).
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:er|º|°)?\.?\s*(?:de\s+)?([^\W\d_]{3,})\.?,?\s+(?:de\s+|del\s+)?((?:19|20)\d\d)\b"
)
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
# "04/05/2023, 10:32": a slashed date with more after it (a time), which no format matches.
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def month_names(month: int) -> list[str]:
    """Return the month's names and abbreviations in the languages dates are read in.

    >>> "oktober" in month_names(10)
    True
    """
    from calendar import month_abbr, month_name

    english = [month_name[month].lower(), month_abbr[month].lower()]
    return english + [name for name, number in _MONTHS.items() if number == month]


def check_day(value: str | None, what: str) -> str | None:
    """Return a typed-in day stripped (blank stays blank); raise InvalidInput unless it is a
    real calendar day written YYYY-MM-DD.

    >>> check_day("2025-02-28", "memo date")
    '2025-02-28'
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return text
    # Strict on purpose: what a user types is stored as is and sorted as text, so "31/02/2025"
    # or "3/4/2025" (which day?) is refused rather than guessed.
    if _STRICT_DAY.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise InvalidInput(
        f"{what} {quoted(text)} is not a real day written YYYY-MM-DD (e.g. 2025-02-28)"
    )


def check_partial_date(value: str | None, what: str) -> str | None:
    """Return a typed-in date that is a day, a year-month or a year; raise InvalidInput otherwise.

    >>> check_partial_date("2025-11", "published date")
    '2025-11'
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return text
    partial = partial_date(text)
    if partial != text:
        raise InvalidInput(
            f"{what} {text!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-02)"
        )
    return partial


def partial_date(*parts: object) -> str | None:
    """Return year, month, day (each may be blank or missing) as the ISO date they name, as
    precise as what is known; None without a real year.

    >>> partial_date("2025", "11", "")
    '2025-11'
    >>> partial_date("2025-02-30")
    """
    if len(parts) == 1:
        match = _PARTIAL.match(str(parts[0] or "").strip())
        if not match:
            return None
        parts = match.groups()
    numbers: list[int] = []
    for part in parts[:3]:
        text = str(part).strip() if part is not None else ""
        if not text.isdigit():
            break  # a blank month means the day is unknown too, whatever it says
        numbers.append(int(text))
    if not numbers or not 1000 <= numbers[0] <= 9999:
        return None
    if len(numbers) >= 2 and not 1 <= numbers[1] <= 12:
        numbers = numbers[:1]
    if len(numbers) == 3:
        try:
            return date(*numbers).isoformat()
        except ValueError:
            return None
    return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])


def parse_date(value: object, *, month_first: bool = False) -> str | None:
    """Return value as an ISO calendar day, or None when it is empty or not a date.

    A slashed day is read day first (04/05/2023 is 4 May) unless month_first (an American
    page's 5 April).

    >>> parse_date("2025-12-03T10:00:00+05:00")
    '2025-12-03'
    >>> parse_date("3 December 2025")
    '2025-12-03'
    >>> parse_date("04/05/2023", month_first=True)
    '2023-04-05'
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _ISO_DAY.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    formats = _US_FORMATS if month_first else _FORMATS
    for fmt in formats if len(text) <= 80 else ():  # each format matches a short text whole
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return _parse_free_form(text, month_first)


def parse_partial_date(value: object) -> str | None:
    """Return value as precise as it is written: a day, a year-month or a year; else None.

    A front-matter "March 2024" is a month, not 1 March (the library stores month-only dates).

    >>> parse_partial_date("March 2024")
    '2024-03'
    >>> parse_partial_date("2024")
    '2024'
    >>> parse_partial_date("3 March 2024")
    '2024-03-03'
    """
    day = parse_date(value)
    if day is not None or value is None or isinstance(value, (date, datetime)):
        return day
    text = str(value).strip()
    if len(text) > 80:
        return None
    # A month as a number only where it is written as one beside the year ("2024-03",
    # "03/2024"): in "chapter 3, 2024" dateutil would take the 3 for March.
    numeric = re.fullmatch(r"((?:19|20)\d\d)(?:[-/.](\d{1,2}))?", text)
    if numeric:
        return partial_date(numeric[1], numeric[2] or "")
    numeric = re.fullmatch(r"(\d{1,2})[-/.]((?:19|20)\d\d)", text)
    if numeric:
        return partial_date(numeric[2], numeric[1])
    years = {m[0] for m in _YEAR.finditer(text)}
    if len(years) != 1:
        return None  # no year, or a span of them ("winter 2023/2024")
    named = _MONTH_YEAR.search(text)
    month = _month_number(named[1]) if named else None
    return partial_date(years.pop(), month or "")


# "März 2024", "Sept. 2024", "December, 2025": a month's name just before the year.
_MONTH_YEAR = re.compile(r"([^\W\d_]{3,})\.?,?\s+(?:de\s+)?(?:19|20)\d\d\b")


def _month_number(word: str) -> int | None:
    """Return the number of the month a word names (English or another language), else None."""
    from calendar import month_abbr, month_name

    key = word.lower()
    english = [name.lower() for name in month_name], [abbr.lower() for abbr in month_abbr]
    for names in english:
        if key in names[1:]:
            return names.index(key)
    return _MONTHS.get(key)


def _parse_free_form(text: str, month_first: bool = False) -> str | None:
    # Pages write dates every way ("Tue, 3 Dec 2025 10:00:00 GMT", "December 3rd, 2025 at 9am");
    # dateutil reads them, but only text that names a year can be a publication day.
    # A bare year ("2024") names no day; dateutil would invent 1 January.
    if len(text) > 80 or not _YEAR.search(text) or text.isdigit():
        return None
    native = _parse_other_languages(text)
    if native:
        return native
    slashed = _SLASHED.search(text)
    if slashed:
        # As the bare date is read (the formats): dateutil reads "04/05/2023 10:00" month
        # first on every page, and day first would turn its "2023/05/04" round.
        first, second, year = slashed.groups()
        month, day = (first, second) if month_first else (second, first)
        # The other way round only when this way names no day ("12/31/2025" anywhere).
        return _calendar_day(year, month, day) or _calendar_day(year, day, month)
    try:
        from dateutil import parser as date_parser

        # Read twice with different defaults: a field that changes with the default is one
        # dateutil made up. "3 décembre 2025" reads as 1 March 2025 (the 3 taken for the month,
        # the day invented); a day nobody wrote is worse than no day.
        parsed: datetime = date_parser.parse(text, fuzzy=True, ignoretz=True, default=_DEFAULT_A)
        again: datetime = date_parser.parse(text, fuzzy=True, ignoretz=True, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.date() != again.date() or parsed.year < 1900:
        return None
    return parsed.date().isoformat()


_DEFAULT_A = datetime(1900, 1, 1)
_DEFAULT_B = datetime(1904, 2, 2)


def _parse_other_languages(text: str) -> str | None:
    """Return the day of a date written with a non-English month name or dotted, else None."""
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(match[2].lower())
        if month:
            return _calendar_day(match[3], month, match[1])
    dotted = _DOTTED.search(text)
    return _calendar_day(dotted[3], dotted[2], dotted[1]) if dotted else None


def _calendar_day(year: object, month: object, day: object) -> str | None:
    """Return the ISO day, or None if there is no such day (partial_date would keep the year
    of "14.13.2023", and a year is not a day)."""
    try:
        return date(int(str(year)), int(str(month)), int(str(day))).isoformat()
    except ValueError:
        return None
