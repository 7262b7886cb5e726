"""`briefing claims` and the claims table list the same claims for the same filter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.gui.models.claim_table import ClaimTableModel
from tests.cli.runner import briefing
from tests.core.records.test_claim_filter import add_mixed_claims

# Filters as a user types them, in mixed case and script.
FILTERS = [
    ClaimFilter(),
    ClaimFilter(tag="place:Istiqlol"),
    ClaimFilter(tag="Place:ISTIQLOL"),
    ClaimFilter(tag="actor:istiqlol"),
    ClaimFilter(tag="event:Istiqlol"),
    ClaimFilter(tag="Istiqlol"),
    ClaimFilter(tag="WATER"),
    ClaimFilter(tag="истиқлол"),
    ClaimFilter(tag="topic:STRASSE"),
    ClaimFilter(party="POLICE"),
    ClaimFilter(party="árbitro"),
    ClaimFilter(party="министерство"),
    ClaimFilter(party="Border"),
    ClaimFilter(kind="Denial"),
    ClaimFilter(status="CORROBORATED"),
    ClaimFilter(tag="istiqlol", kind="denial"),
    ClaimFilter(source_id=2, party="police"),
    ClaimFilter(
        source_id=1, tag="actor:Police", party="Police", kind="reported fact", status="unverified"
    ),
]


@pytest.fixture
def library(library_path: Path, lib: Library) -> Path:
    """A library file whose claims differ in case, script, tag kind and source."""
    add_mixed_claims(lib)
    other = lib.sources.add(ExtractedDocument(title="Other", text="Police said more."))
    lib.claims.add(other.id, quote="Police said", party="POLICE", tags=["place:istiqlol"])
    return library_path


def cli_keys(library: Path, flt: ClaimFilter) -> list[str]:
    """Return the claim keys `briefing claims --json` prints for a filter."""
    args = ["claims", "--json"]
    options = {
        "--source": flt.source_id,
        "--tag": flt.tag,
        "--party": flt.party,
        "--kind": flt.kind,
        "--status": flt.status,
    }
    for option, value in options.items():
        if value is not None:
            args += [option, str(value)]
    result = briefing(*args, library=library)
    assert result.returncode == 0, result.stderr
    return [c["key"] for c in json.loads(result.stdout)]


def table_keys(model: ClaimTableModel) -> list[str]:
    """Return the claim keys the claims table shows, top to bottom."""
    return [model.row(i).key for i in range(model.rowCount())]


def sorted_keys(keys: list[str]) -> list[str]:
    """Return claim keys by number (rows a refresh adds come last in the table)."""
    return sorted(keys, key=lambda k: int(k[1:]))


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_the_cli_and_the_claims_table_list_the_same_claims(
    qtbot: QtBot, library: Path, lib: Library, flt: ClaimFilter
) -> None:
    model = ClaimTableModel()
    model.attach(lib)
    model.set_filter(flt)
    shown = table_keys(model)
    assert shown == cli_keys(library, flt)
    assert model.data(model.index(0, 0)) == (shown[0] if shown else None)


def test_the_filters_find_what_an_analyst_means(library: Path) -> None:
    """Spot checks of the cases the two listings used to disagree on."""
    assert cli_keys(library, ClaimFilter(tag="place:Istiqlol")) == ["C2", "C7"]
    assert cli_keys(library, ClaimFilter(tag="Istiqlol")) == ["C2", "C3", "C7"]
    assert cli_keys(library, ClaimFilter(party="árbitro")) == ["C2"]
    assert cli_keys(library, ClaimFilter(party="министерство")) == ["C4"]


def test_a_claim_edited_into_or_out_of_the_filter_follows_core(
    qtbot: QtBot, library: Path, lib: Library
) -> None:
    model = ClaimTableModel()
    model.attach(lib)
    model.set_filter(ClaimFilter(party="police", tag="place:ISTIQLOL"))
    assert table_keys(model) == ["C7"]
    lib.claims.update(1, tags=["Place:Istiqlol"])  # C1 now matches in another case
    lib.claims.update(7, party="Police department")  # C7 no longer does
    model.update({1, 7})
    expected = cli_keys(library, model.filter)
    assert sorted_keys(table_keys(model)) == expected == ["C1"]
