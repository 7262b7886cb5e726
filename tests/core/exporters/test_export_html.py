"""The HTML writer (the live preview): the Word file's document, notes and order, as HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import lxml.html
import pytest

from briefing_app.core.errors import InvalidInput, MissingClaim, NotFound
from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.build import build_document
from briefing_app.core.exporters.docx_writer import write_docx
from briefing_app.core.exporters.html_writer import render_html
from briefing_app.core.exporters.markdown_writer import render_markdown
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.templates import get_template
from briefing_app.core.text.citations import find_citations
from tests.core.exporters.export_helpers import (
    STYLES,
    TEMPLATES,
    demo_in_template,
    preview_citations,
    preview_notes,
    word_notes,
)


def blank_note(lib: Library, template: str = "briefing-note") -> Note:
    """Return a new note of the template with every section empty."""
    return lib.notes.create("T", template, get_template(template).headings())


def preview(
    lib: Library,
    note: Note,
    bodies: dict[str, str],
    citations: str | None = None,
    style: str | None = None,
) -> str:
    """Return the preview HTML of note with unsaved bodies, as the GUI builds it (leniently)."""
    doc = build_document(
        lib, note, citations=citations, bodies=bodies, lenient=True, note_style=style
    )
    return render_html(doc, mark_empty=True)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_preview_and_word_file_print_the_same_notes_for_the_same_citations(
    demo_lib: Library, tmp_path: Path, template: str, style: str
) -> None:
    note = demo_in_template(demo_lib, template)
    html = preview(demo_lib, note, {s.key: s.body for s in note.sections}, style=style)
    out = export_note(demo_lib, note.id, tmp_path / f"{template}.docx", style=style)

    cited = [c.keys for s in note.sections for c in find_citations(s.body)]
    assert cited and preview_citations(html) == cited  # every citation, in the note's order
    in_word = word_notes(out)
    assert len(in_word) == len(cited)
    assert preview_notes(html) == in_word
    if get_template(template).citations.style != "inline" and style != "intel":
        # The demo cites one source throughout: in full once, then short (or Ibid.), in both.
        assert len(in_word[0]) > len(in_word[1])


def test_citation_groups_are_numbered_in_order_across_sections(demo_lib: Library) -> None:
    note = blank_note(demo_lib)
    bodies = {"summary": "A [@C2]. And b [@C1; @C3].", "issue": "Again [@C2].\n\n- item [@C1]"}
    html = preview(demo_lib, note, bodies)
    assert preview_citations(html) == [("C2",), ("C1", "C3"), ("C2",), ("C1",)]
    for n, href in enumerate(["C2", "C1,C3", "C2", "C1"], start=1):
        assert f'href="briefing:claim/{href}"' in html
        assert f">{n}</a></sup>" in html
    assert "A<sup>" in html  # the mark hugs the word before it
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert len(root.xpath("//ul/li")) == 1  # the list item
    assert len(root.xpath("//div[@class='notes']/ol/li")) == 4  # and four notes
    # Unsaved: the library still holds the empty sections.
    assert all(s.body == "" for s in demo_lib.notes.get(note.id).sections)


def test_a_repeated_source_takes_its_short_form_after_the_first_note(demo_lib: Library) -> None:
    bodies = {"summary": "A [@C1]. B [@C3]. C [@C1]."}
    html = preview(demo_lib, blank_note(demo_lib), bodies, style="academic")
    full, short, again = preview_notes(html)
    assert full.startswith("\u201cChina Urges Tajikistan to Ensure Safety of Its Citizens")
    assert short.startswith("\u201cChina Urges Tajikistan.\u201d") and "C3" not in short
    assert again.startswith("\u201cChina Urges Tajikistan.\u201d") and "C1" not in again


def test_house_style_prints_ibid_for_a_note_repeating_the_source_before(
    demo_lib: Library,
) -> None:
    bodies = {"summary": "A [@C1]. B [@C3].[^a] C [@C1].\n\n[^a]: An aside."}
    full, ibid, aside, after_aside = preview_notes(preview(demo_lib, blank_note(demo_lib), bodies))
    assert full.startswith("\u201cChina Urges Tajikistan to Ensure Safety of Its Citizens")
    assert ibid == "Ibid. Graded F2."  # no claim key (C3): the reader has no use for it
    assert aside == "An aside."
    # An author's note in between ends the run: the source is named again, in short.
    assert after_aside.startswith("\u201cChina Urges Tajikistan.\u201d")


def test_citations_of_one_source_in_one_sentence_give_one_note(demo_lib: Library) -> None:
    bodies = {"summary": "Officials blame X [@C9], and the Taliban deny it [@C6]. Later [@C1]."}
    html = preview(demo_lib, blank_note(demo_lib), bodies)
    assert preview_citations(html) == [("C9", "C6"), ("C1",)]
    assert "blame X<sup>" in html  # one mark, at the first citation
    assert "deny it. Later<sup>" in html  # the merged-away mark leaves no space behind
    # The academic style keeps one note per citation.
    html = preview(demo_lib, blank_note(demo_lib), bodies, style="academic")
    assert preview_citations(html) == [("C9",), ("C6",), ("C1",)]


def test_inline_style_names_the_party_and_prints_no_notes(demo_lib: Library) -> None:
    html = preview(
        demo_lib, blank_note(demo_lib), {"summary": "They deny it [@C6]."}, citations="inline"
    )
    assert "according to Taliban administration" in html
    assert "<sup>" not in html and 'class="notes"' not in html
    assert preview_citations(html) == [("C6",)]  # the words still open the claim


def test_a_missing_claim_is_marked_not_hidden_and_the_rest_still_cited(
    demo_lib: Library,
) -> None:
    note = blank_note(demo_lib)
    html = preview(demo_lib, note, {"summary": "X [@C1; @C404]."})
    assert "C404: no such claim in the library" in html
    assert "[missing claim C404]" in html
    assert preview_citations(html) == [("C1",)]
    # Strictly (an export), the unsaved citation stops the build, naming claim and section.
    with pytest.raises(MissingClaim, match="section 'summary' cites C404"):
        build_document(demo_lib, note, bodies={"summary": "X [@C1; @C404]."})


def test_every_writer_prints_the_missing_marker_of_a_lenient_build(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = blank_note(demo_lib)
    doc = build_document(demo_lib, note, bodies={"summary": "Gone [@C98; @C99]."}, lenient=True)
    assert "**\\[missing claims C98, C99\\]**" in render_markdown(doc)
    write_docx(doc, tmp_path / "lenient.docx")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "lenient.docx")).paragraphs)
    assert "Gone [missing claims C98, C99]." in text


def test_bodies_must_name_the_notes_sections(demo_lib: Library) -> None:
    with pytest.raises(InvalidInput, match="has no section 'nope'"):
        build_document(demo_lib, blank_note(demo_lib), bodies={"nope": "x"}, lenient=True)


def test_a_note_of_an_unknown_template_previews_but_does_not_export(demo_lib: Library) -> None:
    note = dataclasses.replace(blank_note(demo_lib), template="gone")
    html = preview(demo_lib, note, {"summary": "Kept [@C1]."})
    assert "<h2>Summary</h2>" in html and ">1</a></sup>" in html
    with pytest.raises(NotFound):
        build_document(demo_lib, note)


def test_preview_nests_lists_and_strikes_as_the_export_does(demo_lib: Library) -> None:
    body = "1. First\n2. Second\n   - nested\n\n~~gone~~ ~5 left"
    html = preview(demo_lib, blank_note(demo_lib), {"summary": body})
    assert "<li>Second<ul>" in html.replace("\n", "")  # nested under item 2, not run into it
    assert "<del>gone</del> ~5 left" in html


def test_the_page_reads_in_the_word_files_order(demo_lib: Library) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    html = preview(demo_lib, note, {})
    marking = get_template("intelligence-assessment").marking.default
    banner = f'<p align="right"><span class="marking">{marking}</span></p>'  # TLP: to the right
    assert html.startswith(banner) and html.endswith(banner)
    order = ["<h1>", "<h2>Key Judgments</h2>", "<h2>Notes</h2>", "<h2>Sources</h2>"]
    assert [html.index(h) for h in order] == sorted(html.index(h) for h in order)
    assert "<h2>Annex: Claims cited</h2>" in html and 'class="box"' in html


def test_a_memo_prints_its_header_portion_marks_and_decision_line(demo_lib: Library) -> None:
    note = demo_in_template(demo_lib, "policy-memo")
    html = preview(demo_lib, note, {})
    assert "<tr><td><b>" in html and note.memo_to in html
    assert "<p>(U) " in html
    assert "Approve ________" in html and "Disapprove ________" in html
    assert '<span class="empty">' not in html  # every section of the demo memo is written


def test_an_empty_section_is_marked_in_the_preview_only(demo_lib: Library) -> None:
    note = blank_note(demo_lib)
    assert "(empty)" in preview(demo_lib, note, {})
    assert "(empty)" not in render_html(build_document(demo_lib, note))
