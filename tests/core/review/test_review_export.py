"""Review copies from the real exporter, in every template, read back after Word-style edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from briefing_app.core.library import Library
from briefing_app.core.review.word_copy import export_review_copy, import_review_copy
from briefing_app.core.templates import get_template, load_templates
from tests.cli.runner import briefing
from tests.core.review import word_edits


@pytest.mark.parametrize("template", sorted(load_templates()))
def test_every_template_exports_a_review_copy_that_round_trips(
    demo_lib: Library, tmp_path: Path, template: str
) -> None:
    demo = demo_lib.notes.all()[0]
    spec = get_template(template)
    bodies = {
        s.key: demo.sections[i % len(demo.sections)].body for i, s in enumerate(spec.sections)
    }
    note = demo_lib.notes.create(
        f"Review in {template}", template, spec.headings(), bodies=bodies,
        marking=spec.marking.default,
    )  # fmt: skip
    path = export_review_copy(demo_lib, note.id, tmp_path / f"{template}.docx", force=True)
    Document(str(path))  # python-docx reopens it
    first = spec.sections[0]
    word_edits.comment(path, "a drone against", "Confirmed by a second source?")
    result = import_review_copy(demo_lib, path)
    (comment,) = demo_lib.comments.all(note.id)
    assert result.comments_added == 1
    assert (comment.section_key, comment.anchor_text) == (first.key, "a drone against")


def test_cli_review_export_and_import(tmp_path: Path) -> None:
    library = tmp_path / "l.sqlite"
    assert briefing("demo", library=library).returncode == 0
    copy = tmp_path / "review.docx"
    exported = briefing("review", "export", "1", "-o", str(copy), library=library)
    assert exported.returncode == 0, exported.stderr
    word_edits.comment(copy, "a drone against", "Is this confirmed?")
    word_edits.track_replace(copy, "Three Chinese workers", "Three Chinese nationals")
    result = json.loads(briefing("review", "import", str(copy), "--json", library=library).stdout)
    assert (result["comments_added"], result["edits_added"]) == (1, 1)
    again = json.loads(briefing("review", "import", str(copy), "--json", library=library).stdout)
    assert (again["comments_added"], again["edits_added"]) == (0, 0)
    edits = json.loads(briefing("edits", "1", "--json", library=library).stdout)
    accepted = briefing("edit", "accept", str(edits[0]["id"]), library=library)
    assert accepted.returncode == 0, accepted.stderr
    note = json.loads(briefing("note", "show", "1", "--json", library=library).stdout)
    summary = next(s for s in note["sections"] if s["key"] == "summary")
    assert "Three Chinese nationals were killed" in summary["body"]
