"""A Zotero export of 500 items with attachments: read in worker processes, told as it goes,
cancellable, and idempotent when imported again."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.importers.batch import import_paths
from briefing_app.core.library import Library
from tests.core.importers.samples import news_page_with_json_ld

ITEMS = 500


def _big_export(folder: Path) -> Path:
    """Write a RIS export of ITEMS items, each with its own attachment (a few saved pages)."""
    lines = []
    for n in range(ITEMS):
        attachment = folder / "files" / str(n)
        attachment.mkdir(parents=True)
        if n % 50 == 0:
            page = news_page_with_json_ld().replace(
                "Embassy urges safety after attack on workers", f"Snapshot {n}"
            )
            name = "snapshot.html"
            (attachment / name).write_text(
                page.replace("</article>", f"<p>Page {n}.</p></article>")
            )
        else:
            name = "report.txt"
            (attachment / name).write_text(
                f"Field report {n}.\n\nThe convoy reached checkpoint {n} at dawn.\n",
                encoding="utf-8",
            )
        lines += [
            "TY  - RPRT",
            f"TI  - Field report {n}",
            "AU  - Field, Office",
            f"DA  - 2025/{1 + n % 12:02d}//",
            f"UR  - https://reports.example.org/{n}",
            f"L1  - files/{n}/{name}",
            f"KW  - batch {n % 5}",
            "ER  - ",
            "",
        ]
    path = folder / "Exported Items.ris"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("zotero") / "export"
    folder.mkdir()
    _big_export(folder)
    return folder


def test_500_items_import_in_workers_with_progress_and_again_change_nothing(
    export: Path, lib: Library
) -> None:
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int, path: Path) -> bool:
        told.append((done, total))
        return True

    summary = import_paths(lib, [export], progress=progress, workers=2)
    assert summary.line() == f"{ITEMS} imported, 0 duplicate, 0 failed"
    assert told[0] == (0, ITEMS) and told[-1] == (ITEMS, ITEMS)
    assert [d for d, _ in told] == list(range(ITEMS + 1))
    sources = lib.sources.all()
    assert len(sources) == ITEMS
    by_title = {s.title: lib.sources.get(s.id) for s in sources}
    assert by_title["Field report 7"].published == "2025-08"
    assert "checkpoint 7" in by_title["Field report 7"].text
    assert by_title["Field report 50"].format == "html"
    assert by_title["Field report 3"].tags == ["batch 3"]

    again = import_paths(lib, [export], workers=2)
    assert lib.sources.count() == ITEMS
    assert {o.status for o in again.outcomes} == {"unchanged"}


def test_cancelling_a_500_item_import_keeps_what_was_imported_and_nothing_half_done(
    export: Path, lib: Library
) -> None:
    def progress(done: int, total: int, path: Path) -> bool:
        return done < 120

    summary = import_paths(lib, [export], progress=progress, workers=2)
    assert summary.cancelled
    assert len(summary.outcomes) == 120
    assert lib.sources.count() == 120
    # The rest comes in when the analyst imports again; the first 120 are not doubled.
    rest = import_paths(lib, [export], workers=2)
    assert lib.sources.count() == ITEMS
    assert sum(o.status == "imported" for o in rest.outcomes) == ITEMS - 120
