"""The plain text a reader sees of a Markdown body, mapped back to the body's offsets.

A reviewer's Word copy shows rendered text: no citation brackets, no emphasis marks, no list
markers. To place a reviewer's comment or edit in the Markdown source, we search the plain view
and map the match back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.text.citations import CITATION_GROUP

_LINE_MARKER = re.compile(r"^[ \t]*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)", re.M)
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__|~~|\*|_|`)")


@dataclass(frozen=True)
class PlainView:
    """Plain text and, for each of its characters, the offset in the Markdown body."""

    text: str
    offsets: tuple[int, ...]

    def to_body(self, start: int, end: int) -> tuple[int, int]:
        """Map a plain-text span to the Markdown body span that renders it."""
        if start >= len(self.offsets):
            last = self.offsets[-1] + 1 if self.offsets else 0
            return last, last
        body_start = self.offsets[start]
        body_end = self.offsets[end - 1] + 1 if end > start else body_start
        return body_start, body_end


def plain_view(body: str) -> PlainView:
    """Return what a reader sees of body, with offsets back into body.

    >>> plain_view("Three died [@C5]. *Really*.").text
    'Three died. Really.'
    """
    drop = [False] * len(body)
    for m in CITATION_GROUP.finditer(body):
        start = m.start()
        while start > 0 and body[start - 1] in " \t":  # the space before a citation too
            start -= 1
        for i in range(start, m.end()):
            drop[i] = True
    for pattern in (_LINE_MARKER, _EMPHASIS):
        for m in pattern.finditer(body):
            for i in range(m.start(), m.end()):
                drop[i] = True
    chars, offsets = [], []
    for i, ch in enumerate(body):
        if not drop[i]:
            chars.append(ch)
            offsets.append(i)
    return PlainView("".join(chars), tuple(offsets))
