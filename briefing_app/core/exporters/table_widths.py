"""Column widths for a Word table, from what its cells say.

Word and LibreOffice lay a table out by the widths of its grid: equal columns printed the ACH
annex's evidence in a column as narrow as a rating's, a word a line and "Evidenc/e" split.
Each column gets room for its longest word, and what is left goes to the columns holding
running text, as a browser lays out the preview's tables.
"""

from __future__ import annotations

# The width of a character of 11 pt body text, in twips (1/20 pt): Calibri's is about 100, but
# LibreOffice without it sets DejaVu Sans, about 127 ("unverifie/d" at 110).
CHAR_TWIPS = 120
# A bold character (a heading, a row's key, the score rows) is this much wider.
BOLD = 1.2
# Room for the cell's margins (108 twips a side), in characters.
PADDING = 3
# Past this many characters a cell wraps anyway: it asks for no more.
LONGEST_LINE = 45


def column_widths(rows: list[list[tuple[str, bool]]], total: int) -> list[int]:
    """Return each column's width in twips for cells of (text, bold), summing to at most total.

    >>> quote = "A long quotation of the source, word by word"
    >>> column_widths([[("Key", True), ("Quote", True)], [("C1", False), (quote, False)]], 9000)
    [1166, 7833]
    """
    count = max((len(row) for row in rows), default=0)
    if count == 0:
        return []
    least = [PADDING + 4.0] * count  # a column as narrow as "0.00" still reads
    wanted = list(least)
    for row in rows:
        for c, (text, bold) in enumerate(row):
            scale = BOLD if bold else 1.0
            longest_word = max((len(w) for w in text.split()), default=0) * scale
            least[c] = max(least[c], PADDING + longest_word)
            wanted[c] = max(wanted[c], least[c], PADDING + min(len(text) * scale, LONGEST_LINE))
    chars = _fit(least, wanted, total / CHAR_TWIPS)
    ratio = total / sum(chars)
    return [int(n * ratio) for n in chars]


def _fit(least: list[float], wanted: list[float], budget: float) -> list[float]:
    """Share budget characters: each column its longest word, the rest to running text."""
    prose = [w > n for w, n in zip(wanted, least, strict=True)]
    if sum(least) > budget:
        # Too narrow for every word: the running-text columns give way (a long word there
        # breaks), so a heading or a rating in a narrow column stays whole.
        deficit = sum(least) - budget
        room = sum(n / 2 for n, p in zip(least, prose, strict=True) if p)
        if room < deficit:
            return least  # words break everywhere, in proportion
        return [n - deficit * (n / 2) / room if p else n for n, p in zip(least, prose, strict=True)]
    if sum(wanted) <= budget:
        return wanted  # room for every line: widened in proportion
    spare = budget - sum(least)
    extra = sum(w - n for w, n in zip(wanted, least, strict=True))
    return [n + spare * (w - n) / extra for w, n in zip(wanted, least, strict=True)]
