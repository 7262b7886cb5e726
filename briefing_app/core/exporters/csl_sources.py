"""The Sources list formatted by a CSL style file, through citeproc-py.

Bundled styles are in resources/csl/ (compact Chicago notes-bibliography, Chicago author-date
and APA forms written for the sources a briefing cites); any .csl file in the user's config
folder (csl/ beside templates/) adds a style or overrides one by name, such as a full style
from the CSL project. A style is validated against the CSL schema when loaded; a broken one is
refused with its file and the reason.

>>> entries = csl_entries([], "apa")
>>> entries
[]
"""

from __future__ import annotations

import html
import json
import re
import threading
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs
from lxml import etree

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import CitationStyleError, NotFound
from briefing_app.core.models import Source

NotePart = tuple[str, bool]  # (text, italic)
_RENDERING = threading.Lock()
_TAG = re.compile(r"(<i>|</i>|<[^>]+>)")
# citeproc-py leaves a period or comma after a closing quotation mark; American usage (the
# locale of every bundled style) puts it inside: “Title.” not “Title”.
_OUTSIDE_QUOTE = re.compile(r"\u201d([.,])")


def user_csl_dir() -> Path:
    """Return the folder where a user's own CSL styles live (config dir / csl)."""
    return Path(platformdirs.user_config_dir("briefing", appauthor=False)) / "csl"


def csl_styles(user_dir: Path | None = None) -> dict[str, Path]:
    """Return every CSL style file by name (the file's stem): bundled, then the user's."""
    found: dict[str, Path] = {}
    for folder in (bundled_dir("resources") / "csl", user_dir or user_csl_dir()):
        if folder.is_dir():
            found.update({p.stem: p for p in sorted(folder.glob("*.csl"))})
    return found


def find_csl(name: str, user_dir: Path | None = None) -> Path:
    """Return the CSL file called name, checked; raise NotFound or CitationStyleError."""
    styles = csl_styles(user_dir)
    if name not in styles:
        raise NotFound(f"no CSL style {name!r} (known: {', '.join(sorted(styles))})")
    path = styles[name]
    _style(path, path.stat().st_mtime_ns)
    return path


@lru_cache(maxsize=16)
def _style(path: Path, mtime: int) -> Any:
    """Return the parsed citeproc style of a file, validated (cached until the file changes)."""
    from citeproc import SCHEMA_PATH, CitationStylesStyle

    try:
        tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise CitationStyleError(f"{path}: not a readable XML file: {exc}") from exc
    schema = etree.RelaxNG(etree.parse(SCHEMA_PATH))
    if not schema.validate(tree):
        # The first error names the element that went wrong; later ones only its ancestors.
        errors = list(schema.error_log)
        error = errors[0] if errors else None
        where = f"{path}:{error.line}" if error is not None and error.line else str(path)
        reason = error.message if error is not None else "does not follow the CSL schema"
        raise CitationStyleError(f"{where}: not a valid CSL style: {reason}")
    if tree.getroot().find("{http://purl.org/net/xbiblio/csl}bibliography") is None:
        raise CitationStyleError(f"{path}: the CSL style has no bibliography to format")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # validated above; citeproc would only warn
        return CitationStylesStyle(str(path), validate=False)


def source_csl_item(source: Source, item_id: str) -> dict[str, Any]:
    """Return a source as a CSL-JSON item: type, title, outlet, author, date, URL."""
    item: dict[str, Any] = {
        "id": item_id,
        "type": "article-newspaper" if source.outlet else "document",
        "title": source.title or "Untitled",
    }
    if source.outlet:
        item["container-title"] = source.outlet
    if source.byline:
        item["author"] = [{"literal": source.byline}]
    if source.published:
        parts = [int(p) for p in source.published[:10].split("-") if p.isdigit()]
        if parts:
            item["issued"] = {"date-parts": [parts]}
    if source.url:
        item["URL"] = source.url
    return item


def csl_entries(
    sources: list[Source], style: str, user_dir: Path | None = None
) -> list[tuple[Source, tuple[NotePart, ...]]]:
    """Return each source's Sources list entry in a CSL style, in the style's order."""
    if not sources:
        return []
    path = find_csl(style, user_dir)
    by_id = {f"s{s.id}": s for s in sources}  # citeproc-py compares ids in lower case
    items = json.dumps([source_csl_item(s, i) for i, s in by_id.items()], sort_keys=True)
    rendered = _bibliography(path, path.stat().st_mtime_ns, items)
    return [(by_id[key], parts) for key, parts in rendered]


@lru_cache(maxsize=32)
def _bibliography(
    path: Path, mtime: int, items_json: str
) -> tuple[tuple[str, tuple[NotePart, ...]], ...]:
    """Return (item id, entry) pairs as citeproc-py formats them, in the style's order.

    Cached by style file and items: citeproc-py takes ~2 ms an entry, and the preview asks
    again on every pause in typing with the same sources.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(items_json)
    # One bibliography at a time: the cached style object holds citeproc's rendering state,
    # and the preview and an export may format at once from two threads.
    with _RENDERING:
        bibliography = CitationStylesBibliography(
            _style(path, mtime), CiteProcJSON(items), formatter.html
        )
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        try:
            bibliography.sort()
            entries = bibliography.bibliography()
        except Exception as exc:  # valid by the schema, yet more than citeproc-py can run
            raise CitationStyleError(f"{path}: the CSL style could not be applied: {exc}") from exc
    keys = [key.lower() for key in bibliography.keys]
    return tuple((k, _parts(str(e))) for k, e in zip(keys, entries, strict=True))


def _parts(markup: str) -> tuple[NotePart, ...]:
    """Return citeproc's HTML for one entry as (text, italic) pieces."""
    parts: list[NotePart] = []
    italic = False
    for piece in _TAG.split(_OUTSIDE_QUOTE.sub("\\1\u201d", markup)):
        if piece in ("<i>", "</i>"):
            italic = piece == "<i>"
        elif piece and not piece.startswith("<"):
            parts.append((html.unescape(piece), italic))
    return tuple(parts)
