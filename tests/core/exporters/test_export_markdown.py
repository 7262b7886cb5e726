"""Markdown export: front matter, footnotes resolved to sources, or pandoc citations + CSL-JSON."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import yaml

from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from tests.core.exporters.export_helpers import FEATURES_BODY, demo_in_template, demo_note


def _split(text: str) -> tuple[dict[str, str], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_front_matter_and_footnotes_resolved_to_sources(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_in_template(demo_lib, "briefing-note")
    out = export_note(demo_lib, note.id, tmp_path / "note.md")
    front, body = _split(out.read_text(encoding="utf-8"))
    assert front["title"] == note.title
    assert front["marking"] == "UNCLASSIFIED"
    assert front["template"] == "briefing-note"
    assert front["status"] == "draft"
    assert front["date"] == "2026-11-20"
    assert "## Summary" in body and "## Recommendation" in body
    assert "Khatlon province[^1]." in body
    assert "[@C" not in body
    assert body.count("\n[^") == 8
    assert "[^1]: “China Urges Tajikistan" in body
    assert "## Sources" in body


def test_keep_citations_writes_csl_json_beside_the_file(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    out = export_note(demo_lib, note.id, tmp_path / "note.md", keep_citations=True)
    front, body = _split(out.read_text(encoding="utf-8"))
    assert front["bibliography"] == "note.json"
    assert "[@C5; @C4]" in body and "[^1]" not in body
    items = json.loads((tmp_path / "note.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == demo_lib.notes.cited_keys(note)
    assert items[0]["title"].startswith("China Urges Tajikistan")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".md", ".json")) == [
        "note.json",
        "note.md",
    ]


def test_markdown_round_trips_lists_tables_and_links(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.set_section(note.id, "background", FEATURES_BODY)
    body = export_note(demo_lib, note.id, tmp_path / "n.md").read_text(encoding="utf-8")
    assert "[linked report](https://example.org/report?a=1&b=2)" in body
    assert "1. First step[^" in body
    assert "    - Nested point[^" in body
    assert "| Tajik authorities | Blame criminal groups[^" in body
    assert "> A quoted passage from the report." in body
    assert "Written by the analyst, not a source." in body


def test_inline_style_names_parties(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_in_template(demo_lib, "policy-memo")
    body = export_note(demo_lib, note.id, tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "(according to Government of China)" in body
    assert "[^" not in body
    assert "(U) " in body  # the memo template asks for portion marks


def test_markdown_body_reads_as_the_word_memo(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_in_template(demo_lib, "briefing-note")
    _, body = _split(export_note(demo_lib, note.id, tmp_path / "n.md").read_text("utf-8"))
    lines = [line for line in body.splitlines() if line]
    # Marking, then the title as a heading, then the memo header block, then the sections.
    assert lines[:3] == ["**UNCLASSIFIED**", f"# {note.title}", "**To:** " + note.memo_to + "  "]
    assert "**Date:** November 20, 2026  " in lines
    assert lines.index("## Summary") > lines.index(f"# {note.title}")
    # The marking closes the memo too, before the notes' definitions.
    assert lines[-9] == "**UNCLASSIFIED**" and lines[-8].startswith("[^1]: ")


def test_markdown_and_word_word_the_sources_list_alike(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_in_template(demo_lib, "briefing-note")
    md = export_note(demo_lib, note.id, tmp_path / "n.md").read_text("utf-8")
    word = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "n.docx")))
    paragraphs = [p.text for p in word.paragraphs]
    entry = paragraphs[paragraphs.index("Sources") + 1]
    assert entry.endswith("Reliability F (Reliability cannot be judged).")
    assert f"1. {entry}" in md.splitlines()
    legend = [p for p in paragraphs if p.startswith("Admiralty ")]
    assert legend and all(line in md.splitlines() for line in legend)


def test_markdown_and_word_print_the_claims_annex_alike(demo_lib: Library, tmp_path: Path) -> None:
    # Word and the preview gave each claim's grade in words ("F3: Reliability cannot be
    # judged; Possibly true"), Markdown only its code ("F3").
    note = demo_in_template(demo_lib, "intelligence-assessment")
    md = export_note(demo_lib, note.id, tmp_path / "n.md").read_text("utf-8").splitlines()
    word = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "n.docx")))
    annex = next(t for t in word.tables if t.rows[0].cells[0].text == "Key")
    for row in annex.rows[1:]:
        cells = [c.text for c in row.cells]
        assert "| " + " | ".join(cells) + " |" in md
