"""Full-text search over sources (title, text) and claims (quote, statement, party)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_app.core.library import Library

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One search result: what it is, its id, a label and a snippet with [matches] marked."""

    kind: str  # "source" or "claim"
    id: int
    label: str
    snippet: str
    rank: float

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "kind": self.kind,
            "id": self.id,
            "label": self.label,
            "snippet": self.snippet,
            "rank": self.rank,
        }


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must match, the last as a prefix.

    >>> fts_query('Taliban "denial')
    '"Taliban" "denial"*'
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class SearchIndex:
    """Full-text search: `lib.search`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def source_ids(self, text: str, limit: int = 10_000) -> list[int]:
        """Return ids of the sources matching text, best first."""
        query = fts_query(text)
        if not query:
            return []
        rows = self._lib.conn.execute(
            "SELECT rowid FROM sources_fts WHERE sources_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [r[0] for r in rows]

    def matching_sources(self, text: str, ids: list[int]) -> set[int]:
        """Return which of these sources match text (as source_ids would find them).

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> a = lib.sources.add(ExtractedDocument(title="Gold mine", text="Output fell."))
        >>> b = lib.sources.add(ExtractedDocument(title="Harbour", text="Ships left."))
        >>> lib.search.matching_sources("gold", [a.id, b.id]) == {a.id}
        True
        """
        query = fts_query(text)
        if not query or not ids:
            return set()
        # A range of rowids FTS5 seeks to: the few sources an import just stored are the
        # newest, so it reads their end of the index only (0.45 ms, against 2 ms for
        # `rowid IN (...)`, which matches the whole library first, over 10,000 sources).
        rows = self._lib.conn.execute(
            "SELECT rowid FROM sources_fts WHERE sources_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (query, min(ids), max(ids)),
        )
        wanted = set(ids)
        return {r[0] for r in rows if r[0] in wanted}

    def claim_ids(self, text: str, limit: int = 10_000) -> list[int]:
        """Return ids of the claims matching text, best first."""
        query = fts_query(text)
        if not query:
            return []
        rows = self._lib.conn.execute(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [r[0] for r in rows]

    def query(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Return sources and claims matching text, each list best first, sources before claims."""
        query = fts_query(text)
        if not query:
            return []
        conn = self._lib.conn
        hits = [
            SearchHit("source", r[0], r[1] or "(untitled)", r[2], r[3])
            for r in conn.execute(
                "SELECT s.id, s.title, snippet(sources_fts, 1, '[', ']', '…', 12), f.rank "
                "FROM sources_fts f JOIN sources s ON s.id = f.rowid "
                "WHERE sources_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (query, limit),
            )
        ]
        hits += [
            SearchHit("claim", r[0], r[1], r[2], r[3])
            for r in conn.execute(
                "SELECT c.id, c.key, "
                "coalesce(nullif(snippet(claims_fts, 1, '[', ']', '…', 12), ''), "
                "snippet(claims_fts, 0, '[', ']', '…', 12)), f.rank "
                "FROM claims_fts f JOIN claims c ON c.id = f.rowid "
                "WHERE claims_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (query, limit),
            )
        ]
        return hits
