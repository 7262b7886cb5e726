"""Hostile Word files, built byte by byte: tiny on disk, ruinous to a careless reader.

A zip's directory says how large each part unpacks to; these helpers write directories that lie,
compression methods Word never uses, and WordprocessingML shaped to make naive code quadratic.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DC = "http://purl.org/dc/elements/1.1/"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
DEFLATED = 8


@dataclass(frozen=True)
class Part:
    """One zip member as it is written: its stored bytes and what its headers claim."""

    name: str
    stored: bytes  # the member's bytes as they sit in the archive (compressed, if method says)
    method: int
    size: int  # the uncompressed size the headers declare
    crc: int


def honest(name: str, data: bytes) -> Part:
    """Return a deflated part whose headers tell the truth."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    stored = compressor.compress(data) + compressor.flush()
    return Part(name, stored, DEFLATED, len(data), zlib.crc32(data))


def inflating(name: str, head: bytes, padding_mib: int, *, honest: bool = False) -> Part:
    """Return a deflated part holding head then padding_mib MiB of spaces, a megabyte a gigabyte.

    Honest, its headers declare all of it. Otherwise they declare only head, with head's CRC:
    a reader that stops at the declared size sees a sound part, and only the memory spent
    inflating the rest betrays a reader that does not.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    # After a full flush the stream no longer refers back, so one MiB of spaces compressed once
    # can be repeated instead of compressing the gigabyte.
    mib = b" " * 2**20
    block = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    stored = start + block * padding_mib + compressor.flush()
    if not honest:
        return Part(name, stored, DEFLATED, len(head), zlib.crc32(head))
    crc = zlib.crc32(head)
    for _ in range(padding_mib):
        crc = zlib.crc32(mib, crc)
    return Part(name, stored, DEFLATED, len(head) + padding_mib * 2**20, crc)


def with_method(name: str, data: bytes, method: int) -> Part:
    """Return a part stored as is but labelled with a compression method (12 bzip2, 99 AES...)."""
    return Part(name, data, method, len(data), zlib.crc32(data))


def zip_of(*parts: Part) -> bytes:
    """Return a zip archive of parts, headers written exactly as the parts say."""
    body, directory = b"", b""
    for part in parts:
        name = part.name.encode()
        fields = (20, 0, part.method, 0, 0x21, part.crc, len(part.stored), part.size, len(name))
        directory += (
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, len(body))
            + name
        )
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + part.stored
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), len(body), 0
    )
    return body + directory + end


def document_xml(body: str, note_uid: str = "") -> bytes:
    """Return word/document.xml with body inside w:body, marked as a review copy of note_uid."""
    mark = (
        f'<w:bookmarkStart w:id="1" w:name="brf_n_{note_uid}"/><w:bookmarkEnd w:id="1"/>'
        if note_uid
        else ""
    )
    return (
        f'<w:document xmlns:w="{W}"><w:body><w:p>{mark}</w:p>{body}</w:body></w:document>'.encode()
    )


def comments_xml(comments: str) -> bytes:
    """Return word/comments.xml holding the given w:comment elements."""
    return f'<w:comments xmlns:w="{W}">{comments}</w:comments>'.encode()


def review_copy(document: bytes, comments: bytes | None = None) -> bytes:
    """Return a .docx holding these document and comments parts (honest headers)."""
    parts = [honest("[Content_Types].xml", CONTENT_TYPES.encode())]
    parts.append(honest("word/document.xml", document))
    if comments is not None:
        parts.append(honest("word/comments.xml", comments))
    return zip_of(*parts)


def with_part(docx: bytes, replacement: Part) -> bytes:
    """Return the .docx docx with one part replaced (by name) by replacement."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = [
            replacement
            if info.filename == replacement.name
            else honest(info.filename, archive.read(info))
            for info in archive.infolist()
        ]
    return zip_of(*parts)


def blank_docx() -> bytes:
    """Return a real, empty Word document as python-docx writes it."""
    import io

    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def comment(cid: object, text: str, author: str = "R") -> str:
    """Return a w:comment element saying text (with no w:id at all when cid is None)."""
    ident = "" if cid is None else f' w:id="{cid}"'
    return (
        f'<w:comment{ident} w:author="{author}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>'
    )


def range_marks(kind: str, count: int) -> str:
    """Return count w:commentRangeStart (kind "Start") or w:commentRangeEnd elements, ids 0.."""
    return "".join(f'<w:commentRange{kind} w:id="{i}"/>' for i in range(count))
