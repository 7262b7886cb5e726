"""Undoable accept and reject of suggested claims, and merges of party names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.library import Library
from briefing_app.gui.commands import LibraryCommand, creating
from briefing_app.gui.wording import count_of

if TYPE_CHECKING:
    from briefing_app.core.suggest import Suggestion


def AcceptSuggestionCommand(lib: Library, source_id: int, suggestion: Suggestion) -> LibraryCommand:
    """Tag a suggestion as a claim with its proposed party and kind; undo deletes the claim."""
    return creating(
        "Accept suggestion",
        lambda: lib.suggestions.accept(source_id, suggestion),
        lib.claims.delete,
        lib.claims.restore,
        lambda claim: f"Accept suggestion as {claim.key}",
    )


def RejectSuggestionCommand(lib: Library, source_id: int, suggestion: Suggestion) -> LibraryCommand:
    """Remember that a suggestion is not a claim of its source; undo proposes it again."""
    return LibraryCommand(
        f"Reject suggestion ({suggestion.party or 'party unresolved'})",
        # Given as a Suggestion, so core need not search the text again.
        lambda: lib.suggestions.reject(source_id, suggestion),
        lambda rejection: lib.suggestions.unreject(source_id, rejection.fingerprint),
        lib.suggestions.restore_rejection,
    )


def MergePartyCommand(lib: Library, alias: str, canonical: str) -> LibraryCommand:
    """Record that alias names canonical and rename it on the claims; undo puts all back."""
    text = f"Merge party {alias} into {canonical}"
    return LibraryCommand(
        text,
        lambda: lib.parties.merge_claims(alias, canonical),
        lib.parties.undo_merge,
        lib.parties.undo_merge,
        describe=lambda merge: f"{text} ({count_of(len(merge.renamed), 'claim')} renamed)",
    )
