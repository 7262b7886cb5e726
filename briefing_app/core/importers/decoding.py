"""Turning the bytes of a text file into str: BOMs first, then UTF-8, then detection.

Detection is charset-normalizer's, re-ranked: on a few lines of text it cannot tell the legacy
Latin code pages apart (a French "Genève" in windows-1252 decodes cleanly as windows-1250
"Genčve" too) and its first guess is close to a coin toss. Among the candidates about as
plausible as its first guess, the one whose accented letters all belong to one language's
alphabet wins, and between equals windows-1252 (the legacy default of most of the world's
text, and the web's) wins.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from typing import Any

from charset_normalizer import from_bytes
from charset_normalizer.constant import IANA_SUPPORTED
from charset_normalizer.utils import is_multi_byte_encoding

from briefing_app.core.errors import CorruptFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

DETECTION_SAMPLE_BYTES = 2 * 1024 * 1024
# "About as plausible": charset-normalizer's chaos (mess ratio, lower is better) and coherence
# (fit to a language's letter frequencies, higher is better) of a candidate against the best's.
CHAOS_TOLERANCE = 0.02
COHERENCE_TOLERANCE = 0.1
_SINGLE_BYTE = [name for name in IANA_SUPPORTED if not is_multi_byte_encoding(name)]

# The accented letters of the languages written in Latin script that legacy code pages serve.
_ALPHABETS = [
    set(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "áéíñóúü",  # Spanish
        "àçèéíïòóúü",  # Catalan
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "äöüß",  # German
        "áéíóúàèëïöü",  # Dutch
        "æøåéèêóòô",  # Danish, Norwegian
        "åäöé",  # Swedish
        "äöåšž",  # Finnish
        "áéíóúýþæöð",  # Icelandic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Bosnian, Serbian, Slovene
        "ăâîșțşţ",  # Romanian
        "âçğıîöşûü",  # Turkish
        "çë",  # Albanian
        "äöõüšž",  # Estonian
        "āčēģīķļņšūž",  # Latvian
        "ąčęėįšųūž",  # Lithuanian
        "àáâãèéêìíòóôõùúýăđĩũơư" + "".join(map(chr, range(0x1EA0, 0x1EFA))),  # Vietnamese
    )
]


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
    text = _decode_legacy(data)
    if _control_ratio(text) > 0.05:
        raise CorruptFile("binary data, not text")
    return text


def _decode_legacy(data: bytes) -> str:
    """Decode bytes that are not UTF-8 with the most plausible legacy encoding."""
    sample = data[:DETECTION_SAMPLE_BYTES]
    # A UTF-16/32 guess for bytes without a BOM is a short legacy text misread ("caf\xe9" as two
    # CJK characters): Western text in UTF-16 has NUL bytes, refused above as binary.
    matches = [m for m in from_bytes(sample) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if matches and _misread_as_halfwidth_katakana(str(matches[0])):
        # A single-byte text (KOI8-R, say) can decode cleanly as Shift_JIS half-width katakana,
        # which real Japanese prose hardly uses: weigh the single-byte encodings instead.
        matches = list(from_bytes(sample, cp_isolation=_SINGLE_BYTE)) or matches
    if not matches:
        raise CorruptFile("the bytes are not text in any known encoding")
    encoding = _choose(matches)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise CorruptFile("the bytes are not text in any known encoding") from exc


def _choose(matches: list[Any]) -> str:
    """Return the encoding to use among charset-normalizer's ranked matches."""
    first = matches[0]
    if is_multi_byte_encoding(first.encoding):
        return str(first.encoding)
    near = [
        match
        for match in matches
        if not is_multi_byte_encoding(match.encoding)
        and match.chaos <= first.chaos + CHAOS_TOLERANCE
        and match.coherence >= first.coherence - COHERENCE_TOLERANCE
    ]

    def rank(match: Any) -> tuple[int, int, int]:
        is_1252 = "cp1252" in match.could_be_from_charset
        return (_foreign_letters(str(match)), 0 if is_1252 else 1, matches.index(match))

    best = min(near, key=rank)
    # Several encodings can give the same text; name windows-1252 when it is one of them.
    return "cp1252" if "cp1252" in best.could_be_from_charset else str(best.encoding)


def _foreign_letters(text: str) -> int:
    """Count the distinct accented Latin letters outside the alphabet that fits the text best."""
    letters = {
        ch.lower()
        for ch in text[:20000]
        if ord(ch) > 127 and ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")
    }
    if not letters:
        return 0
    return min(len(letters - alphabet) for alphabet in _ALPHABETS)


def _misread_as_halfwidth_katakana(text: str) -> bool:
    sample = text[:20000]
    katakana = sum(1 for ch in sample if "\uff61" <= ch <= "\uff9f")
    return katakana > 0.2 * max(1, sum(1 for ch in sample if not ch.isascii()))


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


# The WHATWG Encoding Standard reads these labels as a superset encoding, as browsers do: a page
# labelled ISO-8859-1 with Windows "smart quotes" in it shows them, it does not get C1 controls.
_WEB_SUPERSETS = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}


def web_codec(label: str) -> str:
    """Return the Python codec for a charset label as a browser reads it.

    >>> web_codec("ISO-8859-1")
    'cp1252'
    """
    label = label.strip().lower()
    return _WEB_SUPERSETS.get(label, label)


def decode_declared(data: bytes, label: str) -> str:
    """Decode bytes in the charset a page or an e-mail part declares, read as browsers read it.

    An "ascii" label on bytes that are not ASCII is wrong either way: when they are valid UTF-8
    that is the likely truth (windows-1252, what browsers take "ascii" for, would garble it).
    Raises UnicodeDecodeError or LookupError as bytes.decode does.

    >>> decode_declared("Genève".encode(), "us-ascii")
    'Genève'
    """
    if label.strip().lower() in ("ascii", "us-ascii"):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-8")
    return data.decode(web_codec(label))


def decode_html(data: bytes) -> str:
    """Decode a web page: a BOM decides, then the charset the page declares, then decode_text.

    With nothing declared, this follows the HTML standard's sniffing: UTF-8 when the bytes are
    UTF-8, else detection (which the standard allows before its default), and decode_text's
    detection picks windows-1252, the standard's default, whenever it is about as plausible.
    Raises CorruptFile for binary junk.
    """
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _DECLARED_CHARSET.search(data[:8192])
        if declared and b"\x00" not in data[:4096]:
            try:
                text = decode_declared(data, declared[1].decode("ascii"))
            except (UnicodeDecodeError, LookupError):
                pass
            else:
                if _control_ratio(text) <= 0.05:
                    return text
    return decode_text(data)
