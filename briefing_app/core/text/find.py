"""Finding a phrase in a text, and replacing it: the reader's Ctrl+F and the note's Ctrl+H.

Matching is literal and ignores case (as a writer expects of Find); offsets are Python's.
"""

from __future__ import annotations

import re


def _pattern(phrase: str) -> re.Pattern[str] | None:
    return re.compile(re.escape(phrase), re.IGNORECASE) if phrase else None


def find_all(text: str, phrase: str) -> list[tuple[int, int]]:
    """Return [start, end) of every match of phrase in text, in order (none for "").

    >>> find_all("Police said. The police left.", "police")
    [(0, 6), (17, 23)]
    """
    pattern = _pattern(phrase)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def replace_all(text: str, phrase: str, replacement: str) -> tuple[str, int]:
    """Return text with every match of phrase replaced, and how many were.

    >>> replace_all("Kabul and kabul", "kabul", "Kābul")
    ('Kābul and Kābul', 2)
    """
    pattern = _pattern(phrase)
    if pattern is None:
        return text, 0
    return pattern.subn(lambda _m: replacement, text)
