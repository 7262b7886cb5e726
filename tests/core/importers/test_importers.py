"""Text and Markdown importers, batch import, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import CorruptFile, UnsupportedFormat
from briefing_app.core.importers.base import extract_file
from briefing_app.core.importers.batch import import_paths
from briefing_app.core.library import Library
from tests.conftest import write_fixture

FRONT_MATTER = """---
title: Embassy urges safety
byline: A. Reporter
outlet: Example Times
published: 2025-12-03
url: https://example.org/a
reliability: b
marking: TLP:GREEN
---

The embassy said the talks focused on security.
"""


def test_markdown_front_matter_fills_the_metadata(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "a.md", FRONT_MATTER))
    assert (doc.title, doc.byline, doc.outlet, doc.published) == (
        "Embassy urges safety",
        "A. Reporter",
        "Example Times",
        "2025-12-03",
    )
    assert (doc.url, doc.reliability, doc.marking) == ("https://example.org/a", "B", "TLP:GREEN")
    assert doc.text == "The embassy said the talks focused on security."


@pytest.mark.parametrize(
    ("written", "stored"),
    [("March 2024", "2024-03"), ("2024", "2024"), ("décembre 2025", "2025-12"), ("soon", None)],
)
def test_a_front_matter_date_is_kept_as_precise_as_it_is_written(
    lib: Library, tmp_path: Path, written: str, stored: str | None
) -> None:
    # A month is not its first day: "March 2024" stored as 2024-03-01 would sort and cite wrong.
    text = f"---\ntitle: T\npublished: '{written}'\n---\n\nBody.\n"
    path = write_fixture(tmp_path / "m.md", text)
    assert extract_file(path).published == stored
    import_paths(lib, [path])
    assert [s.published for s in lib.sources.all()] == [stored]


def test_markdown_without_front_matter_takes_its_heading(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "b.md", "# A Heading\n\nBody text here.\n"))
    assert doc.title == "A Heading"
    assert doc.published is None


def test_text_whose_first_line_is_a_sentence_is_titled_by_file_name(tmp_path: Path) -> None:
    doc = extract_file(
        write_fixture(tmp_path / "field-report.txt", "The convoy left at dawn.\nMore.\n")
    )
    assert doc.title == "field-report"


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("empty.txt", b"", CorruptFile, "empty"),
        ("junk.txt", bytes(range(256)) * 40, CorruptFile, "binary"),
        ("notes.xyz", b"hello", UnsupportedFormat, "unsupported"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nbody\n", CorruptFile, "YAML"),
        ("blank.txt", b"   \n\n  \n", CorruptFile, "no text"),
    ],
)
def test_bad_input_gets_a_clear_typed_error(
    tmp_path: Path, name: str, data: bytes, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        extract_file(write_fixture(tmp_path / name, data))


def test_batch_imports_folders_skips_duplicates_and_reports_failures(
    lib: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    write_fixture(folder / "one.txt", "First Report\n\nOfficials said one thing.\n")
    write_fixture(folder / "sub" / "two.md", FRONT_MATTER)
    write_fixture(folder / "sub" / "copy.txt", "First Report\n\nOfficials said one thing.\n")
    write_fixture(folder / "broken.txt", b"")
    write_fixture(folder / "ignored.bin", b"\x00\x01")
    seen: list[tuple[int, int]] = []
    summary = import_paths(lib, [folder], progress=lambda d, t, p: seen.append((d, t)) and None)
    statuses = {o.path.name: o.status for o in summary.outcomes}
    assert statuses == {
        "broken.txt": "failed",
        "one.txt": "imported",
        "copy.txt": "duplicate",
        "two.md": "imported",
    }
    assert summary.line() == "2 imported, 1 duplicate, 1 failed"
    assert lib.sources.count() == 2
    assert seen[-1] == (4, 4)


def test_batch_can_be_cancelled(lib: Library, tmp_path: Path) -> None:
    for i in range(3):
        write_fixture(tmp_path / f"f{i}.txt", f"Report {i}\n\nBody {i}.\n")
    summary = import_paths(lib, [tmp_path], progress=lambda done, total, path: done < 1)
    assert summary.cancelled
    assert lib.sources.count() == 1
