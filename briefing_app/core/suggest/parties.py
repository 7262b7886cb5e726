"""Parties named on claims, and the aliases an analyst merges into one name: `lib.parties`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import now_iso
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.suggest.party_names import normalise_party, party_key

if TYPE_CHECKING:
    from briefing_app.core.library import Library


@dataclass
class Party:
    """A party as the library names it, how many claims it makes, and its aliases."""

    name: str
    claim_count: int = 0
    aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing parties --json`."""
        return {"name": self.name, "claim_count": self.claim_count, "aliases": self.aliases}


@dataclass(frozen=True)
class PartyMerge:
    """What a merge replaced: the alias table, and the party each renamed claim had."""

    alias_rows: list[tuple[int, str, str, str]]
    renamed: dict[int, str]  # claim id -> its party before the merge


class PartyManager:
    """Party names and aliases in a library: `lib.parties`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def merge(self, alias: str, canonical: str) -> list[tuple[int, str, str, str]]:
        """Record that alias names the same party as canonical (replacing an older alias).

        Returns the alias table as it was (`alias_rows`): `restore_alias_rows` undoes it.

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> before = lib.parties.merge("the Taliban administration", "Taliban")
        >>> lib.parties.normalise("Taliban administration")
        'Taliban'
        """
        alias, canonical = " ".join(alias.split()), " ".join(canonical.split())
        if not alias or not canonical:
            raise InvalidInput("a party alias needs both an alias and the name it stands for")
        # Follow an existing alias so names never chain (A -> B -> C).
        canonical = self.aliases().get(party_key(canonical), canonical)
        if party_key(alias) == party_key(canonical):
            raise InvalidInput(f"{alias!r} and {canonical!r} are already the same name")
        with self._lib.write():
            before = self.alias_rows()
            self._lib.conn.execute(
                "INSERT INTO party_aliases (alias, canonical, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(alias) DO UPDATE SET canonical = excluded.canonical",
                (alias, canonical, now_iso()),
            )
            # Names that pointed at the new alias now point at its canonical name.
            self._lib.conn.execute(
                "UPDATE party_aliases SET canonical = ? WHERE canonical = ? COLLATE NOCASE",
                (canonical, alias),
            )
        return before

    def merge_claims(self, alias: str, canonical: str) -> PartyMerge:
        """Merge alias into canonical (as merge) and rename the party on the claims naming alias.

        One transaction; `undo_merge` puts back the aliases and every renamed claim's party.

        >>> from briefing_app.core.library import Library
        >>> lib = Library.open(":memory:")
        >>> lib.parties.merge_claims("the Taliban administration", "Taliban").renamed
        {}
        """
        with self._lib.write() as changes:
            before = self.merge(alias, canonical)
            key = party_key(" ".join(alias.split()))
            name = self.aliases()[key]  # the canonical name, an older alias followed
            renamed = {
                claim_id: party
                for claim_id, party in self._lib.conn.execute(
                    "SELECT id, party FROM claims WHERE party != ''"
                )
                if party_key(party) == key and party != name
            }
            self._set_parties({claim_id: name for claim_id in renamed})
            changes.claims.update(renamed)
        return PartyMerge(before, renamed)

    def undo_merge(self, merge: PartyMerge) -> PartyMerge:
        """Put back the aliases and each renamed claim's party as before merge_claims; return
        the merge as it stood, which undo_merge puts back in turn (the redo, with the alias
        rows' own times: running the merge again would stamp them anew)."""
        with self._lib.write() as changes:
            marks = ",".join("?" * len(merge.renamed))
            current = dict(
                self._lib.conn.execute(
                    f"SELECT id, party FROM claims WHERE id IN ({marks})", list(merge.renamed)
                ).fetchall()
            )
            replaced = self.restore_alias_rows(merge.alias_rows)
            self._set_parties(merge.renamed)
            changes.claims.update(merge.renamed)
        return PartyMerge(replaced, current)

    def _set_parties(self, parties: dict[int, str]) -> None:
        # The same party under its library name: not a new revision of the claim, so notes
        # citing it are not told to re-read it.
        self._lib.conn.executemany(
            "UPDATE claims SET party = ? WHERE id = ?", [(p, i) for i, p in parties.items()]
        )

    def alias_rows(self) -> list[tuple[int, str, str, str]]:
        """Return every alias as (id, alias, canonical, created_at): a snapshot for undo."""
        rows = self._lib.conn.execute(
            "SELECT id, alias, canonical, created_at FROM party_aliases ORDER BY id"
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def restore_alias_rows(
        self, rows: list[tuple[int, str, str, str]]
    ) -> list[tuple[int, str, str, str]]:
        """Put the alias table back exactly as a snapshot from alias_rows (undo of a merge);
        return the rows it replaced (so the same call redoes the merge)."""
        with self._lib.write():
            replaced = self.alias_rows()
            self._lib.conn.execute("DELETE FROM party_aliases")
            self._lib.conn.executemany(
                "INSERT INTO party_aliases (id, alias, canonical, created_at) VALUES (?,?,?,?)",
                rows,
            )
        return replaced

    def unmerge(self, alias: str) -> None:
        """Forget an alias; raise NotFound if it is not one."""
        with self._lib.write():
            cur = self._lib.conn.execute(
                "DELETE FROM party_aliases WHERE alias = ? COLLATE NOCASE", (alias.strip(),)
            )
        if cur.rowcount == 0:
            raise NotFound(f"no party alias {alias.strip()!r}")

    def aliases(self) -> dict[str, str]:
        """Return every alias, as its comparison key (bare, lower case) -> canonical name."""
        rows = self._lib.conn.execute("SELECT alias, canonical FROM party_aliases ORDER BY id")
        return {party_key(r[0]): r[1] for r in rows}

    def known(self) -> list[str]:
        """Return the party names used on claims, most used first."""
        return self._lib.claims.parties()

    def normalise(self, party: str) -> str:
        """Return the library's name for party (an alias's canonical name, a known spelling)."""
        return normalise_party(party, self.known(), self.aliases())

    def all(self) -> list[Party]:
        """Return every party named on a claim or as an alias target, with counts and aliases."""
        parties: dict[str, Party] = {}
        aliases = self.aliases()
        for name, count in self._lib.conn.execute(
            "SELECT party, count(*) FROM claims WHERE party != '' GROUP BY party"
        ):
            canonical = aliases.get(party_key(name), name)
            entry = parties.setdefault(party_key(canonical), Party(canonical))
            entry.claim_count += int(count)
        for alias, canonical in self._lib.conn.execute(
            "SELECT alias, canonical FROM party_aliases ORDER BY alias COLLATE NOCASE"
        ):
            parties.setdefault(party_key(canonical), Party(canonical)).aliases.append(alias)
        return sorted(parties.values(), key=lambda p: (-p.claim_count, p.name.lower()))
