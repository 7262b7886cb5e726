"""Event dates: when a claimed event happened, as precisely as the reporting says.

Stored as reduced-precision ISO text ("2025", "2025-11", "2025-11-30", "2025-11-30T14:00"),
so that sorting the text sorts the events, a coarser date before the finer ones it contains.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from briefing_app.core.errors import InvalidInput

PRECISIONS = ("year", "month", "day", "minute")
_EVENT_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?$")


def check_event_date(value: str | None) -> str:
    """Return value as a stored event date ("" for none); raise InvalidInput unless it is a real
    year, month, day or day and time written in ISO.

    >>> check_event_date(" 2025-11 "), check_event_date(""), check_event_date("2025-11-30T14:00")
    ('2025-11', '', '2025-11-30T14:00')
    """
    text = (value or "").strip()
    if not text:
        return ""
    match = _EVENT_DATE.match(text)
    if match is not None and _is_real(match):
        return text
    raise InvalidInput(
        f"event date {text!r} is not a real date written 2025, 2025-11, 2025-11-30 "
        "or 2025-11-30T14:00"
    )


def _is_real(match: re.Match[str]) -> bool:
    year, month, day, hour, minute = match.groups()
    try:
        if hour is not None:
            datetime(int(year), int(month), int(day), int(hour), int(minute))
        elif day is not None:
            date(int(year), int(month), int(day))
        elif month is not None:
            date(int(year), int(month), 1)
    except ValueError:
        return False
    return int(year) >= 1


def precision(value: str) -> str:
    """Return how precise a stored event date is: year, month, day or minute ("" for none).

    >>> precision("2025"), precision("2025-11-30"), precision("")
    ('year', 'day', '')
    """
    if not value:
        return ""
    if "T" in value:
        return "minute"
    return PRECISIONS[value.count("-")]
