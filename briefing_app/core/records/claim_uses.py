"""What deleting several claims at once would take with it, read in a few set-based queries.

The claims table deletes every claim it selects (100,000 after Ctrl+A); asking each claim's
notes, ratings and links one by one would cost a query or a parse per claim.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_app.core.text.citations import cited_keys
from briefing_app.core.text.counts import counted

if TYPE_CHECKING:
    from briefing_app.core.library import Library


@dataclass(frozen=True)
class ClaimUses:
    """What uses a set of claims: notes citing them, matrix ratings, assumption support, links."""

    citing_notes: tuple[str, ...] = ()  # the titles of the notes citing any of them
    ratings: int = 0
    assumption_supports: int = 0
    links: int = 0

    def taken(self) -> list[str]:
        """Return what a delete takes besides the claims, in words ([] when nothing)."""
        return [
            text
            for n, text in (
                (self.ratings, f"{counted(self.ratings, 'ratings')} in ACH matrices"),
                (
                    self.assumption_supports,
                    f"{counted(self.assumption_supports, 'supports')} of key assumptions",
                ),
                (self.links, f"{counted(self.links, 'links')} between claims"),
            )
            if n
        ]


def uses_of_claims(lib: Library, claim_ids: list[int]) -> ClaimUses:
    """Return what uses these claims, each note parsed once.

    >>> from briefing_app.core.library import Library
    >>> uses_of_claims(Library.open(":memory:"), [])
    ClaimUses(citing_notes=(), ratings=0, assumption_supports=0, links=0)
    """
    if not claim_ids:
        return ClaimUses()
    conn = lib.conn
    among = json.dumps(list(dict.fromkeys(claim_ids)))
    keys = {
        r[0]
        for r in conn.execute(
            "SELECT key FROM claims WHERE id IN (SELECT value FROM json_each(?))", (among,)
        )
    }
    citing: set[int] = set()
    for note_id, body in conn.execute("SELECT note_id, body FROM note_sections"):
        if note_id not in citing and "@C" in body and keys.intersection(cited_keys(body)):
            citing.add(note_id)
    ratings, supports, links = conn.execute(
        "SELECT (SELECT count(*) FROM ach_rows r JOIN ach_ratings x ON x.row_id = r.id "
        "        WHERE r.claim_id IN (SELECT value FROM json_each(:ids))), "
        "(SELECT count(*) FROM assumption_claims "
        "        WHERE claim_id IN (SELECT value FROM json_each(:ids))), "
        "(SELECT count(*) FROM claim_relations "
        "        WHERE from_claim_id IN (SELECT value FROM json_each(:ids)) "
        "        OR to_claim_id IN (SELECT value FROM json_each(:ids)))",
        {"ids": among},
    ).fetchone()
    titles = tuple(h.title for h in lib.notes.headers() if h.id in citing)
    return ClaimUses(titles, int(ratings), int(supports), int(links))
