"""A template's reference .docx, opened safely: a user's config folder may hold anything.

python-docx inflates every part of the archive into memory whatever its size, and follows a
symbolic link wherever it points. So the file is read once, every part is inflated in bounded
chunks (never trusting the sizes the archive declares) and its XML checked for a DTD, and
only then does python-docx open it, from those same bytes.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from briefing_app.core.errors import CorruptFile, FileTooLarge, TemplateError
from briefing_app.core.storage.zip_members import read_member

# A reference document holds styles, page setup and perhaps a logo or an embedded font: a few
# hundred KB, a few MB at most. These bounds are far above that and far below harm.
MAX_FILE_BYTES = 32 * 2**20
MAX_PARTS = 1000
MAX_XML_PART_BYTES = 4 * 2**20  # parsed twice (here and by python-docx): kept smaller
MAX_PART_BYTES = 16 * 2**20
MAX_TOTAL_BYTES = 48 * 2**20
_XML_SUFFIXES = (".xml", ".rels")


def open_reference(path: Path) -> Any:
    """Return the python-docx Document of a reference .docx; refuse an unsafe one in one line."""
    data = _read_regular_file(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_parts(path, archive)
    # zlib.error: damaged compressed data; RuntimeError: an encrypted part.
    except (zipfile.BadZipFile, EOFError, NotImplementedError, zlib.error, RuntimeError) as exc:
        raise TemplateError(f"{path}: the reference document is not a valid .docx ({exc})") from exc
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx's and lxml's own errors: a package Word cannot open
        if type(exc).__module__.startswith(("docx", "lxml")) or isinstance(exc, KeyError):
            raise TemplateError(
                f"{path}: the reference document is not a valid Word document ({exc})"
            ) from exc
        raise


def _read_regular_file(path: Path) -> bytes:
    """Return the file's bytes; refuse a link, anything but a regular file, or a huge file."""
    # A link could stand for any file on the machine (or a device that never ends).
    if path.is_symlink():
        raise TemplateError(
            f"{path}: the reference document is a symbolic link; put the .docx itself there"
        )
    try:
        with path.open("rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise TemplateError(f"{path}: the reference document is not a regular file")
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the reference document ({exc.strerror})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge(
            f"{path}: the reference document is over {MAX_FILE_BYTES // 2**20} MB; "
            "a reference document holds styles and page setup"
        )
    return data


def _check_parts(path: Path, archive: zipfile.ZipFile) -> None:
    """Inflate every part in bounded chunks; parse each XML part, refusing any DTD."""
    members = archive.infolist()
    if len(members) > MAX_PARTS:
        raise FileTooLarge(
            f"{path}: the reference document holds {len(members)} parts; the limit is {MAX_PARTS}"
        )
    total = 0
    for member in members:
        xml = member.filename.lower().endswith(_XML_SUFFIXES)
        limit = MAX_XML_PART_BYTES if xml else MAX_PART_BYTES
        content = _inflate(path, archive, member, limit, MAX_TOTAL_BYTES - total)
        total += len(content)
        if xml:
            _refuse_dtd(path, member.filename, content)


def _inflate(
    path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int, room: int
) -> bytes:
    """Return a part's inflated bytes, reading no more than limit (and room) of them."""
    try:
        return read_member(archive, member.filename, min(limit, room))
    except FileTooLarge as exc:
        if room < limit:  # the whole document, not this part, ran out of room
            raise FileTooLarge(
                f"{path}: the reference document inflates to more than the "
                f"{MAX_TOTAL_BYTES // 2**20} MB allowed"
            ) from exc
        raise FileTooLarge(f"{path}: the reference document's part {exc}") from exc
    except CorruptFile as exc:
        raise TemplateError(f"{path}: the reference document is not a valid .docx ({exc})") from exc


def _refuse_dtd(path: Path, name: str, content: bytes) -> None:
    """Refuse an XML part that declares a DTD (and with it, entities)."""
    # Office Open XML parts never carry a DTD (ECMA-376 Part 2 forbids one); a DTD here could
    # only declare entities that read local files or multiply into gigabytes. The parser
    # recovers from errors (an entity in an attribute is one) so the DTD is found all the
    # same; python-docx, parsing strictly, refuses a part that is not well-formed.
    # A DTD is markup: in a part read as UTF-8 it is the bytes "<!DOCTYPE". A UTF-8 part with
    # no "<!" at all (no DTD, comment or CDATA: every part Word writes) needs no parse here,
    # which took most of opening the reference; any other part is parsed.
    if b"<!" not in content and _read_as_utf8(content):
        return
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError:  # not XML at all (empty, binary): no DTD; python-docx decides
        return
    if root is not None and root.getroottree().docinfo.doctype:
        raise TemplateError(
            f"{path}: the reference document's part {name} declares a DTD (entities); "
            "Word never writes one: save the document again from Word"
        )


# The encoding an XML declaration names, if it names one.
_DECLARED_ENCODING = re.compile(rb"""\sencoding\s*=\s*(["'])([^"']*)\1""")


def _read_as_utf8(content: bytes) -> bool:
    """Say whether an XML parser reads content as UTF-8: an XML declaration first (after a
    UTF-8 byte order mark, if any) naming no encoding or UTF-8."""
    head = content.removeprefix(b"\xef\xbb\xbf")
    end = head.find(b"?>")
    if not head.startswith(b"<?xml") or end < 0:
        return False
    named = _DECLARED_ENCODING.search(head, 0, end)
    return named is None or named.group(2).lower() in (b"utf-8", b"utf8")
