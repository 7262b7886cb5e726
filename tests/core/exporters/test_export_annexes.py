"""The chronology and competing-claims annexes: in Word (tables in the template's style,
inside the markings), in Markdown (pipe tables) and in the preview, from one document."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.build import build_document
from briefing_app.core.exporters.html_writer import render_html
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template, user_templates_dir
from tests.core.exporters.export_helpers import demo_note

CHRONOLOGY = [
    ["Event date", "Claim", "Party", "Statement", "Reported"],
    ["2025-11", "C6", "Taliban administration",
     "The Taliban administration denied direct responsibility for the attack.", "date not known"],
    ["2025-11", "C7", "Taliban administration",
     "The Taliban administration suggested that a group seeking to destabilise the region was "
     "involved.", "date not known"],
    ["2025-11", "C9", "Tajik authorities",
     "Tajik authorities attribute the attack to criminal groups operating inside Afghanistan.",
     "date not known"],
    ["2025-11-26", "C4", "—",
     "Armed attackers used firearms and a drone against a Chinese construction company's "
     "facility in Khatlon province.", "date not known"],
    ["2025-11-26", "C5", "—", "Three Chinese workers were killed in the attack.",
     "date not known"],
]  # fmt: skip


@pytest.fixture
def competing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's briefing-note template that asks for the competing claims annex too."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    spec = get_template("briefing-note").path
    assert spec is not None
    text = spec.read_text(encoding="utf-8") + "competing_claims_annex: true\n"
    (folder / "briefing-note.yaml").write_text(text, encoding="utf-8")


def _table_texts(table: docx.table.Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_briefing_note_prints_the_chronology_in_word(demo_lib: Library, tmp_path: Path) -> None:
    out = export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "note.docx")
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][-1] == (
        "Annex: Chronology"
    )
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    assert _table_texts(table) == CHRONOLOGY
    # Inside the markings: the body's one section carries the marking in header and footer.
    section = document.sections[-1]
    assert section.header.paragraphs[0].text == "UNCLASSIFIED"
    assert section.footer.paragraphs[0].text.startswith("UNCLASSIFIED")


def test_the_chronology_in_markdown_is_a_pipe_table(demo_lib: Library, tmp_path: Path) -> None:
    out = export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "note.md")
    text = out.read_text(encoding="utf-8")
    annex = text[text.index("## Annex: Chronology") :]
    lines = annex.splitlines()
    assert lines[2] == "| **Event date** | **Claim** | **Party** | **Statement** | **Reported** |"
    assert lines[3] == "|---|---|---|---|---|"
    assert lines[4].startswith("| 2025-11 | C6 | Taliban administration |")
    assert lines[8].startswith("| 2025-11-26 | C5 | — | Three Chinese workers were killed")


def test_no_dated_claim_no_chronology(demo_lib: Library, tmp_path: Path) -> None:
    for claim in demo_lib.claims.all():
        demo_lib.claims.update(claim.id, event_date="")
    out = export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "note.md")
    assert "Chronology" not in out.read_text(encoding="utf-8")


def test_a_template_without_annexes_prints_none(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    template = get_template("policy-memo")
    assert not template.chronology_annex and not template.competing_claims_annex
    doc = build_document(demo_lib, note, template=template)
    assert doc.annexes == []


def test_the_competing_claims_annex_in_word(
    demo_lib: Library, tmp_path: Path, competing: None
) -> None:
    out = export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "note.docx")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "Annex: Competing claims" in texts
    assert "Q1. Who carried out the Khatlon attack?" in texts
    _, board = document.tables
    assert _table_texts(board) == [
        ["Position", "Independent sources", "Claim", "Statement", "Grade"],
        ["Tajik authorities", "1", "C9",
         "Tajik authorities attribute the attack to criminal groups operating inside "
         "Afghanistan.", "F3"],
        ["Taliban administration", "1", "C6",
         "The Taliban administration denied direct responsibility for the attack.", "F3"],
        ["", "", "C7", "The Taliban administration suggested that a group seeking to "
         "destabilise the region was involved.", "F4"],
    ]  # fmt: skip
    assert any(t.startswith("Relations: C9 contradicts C6 (") for t in texts)


def test_the_competing_claims_annex_in_markdown_and_the_preview(
    demo_lib: Library, tmp_path: Path, competing: None
) -> None:
    note = demo_note(demo_lib)
    text = export_note(demo_lib, note.id, tmp_path / "note.md").read_text(encoding="utf-8")
    annex = text[text.index("## Annex: Competing claims") :]
    assert "### Q1. Who carried out the Khatlon attack?" in annex
    assert "| Tajik authorities | 1 | C9 |" in annex
    assert "|  |  | C7 |" in annex
    html = render_html(build_document(demo_lib, note))
    assert "<h2>Annex: Competing claims</h2>" in html
    assert "<h2>Annex: Chronology</h2>" in html
    assert "Taliban administration" in html[html.index("Annex: Competing claims") :]


def test_a_note_touching_no_question_has_no_competing_claims(
    demo_lib: Library, competing: None
) -> None:
    note = demo_note(demo_lib)
    demo_lib.questions.delete(demo_lib.questions.by_key("Q1").id)
    doc = build_document(demo_lib, note)
    assert [a.heading for a in doc.annexes] == ["Annex: Chronology"]
