"""The outside-changes watcher as it was before the commit log: the baseline of outside_poll_speed.

Kept verbatim (docstring shortened) from briefing_app/core/storage/outside_changes.py before
schema 10, so benchmarks/outside_poll_speed.py measures the new poll against the old one in the
same run. It compares cheap markers of the big tables and fingerprints of the small ones after
every commit by another connection, the window's own background tasks included.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_app.core.changes import Changes

if TYPE_CHECKING:
    from briefing_app.core.library import Library

# The origin of Changes found by a poll: nobody in this process asked for them.
OUTSIDE = "outside"

# Big tables: (noun on Changes, table). Small ones: a fingerprint query of (id, *fields) rows.
_MARKED = (("sources", "sources"), ("claims", "claims"))
_FINGERPRINTED = {
    "notes": (
        "SELECT n.id, n.title, n.template, n.marking, n.memo_to, n.memo_from, n.subject,"
        " n.memo_date, n.status, n.settings, n.modified_at,"
        " (SELECT group_concat(s.key || char(31) || s.heading || char(31) || s.body, char(30))"
        "  FROM note_sections s WHERE s.note_id = n.id),"
        " (SELECT count(*) || '.' || coalesce(max(v.number), 0)"
        "  FROM note_versions v WHERE v.note_id = n.id),"
        " (SELECT group_concat(e.id || ':' || e.status) FROM suggested_edits e"
        "  WHERE e.note_id = n.id)"
        " FROM notes n"
    ),
    "tags": "SELECT id, name, kind FROM tags",
    "comments": 'SELECT id, body, resolved, author, start, "end" FROM review_comments',
    # A question's ACH matrix and key assumptions: only read after an outside commit, and a
    # matrix is hundreds of rows, not the claims table's 100,000.
    "questions": (
        "SELECT q.id, q.text, q.note, q.modified_at,"
        " (SELECT group_concat(h.id || ':' || h.key || ':' || h.label || ':' || h.note || ':'"
        "  || h.position, char(30)) FROM ach_hypotheses h WHERE h.question_id = q.id),"
        " (SELECT group_concat(w.id || ':' || w.text || ':' || w.switched_off || w.deceptive"
        "  || w.relevance || coalesce(w.credibility, '') || ':' || w.position, char(30))"
        "  FROM ach_rows w WHERE w.question_id = q.id),"
        " (SELECT group_concat(r.row_id || ':' || r.hypothesis_id || r.rating, char(30))"
        "  FROM ach_ratings r JOIN ach_rows w ON w.id = r.row_id WHERE w.question_id = q.id),"
        " (SELECT group_concat(a.id || ':' || a.text || ':' || a.rating || ':' || a.why || ':'"
        "  || a.wrong_if || ':' || a.modified_at, char(30))"
        "  FROM key_assumptions a WHERE a.question_id = q.id),"
        " (SELECT group_concat(ac.assumption_id || ':' || ac.claim_id, char(30))"
        "  FROM assumption_claims ac JOIN key_assumptions a ON a.id = ac.assumption_id"
        "  WHERE a.question_id = q.id),"
        " (SELECT group_concat(ah.assumption_id || ':' || ah.hypothesis_id, char(30))"
        "  FROM assumption_hypotheses ah JOIN key_assumptions a ON a.id = ah.assumption_id"
        "  WHERE a.question_id = q.id),"
        " (SELECT group_concat(qc.claim_id || ':' || qc.position, char(30))"
        "  FROM question_claims qc WHERE qc.question_id = q.id)"
        " FROM questions q"
    ),
}
_RELATIONS = "SELECT id, from_claim_id, to_claim_id, relation, note FROM claim_relations"


@dataclass(frozen=True)
class _Markers:
    """What a big table looked like: how many rows, the highest id, the latest change."""

    count: int
    max_id: int
    latest: str


def data_version(lib: Library) -> int:
    """Return the library connection's `PRAGMA data_version` (a marker costing nothing).

    A caller that reads its views now and starts an OutsideChanges later passes this as
    `seen_version`, so a commit made elsewhere in between is not lost.
    """
    return int(lib.conn.execute("PRAGMA data_version").fetchone()[0])


class OutsideChanges:
    """Tells what other connections committed to a library since the last `poll()`.

    The starting point is what the library holds when it is made. Given `seen_version` (the
    `data_version` when the caller read what it shows), a commit by another connection since
    then makes `before_start` report every record: what changed in between is not known.
    """

    def __init__(self, lib: Library, seen_version: int | None = None) -> None:
        self._lib = lib
        self._conn: sqlite3.Connection | None = None
        self._version = -1
        self._markers: dict[str, _Markers] = {}
        self._prints: dict[str, dict[int, int]] = {}
        self._relations: dict[int, tuple[int, int, str, str]] | None = None
        self.poll()  # what is there now is the starting point, not a change
        self.before_start = Changes(origin=OUTSIDE)
        if seen_version is not None and seen_version != self._version:
            self.before_start = self._everything()

    def _everything(self) -> Changes:
        """Return every record of every noun a poll reports (the views reload it all)."""
        conn = self._lib.conn
        changes = Changes(origin=OUTSIDE)
        for noun, table in _MARKED:
            getattr(changes, noun).update(
                int(r[0]) for r in conn.execute(f"SELECT id FROM {table}")
            )
        for noun, prints in self._prints.items():
            getattr(changes, noun).update(prints)
        return changes

    def poll(self) -> Changes:
        """Return what other connections changed since the last poll (empty: nothing).

        The Changes carry OUTSIDE as their origin; `lib.announce` them to refresh the views.
        """
        conn = self._lib.conn
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if conn is self._conn and version == self._version:
            return Changes(origin=OUTSIDE)
        first = self._conn is None
        self._conn, self._version = conn, version
        changes = Changes(origin=OUTSIDE)
        for noun, table in _MARKED:
            getattr(changes, noun).update(self._compare_markers(table))
        for noun, query in _FINGERPRINTED.items():
            getattr(changes, noun).update(self._compare_prints(noun, query))
        changes.claims.update(self._compare_relations())
        if changes.claims:
            # A claim added or removed elsewhere changes its source's claim count.
            changes.sources.update(self._sources_of(changes.claims))
        return Changes(origin=OUTSIDE) if first else changes

    def _compare_markers(self, table: str) -> set[int]:
        conn = self._lib.conn
        row = conn.execute(
            f"SELECT count(*), coalesce(max(id), 0), coalesce(max(modified_at), '') FROM {table}"
        ).fetchone()
        now = _Markers(int(row[0]), int(row[1]), str(row[2]))
        before = self._markers.get(table)
        self._markers[table] = now
        if before is None:
            return set()
        # Equal markers do not mean nothing changed: an edit in the same second as the latest
        # one leaves them as they were, so the rows of that second are always looked at.
        newer = conn.execute(f"SELECT id FROM {table} WHERE id > ?", (before.max_id,))
        added = {int(r[0]) for r in newer}
        if now.count != before.count + len(added):
            return {int(r[0]) for r in conn.execute(f"SELECT id FROM {table}")}  # some went
        edited = conn.execute(
            f"SELECT id FROM {table} WHERE modified_at >= ? AND id <= ?",
            (before.latest, before.max_id),
        )
        return added | {int(r[0]) for r in edited}

    def _compare_prints(self, noun: str, query: str) -> set[int]:
        now = {int(r[0]): hash(tuple(r[1:])) for r in self._lib.conn.execute(query)}
        before = self._prints.get(noun, now)
        self._prints[noun] = now
        return {i for i in now.keys() | before.keys() if now.get(i) != before.get(i)}

    def _compare_relations(self) -> set[int]:
        """Return the claims at either end of a relation made, changed or removed."""
        now = {
            int(r[0]): (int(r[1]), int(r[2]), str(r[3]), str(r[4]))
            for r in self._lib.conn.execute(_RELATIONS)
        }
        before = now if self._relations is None else self._relations
        self._relations = now
        claims: set[int] = set()
        for relation_id in now.keys() | before.keys():
            old, new = before.get(relation_id), now.get(relation_id)
            if old != new:
                for row in (old, new):
                    if row is not None:
                        claims.update(row[:2])
        return claims

    def _sources_of(self, claim_ids: set[int]) -> set[int]:
        if len(claim_ids) > 900:  # under SQLite's bound-parameter limit, else every source
            return {int(r[0]) for r in self._lib.conn.execute("SELECT id FROM sources")}
        marks = ",".join("?" * len(claim_ids))
        rows = self._lib.conn.execute(
            f"SELECT DISTINCT source_id FROM claims WHERE id IN ({marks})", list(claim_ids)
        )
        return {int(r[0]) for r in rows}
