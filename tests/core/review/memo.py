"""A minimal memo writer for review tests: title, a Heading 1 per section, plain paragraphs."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from briefing_app.core.markdown_plain import plain_view
from briefing_app.core.models import Note


def write_memo(note: Note, path: Path) -> Path:
    """Write note as a simple .docx (what a reader sees of each section)."""
    doc = Document()
    doc.add_heading(note.title, level=0)
    for section in note.sections:
        doc.add_heading(section.heading, level=1)
        for paragraph in plain_view(section.body).text.split("\n\n"):
            if paragraph.strip():
                doc.add_paragraph(" ".join(paragraph.split()))
    doc.add_heading("Sources", level=1)
    doc.add_paragraph("A source line.")
    doc.save(str(path))
    return path
