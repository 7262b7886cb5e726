"""Undoing an import that took away the source being read leaves another one open: the source
read before it if it is still there, else the nearest row of the sources list; the list, the
reader, the source panel and the inspector agree on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.importers.batch import ImportSummary
from briefing_app.core.library import Library
from briefing_app.core.models import Source
from briefing_app.gui.dialogs import import_dialog
from briefing_app.gui.main_window import MainWindow
from tests.conftest import write_fixture
from tests.gui.conftest import finished


@pytest.fixture
def sources(demo_lib: Library) -> list[Source]:
    """The demo's source and two more: three sources before any import."""
    demo = demo_lib.sources.all()[0]
    added = [
        demo_lib.sources.add(ExtractedDocument(title=f"Earlier {n}", text=f"Earlier text {n}."))
        for n in range(2)
    ]
    return [demo_lib.sources.get(s.id) for s in (demo, *added)]


@pytest.fixture
def shown(qtbot: QtBot, demo_lib: Library, sources: list[Source]) -> Iterator[MainWindow]:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def import_files(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> list[int]:
    folder = tmp_path / "new"
    for n in range(3):
        write_fixture(folder / f"{n}.txt", f"Imported {n}\n\nImported text {n}.")
    dialog = window.imports.import_paths(sorted(folder.iterdir()))
    summary: ImportSummary = finished(qtbot, dialog.task).result  # type: ignore[assignment]
    return [o.source_id for o in summary.by_status("imported") if o.source_id is not None]


def assert_open(window: MainWindow, source: Source) -> None:
    """The list's selected row, the reader, its title and the source panel show this source."""
    controller = window.sources
    assert controller.current_source_id == source.id
    assert window.library_panel.current_source_id() == source.id
    assert window.reader.source_text() == source.text
    assert source.title in controller.reader_title.text()
    assert window.source_panel.source is not None
    assert window.source_panel.source.id == source.id


@pytest.fixture(autouse=True)
def one_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_dialog, "default_workers", lambda: 1)


def test_undoing_an_import_reopens_the_source_read_before_it(
    qtbot: QtBot,
    shown: MainWindow,
    demo_lib: Library,
    sources: list[Source],
    tmp_path: Path,
) -> None:
    window = shown
    window.sources.open_source(sources[2].id)
    opened = sources[0]  # the list's last row: "the first source" would not pass
    claim = next(c for c in demo_lib.claims.all() if c.source_id == opened.id)
    window.sources.show_claim(claim.id)  # the demo's source, a claim of it in the inspector
    assert window.inspector.claim is not None

    imported = import_files(qtbot, window, tmp_path)
    assert len(imported) == 3
    window.sources.open_source(imported[1])  # the analyst reads one of the new ones
    assert window.sources.current_source_id == imported[1]

    window.undo_stack.undo()

    assert demo_lib.sources.count() == 3
    assert_open(window, opened)  # the one read just before the import
    assert window.inspector.claim is None  # its claim was let go when the new one opened
    assert window.sources.selected is None

    window.undo_stack.redo()  # the import is back; the reader stays where it is
    assert_open(window, opened)


def test_undoing_an_import_opens_the_nearest_row_when_the_sources_read_before_are_gone(
    qtbot: QtBot, demo_lib: Library, library_path: Path, tmp_path: Path
) -> None:
    for title in ("Alpha report", "Delta report", "Echo report"):
        demo_lib.sources.add(ExtractedDocument(title=title, text=f"{title}: the text."))
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    window.outside.start()
    echo = window.sources.current_source_id  # the newest source opens first
    assert echo is not None and demo_lib.sources.get(echo).title == "Echo report"
    folder = tmp_path / "new"
    for name in ("Bravo", "Charlie", "Foxtrot"):
        write_fixture(folder / f"{name}.txt", f"{name} dispatch\n\n{name} text.")
    dialog = window.imports.import_paths(sorted(folder.iterdir()))
    finished(qtbot, dialog.task)
    # Sorted by title, the new sources sit among the others.
    window.library_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = {s.id: s.title for s in demo_lib.sources.all()}
    charlie = next(i for i, t in titles.items() if t == "Charlie dispatch")
    window.sources.open_source(charlie)  # read after Echo and Bravo, both gone at the undo
    with Library.open(library_path, backup=False) as other:  # deleted by another process
        other.sources.delete(echo)
    window.outside.poll()
    model = window.library_panel.model
    assert [titles[i].split()[0] for i in model.ids()] == [
        "Alpha", "Bravo", "Charlie", "China", "Delta", "Foxtrot",
    ]  # fmt: skip

    window.undo_stack.undo()

    # Not the first row (Alpha): the one next to Charlie's, where the analyst was in the list.
    assert [titles[i].split()[0] for i in model.ids()] == ["Alpha", "China", "Delta"]
    china = next(i for i, t in titles.items() if t.startswith("China"))
    assert_open(window, demo_lib.sources.get(china))
    assert window.inspector.claim is None
    window.close()


def test_undoing_an_import_into_an_empty_library_leaves_no_source_open(
    qtbot: QtBot, lib: Library, tmp_path: Path
) -> None:
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.show()
    imported = import_files(qtbot, window, tmp_path)
    assert window.sources.current_source_id == imported[0]
    window.undo_stack.undo()
    assert window.sources.current_source_id is None
    assert window.reader.source_text() == ""
    assert window.source_panel.source is None
    assert "No source open" in window.sources.reader_title.text()
    window.close()
