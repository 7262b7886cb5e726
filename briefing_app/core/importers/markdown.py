"""Markdown files (.md) with optional YAML front matter carrying the source's metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from briefing_app.core.errors import CorruptFile
from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.decoding import decode_text
from briefing_app.core.importers.plaintext import looks_like_headline
from briefing_app.core.text.anchors import normalise_text
from briefing_app.core.text.dates import parse_partial_date

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_FIELDS = ("title", "byline", "outlet", "url", "language", "reliability", "marking")
_SCALARS = (str, int, float, bool, date)
# A field is one line of metadata; YAML aliases can make a tiny file expand to gigabytes.
MAX_FIELD_CHARS = 2000
MAX_FIELD_ITEMS = 50


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter as a dict, the body after it); raise CorruptFile for bad YAML."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match["yaml"]) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise CorruptFile(f"the YAML front matter is not valid{where}") from exc
    if not isinstance(meta, dict):
        raise CorruptFile("the YAML front matter must be a mapping of field: value")
    return meta, text[match.end() :]


def _field_text(meta: dict[str, Any], name: str) -> str | None:
    """Return a front-matter field as text: a value, or a short list of values joined by commas.

    Raises CorruptFile for anything else (a mapping, nested or huge lists, over-long text).
    """
    value = meta.get(name)
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) <= MAX_FIELD_ITEMS
        and all(isinstance(item, _SCALARS) for item in value)
    ):
        value = ", ".join(str(item).strip() for item in value)
    if not isinstance(value, _SCALARS):
        raise CorruptFile(f"the front matter field {name!r} must be text, not a nested value")
    text = str(value).strip()
    if len(text) > MAX_FIELD_CHARS:
        raise CorruptFile(f"the front matter field {name!r} is over {MAX_FIELD_CHARS} characters")
    return text


@register(".md", ".markdown", format_name="markdown")
def extract_markdown(path: Path, data: bytes) -> ExtractedDocument:
    """Extract a Markdown file, taking metadata from its front matter."""
    meta, body = split_front_matter(normalise_text(decode_text(data)))
    doc = ExtractedDocument(text=body)
    for name in _FIELDS:
        value = _field_text(meta, name)
        if value is not None:
            setattr(doc, name, value)
    author = _field_text(meta, "author")
    if author and not doc.byline:
        doc.byline = author
    published = meta.get("published") or meta.get("date")
    doc.published = parse_partial_date(published if isinstance(published, _SCALARS) else None)
    if not doc.title:
        first = next((ln for ln in body.split("\n") if ln.strip()), "")
        heading = _HEADING.match(first.strip())
        if heading:
            doc.title = heading["text"]
        elif looks_like_headline(first):
            doc.title = first.strip()
        else:
            doc.title = path.stem
    if doc.reliability:
        doc.reliability = doc.reliability.upper()
    return doc
