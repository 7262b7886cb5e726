"""Controllers work through the narrow services interface alone: no main window needed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.backup.controller import BackupController
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.notes.note_workspace import NoteWorkspace
from briefing_app.gui.services import Services
from briefing_app.gui.sources.controller import SourcesController
from briefing_app.gui.tasks import TaskRunner


class FakeServices(Services):
    """Records what a controller asks of its window; runs commands on its own undo stack."""

    def __init__(self) -> None:
        self.stack = QUndoStack()
        self.errors: list[str] = []
        self.statuses: list[str] = []
        self.claims_shown: list[int] = []
        self.forward: list[QWidget] = []
        self.parent = QWidget()

    def execute(self, command: LibraryCommand) -> bool:
        command.execute()
        self.stack.push(command)
        return True

    def record(self, command: QUndoCommand) -> None:
        self.stack.push(command)

    def forget_history(self) -> None:
        self.stack.clear()

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def clear_error(self) -> None:
        self.errors.clear()

    def show_status(self, message: str, ms: int = 4000) -> None:
        self.statuses.append(message)

    def show_claim(self, claim_id: int) -> None:
        self.claims_shown.append(claim_id)

    def go_to_note_place(self, note_id: int, section_key: str, start: int, end: int) -> None:
        raise AssertionError("not asked for here")

    def after_first_paint(self, action: Callable[[], None]) -> None:
        action()

    def dialog_parent(self) -> QWidget:
        return self.parent

    def bring_forward(self, widget: QWidget) -> None:
        self.forward.append(widget)

    def route_file_drops(self) -> None:
        pass


def test_the_sources_controller_navigates_and_tags_through_its_services(
    qtbot: QtBot, demo_lib: Library
) -> None:
    services = FakeServices()
    sources = SourcesController(services, demo_lib)
    qtbot.addWidget(sources.reader)
    sources.attach(demo_lib)
    sources.reader.show()  # on screen by itself: no window, no tabs
    qtbot.waitExposed(sources.reader)
    claim = demo_lib.claims.all()[0]

    sources.show_claim(claim.id)
    assert services.forward == [sources.reader]  # the reader's tab is brought forward
    assert sources.reader.selection_span() == (claim.start, claim.end)
    assert sources.inspector.claim is not None and sources.inspector.claim.id == claim.id

    before = demo_lib.claims.count()
    sources.reader.select_span(0, 5)
    sources.tag_selection()
    assert demo_lib.claims.count() == before + 1
    services.stack.undo()  # the tag went on the undo stack the services hold
    assert demo_lib.claims.count() == before

    sources.open_source(10_000)
    assert services.errors and "10000" in services.errors[-1]


def test_a_citation_in_the_preview_asks_the_services_to_show_its_claim(
    qtbot: QtBot, demo_lib: Library
) -> None:
    services = FakeServices()
    workspace = NoteWorkspace(services, demo_lib, TaskRunner())
    qtbot.addWidget(workspace)
    workspace.attach(demo_lib)
    claim = demo_lib.claims.all()[0]

    workspace.follow_link(QUrl(f"briefing:claim/{claim.key}"))
    assert services.claims_shown == [claim.id]
    workspace.follow_link(QUrl("https://example.org/"))
    assert services.statuses[-1] == "Links are not opened: https://example.org/"
    workspace.stop()


def test_restoring_a_backup_forgets_the_undo_history_through_the_services(
    qtbot: QtBot, demo_lib: Library
) -> None:
    from briefing_app.core.storage.backup import list_backups, make_backup

    assert demo_lib.path is not None
    make_backup(demo_lib.path)
    services = FakeServices()
    services.record(QUndoCommand("an earlier step"))
    backups = BackupController(services, demo_lib, TaskRunner())
    count = demo_lib.claims.count()
    demo_lib.claims.delete(demo_lib.claims.all()[0].id)

    assert backups.restore_backup(list_backups(demo_lib.path)[0])
    assert demo_lib.claims.count() == count
    assert services.stack.count() == 0  # its steps referred to records before the restore
    assert services.statuses and "Restored" in services.statuses[-1]
