"""Lines that cite rather than state: footnotes, reference lines, "Source: …" credits and
"See …" cross-references; and the cross-reference words that are never a party.

A footnote "1 Reuters, 3 May: Egypt says …" names where a statement came from; it is not the
outlet speaking, and "See Facebook" points the reader elsewhere, it names no speaker. A
"Source: Reuters." credit is its line's first sentence only: a page may run the story on after
it on the same line ('Source: Reuters. "The dam is safe," the minister said.').
"""

from __future__ import annotations

import re

from briefing_app.core.suggest.sentences import split_sentences

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
# "Source: Reuters", "Sources : AFP, Reuters", "Quelle: dpa", "Credit: AP": a credit, whose
# first sentence is all it says.
_CREDIT = re.compile(r"(?:Sources?|Quellen?|Credits?|Photo credit)\s*:", re.IGNORECASE)
# Where a sentence of a line may end: a mark, closing quotes or brackets, then a space.
_MARK_THEN_SPACE = re.compile(r"[.!?…][”’\"»“«)\]]*\s")
# "Read more: …", "Lire aussi : …": the rest of the line is another story's headline.
_READ_ON_LINE = re.compile(
    r"(?:Read more|See also|Voir aussi|Siehe auch|Mehr dazu|Lire aussi)\s*:", re.IGNORECASE
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


def citation_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Return the (start, end) of each line that cites rather than states, or of its credit.

    A "Source: …" credit ends with its first sentence (abbreviations: the language's, whose
    dots end none); the rest of its line is read.

    >>> text = "Talks failed.\\n1 Reuters, 3 May: Egypt says talks failed.\\nSee Facebook."
    >>> [text[a:b] for a, b in citation_spans(text)]
    ['1 Reuters, 3 May: Egypt says talks failed.', 'See Facebook.']
    >>> text = 'Source: Reuters. "The dam is safe," the minister said.'
    >>> [text[a:b] for a, b in citation_spans(text)]
    ['Source: Reuters.']
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        words = line.group().strip()
        at = line.start() + len(line.group()) - len(line.group().lstrip())
        length = _citation_length(words, abbreviations)
        if length:
            spans.append((at, at + length))
    return spans


def _citation_length(line: str, abbreviations: frozenset[str]) -> int:
    """Return how many characters at the start of a stripped line cite (0: none do)."""
    if not line or len(line) > 400:
        return 0
    if _FOOTNOTE.match(line) or _READ_ON_LINE.match(line):
        return len(line)
    if _CREDIT.match(line):
        # (A credit's own words are one sentence: "Sources: AFP, Reuters; officials said …" is
        # all credit, and what follows its end is the story again. Most credits have no mark
        # before a space, "Source: Reuters": no sentences to split.)
        if not _MARK_THEN_SPACE.search(line):
            return len(line)
        return split_sentences(line, abbreviations)[0].end
    fits = _POINTER_LINE.fullmatch(line) and len(line.split()) <= _LONGEST_POINTER
    return len(line) if fits else 0


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
