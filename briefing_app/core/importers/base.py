"""The importer interface, the registry of formats, and the limits every importer obeys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import CorruptFile, FileTooLarge, NotFound, UnsupportedFormat
from briefing_app.core.text.anchors import normalise_text
from briefing_app.core.text.language import guess_language, language_tag

if TYPE_CHECKING:
    pass

# No analyst source is this large; bigger files are refused before any parsing.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Annotation:
    """A passage a reader highlighted in a reference manager: the quote, its page, a comment."""

    quote: str
    page: str = ""
    comment: str = ""


@dataclass
class ExtractedDocument:
    """What an importer found in a file: the text to store and the metadata around it."""

    title: str = ""
    text: str = ""
    byline: str = ""
    outlet: str = ""
    published: str | None = None
    url: str = ""
    language: str = ""
    # True when the file declared no language and `language` was guessed from the text.
    language_guessed: bool = False
    format: str = ""
    reliability: str = ""
    marking: str = ""
    origin_path: str = ""
    # From a reference manager (importers/references): identifiers, tags and a note.
    doi: str = ""
    ref_id: str = ""
    accessed: str = ""
    tags: list[str] = field(default_factory=list)
    analyst_note: str = ""
    # Highlights from annotation notes: suggested claims once the source is stored.
    annotations: list[Annotation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing inspect`."""
        data = asdict(self)
        data.pop("origin_path")
        for key in ("doi", "ref_id", "accessed", "tags", "analyst_note", "annotations"):
            if not data[key]:
                data.pop(key)  # only reference imports fill these
        return data


Extractor = Callable[[Path, bytes], ExtractedDocument]
_REGISTRY: dict[str, tuple[str, Extractor]] = {}


def register(*suffixes: str, format_name: str) -> Callable[[Extractor], Extractor]:
    """Register fn as the extractor for files with these suffixes (".txt")."""

    def wrap(fn: Extractor) -> Extractor:
        for suffix in suffixes:
            _REGISTRY[suffix.lower()] = (format_name, fn)
        return fn

    return wrap


def _load_importers() -> None:
    # Each module registers its suffixes when imported.
    from briefing_app.core.importers import (  # noqa: F401
        docx,
        eml,
        html,
        markdown,
        mhtml,
        pdf,
        plaintext,
    )


# Reference lists (Zotero's RIS, BibTeX, CSL-JSON): import reads each item as a source, through
# importers/references/ (which imports this module, so the names live here).
REFERENCE_SUFFIXES = (".bib", ".json", ".ris")


def importable_suffixes() -> list[str]:
    """Return the file suffixes the importers read."""
    _load_importers()
    return sorted(_REGISTRY)


def read_capped(path: Path) -> bytes:
    """Return a file's bytes; refuse a missing, empty or oversized file with a typed error."""
    if not path.exists():
        raise NotFound("no such file or folder")
    if not path.is_file():
        raise CorruptFile("not a readable file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileTooLarge(f"file is {size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")
    if size == 0:
        raise CorruptFile("the file is empty")
    return path.read_bytes()


def extract_file(path: Path | str) -> ExtractedDocument:
    """Read path with the importer for its suffix; raise a typed BriefingError naming the reason.

    The returned text is normalised (see text.normalise_text): exactly what import stores.
    """
    _load_importers()
    path = Path(path)
    if not path.exists():
        # Before the suffix: a mistyped name is no "unsupported file type '(none)'".
        raise NotFound("no such file or folder")
    suffix = path.suffix.lower()
    if suffix not in _REGISTRY:
        known = ", ".join(importable_suffixes())
        # Import reads reference lists too: a list of documents alone said .ris was unknown.
        references = ", ".join(REFERENCE_SUFFIXES)
        raise UnsupportedFormat(
            f"unsupported file type {suffix or '(none)'!r} "
            f"(known: {known}; reference lists: {references})"
        )
    data = read_capped(path)
    format_name, extractor = _REGISTRY[suffix]
    doc = extractor(path, data)
    doc.text = normalise_text(doc.text).strip("\n")
    doc.title = " ".join(normalise_text(doc.title).split())
    if not doc.text.strip():
        raise CorruptFile("no text found in the file")
    settle_language(doc)
    doc.format = doc.format or format_name
    doc.origin_path = str(path)
    return doc


def settle_language(doc: ExtractedDocument) -> None:
    """Write the declared language as a tag ('de_DE' -> 'de-DE'), or guess one from the text.

    A declared language always wins; the guess names only a language with suggestion word
    lists (en, fr, de, pt) and stays '' when unsure.
    """
    doc.language = language_tag(doc.language)
    doc.language_guessed = False
    if not doc.language:
        doc.language = guess_language(doc.text)
        doc.language_guessed = bool(doc.language)
