"""Splitting text into sentences by offsets, aware of abbreviations and quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_QUOTES = '“‘«"'
CLOSING_QUOTES = '”’»"'
# A candidate end: terminal punctuation, closing quotes or brackets, then white space.
# (German closes „…“ with the mark English opens with.)
# (German also quotes »…«: "… nichts.« Zuständig ist …".)
_END = re.compile(r"[.!?…]+[”’\"»“«)\]]*(?=\s)")
# (French sets a space inside its guillemets, "« C’est", and capitals may be accented.)
# (A German »… opens a sentence too; a French » with a space after it closes one.)
_NEXT_START = re.compile(r"\s+(?:»(?=[^\W_]))?[“‘\"«„(\[]{0,2}[\s\u00a0\u202f]?[A-Z0-9À-ÖØ-Þ]")
_INITIAL = re.compile(r"(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|[a-z]\.[a-z])$")


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a run of sentences joined by one quotation) of a text, by offsets."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Sentence]:
    """Return the sentences of text: paragraphs split at line breaks, then at sentence ends.

    >>> [s.text for s in split_sentences('Mr. Li said "Go. Now." Then he left.', frozenset({"mr"}))]
    ['Mr. Li said "Go. Now."', 'Then he left.']
    """
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraph_spans(text)):
        pieces = _split_paragraph(text, p_start, p_end, abbreviations)
        for start, end in _join_open_quotes(text, pieces):
            sentences.append(Sentence(start, end, text[start:end], number))
    return sentences


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each paragraph (a line with words), numbered as sentences are."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _split_paragraph(
    text: str, start: int, end: int, abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    pieces = []
    chunk_start = start
    para = text[start:end]
    for match in _END.finditer(para):
        cut = start + match.end()
        if not _NEXT_START.match(text, cut, end):
            continue
        # An initial ("J. Smith") never stands before a quotation: "posted on X. “He…".
        quote_next = text[cut:end].lstrip()[:1] in OPENING_QUOTES
        if (
            match.group().startswith(".")
            and not quote_next
            and _is_abbreviation(text, chunk_start, start + match.start(), abbreviations)
        ):
            continue
        pieces.append((chunk_start, cut))
        chunk_start = cut
        while chunk_start < end and text[chunk_start].isspace():
            chunk_start += 1
    if chunk_start < end:
        pieces.append((chunk_start, end))
    return pieces


def _is_abbreviation(text: str, chunk_start: int, dot: int, abbreviations: frozenset[str]) -> bool:
    before = text[chunk_start:dot]
    word = re.search(r"[\w.]+$", before)
    if word is None:
        return False
    token = word.group().lower().rstrip(".")
    if token in abbreviations:
        return True
    # "J. Smith", "U.S." inside a sentence: a lone capital (or dotted capitals) is an initial.
    return bool(_INITIAL.search(before))


def _join_open_quotes(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that opens a quotation with the following ones until it closes."""
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        j = i
        reopened = False
        while _quote_open(text[start:end]) and j + 1 < len(pieces) and j - i < 8:
            if reopens_quotation(text, pieces[j + 1][0]):
                # '"We will rebuild. "It will take years," he said.': a quotation running into
                # the next paragraph opens again there (news style), so a text that lost its
                # line breaks shows the paragraph's end where the next quotation opens.
                reopened = True
                break
            j += 1
            end = pieces[j][1]
        if reopened and not all(_SPEECH.search(text, a, b) for a, b in pieces[i + 1 : j + 1]):
            # A sentence between without a first or second person reads as the story's own
            # (the quotation's paragraph ended before it, or the opening mark was a stray).
            reopened = False
        if _quote_open(text[start:end]) and not reopened:
            # Never closed in this paragraph: keep the sentences apart.
            joined.append(pieces[i])
            i += 1
            continue
        joined.append((start, end))
        i = j + 1
    return joined


_SPEECH = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|[Mm]e|[Uu]s|[Yy]ou|[Yy]our)\b|[“”\"]")
_REOPENS = re.compile(r"[“\"][^\W_]")


def reopens_quotation(text: str, start: int) -> bool:
    """Return whether the sentence at start opens a quotation (news style: a quotation left
    open at a paragraph's end opens again in the next one)."""
    return bool(_REOPENS.match(text, start))


_GERMAN_GUILLEMET = re.compile(r"(?:^|[\s(])»(?=[^\W_])")
_QUOTE_MARK = re.compile(r"[“”\"«»„‘]")


def _quote_open(sentence: str) -> bool:
    """Return whether a quotation is still open at the end of sentence (“…" counts as closed)."""
    if not _QUOTE_MARK.search(sentence):
        return False  # most sentences quote no one: no walk over their characters
    curly = straight = guillemet = low = single = False
    # German quotes »…«, French «…» (with spaces inside): a » before a word opens.
    opener = "»" if _GERMAN_GUILLEMET.search(sentence) else "«"
    for i, ch in enumerate(sentence):
        if ch == "‘" and not (curly or straight or guillemet or low):
            # British: ‘We will not back down. Never.’ (inside “…” a ‘ nests and may be left
            # open: “We said, ‘What are you doing? But…,” Alex said.)
            single = True
        elif ch == "’" and single and not sentence[i + 1 : i + 2].isalpha():
            single = False  # (an apostrophe has a letter after it: "don’t")
        elif ch == "„":
            low = True  # German: „…“
        elif ch == "“" and low:
            low = False
        elif ch == "“" and straight and not curly:
            straight = False  # "…“: a German „…“ whose opening mark came out straight
        elif ch == "“":
            curly = True
        elif ch == "”":
            curly = False
        elif ch in "«»":
            # French: "« C’est la révolution. Dieu merci. »" is one quotation.
            guillemet = ch == opener
        elif ch == '"':
            if curly:
                curly = False
            else:
                straight = not straight
    return curly or straight or guillemet or low or single
