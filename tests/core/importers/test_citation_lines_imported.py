"""Footnotes, reference lines and cross-references in an imported PDF and Word memo are
citations: no suggestion from them, and their outlet no party. Files written for these tests."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers import extract_file
from briefing_app.core.library import Library


def _pdf_with_footnotes(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 760, "The ministry said the talks had stalled.1")
    pdf.drawString(72, 730, "See Facebook.")
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 90, "1 Reuters, 3 May 2024: Egypt says talks on the dam have failed.")
    pdf.drawString(72, 78, '[2] BBC News, 4 May 2024, "Sudan says it will not sign".')
    pdf.showPage()
    pdf.save()
    return path


def _memo(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("The ministry said the talks had stalled.")
    document.add_paragraph("Source: Reuters reported the dam would be filled by July.")
    document.add_paragraph("See Facebook.")
    document.add_paragraph("It said 40 accounts were removed.")
    document.save(str(path))
    return path


def _suggested(tmp_path: Path, path: Path) -> list[tuple[str, str]]:
    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(extract_file(path))
    return [(s.party, s.quote) for s in lib.suggestions.for_source(source.id)]


def test_a_pdfs_footnotes_are_no_suggestions(tmp_path: Path) -> None:
    found = _suggested(tmp_path, _pdf_with_footnotes(tmp_path / "memo.pdf"))
    assert [party for party, _ in found] == ["The ministry"]


def test_a_word_memos_source_and_pointer_lines_are_no_suggestions(tmp_path: Path) -> None:
    found = _suggested(tmp_path, _memo(tmp_path / "memo.docx"))
    assert ("The ministry", "the talks had stalled") in found
    parties = [party for party, _ in found]
    assert "Reuters" not in parties
    assert not any(p.startswith("See") or p == "Facebook" for p in parties)
