"""The ACH and Key assumptions annexes: in Word (tables in the template's style, inside the
markings), in Markdown (pipe tables) and in the preview, from one document. The
intelligence-assessment template asks for both; the demo's Q1 matrix fills them."""

from __future__ import annotations

from pathlib import Path

import docx

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.build import build_document
from briefing_app.core.exporters.html_writer import render_html
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template
from tests.core.exporters.export_helpers import demo_in_template, demo_note

MATRIX = [
    ["Evidence", "Grade", "Cred./Rel.", "H1", "H2", "H3", "Diag."],
    ["C9 Tajik authorities attribute the attack to criminal groups operating inside "
     "Afghanistan. (possibly deceptive) †", "F3", "M/H", "C", "N", "I", "0.82"],
    ["C6 The Taliban administration denied direct responsibility for the attack.", "F3", "M/M",
     "C", "C", "C", "0.00"],
    # C7 is the only evidence against H2: without it H1 and H2 tie, so it is pivotal too.
    ["C7 The Taliban administration suggested that a group seeking to destabilise the region "
     "was involved. †", "F4", "L/M", "C", "I", "N", "0.82"],
    ["X1 No group has claimed the attack", "", "M/M", "C", "C", "N", "0.47"],
    ["A1 The attackers crossed into Tajikistan from Afghanistan", "", "M/M", "C", "C", "I",
     "0.94"],
    ["Inconsistency", "", "", "0", "1", "2", ""],
    ["Weighted inconsistency", "", "", "0.00", "0.71", "2.41", ""],
    ["Rank", "", "", "1", "2", "3", ""],
]  # fmt: skip
ASSUMPTIONS = [
    ["Assumption", "Rating", "Why", "Would be wrong if", "Support", "Hypotheses"],
    ["A1 The attackers crossed into Tajikistan from Afghanistan", "Correct with caveats",
     "Only Tajik officials and the report say the attack originated in Afghanistan; neither "
     "shows how", "The attackers are found to have lived or been based in Khatlon", "C10, C9",
     "H1, H2"],
]  # fmt: skip


def _texts(table: docx.table.Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_assessment_prints_the_matrix_and_assumptions_in_word(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    document = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "ia.docx")))
    texts = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == ["Annex: Analysis of competing hypotheses", "Annex: Key assumptions"]
    assert texts.count("Q1. Who carried out the Khatlon attack?") == 2
    *_, matrix, assumptions = document.tables
    assert _texts(matrix) == MATRIX
    assert _texts(assumptions) == ASSUMPTIONS
    # The template's table style, as the claims annex has it.
    claims_annex = document.tables[1]
    assert matrix.style.name == assumptions.style.name == claims_annex.style.name
    verdict = "Least inconsistent: H1 Criminal groups based in Afghanistan. The matrix is fragile"
    assert any(t.startswith(verdict) and t.endswith("turns on C9 and C7.") for t in texts)
    assert any(t.startswith("Ratings: CC very consistent") for t in texts)  # the legend
    section = document.sections[-1]  # inside the markings
    assert section.header.paragraphs[0].text == "TLP:AMBER"


def test_the_annexes_in_markdown_are_pipe_tables_with_the_score_rows(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    text = export_note(demo_lib, note.id, tmp_path / "ia.md").read_text(encoding="utf-8")
    ach = text[text.index("## Annex: Analysis of competing hypotheses") :]
    lines = ach.splitlines()
    header = "| **Evidence** | **Grade** | **Cred./Rel.** | **H1** | **H2** | **H3** | **Diag.** |"
    assert header in lines
    assert "| **Weighted inconsistency** |  |  | **0.00** | **0.71** | **2.41** |  |" in lines
    assert "| **X1** No group has claimed the attack |  | M/M | C | C | N | 0.47 |" in lines
    assumptions = text[text.index("## Annex: Key assumptions") :]
    assert "| **A1** The attackers crossed into Tajikistan from Afghanistan | Correct with " in (
        assumptions
    )


def test_the_preview_prints_both_annexes_through_the_same_document(demo_lib: Library) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    html = render_html(build_document(demo_lib, note))
    assert "<h2>Annex: Analysis of competing hypotheses</h2>" in html
    assert "<h2>Annex: Key assumptions</h2>" in html
    assert "2.41" in html[html.index("Annex: Analysis of competing hypotheses") :]


def test_templates_not_asking_and_notes_without_matrices_print_no_ach_annex(
    demo_lib: Library,
) -> None:
    briefing_note = demo_note(demo_lib)
    assert not get_template("briefing-note").ach_annex
    headings = [a.heading for a in build_document(demo_lib, briefing_note).annexes]
    assert "Annex: Analysis of competing hypotheses" not in headings
    note = demo_in_template(demo_lib, "intelligence-assessment")
    q1 = demo_lib.questions.by_key("Q1")
    for h in demo_lib.ach.hypotheses(q1.id):
        demo_lib.ach.delete_hypothesis(q1.id, h.key)
    demo_lib.assumptions.delete(q1.id, "A1")
    headings = [a.heading for a in build_document(demo_lib, note).annexes]
    assert "Annex: Analysis of competing hypotheses" not in headings
    assert "Annex: Key assumptions" not in headings


def _widths(table: docx.table.Table) -> list[int]:
    """The columns' widths in twips, as Word and LibreOffice lay them out."""
    grid = table._tbl.tblGrid
    return [int(col.w.twips) for col in grid.gridCol_lst]


def test_word_tables_give_the_long_text_columns_room_and_no_word_is_split(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_in_template(demo_lib, "intelligence-assessment")
    document = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "ia.docx")))
    claims_annex = document.tables[1]
    *_, matrix, assumptions = document.tables
    # Equal columns printed the evidence in a column as narrow as "H1": a word a line,
    # "Evidenc/e", the matrix three pages long.
    evidence, *others = _widths(matrix)
    ratings = _widths(matrix)[3:-1]
    assert evidence > max(others) and evidence > 2 * max(ratings)
    key, quote, *_rest = _widths(claims_annex)
    assert quote > 2 * key
    text, _rating, why, _wrong_if, support, _hypotheses = _widths(assumptions)
    assert why > support and text > support
    # Each column still holds its longest word ("Inconsistency", "Hypotheses", "administration")
    # at the body size (about 110 twips a character of 10 pt).
    for table in (matrix, assumptions, claims_annex):
        for c, width in enumerate(_widths(table)):
            longest = max(len(w) for row in table.rows for w in row.cells[c].text.split() or [""])
            assert width >= longest * 100, (table.rows[0].cells[c].text, width, longest)
    for table in (matrix, assumptions, claims_annex):
        assert sum(_widths(table)) <= 9000


def test_an_annex_matrix_whose_hypotheses_tie_names_no_leader(
    demo_lib: Library, tmp_path: Path
) -> None:
    # Nothing rated yet: it printed "Least inconsistent: H1 …" and ranks 1 and 2.
    q = demo_lib.questions.add("Who paid the attackers?")
    c4 = demo_lib.claims.by_key("C4")
    assert c4 is not None
    demo_lib.questions.assign(q.id, [c4.id])
    demo_lib.ach.add_hypothesis(q.id, "A state")
    demo_lib.ach.add_hypothesis(q.id, "Smugglers")
    demo_lib.ach.add_claims(q.id, [c4.id])
    note = demo_in_template(demo_lib, "intelligence-assessment")
    document = docx.Document(str(export_note(demo_lib, note.id, tmp_path / "ia.docx")))
    texts = [p.text for p in document.paragraphs]
    assert (
        "Tied as least inconsistent: H1 A state and H2 Smugglers; the evidence favours none "
        "of them."
    ) in texts
    table = next(t for t in document.tables if _texts(t)[0][3:5] == ["H1", "H2"]
                 and "C4" in _texts(t)[1][0])  # fmt: skip
    assert _texts(table)[-1][:5] == ["Rank", "", "", "1=", "1="]
