"""Opening a .qdpx project that may be hostile: every check runs before anything is written.

A project is a zip file of a `.qde` XML file and a `sources/` folder. It is refused, in one
line, when a member's name or a source's path leaves the project (`../`, an absolute path, a
drive letter), when the XML carries a DTD or an entity, when a member is over the standard's
size limit or ours, or when it looks like a zip bomb (inflating far beyond its compressed size,
or past what it declares: `storage/zip_members.py` reads in bounded chunks and names that lie).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from lxml import etree

from briefing_app.core.errors import CorruptFile, FileTooLarge, InvalidProject, UnsafeProject
from briefing_app.core.importers.base import MAX_FILE_BYTES
from briefing_app.core.storage.zip_members import directory_bytes, read_member

# REFI-QDA 1.5 §8.5: an internal file is at most 2^31 - 1 bytes. Members over it are refused
# whatever they are, even those the import would skip (a PDF, a video).
STANDARD_MEMBER_LIMIT = 2**31 - 1
# What we read of a project is its .qde and its text sources, all held in memory, so each has
# a bounded cap well under the standard's: a text at most what a source file may be (64 MB);
# the .qde at most four times that (a 10,000-source library with 100,000 claims exports a
# 166 MB .qde, which lxml holds in about 1.4 GB); everything read together at most twice that.
MAX_QDE_BYTES = 4 * MAX_FILE_BYTES
MAX_TEXT_BYTES = MAX_FILE_BYTES
MAX_READ_BYTES = 8 * MAX_FILE_BYTES
MAX_MEMBERS = 100_000
MAX_DIRECTORY_BYTES = MAX_MEMBERS * 512
# Text and XML compress well (10-20x, 100x for repetitive text); far beyond that, over a
# megabyte, is a zip bomb.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1 << 20

_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True)
class SourcePath:
    """Where a source's file is: a member of the project, or outside it (not read)."""

    member: str | None
    external: str = ""


def check_member_name(project: str, name: str) -> None:
    """Refuse a member name that is absolute or climbs out of the project folder."""
    if "\x00" in name:
        raise UnsafeProject(f"{project}: a member name holds a NUL character")
    if _escapes(name):
        raise UnsafeProject(f"{project}: member {name!r} points outside the project folder")


def _escapes(path: str) -> bool:
    """Return whether a relative path is absolute, has a drive letter, or climbs with '..'."""
    unified = path.replace("\\", "/")
    if unified.startswith("/") or _DRIVE.match(unified):
        return True
    return ".." in PurePosixPath(unified).parts


def source_path(project: str, value: str) -> SourcePath:
    """Return the member a source's path attribute names; refuse one that leaves the project.

    `internal://x.txt` (the standard), `x.txt` and `sources/x.txt` (as some tools write it)
    name a member of the sources folder; `relative://` and `absolute://` name files outside the
    project, which are never read (an absolute or climbing one is refused as hostile).

    >>> source_path("p.qdpx", "internal://A.txt")
    SourcePath(member='A.txt', external='')
    """
    value = value.strip()
    scheme = _SCHEME.match(value)
    rest = value[scheme.end() :] if scheme else value
    kind = scheme[1].lower() if scheme else "internal"
    if kind == "absolute" or (kind == "internal" and _escapes(rest)) or _escapes(rest.lstrip("/")):
        raise UnsafeProject(f"{project}: source path {value!r} points outside the project folder")
    if kind == "relative":
        return SourcePath(None, external=value)
    if kind != "internal":
        raise UnsafeProject(f"{project}: source path {value!r} is not a file of the project")
    return SourcePath(rest)


class ProjectArchive:
    """A .qdpx opened for reading: its members checked, read within the limits above."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        directory = directory_bytes(path)
        if directory is not None and directory > MAX_DIRECTORY_BYTES:
            raise UnsafeProject(f"{self.name}: lists more files than a project holds")
        try:
            self._zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise InvalidProject(f"{self.name}: not a .qdpx project (not a zip file)") from exc
        try:
            self._infos = self._zip.infolist()
            self._check_members()
        except BaseException:
            self._zip.close()
            raise
        self._by_name = {i.filename.replace("\\", "/").lower(): i for i in self._infos}
        self._room = MAX_READ_BYTES
        # The folder the .qde sits in (lower case), where its sources are looked for.
        self._base = ""

    def __enter__(self) -> ProjectArchive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._zip.close()

    def _check_members(self) -> None:
        if len(self._infos) > MAX_MEMBERS:
            raise UnsafeProject(f"{self.name}: lists more files than a project holds")
        for info in self._infos:
            check_member_name(self.name, info.filename)
            if info.file_size > STANDARD_MEMBER_LIMIT:
                raise FileTooLarge(
                    f"{self.name}: {info.filename} unpacks to {info.file_size} bytes, over the "
                    f"REFI-QDA limit of {STANDARD_MEMBER_LIMIT} bytes per file"
                )
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
                1, info.compress_size
            ):
                ratio = info.file_size // max(1, info.compress_size)
                raise UnsafeProject(
                    f"{self.name}: {info.filename} inflates {ratio} times its packed size "
                    "(a zip bomb)"
                )

    def qde_name(self) -> str:
        """Return the project's .qde member: `project.qde`, else the one `<name>.qde`, at the
        top or (a project zipped with its folder) one folder down, which is then the base of
        its sources."""
        names = [i.filename.replace("\\", "/") for i in self._infos]
        for depth in (0, 1):
            qdes = [n for n in names if n.count("/") == depth and n.lower().endswith(".qde")]
            named = [n for n in qdes if n.lower().rsplit("/", 1)[-1] == "project.qde"]
            if len(named) == 1 or len(qdes) == 1:
                chosen = (named or qdes)[0]
                self._base = chosen[: chosen.rfind("/") + 1].lower()
                return chosen
            if len(qdes) > 1:
                raise InvalidProject(f"{self.name}: holds several .qde files and no project.qde")
        raise InvalidProject(f"{self.name}: not a REFI-QDA project (no project.qde inside)")

    def find_source(self, member: str) -> zipfile.ZipInfo | None:
        """Return the member a source path names: in `sources/` or `Sources/`, or as written."""
        key = self._base + member.replace("\\", "/").lstrip("/").lower()
        for candidate in (key, f"{self._base}sources/{key.removeprefix(self._base)}"):
            if candidate in self._by_name:
                return self._by_name[candidate]
        return None

    def read(self, member: str | zipfile.ZipInfo, limit: int) -> bytes:
        """Return a member's bytes: at most limit, and within what is left of the project's cap."""
        try:
            data = read_member(self._zip, member, min(limit, self._room))
        except FileTooLarge as exc:
            raise FileTooLarge(f"{self.name}: {exc}") from exc
        except CorruptFile as exc:
            text = str(exc)
            if "zip bomb" in text or "more than" in text:
                raise UnsafeProject(f"{self.name}: {text}") from exc
            raise InvalidProject(f"{self.name}: {text}") from exc
        self._room -= len(data)
        return data


def parse_xml(project: str, member: str, data: bytes) -> etree._Element:
    """Parse a project's XML, refusing any DTD or entity declaration before it is read."""
    # A DTD is where entities live (billion laughs, external files): the standard's schema
    # needs none, so any DOCTYPE is refused, seen in the bytes or, for another encoding, by lxml.
    root_at = _ROOT_START.search(data)
    if b"<!DOCTYPE" in data[: root_at.start() if root_at else len(data)]:
        raise UnsafeProject(f"{project}: {member} declares a DTD or entities, which are refused")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InvalidProject(f"{project}: {member} is not well-formed XML ({exc})") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise UnsafeProject(f"{project}: {member} declares a DTD or entities, which are refused")
    return root
