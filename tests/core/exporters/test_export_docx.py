"""Word export: golden document.xml / footnotes.xml per template, real footnotes, atomic writes."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest

from briefing_app.core.errors import CannotWrite, MissingClaim, NotFound
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.review.word_copy import export_review_copy
from briefing_app.core.templates import get_template
from tests.core.exporters.export_helpers import (
    FEATURES_BODY,
    STYLES,
    TEMPLATES,
    add_wire_claim,
    assert_golden,
    demo_in_template,
    demo_note,
    pretty_part,
    word_notes,
)


@pytest.mark.parametrize("template", TEMPLATES)
def test_demo_note_matches_golden_files_in_each_template(
    demo_lib: Library, tmp_path: Path, template: str
) -> None:
    note = demo_in_template(demo_lib, template)
    out = export_note(demo_lib, note.id, tmp_path / f"{template}.docx")
    document = docx.Document(str(out))  # python-docx reopens every export
    assert document.core_properties.title == note.title
    assert_golden(f"{template}.document.xml", pretty_part(out, "word/document.xml"))
    with zipfile.ZipFile(out) as z:
        has_footnotes = "word/footnotes.xml" in z.namelist()
    # Only footnote templates carry the footnotes part (endnotes are a Notes list, memos inline).
    assert has_footnotes == (get_template(template).citations.style == "footnotes")
    if has_footnotes:
        assert_golden(f"{template}.footnotes.xml", pretty_part(out, "word/footnotes.xml"))


def test_features_note_matches_golden(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.update(note.id, memo_date="2026-11-20")
    demo_lib.notes.set_section(note.id, "background", FEATURES_BODY)
    out = export_note(demo_lib, note.id, tmp_path / "features.docx")
    docx.Document(str(out))
    assert_golden("features.document.xml", pretty_part(out, "word/document.xml"))
    assert_golden("features.footnotes.xml", pretty_part(out, "word/footnotes.xml"))


def test_citations_become_real_word_footnotes(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    out = export_note(demo_lib, note.id, tmp_path / "note.docx")
    with zipfile.ZipFile(out) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types
    assert "relationships/footnotes" in rels
    assert body.count("<w:footnoteReference ") == 8  # one per citation group in the demo
    assert 'w:type="separator"' in notes and 'w:type="continuationSeparator"' in notes
    assert "China Urges Tajikistan" in notes
    assert 'w:rStyle w:val="FootnoteReference"' in body


def test_citation_style_override_inline_names_the_party(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    out = export_note(demo_lib, note.id, tmp_path / "note.docx", citations="inline")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "(according to Government of China)" in text
    with zipfile.ZipFile(out) as z:
        assert "word/footnotes.xml" not in z.namelist()


def test_marking_page_numbers_and_header_block(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    out = export_note(demo_lib, note.id, tmp_path / "note.docx")
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "UNCLASSIFIED"
    assert section.footer.paragraphs[0].text == "UNCLASSIFIED"
    with zipfile.ZipFile(out) as z:
        footer = "".join(z.read(n).decode() for n in z.namelist() if "footer" in n)
    assert " PAGE " in footer and " NUMPAGES " in footer
    # The page line takes the reference document's Footer style (its font and tab stops).
    assert section.footer.paragraphs[1].style.name == "Footer"
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == note.title
    assert "To:\tDirector General, Central Asia Division" in texts
    assert "Sources" in texts


def test_features_render_as_word_structures(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.set_section(note.id, "background", FEATURES_BODY)
    out = export_note(demo_lib, note.id, tmp_path / "note.docx")
    document = docx.Document(str(out))
    styles = [p.style.name for p in document.paragraphs]
    assert "List Number" in styles and "List Bullet" in styles and "List Bullet 2" in styles
    assert "Quote" in styles
    table, chronology = document.tables  # the note's own table, then the template's annex
    assert [c.text for c in chronology.rows[0].cells] == [
        "Event date", "Claim", "Party", "Statement", "Reported",
    ]  # fmt: skip
    assert table.rows[0].cells[0].text == "Party"
    assert table.rows[1].cells[0].text == "Tajik authorities"
    links = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in links] == ["https://example.org/report?a=1&b=2"]
    with zipfile.ZipFile(out) as z:
        notes = z.read("word/footnotes.xml").decode()
    assert "Written by the analyst, not a source." in notes


def test_assessment_has_claims_annex_and_estimative_box(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    out = export_note(demo_lib, note.id, tmp_path / "ia.docx")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "Annex: Claims cited" in texts
    assert "Notes" in texts  # endnotes: a numbered list the superscript references link to
    assert any(t.startswith("1.\t\u201cChina Urges Tajikistan") for t in texts)
    # The estimative box, the claims annex, then the ACH matrix and key assumptions of Q1.
    box, annex, _matrix, _assumptions = document.tables
    assert box.rows[0].cells[0].paragraphs[0].text == "Estimative language"
    assert [c.text for c in annex.rows[0].cells] == ["Key", "Quote", "Party", "Grade", "Status"]
    assert len(annex.rows) == 1 + len(demo_lib.notes.cited_keys(note))
    assert document.sections[0].header.paragraphs[0].text == "TLP:AMBER"
    assert document.sections[0].header.paragraphs[0].alignment == 2  # right-aligned (TLP)


def test_missing_claim_stops_export_and_leaves_target_untouched(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_note(demo_lib)
    target = tmp_path / "out" / "note.docx"
    target.parent.mkdir()
    target.write_bytes(b"previous export")
    demo_lib.notes.set_section(note.id, "issue", "Unfounded [@C404].")
    with pytest.raises(MissingClaim, match="section 'issue' cites C404"):
        export_note(demo_lib, note.id, target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in target.parent.iterdir()] == ["note.docx"]


def test_failed_write_leaves_no_partial_file(
    demo_lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.exporters import docx_writer

    def broken(doc: object, path: Path, reference: object = None) -> None:
        path.write_bytes(b"half a memo")
        raise OSError("disk full")

    monkeypatch.setattr(docx_writer, "write_docx", broken)
    target = tmp_path / "out" / "note.docx"
    target.parent.mkdir()
    with pytest.raises(CannotWrite, match=r"note\.docx: cannot write it \(disk full\)"):
        export_note(demo_lib, demo_note(demo_lib).id, target)
    assert list(target.parent.iterdir()) == []


def test_core_properties(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_note(demo_lib)
    out = export_note(demo_lib, note.id, tmp_path / "note.docx")
    props = docx.Document(str(out)).core_properties
    assert props.title == note.title
    assert props.author == "Regional Analysis Unit"
    assert props.subject == "Security of Chinese nationals on the Tajik–Afghan border"
    assert "Khatlon" in props.keywords
    assert props.created is not None and props.created.year >= 2024
    # A note without a subject has none: the title is not repeated as one.
    demo_lib.notes.update(note.id, subject="")
    out = export_note(demo_lib, note.id, tmp_path / "bare.docx")
    assert docx.Document(str(out)).core_properties.subject == ""
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert not any(t.startswith("Subject:") for t in texts)


@pytest.mark.parametrize("review_copy", [False, True])
def test_modified_date_is_the_export_time_not_the_template_date(
    demo_lib: Library, tmp_path: Path, review_copy: bool
) -> None:
    note = demo_note(demo_lib)
    before = datetime.now(UTC).replace(microsecond=0)
    if review_copy:
        out = export_review_copy(demo_lib, note.id, tmp_path / "review.docx", force=True)
    else:
        out = export_note(demo_lib, note.id, tmp_path / "note.docx")
    props = docx.Document(str(out)).core_properties
    modified = props.modified.replace(tzinfo=UTC)
    assert before <= modified <= datetime.now(UTC) + timedelta(seconds=1)
    assert props.created is not None and props.created.replace(tzinfo=UTC) <= modified


def test_action_memo_prints_decision_lines_and_portion_marks(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "policy-memo")
    out = export_note(demo_lib, note.id, tmp_path / "memo.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    recommendation = texts.index("Recommendation")
    assert texts[recommendation + 1].startswith("(U) That you note the attack")
    assert texts[recommendation + 2] == "Approve ________\tDisapprove ________"
    assert texts[:5] == [
        note.title,
        "MEMO FOR:\tDirector General, Central Asia Division",
        "FROM:\tRegional Analysis Unit",
        "SUBJECT:\tSecurity of Chinese nationals on the Tajik–Afghan border",
        "DATE:\tNovember 20, 2026",
    ]


def test_an_empty_section_is_left_out_of_the_memo_unless_kept_for_a_draft(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "policy-memo")
    demo_lib.notes.set_section(note.id, "background", "  \n")  # not written yet
    demo_lib.notes.set_section(note.id, "recommendation", "")

    def printed(path: Path) -> tuple[list[str], str]:
        """Return the headings of an export and its whole text."""
        if path.suffix == ".md":
            lines = path.read_text("utf-8").splitlines()
            return [ln[3:] for ln in lines if ln.startswith("## ")], "\n".join(lines)
        paragraphs = docx.Document(str(path)).paragraphs
        heads = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
        return heads, "\n".join(p.text for p in paragraphs)

    for suffix in ("docx", "md"):
        heads, text = printed(export_note(demo_lib, note.id, tmp_path / f"memo.{suffix}"))
        # No heading with nothing under it, nor decision lines after no recommendation.
        assert heads[:2] == ["Bottom line up front", "Sources"], suffix
        assert "Disapprove" not in text, suffix
        draft = export_note(demo_lib, note.id, tmp_path / f"draft.{suffix}", keep_empty=True)
        assert printed(draft)[0][:3] == ["Bottom line up front", "Recommendation", "Background"]
    # A review copy keeps every heading: the reviewer writes into the empty section there.
    copy = export_review_copy(demo_lib, note.id, tmp_path / "review.docx", force=True)
    assert printed(copy)[0][:3] == ["Bottom line up front", "Recommendation", "Background"]


def test_progress_reports_each_section(demo_lib: Library, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_note(
        demo_lib, demo_note(demo_lib).id, tmp_path / "n.docx", progress=lambda *a: seen.append(a)
    )
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_user_reference_document_restyles_and_keeps_marking_on_first_page(
    demo_lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from briefing_app.core.templates import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    reference = docx.Document(str(get_template("briefing-note").reference_docx))
    reference.styles["Normal"].font.name = "Georgia"
    section = reference.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "OLD HEADER"
    reference.save(str(folder / "ours.docx"))
    spec = get_template("briefing-note").path
    assert spec is not None
    text = spec.read_text(encoding="utf-8").replace(
        "reference_docx: briefing-note.docx", "reference_docx: ours.docx"
    )
    (folder / "briefing-note.yaml").write_text(text, encoding="utf-8")

    out = export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "note.docx")
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Georgia"
    section = document.sections[0]
    assert [p.text for p in section.first_page_header.paragraphs] == ["UNCLASSIFIED"]
    assert [p.text for p in section.header.paragraphs] == ["UNCLASSIFIED"]
    assert section.first_page_footer.paragraphs[0].text == "UNCLASSIFIED"


def _sources_list(docx_path: Path) -> str:
    """Return the text of the Sources list and what follows it (the grading legend)."""
    lines = [p.text for p in docx.Document(str(docx_path)).paragraphs]
    return "\n".join(lines[lines.index("Sources") :]) + "\n"


@pytest.mark.parametrize("style", STYLES)
def test_demo_note_in_each_citation_style_matches_golden_notes_and_sources(
    demo_lib: Library, tmp_path: Path, style: str
) -> None:
    note = demo_in_template(demo_lib, "briefing-note")
    # A second source with every field the demo's capture lacks (author, outlet, date, URL),
    # cited between two citations of the demo's: full and short forms, Ibid. broken and resumed.
    closed = add_wire_claim(demo_lib)
    background = note.section("background")
    assert background is not None
    body = background.body + f"\n- The crossing stayed closed [@{closed.key}]. Again [@C8]."
    demo_lib.notes.set_section(note.id, "background", body)
    out = export_note(demo_lib, note.id, tmp_path / f"{style}.docx", style=style)
    assert_golden(f"style-{style}.footnotes.xml", pretty_part(out, "word/footnotes.xml"))
    assert_golden(f"style-{style}.sources.txt", _sources_list(out))


def test_default_export_has_no_claim_keys_uses_ibid_and_ends_with_a_legend(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "briefing-note")
    out = export_note(demo_lib, note.id, tmp_path / "memo.docx")
    notes = word_notes(out)
    assert not any(re.search(r"\bC\d+\b", n) for n in notes)  # F2 is a grade; C8 was a key
    assert notes[1:] and all(n.startswith("Ibid.") for n in notes[1:])
    tail = _sources_list(out)
    assert "Admiralty source reliability: F — reliability cannot be judged." in tail
    assert "Admiralty information credibility: 2 — probably true;" in tail


def test_intel_style_prints_outlet_date_and_grade_only(demo_lib: Library, tmp_path: Path) -> None:
    note = demo_in_template(demo_lib, "briefing-note")
    source_id = demo_lib.claims.by_key("C5").source_id  # type: ignore[union-attr]
    demo_lib.sources.update(source_id, outlet="Asia-Plus", published="2025-11-30", reliability="B")
    out = export_note(demo_lib, note.id, tmp_path / "intel.docx", style="intel")
    assert word_notes(out)[:2] == ["Asia-Plus, 30 Nov 2025 [B2, B3]", "Asia-Plus, 30 Nov 2025 [B2]"]


def test_an_unknown_style_is_refused_by_name(demo_lib: Library, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no citation style 'harvard' \\(known: academic, house"):
        export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "x.docx", style="harvard")
    assert not (tmp_path / "x.docx").exists()


def test_an_endnote_that_wraps_lines_up_under_its_text_not_its_number(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    document = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "ia.docx")))
    paragraphs = document.paragraphs
    start = [p.text for p in paragraphs].index("Notes") + 1
    endnotes = [p for p in paragraphs[start:] if p.text[:1].isdigit()]
    assert endnotes
    for paragraph in endnotes:
        layout = paragraph.paragraph_format
        # A hanging indent: the number in the margin of the text, the tab up to the text, so
        # the second line of a long note starts under its first word (it started at "1.").
        assert layout.left_indent is not None and layout.left_indent > 0
        assert layout.first_line_indent == -layout.left_indent
        assert [t.position for t in layout.tab_stops] == [layout.left_indent]
