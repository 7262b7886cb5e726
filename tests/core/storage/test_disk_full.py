"""A full disk is one line saying what to do, and the library keeps every earlier write."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import DiskFull
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

REPORT = ExtractedDocument(title="Long report", text="Officials said three died. " * 20000)


def fill_up(lib: Library) -> None:
    """Let the file grow no further, as when the disk it lives on is full."""
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_write_to_a_full_disk_is_a_typed_error_and_keeps_nothing_of_itself(
    lib: Library,
) -> None:
    lib.sources.add(ExtractedDocument(title="Short", text="A short note on the talks."))
    fill_up(lib)
    with pytest.raises(DiskFull, match="the disk is full: nothing of this change was saved"):
        lib.sources.add(REPORT)
    assert [s.title for s in lib.sources.all()] == ["Short"]
    lib.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    assert lib.sources.add(REPORT).title == "Long report"
