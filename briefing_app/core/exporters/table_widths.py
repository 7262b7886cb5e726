"""Column widths for a Word table, from what its cells say.

Word and LibreOffice lay a table out by the widths of its grid: equal columns printed the ACH
annex's evidence in a column as narrow as a rating's, a word a line and "Evidenc/e" split.
Columns are laid out as a browser's automatic table layout does (CSS 2.1 §17.5.2.2): a
column's least width holds its longest word, its wanted width its longest text on one line.
When the wanted widths do not fit, each column gets its least width plus a share of the spare
room in proportion to how much more it wants, so a 300-character quote gets far more room than
"B5: Usually reliable" beside it (a cap on the wanted width once gave them the same).
"""

from __future__ import annotations

# The width of a character of 11 pt body text, in twips (1/20 pt): Calibri's is about 100, but
# LibreOffice without it sets DejaVu Sans, about 127 ("unverifie/d" at 110).
CHAR_TWIPS = 120
# A bold character (a heading, a row's key, the score rows) is this much wider.
BOLD = 1.2
# Room for the cell's margins (108 twips a side), in characters.
PADDING = 3


def column_widths(rows: list[list[tuple[str, bool]]], total: int) -> list[int]:
    """Return each column's width in twips for cells of (text, bold), summing to at most total.

    >>> quote = "A long quotation of the source, word by word, " * 6
    >>> grade = "B5: Usually reliable; improbable"
    >>> head = [("Key", True), ("Quote", True), ("Grade", True)]
    >>> column_widths([head, [("C1", False), (quote, False), (grade, False)]], 9000)
    [840, 6205, 1954]
    """
    count = max((len(row) for row in rows), default=0)
    if count == 0:
        return []
    least = [PADDING + 4.0] * count  # a column as narrow as "0.00" still reads
    wanted = list(least)
    for row in rows:
        for c, (text, bold) in enumerate(row):
            scale = BOLD if bold else 1.0
            words = text.split()
            longest_word = max((len(w) for w in words), default=0) * scale
            least[c] = max(least[c], PADDING + longest_word)
            # The whole text on one line: a long quote wants more than a short grade. Spaces
            # between paragraphs and at the end count for nothing (a trailing one made the
            # one-word "Hypotheses" heading running text, and it broke as "Hypothese/s").
            line = len(" ".join(words)) * scale
            wanted[c] = max(wanted[c], least[c], PADDING + line)
    chars = _fit(least, wanted, total / CHAR_TWIPS)
    ratio = total / sum(chars)
    return [int(n * ratio) for n in chars]


def _fit(least: list[float], wanted: list[float], budget: float) -> list[float]:
    """Share budget characters: each column its longest word, the rest to running text."""
    prose = [w > n for w, n in zip(wanted, least, strict=True)]
    if sum(least) > budget:
        # Too narrow for every word: the running-text columns give way (a long word there
        # breaks), so a heading or a rating in a narrow column stays whole; each in proportion
        # to how much text it holds, so a paragraph gives way before a three-word rating.
        deficit = sum(least) - budget
        room = sum(n / 2 for n, p in zip(least, prose, strict=True) if p)
        if room < deficit:
            return least  # words break everywhere, in proportion
        extra = sum(w - n for w, n in zip(wanted, least, strict=True))
        give = [deficit * (w - n) / extra for w, n in zip(wanted, least, strict=True)]
        if any(g > n / 2 for g, n in zip(give, least, strict=True)):
            return [
                n - deficit * (n / 2) / room if p else n for n, p in zip(least, prose, strict=True)
            ]
        return [n - g for n, g in zip(least, give, strict=True)]
    if sum(wanted) <= budget:
        return wanted  # room for every line: widened in proportion
    spare = budget - sum(least)
    extra = sum(w - n for w, n in zip(wanted, least, strict=True))
    return [n + spare * (w - n) / extra for w, n in zip(wanted, least, strict=True)]
