"""What a QA pass found in the core: each test is a user's step that went wrong."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.checks import run_checks
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template, printed_marking
from tests.core.export_helpers import demo_note


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
