"""Browser single-file saves (.mhtml, .mht): the page's HTML part goes through the HTML path."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.html import MAX_HTML_BYTES, extract_html


@register(".mhtml", ".mht", format_name="mhtml")
def extract_mhtml(path: Path, data: bytes) -> ExtractedDocument:
    """Extract the article from the first HTML part of an MHTML archive."""
    if b"\x00" in data[:4096]:
        raise CorruptFile("binary data, not a web archive")
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart() and message.get_content_type() != "text/html":
        raise CorruptFile("not an MHTML web archive (no MIME parts)")
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise CorruptFile("the web archive holds no HTML page")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise CorruptFile("the web archive's HTML page is empty")
    if len(payload) > MAX_HTML_BYTES:
        raise FileTooLarge(
            f"web page is {len(payload) // 2**20} MB; the limit is {MAX_HTML_BYTES // 2**20} MB"
        )
    html = _decode_part(part, payload)
    url = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "")
    doc = extract_html(html, url=url if url.startswith(("http://", "https://")) else "")
    doc.format = "mhtml"
    return doc


def _decode_part(part: Message, payload: bytes) -> str:
    from briefing_app.core.importers.decoding import decode_declared, decode_html

    charset = part.get_content_charset()
    if charset:
        try:
            return decode_declared(payload, charset)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_html(payload)
