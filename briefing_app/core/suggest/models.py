"""A suggested claim: a span of reported speech with who said it."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    """A candidate claim found in a text; nothing is stored until the analyst accepts it.

    `quote` always equals text[start:end]. `party` is the speaker as written (a pronoun is
    replaced by the party it refers to, and `mention` keeps the pronoun); `normalized_party` is
    the library's name for that party when known. `fingerprint` identifies the suggestion in its
    source, so a rejection can be remembered even if offsets shift.
    """

    start: int
    end: int
    quote: str
    party: str
    normalized_party: str
    kind: str
    verb: str
    pattern: str
    mention: str
    sentence_start: int
    sentence_end: int
    fingerprint: str

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing suggest --json`."""
        return asdict(self)


def fingerprint_for(quote: str, mention: str, verb: str) -> str:
    """Return a short stable id for a suggestion from its words (not its offsets).

    >>> a = fingerprint_for("three died", "Officials", "say")
    >>> a == fingerprint_for("three  died", "officials", "say")
    True
    """
    key = "|".join((" ".join(quote.split()).lower(), " ".join(mention.split()).lower(), verb))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
