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


def parse_date(value: object) -> str | None:
    """Return value as an ISO calendar day, or None when it is empty or not a date.

    >>> parse_date("2025-12-03T10:00:00+05:00")
    '2025-12-03'
    >>> parse_date("3 December 2025")
    '2025-12-03'
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
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return _parse_free_form(text)


def _parse_free_form(text: str) -> str | None:
    # Pages write dates every way ("Tue, 3 Dec 2025 10:00:00 GMT", "December 3rd, 2025 at 9am");
    # dateutil reads them, but only text that names a year can be a publication day.
    # A bare year ("2024") names no day; dateutil would invent 1 January.
    if len(text) > 80 or not _YEAR.search(text) or text.isdigit():
        return None
    try:
        from dateutil import parser as date_parser

        parsed: datetime = date_parser.parse(
            text, fuzzy=True, ignoretz=True, default=datetime(1900, 1, 1)
        )
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1900:
        return None
    return parsed.date().isoformat()
