"""Lines that cite rather than state: footnotes, reference lines, "Source: …" credits and
"See …" cross-references; and the cross-reference words that are never a party.

A footnote "1 Reuters, 3 May: Egypt says …" names where a statement came from; it is not the
outlet speaking, and "See Facebook" points the reader elsewhere, it names no speaker.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|"
    r"juil|août|sept|oct|nov|déc|Jän|Mär|Okt|Dez)[a-zéû]*\.?"
)
# What follows a footnote's outlet and comma: a date, a year, a quoted title, a page or a link.
_CITED = (
    rf"(?:\d{{1,2}}\.?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b|(?:1[89]|20)\d{{2}}\b|[“\"‘«]|"
    r"pp?\.\s*\d|https?://|www\.|accessed\b|retrieved\b)"
)
# "1 Reuters, 3 May: …", "[2] BBC News, 4 May 2024, …", "³ Le Monde, 12 mars 2024."
_FOOTNOTE = re.compile(
    # (A bare number needs a space or a mark after it: "3M, 2024 results" is no footnote.)
    r"(?:\[\d{1,3}\]\s*|\(\d{1,3}\)\s*|\d{1,3}(?:[.)]\s*|\s+)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*|\^\d{1,3}\s*)"
    r"[A-ZÀ-Þ][\w&.'’-]*(?:\s+(?:[A-ZÀ-Þ&][\w&.'’-]*|de|du|des|la|le|of|the|am|der|die)){0,5}"
    rf",\s*{_CITED}"
)
# "Source: Reuters", "Sources : AFP, Reuters", "Quelle: dpa", "Credit: AP", "Read more: …"
_CREDIT_LINE = re.compile(
    r"(?:Sources?|Quellen?|Credits?|Photo credit|Read more|See also|Voir aussi|Siehe auch|"
    r"Mehr dazu|Lire aussi)\s*:",
    re.IGNORECASE,
)
# "See Facebook.", "Cf. Meta's statement", "Voir Le Monde": a short line that only points.
_POINTER_LINE = re.compile(r"(?:See|Cf\.?|Compare|Voir|Siehe|Vgl\.)\s+[A-ZÀ-Þ\"“„«][^\n]{0,60}")
_LONGEST_POINTER = 6  # words: a pointer names a document, it says nothing else
# A party that begins with a cross-reference word ("See Facebook", "Photo Reuters").
_CROSS_REFERENCE = re.compile(
    r"(?:See|Cf\.?|Compare|Sources?|Photo|Photos|Image|Images|Credits?|Read more|Voir|Siehe|"
    r"Vgl\.?|Quelle|Foto|Bild)(?=$|[\s:,.])[\s:,.]*",
    re.IGNORECASE,
)


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each line that cites a source rather than states something.

    >>> text = "Talks failed.\\n1 Reuters, 3 May: Egypt says talks failed.\\nSee Facebook."
    >>> [text[a:b] for a, b in citation_spans(text)]
    ['1 Reuters, 3 May: Egypt says talks failed.', 'See Facebook.']
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        words = line.group().strip()
        at = line.start() + len(line.group()) - len(line.group().lstrip())
        if _is_citation(words):
            spans.append((at, at + len(words)))
    return spans


def _is_citation(line: str) -> bool:
    if not line or len(line) > 400:
        return False
    if _FOOTNOTE.match(line) or _CREDIT_LINE.match(line):
        return True
    return bool(_POINTER_LINE.fullmatch(line)) and len(line.split()) <= _LONGEST_POINTER


def without_cross_reference(party: str) -> str:
    """Return a party without a leading cross-reference word ("See Facebook" → "Facebook").

    >>> without_cross_reference("See Facebook"), without_cross_reference("Sources")
    ('Facebook', 'Sources')
    """
    found = _CROSS_REFERENCE.match(party)
    if found is None:
        return party
    rest = party[found.end() :]
    # ("Sources" alone is a news party; "Sources familiar with …" too: only a word before a
    # name points elsewhere.)
    if not rest or not rest[:1].isupper():
        return party
    return rest
