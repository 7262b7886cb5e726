"""Publication days as pages and e-mails write them."""

from __future__ import annotations

import pytest

from briefing_app.core.text.dates import parse_date


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-12-03T10:15:00+05:00", "2025-12-03"),
        ("Tue, 3 Dec 2025 10:00:00 GMT", "2025-12-03"),
        ("December 3rd, 2025 at 9am", "2025-12-03"),
        ("Updated 12:03 PM ET, Mon March 6, 2017", "2017-03-06"),
        ("2024", None),
        ("3 hours ago", None),
        ("not a date", None),
    ],
)
def test_free_form_dates_become_a_calendar_day(value: str, day: str | None) -> None:
    assert parse_date(value) == day
