"""Undoable accept and reject of suggested claims (core operations only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.library import Library
from briefing_app.gui.commands import ClaimCreatingCommand, LibraryCommand

if TYPE_CHECKING:
    from briefing_app.core.suggest import Suggestion


class AcceptSuggestionCommand(ClaimCreatingCommand):
    """Tag a suggestion as a claim with its proposed party and kind; undo deletes the claim."""

    def __init__(self, lib: Library, source_id: int, suggestion: Suggestion) -> None:
        super().__init__(lib, "Accept suggestion")
        self.source_id, self.suggestion = source_id, suggestion

    def first(self) -> None:
        """Create the claim."""
        self.claim = self.lib.suggestions.accept(self.source_id, self.suggestion)
        self.setText(f"Accept suggestion as {self.claim.key}")


class RejectSuggestionCommand(LibraryCommand):
    """Remember that a suggestion is not a claim of its source; undo proposes it again."""

    def __init__(self, lib: Library, source_id: int, suggestion: Suggestion) -> None:
        party = suggestion.party or "unknown party"
        super().__init__(lib, f"Reject suggestion ({party})")
        self.source_id, self.suggestion = source_id, suggestion

    def again(self) -> None:
        """Reject it (given as a Suggestion, so core need not search the text again)."""
        self.lib.suggestions.reject(self.source_id, self.suggestion)

    def back(self) -> None:
        """Propose it again."""
        self.lib.suggestions.unreject(self.source_id, self.suggestion.fingerprint)


class MergePartyCommand(LibraryCommand):
    """Record that alias names the same party as canonical; undo puts the old alias back."""

    def __init__(self, lib: Library, alias: str, canonical: str) -> None:
        super().__init__(lib, f"Merge party {alias} into {canonical}")
        self.alias, self.canonical = alias, canonical
        # The whole alias table: a merge may also re-point aliases that named the alias.
        self.before = lib.parties.alias_rows()

    def again(self) -> None:
        """Merge the names."""
        self.lib.parties.merge(self.alias, self.canonical)

    def back(self) -> None:
        """Put every alias back as it was before the merge."""
        self.lib.parties.restore_alias_rows(self.before)
