"""Taking a project import back out, and putting it back (the undo and redo of an import).

An import records what it made (`ImportedRecords`, in its report); `remove_import` deletes
exactly that in one transaction and returns it as it was, and `restore_import` puts it back
with the same ids, uids and keys. Sources and claims that were already in the library stay;
tags the import added to such a source are taken off again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing_app.core.models import Claim, ClaimRelation, Tag
from briefing_app.core.records.notes import RemovedNote
from briefing_app.core.records.sources import RemovedSource

if TYPE_CHECKING:
    from briefing_app.core.library import Library


@dataclass
class ImportedRecords:
    """The ids of what an import made, and the tags it put on sources already here."""

    source_ids: list[int] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)
    relation_ids: list[int] = field(default_factory=list)
    note_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    # (source id, its tag refs before, after) for sources that were already here.
    retagged: list[tuple[int, list[str], list[str]]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the ids as JSON."""
        return {
            "sources": self.source_ids,
            "claims": self.claim_ids,
            "relations": self.relation_ids,
            "notes": self.note_ids,
            "tags": self.tag_ids,
        }


@dataclass
class RemovedImport:
    """What `remove_import` took out, as it was, for `restore_import`."""

    notes: list[RemovedNote]
    relations: list[ClaimRelation]
    claims: list[Claim]
    sources: list[RemovedSource]
    tags: list[tuple[Tag, list[int], list[int]]]
    retagged: list[tuple[int, list[str], list[str]]]


def remove_import(lib: Library, records: ImportedRecords) -> RemovedImport:
    """Delete what an import made, in one transaction; return it for `restore_import`."""
    with lib.write():
        notes = [lib.notes.delete(i) for i in records.note_ids]
        relations = [lib.relations.get(i) for i in records.relation_ids]
        for relation in relations:
            lib.relations.unlink(relation.from_claim_id, relation.to_claim_id)
        # Set-based: one by one, 10,000 claims took the window away for two seconds.
        claims = lib.claims.delete_many(records.claim_ids)
        sources = lib.sources.delete_many(records.source_ids)
        for source_id, before, _ in records.retagged:
            lib.sources.set_tags(source_id, before)
        tags = [lib.tags.delete(i) for i in records.tag_ids]
    return RemovedImport(notes, relations, claims, sources, tags, records.retagged)


def restore_import(lib: Library, removed: RemovedImport) -> ImportedRecords:
    """Put back what `remove_import` took out, with its ids; return the records again."""
    with lib.write():
        for tag, claim_ids, source_ids in removed.tags:
            lib.tags.restore(tag, claim_ids, source_ids)
        lib.sources.restore_many(removed.sources)
        lib.claims.restore_many(removed.claims)
        for source_id, _, after in removed.retagged:
            lib.sources.set_tags(source_id, after)
        lib.relations.restore(removed.relations)
        for note in removed.notes:
            lib.notes.restore(note)
    return ImportedRecords(
        source_ids=[r.source.id for r in removed.sources],
        claim_ids=[c.id for c in removed.claims],
        relation_ids=[r.id for r in removed.relations],
        note_ids=[n.note.id for n in removed.notes],
        tag_ids=[t.id for t, _, _ in removed.tags],
        retagged=removed.retagged,
    )
