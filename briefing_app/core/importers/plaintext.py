"""Plain-text files (.txt): encoding detected, a headline-like first line becomes the title."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.decoding import decode_text
from briefing_app.core.text.anchors import normalise_text

MAX_TITLE_CHARS = 160
MAX_TITLE_WORDS = 25


def looks_like_headline(line: str) -> bool:
    """Return whether a line reads like a headline: short, one sentence, no closing full stop.

    >>> looks_like_headline("China Urges Tajikistan to Ensure Safety of Its Citizens")
    True
    >>> looks_like_headline("The attack took place last week. Three died.")
    False
    """
    line = line.strip()
    if not line or len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return sum(ch.isalpha() for ch in line) >= 3


@register(".txt", ".text", format_name="text")
def extract_text(path: Path, data: bytes) -> ExtractedDocument:
    """Extract a plain-text file."""
    text = normalise_text(decode_text(data))
    first = next((ln for ln in text.split("\n") if ln.strip()), "")
    title = first.strip() if looks_like_headline(first) else path.stem
    return ExtractedDocument(title=title, text=text)
