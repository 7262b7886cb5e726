"""Dragging claims: the MIME type that carries claim keys from the table or reader to a note."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QDragMoveEvent

CLAIM_KEYS_MIME = "application/x-briefing-claim-keys"
_KEY = re.compile(r"C\d+")


def citation_text(keys: Sequence[str]) -> str:
    """Return the citation a note holds for these keys: [@C12] or [@C12; @C15]."""
    return "[" + "; ".join(f"@{k}" for k in keys) + "]"


def claims_mime(keys: Sequence[str], mime: QMimeData | None = None) -> QMimeData:
    """Return (or fill) MIME data carrying claim keys, with the citation as plain text."""
    mime = mime or QMimeData()
    mime.setData(CLAIM_KEYS_MIME, QByteArray(" ".join(keys).encode("ascii")))
    mime.setText(citation_text(keys))
    return mime


def keys_from_mime(mime: QMimeData) -> list[str]:
    """Return the claim keys a drag carries (none when it carries no claims)."""
    if not mime.hasFormat(CLAIM_KEYS_MIME):
        return []
    raw = bytes(mime.data(CLAIM_KEYS_MIME).data()).decode("ascii", "replace")
    return [k for k in raw.split() if _KEY.fullmatch(k)]


def accept_claim_drag(event: QDragMoveEvent) -> None:
    """Accept a drag (entering or moving) that carries claims; ignore any other."""
    if keys_from_mime(event.mimeData()):
        event.acceptProposedAction()
    else:
        event.ignore()
