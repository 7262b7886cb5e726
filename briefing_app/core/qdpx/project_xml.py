"""The project.qde document: our records as REFI-QDA Project elements (QDA-XML 1.0).

Elements are added in the order the schema's sequences ask (Users, CodeBook, Variables,
Sources, Notes, Links; in a TextSource: Description, selections, Coding, VariableValue).
Nothing here reads a clock: every date comes from the records, so the same library gives the
same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from briefing_app.core.models import SYMMETRIC_RELATIONS, Claim, ClaimRelation, Note, Source, Tag
from briefing_app.core.qdpx.codebook import Code, CodeBook
from briefing_app.core.qdpx.mapping import (
    ANALYST_USER_NAME,
    ANALYST_USER_UID,
    CLAIM_KEY_LINE_PREFIX,
    INTERNAL_SCHEME,
    LINK_DIRECTION_ONE_WAY,
    LINK_DIRECTION_SYMMETRIC,
    NAMESPACE,
    SOURCE_VARIABLES,
    USER_KIND,
    guid_for,
)
from briefing_app.core.qdpx.note_text import note_text
from briefing_app.core.qdpx.plain_text import PlainText, xml_safe

# What xsd:dateTime accepts of the ISO times we store ("2026-12-06T02:48:35+00:00").
_DATE_TIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


class ProjectBuilder:
    """Build a project.qde: the codebook first, then sources, notes and links as they come."""

    def __init__(self, name: str, codebook: CodeBook, origin: str) -> None:
        self.user = guid_for(USER_KIND, ANALYST_USER_UID)
        self.codebook = codebook
        # Characters XML cannot hold, replaced in names and descriptions (see mapping.py).
        self.replaced = 0
        # The earliest and latest record dates: the project's own creation and modification.
        self.first = self.last = ""
        self.root = etree.Element(_q("Project"), nsmap={None: NAMESPACE})
        self._set(self.root, "name", name)
        self.root.set("origin", origin)
        self.root.set("creatingUserGUID", self.user)
        users = self._add(self.root, "Users")
        self._set(self._add(users, "User", guid=self.user), "name", ANALYST_USER_NAME)
        codes = self._add(self._add(self.root, "CodeBook"), "Codes")
        for code in codebook.codes:
            self._add_code(codes, code)
        variables = self._add(self.root, "Variables")
        for variable in SOURCE_VARIABLES:
            self._add(
                variables,
                "Variable",
                guid=_variable_guid(variable),
                name=variable,
                typeOfVariable="Text",
            )
        self._sources: etree._Element | None = None
        self._notes: etree._Element | None = None

    def add_source(
        self, source: Source, plain: PlainText, claims: Iterable[Claim], tags: Iterable[Tag]
    ) -> int:
        """Add a TextSource with its claims' selections; return how many selections it holds.

        A claim whose span lies outside the text (a damaged library) has no selection.
        """
        if self._sources is None:
            self._sources = self._add(self.root, "Sources")
        guid = guid_for("source", source.uid)
        element = self._add(self._sources, "TextSource", guid=guid)
        self._set(element, "name", source.title)
        element.set("plainTextPath", f"{INTERNAL_SCHEME}{guid}.txt")
        self._stamp(element, source.created_at, source.modified_at)
        if source.analyst_note:
            self._text(element, "Description", source.analyst_note)
        added = 0
        for claim in claims:
            start, end = plain.span(claim.start, claim.end)
            if not 0 <= start < end <= len(plain.text):
                continue
            self._add_selection(element, claim, start, end, plain.text[start:end])
            added += 1
        for code in self.codebook.tag_codes(tags):
            self._add_coding(element, f"{source.uid}:{code}", code, source.created_at)
        for variable, attr in SOURCE_VARIABLES.items():
            value = getattr(source, attr) or ""
            if value:
                holder = self._add(element, "VariableValue")
                self._add(holder, "VariableRef", targetGUID=_variable_guid(variable))
                self._text(holder, "TextValue", str(value))
        return added

    def add_note(self, note: Note) -> None:
        """Add a Note holding the note's header and sections as plain text."""
        if self._notes is None:
            self._notes = self._add(self.root, "Notes")
        element = self._add(self._notes, "Note", guid=guid_for("note", note.uid))
        self._set(element, "name", note.title)
        self._stamp(element, note.created_at, note.modified_at)
        self._text(element, "PlainTextContent", note_text(note))

    def add_links(self, relations: Iterable[ClaimRelation], claim_uids: dict[int, str]) -> int:
        """Add a Link per relation between two exported claims; return how many."""
        links = None
        count = 0
        for relation in relations:
            if links is None:
                links = self._add(self.root, "Links")
            direction = (
                LINK_DIRECTION_SYMMETRIC
                if relation.relation in SYMMETRIC_RELATIONS
                else LINK_DIRECTION_ONE_WAY
            )
            self._add(
                links,
                "Link",
                guid=guid_for("relation", relation.uid),
                name=relation.relation,
                direction=direction,
                originGUID=guid_for("claim", claim_uids[relation.from_claim_id]),
                targetGUID=guid_for("claim", claim_uids[relation.to_claim_id]),
            )
            count += 1
        return count

    def to_bytes(self) -> bytes:
        """Return the document: UTF-8 without a BOM, an XML declaration, indented."""
        if self.first:
            self.root.set("creationDateTime", self.first)
            self.root.set("modifiedDateTime", self.last)
        data: bytes = etree.tostring(
            self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )
        return data

    def _add_code(self, parent: etree._Element, code: Code) -> None:
        element = self._add(parent, "Code", guid=code.guid)
        self._set(element, "name", code.name)
        element.set("isCodable", "true" if code.codable else "false")
        if code.description:
            self._text(element, "Description", code.description)
        for child in code.children:
            self._add_code(element, child)

    def _add_selection(
        self, source: etree._Element, claim: Claim, start: int, end: int, quote: str
    ) -> None:
        element = self._add(source, "PlainTextSelection", guid=guid_for("claim", claim.uid))
        self._set(element, "name", quote)
        element.set("startPosition", str(start))
        element.set("endPosition", str(end))
        self._stamp(element, claim.created_at, claim.modified_at)
        self._text(
            element, "Description", f"{claim.statement}\n\n{CLAIM_KEY_LINE_PREFIX}{claim.key}"
        )
        for code in self.codebook.claim_codes(claim):
            self._add_coding(element, f"{claim.uid}:{code}", code, claim.created_at)

    def _add_coding(self, parent: etree._Element, uid: str, code: str, created: str) -> None:
        coding = self._add(parent, "Coding", guid=guid_for("coding", uid))
        coding.set("creatingUser", self.user)
        if _DATE_TIME.fullmatch(created):
            coding.set("creationDateTime", created)
        self._add(coding, "CodeRef", targetGUID=code)

    def _stamp(self, element: etree._Element, created: str, modified: str) -> None:
        """Set who made an element and when, from the record's own dates."""
        element.set("creatingUser", self.user)
        if _DATE_TIME.fullmatch(created):
            element.set("creationDateTime", created)
        element.set("modifyingUser", self.user)
        if _DATE_TIME.fullmatch(modified):
            element.set("modifiedDateTime", modified)
        # Stored times are all UTC in one ISO form, so they sort as text.
        for time in (created, modified):
            if _DATE_TIME.fullmatch(time):
                self.first = min(self.first or time, time)
                self.last = max(self.last, time)

    def _add(self, parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
        element: etree._Element = etree.SubElement(parent, _q(tag))
        for key, value in attributes.items():
            element.set(key, value)
        return element

    def _set(self, element: etree._Element, attribute: str, value: str) -> None:
        safe, replaced = xml_safe(value)
        self.replaced += replaced
        element.set(attribute, safe)

    def _text(self, parent: etree._Element, tag: str, value: str) -> None:
        safe, replaced = xml_safe(value)
        self.replaced += replaced
        self._add(parent, tag).text = safe


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _variable_guid(name: str) -> str:
    return guid_for("variable", name)
