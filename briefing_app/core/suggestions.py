"""Suggested claims for a source, and the ones the analyst rejected: `lib.suggestions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import NotFound
from briefing_app.core.suggest import Suggestion, suggest_claims

if TYPE_CHECKING:
    from briefing_app.core.library import Library


class SuggestionManager:
    """Suggestions over a library's sources: `lib.suggestions`. Nothing is stored but rejections."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def for_source(
        self, source_id: int, include_claimed: bool = False, include_rejected: bool = False
    ) -> list[Suggestion]:
        """Return the suggested claims of a source, without rejected ones or ones already claimed.

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> src = lib.sources.add(ExtractedDocument(title="T", text="Police said two died."))
        >>> [s.party for s in lib.suggestions.for_source(src.id)]
        ['Police']
        """
        source = self._lib.sources.get(source_id)
        suggestions = suggest_claims(
            source.text,
            known_parties=self._lib.parties.known(),
            rejected=() if include_rejected else self.rejected(source_id),
            aliases=self._lib.parties.aliases(),
            language=source.language or "en",
        )
        if include_claimed:
            return suggestions
        spans = [(start, end) for _, start, end, _ in self._lib.claims.spans(source_id)]
        return [s for s in suggestions if not any(_covers(s, a, b) for a, b in spans)]

    def reject(self, source_id: int, suggestion: Suggestion | str) -> None:
        """Remember that a suggestion (or its fingerprint) is not a claim of this source."""
        self._lib.sources.get(source_id)
        if isinstance(suggestion, str):
            fingerprint = suggestion.strip()
            known = self.for_source(source_id, include_claimed=True, include_rejected=True)
            if fingerprint not in {s.fingerprint for s in known}:
                raise NotFound(f"source {source_id} has no suggestion {fingerprint!r}")
        else:
            fingerprint = suggestion.fingerprint
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "INSERT OR IGNORE INTO rejected_suggestions (source_id, fingerprint, created_at) "
                "VALUES (?, ?, ?)",
                (source_id, fingerprint.strip(), now_iso()),
            )
            changes.sources.add(source_id)

    def unreject(self, source_id: int, fingerprint: str) -> None:
        """Propose a rejected suggestion again (the undo of reject); raise NotFound if not one."""
        if fingerprint.strip() not in self.rejected(source_id):
            raise NotFound(f"source {source_id} has no rejected suggestion {fingerprint.strip()!r}")
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "DELETE FROM rejected_suggestions WHERE source_id = ? AND fingerprint = ?",
                (source_id, fingerprint.strip()),
            )
            changes.sources.add(source_id)

    def rejected(self, source_id: int) -> set[str]:
        """Return the fingerprints rejected on a source."""
        rows = self._lib.conn.execute(
            "SELECT fingerprint FROM rejected_suggestions WHERE source_id = ?", (source_id,)
        )
        return {r[0] for r in rows}


def _covers(suggestion: Suggestion, start: int, end: int) -> bool:
    """Return whether a claim overlaps a suggestion by half of the shorter of the two."""
    overlap = min(suggestion.end, end) - max(suggestion.start, start)
    shorter = min(suggestion.end - suggestion.start, end - start)
    return shorter > 0 and overlap * 2 >= shorter
