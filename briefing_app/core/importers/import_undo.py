"""Undo and redo of a whole import: the sources it added and what it changed on others.

One import may add a source and, later in the same batch, update it (a reference item whose
attachment is a file imported just before it): what it changed is put back newest first, and
only then are the sources it added removed, so every step finds the source it undoes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_app.core.changes import Edit
from briefing_app.core.models import Tag
from briefing_app.core.records.sources import RemovedSource

if TYPE_CHECKING:
    from briefing_app.core.importers.batch import ImportSummary
    from briefing_app.core.library import Library


@dataclass(frozen=True)
class UndoneImport:
    """What `redo_import` needs: the sources and tags removed, the changes to make again."""

    removed: list[RemovedSource]
    redo_edits: list[Edit]
    tags: list[Tag]


def undo_import(lib: Library, summary: ImportSummary) -> UndoneImport:
    """Take back an import in one transaction; return what `redo_import` needs.

    Refused (InvalidInput, nothing changed) when a claim was tagged on a new source since.
    """
    added = [o.source_id for o in summary.by_status("imported") if o.source_id is not None]
    edits = [o.edit for o in summary.outcomes if o.edit is not None]
    with lib.write():
        redo_edits = [lib.sources.revert_refresh(edit) for edit in reversed(edits)]
        removed = lib.sources.delete_many(added)
        # The tags the import made (a Zotero item's), now on nothing, go with it.
        tags = [lib.tags.delete(i)[0] for i in lib.tags.unused_since(summary.tags_before)]
    return UndoneImport(removed, redo_edits[::-1], tags)


def redo_import(lib: Library, undone: UndoneImport) -> None:
    """Make an import taken back by `undo_import` again, in one transaction."""
    with lib.write():
        for tag in undone.tags:
            lib.tags.restore(tag, [], [])
        lib.sources.restore_many(undone.removed)
        for edit in undone.redo_edits:
            lib.sources.revert_refresh(edit)
