"""The workspace driven like an analyst would: tag, undo, import, filter, sort, delete tags."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.sources.imports import local_urls
from tests.conftest import write_fixture


def select_in_reader(window: MainWindow, start: int, end: int) -> None:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def test_ctrl_t_anchors_a_claim_at_the_selection_and_undo_redo_work(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    text = window.reader.toPlainText()
    start = text.index("420-kilometer border")
    end = start + len("420-kilometer border")
    before = demo_lib.claims.count()
    window.reader.setFocus()
    select_in_reader(window, start, end)

    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

    assert demo_lib.claims.count() == before + 1
    claim = window.inspector.claim
    assert claim is not None
    assert (claim.start, claim.end, claim.quote) == (start, end, "420-kilometer border")
    assert window.claims_panel.current_claim_id() == claim.id
    assert window.undo_action.text() == f"&Undo Tag claim {claim.key}"

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_lib.claims.by_key(claim.key) is None
    assert window.claims_panel.model.position_of(claim.id) is None
    assert window.reader.claims_at(start) == []

    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    restored = demo_lib.claims.by_key(claim.key)
    assert restored is not None
    assert (restored.id, restored.start, restored.end) == (claim.id, start, end)
    assert window.reader.claims_at(start) == [claim.id]


def test_inspector_edits_are_saved_and_undoable(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    window.sources.select_claim(1)
    inspector = window.inspector
    inspector.party.setText("Ministry of Foreign Affairs of China")
    inspector.party.editingFinished.emit()
    assert demo_lib.claims.get(1).party == "Ministry of Foreign Affairs of China"

    inspector.tags.setText("actor:China, topic:Brand new tag")
    inspector.tags.editingFinished.emit()
    assert "Brand new tag" in demo_lib.claims.get(1).tags
    assert demo_lib.tags.by_name("Brand new tag") is not None
    assert window.undo_action.text() == "&Undo Tag C1"

    window.undo_stack.undo()
    window.undo_stack.undo()
    claim = demo_lib.claims.get(1)
    assert claim.party == "Government of China"
    assert "Brand new tag" not in claim.tags
    assert inspector.party.text() == "Government of China"


def test_grading_a_source_in_the_source_panel_is_undoable(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    panel = window.source_panel
    panel.reliability.setCurrentIndex(panel.reliability.findData("B"))
    panel.reliability.activated.emit(panel.reliability.currentIndex())
    assert demo_lib.sources.get(1).reliability == "B"
    assert window.library_panel.model.row(0).reliability == "B"
    window.undo_stack.undo()
    assert demo_lib.sources.get(1).reliability == "F"


def test_dropping_a_file_imports_it_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    path = write_fixture(
        tmp_path / "drop" / "ceasefire.txt", "Ceasefire talks\n\nBoth sides said talks went well."
    )
    bad = write_fixture(tmp_path / "drop" / "broken.xyz", "not an article")
    mime = QMimeData()
    mime.setUrls(local_urls([path, bad]))
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton)
    enter = QDragEnterEvent(QPoint(200, 200), *args, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    # Delivered straight to the handlers: offscreen Qt has no drag manager to route them.
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), *args, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as blocker:
        window.dropEvent(drop)
    summary = blocker.args[0]
    assert [o.status for o in summary.outcomes] == ["imported", "failed"]
    titles = [window.library_panel.model.row(i).title for i in range(2)]
    assert "Ceasefire talks" in titles
    assert demo_lib.sources.count() == 2
    assert "failed" in window.statusBar().currentMessage()

    window.undo_stack.undo()
    assert demo_lib.sources.count() == 1
    assert window.library_panel.model.rowCount() == 1
    window.undo_stack.redo()
    assert demo_lib.sources.count() == 2


def test_filter_box_narrows_the_library_list(qtbot: QtBot, demo_lib: Library) -> None:
    demo_lib.sources.add(ExtractedDocument(title="Grain exports", text="Wheat shipments rose."))
    demo_lib.sources.add(ExtractedDocument(title="Port strike", text="Dockers stopped work."))
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    panel = window.library_panel
    assert panel.model.rowCount() == 3

    qtbot.keyClicks(panel.filter_edit, "wheat")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.row(0).title == "Grain exports"

    panel.filter_edit.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)


def test_claims_table_sorts_and_filters(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    panel = window.claims_panel
    model = panel.model
    assert model.rowCount() == demo_lib.claims.count()

    party_column = [c[0] for c in model.columns].index("Party")
    panel.view.sortByColumn(party_column, Qt.SortOrder.AscendingOrder)
    parties = [model.row(i).party for i in range(model.rowCount())]
    named = [p for p in parties if p]
    assert named == sorted(named, key=str.casefold)

    panel.view.sortByColumn(party_column, Qt.SortOrder.DescendingOrder)
    parties = [p for p in (model.row(i).party for i in range(model.rowCount())) if p]
    assert parties == sorted(parties, key=str.casefold, reverse=True)

    panel.set_filter_value(panel.kind_filter, "denial")
    denials = demo_lib.claims.all(ClaimFilter(kind="denial"))
    assert model.rowCount() == len(denials) > 0
    assert {model.row(i).kind for i in range(model.rowCount())} == {"denial"}
    assert "of" in panel.count_label.text()

    panel.set_filter_value(panel.kind_filter, None)
    panel.set_filter_value(panel.party_filter, "Taliban administration")
    expected = {c.id for c in demo_lib.claims.all(ClaimFilter(party="Taliban administration"))}
    assert set(model.ids()) == expected

    panel.set_filter_value(panel.party_filter, None)
    panel.set_filter_value(panel.tag_filter, "Khatlon")
    expected = {c.id for c in demo_lib.claims.all(ClaimFilter(tag="Khatlon"))}
    assert set(model.ids()) == expected and expected


def test_a_selection_dragged_into_the_middle_of_words_tags_the_whole_words(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    # Walk: a drag that stopped two letters into "strandings" made a claim quoting "marine st".
    text = window.reader.toPlainText()
    words = "several armed individuals used firearms"
    start = text.index(words)
    window.reader.setFocus()
    select_in_reader(window, start + 3, start + len(words) - 4)

    window.tag_action.trigger()

    claim = window.inspector.claim
    assert claim is not None and claim.quote == words
    assert window.inspector.quote.text() == f"“{words}”"


def test_deleting_a_tag_keeps_its_claims(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    tags = window.library_panel.tags
    tag = demo_lib.tags.by_name("Taliban")
    assert tag is not None and tag.claim_count > 0
    row = next(
        i for i in range(tags.count()) if tags.item(i).data(Qt.ItemDataRole.UserRole) == tag.id
    )
    claims_before = demo_lib.claims.count()
    tagged = [c.id for c in demo_lib.claims.all(ClaimFilter(tag="Taliban"))]
    tags.setCurrentRow(row)
    tags.setFocus()
    window.library_panel.delete_tag_action.trigger()

    assert demo_lib.tags.by_name("Taliban") is None
    assert demo_lib.claims.count() == claims_before
    assert window.claims_panel.model.rowCount() == claims_before
    assert all("Taliban" not in demo_lib.claims.get(i).tags for i in tagged)
    assert all("Taliban" not in t.text() for t in map(tags.item, range(tags.count())))

    window.undo_stack.undo()
    assert all("Taliban" in demo_lib.claims.get(i).tags for i in tagged)


def test_clicking_a_highlight_selects_its_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    claim = demo_lib.claims.get(4)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(claim.start + 2)
    reader.ensureCursorVisible()
    reader.setTextCursor(cursor)
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.inspector.claim is not None
    assert window.inspector.claim.id == claim.id
    assert window.claims_panel.current_claim_id() == claim.id
    assert claim.key in window.sources.describe_claim(claim.id)


def test_double_clicking_a_claim_shows_it_in_its_source(qtbot: QtBot, demo_lib: Library) -> None:
    other = demo_lib.sources.add(ExtractedDocument(title="Other", text="Officials said: none."))
    demo_lib.claims.add(other.id, quote="none", party="Officials")
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.sources.open_source(other.id)
    claim = demo_lib.claims.get(6)
    view = window.claims_panel.view
    model = window.claims_panel.model
    index = model.index(model.position_of(claim.id), 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # A press first: QTest's double click alone does not set the view's pressed index.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.sources.current_source_id == claim.source_id
    assert window.reader.selection_span() == (claim.start, claim.end)
    assert window.inspector.claim is not None and window.inspector.claim.id == claim.id


def test_files_dropped_on_a_text_field_are_imported_not_pasted(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    path = write_fixture(tmp_path / "note.txt", "Port strike\n\nDockers stopped work.")
    mime = QMimeData()
    mime.setUrls(local_urls([path]))
    mime.setText(str(path))
    field = window.library_panel.filter_edit
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000):
        assert window.imports.eventFilter(field, drop)
    assert field.text() == ""
    assert demo_lib.sources.count() == 2


def test_closing_the_window_during_an_import_stops_it_cleanly(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    files = [write_fixture(tmp_path / f"many/{n}.txt", f"Item {n}\n\nText {n}.") for n in range(30)]
    dialog = window.imports.import_paths([tmp_path / "many"])
    window.close()
    # Closing cancelled the import and waited for the worker: nothing runs on.
    assert dialog.task.cancelled and window.tasks.pool.activeThreadCount() == 0
    qtbot.waitUntil(lambda: not window.imports.imports)
    assert demo_lib.sources.count() <= 1 + len(files)


def test_go_to_reader_brings_the_reader_forward_and_tagging_needs_it(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library
) -> None:
    reader = complete.reader
    cursor = reader.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(20, cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    claims = demo_lib.claims.count()
    qtbot.keyClick(complete, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert complete.workspace_tabs.currentWidget() is complete.note_workspace
    complete.tag_action.trigger()  # Ctrl+T while writing the note
    assert demo_lib.claims.count() == claims
    assert "Reader" in complete.statusBar().currentMessage()
    qtbot.keyClick(complete, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert reader.isVisible() and reader.hasFocus()


def test_tab_moves_on_from_the_sources_and_claims_tables(
    complete: MainWindow, qtbot: QtBot
) -> None:
    for view in (complete.library_panel.view, complete.claims_panel.view):
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not view


def test_an_import_opens_its_first_source_and_lists_duplicates_in_its_summary(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    first = write_fixture(tmp_path / "in" / "a.txt", "Grain exports\n\nWheat shipments rose.")
    second = write_fixture(tmp_path / "in" / "b.txt", "Port strike\n\nDockers stopped work.")
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000):
        window.imports.import_paths([first, second])
    assert window.reader.source_text().endswith("Wheat shipments rose.")  # the first file
    assert window.workspace_tabs.currentWidget() is window.reader_page
    assert window.imports.summary_box is None  # nothing to report beyond the status bar

    again = write_fixture(tmp_path / "again" / "b copy.txt", "Port strike\n\nDockers stopped work.")
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000):
        window.imports.import_paths([again])
    box = window.imports.summary_box
    assert box is not None
    assert "Already in the library: b copy.txt." in box.informativeText()
    assert "b copy.txt: duplicate" in box.detailedText()
    box.close()
