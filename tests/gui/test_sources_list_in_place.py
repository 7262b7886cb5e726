"""A sorted or filtered sources list takes new, edited and deleted sources in place: it shows
what a fresh load would show, and the analyst's selection and scroll position stay."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.gui.dialogs import import_dialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.models.source_table import SourceTableModel
from tests.conftest import write_fixture
from tests.gui.conftest import finished

SEARCH = "harbour"
WORDS = ["harbour", "border", "mine", "market", "Harbour", "árbitro", "Zinc"]


@pytest.fixture
def many_sources(lib: Library) -> Library:
    """A library of 150 sources, titles in no order of their ids, a third about the harbour,
    some with claims (so the claims column differs)."""
    rng = random.Random(7)
    with lib.write():
        for n in range(150):
            word = WORDS[n % len(WORDS)]
            title = f"{rng.choice(WORDS)} report {rng.randrange(40):02}"
            text = f"Report {n} about the {word}. Police said so."
            source = lib.sources.add(
                ExtractedDocument(title=title, text=text, published=f"2025-0{n % 9 + 1}-01")
            )
            for _ in range(n % 4):
                lib.claims.add(source.id, quote="Police said so")
    return lib


@pytest.fixture
def window(qtbot: QtBot, many_sources: Library) -> MainWindow:
    win = MainWindow(many_sources)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def fresh_ids(
    lib: Library, column: int, order: Qt.SortOrder, search: str, kept: set[int] | None = None
) -> list[int]:
    """Return the ids a newly loaded list, sorted and searched the same, shows (and those
    kept, shown before though an edit since no longer matches the search)."""
    model = SourceTableModel()
    model.attach(lib)
    model.sort(column, order)
    if search:
        model.set_filter(set(lib.search.source_ids(search)) | (kept or set()), search)
    return model.ids()


def sort_and_search(window: MainWindow, column: int, order: Qt.SortOrder, search: str) -> None:
    window.library_panel.view.sortByColumn(column, order)
    window.library_panel.filter_edit.setText(search)
    window.library_panel.apply_filter_now()


def test_a_folder_imported_into_a_sorted_filtered_list_shows_what_a_fresh_load_would(
    qtbot: QtBot,
    window: MainWindow,
    many_sources: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_dialog, "default_workers", lambda: 1)
    for n in range(12):
        word = "harbour" if n % 2 else "border"
        write_fixture(tmp_path / "in" / f"{n:02}.txt", f"Dispatch {n}\n\nAt the {word}.")
    panel = window.library_panel
    sort_and_search(window, 0, Qt.SortOrder.AscendingOrder, SEARCH)
    before = panel.model.ids()
    chosen = before[len(before) // 2]
    window.sources.open_source(chosen)
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 3)
    scrolled = bar.value()
    resets: list[None] = []
    panel.model.modelReset.connect(lambda: resets.append(None))

    dialog = window.imports.import_paths([tmp_path / "in"])
    finished(qtbot, dialog.task)

    shown = panel.model.ids()
    assert shown == fresh_ids(many_sources, 0, Qt.SortOrder.AscendingOrder, SEARCH)
    assert len(shown) == len(before) + 6  # the six dispatches about the harbour, no others
    titles = [panel.model.row(r).title.casefold() for r in range(len(shown))]
    assert titles == sorted(titles)
    assert panel.current_source_id() == chosen
    assert panel.view.selectionModel().isRowSelected(shown.index(chosen))
    assert bar.value() == scrolled
    assert resets == []  # taken in place: a reset would have dropped the selection


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("column", range(5))
@pytest.mark.parametrize("search", ["", SEARCH])
def test_sources_added_and_edited_take_their_place_under_any_sort(
    qtbot: QtBot,
    window: MainWindow,
    many_sources: Library,
    column: int,
    order: Qt.SortOrder,
    search: str,
) -> None:
    lib = many_sources
    sort_and_search(window, column, order, search)
    panel = window.library_panel
    chosen = panel.model.id_at(panel.model.rowCount() // 2)
    window.sources.open_source(chosen)
    resets: list[None] = []
    panel.model.modelReset.connect(lambda: resets.append(None))
    rng = random.Random(column * 2 + int(order == Qt.SortOrder.DescendingOrder))
    shown = set(panel.model.ids())

    for step in range(6):
        with lib.write():  # one announcement: new sources, retitled ones, claims added
            for n in range(rng.randrange(3)):
                word = rng.choice(WORDS)
                lib.sources.add(
                    ExtractedDocument(
                        title=f"{word} new {step}{n}", text=f"On the {word}, {step}-{n}."
                    )
                )
            for source_id in [*rng.sample(range(1, 151), 3), *([chosen] if step == 3 else [])]:
                lib.sources.update(source_id, title=f"{rng.choice(WORDS)} retitled {step}")
            lib.claims.add(rng.randrange(1, 151), quote="Police said so")
        # A source shown stays shown after an edit: the row being edited does not vanish.
        assert panel.model.ids() == fresh_ids(lib, column, order, search, shown)
        assert panel.current_source_id() == chosen
        assert window.sources.current_source_id == chosen  # the reader did not move on
        shown = set(panel.model.ids())

    assert resets == []
    shown = panel.model.ids()
    assert [panel.model.row(r).id for r in range(len(shown))] == shown


def test_a_retitled_source_moves_to_its_place_and_stays_selected(
    qtbot: QtBot, window: MainWindow, many_sources: Library
) -> None:
    sort_and_search(window, 0, Qt.SortOrder.AscendingOrder, "")
    panel = window.library_panel
    last = panel.model.id_at(panel.model.rowCount() - 1)
    window.sources.open_source(last)

    many_sources.sources.update(last, title="Aardvark sighting")

    assert panel.model.id_at(0) == last
    assert panel.model.data(panel.model.index(0, 0)) == "Aardvark sighting"
    assert panel.current_source_id() == last
    assert panel.view.selectionModel().isRowSelected(0)


def test_a_batch_too_big_to_take_in_place_still_adds_the_sources_matching_the_search(
    window: MainWindow, many_sources: Library
) -> None:
    # Past the controller's limit the list reloads instead; it must show the same as when
    # the few sources of a small batch are taken in place: the new ones matching the search.
    sort_and_search(window, 0, Qt.SortOrder.AscendingOrder, SEARCH)
    panel = window.library_panel
    before = len(panel.model.ids())
    with many_sources.write():
        for n in range(410):
            word = "harbour" if n % 2 else "border"
            many_sources.sources.add(
                ExtractedDocument(title=f"Dispatch {n}", text=f"Dispatch {n} at the {word}.")
            )

    shown = panel.model.ids()
    assert len(shown) == before + 205
    assert shown == fresh_ids(many_sources, 0, Qt.SortOrder.AscendingOrder, SEARCH)


def remove(lib: Library, ids: list[int]) -> None:
    """Delete these sources and their claims in one write (one announcement)."""
    with lib.write():
        lib.claims.delete_many([c.id for c in lib.claims.all() if c.source_id in ids])
        lib.sources.delete_many(ids)


def top_record(window: MainWindow) -> int:
    """Return the id of the source in the list's top visible row."""
    view = window.library_panel.view
    return window.library_panel.model.id_at(view.rowAt(0))


def test_sources_removed_from_a_sorted_filtered_list_go_in_place_keeping_selection_and_scroll(
    qtbot: QtBot, window: MainWindow, many_sources: Library
) -> None:
    sort_and_search(window, 0, Qt.SortOrder.AscendingOrder, SEARCH)
    panel = window.library_panel
    before = panel.model.ids()
    chosen = before[len(before) // 2]
    window.sources.open_source(chosen)
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 4)
    top = top_record(window)
    at_top = before.index(top)
    hidden = next(i for i in range(1, 151) if i not in before)  # filtered out by the search
    gone = {before[1], before[at_top - 1], before[at_top + 2], before[-1], hidden}
    assert chosen not in gone and top not in gone
    resets: list[None] = []
    panel.model.modelReset.connect(lambda: resets.append(None))
    removed: list[tuple[int, int]] = []
    panel.model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))

    remove(many_sources, sorted(gone))

    shown = panel.model.ids()
    assert shown == [i for i in before if i not in gone]
    assert shown == fresh_ids(many_sources, 0, Qt.SortOrder.AscendingOrder, SEARCH)
    assert resets == [] and len(removed) == 4  # row by row, never the whole list again
    assert panel.current_source_id() == chosen == window.sources.current_source_id
    assert panel.view.selectionModel().isRowSelected(shown.index(chosen))
    assert top_record(window) == top  # the rows in sight stay in sight


def test_removing_the_selected_source_selects_its_neighbouring_row_in_place(
    qtbot: QtBot, window: MainWindow, many_sources: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    sort_and_search(window, 2, Qt.SortOrder.DescendingOrder, "")
    panel = window.library_panel
    before = panel.model.ids()
    first_open = window.sources.current_source_id  # opened with the window: read before
    chosen = before[len(before) // 2]
    window.sources.open_source(chosen)
    below = before[before.index(chosen) + 1]
    opened: list[int] = []
    show_source = window.reader.show_source
    monkeypatch.setattr(
        window.reader,
        "show_source",
        lambda source_id, *rest: opened.append(source_id) or show_source(source_id, *rest),
    )
    resets: list[None] = []
    panel.model.modelReset.connect(lambda: resets.append(None))

    remove(many_sources, [chosen, first_open])  # the source read before goes too

    assert resets == []
    assert opened == [below]  # the neighbour, opened once (not the row Qt moved to first)
    assert panel.current_source_id() == below == window.sources.current_source_id
    assert panel.view.selectionModel().isRowSelected(panel.model.ids().index(below))
    assert panel.model.ids() == [i for i in before if i not in (chosen, first_open)]


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("column", [0, 3, 4])
@pytest.mark.parametrize("search", ["", SEARCH])
def test_sources_added_edited_and_removed_together_keep_the_list_right_under_any_sort(
    window: MainWindow, many_sources: Library, column: int, order: Qt.SortOrder, search: str
) -> None:
    lib = many_sources
    sort_and_search(window, column, order, search)
    panel = window.library_panel
    chosen = panel.model.id_at(panel.model.rowCount() // 3)
    window.sources.open_source(chosen)
    resets: list[None] = []
    panel.model.modelReset.connect(lambda: resets.append(None))
    rng = random.Random(column * 2 + int(order == Qt.SortOrder.DescendingOrder))
    shown = set(panel.model.ids())
    for step in range(4):
        with lib.write():  # one announcement: sources added, retitled and removed
            alive = [s.id for s in lib.sources.all() if s.id != chosen]
            remove(lib, rng.sample(alive, 4))
            lib.sources.update(rng.choice(alive[:40]), title=f"harbour retitled {step}")
            lib.sources.add(ExtractedDocument(title=f"Zinc {step}", text=f"At the harbour {step}."))
        assert panel.model.ids() == fresh_ids(lib, column, order, search, shown)
        assert panel.current_source_id() == chosen == window.sources.current_source_id
        shown = set(panel.model.ids())
    assert resets == []
