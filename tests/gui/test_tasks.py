"""The one background-task runner: every slow operation runs off the UI thread on its own
connection, and the window's views show what it changed as after any other write."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from briefing_app.core.changes import Changes
from briefing_app.core.errors import InvalidInput
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.review import packs, word_copy
from briefing_app.core.review.packs import export_pack
from briefing_app.core.storage import backup
from briefing_app.core.storage.backup import list_backups
from briefing_app.core.suggest.manager import SuggestionManager
from briefing_app.gui.dialogs import export_dialog, import_dialog
from briefing_app.gui.dialogs.export_dialog import ExportOptions
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.dialogs import ReviewFiles
from briefing_app.gui.tasks import TaskRunner
from tests.conftest import write_fixture
from tests.core.review import word_edits
from tests.gui.conftest import finished
from tests.gui.test_notes import editor, new_note, saved_body, type_into


class Gate:
    """Holds a core operation until a timer on the UI thread has seen it running: proof that
    the UI's event loop goes on meanwhile (on the UI thread the operation would wait in vain).
    """

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.released = threading.Event()
        self.threads: list[int] = []
        self.waited: list[bool] = []
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.get_ident())
            self.entered.set()
            self.waited.append(self.released.wait(5))
            return real(*args, **kwargs)

        return held

    def arm(self) -> None:
        """Tick on the UI thread; release the operation once it is seen running."""
        self.timer.start()

    def _tick(self) -> None:
        if self.entered.is_set():
            self.timer.stop()
            self.released.set()

    def proved_responsive(self) -> bool:
        """Return whether the operation ran off the UI thread while the UI ran the timer."""
        main = threading.main_thread().ident
        return self.waited == [True] and self.threads[0] != main


def hold(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> Gate:
    """Replace owner.name with a held version of itself; return its gate, armed."""
    gate = Gate()
    monkeypatch.setattr(owner, name, gate.wrap(getattr(owner, name)))
    gate.arm()
    return gate


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Library]:
    """An empty library of another analyst's, to merge packages into."""
    lib = Library.open(tmp_path / "receiver" / "library.sqlite")
    yield lib
    lib.close()


def test_an_import_runs_off_the_ui_thread_and_lists_the_new_source(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = write_fixture(tmp_path / "in" / "strike.txt", "Port strike\n\nDockers stopped work.")
    gate = hold(monkeypatch, import_dialog, "import_paths")
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000):
        window.imports.import_paths([path])
    assert gate.proved_responsive()
    titles = [window.library_panel.model.row(i)[1] for i in range(2)]
    assert "Port strike" in titles and demo_lib.sources.count() == 2


def test_a_package_merges_off_the_ui_thread_and_its_note_and_sources_appear(
    qtbot: QtBot, demo_lib: Library, receiver: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note = demo_lib.notes.all()[0]
    pack = export_pack(demo_lib, note.id, tmp_path / "note.briefpack")
    window = MainWindow(receiver)
    qtbot.addWidget(window)
    window.show()
    assert window.library_panel.model.rowCount() == 0
    gate = hold(monkeypatch, packs, "import_pack")
    task = finished(qtbot, window.review.import_review_pack(pack))
    assert gate.proved_responsive()
    assert task.result is not None and task.changes.notes == {task.result.note_id}
    listed = window.note_workspace.notes_panel.list
    assert [listed.item(i).text() for i in range(listed.count())] == [note.title]
    assert window.library_panel.model.rowCount() == demo_lib.sources.count()
    assert window.review.review_dock.isVisible()
    assert window.statusBar().currentMessage() == task.result.line()
    window.close()


def test_a_reviewed_copy_is_read_off_the_ui_thread_and_its_comment_listed(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note = demo_lib.notes.all()[0]
    path = word_copy.export_review_copy(demo_lib, note.id, tmp_path / "review.docx", force=True)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    monkeypatch.setattr(ReviewFiles, "import_copy", classmethod(lambda cls, parent: path))
    gate = hold(monkeypatch, word_copy, "import_review_copy")
    finished(qtbot, window.review.import_review_copy())
    assert gate.proved_responsive()
    texts = [text for _kind, _id, text in window.review.review_pane.items()]
    assert any("Is the drone confirmed?" in t for t in texts)


def test_an_export_runs_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    note = demo_lib.notes.all()[0]
    target = tmp_path / "memo.md"
    gate = hold(monkeypatch, export_dialog, "export_note")
    with qtbot.waitSignal(window.note_workspace.export_finished, timeout=20_000) as done:
        window.note_workspace.start_export(note.id, ExportOptions(target, "md", "footnotes"))
    assert gate.proved_responsive()
    assert done.args == [target] and note.title in target.read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == f"Exported {target}"


def test_the_on_open_backup_runs_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_lib.path is not None
    gate = hold(monkeypatch, backup, "backup_on_open")
    finished(qtbot, window.start_background_backup())
    assert gate.proved_responsive()
    assert len(list_backups(demo_lib.path)) == 1
    assert window.statusBar().currentMessage().startswith("Backed up the library to")


def test_suggestions_are_found_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    finder = window.suggestions.suggestion_finder
    source_id = window.reader.source_id
    assert source_id is not None
    qtbot.waitUntil(lambda: not finder.is_searching(source_id))
    gate = hold(monkeypatch, SuggestionManager, "for_source")
    finder.clear()
    with qtbot.waitSignal(finder.found, timeout=20_000):
        window.suggestions.refresh_suggestions()
        assert (
            window.suggestions.suggestions_panel.suggestions == []
        )  # searching: nothing to show yet
    assert gate.proved_responsive()
    assert window.suggestions.suggestions_panel.suggestions


def test_a_failing_task_reports_one_line_and_leaves_the_library_as_it_was(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, caplog: pytest.LogCaptureFixture
) -> None:
    def half_done(lib: Library) -> None:
        with lib.write():
            lib.sources.add(ExtractedDocument(title="Half", text="Never kept."))
            raise ValueError("the disk said no\nand then some")

    with caplog.at_level(logging.ERROR):
        task = finished(qtbot, window.tasks.run(window.lib, half_done, description="Half a job"))
    message = window.statusBar().currentMessage()
    assert message == "⚠ Half a job failed (ValueError: the disk said no and then some)"
    assert task.error is not None and not task.changes
    assert demo_lib.sources.count() == 1 and window.library_panel.model.rowCount() == 1
    assert "Half a job failed" in caplog.text  # a surprise is logged with its traceback

    def refused(lib: Library) -> None:
        raise InvalidInput("a source needs a title")

    finished(qtbot, window.tasks.run(window.lib, refused))
    assert window.statusBar().currentMessage() == "⚠ a source needs a title"


def test_a_tasks_changes_reach_the_views_once_with_their_origin(
    qtbot: QtBot, complete: MainWindow, demo_lib: Library
) -> None:
    # Started once the window has painted, as anything the analyst starts is. (A commit made
    # before the first paint, by a task or another process, is followed by the start-up
    # reload of every view: the window cannot tell whose commit it was then.)
    window = complete
    heard: list[Changes] = []
    demo_lib.subscribe(heard.append)

    def add(lib: Library) -> int:
        return lib.sources.add(ExtractedDocument(title="Wire report", text="Delta.")).id

    task = window.tasks.run(window.lib, add, origin="wire")
    assert not task.done  # the result arrives through the event loop, never at once
    finished(qtbot, task)
    assert [(c.sources, c.origin) for c in heard] == [({task.result}, "wire")]
    titles = [window.library_panel.model.row(i)[1] for i in range(2)]
    assert "Wire report" in titles


def test_an_in_memory_library_runs_its_task_later_on_the_ui_thread(qtbot: QtBot) -> None:
    lib = Library.open(":memory:")
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    runner = TaskRunner()
    task = runner.run(lib, lambda own: own.sources.add(ExtractedDocument(title="T", text="E.")))
    assert not task.done and lib.sources.count() == 0
    finished(qtbot, task)
    assert lib.sources.count() == 1
    assert len(heard) == 1 and task.changes.sources == heard[0].sources  # heard once, not twice


def test_a_task_whose_library_was_closed_meanwhile_only_finishes(
    qtbot: QtBot, library_path: Path
) -> None:
    lib = Library.open(library_path)
    released = threading.Event()
    succeeded: list[object] = []

    def add(own: Library) -> int:
        released.wait(5)
        return own.sources.add(ExtractedDocument(title="Late", text="Epsilon.")).id

    runner = TaskRunner()
    task = runner.run(lib, add)
    task.succeeded.connect(succeeded.append)
    lib.close()  # another library opened in the window
    released.set()
    finished(qtbot, task)
    assert succeeded == [] and runner.running() == []
    with Library.open(library_path) as again:  # the work itself was done, in its own file
        assert again.sources.count() == 1


def test_the_editors_own_autosave_does_not_reload_it_but_anothers_change_does(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    note_editor = window.note_workspace.editor
    reloads: list[int] = []
    reload = note_editor.refresh_from
    monkeypatch.setattr(
        note_editor, "refresh_from", lambda note, t: (reloads.append(note.id), reload(note, t))
    )
    summary = editor(window, "summary")
    type_into(qtbot, summary, "Gunmen killed three workers.")
    cursor = summary.textCursor()
    cursor.setPosition(6)
    summary.setTextCursor(cursor)
    qtbot.waitUntil(
        lambda: saved_body(demo_lib, note_id, "summary") == "Gunmen killed three workers."
    )
    assert reloads == []  # its own save did not come back to it
    assert summary.textCursor().position() == 6
    # The typing is still undoable (on the window's stack, where typing now lives).
    assert window.undo_stack.canUndo()
    assert window.undo_action.text() == "&Undo Typing in Summary"

    demo_lib.notes.set_section(note_id, "summary", "Changed in another window.")
    assert reloads == [note_id]
    assert summary.body() == "Changed in another window."


def test_cancel_in_the_import_progress_dialog_stops_the_import(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    for n in range(3):
        write_fixture(tmp_path / "many" / f"{n}.txt", f"Item {n}\n\nText {n}.")
    gate = Gate()  # not armed: the test releases the import itself
    monkeypatch.setattr(import_dialog, "import_paths", gate.wrap(import_dialog.import_paths))
    dialog = window.imports.import_paths([tmp_path / "many"])
    qtbot.waitUntil(gate.entered.is_set)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    assert dialog.labelText() == "Cancelling after the current file…"
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        gate.released.set()
    assert done.args[0].cancelled and done.args[0].outcomes == []
    assert demo_lib.sources.count() == 1
    assert window.statusBar().currentMessage().endswith("(cancelled)")
