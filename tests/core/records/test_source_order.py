"""A list sorted by source_ids can place a row itself: source_precedes is the same order, and
matching_sources finds what the search finds."""

from __future__ import annotations

import functools
import random

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.listing import SourceRow, source_ids, source_precedes, source_rows

TITLES = ["harbour", "Harbour", "árbitro", "Zinc", "", "10 dead", "9 dead", "border"]


@pytest.fixture
def varied(lib: Library) -> Library:
    """60 sources with equal and differing titles, outlets, dates, grades and claim counts."""
    rng = random.Random(3)
    with lib.write():
        for n in range(60):
            source = lib.sources.add(
                ExtractedDocument(
                    title=rng.choice(TITLES),
                    text=f"Report {n} on the {rng.choice(['harbour', 'mine'])}. Police said so.",
                    outlet=rng.choice(["", "AFP", "afp", "Reuters"]),
                    published=rng.choice([None, "2025-01-02", "2024-12-31"]),
                    reliability=rng.choice(["", "A", "B", "F"]),
                )
            )
            for _ in range(rng.randrange(3)):
                lib.claims.add(source.id, quote="Police said so")
    return lib


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("field", [None, *SourceRow._fields])
def test_rows_sorted_by_source_precedes_are_in_source_ids_order(
    varied: Library, field: str | None, descending: bool
) -> None:
    precedes = source_precedes(field, descending)
    rows = source_rows(varied)
    random.Random(1).shuffle(rows)
    ordered = sorted(
        rows, key=functools.cmp_to_key(lambda a, b: -1 if precedes(a, b) else int(a != b))
    )
    assert [r.id for r in ordered] == source_ids(varied, field, descending)


def test_an_unknown_field_is_refused(varied: Library) -> None:
    with pytest.raises(ValueError, match="no source field nonsense"):
        source_precedes("nonsense")


def test_matching_sources_are_those_the_search_finds_among_the_ids_given(varied: Library) -> None:
    some = [1, 5, 17, 18, 40, 59]
    found = set(varied.search.source_ids("harbour"))
    assert varied.search.matching_sources("harbour", some) == found & set(some)
    assert varied.search.matching_sources("", some) == set()
    assert varied.search.matching_sources("harbour", []) == set()
