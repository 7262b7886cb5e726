"""Reference libraries and tables in the app: a Zotero export in, the claims table out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.sources.table_export import TableExportFiles, TableExportTarget
from tests.gui.conftest import finished


def test_export_table_writes_the_filtered_claims_to_xlsx(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    lib = window.lib
    claims = lib.claims.all()
    assert len(claims) > 1
    party = claims[0].party
    expected = [c.key for c in claims if c.party.casefold() == party.casefold()]
    panel = window.sources.claims_panel
    qtbot.waitUntil(lambda: panel.party_filter.count() > 1)
    panel.set_filter_value(panel.party_filter, party)
    target = TableExportTarget(tmp_path / "claims.xlsx", "xlsx")
    monkeypatch.setattr(TableExportFiles, "ask", classmethod(lambda cls, parent: target))
    assert window.table_export.action.isEnabled()
    assert window.table_export.action in panel.context_actions  # right-click on the table
    with qtbot.waitSignal(window.table_export.exported) as written:
        window.table_export.action.trigger()
    assert written.args == [len(expected)]
    sheet = load_workbook(target.path).active
    assert sheet is not None
    keys = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert keys == expected
    assert window.statusBar().currentMessage() == "Wrote 1 claim to claims.xlsx"


def test_a_refused_export_is_reported_in_one_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    task = window.table_export.export(TableExportTarget(tmp_path / "missing" / "t.csv", "csv"))
    with qtbot.waitSignal(task.failed) as failed:
        pass
    finished(qtbot, task)
    assert not (tmp_path / "missing").exists()
    (message,) = failed.args
    assert "no such folder" in message and "\n" not in message


def test_a_zotero_export_imports_through_the_window_and_names_lost_highlights(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from briefing_app.gui.dialogs.import_dialog import summary_details
    from tests.core.importers.references.zotero_exports import (
        RIS_WITH_ANNOTATIONS,
        export_folder,
    )

    export_folder(tmp_path / "export", "Exported Items.ris", RIS_WITH_ANNOTATIONS)
    before = window.lib.sources.count()
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        window.imports.import_paths([tmp_path / "export"])
    summary = done.args[0]
    assert summary.line() == "2 imported, 0 duplicate, 0 failed"
    assert window.lib.sources.count() == before + 2
    assert summary_details(summary) == (
        "Exported Items.ris [Three workers killed near the border]: imported — "
        "1 highlight(s) not found in the text: “the minister resigned on Friday” (p. 2)"
    )
    assert "Import: 2 imported" in window.statusBar().currentMessage()
    # The summary the analyst sees names the highlight to find by hand.
    box = window.imports.summary_box
    assert box is not None and box.isVisible()
    assert "1 highlight(s) not found" in box.informativeText()
    assert "the minister resigned on Friday" in box.detailedText()


def test_undo_takes_back_a_re_import_of_a_zotero_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.core.importers.references.zotero_exports import RIS

    path = tmp_path / "refs.ris"
    path.write_text(RIS)
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as first:
        window.imports.import_paths([path])
    source_id = first.args[0].outcomes[0].source_id
    before = window.lib.sources.get(source_id)
    path.write_text(RIS.replace("TI  - Three workers killed near the border", "TI  - Renamed"))
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000):
        window.imports.import_paths([path])
    assert window.lib.sources.get(source_id).title == "Renamed"
    assert window.undo_stack.undoText() == "Update 1 source"
    window.undo_stack.undo()
    assert window.lib.sources.get(source_id) == before
    window.undo_stack.redo()
    assert window.lib.sources.get(source_id).title == "Renamed"


def test_undo_takes_back_an_import_that_updated_a_source_it_had_just_added(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.core.importers.references.test_import_undo import SNAPSHOT_ITEM
    from tests.core.importers.references.zotero_exports import export_folder
    from tests.core.records.library_dump import dump

    refs = export_folder(tmp_path / "export", "refs.ris", SNAPSHOT_ITEM)
    page = tmp_path / "export" / "files" / "13" / "snapshot.html"
    before = dump(window.lib)
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        window.imports.import_paths([page, refs])
    assert done.args[0].line() == "1 imported, 1 updated, 0 duplicate, 0 failed"
    after = dump(window.lib)
    window.undo_stack.undo()
    assert dump(window.lib) == before
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == len(before["sources"]))
    window.undo_stack.redo()
    assert dump(window.lib) == after


def test_file_import_folder_takes_a_zotero_export_folder_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.dialogs import file_dialogs
    from tests.core.importers.references.zotero_exports import RIS, export_folder

    export_folder(tmp_path / "Exported Items", "Exported Items.ris", RIS)
    monkeypatch.setattr(
        file_dialogs, "folder_name", lambda *a, **k: str(tmp_path / "Exported Items")
    )
    (action,) = [a for a in window.menuBar().actions()[0].menu().actions() if "folder" in a.text()]
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as done:
        action.trigger()
    assert done.args[0].line() == "2 imported, 0 duplicate, 0 failed"


def test_file_export_lists_every_way_out_to_other_tools(window: MainWindow) -> None:
    """Zotero and spreadsheets are reached from File ▸ Export, not only the command line or
    a right-click on the claims table."""
    names = [a.text().replace("&", "") for a in window.export_menu.actions()]
    assert names == [
        "REFI-QDA project (.qdpx)…",
        "Sources for Zotero (RIS, BibTeX, CSL JSON)…",
        "Claims table (Excel, CSV)…",
    ]


@pytest.mark.parametrize(
    ("name", "first"), [("sources.ris", "TY  - "), ("sources.bib", "@"), ("sources.json", "[")]
)
def test_sources_go_to_zotero_from_the_file_menu_and_come_back_unchanged(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    first: str,
) -> None:
    from briefing_app.core.importers.batch import import_paths
    from briefing_app.gui.sources.references_export import ReferencesExportFiles

    path = tmp_path / name
    monkeypatch.setattr(ReferencesExportFiles, "ask", classmethod(lambda cls, parent: path))
    with qtbot.waitSignal(window.references_export.exported) as written:
        window.references_export.action.trigger()
    assert written.args == [1]  # the demo's one source
    assert path.read_text(encoding="utf-8").startswith(first)
    assert window.statusBar().currentMessage().startswith(f"Wrote 1 source to {name}")
    # Read back (as after a trip through Zotero): the source it came from, nothing new.
    again = import_paths(window.lib, [path])
    assert again.by_status("failed") == [] and window.lib.sources.count() == 1


def test_the_claims_table_is_exported_from_the_file_menu_too(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = TableExportTarget(tmp_path / "claims.csv", "csv")
    monkeypatch.setattr(TableExportFiles, "ask", classmethod(lambda cls, parent: target))
    with qtbot.waitSignal(window.table_export.exported) as written:
        window.table_export.menu_action.trigger()
    assert written.args == [len(window.lib.claims.all())]
    assert target.path.read_text(encoding="utf-8").startswith("Key,Quote,")


def test_a_claims_table_edited_in_a_spreadsheet_comes_back_through_file_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.exporters.claims_table import write_claims_table
    from briefing_app.gui.dialogs import file_dialogs

    lib = window.lib
    table = tmp_path / "claims.csv"
    write_claims_table(lib, table, "csv")
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace(",reported fact,2,", ",reported fact,3,", 1), encoding="utf-8")
    c5 = lib.claims.by_key("C5")
    assert c5 is not None and c5.credibility == 2
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *args: [str(table)])

    with qtbot.waitSignal(window.imports.tables.updated):
        window.imports.choose_import()

    assert lib.claims.get(c5.id).credibility == 3
    assert window.statusBar().currentMessage() == "Updated 1 claim from claims.csv; 9 unchanged"
    assert window.undo_stack.undoText() == "Update claims from claims.csv"
    window.undo_stack.undo()
    assert lib.claims.get(c5.id).credibility == 2
    window.undo_stack.redo()
    assert lib.claims.get(c5.id).credibility == 3
