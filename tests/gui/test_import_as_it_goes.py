"""A folder imported in the window shows its sources as they are stored, not only at the end:
each commit reaches the views once, undo still takes the whole import back in one step."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from briefing_app.core.changes import Changes
from briefing_app.core.importers import batch
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.importers.batch import ImportSummary
from briefing_app.core.library import Library
from briefing_app.core.storage.outside_changes import OUTSIDE
from briefing_app.gui.dialogs import import_dialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.tasks import TaskRunner
from tests.conftest import write_fixture
from tests.gui.conftest import finished

FILES = 12
HELD_AFTER = 3  # files stored before the import thread waits for the test


class HeldImport:
    """Holds the import thread once it has stored `after` files, until the test releases it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
        self.after = after
        self.stored = 0
        self.released = threading.Event()
        real = batch.store_item

        def store_then_wait(*args: Any, **kwargs: Any) -> batch.FileOutcome:
            outcome = real(*args, **kwargs)
            self.stored += 1
            if self.stored == self.after:
                self.released.wait(20)  # bounded: a failing test must not hang the worker
            return outcome

        monkeypatch.setattr(batch, "store_item", store_then_wait)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of FILES dispatches, read in the import thread (no worker processes to start:
    the commits, one per file, are what these tests follow)."""
    monkeypatch.setattr(import_dialog, "default_workers", lambda: 1)
    for n in range(FILES):
        write_fixture(tmp_path / "dispatches" / f"{n:02}.txt", f"Dispatch {n}\n\nText {n}.")
    return tmp_path / "dispatches"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldImport]:
    hold = HeldImport(monkeypatch, HELD_AFTER)
    yield hold
    hold.released.set()


def listed_titles(window: MainWindow) -> list[str]:
    model = window.library_panel.model
    return [model.row(i)[1] for i in range(model.rowCount())]


def test_sources_appear_while_a_folder_imports_and_each_is_announced_once(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, folder: Path, held: HeldImport
) -> None:
    heard: list[Changes] = []
    window.lib.subscribe(heard.append)
    dialog = window.imports.import_paths([folder])

    # The import thread is waiting after its third file: those are listed already.
    qtbot.waitUntil(lambda: len(listed_titles(window)) == 1 + HELD_AFTER)
    assert not dialog.task.done
    assert {"Dispatch 0", "Dispatch 1", "Dispatch 2"} <= set(listed_titles(window))
    held.released.set()
    summary: ImportSummary = finished(qtbot, dialog.task).result  # type: ignore[assignment]

    ids = [o.source_id for o in summary.by_status("imported")]
    assert len(ids) == FILES
    titles = listed_titles(window)
    assert len(titles) == 1 + FILES and len(set(titles)) == len(titles)  # no row twice
    assert all(sum(i in c.sources for c in heard) == 1 for i in ids)  # nor any announcement
    assert not window.outside.poll()  # the window's own commits, not another process's

    window.undo_stack.undo()  # one step for the whole import
    assert demo_lib.sources.count() == 1
    assert len(listed_titles(window)) == 1
    window.undo_stack.redo()  # back with their ids, each in its place (newest first)
    shown = window.library_panel.model.ids()
    assert len(shown) == 1 + FILES and shown == sorted(shown, reverse=True)


def test_cancelling_a_folder_import_keeps_and_shows_what_was_stored(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, folder: Path, held: HeldImport
) -> None:
    dialog = window.imports.import_paths([folder])
    qtbot.waitUntil(lambda: len(listed_titles(window)) == 1 + HELD_AFTER)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        held.released.set()

    summary: ImportSummary = done.args[0]
    assert summary.cancelled and len(summary.by_status("imported")) == HELD_AFTER
    assert demo_lib.sources.count() == 1 + HELD_AFTER
    assert len(listed_titles(window)) == 1 + HELD_AFTER
    window.undo_stack.undo()
    assert demo_lib.sources.count() == 1
    assert len(listed_titles(window)) == 1


def test_a_commit_elsewhere_during_a_folder_import_is_shown_once(
    qtbot: QtBot, window: MainWindow, library_path: Path, folder: Path, held: HeldImport
) -> None:
    window.outside.start()
    heard: list[Changes] = []
    window.lib.subscribe(lambda c: heard.append(c) if c.origin == OUTSIDE else None)
    dialog = window.imports.import_paths([folder])
    qtbot.waitUntil(lambda: len(listed_titles(window)) == 1 + HELD_AFTER)

    with Library.open(library_path, backup=False) as other:  # as another process
        other.claims.update(1, party="Set elsewhere")
    window.outside.poll()
    held.released.set()
    finished(qtbot, dialog.task)
    window.outside.poll()

    assert [(c.claims, c.sources) for c in heard] == [({1}, set())]
    window.sources.select_claim(1)
    assert window.inspector.party.text() == "Set elsewhere"
    assert len(listed_titles(window)) == 1 + FILES


def test_a_running_tasks_commits_within_the_interval_are_announced_together(
    qtbot: QtBot, lib: Library
) -> None:
    runner = TaskRunner()
    runner.announce_every_ms = 60_000  # longer than the test: only the task's end flushes
    heard: list[set[int]] = []
    first_heard = threading.Event()

    def listen(changes: Changes) -> None:
        heard.append(set(changes.sources))
        first_heard.set()

    lib.subscribe(listen)

    def add_three(own: Library, _progress: object) -> list[int]:
        ids = [own.sources.add(ExtractedDocument(title="First", text="Alpha.")).id]
        assert first_heard.wait(10)  # the first commit is announced at once
        for title in ("Second", "Third"):
            ids.append(own.sources.add(ExtractedDocument(title=title, text=title)).id)
        return ids

    task = runner.run_with_progress(lib, add_three, announce_while_running=True)
    finished(qtbot, task)
    first, *rest = task.result or []
    assert heard == [{first}, set(rest)]  # the last two once, at the end, not again
    assert task.changes.sources == {first, *rest}


def test_the_notes_preview_is_redrawn_for_a_cited_source_not_for_one_being_imported(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    workspace = complete.note_workspace
    workspace.open_note_tab(demo_lib.notes.headers()[0].id)
    qtbot.waitUntil(lambda: not workspace.preview_timer.isActive())
    cited = workspace.lib.sources.cited_in(demo_lib.notes.headers()[0].id)[0]

    # A new source holds no claim: neither the preview nor the checks can show it.
    demo_lib.sources.add(ExtractedDocument(title="Just imported", text="Nothing cited."))
    assert not workspace.preview_timer.isActive() and not workspace.checks_timer.isActive()

    demo_lib.sources.update(cited.id, title="Retitled report")  # its claims are cited
    assert workspace.checks_timer.isActive()
    with qtbot.waitSignal(workspace.preview_updated, timeout=5_000):
        pass  # the preview redraws on the event loop's next turns


def test_the_sources_list_stays_where_it_was_scrolled_while_sources_arrive(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    with demo_lib.write():  # one commit: one refresh
        for n in range(200):
            demo_lib.sources.add(ExtractedDocument(title=f"Report {n}", text=f"Text {n}."))
    window.sources.open_source(1)  # the demo article, at the bottom of the list
    bar = window.library_panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)  # the analyst looks through the list meanwhile
    scrolled = bar.value()

    demo_lib.sources.add(ExtractedDocument(title="Just imported", text="Arrived."))
    assert bar.value() == scrolled
    assert window.library_panel.current_source_id() == 1  # still selected


def test_sources_arriving_take_their_place_in_the_lists_order(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    for title in ("Bravo", "Alpha"):
        demo_lib.sources.add(ExtractedDocument(title=title, text=f"About {title}."))
    assert listed_titles(window)[:2] == ["Alpha", "Bravo"]  # newest first

    window.library_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title
    demo_lib.sources.add(ExtractedDocument(title="Charlie", text="About Charlie."))
    titles = listed_titles(window)
    assert titles == sorted(titles, key=str.casefold) and "Charlie" in titles
