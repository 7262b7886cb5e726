"""Painting claims in the reader: a QSyntaxHighlighter fed from claim spans, in layers.

The "claims" layer fills each span with its kind's colour; where claims overlap, the inner one
is painted darker and underlined in the outer one's colour, so neither disappears. Other layers
(e.g. suggested claims) can be added with a dashed underline.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

# Translucent, so they read on light and dark palettes alike.
KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "reported fact": (52, 120, 220),
    "allegation": (240, 140, 0),
    "denial": (220, 50, 50),
    "official statement": (40, 160, 80),
    "assessment": (150, 70, 190),
}
_FALLBACK = (128, 128, 128)

# (claim id, start, end, kind) with start/end in Qt positions.
Span = tuple[int, int, int, str]


def kind_colour(kind: str, alpha: int = 255) -> QColor:
    """Return the colour that marks claims of this kind."""
    r, g, b = KIND_COLOURS.get(kind, _FALLBACK)
    return QColor(r, g, b, alpha)


@dataclass
class SpanLayer:
    """One set of spans painted in one style ('fill' or 'dashed')."""

    style: str
    spans: list[Span] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    longest: int = 0

    def set_spans(self, spans: list[Span]) -> None:
        """Replace the spans, keeping them sorted for per-block lookup."""
        self.spans = sorted(spans, key=lambda s: (s[1], -s[2]))
        self.starts = [s[1] for s in self.spans]
        self.longest = max((s[2] - s[1] for s in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Return the spans that overlap [start, end)."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s[2] > start]


class ClaimHighlighter(QSyntaxHighlighter):
    """Paints span layers onto a document; `set_layer` then rehighlight."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.layers: dict[str, SpanLayer] = {}

    def set_layer(self, name: str, spans: list[Span], style: str = "fill") -> None:
        """Give the layer called name these spans (not repainted until rehighlight)."""
        layer = self.layers.setdefault(name, SpanLayer(style))
        layer.style = style
        layer.set_spans(spans)

    def spans_at(self, position: int, layer: str = "claims") -> list[Span]:
        """Return the spans of a layer covering a Qt position, innermost last."""
        found = self.layers.get(layer)
        if found is None:
            return []
        return [s for s in found.overlapping(position, position + 1) if s[1] <= position]

    def highlightBlock(self, text: str) -> None:
        """Paint the spans that touch this block."""
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        touching: list[tuple[SpanLayer, list[Span]]] = []
        for layer in self.layers.values():
            spans = layer.overlapping(block_start, block_end + 1)
            if spans:
                touching.append((layer, spans))
        if not touching:
            return
        cuts = {0, len(text)}
        for _layer, spans in touching:
            for _id, start, end, _kind in spans:
                cuts.add(min(max(start - block_start, 0), len(text)))
                cuts.add(min(max(end - block_start, 0), len(text)))
        edges = sorted(cuts)
        for a, b in pairwise(edges):
            fmt = self._segment_format(touching, block_start + a, block_start + b)
            if fmt is not None:
                self.setFormat(a, b - a, fmt)

    @staticmethod
    def _segment_format(
        touching: list[tuple[SpanLayer, list[Span]]], start: int, end: int
    ) -> QTextCharFormat | None:
        fmt: QTextCharFormat | None = None
        for layer, spans in touching:
            covering = [s for s in spans if s[1] <= start and s[2] >= end]
            if not covering:
                continue
            fmt = fmt or QTextCharFormat()
            if layer.style == "fill":
                inner = covering[-1]
                fmt.setBackground(kind_colour(inner[3], 70 if len(covering) == 1 else 130))
                if len(covering) > 1:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(kind_colour(covering[-2][3]))
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(Qt.GlobalColor.darkGray))
        return fmt
