"""The chronology: claims in the order of the events they report, fast enough for 100,000.

Event dates are reduced-precision ISO text, so one indexed ORDER BY sorts them; claims with
no event date come after the dated ones, in the order they were made. Each row carries its
source's publication date: when the event happened beside when it was reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from briefing_app.core.records.claims import ClaimFilter, claim_filter_sql
from briefing_app.core.text.event_dates import PRECISIONS

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.suggest.event_dates import EventDateSuggestion


_PRECISION_BY_LENGTH = dict(zip((4, 7, 10, 16), PRECISIONS, strict=True))


class TimelineRow(NamedTuple):
    """One claim on the timeline."""

    key: str
    event_date: str
    published: str
    statement: str
    party: str
    kind: str
    source_id: int
    source_title: str
    claim_id: int

    @property
    def id(self) -> int:
        """The claim's id: every listing row names its record so (lazy views key on it)."""
        return self.claim_id

    def to_json(self, suggested: dict[str, Any] | None = None) -> dict[str, Any]:
        """Return the JSON form shown by the CLI (suggested: the date suggested for it)."""
        data: dict[str, Any] = {
            "key": self.key,
            "event_date": self.event_date or None,
            # By length, not precision(): this runs for each of 100,000 rows.
            "event_date_precision": _PRECISION_BY_LENGTH.get(len(self.event_date)),
            "published": self.published or None,
            "statement": self.statement,
            "party": self.party,
            "kind": self.kind,
            "source_id": self.source_id,
            "source_title": self.source_title,
            # null for a dated claim: every row has the same keys, as a script expects.
            "suggested_event_date": None if self.event_date else suggested,
        }
        return data


# Dated claims first (by event date), then undated; ties in the order the claims were made.
_SQL = (
    "SELECT c.key, c.event_date, coalesce(s.published, ''), "
    "CASE WHEN c.statement != '' THEN c.statement ELSE c.quote END, c.party, c.kind, "
    "s.id, s.title, c.id FROM claims c JOIN sources s ON s.id = c.source_id {where} "
    "ORDER BY c.event_date = '', c.event_date, c.id"
)


def timeline_sql(
    lib: Library, question_id: int | None = None, flt: ClaimFilter | None = None
) -> tuple[str, list[Any]]:
    """Return the query (and its parameters) selecting the timeline's rows."""
    where, params = _where(lib, question_id, flt)
    return _SQL.format(where=where), params


def _where(lib: Library, question_id: int | None, flt: ClaimFilter | None) -> tuple[str, list[Any]]:
    """Return the WHERE clause (or "") and parameters selecting the timeline's claims."""
    where, params = claim_filter_sql(lib.conn, flt or ClaimFilter())
    if question_id is not None:
        clause = "c.id IN (SELECT claim_id FROM question_claims WHERE question_id = ?)"
        where = f"{where} AND {clause}" if where else f"WHERE {clause}"
        params.append(question_id)
    return where, params


def timeline_dates(
    lib: Library, question_id: int | None = None, flt: ClaimFilter | None = None
) -> list[tuple[int, str]]:
    """Return (claim id, event date) of the timeline's claims in its order: what a lazy view
    holds, fetching the rows on screen with timeline_rows.

    Two walks of the event-date index (dated claims, then undated) rather than one ORDER BY
    on `event_date = ''`, which SQLite can only sort: 100,000 claims read in file order.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.importers.base import ExtractedDocument
    >>> lib = Library.open(":memory:")
    >>> src = lib.sources.add(ExtractedDocument(title="T", text="A fell. B rose. C held."))
    >>> _ = lib.claims.add(src.id, quote="A fell", event_date="2025-11-30")
    >>> _ = lib.claims.add(src.id, quote="B rose")
    >>> _ = lib.claims.add(src.id, quote="C held", event_date="2025-11")
    >>> timeline_dates(lib)
    [(3, '2025-11'), (1, '2025-11-30'), (2, '')]
    """
    where, params = _where(lib, question_id, flt)
    and_ = f"{where} AND" if where else "WHERE"
    cursor = lib.conn.cursor()
    cursor.row_factory = None  # plain tuples: no Row object per claim
    dated = cursor.execute(
        f"SELECT c.id, c.event_date FROM claims c {and_} c.event_date > '' "
        "ORDER BY c.event_date, c.id",
        params,
    ).fetchall()
    undated = cursor.execute(
        f"SELECT c.id, c.event_date FROM claims c {and_} c.event_date = '' ORDER BY c.id",
        params,
    ).fetchall()
    return dated + undated


def timeline_rows(lib: Library, ids: list[int]) -> list[TimelineRow]:
    """Return the timeline rows of these claims (in timeline order; deleted ones left out)."""
    if not ids:
        return []
    where = f"WHERE c.id IN ({','.join('?' * len(ids))})"
    cursor = lib.conn.cursor()
    cursor.row_factory = None
    return [TimelineRow._make(r) for r in cursor.execute(_SQL.format(where=where), ids)]


def timeline(
    lib: Library, question_id: int | None = None, flt: ClaimFilter | None = None
) -> list[TimelineRow]:
    """Return the claims (of a question, or matching flt) in event-date order, undated last.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.importers.base import ExtractedDocument
    >>> lib = Library.open(":memory:")
    >>> src = lib.sources.add(ExtractedDocument(title="T", text="A fell. B rose. C held."))
    >>> _ = lib.claims.add(src.id, quote="A fell", event_date="2025-11-30")
    >>> _ = lib.claims.add(src.id, quote="B rose")
    >>> _ = lib.claims.add(src.id, quote="C held", event_date="2025-11")
    >>> [(r.key, r.event_date) for r in timeline(lib)]
    [('C3', '2025-11'), ('C1', '2025-11-30'), ('C2', '')]
    """
    sql, params = timeline_sql(lib, question_id, flt)
    return [TimelineRow._make(r) for r in lib.conn.execute(sql, params)]


def suggested_dates(lib: Library, rows: list[TimelineRow]) -> dict[int, EventDateSuggestion]:
    """Return, by claim id, the event date suggested for each undated row (shown, not stored).

    Each suggestion reads the claim's sentence with dateparser (a few milliseconds a claim),
    so this is for the undated rows a reader looks at, not a whole large library at once.
    """
    from briefing_app.core.suggest.event_dates import suggest_for_claim

    undated = [r for r in rows if not r.event_date]
    found: dict[int, EventDateSuggestion] = {}
    by_source: dict[int, list[TimelineRow]] = {}
    for row in undated:
        by_source.setdefault(row.source_id, []).append(row)
    for source_id, members in by_source.items():
        source = lib.sources.get(source_id)
        for row in members:
            found[row.claim_id] = suggest_for_claim(lib.claims.get(row.claim_id), source)
    return found
