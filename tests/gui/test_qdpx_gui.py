"""REFI-QDA projects (.qdpx) from the window: File ▸ Export ▸ REFI-QDA project, and import."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.core.qdpx.writer import export_project
from briefing_app.gui.dialogs import file_dialogs
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.sources.imports import local_urls
from tests.core.qdpx.projects import Sel, Src, span, write_project
from tests.core.records.library_dump import dump
from tests.gui.conftest import finished
from tests.qdpx_project import read_project

TEXT = "Officials said three workers died in Khatlon on 3 May.\n"


@pytest.fixture
def fresh(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """A window on a new, empty library in a real file."""
    lib = Library.open(tmp_path / "fresh.sqlite")
    win = MainWindow(lib)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.is_complete)
    yield win
    win.close()
    win.lib.close()


@pytest.fixture
def demo_project(demo_lib: Library, tmp_path: Path) -> Path:
    """The demo library exported as a .qdpx, as the CLI writes it."""
    return export_project(demo_lib, tmp_path / "demo.qdpx").path


def export_from_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, choice: str, name: Path
) -> list[str]:
    """Pick File ▸ Export ▸ REFI-QDA project, answering the dialogs; return the scopes offered."""
    offered: list[str] = []

    def get_item(*args: object) -> tuple[str, bool]:
        labels = args[3]
        assert isinstance(labels, list)
        offered.extend(labels)
        return choice, True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(name), ""))
    (action,) = [a for a in window.export_menu.actions() if "REFI-QDA" in a.text()]
    with qtbot.waitSignal(window.project_export.exported, timeout=20_000):
        action.trigger()
    return offered


def drop(window: MainWindow, path: Path) -> None:
    """Drag a file from the file manager and drop it on the window."""
    mime = QMimeData()
    mime.setUrls(local_urls([path]))
    at = QPoint(10, 10)
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, action, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDragMoveEvent(at, action, mime, buttons, keys))
    QApplication.sendEvent(window, QDropEvent(at.toPointF(), action, mime, buttons, keys))


def test_export_from_the_file_menu_writes_a_valid_project(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = complete.lib
    # "khatlon" without a suffix: the file gets .qdpx.
    offered = export_from_menu(
        qtbot, complete, monkeypatch, "The whole library", tmp_path / "khatlon"
    )

    # The demo opens its note and its source: either can be exported alone instead.
    assert offered == [
        "The whole library",
        "The open note and the sources it cites",
        "The source open in the reader",
    ]
    project = read_project(tmp_path / "khatlon.qdpx")  # valid against the REFI-QDA schema
    assert len(project.all("//q:TextSource")) == lib.sources.count()
    assert len(project.all("//q:PlainTextSelection")) == lib.claims.count()
    message = complete.statusBar().currentMessage()
    assert message.startswith("Wrote khatlon.qdpx: 1 source, ")  # the demo has one source
    # The demo's key question and its matrix have no place in the format: the user is told so.
    dialog = complete.project_export.left_out_dialog
    assert dialog is not None and dialog.isVisible()
    assert (
        "1 key question, with its ACH matrix (3 hypotheses, 15 ratings) and 1 key assumption: "
        "REFI-QDA has no place for them"
    ) in dialog.details.toPlainText()


def test_the_export_chooser_opens_where_the_last_file_was_chosen_not_beside_the_library(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The walk: the claims table and Zotero exports opened in the folder of the article just
    # imported, the REFI-QDA export in the library's own folder (its backups beside it).
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    file_dialogs.remember_folder(inbox / "followup.html")
    suggested: list[str] = []

    def save_file_name(parent: object, caption: str, directory: str, *rest: object) -> Any:
        suggested.append(directory)
        return "", ""

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("The whole library", True))
    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)
    (action,) = [a for a in complete.export_menu.actions() if "REFI-QDA" in a.text()]
    action.trigger()

    chooser = file_dialogs.file_chooser(None, "Export", suggested[0], save=True)
    assert Path(chooser.directory().absolutePath()) == inbox
    assert complete.lib.path is not None
    assert chooser.selectedFiles() == [str(inbox / f"{complete.lib.path.stem}.qdpx")]
    chooser.deleteLater()


def test_export_of_the_open_note_holds_that_note_and_its_sources(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = complete.note_workspace
    note = ws.note
    assert note is not None, "the demo opens its note"
    choice = "The open note and the sources it cites"
    offered = export_from_menu(qtbot, complete, monkeypatch, choice, tmp_path / "note.qdpx")

    assert choice in offered
    project = read_project(tmp_path / "note.qdpx")
    assert [n.get("name") for n in project.all("/q:Project/q:Notes/q:Note")] == [note.title]


def test_a_failed_export_says_why_in_one_line(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "out.qdpx"
    task = finished(
        qtbot, complete.project_export.export(complete.project_export.scopes()[0], target)
    )

    assert task.error is not None and not target.exists()
    message = complete.statusBar().currentMessage()
    assert message.startswith("⚠ The project was not exported: ") and "\n" not in message


def test_dropping_a_project_imports_it_with_a_report_and_one_undo_step(
    qtbot: QtBot, fresh: MainWindow, demo_lib: Library, demo_project: Path
) -> None:
    lib = fresh.lib
    with qtbot.waitSignal(fresh.imports.projects.imported, timeout=20_000) as imported:
        drop(fresh, demo_project)
    report = imported.args[0]

    assert lib.sources.count() == demo_lib.sources.count()
    assert lib.claims.count() == demo_lib.claims.count()
    assert sorted(n.title for n in lib.notes.all()) == sorted(n.title for n in demo_lib.notes.all())
    # The report is shown, its text can be copied whole.
    dialog = fresh.imports.projects.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert report.kept["sources"] == 1
    assert dialog.text().startswith("Imported demo.qdpx: 1 source, ")
    dialog.copy()
    assert QApplication.clipboard().text() == dialog.text()
    # The first imported source is open in the reader, its claims in the table.
    first = report.created.source_ids[0]
    assert fresh.sources.current_source_id == first
    assert fresh.reader.toPlainText() == lib.sources.get(first).text
    assert fresh.claims_panel.model.rowCount() == lib.claims.count()

    # One Undo takes the whole import back; Redo brings it back with the same ids.
    assert fresh.undo_stack.count() == 1
    assert fresh.undo_action.text().endswith("Import demo.qdpx")
    fresh.undo_action.trigger()
    assert (lib.sources.count(), lib.claims.count(), lib.notes.all()) == (0, 0, [])
    assert fresh.claims_panel.model.rowCount() == 0
    fresh.redo_action.trigger()
    assert [s.id for s in lib.sources.all()] == report.created.source_ids
    assert lib.claims.count() == demo_lib.claims.count()
    assert fresh.claims_panel.model.rowCount() == lib.claims.count()


def test_importing_the_same_project_again_adds_nothing_and_no_undo_step(
    qtbot: QtBot, fresh: MainWindow, demo_project: Path
) -> None:
    projects = fresh.imports.projects
    finished(qtbot, projects.import_project(demo_project))
    before = dump(fresh.lib)

    with qtbot.waitSignal(projects.imported, timeout=20_000) as again:
        projects.import_project(demo_project)

    assert dump(fresh.lib) == before
    assert again.args[0].kept["sources already here"] == 1
    assert fresh.undo_stack.count() == 1  # the first import only
    assert projects.report_dialog is not None and "1 source already here" in (
        projects.report_dialog.text()
    )
    assert "User" not in projects.report_dialog.text()  # our own export's user is understood


def test_a_vendor_project_chosen_in_file_import_reports_what_was_discarded(
    qtbot: QtBot, fresh: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quote = "three workers died"
    path = write_project(
        tmp_path / "qualcoder.qdpx",
        [
            Src(
                "Report",
                TEXT,
                [
                    Sel(*span(TEXT, quote), name=quote),
                    Sel(5, 9, name="words that are not in the report"),
                ],
            )
        ],
        others=[
            '<PDFSource guid="11111111-2222-3333-4444-555555555555" name="Scan" '
            'path="internal://11111111-2222-3333-4444-555555555555.pdf"/>'
        ],
    )
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(path)])
    with qtbot.waitSignal(fresh.imports.projects.imported, timeout=20_000):
        fresh.import_action.trigger()

    assert [c.quote for c in fresh.lib.claims.all()] == [quote]
    dialog = fresh.imports.projects.report_dialog
    assert dialog is not None
    text = dialog.details.toPlainText()
    assert "discarded selection 'words that are not in the report'" in text
    assert "discarded source 'Scan'" in text


def test_a_hostile_project_is_refused_in_one_line_and_changes_nothing(
    qtbot: QtBot, complete: MainWindow, tmp_path: Path
) -> None:
    lib = complete.lib
    path = write_project(
        tmp_path / "slip.qdpx", [Src("Report", TEXT, [Sel(*span(TEXT, "three workers"))])]
    )
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("../../evil.txt", "owned")
    before = dump(lib)

    task = finished(qtbot, complete.imports.projects.import_project(path))

    assert task.error is not None
    message = complete.statusBar().currentMessage()
    assert message.startswith("⚠ Nothing was imported: slip.qdpx") and "\n" not in message
    assert "points outside the project folder" in message
    assert dump(lib) == before
    assert complete.undo_stack.count() == 0
    assert complete.imports.projects.report_dialog is None


def test_cancel_stops_the_import_and_adds_nothing(
    qtbot: QtBot, fresh: MainWindow, demo_project: Path
) -> None:
    # Hold the window's worker so the import is cancelled before it starts writing.
    release = threading.Event()
    blocker = fresh.tasks.run(fresh.lib, lambda _lib: release.wait(20))
    task = fresh.imports.projects.import_project(demo_project)
    (progress,) = fresh.imports.projects.progress_dialogs
    progress.findChild(QPushButton).click()  # its Cancel button
    release.set()
    finished(qtbot, blocker)
    finished(qtbot, task)

    assert "cancelled; nothing was added" in task.message
    assert fresh.imports.projects.progress_dialogs == []
    assert (fresh.lib.sources.count(), fresh.undo_stack.count()) == (0, 0)
