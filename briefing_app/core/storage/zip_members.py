"""Reading one member of a zip file whose headers may lie: in chunks, never past a limit.

`ZipFile.read` asks the decompressor for up to a gigabyte at once and only then cuts the result
to the size the header declares, so a member of 1 MB declaring 1 MB and inflating to 1 GiB
costs a gigabyte of memory before its CRC fails. Reading in small chunks keeps memory at the
limit whatever the member holds or declares, and a member holding more than it declares is
named as such. Only stored and deflated members are read: bzip2 and LZMA inflate a whole chunk
with no bound, and neither Word nor Briefing writes them. Review packages (`review/packs.py`),
Word sources (`importers/docx.py`), review copies (`review/word_copy.py`) and reference
documents (`exporters/reference_docx.py`) read their members here.
"""

from __future__ import annotations

import copy
import struct
import zipfile
import zlib
from pathlib import Path

from briefing_app.core.errors import CorruptFile, FileTooLarge

CHUNK_BYTES = 1 << 20
# Inflated in bounded steps; anything else (bzip2, LZMA, Deflate64, AES...) is refused up front.
READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma", 9: "Deflate64"}
_ENCRYPTED = 0x1
# The end of central directory record, and how far from the end it may sit (its comment).
_END = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_END_SEARCH = _END.size + 0xFFFF


def read_member(zf: zipfile.ZipFile, member: str | zipfile.ZipInfo, limit: int) -> bytes:
    """Return the bytes of a member (named, or by its ZipInfo), reading at most limit of them.

    Raises FileTooLarge when it declares more than limit bytes, CorruptFile when it is missing,
    encrypted, compressed other than stored or deflated, damaged, or holds more than it declares.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
    ...     zf.writestr("a.json", b"[1, 2]")
    >>> read_member(zipfile.ZipFile(buffer), "a.json", limit=100)
    b'[1, 2]'
    """
    name = member if isinstance(member, str) else member.filename
    try:
        info = zf.getinfo(name) if isinstance(member, str) else member
    except KeyError as exc:
        raise CorruptFile(f"{name} is missing") from exc
    if info.flag_bits & _ENCRYPTED:
        raise CorruptFile(f"{name} is encrypted")
    if info.compress_type not in READABLE_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, str(info.compress_type))
        raise CorruptFile(
            f"{name} uses zip compression method {method}, which Briefing does not read "
            "(only stored and deflated)"
        )
    if info.file_size > limit:
        raise FileTooLarge(f"{name} unpacks to {_mb(info.file_size)}; the limit is {_mb(limit)}")
    # zipfile stops at the declared size and only then checks the CRC, so a lie would pass as
    # damage, or as the declared bytes. Asked for more than declared, an honest stream ends
    # first (its CRC checked then) and a lying one shows by its size, a chunk before zipfile
    # would check a CRC made for the declared bytes only.
    probe = copy.copy(info)
    probe.file_size = info.file_size + CHUNK_BYTES + 1
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(probe) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                total += len(chunk)
                if total > info.file_size:
                    raise CorruptFile(
                        f"{name} unpacks to more than the {_mb(info.file_size)} its header "
                        "declares (damaged, or a zip bomb)"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError) as exc:
        # zipfile reports a password it was not given as RuntimeError, and a member whose
        # offset points before the file's start as ValueError (a negative seek).
        raise CorruptFile(f"{name} is damaged ({exc})") from exc
    return b"".join(chunks)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB" if size >= 1 << 20 else f"{size} bytes"


def directory_bytes(path: Path) -> int | None:
    """Return the size of a zip file's central directory as its end record gives it (None
    without an end record: not a zip file, which opening it will say).

    ZipFile turns the whole directory into objects on opening, before anyone can count them:
    a directory of a million empty entries costs it a gigabyte. This reads only the end.
    """
    with path.open("rb") as fp:
        end = fp.seek(0, 2)
        fp.seek(max(0, end - _END_SEARCH))
        tail = fp.read()
    at = tail.rfind(_END_SIGNATURE)
    if at < 0 or len(tail) - at < _END.size:
        return None
    size: int = _END.unpack_from(tail, at)[5]
    return size
