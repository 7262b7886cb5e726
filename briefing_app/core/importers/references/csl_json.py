"""CSL-JSON as Zotero writes it: `issued.date-parts` (numbers or strings), Extra in `note`,
no notes and no attachments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefing_app.core.errors import CorruptFile
from briefing_app.core.importers.references.base import Reference, split_extra
from briefing_app.core.text.dates import partial_date


def looks_like_csl_json(data: bytes) -> bool:
    """Say whether a .json file is a CSL-JSON list of items (not some other JSON)."""
    head = data.lstrip()[:1]
    if head not in (b"[", b"{"):
        return False
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return False
    # Zotero writes a list of items, each with a CSL type; other JSON (a page's metadata
    # beside it, say) is not a reference file, even when it has a title.
    if isinstance(parsed, dict) and isinstance(parsed.get("items"), list):
        parsed = parsed["items"]
    return (
        isinstance(parsed, list)
        and bool(parsed)
        and all(isinstance(i, dict) and isinstance(i.get("type"), str) for i in parsed)
    )


def json_problem(data: bytes) -> str | None:
    """Say why a file named .json is not JSON at all (cut short, damaged), else None.

    A .json that is JSON but not CSL-JSON is another kind of file; one that is not JSON is a
    broken export, and says so.
    """
    try:
        json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        return f"not a readable CSL-JSON file ({exc})"
    return None


def read_csl_json(path: Path, data: bytes) -> list[Reference]:
    """Return the references in a CSL-JSON file."""
    try:
        items = _items(json.loads(data.decode("utf-8-sig")))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptFile(f"not a readable CSL-JSON file ({exc})") from exc
    if not items:
        raise CorruptFile("no references found in the CSL-JSON file")
    return [_reference(item) for item in items if isinstance(item, dict)]


def _items(data: Any) -> list[Any]:
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list):
        raise CorruptFile("a CSL-JSON file holds a list of items")
    return data


def _reference(item: dict[str, Any]) -> Reference:
    def text(key: str) -> str:
        value = item.get(key)
        return " ".join(str(value).split()) if value else ""

    extra, rest = split_extra(str(item.get("note") or ""))
    keywords = str(item.get("keyword") or "")
    return Reference(
        title=text("title"),
        authors=[_name(a) for a in item.get("author") or [] if isinstance(a, dict)],
        container=text("container-title") or text("publisher"),
        published=_csl_date(item.get("issued")),
        url=text("URL"),
        language=text("language"),
        doi=text("DOI"),
        accessed=_csl_date(item.get("accessed")) or "",
        abstract=str(item.get("abstract") or "").strip(),
        notes=[rest] if rest else [],
        tags=[k.strip() for k in keywords.split(",") if k.strip()],
        extra=extra,
        ref_id=text("id"),
    )


def _name(author: dict[str, Any]) -> str:
    if author.get("literal"):
        return str(author["literal"]).strip()
    return " ".join(str(author[k]).strip() for k in ("given", "family") if author.get(k))


def _csl_date(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        return partial_date(*parts[0])
    raw = value.get("raw") or value.get("literal")
    return partial_date(str(raw)[:10]) if raw else None
