"""A big folder import reads its files in worker processes; the library sees the same import."""

from __future__ import annotations

from pathlib import Path

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


def test_cancelling_a_parallel_import_stops_writing_at_once(tmp_path: Path, lib: Library) -> None:
    folder = _folder(tmp_path)
    seen: list[int] = []

    def progress(done: int, total: int, path: Path) -> bool:
        seen.append(done)
        return done < 3

    summary = import_paths(lib, [folder], progress=progress, workers=2)
    assert summary.cancelled
    assert len(summary.outcomes) == 3
    assert lib.sources.count() == 3
