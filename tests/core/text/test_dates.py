"""Dates as analysts see them: publication days as pages write them, typed-in days checked."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library
from briefing_app.core.text.dates import parse_date
from tests.core.exporters.export_helpers import demo_note


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


@pytest.mark.parametrize("day", ["31/02/2025", "2025-02-31", "3 March 2025", "2025-3-4"])
def test_typed_in_dates_must_be_real_iso_days(demo_lib: Library, day: str) -> None:
    note = demo_note(demo_lib)
    source_id = demo_lib.sources.all()[0].id
    before = demo_lib.sources.get(source_id).published
    with pytest.raises(InvalidInput, match=r"^published date .* YYYY-MM-DD"):
        demo_lib.sources.update(source_id, published=day)
    with pytest.raises(InvalidInput, match=r"^memo date .* YYYY-MM-DD"):
        demo_lib.notes.update(note.id, memo_date=day)
    with pytest.raises(InvalidInput, match=r"^memo date"):
        demo_lib.notes.create("N", "briefing-note", [("summary", "Summary")], memo_date=day)
    assert demo_lib.sources.get(source_id).published == before
    assert demo_lib.notes.get(note.id).memo_date == note.memo_date
    assert [h.title for h in demo_lib.notes.headers()].count("N") == 0


def test_a_real_day_and_a_blank_date_are_kept(demo_lib: Library) -> None:
    source_id = demo_lib.sources.all()[0].id
    assert demo_lib.sources.update(source_id, published=" 2024-02-29 ").published == "2024-02-29"
    assert demo_lib.sources.update(source_id, published=None).published is None
    note = demo_note(demo_lib)
    assert demo_lib.notes.update(note.id, memo_date="").memo_date == ""
