"""Operations on claims: anchor a span of a source, describe it, grade it, tag it."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from briefing_app.core.ach.records import RecordState, claim_scope, claims_scope, snapshot
from briefing_app.core.changes import now_iso, refuse_conflicts
from briefing_app.core.errors import InvalidInput, NotFound, QuoteNotFound, quoted
from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES, Claim, ClaimLinks
from briefing_app.core.records.grading import CREDIBILITY
from briefing_app.core.records.tags import split_tag_ref
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import record_from_row, records_from_rows
from briefing_app.core.text.anchors import anchor_at, count_quote, find_quote
from briefing_app.core.text.event_dates import check_event_date

if TYPE_CHECKING:
    from briefing_app.core.library import Library

EDITABLE_FIELDS = ("statement", "party", "kind", "credibility", "status", "event_date")
# Edits to these change what a citing note rests on, so they bump the claim's revision.
_SUBSTANTIVE = ("statement", "party", "kind", "credibility", "status")
# Fields of Claim that are not columns of the claims table.
_DERIVED = ("tags", "tag_refs", "links")
# Citation keys: "C" and a number. Nine digits is a billion claims, far past any library; a
# longer number is not a key (and would not fit the key counter).
_KEY = re.compile(r"C([1-9]\d{0,8})")


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to list: the one filter behind `briefing claims` and the claims table.

    A field left empty (None, or only spaces) matches every claim. Text is compared the way
    an analyst reads it, not byte for byte: ignoring case by full Unicode case folding
    ("ÁRBITRO" finds "Árbitro", "STRASSE" finds "Straße"), ignoring how accents are encoded
    and ignoring spaces around the value.

    - source_id: claims on this source.
    - party: claims whose party is this whole name (not a part of it).
    - kind, status: one of CLAIM_KINDS / CLAIM_STATUSES, in any case; another value is refused
      with InvalidInput rather than silently matching nothing.
    - tag: written as when tagging. "place:Khatlon" (the kind in any case) matches only the
      place tag Khatlon; a plain "Khatlon" matches a tag of that name of every kind. A tag
      whose own name holds a colon (renamed so) is still found by its whole name.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.importers.base import ExtractedDocument
    >>> lib = Library.open(":memory:")
    >>> src = lib.sources.add(ExtractedDocument(title="T", text="Officials said three died."))
    >>> _ = lib.claims.add(src.id, quote="three died", party="Officials", tags=["place:Vakhsh"])
    >>> [c.key for c in lib.claims.all(ClaimFilter(party="OFFICIALS", tag="Place:vakhsh"))]
    ['C1']
    >>> lib.claims.all(ClaimFilter(tag="actor:Vakhsh"))
    []
    """

    source_id: int | None = None
    tag: str | None = None
    party: str | None = None
    kind: str | None = None
    status: str | None = None


class ClaimManager:
    """Claims in a library: `lib.claims`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def add(
        self,
        source_id: int,
        *,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        occurrence: int = 1,
        statement: str = "",
        party: str = "",
        kind: str = "reported fact",
        credibility: int = 6,
        status: str = "unverified",
        tags: list[str] | None = None,
        uid: str | None = None,
        key: str | None = None,
        event_date: str = "",
    ) -> Claim:
        """Anchor a new claim at start/end, or at the n-th occurrence of quote; return it.

        key: keep this citation key (a claim moved in from another library); see free_keys.

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> src = lib.sources.add(ExtractedDocument(title="T", text="Officials said three died."))
        >>> lib.claims.add(src.id, quote="three died", party="Officials").key
        'C1'
        """
        source = self._lib.sources.get(source_id)
        if start is None or end is None:
            if not quote or not quote.strip():
                raise InvalidInput("a claim needs a quote or a start and end offset")
            span = find_quote(source.text, quote, occurrence)
            if span is None and occurrence > 1:
                found = count_quote(source.text, quote)
                if found:
                    times = "once" if found == 1 else f"{found} times"
                    raise QuoteNotFound(
                        f"the quote occurs {times} in source {source_id}; "
                        f"occurrence {occurrence} is past the last"
                    )
            if span is None:
                raise QuoteNotFound(
                    f"the quote does not occur in source {source_id}: {quote[:60]!r}"
                )
            start, end = span
        if not 0 <= start < end <= len(source.text):
            raise InvalidInput(
                f"span {start}-{end} is outside source {source_id} (0-{len(source.text)})"
            )
        if not source.text[start:end].strip():
            raise InvalidInput("a claim cannot be only white space")
        check_claim_values(kind=kind, credibility=credibility, status=status)
        event_date = check_event_date(event_date)
        anchor = anchor_at(source.text, start, end)
        now = now_iso()
        with self._lib.write() as changes:
            conn = self._lib.conn
            cur = conn.execute(
                'INSERT INTO claims (uid, key, source_id, start, "end", quote, prefix, suffix, '
                "statement, party, kind, credibility, status, event_date, created_at, modified_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    uid or new_uid(),
                    self._take_key(key),
                    source_id,
                    anchor.start,
                    anchor.end,
                    anchor.quote,
                    anchor.prefix,
                    anchor.suffix,
                    statement.strip(),
                    party.strip(),
                    kind,
                    int(credibility),
                    status,
                    event_date,
                    now,
                    now,
                ),
            )
            claim_id = int(cur.lastrowid or 0)
            self._link_tags(claim_id, tags or [], changes.tags)
            changes.claims.add(claim_id)
            changes.sources.add(source_id)
        return self.get(claim_id)

    def free_keys(self, keys: Iterable[str]) -> set[str]:
        """Return those of keys this library has never handed out, so claims can keep them.

        A key at or below the key counter may have belonged to a deleted claim that a note
        still cites, and keys are never reused (see the schema), so only keys above it are free.
        """
        counter = self._key_counter()
        return {
            k
            for k in keys
            if (m := _KEY.fullmatch(k)) and int(m[1]) > counter and self.by_key(k) is None
        }

    def _key_counter(self) -> int:
        row = self._lib.conn.execute("SELECT value FROM counters WHERE name = 'claim_key'")
        return int(row.fetchone()[0])

    def _take_key(self, key: str | None) -> str:
        """Hand out the next key, or the free key asked for, moving the counter past it."""
        if key is None:
            number = self._key_counter() + 1
        else:
            check_key(key)
            if key not in self.free_keys([key]):
                raise InvalidInput(f"claim key {key} is not free in this library")
            number = int(key[1:])
        self._lib.conn.execute("UPDATE counters SET value = ? WHERE name = 'claim_key'", (number,))
        return key or f"C{number}"

    def get(self, claim_id: int) -> Claim:
        """Return the claim with this id; raise NotFound."""
        row = self._lib.conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is None:
            raise NotFound(f"no claim with id {claim_id}")
        return self._with_tags([_claim_from_row(row)])[0]

    def get_many(self, claim_ids: Iterable[int]) -> list[Claim]:
        """Return the claims with these ids in the order given (missing ids are left out)."""
        ids = list(claim_ids)
        rows = self._lib.conn.execute(
            "SELECT * FROM claims WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
        )
        by_id = {c.id: c for c in self._with_tags(records_from_rows(Claim, rows))}
        return [by_id[i] for i in ids if i in by_id]

    def by_key(self, key: str) -> Claim | None:
        """Return the claim with this citation key (e.g. 'C12'), or None."""
        row = self._lib.conn.execute(
            "SELECT id FROM claims WHERE key = ? COLLATE NOCASE", (key,)
        ).fetchone()
        return self.get(row[0]) if row else None

    def ids_by_key(self, keys: Iterable[str]) -> list[int]:
        """Return the ids of the claims named by keys (C6, c7), in order; raise NotFound.

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> src = lib.sources.add(ExtractedDocument(title="T", text="A fell. B rose."))
        >>> _ = lib.claims.add(src.id, quote="A fell"), lib.claims.add(src.id, quote="B rose")
        >>> lib.claims.ids_by_key(["c2", " C1 "])
        [2, 1]
        """
        ids = []
        for key in keys:
            claim = self.by_key(key.strip().upper())
            if claim is None:
                raise NotFound(f"no claim {key.strip()}")
            ids.append(claim.id)
        return ids

    def keys_of(self, claim_ids: Iterable[int]) -> list[str]:
        """Return the keys of the claims with these ids, in the order given (missing left out).

        One query however many: a drag of 100,000 selected claims carries their keys.
        """
        ids = list(claim_ids)
        rows = self._lib.conn.execute(
            "SELECT id, key FROM claims WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        by_id = {int(i): k for i, k in rows}
        return [by_id[i] for i in ids if i in by_id]

    def ids_of_keys(self, keys: Iterable[str]) -> dict[str, int]:
        """Return the ids of the claims with these keys (exact, e.g. 'C12'), by key; missing
        keys are left out. One query, as keys_of."""
        rows = self._lib.conn.execute(
            "SELECT key, id FROM claims WHERE key IN (SELECT value FROM json_each(?))",
            (json.dumps(list(keys)),),
        )
        return {k: int(i) for k, i in rows}

    def by_keys(self, keys: list[str]) -> dict[str, Claim]:
        """Return the claims with these keys, by key (missing keys are left out)."""
        if not keys:
            return {}
        rows = self._lib.conn.execute(
            f"SELECT * FROM claims WHERE key IN ({','.join('?' * len(keys))})", keys
        ).fetchall()
        return {c.key: c for c in self._with_tags(records_from_rows(Claim, rows))}

    def by_uid(self, uid: str) -> Claim | None:
        """Return the claim with this global id, or None."""
        row = self._lib.conn.execute("SELECT id FROM claims WHERE uid = ?", (uid,)).fetchone()
        return self.get(row[0]) if row else None

    def all(self, flt: ClaimFilter | None = None) -> list[Claim]:
        """Return the claims matching flt, by source then position."""
        where, params = claim_filter_sql(self._lib.conn, flt or ClaimFilter())
        rows = self._lib.conn.execute(
            f"SELECT c.* FROM claims c {where} ORDER BY c.source_id, c.start, c.id", params
        ).fetchall()
        return self._with_tags(records_from_rows(Claim, rows))

    def spans(self, source_id: int) -> list[tuple[int, int, int, str]]:
        """Return (claim id, start, end, kind) of each claim on a source: what the reader paints."""
        rows = self._lib.conn.execute(
            'SELECT id, start, "end", kind FROM claims WHERE source_id = ? ORDER BY start',
            (source_id,),
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def sources_holding_claims(self, source_ids: Iterable[int]) -> set[int]:
        """Return those of source_ids that hold at least one claim.

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> a = lib.sources.add(ExtractedDocument(title="A", text="Two fled."))
        >>> b = lib.sources.add(ExtractedDocument(title="B", text="None did."))
        >>> _ = lib.claims.add(a.id, quote="Two fled")
        >>> lib.claims.sources_holding_claims([a.id, b.id]) == {a.id}
        True
        """
        rows = self._lib.conn.execute(
            "SELECT DISTINCT source_id FROM claims"
            " WHERE source_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(source_ids))),),
        )
        return {int(r[0]) for r in rows}

    def count(self) -> int:
        """Return how many claims the library holds."""
        return int(self._lib.conn.execute("SELECT count(*) FROM claims").fetchone()[0])

    def parties(self) -> list[str]:
        """Return every party named on a claim, most used first (for completion)."""
        rows = self._lib.conn.execute(
            "SELECT party FROM claims WHERE party != '' "
            "GROUP BY party ORDER BY count(*) DESC, party"
        )
        return [r[0] for r in rows]

    def update(
        self, claim_id: int, *, expected: Mapping[str, Any] | None = None, **values: Any
    ) -> Claim:
        """Change the analyst's fields of a claim (EDITABLE_FIELDS and tags); return it.

        expected holds the values the inspector showed: when the claim holds others (edited
        in another window since), ConflictingEdit carries the stored one; nothing is written.
        """
        tags = values.pop("tags", None)
        unknown = set(values) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidInput(f"cannot edit claim field(s): {', '.join(sorted(unknown))}")
        check_claim_values(
            **{k: v for k, v in values.items() if k in ("kind", "credibility", "status")}
        )
        if "event_date" in values:
            values["event_date"] = check_event_date(values["event_date"])
        with self._lib.write() as changes:
            # Read inside the transaction: the check and the write see the same claim.
            before = self.get(claim_id)
            if expected:
                shown = {k: sorted(v) if k == "tags" else v for k, v in expected.items()}
                refuse_conflicts(f"claim {before.key}", shown, lambda k: _field(before, k))
            substantive = any(
                getattr(before, k) != v for k, v in values.items() if k in _SUBSTANTIVE
            )
            if values:
                sets = ", ".join(f"{k} = ?" for k in values)
                self._lib.conn.execute(
                    f"UPDATE claims SET {sets}, modified_at = ?, revision = revision + ? "
                    "WHERE id = ?",
                    [*values.values(), now_iso(), int(substantive), claim_id],
                )
            if tags is not None:
                self._lib.conn.execute("DELETE FROM claim_tags WHERE claim_id = ?", (claim_id,))
                self._link_tags(claim_id, tags, changes.tags)
            changes.claims.add(claim_id)
        return self.get(claim_id)

    def delete(self, claim_id: int) -> Claim:
        """Delete a claim; return it as it was, so `restore` can undo the delete.

        Its relations and places under key questions go with it; the returned claim's
        `links` holds them for `restore`.
        """
        claim = self.get(claim_id)
        claim.links = ClaimLinks(
            relations=tuple(self._lib.relations.all(claim_id)),
            questions=tuple(
                (int(r[0]), int(r[1]))
                for r in self._lib.conn.execute(
                    "SELECT question_id, position FROM question_claims WHERE claim_id = ?",
                    (claim_id,),
                )
            ),
            matrix_records=snapshot(self._lib.conn, claim_scope(claim_id)),
        )
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            changes.claims.add(claim_id)
            changes.sources.add(claim.source_id)
            # Its rows in ACH matrices went with it.
            changes.questions.update(q for q, _ in claim.links.questions)
        return claim

    def restore(self, claim: Claim) -> Claim:
        """Re-insert a deleted claim with its id, uid and key (undo of delete or create)."""
        values = {f.name: getattr(claim, f.name) for f in fields(Claim) if f.name not in _DERIVED}
        cols = ", ".join(f'"{k}"' for k in values)
        try:
            with self._lib.write() as changes:
                self._lib.conn.execute(
                    f"INSERT INTO claims ({cols}) VALUES ({','.join('?' * len(values))})",
                    list(values.values()),
                )
                self._link_tags(claim.id, claim.tag_refs or claim.tags, changes.tags)
                if claim.links is not None:
                    self._lib.relations.restore(claim.links.relations)
                    for question_id, position in claim.links.questions:
                        self._lib.questions.restore_assignments(question_id, [(claim.id, position)])
                    self._lib.ach.put_back(claim.links.matrix_records)
                changes.claims.add(claim.id)
                changes.sources.add(claim.source_id)
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"claim {claim.key} cannot be restored: {exc}") from exc
        return self.get(claim.id)

    def delete_many(self, claim_ids: Iterable[int]) -> list[Claim]:
        """Delete claims in one transaction; return them as `delete` does, for `restore_many`.

        Set-based (a statement per table, not per claim): undoing an import of 10,000 claims
        must not freeze the window. Each returned claim's `links` holds what went with it.
        """
        ids = list(dict.fromkeys(claim_ids))
        claims = self.get_many(ids)
        if len(claims) != len(ids):
            missing = sorted(set(ids) - {c.id for c in claims})
            raise NotFound(f"no claim with id {missing[0]}")
        conn = self._lib.conn
        among = json.dumps(ids)
        relations = self._lib.relations.touching(ids)
        questions: dict[int, list[tuple[int, int]]] = {}
        for claim_id, question_id, position in conn.execute(
            "SELECT claim_id, question_id, position FROM question_claims "
            "WHERE claim_id IN (SELECT value FROM json_each(?))",
            (among,),
        ):
            questions.setdefault(claim_id, []).append((int(question_id), int(position)))
        matrix = _matrix_records_by_claim(snapshot(conn, claims_scope(ids)))
        for claim in claims:
            claim.links = ClaimLinks(
                relations=tuple(
                    r for r in relations if claim.id in (r.from_claim_id, r.to_claim_id)
                ),
                questions=tuple(questions.get(claim.id, ())),
                matrix_records=tuple(matrix.get(claim.id, ())),
            )
        with self._lib.write() as changes:
            conn.execute(
                "DELETE FROM claims WHERE id IN (SELECT value FROM json_each(?))", (among,)
            )
            changes.claims.update(ids)
            changes.sources.update(c.source_id for c in claims)
            changes.questions.update(q for found in questions.values() for q, _ in found)
        return claims

    def restore_many(self, claims: Iterable[Claim]) -> None:
        """Re-insert deleted claims with their ids, uids, keys, tags and links, set-based.

        The undo of `delete_many` (or of `delete` for each): every claim goes back before
        any relation, so a relation between two of them comes back too.
        """
        claims = list(claims)
        if not claims:
            return
        columns = [f.name for f in fields(Claim) if f.name not in _DERIVED]
        cols = ", ".join(f'"{k}"' for k in columns)
        conn = self._lib.conn
        try:
            with self._lib.write() as changes:
                conn.executemany(
                    f"INSERT INTO claims ({cols}) VALUES ({','.join('?' * len(columns))})",
                    [[getattr(c, k) for k in columns] for c in claims],
                )
                tag_ids: dict[str, int] = {}
                links: list[tuple[int, int]] = []
                for claim in claims:
                    for name in claim.tag_refs or claim.tags:
                        if not name.strip():
                            continue
                        if name not in tag_ids:
                            tag_ids[name] = self._lib.tags.ensure(name).id
                        links.append((claim.id, tag_ids[name]))
                conn.executemany(
                    "INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?, ?)", links
                )
                changes.tags.update(tag_ids.values())
                relations = {
                    r.id: r for c in claims if c.links is not None for r in c.links.relations
                }
                self._lib.relations.restore(sorted(relations.values(), key=lambda r: r.id))
                placed: dict[int, list[tuple[int, int]]] = {}
                for claim in claims:
                    for question_id, position in claim.links.questions if claim.links else ():
                        placed.setdefault(question_id, []).append((claim.id, position))
                for question_id, assignments in placed.items():
                    self._lib.questions.restore_assignments(question_id, assignments)
                self._lib.ach.put_back(
                    s for c in claims if c.links is not None for s in c.links.matrix_records
                )
                changes.claims.update(c.id for c in claims)
                changes.sources.update(c.source_id for c in claims)
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"claims cannot be restored: {exc}") from exc

    def revert(self, before: Claim) -> Claim:
        """Put a claim's analyst fields, tags and revision back exactly as in before (undo).

        Unlike update, this does not count as a new revision: a note that cited the claim
        before the edit that is being undone sees no change.
        """
        self.get(before.id)
        with self._lib.write() as changes:
            self._lib.conn.execute(
                "UPDATE claims SET statement = ?, party = ?, kind = ?, credibility = ?, "
                "status = ?, event_date = ?, revision = ?, modified_at = ? WHERE id = ?",
                (
                    before.statement,
                    before.party,
                    before.kind,
                    before.credibility,
                    before.status,
                    before.event_date,
                    before.revision,
                    before.modified_at,
                    before.id,
                ),
            )
            self._lib.conn.execute("DELETE FROM claim_tags WHERE claim_id = ?", (before.id,))
            self._link_tags(before.id, before.tag_refs or before.tags, changes.tags)
            changes.claims.add(before.id)
        return self.get(before.id)

    def _link_tags(self, claim_id: int, names: list[str], changed: set[int]) -> None:
        for name in names:
            if not name.strip():
                continue
            tag = self._lib.tags.ensure(name)
            self._lib.conn.execute(
                "INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?, ?)",
                (claim_id, tag.id),
            )
            changed.add(tag.id)

    def _with_tags(self, claims: list[Claim]) -> list[Claim]:
        """Fill in each claim's tag names and kind-qualified refs, in one query per 500."""
        by_id = {c.id: c for c in claims}
        ids = list(by_id)
        # Chunked: SQLite limits the number of bound parameters.
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self._lib.conn.execute(
                "SELECT ct.claim_id, t.name, t.kind FROM claim_tags ct "
                "JOIN tags t ON t.id = ct.tag_id "
                f"WHERE ct.claim_id IN ({','.join('?' * len(chunk))}) ORDER BY t.name",
                chunk,
            )
            for claim_id, name, kind in rows:
                by_id[claim_id].tags.append(name)
                by_id[claim_id].tag_refs.append(f"{kind}:{name}")
        return claims


def claim_filter_sql(conn: sqlite3.Connection, flt: ClaimFilter) -> tuple[str, list[Any]]:
    """Return the WHERE clause (or "") and parameters selecting, from `claims c`, flt's claims.

    Parties and tags are matched here in Python (see ClaimFilter for how), against the few
    distinct values the library holds, and the query gets their exact values or ids: SQLite's
    NOCASE folds only ASCII, and exact values let it use the party and tag indexes.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if flt.source_id is not None:
        clauses.append("c.source_id = ?")
        params.append(flt.source_id)
    party = _fold(flt.party or "")
    if party:
        parties = [r[0] for r in conn.execute("SELECT DISTINCT party FROM claims")]
        clauses.append(_in("c.party", [p for p in parties if _fold(p) == party], params))
    for column, value, allowed in (
        ("kind", flt.kind, CLAIM_KINDS),
        ("status", flt.status, CLAIM_STATUSES),
    ):
        if value and value.strip():
            clauses.append(f"c.{column} = ?")
            params.append(_vocabulary_value(column, value, allowed))
    if flt.tag and flt.tag.strip():
        tag_ids = _tag_ids(conn, flt.tag)
        clauses.append(
            "c.id IN (SELECT ct.claim_id FROM claim_tags ct WHERE "
            f"{_in('ct.tag_id', tag_ids, params)})"
        )
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _fold(text: str) -> str:
    """Return text as compared ignoring case: Unicode's canonical caseless form, trimmed."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", text.strip()).casefold())


def _in(column: str, values: list[Any], params: list[Any]) -> str:
    """Return `column IN (?, ...)` for values (never true for none), adding them to params."""
    if not values:
        return "0"
    params.extend(values)
    return f"{column} IN ({','.join('?' * len(values))})"


def _vocabulary_value(field: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return the value of allowed that value names ignoring case; raise InvalidInput."""
    found = [a for a in allowed if _fold(a) == _fold(value)]
    if not found:
        raise InvalidInput(f"{field} must be one of: {', '.join(allowed)} (not {value!r})")
    return found[0]


def _tag_ids(conn: sqlite3.Connection, tag: str) -> list[int]:
    """Return the ids of the tags a filter's tag text names (see ClaimFilter)."""
    try:
        kind, name = split_tag_ref(tag)
    except InvalidInput:
        kind, name = None, tag  # "place:" filters by the whole name, as it did
    whole, name = _fold(tag), _fold(name)
    return [
        tag_id
        for tag_id, tag_name, tag_kind in conn.execute("SELECT id, name, kind FROM tags")
        if _fold(tag_name) == whole or (kind == tag_kind and _fold(tag_name) == name)
    ]


def check_key(key: str) -> None:
    """Refuse a citation key that is not "C" and a number a library could hand out.

    >>> check_key("C12")
    """
    if not _KEY.fullmatch(key):
        raise InvalidInput(f"{quoted(key, 20)} is not a claim key (C1, C2, ... up to nine digits)")


def check_claim_values(
    kind: str | None = None, credibility: int | str | None = None, status: str | None = None
) -> None:
    """Refuse a kind, credibility or status outside the library's vocabularies and scale."""
    if kind is not None and kind not in CLAIM_KINDS:
        raise InvalidInput(f"kind must be one of: {', '.join(CLAIM_KINDS)} (not {quoted(kind)})")
    if status is not None and status not in CLAIM_STATUSES:
        raise InvalidInput(
            f"status must be one of: {', '.join(CLAIM_STATUSES)} (not {quoted(status)})"
        )
    if credibility is not None and str(credibility) not in CREDIBILITY.codes():
        raise InvalidInput(
            f"credibility must be one of {', '.join(CREDIBILITY.codes())} "
            f"(not {quoted(credibility)})"
        )


def _field(claim: Claim, name: str) -> Any:
    """Return a claim's field as an edit names it (tags in order, as compared)."""
    return sorted(claim.tags) if name == "tags" else getattr(claim, name)


def _matrix_records_by_claim(states: Iterable[RecordState]) -> dict[int, list[RecordState]]:
    """Return ACH records (as `snapshot` gives them for many claims) grouped by their claim."""
    states = list(states)
    row_claim: dict[int, int] = {
        s.after["id"]: s.after["claim_id"] for s in states if s.table == "ach_rows" and s.after
    }
    grouped: dict[int, list[RecordState]] = {}
    for s in states:
        if s.after is None:
            continue
        # A rating belongs to the claim of its row; the scope reads only rows of these claims.
        if s.table == "ach_ratings":
            claim_id = row_claim[s.after["row_id"]]
        else:
            claim_id = int(s.after["claim_id"])
        grouped.setdefault(claim_id, []).append(s)
    return grouped


def _claim_from_row(row: sqlite3.Row) -> Claim:
    return record_from_row(Claim, row)
