"""A big folder import reads its files in worker processes; the library sees the same import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_app.core.importers import batch
from briefing_app.core.importers.batch import PARALLEL_FROM, import_paths
from briefing_app.core.library import Library
from tests.core.importers.samples import news_page_with_json_ld


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(PARALLEL_FROM + 2):
        page = news_page_with_json_ld().replace(
            "Embassy urges safety after attack on workers", f"Report number {n:02d}"
        )
        (folder / f"page{n:02d}.html").write_text(
            page.replace("</article>", f"<p>Item {n}.</p></article>")
        )
    (folder / "zz-broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (folder / "page05-copy.html").write_bytes((folder / "page05.html").read_bytes())
    return folder


def test_worker_processes_import_what_one_process_does_in_the_same_order(
    tmp_path: Path, lib: Library
) -> None:
    folder = _folder(tmp_path)
    serial_lib = Library.open(tmp_path / "serial.sqlite")
    try:
        serial = import_paths(serial_lib, [folder], workers=1)
        serial_titles = [s.title for s in serial_lib.sources.all()]
    finally:
        serial_lib.close()
    parallel = import_paths(lib, [folder], workers=2)
    assert parallel.line() == serial.line() == "10 imported, 1 duplicate, 1 failed"
    assert [(o.path, o.status, o.reason, o.source_id) for o in parallel.outcomes] == [
        (o.path, o.status, o.reason, o.source_id) for o in serial.outcomes
    ]
    assert [s.title for s in lib.sources.all()] == serial_titles


def pages_read_here(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Return the list the pages this process parses are added to (workers are spawned)."""
    read_here: list[Path] = []
    extract_file = batch.extract_file

    def spy(path: Path) -> batch.ExtractedDocument:
        read_here.append(path)
        return extract_file(path)

    monkeypatch.setattr(batch, "extract_file", spy)
    return read_here


def test_a_caller_that_must_stay_responsive_leaves_all_reading_to_the_workers(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window's import thread: a page parsed there holds the GIL the UI thread needs.
    folder = _folder(tmp_path)
    read_here = pages_read_here(monkeypatch)
    serial_lib = Library.open(tmp_path / "serial.sqlite")
    try:
        serial = import_paths(serial_lib, [folder], workers=1)
    finally:
        serial_lib.close()
    assert len(read_here) == len(serial.outcomes)  # the spy sees what this process reads
    read_here.clear()
    summary = import_paths(lib, [folder], workers=2, responsive=True)
    assert read_here == []
    assert [(o.path, o.status, o.reason) for o in summary.outcomes] == [
        (o.path, o.status, o.reason) for o in serial.outcomes
    ]
    assert summary.line() == "10 imported, 1 duplicate, 1 failed"


def _niceness(item: batch.ImportItem) -> batch.Extracted:
    # Stands in for extract_item in the workers (pickled by name): says their CPU priority.
    return batch.Extracted(reason=str(os.nice(0)))


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no niceness on this system")
def test_a_responsive_import_reads_at_a_lower_cpu_priority(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With every core reading, the window's UI thread must still get a core when it wakes.
    monkeypatch.setattr(batch, "extract_item", _niceness)
    summary = import_paths(lib, [_folder(tmp_path)], workers=2, responsive=True)
    expected = str(min(os.nice(0) + batch.WORKER_NICENESS, 19))
    assert {o.reason for o in summary.outcomes} == {expected}
    assert lib.sources.count() == 0


@pytest.mark.parametrize("responsive", [False, True])
def test_cancelling_a_parallel_import_stops_writing_at_once(
    tmp_path: Path, lib: Library, responsive: bool
) -> None:
    folder = _folder(tmp_path)
    seen: list[int] = []

    def progress(done: int, total: int, path: Path) -> bool:
        seen.append(done)
        return done < 3

    summary = import_paths(lib, [folder], progress=progress, workers=2, responsive=responsive)
    assert summary.cancelled
    assert len(summary.outcomes) == 3
    assert lib.sources.count() == 3
