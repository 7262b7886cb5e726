"""Reading one member of a zip file whose headers may lie: in chunks, never past a limit.

`ZipFile.read` asks the decompressor for up to a gigabyte at once and only then cuts the result
to the size the header declares, so a member of 1 MB declaring 1 MB and inflating to 1 GiB
costs a gigabyte of memory before its CRC fails. Reading in small chunks keeps memory at the
limit whatever the member holds or declares. Review packages (`review/packs.py`) read their
members here.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from briefing_app.core.errors import CorruptFile, FileTooLarge

try:
    from lzma import LZMAError
except ImportError:  # pragma: no cover - Python built without lzma: zipfile cannot use it either

    class LZMAError(Exception):  # type: ignore[no-redef]
        """Stands in for lzma's error where Python has no lzma."""


CHUNK_BYTES = 1 << 20
# What Python's zipfile can decompress; anything else (Deflate64, AES...) is refused up front.
READABLE_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
_ENCRYPTED = 0x1
# The end of central directory record, and how far from the end it may sit (its comment).
_END = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_END_SEARCH = _END.size + 0xFFFF


def read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Return the bytes of member name, reading at most limit of them.

    Raises FileTooLarge when it declares or unpacks to more than limit bytes, CorruptFile when
    it is missing, encrypted, compressed in a way Python cannot read, or damaged.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
    ...     zf.writestr("a.json", b"[1, 2]")
    >>> read_member(zipfile.ZipFile(buffer), "a.json", limit=100)
    b'[1, 2]'
    """
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise CorruptFile(f"{name} is missing") from exc
    if info.flag_bits & _ENCRYPTED:
        raise CorruptFile(f"{name} is encrypted")
    if info.compress_type not in READABLE_METHODS:
        raise CorruptFile(f"{name} uses a compression method Briefing cannot read")
    if info.file_size > limit:
        raise FileTooLarge(f"{name} unpacks to {_mb(info.file_size)}; the limit is {_mb(limit)}")
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as member:
            # zipfile stops at the declared size (then checks the CRC); the count below stops a
            # member whose header was believed for its size and still holds more.
            while chunk := member.read(CHUNK_BYTES):
                total += len(chunk)
                if total > limit:
                    raise FileTooLarge(f"{name} unpacks to over {_mb(limit)}, the limit")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, LZMAError, EOFError, OSError, RuntimeError) as exc:
        # bz2 reports damage as OSError, zipfile a password it was not given as RuntimeError.
        raise CorruptFile(f"{name} is damaged ({exc})") from exc
    except NotImplementedError as exc:
        raise CorruptFile(f"{name} uses a compression method Briefing cannot read") from exc
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
