"""The claims table and library list load lazily: every row still shows, filters and sorts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.models.claim_table import ClaimTableModel
from briefing_app.gui.widgets.claims_panel import ClaimsPanel

PARTIES = ["Police", "residents", "Ministry", "Árbitro", ""]
KINDS = ["reported fact", "allegation", "denial"]


@pytest.fixture
def many_claims(lib: Library) -> Library:
    """A library of 3 sources with 150 claims each, varied parties, kinds and tags."""
    with lib.write():
        for s in range(3):
            text = " ".join(f"Sentence {s}-{n} says something." for n in range(150))
            source = lib.sources.add(ExtractedDocument(title=f"Report {2 - s}", text=text))
            for n in range(150):
                start = text.index(f"Sentence {s}-{n} ")
                lib.claims.add(
                    source.id,
                    start=start,
                    end=start + len(f"Sentence {s}-{n}"),
                    party=PARTIES[n % len(PARTIES)],
                    kind=KINDS[n % len(KINDS)],
                    tags=["topic:Water"] if n % 7 == 0 else [],
                )
    return lib


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fetch rows 40 at a time and keep at most 100, so scrolling crosses blocks and evicts."""
    monkeypatch.setattr(ClaimTableModel, "BLOCK", 40)
    monkeypatch.setattr(ClaimTableModel, "CACHE_ROWS", 100)


def _shown_keys(window: MainWindow) -> list[str]:
    model = window.claims_panel.model
    return [model.data(model.index(i, 0)) for i in range(model.rowCount())]


def test_scrolling_through_the_table_shows_every_claim_in_order(
    qtbot: QtBot, many_claims: Library, small_blocks: None
) -> None:
    window = MainWindow(many_claims)
    qtbot.addWidget(window)
    window.show()
    view = window.claims_panel.view
    model = window.claims_panel.model
    expected = [c.key for c in many_claims.claims.all()]
    assert model.rowCount() == len(expected) == 450
    seen = []
    for position in range(model.rowCount()):
        view.scrollTo(model.index(position, 0))
        seen.append(model.data(model.index(position, 0)))
    assert seen == expected
    # Back to the top after the cache was emptied: still the same rows.
    assert model.data(model.index(0, 0)) == expected[0]
    assert window.claims_panel.count_label.text() == "450 claims"


def test_filters_show_exactly_the_claims_core_finds(
    qtbot: QtBot, many_claims: Library, small_blocks: None
) -> None:
    window = MainWindow(many_claims)
    qtbot.addWidget(window)
    panel = window.claims_panel
    for combo, value, flt in (
        (panel.kind_filter, "denial", ClaimFilter(kind="denial")),
        (panel.party_filter, "Police", ClaimFilter(kind="denial", party="police")),
        (panel.tag_filter, "Water", ClaimFilter(kind="denial", party="police", tag="water")),
    ):
        panel.set_filter_value(combo, value)
        expected = [c.key for c in many_claims.claims.all(flt)]
        assert _shown_keys(window) == expected and expected
        assert panel.count_label.text() == f"{len(expected)} of 450 claims"
    for combo in (panel.tag_filter, panel.party_filter, panel.kind_filter):
        panel.set_filter_value(combo, None)
    assert len(_shown_keys(window)) == 450


def test_sorting_orders_every_claim_not_just_those_fetched(
    qtbot: QtBot, many_claims: Library, small_blocks: None
) -> None:
    window = MainWindow(many_claims)
    qtbot.addWidget(window)
    panel = window.claims_panel
    model = panel.model
    columns = [c[0] for c in model.columns]
    panel.view.sortByColumn(columns.index("Party"), Qt.SortOrder.AscendingOrder)
    parties = [model.row(i).party for i in range(model.rowCount())]
    assert parties == sorted(parties, key=str.casefold) and len(parties) == 450

    panel.view.sortByColumn(columns.index("Source"), Qt.SortOrder.DescendingOrder)
    titles = [model.row(i).source_title for i in range(model.rowCount())]
    assert titles == sorted(titles, reverse=True)

    panel.view.sortByColumn(columns.index("Key"), Qt.SortOrder.DescendingOrder)
    ids = [model.id_at(i) for i in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True)

    panel.view.sortByColumn(columns.index("Tags"), Qt.SortOrder.AscendingOrder)
    tags = [", ".join(model.row(i).tags) for i in range(model.rowCount())]
    assert tags == sorted(tags, key=str.casefold) and tags[-1] == "Water"

    panel.view.sortByColumn(columns.index("Key"), Qt.SortOrder.DescendingOrder)
    panel.set_filter_value(panel.kind_filter, "allegation")
    ids = [model.id_at(i) for i in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True)
    assert {model.row(i).kind for i in range(model.rowCount())} == {"allegation"}


def test_edits_and_new_claims_appear_in_a_lazily_loaded_table(
    qtbot: QtBot, many_claims: Library, small_blocks: None
) -> None:
    window = MainWindow(many_claims)
    qtbot.addWidget(window)
    panel = window.claims_panel
    model = panel.model
    last = model.rowCount() - 1
    claim_id = model.id_at(last)
    model.data(model.index(0, 0))  # the last row's block is not cached now
    many_claims.claims.update(claim_id, party="Harbour master")
    assert model.row(last).party == "Harbour master"

    panel.set_filter_value(panel.kind_filter, "denial")
    shown = model.rowCount()
    source = many_claims.sources.get(1)
    added = many_claims.claims.add(source.id, start=0, end=8, kind="denial")
    assert model.rowCount() == shown + 1 and model.position_of(added.id) is not None
    many_claims.claims.update(added.id, kind="allegation")
    assert model.rowCount() == shown and model.position_of(added.id) is None
    assert panel.count_label.text() == f"{shown:,} of 451 claims"


def test_the_library_list_shows_sorts_and_filters_every_source_lazily(
    qtbot: QtBot, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.models.source_table import SourceTableModel

    monkeypatch.setattr(SourceTableModel, "BLOCK", 16)
    monkeypatch.setattr(SourceTableModel, "CACHE_ROWS", 40)
    with lib.write():
        for n in range(90):
            lib.sources.add(
                ExtractedDocument(
                    title=f"Report {(n * 37) % 90:02d}",
                    text=f"Article {n} about {'wheat' if n % 3 == 0 else 'ports'}.",
                ),
                reliability="ABCDEF"[n % 6],
            )
    window = MainWindow(lib)
    qtbot.addWidget(window)
    panel = window.library_panel
    model = panel.model
    assert model.rowCount() == 90
    # Newest first, every row readable after the cache has been emptied several times.
    assert [model.id_at(i) for i in range(90)] == list(range(90, 0, -1))
    titles = [model.row(i).title for i in range(90)]
    assert sorted(titles) == sorted(s.title for s in lib.sources.all())

    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [model.row(i).title for i in range(90)] == sorted(titles)
    panel.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    grades = [model.row(i).reliability for i in range(90)]
    assert grades == sorted(grades, reverse=True)

    panel.filter_edit.setText("wheat")
    panel.apply_filter_now()
    shown = {model.id_at(i) for i in range(model.rowCount())}
    assert shown == set(lib.search.source_ids("wheat")) and len(shown) == 30
    grades = [model.row(i).reliability for i in range(model.rowCount())]
    assert grades == sorted(grades, reverse=True)
    # The claims table's source filter offers every source, by title.
    combo = window.claims_panel.source_filter
    combo.showPopup()
    combo.hidePopup()
    assert combo.count() == 91
    assert [combo.itemText(i) for i in range(1, 91)] == sorted(titles)


def test_the_source_filter_offers_sources_added_after_it_was_filled(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    panel = window.claims_panel
    panel.set_filter_value(panel.source_filter, 1)
    assert panel.source_filter.currentData() == 1
    added = demo_lib.sources.add(ExtractedDocument(title="Port strike", text="Dockers stopped."))
    assert panel.source_filter.currentData() == 1  # the chosen source stays chosen
    panel.set_filter_value(panel.source_filter, added.id)
    assert panel.source_filter.currentText() == "Port strike"
    assert panel.model.rowCount() == 0


def test_a_big_library_fills_the_claims_table_and_tags_just_after_the_window_shows(
    qtbot: QtBot, many_claims: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.sources import controller as sources_controller

    monkeypatch.setattr(sources_controller, "DEFER_CLAIMS", 100)
    window = MainWindow(many_claims)
    qtbot.addWidget(window)
    # The library list is there at once; the claims follow once the window can paint.
    assert window.library_panel.model.rowCount() == 3
    assert window.claims_panel.count_label.text() == "Loading claims…"
    with qtbot.waitSignal(window.sources.claims_loaded, timeout=10_000):
        window.show()
    assert window.claims_panel.model.rowCount() == 450
    assert window.claims_panel.count_label.text() == "450 claims"
    tags = window.library_panel.tags
    assert any("Water" in tags.item(i).text() for i in range(tags.count()))


def test_a_big_library_opened_in_a_shown_window_fills_its_claims_table(
    qtbot: QtBot, many_claims: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from briefing_app.gui.sources import controller as sources_controller

    monkeypatch.setattr(sources_controller, "DEFER_CLAIMS", 100)
    assert many_claims.path is not None
    small = Library.open(tmp_path / "small.sqlite", backup=False)
    window = MainWindow(small)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.claims_panel.model.rowCount() == 0
    # File ▸ Open library: the window has painted long ago, the table fills after its repaint.
    with qtbot.waitSignal(window.sources.claims_loaded, timeout=10_000):
        window.switch_library(many_claims.path)
    assert window.claims_panel.model.rowCount() == 450
    assert window.claims_panel.count_label.text() == "450 claims"
    window.close()
    window.lib.close()


def test_a_big_library_in_a_window_never_painted_still_loads_its_claims(
    qtbot: QtBot, many_claims: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.sources import controller as sources_controller

    monkeypatch.setattr(sources_controller, "DEFER_CLAIMS", 100)
    window = MainWindow(many_claims)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sources.claims_loaded, timeout=10_000):
        pass
    assert window.claims_panel.model.rowCount() == 450


def _row_on_screen(panel: ClaimsPanel, claim_id: int) -> int:
    """Return the selected row after checking it is this claim's, highlighted and in view."""
    view, model = panel.view, panel.model
    row = view.currentIndex().row()
    assert model.id_at(row) == claim_id
    assert view.selectionModel().isRowSelected(row)
    assert view.viewport().rect().intersects(view.visualRect(model.index(row, 0)))
    return row


def _shown_window(qtbot: QtBot, lib: Library) -> MainWindow:
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_claim_chosen_elsewhere_is_selected_and_scrolled_to_under_sort_and_filter(
    qtbot: QtBot, many_claims: Library, small_blocks: None
) -> None:
    window = _shown_window(qtbot, many_claims)
    panel = window.claims_panel
    model = panel.model
    columns = [c[0] for c in model.columns]
    panel.view.sortByColumn(columns.index("Party"), Qt.SortOrder.DescendingOrder)
    panel.set_filter_value(panel.kind_filter, "denial")
    far = model.id_at(model.rowCount() - 2)
    panel.view.scrollToTop()

    window.sources.select_claim(far)  # as from the reader or a note's citation

    assert window.inspector.claim is not None and window.inspector.claim.id == far
    row = _row_on_screen(panel, far)
    assert row == model.rowCount() - 2
    assert panel.view.verticalScrollBar().value() > 0

    hidden = next(c.id for c in many_claims.claims.all() if c.kind != "denial")
    window.sources.select_claim(hidden)  # not shown: no row stays selected
    assert not panel.view.selectionModel().hasSelection()
    assert window.inspector.claim is not None and window.inspector.claim.id == hidden


def test_the_selected_row_follows_its_claim_when_rows_above_it_go_and_it_changes(
    qtbot: QtBot, many_claims: Library, small_blocks: None
) -> None:
    window = _shown_window(qtbot, many_claims)
    panel = window.claims_panel
    model = panel.model
    chosen = model.id_at(200)
    window.sources.select_claim(chosen)
    above = [model.id_at(10), model.id_at(150)]
    repainted: list[int] = []  # rows the view is told to paint again
    model.dataChanged.connect(lambda first, _last: repainted.append(first.row()))

    with many_claims.write():  # one change: two rows above removed, the chosen one edited
        many_claims.claims.delete_many(above)
        many_claims.claims.update(chosen, party="Harbour master")

    row = _row_on_screen(panel, chosen)
    assert row == 198 and row in repainted
    assert model.data(model.index(row, columns_index(model, "Party"))) == "Harbour master"
    assert window.inspector.party.text() == "Harbour master"


def columns_index(model: ClaimTableModel, header: str) -> int:
    return [c[0] for c in model.columns].index(header)
