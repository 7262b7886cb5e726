"""The parts of a REFI-QDA project file (.qde) the import reads, as plain records.

Elements are matched by local name, so a project written without the namespace (or with a
prefix) reads the same. GUIDs are compared upper-case without braces, both forms being valid.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from briefing_app.core.errors import InvalidProject
from briefing_app.core.qdpx.guids import stable_guid
from briefing_app.core.qdpx.mapping import ANALYST_USER_UID, USER_KIND

# The one User of a project Briefing wrote (project_xml.py), read back as the analyst.
_OUR_USER = stable_guid(USER_KIND, ANALYST_USER_UID)

# Sources the import skips, reported by what they are.
SKIPPED_SOURCES = {
    "PDFSource": "PDF source",
    "PictureSource": "picture source",
    "AudioSource": "audio source",
    "VideoSource": "video source",
}


@dataclass
class Code:
    """A code of the codebook: its name, whether it can be applied, and its parent's GUID."""

    guid: str
    name: str
    codable: bool
    parent: str | None = None


@dataclass
class Selection:
    """A text selection: positions as the tool wrote them, its name, description and codes."""

    guid: str
    name: str
    start: int | None
    end: int | None
    description: str = ""
    codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class TextSource:
    """A text source: inline content or the path of its text file, selections, variables."""

    guid: str
    name: str
    description: str = ""
    content: str | None = None
    path: str | None = None
    selections: list[Selection] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)


@dataclass
class OtherSource:
    """A source the import does not read (PDF, picture, audio, video)."""

    guid: str
    name: str
    what: str


@dataclass
class ProjectNote:
    """A note (a memo, an annotation): its title and text, inline or in a file."""

    guid: str
    name: str
    content: str | None = None
    path: str | None = None


@dataclass
class Link:
    """A link between two objects; NVivo attaches annotations to selections this way."""

    guid: str
    name: str
    origin: str
    target: str


@dataclass
class Project:
    """What the import reads of a .qde file."""

    name: str
    codes: dict[str, Code] = field(default_factory=dict)
    sources: list[TextSource] = field(default_factory=list)
    others: list[OtherSource] = field(default_factory=list)
    notes: dict[str, ProjectNote] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    # Notes the project itself refers to (project memos).
    project_notes: list[str] = field(default_factory=list)
    # Parts of the project with no place in Briefing: element name → how many.
    unread: dict[str, int] = field(default_factory=dict)
    # Parts of sources left out while reading: (what, name, why).
    dropped: list[tuple[str, str, str]] = field(default_factory=list)


def guid_key(value: str | None) -> str:
    """Return a GUID as compared: upper-case, without braces.

    >>> guid_key("{6f1d7d1e-3b7a-5c55-9a43-2b1e2f8c0a51}")
    '6F1D7D1E-3B7A-5C55-9A43-2B1E2F8C0A51'
    """
    return (value or "").strip().strip("{}").upper()


class _Unique:
    """Hands out an object's GUID, or a stand-in when it has none or repeats one (damage):
    two objects never share a key, so one cannot take the other's text or codes."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def take(self, value: str | None) -> str:
        key = guid_key(value)
        if not key or key in self._seen:
            key = f"{key or 'NO-GUID'}#{len(self._seen)}"
        self._seen.add(key)
        return key


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    for child in element:
        if _local(child) == name:
            yield child


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next(_children(element, name), None)


def _text_of(element: etree._Element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "") if child is not None else ""


def _refs(element: etree._Element, name: str) -> list[str]:
    return [guid_key(r.get("targetGUID")) for r in _children(element, name)]


def _codings(element: etree._Element) -> list[str]:
    codes = []
    for coding in _children(element, "Coding"):
        codes.extend(_refs(coding, "CodeRef"))
    return codes


def _position(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def read_project(project: str, root: etree._Element) -> Project:
    """Return the records of a parsed .qde file; raise InvalidProject if it is not a project."""
    if _local(root) != "Project":
        raise InvalidProject(f"{project}: not a REFI-QDA project (its root is {_local(root)!r})")
    result = Project(name=root.get("name", ""))
    unique = _Unique()
    variables = {
        guid_key(v.get("guid")): v.get("name", "")
        for holder in _children(root, "Variables")
        for v in _children(holder, "Variable")
    }
    for book in _children(root, "CodeBook"):
        for codes in _children(book, "Codes"):
            _read_codes(codes, None, result.codes)
    for sources in _children(root, "Sources"):
        for element in sources:
            name = _local(element)
            if name == "TextSource":
                result.sources.append(_read_source(element, variables, unique))
            elif name == "PDFSource" and _child(element, "Representation") is not None:
                result.sources.append(_read_pdf(element, variables, unique, result))
            elif name:
                what = SKIPPED_SOURCES.get(name, name)
                result.others.append(
                    OtherSource(guid_key(element.get("guid")), element.get("name", ""), what)
                )
    for notes in _children(root, "Notes"):
        for element in _children(notes, "Note"):
            note = ProjectNote(
                unique.take(element.get("guid")),
                element.get("name", ""),
                content=_inline(element),
                path=element.get("plainTextPath"),
            )
            result.notes[note.guid] = note
    for links in _children(root, "Links"):
        for element in _children(links, "Link"):
            result.links.append(
                Link(
                    guid_key(element.get("guid")),
                    element.get("name", ""),
                    guid_key(element.get("originGUID")),
                    guid_key(element.get("targetGUID")),
                )
            )
    result.project_notes = _refs(root, "NoteRef")
    for part, inner in (("Sets", "Set"), ("Cases", "Case"), ("Graphs", "Graph"), ("Users", "User")):
        count = sum(
            1
            for holder in _children(root, part)
            for element in _children(holder, inner)
            # The user every Briefing export names is the analyst: nothing of it is lost.
            if guid_key(element.get("guid")) != _OUR_USER
        )
        if count:
            result.unread[inner] = count
    return result


def _inline(element: etree._Element) -> str | None:
    content = _child(element, "PlainTextContent")
    return (content.text or "") if content is not None else None


def _read_codes(holder: etree._Element, parent: str | None, into: dict[str, Code]) -> None:
    for element in _children(holder, "Code"):
        code = Code(
            guid_key(element.get("guid")),
            element.get("name", "").strip(),
            element.get("isCodable", "true").strip().lower() in ("true", "1"),
            parent,
        )
        into[code.guid] = code
        _read_codes(element, code.guid, into)


def _read_source(element: etree._Element, variables: dict[str, str], unique: _Unique) -> TextSource:
    source = TextSource(
        unique.take(element.get("guid")),
        element.get("name", ""),
        description=_text_of(element, "Description"),
        content=_inline(element),
        path=element.get("plainTextPath"),
        codes=_codings(element),
        notes=_refs(element, "NoteRef"),
    )
    for value in _children(element, "VariableValue"):
        ref = _child(value, "VariableRef")
        name = variables.get(guid_key(ref.get("targetGUID")) if ref is not None else "", "")
        data = [c.text or "" for c in value if _local(c).endswith("Value") and c is not ref]
        if name and data:
            source.variables[name] = data[0].strip()
    for sel in _children(element, "PlainTextSelection"):
        source.selections.append(
            Selection(
                unique.take(sel.get("guid")),
                sel.get("name", ""),
                _position(sel.get("startPosition")),
                _position(sel.get("endPosition")),
                description=_text_of(sel, "Description"),
                codes=_codings(sel),
                notes=_refs(sel, "NoteRef"),
            )
        )
    return source


def _read_pdf(
    element: etree._Element, variables: dict[str, str], unique: _Unique, project: Project
) -> TextSource:
    """Read a PDF source by its text representation, which its text selections count in
    (REFI-QDA 10.3); its selections of page areas are dropped."""
    representation = _child(element, "Representation")
    assert representation is not None
    source = _read_source(representation, variables, unique)
    source.name = source.name or element.get("name", "")
    source.description = source.description or _text_of(element, "Description")
    # Codes, notes and variables may sit on the PDF rather than on its representation; links
    # and note references name the PDF, so the text source answers to the PDF's GUID.
    pdf = _read_source(element, variables, unique)
    source.guid = pdf.guid
    source.codes += pdf.codes
    source.notes += pdf.notes
    source.variables = {**pdf.variables, **source.variables}
    areas = sum(1 for _ in _children(element, "PDFSelection"))
    if areas:
        project.dropped.append(
            (
                "selection",
                f"{source.name}: {areas} PDF area selection(s)",
                "Briefing keeps a PDF's text, not areas of its pages",
            )
        )
    return source
