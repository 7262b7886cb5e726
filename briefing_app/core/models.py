"""Domain records: sources, claims, tags, notes and review comments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CLAIM_KINDS = ("reported fact", "allegation", "denial", "official statement", "assessment")
CLAIM_STATUSES = ("unverified", "corroborated", "disputed", "retracted")
TAG_KINDS = ("topic", "actor", "place", "organisation", "event", "source type")
NOTE_STATUSES = ("draft", "in review", "final")
# corroborates and contradicts are symmetric; "A repeats B": A reports B or shares its origin;
# "A updates B": A supersedes B (a revised casualty figure).
RELATIONS = ("corroborates", "contradicts", "repeats", "updates")
SYMMETRIC_RELATIONS = frozenset({"corroborates", "contradicts"})


@dataclass
class Source:
    """An imported article: its metadata, grading and normalised text."""

    id: int
    uid: str
    title: str
    text: str
    sha256: str
    byline: str = ""
    outlet: str = ""
    published: str | None = None
    url: str = ""
    language: str = ""
    format: str = ""
    retrieved_at: str = ""
    reliability: str = "F"
    marking: str = ""
    analyst_note: str = ""
    origin_path: str = ""
    created_at: str = ""
    modified_at: str = ""
    # From a reference manager: the DOI, the item's URI or key, and the day the page was read.
    doi: str = ""
    ref_id: str = ""
    accessed: str = ""
    # The language was guessed from the text at import (the file declared none).
    language_guessed: bool = False
    claim_count: int = 0
    tags: list[str] = field(default_factory=list)

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        """Return the JSON form shown by the CLI (text only when asked)."""
        data: dict[str, Any] = {
            "id": self.id,
            "uid": self.uid,
            "title": self.title,
            "byline": self.byline,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "language_guessed": self.language_guessed,
            "format": self.format,
            "retrieved_at": self.retrieved_at,
            "sha256": self.sha256,
            "reliability": self.reliability,
            "marking": self.marking,
            "analyst_note": self.analyst_note,
            "doi": self.doi,
            "accessed": self.accessed,
            "claim_count": self.claim_count,
            "tags": self.tags,
        }
        if with_text:
            data["text"] = self.text
        return data


@dataclass
class Claim:
    """An anchored span of a source with the analyst's reading of it."""

    id: int
    uid: str
    key: str
    source_id: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    statement: str = ""
    party: str = ""
    kind: str = "reported fact"
    credibility: int = 6
    status: str = "unverified"
    tags: list[str] = field(default_factory=list)
    # The same tags qualified by kind ("place:Khatlon"): what undo and restore link back, since
    # a name alone may belong to tags of several kinds.
    tag_refs: list[str] = field(default_factory=list)
    revision: int = 1
    created_at: str = ""
    modified_at: str = ""
    # When the event the claim reports happened: reduced-precision ISO ("2025-11"), "" unknown.
    event_date: str = ""
    # Filled only by `ClaimManager.delete`: the relations and question places the delete took
    # with it, so `restore` puts them back.
    links: ClaimLinks | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "key": self.key,
            "source_id": self.source_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "statement": self.statement,
            "party": self.party,
            "kind": self.kind,
            "credibility": self.credibility,
            "status": self.status,
            "tags": self.tags,
            "revision": self.revision,
            # null when unknown, as in `timeline --json` and for a source's published date.
            "event_date": self.event_date or None,
            "created_at": self.created_at,
            "modified_at": self.modified_at,
        }


@dataclass(frozen=True)
class ClaimRelation:
    """A link between two claims: from_key corroborates/contradicts/repeats/updates to_key."""

    id: int
    uid: str
    from_claim_id: int
    to_claim_id: int
    relation: str
    note: str = ""
    created_at: str = ""
    from_key: str = ""
    to_key: str = ""

    def other(self, claim_id: int) -> int:
        """Return the claim at the other end of the link from claim_id."""
        return self.to_claim_id if claim_id == self.from_claim_id else self.from_claim_id

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "from": self.from_key,
            "relation": self.relation,
            "to": self.to_key,
            "note": self.note,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class ClaimLinks:
    """What deleting a claim removes with it: its relations and its places under questions."""

    relations: tuple[ClaimRelation, ...] = ()
    # (question id, position) of each question the claim was assigned to.
    questions: tuple[tuple[int, int], ...] = ()
    # Its rows in ACH matrices (with their ratings) and its support of key assumptions, as
    # records to write back (`core.ach.records.RecordState`).
    matrix_records: tuple[Any, ...] = ()


@dataclass(frozen=True)
class QuestionTitle:
    """A key question without its claims: what a list or menu of questions offers."""

    id: int
    uid: str
    key: str
    text: str


@dataclass
class Question:
    """A key question the brief must answer (Q1), with the claims assigned to it, in order."""

    id: int
    uid: str
    key: str
    text: str
    note: str = ""
    claim_keys: list[str] = field(default_factory=list)
    created_at: str = ""
    modified_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "key": self.key,
            "text": self.text,
            "note": self.note,
            "claims": self.claim_keys,
            "created_at": self.created_at,
            "modified_at": self.modified_at,
        }


@dataclass
class Tag:
    """A label of a kind (topic, actor, place...) applied to claims and sources."""

    id: int
    uid: str
    name: str
    kind: str = "topic"
    claim_count: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "name": self.name,
            "kind": self.kind,
            "claim_count": self.claim_count,
        }


@dataclass
class Section:
    """One section of a note: a template key, its heading and a Markdown body."""

    id: int
    uid: str
    key: str
    heading: str
    body: str = ""
    position: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "key": self.key,
            "heading": self.heading,
            "body": self.body,
            "position": self.position,
        }


@dataclass(frozen=True)
class NoteHeader:
    """What a list of notes shows of each: no sections, no settings (cheap to read)."""

    id: int
    title: str
    template: str
    status: str
    marking: str
    modified_at: str


@dataclass
class Note:
    """A briefing note written from a template, citing claims as [@C12]."""

    id: int
    uid: str
    title: str
    template: str
    marking: str = ""
    memo_to: str = ""
    memo_from: str = ""
    subject: str = ""
    memo_date: str = ""
    status: str = "draft"
    sections: list[Section] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    modified_at: str = ""

    def section(self, key: str) -> Section | None:
        """Return the section with this key, or None."""
        return next((s for s in self.sections if s.key == key), None)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "title": self.title,
            "template": self.template,
            "marking": self.marking,
            "memo_to": self.memo_to,
            "memo_from": self.memo_from,
            "subject": self.subject,
            "memo_date": self.memo_date,
            "status": self.status,
            "settings": self.settings,
            "sections": [s.to_json() for s in self.sections],
            "created_at": self.created_at,
            "modified_at": self.modified_at,
        }


@dataclass
class ReviewComment:
    """A reviewer's comment on a range of a note section."""

    id: int
    uid: str
    note_id: int
    section_key: str
    anchor_text: str = ""
    start: int | None = None
    end: int | None = None
    author: str = ""
    body: str = ""
    resolved: bool = False
    parent_id: int | None = None
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "id": self.id,
            "uid": self.uid,
            "note_id": self.note_id,
            "section_key": self.section_key,
            "anchor_text": self.anchor_text,
            "start": self.start,
            "end": self.end,
            "author": self.author,
            "body": self.body,
            "resolved": self.resolved,
            "parent_id": self.parent_id,
            "created_at": self.created_at,
        }
