"""Zotero annotation notes ("Add Note from Annotations"): each highlight's quote, page and
comment, read from the note's HTML."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from briefing_app.core.importers.base import Annotation

# Zotero wraps each quote in a span whose data-annotation is URL-encoded JSON (pageLabel,
# attachmentURI, position…), then a citation span, then the analyst's comment, in one <p>.
_HIGHLIGHT = re.compile(
    r'<span[^>]*class="[^"]*\bhighlight\b[^"]*"[^>]*data-annotation="([^"]*)"[^>]*>(.*?)</span>',
    re.IGNORECASE | re.DOTALL,
)
_CITATION = re.compile(
    r'<span[^>]*class="[^"]*\bcitation\b[^"]*"[^>]*>.*?</span>\s*\)?\s*</span>|'
    r'<span[^>]*class="[^"]*\bcitation\b[^"]*"[^>]*>.*?</span>',
    re.IGNORECASE | re.DOTALL,
)
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_QUOTE_MARKS = "\"'“”‘’«»„"


def read_annotations(note_html: str) -> list[Annotation]:
    """Return the highlights of a Zotero annotation note (none for an ordinary note).

    >>> data = "%7B%22pageLabel%22%3A%223%22%7D"
    >>> note = f'<p><span class="highlight" data-annotation="{data}">“two fled”</span> odd</p>'
    >>> read_annotations(note)
    [Annotation(quote='two fled', page='3', comment='odd')]
    """
    from briefing_app.core.importers.references.base import html_to_text

    found = []
    for paragraph in _PARAGRAPH.findall(note_html) or [note_html]:
        match = _HIGHLIGHT.search(paragraph)
        if match is None:
            continue
        quote = html_to_text(match[2]).strip().strip(_QUOTE_MARKS).strip()
        if not quote:
            continue
        rest = _CITATION.sub("", paragraph[match.end() :])
        comment = html_to_text(rest).strip()
        found.append(Annotation(quote=quote, page=_page(match[1]), comment=comment))
    return found


def _page(encoded: str) -> str:
    try:
        data = json.loads(unquote(encoded.replace("&quot;", '"')))
    except ValueError:
        return ""
    return str(data.get("pageLabel") or "") if isinstance(data, dict) else ""
