# ruff: noqa: W291  (Zotero writes "ER  - " with its trailing space)
"""Undo and redo of a whole import, when the import updated a source it had just added."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers.batch import import_paths
from briefing_app.core.importers.import_undo import redo_import, undo_import
from briefing_app.core.library import Library
from tests.core.importers.references.zotero_exports import export_folder
from tests.core.records.library_dump import dump

# A Zotero item whose only attachment is the saved page imported just before it.
SNAPSHOT_ITEM = """TY  - NEWS
TI  - Embassy urges safety: the Zotero title
AU  - Roe, Jane
T2  - Asia Wire
DA  - 2025/12/03/
KW  - Khatlon
L1  - files/13/snapshot.html
ER  - 
"""


def test_undo_takes_back_an_import_that_updated_a_source_it_had_just_added(
    lib: Library, tmp_path: Path
) -> None:
    refs = export_folder(tmp_path / "export", "refs.ris", SNAPSHOT_ITEM)
    page = tmp_path / "export" / "files" / "13" / "snapshot.html"
    before = dump(lib)
    summary = import_paths(lib, [page, refs])
    assert [o.status for o in summary.outcomes] == ["imported", "updated"]
    source = lib.sources.get(summary.outcomes[0].source_id or 0)
    assert source.title == "Embassy urges safety: the Zotero title"
    after = dump(lib)

    undone = undo_import(lib, summary)
    assert dump(lib) == before

    redo_import(lib, undone)
    assert dump(lib) == after
    assert undo_import(lib, summary) is not None  # and back again, as Ctrl+Z after Ctrl+Y
    assert dump(lib) == before
