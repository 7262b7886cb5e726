"""Small REFI-QDA projects written the way each QDA tool writes them, for the import tests.

Written from the standard (REFI-QDA 1.5, Project.xsd) and the tools' documented habits:
QualCoder (lowercase `sources/`, `internal://` paths, exclusive ends), NVivo (a `Sources/`
folder, paths without `internal://`, notes linked to selections, CRLF text with a BOM),
ATLAS.ti (inline `PlainTextContent`, inclusive ends, "Parent::Child" code names, quotation
names shortened with an ellipsis), MAXQDA (a `<name>.qde`, NFD text with emoji).
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("0b9a1f3e-4c2d-4e5f-8a7b-6c5d4e3f2a1b")


def guid(label: str) -> str:
    """Return a stable GUID for a label, so tests can refer to codes and notes by name."""
    return str(uuid.uuid5(_GUIDS, label))


@dataclass
class Code:
    """A code and its children (non-codable when it only groups others)."""

    name: str
    children: list[Code] = field(default_factory=list)
    codable: bool = True
    # What selections name the code by (its name unless two codes share one).
    key: str = ""

    @property
    def guid(self) -> str:
        return guid(f"code:{self.key or self.name}")


@dataclass
class Sel:
    """A text selection: positions as the tool counts them, its name, codes and notes."""

    start: int | None
    end: int | None
    name: str | None = None
    codes: list[str] = field(default_factory=list)  # code keys (their names by default)
    description: str | None = None
    notes: list[str] = field(default_factory=list)  # note labels, as NoteRef
    label: str = ""

    @property
    def guid(self) -> str:
        return guid(f"sel:{self.label or self.name}:{self.start}")


@dataclass
class Src:
    """A text source: its text, how its file is written, and what is coded in it."""

    name: str
    text: str
    selections: list[Sel] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)
    description: str | None = None
    notes: list[str] = field(default_factory=list)
    inline: bool = False
    bom: bool = False
    # "internal" (internal://X.txt), "bare" (X.txt), "folder" (Sources/X.txt), or as given.
    path: str = "internal"
    raw_path: str | None = None

    @property
    def guid(self) -> str:
        return guid(f"src:{self.name}")


@dataclass
class Memo:
    """A note: project memo, or attached to a selection or source."""

    label: str
    text: str

    @property
    def guid(self) -> str:
        return guid(f"note:{self.label}")


def span(text: str, quote: str, *, inclusive: bool = False, occurrence: int = 1) -> tuple[int, int]:
    """Return the positions a tool writes for quote in text (its n-th occurrence)."""
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    return start, end - 1 if inclusive else end


def write_project(
    path: Path,
    sources: list[Src],
    *,
    codes: list[Code] | None = None,
    memos: list[Memo] | None = None,
    project_memos: list[str] | None = None,
    links: list[tuple[str, str]] | None = None,  # (note label, selection label or source name)
    raw_links: list[tuple[str, str, str]] | None = None,  # (name, origin label, target label)
    folder: str = "sources",
    qde_name: str = "project.qde",
    variables: list[str] | None = None,
    others: list[str] | None = None,  # extra raw XML inside <Sources>
    extra_members: dict[str, bytes] | None = None,
    prolog: str = "",
    users: list[tuple[str, str]] | None = None,  # (guid, name) of the project's users
) -> Path:
    """Write a .qdpx project and return its path."""
    codes = codes or []
    memos = memos or []
    members: dict[str, bytes] = {}
    xml = [f'<?xml version="1.0" encoding="utf-8"?>{prolog}']
    xml.append(f'<Project xmlns="{NS}" name="{path.stem}" origin="test">')
    if users:
        xml.append("<Users>")
        xml += [f'<User guid="{g}" name={quoteattr(n)}/>' for g, n in users]
        xml.append("</Users>")
    if codes:
        xml.append("<CodeBook><Codes>")
        xml += [_code(c) for c in codes]
        xml.append("</Codes></CodeBook>")
    names = variables or sorted({v for s in sources for v in s.variables})
    if names:
        xml.append("<Variables>")
        xml += [
            f'<Variable guid="{guid("var:" + n)}" name={quoteattr(n)} typeOfVariable="Text"/>'
            for n in names
        ]
        xml.append("</Variables>")
    xml.append("<Sources>")
    for src in sources:
        xml.append(_source(src, folder, members))
    xml += others or []
    xml.append("</Sources>")
    if memos:
        xml.append("<Notes>")
        for memo in memos:
            xml.append(
                f'<Note guid="{memo.guid}" name={quoteattr(memo.label)}>'
                f"<PlainTextContent>{escape(memo.text)}</PlainTextContent></Note>"
            )
        xml.append("</Notes>")
    if links or raw_links:
        by_label = {s.name: s.guid for s in sources}
        by_label |= {sel.label or sel.name or "": sel.guid for s in sources for sel in s.selections}
        xml.append("<Links>")
        for note, target in links or []:
            xml.append(
                f'<Link guid="{guid("link:" + note)}" name="annotation" '
                f'originGUID="{guid("note:" + note)}" targetGUID="{by_label[target]}"/>'
            )
        for name, origin, target in raw_links or []:
            xml.append(
                f'<Link guid="{guid("link:" + name)}" name={quoteattr(name)} '
                f'originGUID="{by_label[origin]}" targetGUID="{by_label[target]}"/>'
            )
        xml.append("</Links>")
    for label in project_memos or []:
        xml.append(f'<NoteRef targetGUID="{guid("note:" + label)}"/>')
    xml.append("</Project>")
    members = {qde_name: "\n".join(xml).encode("utf-8"), **members, **(extra_members or {})}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _code(code: Code) -> str:
    inner = "".join(_code(c) for c in code.children)
    codable = "true" if code.codable else "false"
    return (
        f'<Code guid="{code.guid}" name={quoteattr(code.name)} isCodable="{codable}">{inner}</Code>'
    )


def _codings(names: list[str]) -> str:
    return "".join(
        f'<Coding guid="{guid("coding:" + n + str(i))}"><CodeRef targetGUID="{guid("code:" + n)}"/>'
        "</Coding>"
        for i, n in enumerate(names)
    )


def _source(src: Src, folder: str, members: dict[str, bytes]) -> str:
    attrs = f'guid="{src.guid}" name={quoteattr(src.name)}'
    body = []
    if src.description is not None:
        body.append(f"<Description>{escape(src.description)}</Description>")
    if src.inline:
        body.append(f"<PlainTextContent>{escape(src.text)}</PlainTextContent>")
    else:
        file = f"{src.guid}.txt"
        data = src.text.encode("utf-8")
        members[f"{folder}/{file}"] = (b"\xef\xbb\xbf" if src.bom else b"") + data
        where = {
            "internal": f"internal://{file}",
            "bare": file,
            "folder": f"{folder}/{file}",
        }.get(src.path, src.path)
        attrs += f" plainTextPath={quoteattr(src.raw_path or where)}"
    for sel in src.selections:
        sel_attrs = f'guid="{sel.guid}"'
        if sel.name is not None:
            sel_attrs += f" name={quoteattr(sel.name)}"
        if sel.start is not None:
            sel_attrs += f' startPosition="{sel.start}"'
        if sel.end is not None:
            sel_attrs += f' endPosition="{sel.end}"'
        inner = ""
        if sel.description is not None:
            inner += f"<Description>{escape(sel.description)}</Description>"
        inner += _codings(sel.codes)
        inner += "".join(f'<NoteRef targetGUID="{guid("note:" + n)}"/>' for n in sel.notes)
        body.append(f"<PlainTextSelection {sel_attrs}>{inner}</PlainTextSelection>")
    body.append(_codings(src.codes))
    body += [f'<NoteRef targetGUID="{guid("note:" + n)}"/>' for n in src.notes]
    for name, value in src.variables.items():
        body.append(
            f'<VariableValue><VariableRef targetGUID="{guid("var:" + name)}"/>'
            f"<TextValue>{escape(value)}</TextValue></VariableValue>"
        )
    return f"<TextSource {attrs}>{''.join(body)}</TextSource>"
