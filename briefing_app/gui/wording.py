"""How the window words a count: "1 claim", "3 claims", "1,204 sources"."""

from __future__ import annotations


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """Return n with the noun in the singular for one, else the plural (noun + "s")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
