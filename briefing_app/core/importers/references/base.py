"""A reference from a reference manager (Zotero): its metadata, notes and attachment paths."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from briefing_app.core.records.grading import RELIABILITY


@dataclass
class Reference:
    """One item of a reference file, as the reference manager described it."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    container: str = ""
    published: str | None = None
    url: str = ""
    language: str = ""
    doi: str = ""
    accessed: str = ""
    abstract: str = ""
    # Notes as plain text (Zotero writes them as HTML); raw_notes keeps the HTML, where
    # annotation notes carry their quotes.
    notes: list[str] = field(default_factory=list)
    raw_notes: list[str] = field(default_factory=list)
    attachments: list[Path] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    extra: str = ""
    ref_id: str = ""

    @property
    def label(self) -> str:
        """Return how the item is named in an import summary."""
        return self.title or self.url or self.ref_id or "(untitled reference)"

    def language_code(self) -> str:
        """Return the item's language as a code ('de'), whatever Zotero's field held.

        Zotero's Language is free text ("English", "Deutsch") and BibLaTeX's langid a babel
        name ("ngerman"); suggestions, spelling and date reading go by the code.

        >>> [Reference(language=v).language_code() for v in ("ngerman", "English", "pt-BR")]
        ['de', 'en', 'pt-BR']
        """
        value = self.language.strip()
        return _LANGUAGE_NAMES.get(value.casefold(), value)

    def language_guessed(self) -> bool:
        """Return whether an Extra line 'Language guessed: yes' says Briefing guessed it."""
        return _extra_value(self.extra, "language guessed").lower() == "yes"

    def reliability(self) -> str:
        """Return the grade an Extra line 'Reliability: B' gives, or ''."""
        value = _extra_value(self.extra, "reliability").upper()[:1]
        return value if value in RELIABILITY.codes() else ""

    def marking(self) -> str:
        """Return the marking an Extra line 'Marking: TLP:AMBER' gives, or ''."""
        return _extra_value(self.extra, "marking")


ReferenceReader = Callable[[Path, bytes], list[Reference]]

# Language names and BibLaTeX (babel) names of the languages Briefing has suggestions or a
# spelling dictionary for, by code. Read both ways: any name gives the code on import; the
# first name is the one BibLaTeX's langid is written with on export (biblatex_language).
_LANGUAGES = {
    "en": "english british american UKenglish USenglish canadian australian anglais englisch",
    "fr": "french français francais acadian canadien frenchb französisch",
    "de": "ngerman german deutsch austrian naustrian swissgerman nswissgerman allemand",
    "pt": "portuguese português portugues portuges brazil brazilian",
    "es": "spanish español espanol castellano",
    "it": "italian italiano",
    "nl": "dutch nederlands",
    "ru": "russian русский",
    "ar": "arabic العربية",
    "fa": "persian farsi فارسی",
    "lv": "latvian latviešu",
    "eu": "basque euskara",
}
_LANGUAGE_NAMES = {
    name.casefold(): code for code, names in _LANGUAGES.items() for name in names.split()
}


def biblatex_language(code: str) -> str:
    """Return the name BibLaTeX's langid gives a language code ('de' → 'ngerman').

    A regional code is named by its language (biblatex has no name for most regions); a code
    the table does not know is returned as it is.

    >>> [biblatex_language(c) for c in ("en", "de", "fr-CA", "pt_BR", "ja")]
    ['english', 'ngerman', 'french', 'portuguese', 'ja']
    """
    value = code.strip()
    names = _LANGUAGES.get(re.split(r"[-_]", value, maxsplit=1)[0].casefold())
    return names.split()[0] if names else value


def byline_name(name: str) -> str:
    """Return an author's name as a byline prints it: "Last, First" reads as "First Last".

    >>> byline_name("Roe, Jane"), byline_name("Reuters")
    ('Jane Roe', 'Reuters')
    """
    last, sep, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if sep and first.strip() else name.strip()


def _extra_value(extra: str, name: str) -> str:
    for line in extra.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == name:
            return value.strip()
    return ""


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(fragment: str) -> str:
    """Return a Zotero note (HTML, or plain text) as plain text, one paragraph a line."""
    text = _BLOCK_END.sub("\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def attachment_path(raw: str, base_dir: Path) -> Path | None:
    """Return where an attachment named in a reference file lies: relative to the file's folder
    (Zotero's Export Files), absolute, or a file:// URL; None for web links."""
    raw = raw.strip()
    if not raw:
        return None
    if raw.startswith("file:"):
        return Path(unquote(urlparse(raw).path))
    if re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.IGNORECASE):
        return None
    path = Path(raw)
    return path if path.is_absolute() else base_dir / path


def split_extra(text: str) -> tuple[str, str]:
    """Split a field holding Zotero's Extra into (the Extra lines we read, the rest)."""
    extra: list[str] = []
    rest: list[str] = []
    for line in text.splitlines():
        key = line.partition(":")[0].strip().lower()
        (extra if key in ("reliability", "marking", "language guessed") else rest).append(line)
    return "\n".join(extra), "\n".join(rest).strip()
