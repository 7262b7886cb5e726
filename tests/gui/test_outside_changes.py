"""Changes made elsewhere (the CLI, another window) while the window is open: nothing typed
here is lost, nothing stored there is overwritten, and the views show what changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from briefing_app.core.changes import Changes
from briefing_app.core.library import Library
from briefing_app.core.storage.outside_changes import OUTSIDE
from briefing_app.gui.dialogs import import_dialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.note_editor import SectionEditor
from tests.cli.runner import briefing
from tests.conftest import write_fixture
from tests.gui.conftest import finished

CLI_TEXT = "Set from the command line."


@pytest.fixture
def other(demo_lib: Library, library_path: Path) -> Iterator[Library]:
    """A second connection to the window's library file, as another process has."""
    with Library.open(library_path, backup=False) as second:
        yield second


def open_demo_note(window: MainWindow) -> tuple[int, SectionEditor]:
    workspace = window.note_workspace
    note = window.lib.notes.headers()[0]
    workspace.open_note_tab(note.id)
    editor = workspace.editor.editor("summary")
    assert editor is not None
    return note.id, editor


def type_at_end(qtbot: QtBot, editor: SectionEditor, text: str) -> None:
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


def outside_changes_heard(window: MainWindow) -> list[Changes]:
    """Collect what the window's poll announces as changed by other processes."""
    heard: list[Changes] = []
    window.lib.subscribe(lambda c: heard.append(c) if c.origin == OUTSIDE else None)
    return heard


def announcements_of_source(heard: list[Changes], source_id: int) -> int:
    return sum(source_id in c.sources for c in heard)


def stored_summary(lib: Library, note_id: int) -> str:
    section = lib.notes.get(note_id).section("summary")
    assert section is not None
    return section.body


def test_typing_over_a_section_set_on_the_command_line_keeps_both_texts(
    qtbot: QtBot, complete: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    window = complete
    note_id, editor = open_demo_note(window)
    loaded = editor.body()
    text_file = tmp_path / "summary.md"
    text_file.write_text(CLI_TEXT, encoding="utf-8")
    result = briefing(
        "note", "set", str(note_id), "summary", "--file", str(text_file), library=library_path
    )
    assert result.returncode == 0, result.stderr

    type_at_end(qtbot, editor, " Typed in the app.")
    window.note_workspace.flush()

    assert stored_summary(window.lib, note_id) == CLI_TEXT  # not overwritten
    banner = window.note_workspace.conflicts
    assert banner.isVisible()
    assert "changed elsewhere" in banner.message.text()
    assert editor.body() == loaded + " Typed in the app."  # not lost either
    versions = window.lib.versions.all(note_id)
    kept = [s["body"] for s in versions[-1].sections if s["key"] == "summary"]
    assert kept == [loaded + " Typed in the app."]

    # More typing waits for the writer's choice: still nothing overwritten.
    type_at_end(qtbot, editor, " More.")
    window.note_workspace.flush()
    assert stored_summary(window.lib, note_id) == CLI_TEXT

    banner.show_differences()
    assert banner.diff_dialog is not None
    assert "Typed in the app" in banner.diff_dialog.findChild(QTextBrowser).toPlainText()
    banner.diff_dialog.close()

    banner.keep_mine_button.click()
    assert stored_summary(window.lib, note_id) == loaded + " Typed in the app. More."
    assert not banner.isVisible()
    # The command line's text is kept as a version before it was replaced.
    bodies = [s["body"] for v in window.lib.versions.all(note_id) for s in v.sections]
    assert CLI_TEXT in bodies


def test_use_theirs_shows_the_other_text_and_keeps_the_typed_one_as_a_version(
    qtbot: QtBot, complete: MainWindow, other: Library
) -> None:
    window = complete
    note_id, editor = open_demo_note(window)
    other.notes.set_section(note_id, "summary", CLI_TEXT)
    type_at_end(qtbot, editor, " Mine.")
    window.note_workspace.flush()
    typed = editor.body()

    window.note_workspace.conflicts.use_theirs_button.click()

    assert editor.body() == CLI_TEXT
    assert stored_summary(window.lib, note_id) == CLI_TEXT
    assert not window.note_workspace.conflicts.isVisible()
    bodies = [s["body"] for v in window.lib.versions.all(note_id) for s in v.sections]
    assert typed in bodies
    window.note_workspace.flush()  # nothing more to save: theirs stays
    assert stored_summary(window.lib, note_id) == CLI_TEXT


def test_a_section_changed_elsewhere_shows_after_a_poll_when_not_being_edited(
    qtbot: QtBot, complete: MainWindow, other: Library
) -> None:
    window = complete
    note_id, editor = open_demo_note(window)
    window.outside.start()
    other.notes.set_section(note_id, "summary", CLI_TEXT)

    changes = window.outside.poll()

    assert note_id in changes.notes
    assert editor.body() == CLI_TEXT


def test_claims_added_elsewhere_appear_in_the_claims_table_after_a_poll(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    shown = window.claims_panel.model.total()
    window.outside.start()
    source = other.sources.all()[0]
    added = other.claims.add(source.id, start=0, end=20)

    window.outside.poll()

    assert window.claims_panel.model.total() == shown + 1
    assert window.claims_panel.model.position_of(added.id) is not None


def test_a_poll_with_no_outside_change_refreshes_nothing(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    heard: list[Changes] = []
    window.outside.start()
    window.lib.subscribe(heard.append)
    window.sources.select_claim(1)
    window.inspector.party.setText("Own edit")
    window.inspector.party.editingFinished.emit()  # this window's own write
    heard.clear()

    assert not window.outside.poll()
    assert not window.outside.poll()
    assert heard == []


def test_an_inspector_edit_over_a_value_changed_elsewhere_keeps_both(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    window.outside.start()
    window.sources.select_claim(1)
    inspector = window.inspector
    other.claims.update(1, party="Set elsewhere")

    inspector.party.setText("Typed here")
    inspector.party.editingFinished.emit()

    assert window.lib.claims.get(1).party == "Set elsewhere"
    assert "changed elsewhere" in window.statusBar().currentMessage()
    assert "Set elsewhere" in window.statusBar().currentMessage()
    assert 1 in window.outside.poll().claims  # the refresh does not wipe what was typed
    assert inspector.party.text() == "Typed here"

    inspector.party.editingFinished.emit()  # confirmed again: it replaces the other value
    assert window.lib.claims.get(1).party == "Typed here"


def test_a_source_field_edited_elsewhere_is_not_overwritten_from_the_panel(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    window.outside.start()
    panel = window.source_panel
    assert panel.source is not None
    source_id = panel.source.id
    other.sources.update(source_id, outlet="Set elsewhere")

    panel.edits["outlet"].setText("Typed here")
    panel.edits["outlet"].editingFinished.emit()

    assert window.lib.sources.get(source_id).outlet == "Set elsewhere"
    assert "changed elsewhere" in window.statusBar().currentMessage()
    assert source_id in window.outside.poll().sources  # nor here
    assert panel.edits["outlet"].text() == "Typed here"
    panel.edits["outlet"].editingFinished.emit()
    assert window.lib.sources.get(source_id).outlet == "Typed here"


def test_a_claim_changed_elsewhere_while_the_window_starts_shows_once_it_has_painted(
    qtbot: QtBot, demo_lib: Library, other: Library
) -> None:
    # The window reads the library before it shows, and first polls after its first paint:
    # a commit in between must still reach the views, and only what it changed reloads.
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    heard = outside_changes_heard(window)
    claim = other.claims.by_key("C7")
    assert claim is not None
    assert window.reader.source_id == claim.source_id
    new_kind = "denial" if claim.kind != "denial" else "allegation"
    other.claims.update(claim.id, kind=new_kind)
    window.show()

    def kind_painted() -> str:
        # The demo text is all in the BMP: core offsets are Qt positions.
        spans = window.reader.highlighter.spans_at(claim.start)
        return next(kind for claim_id, _start, _end, kind in spans if claim_id == claim.id)

    qtbot.waitUntil(lambda: kind_painted() == new_kind)
    qtbot.waitUntil(lambda: window.outside.started)
    assert [(c.claims, c.sources, c.notes) for c in heard] == [({claim.id}, set(), set())]


def test_an_import_by_the_window_is_announced_once_not_again_by_the_poll(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.outside.start()
    heard: list[Changes] = []
    window.lib.subscribe(heard.append)
    path = write_fixture(tmp_path / "in" / "strike.txt", "Port strike\n\nDockers stopped work.")
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        window.imports.import_paths([path])
    source_id = done.args[0].by_status("imported")[0].source_id

    assert announcements_of_source(heard, source_id) == 1  # when the import ended
    assert not window.outside.poll()  # its commits were the window's own
    assert announcements_of_source(heard, source_id) == 1


def test_a_commit_elsewhere_while_the_window_imports_is_still_shown(
    qtbot: QtBot, window: MainWindow, other: Library, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window.outside.start()
    window.sources.select_claim(1)
    heard = outside_changes_heard(window)
    real_import = import_dialog.import_paths

    def import_then_other_process_commits(*args: object, **kwargs: object) -> object:
        summary = real_import(*args, **kwargs)  # type: ignore[arg-type]
        other.claims.update(1, party="Set elsewhere")  # before the window polls again
        return summary

    monkeypatch.setattr(import_dialog, "import_paths", import_then_other_process_commits)
    path = write_fixture(tmp_path / "in" / "strike.txt", "Port strike\n\nDockers stopped work.")
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        window.imports.import_paths([path])
    source_id = done.args[0].by_status("imported")[0].source_id
    window.sources.select_claim(1)

    changes = window.outside.poll()
    assert changes.claims == {1}  # the other process's edit, not the import's source again
    assert source_id not in changes.sources
    assert window.inspector.party.text() == "Set elsewhere"
    assert not window.outside.poll()
    assert len(heard) == 1


def test_a_note_set_on_the_command_line_after_a_window_task_shows_once(
    qtbot: QtBot, complete: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    window = complete
    note_id, editor = open_demo_note(window)
    window.outside.start()
    heard = outside_changes_heard(window)
    task = window.tasks.run(window.lib, lambda lib: lib.claims.update(1, party="From a task"))
    finished(qtbot, task)
    text_file = tmp_path / "summary.md"
    text_file.write_text(CLI_TEXT, encoding="utf-8")
    result = briefing(
        "note", "set", str(note_id), "summary", "--file", str(text_file), library=library_path
    )
    assert result.returncode == 0, result.stderr

    changes = window.outside.poll()
    assert (changes.notes, changes.claims) == ({note_id}, set())
    assert editor.body() == CLI_TEXT
    assert len(heard) == 1


def test_the_windows_own_commit_before_its_first_paint_reloads_nothing(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    heard: list[Changes] = []
    window.lib.subscribe(heard.append)
    claim = demo_lib.claims.by_key("C7")
    assert claim is not None
    # A background task started as the window opens commits before the first paint.
    task = window.tasks.run(window.lib, lambda lib: lib.claims.update(claim.id, party="Early"))
    window.show()
    finished(qtbot, task)
    qtbot.waitUntil(lambda: window.outside.started)

    assert not window.outside.poll()
    assert [c.claims for c in heard] == [{claim.id}]  # the task's own announcement, once
    assert not any(c.origin == OUTSIDE for c in heard)
    window.sources.select_claim(claim.id)
    assert window.inspector.party.text() == "Early"


def test_a_backup_restored_on_the_command_line_closes_a_note_it_took_away(
    qtbot: QtBot, complete: MainWindow, library_path: Path
) -> None:
    window = complete
    workspace = window.note_workspace
    first = workspace.note
    assert first is not None
    assert briefing("backup", "make", library=library_path).returncode == 0
    later = window.lib.notes.create("Written after the backup", "sitrep", [("summary", "Summary")])
    workspace.open_note_tab(later.id)
    window.outside.start()

    restored = briefing("backup", "restore", "1", "--yes", library=library_path)
    window.outside.poll()

    assert restored.returncode == 0, restored.stderr
    # The note the backup does not hold is no longer open to type into (and lose).
    assert workspace.note is not None and workspace.note.id == first.id
    assert workspace.editor.editor("summary") is not None
    assert [n.title for n in window.lib.notes.headers()] == [first.title]
    # Undo steps refer to records as they were before the restore, as after File ▸ Restore.
    assert not window.undo_action.isEnabled()


def test_a_backup_restored_on_the_command_line_closes_a_source_it_took_away(
    qtbot: QtBot, complete: MainWindow, library_path: Path
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    window = complete
    assert briefing("backup", "make", library=library_path).returncode == 0
    later = window.lib.sources.add(ExtractedDocument(title="Imported later", text="A later text."))
    claim = window.lib.claims.add(later.id, start=0, end=7)
    window.sources.open_source(later.id)
    window.sources.select_claim(claim.id)
    window.outside.start()

    briefing("backup", "restore", "1", "--yes", library=library_path)
    window.outside.poll()

    # The reader goes back to a source the restored library holds (the one read before).
    assert window.sources.current_source_id != later.id
    assert window.sources.current_source_id in {s.id for s in window.lib.sources.all()}
    assert "A later text." not in window.sources.reader.toPlainText()
    assert window.sources.selected is None
    assert window.sources.library_panel.model.rowCount() == 1
    assert window.claims_panel.model.position_of(claim.id) is None
