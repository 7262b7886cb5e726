"""Dates as analysts see them: publication days as pages write them, typed-in days checked."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library
from briefing_app.core.text.dates import parse_date, parse_partial_date
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


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("19. Oktober 2019, 19:08 Uhr", "2019-10-19"),
        ("Dienstag, 3. Dez. 2019", "2019-12-03"),
        ("Publié le 3 décembre 2025", "2025-12-03"),
        ("1er mai 2020", "2020-05-01"),
        ("3 de diciembre de 2025", "2025-12-03"),
        ("Pubblicato il 14 maggio 2023", "2023-05-14"),
        ("14 de março de 2022", "2022-03-14"),
        ("19. helmikuuta 2020", "2020-02-19"),
        ("19.2.2020 klo 14.00", "2020-02-19"),
        ("3 grudnia 2021", "2021-12-03"),
        ("31. Februar 2020", None),
    ],
)
def test_dates_written_in_other_languages_are_read(value: str, day: str | None) -> None:
    assert parse_date(value) == day


@pytest.mark.parametrize("value", ["March 2024", "Posted in 2024, chapter 3", "3 Kinder 2019"])
def test_a_day_the_text_never_names_is_not_made_up(value: str) -> None:
    # dateutil fills what is missing from a default (1 March 2024; "3" taken for March).
    assert parse_date(value) is None


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


def test_a_published_date_keeps_its_precision_and_prints_what_is_known(demo_lib: Library) -> None:
    from briefing_app.core.exporters.source_lines import long_date

    source_id = demo_lib.sources.all()[0].id
    assert demo_lib.sources.update(source_id, published="2025-11").published == "2025-11"
    assert long_date(demo_lib.sources.get(source_id).published) == "November 2025"
    assert demo_lib.sources.update(source_id, published="2025").published == "2025"
    assert long_date("2025") == "2025"
    assert long_date("2025-11-30") == "November 30, 2025"
    with pytest.raises(InvalidInput, match=r"YYYY-MM or YYYY"):
        demo_lib.sources.update(source_id, published="2025-13")
    assert demo_lib.sources.get(source_id).published == "2025"


@pytest.mark.parametrize(
    ("parts", "iso"),
    [
        (("2025", "11", "30"), "2025-11-30"),
        (("2025", "11", ""), "2025-11"),
        (("2025", "", "30"), "2025"),  # a day without its month names nothing more than the year
        (("2025-02-30",), None),
        (("", "", ""), None),
        ((2024, 2), "2024-02"),
    ],
)
def test_partial_dates_from_reference_managers(parts: tuple[object, ...], iso: str | None) -> None:
    from briefing_app.core.text.dates import partial_date

    assert partial_date(*parts) == iso


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("Posted in 2024, chapter 3", "2024"),
        ("Volume 12, 2024", "2024"),
        ("Revised 2024, 5th edition", "2024"),
        ("Published March 2024", "2024-03"),
        ("Sept. 2024", "2024-09"),
        ("2024/03", "2024-03"),
        ("03/2024", "2024-03"),
        ("Spring 2024", "2024"),
    ],
)
def test_a_partial_date_keeps_no_month_the_text_never_names(value: str, kept: str) -> None:
    # A number beside a year is not a month unless written as one ("2024/03"): dateutil
    # takes "chapter 3" for March. What the text does not name stays out, the year stays.
    assert parse_partial_date(value) == kept


@pytest.mark.parametrize("value", ["Published 3.0.2024", "Stand: 14.13.2023", "13.13.2023"])
def test_a_dotted_date_with_no_such_month_is_no_day_not_a_year(value: str) -> None:
    # parse_date gives a calendar day or nothing: a bare year would be stored as published.
    assert parse_date(value) is None
