"""Exporting notes: one intermediate document (parsed once), one small writer per format.

>>> from briefing_app.core.library import Library
>>> from briefing_app.core.bundled.demo import build_demo
>>> import tempfile, pathlib
>>> lib = Library.open(":memory:"); _ = build_demo(lib)
>>> out = pathlib.Path(tempfile.mkdtemp()) / "note.docx"
>>> export_note(lib, 1, out, "docx").name
'note.docx'
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core.errors import InvalidInput
from briefing_app.core.exporters.build import Progress, build_document
from briefing_app.core.storage.atomic import atomic_path
from briefing_app.core.templates import get_template

if TYPE_CHECKING:
    from briefing_app.core.library import Library

FORMATS = ("docx", "md")


def _format_name(text: str) -> str:
    """Return a format or file-suffix name as FORMATS spells it ("Markdown" -> "md")."""
    name = text.lower()
    return "md" if name == "markdown" else name


def format_of(path: Path | str, format: str | None = None) -> str:
    """Return the format an export to path writes: format if given, else the path's suffix.

    >>> format_of("memo.markdown"), format_of("memo.docx"), format_of("-", "Markdown")
    ('md', 'docx', 'md')
    """
    return _format_name(format) if format else _format_name(Path(path).suffix.lstrip("."))


def export_note(
    lib: Library,
    note_id: int,
    path: Path | str,
    format: str | None = None,
    citations: str | None = None,
    progress: Progress | None = None,
    *,
    keep_citations: bool = False,
    replace_read_only: bool = False,
    style: str | None = None,
    keep_empty: bool = False,
) -> Path:
    """Export a note to .docx or .md at path, atomically; return the path written.

    format defaults to the path's suffix; citations ("footnotes", "endnotes", "inline")
    overrides the template's style; progress(done, total) is called as sections are parsed.
    keep_citations (Markdown only) keeps [@C12] and writes a CSL-JSON bibliography beside it.
    A write-protected file at path raises ReadOnlyTarget unless replace_read_only.
    style names the citation style of the notes (`citation_styles.py`; default: the template's).
    An empty section is left out, heading and all, unless keep_empty (a draft to fill in).
    Raises MissingClaim when the note cites a claim the library does not hold; then nothing
    is written.
    """
    target = Path(path).expanduser()
    named = _format_name(target.suffix.lstrip("."))
    fmt = format_of(target, format)
    if fmt not in FORMATS:
        raise InvalidInput(f"{target}: unknown export format {fmt!r} (use docx or md)")
    if named in FORMATS and named != fmt:
        # Markdown in a file named .docx would not open in Word (nor a .docx as text).
        raise InvalidInput(f"{target}: the name says {named} but the format asked for is {fmt}")
    if not target.parent.is_dir():
        raise InvalidInput(f"{target.parent}: no such folder")
    note = lib.notes.get(note_id)
    template = get_template(note.template)
    doc = build_document(
        lib, note, template, citations, progress, note_style=style, keep_empty=keep_empty
    )

    bibliography = None
    if fmt == "md" and keep_citations:
        from briefing_app.core.exporters.markdown_writer import bibliography_path

        bibliography = bibliography_path(target)

    # Write next to the target and move into place only when complete: a failed export never
    # leaves a half-written file where the reader expects the memo.
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(atomic_path(target, replace_read_only=replace_read_only))
        tmp_bib = (
            stack.enter_context(atomic_path(bibliography, replace_read_only=replace_read_only))
            if bibliography
            else None
        )
        if fmt == "docx":
            from briefing_app.core.exporters.docx_writer import write_docx

            write_docx(doc, tmp, template.reference_docx)
        else:
            from briefing_app.core.exporters.markdown_writer import write_markdown

            write_markdown(
                doc, tmp, keep_citations, tmp_bib, bibliography.name if bibliography else ""
            )
    return target
