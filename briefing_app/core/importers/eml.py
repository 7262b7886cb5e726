"""E-mail messages (.eml): subject → title, sender → byline, date → published, body as text."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from briefing_app.core.errors import CorruptFile
from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.decoding import decode_text
from briefing_app.core.text.control_chars import without_control_chars

_FORWARD_PREFIX = re.compile(r"^(?:\s*(?:fwd?|fw|tr|wg|re|aw)\s*:\s*)+", re.IGNORECASE)
_HEADER_NAMES = (b"from:", b"subject:", b"date:", b"to:", b"message-id:", b"received:")
# DEL and the C1 controls (\x9b starts a terminal sequence as ESC [ does), which
# without_control_chars leaves: a note may hold them, a file name has no use for them.
_C1 = re.compile("[\x7f-\x9f]")
# The note names a message's attachments, not a crafted message's thousands, nor at any length.
MAX_ATTACHMENT_NAMES = 10
MAX_NAME_CHARS = 120


@register(".eml", format_name="email")
def extract_email(path: Path, data: bytes) -> ExtractedDocument:
    """Extract an e-mail: its plain-text part, or its HTML part through the HTML importer."""
    if b"\x00" in data[:4096]:
        raise CorruptFile("binary data, not an e-mail message")
    head = data[:65536].lower()
    if not any(name in head for name in _HEADER_NAMES):
        raise CorruptFile("not an e-mail message (no From, Subject or Date header)")
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    doc = _body(message)
    subject = " ".join(str(message.get("Subject", "")).split())
    doc.title = _FORWARD_PREFIX.sub("", subject) or doc.title or path.stem
    doc.byline = _sender(str(message.get("From", "")))
    doc.published = _day(str(message.get("Date", "")))
    doc.format = "email"
    doc.analyst_note = attachments_note(message)
    return doc


def attachments_note(message: EmailMessage) -> str:
    """Name the files attached to the message, which are not imported with its body; or ''.

    The analyst sees it as the source's note: an attached report is often the real source, and
    nothing else would say it was there.
    """
    names = [
        _attachment_name(part)
        for part in message.iter_attachments()
        if part.get_content_disposition() == "attachment"
    ]
    if not names:
        return ""
    listed = ", ".join(names[:MAX_ATTACHMENT_NAMES])
    if len(names) > MAX_ATTACHMENT_NAMES:
        listed += f" and {len(names) - MAX_ATTACHMENT_NAMES} more"
    return (
        f"Attached to the e-mail, not imported: {listed}. "
        "Save an attachment from your mail program and import it to read and tag it."
    )


def _attachment_name(part: EmailMessage) -> str:
    """Return an attachment's file name as one line of plain text (its type when it has none)."""
    # The name is the sender's text: a terminal escape or a line break in it would act in the
    # note and in a terminal printing it, so control characters go and whitespace runs are one.
    name = " ".join(_C1.sub("", without_control_chars(part.get_filename() or "")).split())
    if len(name) > MAX_NAME_CHARS:
        name = name[: MAX_NAME_CHARS - 1] + "…"
    return name or part.get_content_type()


def _body(message: EmailMessage) -> ExtractedDocument:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise CorruptFile("the e-mail has no text or HTML body")
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError, ValueError):
        raw = part.get_payload(decode=True)
        content = decode_text(raw) if isinstance(raw, bytes) else ""
    if not isinstance(content, str):
        content = decode_text(content) if isinstance(content, bytes) else ""
    if part.get_content_type() == "text/html":
        return _html_body(content)
    return ExtractedDocument(text=content)


def _html_body(html: str) -> ExtractedDocument:
    from briefing_app.core.importers.html import extract_html, parse_html

    doc = extract_html(html)
    if len(doc.text.strip()) < 40:
        # A short e-mail is not an "article": trafilatura drops it, so take the visible text.
        tree = parse_html(html)
        for junk in tree.xpath("//script | //style | //head"):
            junk.drop_tree()
        blocks = (" ".join(t.split()) for t in tree.xpath("//body//text()"))
        doc.text = "\n".join(b for b in blocks if b)
    return doc


def _sender(value: str) -> str:
    addresses = getaddresses([value])
    if not addresses:
        return ""
    name, address = addresses[0]
    return " ".join(name.split()) or address


def _day(value: str) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
