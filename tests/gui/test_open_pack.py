"""Opening a .briefpack from the file manager (`briefing note.briefpack`) imports it in the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.core.review.packs import export_pack
from briefing_app.gui.main_window import MainWindow
from briefing_app.launch import split_open_files


def window_on(library: Path) -> MainWindow:
    """Return the main window the app opened on library."""
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.lib.path == library
    )


def test_only_files_without_a_command_are_opened(tmp_path: Path) -> None:
    pack = tmp_path / "n.briefpack"
    pack.write_bytes(b"PK")
    assert split_open_files([str(pack)]) == ([], [pack])
    assert split_open_files(["--library", "x.sqlite", str(pack)]) == (
        ["--library", "x.sqlite"],
        [pack],
    )
    command = ["pack", "import", str(pack)]
    assert split_open_files(command) == (command, [])


def test_the_app_imports_packages_it_is_given(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui import app as gui_app

    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.briefpack")
    target = tmp_path / "receiver.sqlite"
    Library.open(target).close()
    imported: list[int] = []

    def fake_exec() -> int:
        window = window_on(target)
        qtbot.waitUntil(lambda: window.lib.notes.all() != [])
        imported.extend(n.id for n in window.lib.notes.all())
        window.close()
        window.lib.close()
        return 0

    monkeypatch.setattr(gui_app.application(), "exec", fake_exec)
    assert gui_app.run(target, [pack]) == 0
    assert imported == [1]


def test_the_backup_on_open_holds_the_library_as_it_was_before_the_package_merged(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument
    from briefing_app.core.storage.backup import list_backups
    from briefing_app.gui import app as gui_app

    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.briefpack")
    target = tmp_path / "receiver.sqlite"
    receiver = Library.open(target)
    receiver.sources.add(ExtractedDocument(title="Own source", text="Our own text."))
    receiver.close()

    def fake_exec() -> int:
        window = window_on(target)
        qtbot.waitUntil(lambda: window.lib.notes.all() != [])
        window.close()
        window.lib.close()
        return 0

    monkeypatch.setattr(gui_app.application(), "exec", fake_exec)
    assert gui_app.run(target, [pack]) == 0
    backups = list_backups(target)
    assert len(backups) == 1
    backup = Library.open(backups[0].path, create=False, backup=False)
    # The way back from an unwanted merge: the copy has the receiver's source, not the note.
    assert backup.sources.count() == 1 and backup.notes.all() == []
    backup.close()


def test_a_bad_package_opened_from_the_file_manager_shows_a_dialog_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from PySide6.QtWidgets import QMessageBox

    from briefing_app.gui import app as gui_app
    from tests.reliability.hostile_packs import forge, sample_pack

    # The note's sections as a string: this ended in a TypeError logged with its traceback.
    bad = forge(
        sample_pack(), tmp_path / "bad.briefpack", lambda m: m["note.json"].update(sections="x")
    )
    target = tmp_path / "receiver.sqlite"
    Library.open(target).close()
    shown: list[str] = []

    def fake_exec() -> int:
        window = window_on(target)

        def boxes() -> list[QMessageBox]:
            return [b for b in window.findChildren(QMessageBox) if b.isVisible()]

        qtbot.waitUntil(lambda: boxes() != [])
        shown.extend(b.text() for b in boxes())
        assert window.lib.notes.all() == [] and window.lib.sources.count() == 0
        window.close()
        window.lib.close()
        return 0

    monkeypatch.setattr(gui_app.application(), "exec", fake_exec)
    with caplog.at_level(logging.WARNING):
        assert gui_app.run(target, [bad]) == 0
    assert len(shown) == 1
    assert shown[0].startswith("bad.briefpack: the note: 'sections'")
    assert "\n" not in shown[0]
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
