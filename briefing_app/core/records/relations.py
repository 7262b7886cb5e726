"""Relations between claims (corroborates, contradicts, repeats, updates) and what follows from
them: which claims share an origin, how many independent sources back a set of claims, and the
status a claim's links suggest.

Two claims are independent when their sources differ in outlet and no chain of `repeats`
links joins them. A source with no outlet named counts as an outlet of its own: nothing shows
it to be the same as another.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.models import RELATIONS, ClaimRelation
from briefing_app.core.storage.ids import new_uid

if TYPE_CHECKING:
    from briefing_app.core.library import Library

# A relation's note says in a line why two claims bear on each other; an essay goes in a note.
MAX_NOTE_CHARS = 500

_SELECT = (
    "SELECT r.id, r.uid, r.from_claim_id, r.to_claim_id, r.relation, r.note, r.created_at, "
    "a.key, b.key FROM claim_relations r "
    "JOIN claims a ON a.id = r.from_claim_id JOIN claims b ON b.id = r.to_claim_id"
)


def _relation(row: sqlite3.Row | tuple[object, ...]) -> ClaimRelation:
    return ClaimRelation(*row)


def describe(relation: ClaimRelation) -> str:
    """Return a relation as a reader says it: "C6 contradicts C9"."""
    return f"{relation.from_key} {relation.relation} {relation.to_key}"


class RelationManager:
    """Relations between claims in a library: `lib.relations`.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.importers.base import ExtractedDocument
    >>> lib = Library.open(":memory:")
    >>> src = lib.sources.add(ExtractedDocument(title="T", text="Two died. Army: none."))
    >>> a = lib.claims.add(src.id, quote="Two died")
    >>> b = lib.claims.add(src.id, quote="none")
    >>> describe(lib.relations.link(a.id, "contradicts", b.id))
    'C1 contradicts C2'
    """

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def link(
        self,
        from_id: int,
        relation: str,
        to_id: int,
        note: str = "",
        *,
        uid: str | None = None,
        created_at: str = "",
    ) -> ClaimRelation:
        """Link two claims; refuse a claim linked to itself or a pair already linked.

        uid, created_at: keep this global id and time (a relation moved in from another library).
        """
        if relation not in RELATIONS:
            raise InvalidInput(
                f"relation must be one of: {', '.join(RELATIONS)} (not {relation!r})"
            )
        if len(note.strip()) > MAX_NOTE_CHARS:
            raise InvalidInput(f"a relation's note is at most {MAX_NOTE_CHARS} characters")
        first, second = self._lib.claims.get(from_id), self._lib.claims.get(to_id)
        if from_id == to_id:
            raise InvalidInput(f"claim {first.key} cannot be linked to itself")
        existing = self.between(from_id, to_id)
        if existing is not None:
            raise InvalidInput(
                f"{first.key} and {second.key} are already linked ({describe(existing)}); "
                f"unlink them first"
            )
        with self._lib.write() as changes:
            cur = self._lib.conn.execute(
                "INSERT INTO claim_relations (uid, from_claim_id, to_claim_id, relation, note, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (uid or new_uid(), from_id, to_id, relation, note.strip(), created_at or now_iso()),
            )
            changes.claims.update({from_id, to_id})
        return self.get(int(cur.lastrowid or 0))

    def get(self, relation_id: int) -> ClaimRelation:
        """Return the relation with this id; raise NotFound."""
        row = self._lib.conn.execute(f"{_SELECT} WHERE r.id = ?", (relation_id,)).fetchone()
        if row is None:
            raise NotFound(f"no claim relation with id {relation_id}")
        return _relation(tuple(row))

    def by_uid(self, uid: str) -> ClaimRelation | None:
        """Return the relation with this global id, or None."""
        row = self._lib.conn.execute(f"{_SELECT} WHERE r.uid = ?", (uid,)).fetchone()
        return None if row is None else _relation(tuple(row))

    def between(self, a_id: int, b_id: int) -> ClaimRelation | None:
        """Return the relation linking two claims (either way round), or None."""
        row = self._lib.conn.execute(
            f"{_SELECT} WHERE (r.from_claim_id = ? AND r.to_claim_id = ?) "
            "OR (r.from_claim_id = ? AND r.to_claim_id = ?)",
            (a_id, b_id, b_id, a_id),
        ).fetchone()
        return None if row is None else _relation(tuple(row))

    def unlink(self, a_id: int, b_id: int) -> ClaimRelation:
        """Remove the relation between two claims; return it, so `restore` can undo."""
        found = self.between(a_id, b_id)
        if found is None:
            a, b = self._lib.claims.get(a_id), self._lib.claims.get(b_id)
            raise InvalidInput(f"{a.key} and {b.key} are not linked")
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM claim_relations WHERE id = ?", (found.id,))
            changes.claims.update({a_id, b_id})
        return found

    def restore(self, relations: Iterable[ClaimRelation]) -> None:
        """Put removed relations back with their ids and uids (undo of unlink or claim delete).

        A relation whose other claim was deleted meanwhile is skipped, not an error.
        """
        with self._lib.write() as changes:
            for r in relations:
                self._lib.conn.execute(
                    "INSERT INTO claim_relations (id, uid, from_claim_id, to_claim_id, relation, "
                    "note, created_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE "
                    "(SELECT count(*) FROM claims WHERE id IN (?, ?)) = 2",
                    (
                        r.id,
                        r.uid,
                        r.from_claim_id,
                        r.to_claim_id,
                        r.relation,
                        r.note,
                        r.created_at,
                        r.from_claim_id,
                        r.to_claim_id,
                    ),
                )
                changes.claims.update({r.from_claim_id, r.to_claim_id})

    def all(self, claim_id: int | None = None) -> list[ClaimRelation]:
        """Return every relation (or those of one claim), in the order they were made."""
        if claim_id is None:
            rows = self._lib.conn.execute(f"{_SELECT} ORDER BY r.id")
        else:
            rows = self._lib.conn.execute(
                f"{_SELECT} WHERE r.from_claim_id = ? OR r.to_claim_id = ? ORDER BY r.id",
                (claim_id, claim_id),
            )
        return [_relation(tuple(r)) for r in rows]

    def among(self, claim_ids: Iterable[int]) -> list[ClaimRelation]:
        """Return the relations whose both ends are among claim_ids."""
        ids = set(claim_ids)
        return [r for r in self.touching(ids) if r.from_claim_id in ids and r.to_claim_id in ids]

    def touching(self, claim_ids: Iterable[int]) -> list[ClaimRelation]:
        """Return the relations with an end among claim_ids, in the order they were made."""
        ids = json.dumps(sorted(set(claim_ids)))
        rows = self._lib.conn.execute(
            f"{_SELECT} WHERE r.from_claim_id IN (SELECT value FROM json_each(?)) "
            "OR r.to_claim_id IN (SELECT value FROM json_each(?)) ORDER BY r.id",
            (ids, ids),
        )
        return [_relation(tuple(r)) for r in rows]

    def weighing(self, claim_ids: Iterable[int]) -> Weighing:
        """Return what weighing these claims needs, read once (a board weighs hundreds)."""
        return Weighing(self._lib, claim_ids)

    def origins(self) -> dict[int, int]:
        """Return, for each claim linked by `repeats`, one representative of its origin group.

        Claims joined by a chain of repeats (A repeats B, B repeats C) share a representative;
        a claim in no repeats link is left out (it is its own origin).
        """
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            root = x
            while parent.get(root, root) != root:
                root = parent[root]
            while parent.get(x, x) != root:  # path halving keeps long chains cheap
                parent[x], x = root, parent[x]
            return root

        for a, b in self._lib.conn.execute(
            "SELECT from_claim_id, to_claim_id FROM claim_relations WHERE relation = 'repeats'"
        ):
            parent.setdefault(a, a)
            parent.setdefault(b, b)
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        return {x: find(x) for x in parent}

    def same_origin(self, a_id: int, b_id: int) -> bool:
        """Return whether a chain of `repeats` links joins two claims."""
        origins = self.origins()
        return a_id in origins and origins.get(a_id) == origins.get(b_id)

    def independent(self, a_id: int, b_id: int) -> bool:
        """Return whether two claims are independent: different outlets, no repeats chain."""
        return self.weighing([a_id, b_id]).independent(a_id, b_id)

    def independent_sources(self, claim_ids: Iterable[int]) -> int:
        """Return how many independent sources back these claims: claims of one outlet, or
        joined by a chain of repeats, count once."""
        return len(self.source_groups(claim_ids))

    def source_groups(self, claim_ids: Iterable[int]) -> list[set[int]]:
        """Group claims that are not independent of each other (same outlet or same origin)."""
        ids = set(claim_ids)
        return self.weighing(ids).source_groups(ids)

    def suggested_status(self, claim_id: int) -> tuple[str, str] | None:
        """Return the status a claim's links suggest and why, or None; never applied here.

        A `contradicts` link suggests disputed; corroboration by claims from two or more
        sources independent of each other and of the claim suggests corroborated.
        """
        return self.weighing([claim_id]).suggested_status(claim_id)


class Weighing:
    """The relations, outlets and repeats origins of a set of claims, read once.

    What `RelationManager`'s independence and status questions use: asked of one claim it
    reads little, asked of a board's hundreds it reads the library once, not once a claim.
    """

    def __init__(self, lib: Library, claim_ids: Iterable[int]) -> None:
        ids = set(claim_ids)
        self.links: list[ClaimRelation] = lib.relations.touching(ids)
        self._by_claim: dict[int, list[ClaimRelation]] = {}
        for r in self.links:
            for end in (r.from_claim_id, r.to_claim_id):
                self._by_claim.setdefault(end, []).append(r)
        self._origins = lib.relations.origins()
        ends = ids | {r.from_claim_id for r in self.links} | {r.to_claim_id for r in self.links}
        self._outlets = _outlets(lib.conn, sorted(ends))

    def source_groups(self, claim_ids: Iterable[int]) -> list[set[int]]:
        """Group claims that are not independent of each other (same outlet or same origin)."""
        ids = sorted(set(claim_ids))
        parent = {i: i for i in ids}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_key: dict[object, int] = {}
        for i in ids:
            for key in (("outlet", self._outlets[i]), ("origin", self._origins.get(i, -i))):
                if key in by_key:
                    parent[find(i)] = find(by_key[key])
                else:
                    by_key[key] = i
        groups: dict[int, set[int]] = {}
        for i in ids:
            groups.setdefault(find(i), set()).add(i)
        return list(groups.values())

    def independent_sources(self, claim_ids: Iterable[int]) -> int:
        """Return how many independent sources back these claims."""
        return len(self.source_groups(claim_ids))

    def independent(self, a_id: int, b_id: int) -> bool:
        """Return whether two claims are independent: different outlets, no repeats chain."""
        return self.independent_sources([a_id, b_id]) == 2

    def suggested_status(self, claim_id: int) -> tuple[str, str] | None:
        """Return the status a claim's links suggest and why, or None (see RelationManager)."""
        links = self._by_claim.get(claim_id, [])
        against = [r for r in links if r.relation == "contradicts"]
        if against:
            keys = ", ".join(r.from_key if r.to_claim_id == claim_id else r.to_key for r in against)
            return "disputed", f"contradicted by {keys}"
        backing = [r.other(claim_id) for r in links if r.relation == "corroborates"]
        backing = [b for b in backing if self.independent(claim_id, b)]
        count = self.independent_sources(backing)
        if count >= 2:
            return "corroborated", f"corroborated by {count} independent sources"
        return None


def _outlets(conn: sqlite3.Connection, ids: list[int]) -> dict[int, object]:
    """Return each claim's outlet as compared for independence (a blank one is its source's)."""
    found: dict[int, object] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = conn.execute(
            "SELECT c.id, s.outlet, s.id FROM claims c JOIN sources s ON s.id = c.source_id "
            f"WHERE c.id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for claim_id, outlet, source_id in rows:
            name = " ".join(str(outlet).casefold().split())
            found[claim_id] = name or ("source", source_id)
    return found
