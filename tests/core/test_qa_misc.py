"""What a QA pass found in the core: each test is a user's step that went wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.checks import run_checks
from briefing_app.core.errors import InvalidInput, LibraryDamaged
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template, printed_marking
from tests.core.exporters.export_helpers import demo_note


def test_a_blank_marking_is_the_templates_default_in_exports_and_checks(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.update(demo_note(demo_lib).id, marking="")
    default = get_template(note.template).marking.default
    assert default and printed_marking(note) == default
    out = export_note(demo_lib, note.id, tmp_path / "note.md", "md")
    assert default in out.read_text(encoding="utf-8")
    # Sources marked no higher than what the memo prints are no finding.
    for claim in demo_lib.claims.by_keys(demo_lib.notes.cited_keys(note)).values():
        demo_lib.sources.update(claim.source_id, marking=default)
    rules = {f.rule for f in run_checks(demo_lib, note).findings}
    assert "marking.less-restrictive" not in rules


@pytest.mark.parametrize("day", ["31/02/2025", "2025-02-31", "3 March 2025", "2025-3-4"])
def test_typed_in_dates_must_be_real_iso_days(demo_lib: Library, day: str) -> None:
    note = demo_note(demo_lib)
    source_id = demo_lib.sources.all()[0].id
    before = demo_lib.sources.get(source_id).published
    with pytest.raises(InvalidInput, match=r"^published date .* YYYY-MM-DD"):
        demo_lib.sources.update(source_id, published=day)
    with pytest.raises(InvalidInput, match=r"^memo date .* YYYY-MM-DD"):
        demo_lib.notes.update(note.id, memo_date=day)
    with pytest.raises(InvalidInput, match=r"^memo date"):
        demo_lib.notes.create("N", "briefing-note", [("summary", "Summary")], memo_date=day)
    assert demo_lib.sources.get(source_id).published == before
    assert demo_lib.notes.get(note.id).memo_date == note.memo_date
    assert [h.title for h in demo_lib.notes.headers()].count("N") == 0


def test_a_real_day_and_a_blank_date_are_kept(demo_lib: Library) -> None:
    source_id = demo_lib.sources.all()[0].id
    assert demo_lib.sources.update(source_id, published=" 2024-02-29 ").published == "2024-02-29"
    assert demo_lib.sources.update(source_id, published=None).published is None
    note = demo_note(demo_lib)
    assert demo_lib.notes.update(note.id, memo_date="").memo_date == ""


def test_a_reply_is_open_or_resolved_with_its_thread(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    top = demo_lib.comments.add(note.id, note.sections[0].key, "Source?")
    reply = demo_lib.comments.reply(top.id, "Added")
    answer = demo_lib.comments.reply(reply.id, "Thanks")
    thread = {top.id, reply.id, answer.id}
    demo_lib.comments.resolve(top.id)
    assert not {c.id for c in demo_lib.comments.all(note.id, resolved=False)} & thread
    assert thread <= {c.id for c in demo_lib.comments.all(note.id, resolved=True)}


def test_opening_a_damaged_library_raises_library_damaged(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        build_demo(lib)
    with path.open("r+b") as f:
        f.seek(4096)
        f.write(b"\x00" * 4096)
    with pytest.raises(LibraryDamaged, match=r"the library file is damaged \(.*malformed"):
        Library.open(path).sources.all()
