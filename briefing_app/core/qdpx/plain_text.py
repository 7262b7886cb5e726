"""A source's text as a .qdpx carries it: UTF-8, LF line ends, no BOM; claim offsets follow.

A library stores text normalised at import (core.text.anchors.normalise_text), so the file
text is the stored text and offsets pass through unchanged. A text stored by an older version
with CR line ends or a byte-order mark would differ from its file: the characters dropped are
counted out of every offset, so a selection still covers exactly its quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing_app.core.qdpx.mapping import XML_REPLACEMENT

# Characters XML 1.0 cannot hold: C0 controls other than tab, LF and CR, lone surrogates, and
# the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BOM = "\ufeff"


@dataclass(frozen=True)
class PlainText:
    """The text written to a source's .txt file and where each stored offset lands in it."""

    text: str
    # Stored offsets of the characters left out of the file (a BOM, the CR of each CRLF).
    dropped: tuple[int, ...] = ()

    @classmethod
    def of(cls, stored: str) -> PlainText:
        """Return the file form of a stored text.

        >>> PlainText.of("\\ufeffa\\r\\nb\\rc").text
        'a\\nb\\nc'
        """
        if _BOM not in stored[:1] and "\r" not in stored:
            return cls(stored)
        dropped = [0] if stored.startswith(_BOM) else []
        dropped += [m.start() for m in re.finditer("\r\n", stored)]
        skip = set(dropped)
        kept = "".join(ch for i, ch in enumerate(stored) if i not in skip)
        return cls(kept.replace("\r", "\n"), tuple(dropped))

    def position(self, offset: int) -> int:
        """Return where stored offset lands in the file text, in code points.

        An offset is a str index, and Python indexes str by code point, as the standard counts.

        >>> PlainText.of("a\\r\\nb").position(3)
        2
        """
        return offset - bisect.bisect_left(self.dropped, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the file positions of a stored span [start, end), end exclusive."""
        return self.position(start), self.position(end)


def xml_safe(text: str) -> tuple[str, int]:
    """Return text with each character XML cannot hold replaced, and how many were.

    >>> xml_safe("page\\x0cbreak")
    ('page\\ufffdbreak', 1)
    """
    return _NOT_XML.subn(XML_REPLACEMENT, text)
