"""Converting between core offsets (Python string indices) and Qt text positions (UTF-16).

A character outside the Basic Multilingual Plane (an emoji, some CJK) is one Python index but two
Qt positions; without this mapping every claim after it would be painted one place off.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextOffsets:
    """The position mapping for one text."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position of each astral character.
        self._qt = [index + n for n, index in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        """Return the Qt position of the Python index."""
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        """Return the Python index of a Qt position (inside a surrogate pair: its character)."""
        if not self._astral:
            return position
        n = bisect_left(self._qt, position)
        if n and self._qt[n - 1] + 1 == position:
            return self._astral[n - 1]
        return position - n
