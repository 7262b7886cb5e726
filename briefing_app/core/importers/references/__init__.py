"""Reference files (RIS, BibTeX/BibLaTeX, CSL-JSON): one file, many items, each a source.

A reference file is read into `Reference` items; `reference_document` turns one into the
document a source is made of: its attachment's text through the ordinary importers, with the
reference's metadata over what the importer guessed.
"""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.errors import BriefingError, UnsupportedFormat
from briefing_app.core.importers.base import (
    MAX_FILE_BYTES,
    REFERENCE_SUFFIXES,
    ExtractedDocument,
    extract_file,
    read_capped,
    settle_language,
)
from briefing_app.core.importers.references.annotations import read_annotations
from briefing_app.core.importers.references.base import Reference, ReferenceReader
from briefing_app.core.records.sources import ABSTRACT_FORMAT, ABSTRACT_NOTE
from briefing_app.core.records.tags import names_a_tag
from briefing_app.core.text.language import language_tag

__all__ = [
    "NO_TEXT",
    "Reference",
    "broken_json",
    "is_reference_file",
    "read_references",
    "reference_document",
    "reference_suffixes",
]

# Why an item with no text of its own and no source to update is not imported.
NO_TEXT = "no attachment, abstract or notes to take a text from"
# An attachment's text: the full text (PDF) before a saved page, before anything else.
_ATTACHMENT_ORDER = (".pdf", ".html", ".htm", ".mhtml", ".mht", ".docx")


def _readers() -> dict[str, ReferenceReader]:
    from briefing_app.core.importers.references.bibtex import read_bibtex
    from briefing_app.core.importers.references.csl_json import read_csl_json
    from briefing_app.core.importers.references.ris import read_ris

    return {".ris": read_ris, ".bib": read_bibtex, ".json": read_csl_json}


def reference_suffixes() -> list[str]:
    """Return the suffixes of the reference files import reads."""
    return list(REFERENCE_SUFFIXES)


def is_reference_file(path: Path) -> bool:
    """Say whether path is a reference file (a .json only when it holds CSL-JSON)."""
    suffix = path.suffix.lower()
    if suffix not in reference_suffixes() or not path.is_file():
        return False
    if suffix == ".json":
        from briefing_app.core.importers.references.csl_json import looks_like_csl_json

        size = path.stat().st_size
        return 0 < size <= MAX_FILE_BYTES and looks_like_csl_json(path.read_bytes())
    return True


def broken_json(path: Path) -> str | None:
    """Say why a .json file that is no CSL-JSON is not even JSON (a cut export), else None."""
    from briefing_app.core.importers.references.csl_json import json_problem

    try:
        return json_problem(read_capped(path))
    except BriefingError as exc:
        return str(exc)


def read_references(path: Path | str) -> list[Reference]:
    """Return the items of a reference file; raise a typed BriefingError naming the reason.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> ris = "TY  - ELEC\\nTI  - A page\\nDA  - 2025/11//\\nER  - \\n"
    >>> _ = (folder / "refs.ris").write_text(ris)
    >>> [(r.title, r.published) for r in read_references(folder / "refs.ris")]
    [('A page', '2025-11')]
    """
    path = Path(path)
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(f"not a reference file: {path.name}")
    return reader(path, read_capped(path))


def reference_document(ref: Reference) -> ExtractedDocument:
    """Return the document a reference becomes: its attachment's text (or, without one, its
    abstract and notes, marked as such) under the reference's metadata.

    An item with none of these has no text (Briefing's own export of sources, or Zotero's of
    it): it can update the source it was made from, not make one (NO_TEXT says why).
    """
    doc = _attachment_document(ref)
    if doc is None:
        text = "\n\n".join(p for p in (ref.abstract, *ref.notes) if p.strip())
        note = ABSTRACT_NOTE if text.strip() else ""
        doc = ExtractedDocument(text=text, format=ABSTRACT_FORMAT, analyst_note=note)
        settle_language(doc)
    # What the reference manager holds was checked by a person; the importer only guessed.
    doc.title = ref.title or doc.title
    doc.byline = "; ".join(ref.authors) or doc.byline
    doc.outlet = ref.container or doc.outlet
    doc.published = ref.published or doc.published
    doc.url = ref.url or doc.url
    if ref.language_code():
        # The item's language was declared, so it wins over the attachment's guessed one;
        # unless its Extra says Briefing guessed it (exported so): a guess it stays.
        doc.language = language_tag(ref.language_code())
        doc.language_guessed = ref.language_guessed()
    doc.doi = ref.doi
    doc.ref_id = ref.ref_id
    doc.accessed = ref.accessed
    doc.reliability = ref.reliability() or doc.reliability
    doc.marking = ref.marking() or doc.marking
    # A Zotero tag "place:" (a kind with no name) is no tag: skipped, not a failed import.
    doc.tags = [t for t in ref.tags if names_a_tag(t)]
    doc.annotations = [a for note in ref.raw_notes for a in read_annotations(note)]
    return doc


def _attachment_document(ref: Reference) -> ExtractedDocument | None:
    def rank(path: Path) -> int:
        suffix = path.suffix.lower()
        return _ATTACHMENT_ORDER.index(suffix) if suffix in _ATTACHMENT_ORDER else 99

    for path in sorted(ref.attachments, key=rank):
        if not path.is_file():
            continue
        try:
            return extract_file(path)
        except BriefingError:
            continue  # a damaged snapshot beside a good PDF: take what reads
        except (OSError, ValueError, RecursionError):
            continue
    return None
