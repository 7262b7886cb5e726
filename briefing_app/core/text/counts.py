"""Counts in words for one-line summaries: "1 source", "2 sources", "1 hypothesis"."""

from __future__ import annotations

# Plurals that dropping the "s" gets wrong.
_SINGULAR = {"hypotheses": "hypothesis", "analyses": "analysis", "entries": "entry"}


def counted(n: int, key: str) -> str:
    """Return a count in words; key is plural and may go on ("claims already here").

    >>> counted(1, "hypotheses"), counted(1, "sources already here"), counted(2, "claims")
    ('1 hypothesis', '1 source already here', '2 claims')
    """
    noun, space, rest = key.partition(" ")
    if n == 1:
        noun = _SINGULAR.get(noun, noun[:-1] if noun.endswith("s") else noun)
    return f"{n} {noun}{space}{rest}"
