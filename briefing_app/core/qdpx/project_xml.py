"""The project.qde document: our records as REFI-QDA Project elements (QDA-XML 1.0).

The document is streamed (lxml's incremental xmlfile), one element at a time, so a library of
100,000 claims never sits in memory as a tree. Elements come in the order the schema's
sequences ask: Users, CodeBook, Variables, Sources, Notes, Links; in a TextSource the
Description, the selections, the source's own Coding, then its VariableValues. Nothing here
reads a clock: every date comes from the records, so the same library gives the same bytes.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from briefing_app.core.models import SYMMETRIC_RELATIONS, Claim, ClaimRelation, Note, Source, Tag
from briefing_app.core.qdpx.codebook import Code, CodeBook
from briefing_app.core.qdpx.guids import stable_guid
from briefing_app.core.qdpx.mapping import (
    ANALYST_USER_NAME,
    ANALYST_USER_UID,
    CLAIM_KEY_LINE_PREFIX,
    INTERNAL_SCHEME,
    LANGUAGE_GUESSED_VALUE,
    LANGUAGE_GUESSED_VARIABLE,
    LINK_DIRECTION_ONE_WAY,
    LINK_DIRECTION_SYMMETRIC,
    NAMESPACE,
    SOURCE_VARIABLES,
    USER_KIND,
)
from briefing_app.core.qdpx.note_text import note_text
from briefing_app.core.qdpx.plain_text import xml_safe
from briefing_app.core.text.control_chars import manual_breaks_as

# What xsd:dateTime accepts of the ISO times we store ("2026-12-06T02:48:35+00:00").
_DATE_TIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
_INDENT = "  "
_PADS = ["\n" + _INDENT * level for level in range(8)]


@dataclass(frozen=True)
class Selection:
    """Where a claim's quote lies in its source's .txt file: [start, end) in code points."""

    claim: Claim
    start: int
    end: int
    quote: str  # the file text from start to end


@dataclass(frozen=True)
class ProjectHeader:
    """The Project element's own attributes."""

    name: str
    origin: str
    created: str = ""  # the earliest date of the records exported
    modified: str = ""  # the latest


def record_times(times: Iterable[str]) -> tuple[str, str]:
    """Return the earliest and latest of these stored times that xsd:dateTime accepts.

    Stored times are all UTC in one ISO form, so they sort as text.

    >>> record_times(["2025-11-30T10:00:00+00:00", "", "2025-11-29T08:00:00+00:00"])
    ('2025-11-29T08:00:00+00:00', '2025-11-30T10:00:00+00:00')
    """
    valid = [t for t in times if _DATE_TIME.fullmatch(t)]
    return (min(valid), max(valid)) if valid else ("", "")


class ProjectWriter:
    """Write the elements of one project.qde; `project_document` makes one."""

    def __init__(self, xf: Any, codebook: CodeBook) -> None:
        self._xf = xf
        self.codebook = codebook
        self.user = stable_guid(USER_KIND, ANALYST_USER_UID)
        # Characters XML cannot hold, replaced in names and descriptions (see mapping.py).
        self.replaced = 0
        self._section = contextlib.ExitStack()
        self._section_name = ""

    def add_source(
        self, source: Source, selections: Iterable[Selection], tags: Iterable[Tag]
    ) -> None:
        """Write a TextSource with its claims' selections, its own tags and its variables."""
        self._enter("Sources")
        guid = stable_guid("source", source.uid)
        attrib = {
            "guid": guid,
            "name": self._safe(source.title),
            "plainTextPath": f"{INTERNAL_SCHEME}{guid}.txt",
            **self._stamp(source.created_at, source.modified_at),
        }
        with self._node(2, "TextSource", attrib):
            if source.analyst_note:
                self._description(3, source.analyst_note)
            for selection in selections:
                self._add_selection(selection)
            for code in self.codebook.tag_codes(tags):
                self._add_coding(3, f"{source.uid}:{code}", code)
            for variable, attr in SOURCE_VARIABLES.items():
                value = str(getattr(source, attr) or "")
                if value:
                    self._add_variable_value(variable, value)
            if source.language_guessed and source.language:
                self._add_variable_value(LANGUAGE_GUESSED_VARIABLE, LANGUAGE_GUESSED_VALUE)

    def _add_variable_value(self, variable: str, value: str) -> None:
        with self._node(3, "VariableValue", {}):
            self._leaf(4, "VariableRef", {"targetGUID": _variable_guid(variable)})
            self._leaf(4, "TextValue", text=value)

    def add_note(self, note: Note) -> None:
        """Write a Note holding the note's header and sections as plain text."""
        self._enter("Notes")
        attrib = {
            "guid": stable_guid("note", note.uid),
            "name": self._safe(note.title),
            **self._stamp(note.created_at, note.modified_at),
        }
        with self._node(2, "Note", attrib):
            self._leaf(3, "PlainTextContent", text=note_text(note))

    def add_link(self, relation: ClaimRelation, from_uid: str, to_uid: str) -> None:
        """Write a Link from one claim's selection to another's, named by the relation."""
        self._enter("Links")
        symmetric = relation.relation in SYMMETRIC_RELATIONS
        attrib = {
            "guid": stable_guid("relation", relation.uid),
            "name": relation.relation,
            "direction": LINK_DIRECTION_SYMMETRIC if symmetric else LINK_DIRECTION_ONE_WAY,
            "originGUID": stable_guid("claim", from_uid),
            "targetGUID": stable_guid("claim", to_uid),
        }
        self._leaf(2, "Link", attrib)

    def write_head(self) -> None:
        """Write Users, CodeBook and Variables: what every project has before its sources."""
        with self._node(1, "Users", {}):
            self._leaf(2, "User", {"guid": self.user, "name": ANALYST_USER_NAME})
        with self._node(1, "CodeBook", {}), self._node(2, "Codes", {}):
            for code in self.codebook.codes:
                self._add_code(3, code)
        with self._node(1, "Variables", {}):
            for variable in [*SOURCE_VARIABLES, LANGUAGE_GUESSED_VARIABLE]:
                attrib = {"guid": _variable_guid(variable), "name": variable}
                self._leaf(2, "Variable", {**attrib, "typeOfVariable": "Text"})

    def close(self) -> None:
        """End the section (Sources, Notes or Links) still open."""
        self._section.close()

    def _enter(self, section: str) -> None:
        """Open a top-level section; the one before it ends first (the schema's order)."""
        if self._section_name != section:
            self._section.close()
            self._section_name = section
            self._section.enter_context(self._node(1, section, {}))

    def _add_code(self, level: int, code: Code) -> None:
        attrib = {
            "guid": code.guid,
            "name": self._safe(code.name),
            "isCodable": "true" if code.codable else "false",
        }
        if not code.description and not code.children:
            self._leaf(level, "Code", attrib)
            return
        with self._node(level, "Code", attrib):
            if code.description:
                self._description(level + 1, code.description)
            for child in code.children:
                self._add_code(level + 1, child)

    def _add_selection(self, selection: Selection) -> None:
        claim = selection.claim
        attrib = {
            "guid": stable_guid("claim", claim.uid),
            "name": self._safe(selection.quote),
            "startPosition": str(selection.start),
            "endPosition": str(selection.end),
            **self._stamp(claim.created_at, claim.modified_at),
        }
        with self._node(3, "PlainTextSelection", attrib):
            self._description(4, f"{claim.statement}\n\n{CLAIM_KEY_LINE_PREFIX}{claim.key}")
            for code in self.codebook.claim_codes(claim):
                self._add_coding(4, f"{claim.uid}:{code}", code)

    def _add_coding(self, level: int, uid: str, code: str) -> None:
        # Written without the helpers: a library of 100,000 claims has half a million codings.
        # No creationDateTime: when a tag was put on a claim is not recorded.
        pad = _PADS[level]
        xf = self._xf
        xf.write(pad)
        with xf.element(_CODING, {"guid": stable_guid("coding", uid), "creatingUser": self.user}):
            xf.write(_PADS[level + 1])
            with xf.element(_CODE_REF, {"targetGUID": code}):
                pass
            xf.write(pad)

    def _stamp(self, created: str, modified: str) -> dict[str, str]:
        """Return who made an element and when, from the record's own dates."""
        stamp = {"creatingUser": self.user}
        if _DATE_TIME.fullmatch(created):
            stamp["creationDateTime"] = created
        stamp["modifyingUser"] = self.user
        if _DATE_TIME.fullmatch(modified):
            stamp["modifiedDateTime"] = modified
        return stamp

    @contextlib.contextmanager
    def _node(self, level: int, tag: str, attrib: dict[str, str]) -> Iterator[None]:
        """Write an element with children, indented at level, its end tag on a line of its own."""
        self._xf.write(_PADS[level])
        with self._xf.element(_q(tag), attrib):
            yield
            self._xf.write(_PADS[level])

    def _leaf(
        self, level: int, tag: str, attrib: dict[str, str] | None = None, text: str = ""
    ) -> None:
        """Write an element without children, with its text (made XML-safe)."""
        self._xf.write(_PADS[level])
        with self._xf.element(_q(tag), attrib or {}):
            if text:
                self._xf.write(self._safe(text))

    def _description(self, level: int, text: str) -> None:
        """Write a Description: free text, so a manual line break (Shift+Enter) is a new line."""
        # (XML cannot hold the vertical tab Word's break is stored as; in free text a line break
        # says the same, where U+FFFD would show a broken character in every QDA tool.)
        self._leaf(level, "Description", text=manual_breaks_as(text, "\n"))

    def _safe(self, value: str) -> str:
        safe, replaced = xml_safe(value)
        self.replaced += replaced
        return safe


@contextlib.contextmanager
def project_document(
    out: IO[bytes], header: ProjectHeader, codebook: CodeBook
) -> Iterator[ProjectWriter]:
    """Stream a project.qde into out (UTF-8, no BOM); yield the writer for its sources and notes.

    The head (users, codebook, variables) is written first; each section ends when the next
    begins, and the document when the block does.
    """
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        writer = ProjectWriter(xf, codebook)
        attrib = {
            "name": writer._safe(header.name),
            "origin": header.origin,
            "creatingUserGUID": writer.user,
        }
        if header.created:
            attrib["creationDateTime"] = header.created
            attrib["modifiedDateTime"] = header.modified
        with xf.element(_q("Project"), attrib, nsmap={None: NAMESPACE}):
            writer.write_head()
            yield writer
            writer.close()
            xf.write("\n")


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


_CODING = _q("Coding")
_CODE_REF = _q("CodeRef")


def _variable_guid(name: str) -> str:
    return stable_guid("variable", name)
