"""Turning the bytes of a text file into str: BOMs first, then UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from briefing_app.core.errors import CorruptFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """Decode text bytes: a BOM decides, else strict UTF-8, else the detected encoding.

    Raises CorruptFile for bytes that are not text in any encoding (binary junk).

    >>> decode_text("café".encode("cp1252"))
    'café'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise CorruptFile(f"invalid {encoding} text after its byte-order mark") from exc
    if b"\x00" in data[:4096]:
        raise CorruptFile("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise CorruptFile("the bytes are not text in any known encoding")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise CorruptFile("the bytes are not text in any known encoding") from exc
    if _control_ratio(text) > 0.05:
        raise CorruptFile("binary data, not text")
    return text


def decode_utf8(data: bytes) -> str:
    """Decode bytes the user wrote for the app (a note body, a corrected text): UTF-8 only.

    A UTF-8 byte-order mark is dropped. Raises CorruptFile rather than guess: a guessed
    encoding silently stores mangled text ("Genčve" for "Genève").
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptFile("not UTF-8 text") from exc


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """Decode a web page: a BOM decides, then the charset the page declares, then decode_text.

    Raises CorruptFile for binary junk.
    """
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _DECLARED_CHARSET.search(data[:8192])
        if declared and b"\x00" not in data[:4096]:
            try:
                text = data.decode(declared[1].decode("ascii").lower())
            except (UnicodeDecodeError, LookupError):
                pass
            else:
                if _control_ratio(text) <= 0.05:
                    return text
    return decode_text(data)
