"""Suggested claims for a source, and the ones the analyst rejected: `lib.suggestions`."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.importers.base import Annotation
from briefing_app.core.storage.rows import insert_row, record_from_row
from briefing_app.core.suggest import Suggestion, suggest_claims
from briefing_app.core.suggest.models import fingerprint_for
from briefing_app.core.text.anchors import find_quote

# The pattern of a suggestion that is a passage the analyst highlighted in Zotero.
HIGHLIGHT_PATTERN = "zotero highlight"

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import Claim


@dataclass(frozen=True)
class Rejection:
    """A suggestion the analyst said is not a claim of its source, as stored."""

    id: int
    source_id: int
    fingerprint: str
    created_at: str


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
        rejected = set() if include_rejected else self.rejected(source_id)
        highlighted = [
            s
            for s in self._highlight_suggestions(source_id, source.text)
            if s.fingerprint not in rejected
        ]
        suggestions = sorted([*highlighted, *suggestions], key=lambda s: (s.start, s.end))
        if include_claimed:
            return suggestions
        spans = [(start, end) for _, start, end, _ in self._lib.claims.spans(source_id)]
        return drop_claimed(suggestions, spans)

    def add_highlights(
        self, source_id: int, highlights: list[Annotation]
    ) -> tuple[int, list[Annotation]]:
        """Keep passages highlighted in a reference manager as suggested claims of a source;
        return how many were new, and those whose quote is not found in the source's text
        (kept too, and listed by `unanchored`, so nothing is dropped silently)."""
        text = self._lib.sources.get(source_id).text
        added = 0
        with self._lib.write() as changes:
            for item in highlights:
                added += self._lib.conn.execute(
                    "INSERT OR IGNORE INTO highlight_suggestions "
                    "(source_id, quote, page, comment, created_at) VALUES (?, ?, ?, ?, ?)",
                    (source_id, item.quote, item.page, item.comment, now_iso()),
                ).rowcount
            changes.sources.add(source_id)
        return added, [h for h in highlights if find_quote(text, h.quote) is None]

    def highlights(self, source_id: int) -> list[Annotation]:
        """Return the highlighted passages kept for a source, in the order they came."""
        rows = self._lib.conn.execute(
            "SELECT quote, page, comment FROM highlight_suggestions WHERE source_id = ? "
            "ORDER BY id",
            (source_id,),
        )
        return [Annotation(quote=q, page=p, comment=c) for q, p, c in rows]

    def unanchored(self, source_id: int) -> list[Annotation]:
        """Return the highlighted passages whose quote the source's text does not hold."""
        text = self._lib.sources.get(source_id).text
        return [h for h in self.highlights(source_id) if find_quote(text, h.quote) is None]

    def _highlight_suggestions(self, source_id: int, text: str) -> list[Suggestion]:
        found = []
        for item in self.highlights(source_id):
            span = find_quote(text, item.quote)
            if span is None:
                continue
            start, end = span
            found.append(
                Suggestion(
                    start=start,
                    end=end,
                    quote=text[start:end],
                    party="",
                    normalized_party="",
                    kind="reported fact",
                    verb="",
                    pattern=HIGHLIGHT_PATTERN,
                    mention=item.comment,
                    sentence_start=start,
                    sentence_end=end,
                    fingerprint=fingerprint_for(item.quote, "", HIGHLIGHT_PATTERN),
                )
            )
        return found

    def find(self, source_id: int, fingerprint: str) -> Suggestion:
        """Return the suggestion with this fingerprint on a source (rejected ones too)."""
        fingerprint = fingerprint.strip()
        for suggestion in self.for_source(source_id, include_claimed=True, include_rejected=True):
            if suggestion.fingerprint == fingerprint:
                return suggestion
        raise NotFound(f"source {source_id} has no suggestion {fingerprint!r}")

    def accept(
        self,
        source_id: int,
        suggestion: Suggestion | str,
        *,
        statement: str = "",
        party: str | None = None,
        kind: str | None = None,
        tags: list[str] | None = None,
    ) -> Claim:
        """Tag a suggestion as a claim with its proposed party and kind (or the ones given).

        Refused (InvalidInput) when a claim already covers the passage, as the list hides it
        then: accepting twice must not store the same claim twice. Undo is
        `lib.claims.delete(claim.id)`.
        """
        if isinstance(suggestion, str):
            suggestion = self.find(source_id, suggestion)
        self._refuse_if_claimed(source_id, suggestion)
        return self._lib.claims.add(
            source_id,
            start=suggestion.start,
            end=suggestion.end,
            statement=statement,
            party=suggestion.normalized_party if party is None else party,
            kind=suggestion.kind if kind is None else kind,
            tags=tags,
        )

    def _refuse_if_claimed(self, source_id: int, suggestion: Suggestion) -> None:
        """Raise InvalidInput naming the claim that already covers a suggestion, if any."""
        for claim_id, start, end, _ in self._lib.claims.spans(source_id):
            if _covers(suggestion, start, end):
                key = self._lib.claims.get(claim_id).key
                raise InvalidInput(f"the passage is already claim {key} (source {source_id})")

    def reject(self, source_id: int, suggestion: Suggestion | str) -> Rejection:
        """Remember that a suggestion (or its fingerprint) is not a claim of this source;
        return the rejection kept (`unreject` undoes it)."""
        self._lib.sources.get(source_id)
        fingerprint = (
            self.find(source_id, suggestion).fingerprint
            if isinstance(suggestion, str)
            else suggestion.fingerprint
        ).strip()
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "INSERT OR IGNORE INTO rejected_suggestions (source_id, fingerprint, created_at) "
                "VALUES (?, ?, ?)",
                (source_id, fingerprint, now_iso()),
            )
            changes.sources.add(source_id)
            return self._rejection(source_id, fingerprint)

    def unreject(self, source_id: int, fingerprint: str) -> Rejection:
        """Propose a rejected suggestion again (the undo of reject); return the rejection it
        removed, for `restore_rejection`. Raise NotFound if it is not one."""
        fingerprint = fingerprint.strip()
        if fingerprint not in self.rejected(source_id):
            raise NotFound(f"source {source_id} has no rejected suggestion {fingerprint!r}")
        with self._lib.write() as changes:
            removed = self._rejection(source_id, fingerprint)
            self._lib.conn.execute("DELETE FROM rejected_suggestions WHERE id = ?", (removed.id,))
            changes.sources.add(source_id)
        return removed

    def restore_rejection(self, rejection: Rejection) -> Rejection:
        """Put a removed rejection back exactly (id and time): the redo of a reject."""
        with self._lib.write() as changes:
            insert_row(self._lib.conn, "rejected_suggestions", asdict(rejection))
            changes.sources.add(rejection.source_id)
        return rejection

    def _rejection(self, source_id: int, fingerprint: str) -> Rejection:
        row = self._lib.conn.execute(
            "SELECT * FROM rejected_suggestions WHERE source_id = ? AND fingerprint = ?",
            (source_id, fingerprint),
        ).fetchone()
        return record_from_row(Rejection, row)

    def statuses(self, source_id: int, suggestions: list[Suggestion]) -> dict[str, str]:
        """Return each suggestion's status by fingerprint: "open", "claimed" or "rejected".

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> src = lib.sources.add(ExtractedDocument(title="T", text="Police said two died."))
        >>> found = lib.suggestions.for_source(src.id)
        >>> list(lib.suggestions.statuses(src.id, found).values())
        ['open']
        """
        spans = [(start, end) for _, start, end, _ in self._lib.claims.spans(source_id)]
        unclaimed = {s.fingerprint for s in drop_claimed(suggestions, spans)}
        rejected = self.rejected(source_id)
        # A claim made from a suggestion rejected earlier is what the analyst kept: claimed.
        return {
            s.fingerprint: "claimed"
            if s.fingerprint not in unclaimed
            else "rejected"
            if s.fingerprint in rejected
            else "open"
            for s in suggestions
        }

    def rejected(self, source_id: int) -> set[str]:
        """Return the fingerprints rejected on a source."""
        rows = self._lib.conn.execute(
            "SELECT fingerprint FROM rejected_suggestions WHERE source_id = ?", (source_id,)
        )
        return {r[0] for r in rows}


def drop_claimed(
    suggestions: list[Suggestion], claim_spans: list[tuple[int, int]]
) -> list[Suggestion]:
    """Return the suggestions no claim already covers (the reader filters cached ones so).

    >>> from briefing_app.core.suggest import suggest_claims
    >>> found = suggest_claims("Police said two died.")
    >>> len(drop_claimed(found, [(0, 21)])), len(drop_claimed(found, []))
    (0, 1)
    """
    # Sorted starts, so each suggestion is checked only against the claims near it: a 1 MB
    # source has thousands of both.
    spans = sorted(claim_spans)
    starts = [start for start, _ in spans]
    longest = max((end - start for start, end in spans), default=0)
    kept = []
    for suggestion in suggestions:
        near = spans[
            bisect_left(starts, suggestion.start - longest) : bisect_left(starts, suggestion.end)
        ]
        if not any(_covers(suggestion, a, b) for a, b in near):
            kept.append(suggestion)
    return kept


def _covers(suggestion: Suggestion, start: int, end: int) -> bool:
    """Return whether a claim overlaps a suggestion by half of the shorter of the two."""
    overlap = min(suggestion.end, end) - max(suggestion.start, start)
    shorter = min(suggestion.end - suggestion.start, end - start)
    return shorter > 0 and overlap * 2 >= shorter
