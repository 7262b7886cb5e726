"""A note's sections as the checks see them: blocks, sentences, citations and quotations,
each with character offsets into the section's Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.models import Note
from briefing_app.core.text.citations import Citation, find_citations

# Titles before a name: a full stop after them never ends a sentence.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
    ]
)
# Abbreviations that may also end a sentence ("… in the U.S. The talks …"): they end one only
# when the next word is a typical sentence opener.
ABBREVIATIONS = frozenset(
    [
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "corp",
        "co",
        "dept",
        "est",
        "approx",
        "fig",
        "p",
        "pp",
        "vol",
        "cf",
    ]
)
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "after",
        "before",
        "but",
        "and",
        "however",
        "meanwhile",
        "there",
        "his",
        "her",
        "their",
        "our",
    ]
)
# Where a Markdown line's text starts: after list markers, quote markers, heading hashes.
_LINE_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+|#{1,6}\s+)?")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)")
_QUOTATION = re.compile(
    r"“(?P<a>[^”]{1,500})”|\"(?P<b>[^\"]{1,500})\"|«\s?(?P<c>[^»]{1,500}?)\s?»"
    r"|(?<![\w])‘(?P<d>[^’]{1,500}?)’(?![\w])"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Citation groups right after a sentence's end ("… province [@C5]. [@C1]."), and the stop after
# them, if any: what is left when the words of a cited sentence are deleted.
_AFTER_END = re.compile(
    r"(?P<stop>[.!?…])[\"'”’»)]*[ \t]+"
    r"(?P<cites>\[[^\[\]]*?@C\d+[^\[\]]*?\](?:[ \t]*\[[^\[\]]*?@C\d+[^\[\]]*?\])*)"
    r"(?P<own>[ \t]*[.!?…;:])?"
)


@dataclass(frozen=True)
class Quotation:
    """Text in quotation marks: the inner words and their span in the section body."""

    start: int
    end: int
    text: str


@dataclass
class Sentence:
    """One sentence of a section: its span, text, citations and quotations."""

    section: str
    start: int
    end: int
    text: str
    citations: list[Citation] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        """Return the claim keys this sentence cites, each once."""
        seen: dict[str, None] = {}
        for c in self.citations:
            for key in c.keys:
                seen.setdefault(key, None)
        return list(seen)

    def prose(self) -> str:
        """Return the sentence without its citations (what the reader reads)."""
        out, pos = [], self.start
        for c in self.citations:
            out.append(self._slice(pos, c.start))
            pos = c.end
        out.append(self._slice(pos, self.end))
        return " ".join("".join(out).split())

    def _slice(self, a: int, b: int) -> str:
        return self.text[a - self.start : b - self.start]


@dataclass
class SectionText:
    """A section's body and its sentences."""

    key: str
    heading: str
    body: str
    sentences: list[Sentence]

    def paragraphs(self) -> list[tuple[int, int, list[Sentence]]]:
        """Return each paragraph (list item, table cell) as its span and its sentences."""
        return [
            (a, b, [s for s in self.sentences if a <= s.start < b]) for a, b in _blocks(self.body)
        ]

    def judgments(self) -> list[tuple[int, int, list[Sentence]]]:
        """Return each judgment as an analyst reads one, as its span and its sentences.

        A judgment is a paragraph or list item with its sentences together, or a table's body
        row with its cells together (the judgment, its confidence, its evidence); a table's
        header row states no judgment.
        """
        return [
            (a, b, [s for s in self.sentences if a <= s.start < b])
            for a, b in _judgment_spans(self.body)
        ]


@dataclass
class NoteText:
    """Every section of a note, split for checking."""

    sections: list[SectionText]

    def sentences(self) -> list[Sentence]:
        """Return every sentence of the note, in order."""
        return [s for sec in self.sections for s in sec.sentences]


def words(text: str) -> list[str]:
    """Return the words of text (letters and digits, with inner apostrophes)."""
    return _WORD.findall(text)


def parse_note(note: Note) -> NoteText:
    """Split each section of note into sentences with their citations and quotations."""
    return NoteText(
        [
            SectionText(s.key, s.heading, s.body, split_sentences(s.key, s.body))
            for s in note.sections
        ]
    )


def split_sentences(section: str, body: str) -> list[Sentence]:
    """Return the sentences of a Markdown body, list items and table cells each on their own."""
    citations = find_citations(body)
    sentences: list[Sentence] = []
    for start, end in _blocks(body):
        for s_start, s_end in _sentence_spans(body, start, end, citations):
            text = body[s_start:s_end]
            sentence = Sentence(section, s_start, s_end, text)
            sentence.citations = [c for c in citations if s_start <= c.start and c.end <= s_end]
            sentence.quotations = [
                Quotation(s_start + m.start(), s_start + m.end(), next(g for g in m.groups() if g))
                for m in _QUOTATION.finditer(text)
            ]
            sentences.append(sentence)
    return sentences


def _blocks(body: str) -> list[tuple[int, int]]:
    """Return spans of paragraphs, list items and table cells (markers excluded)."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    pos = 0
    for line in body.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped or (re.fullmatch(r"[|:\-\s]+", stripped) and "-" in stripped):
            if current:
                blocks.append(current)
            current = None
            continue
        if stripped.startswith("|"):
            if current:
                blocks.append(current)
            current = None
            blocks.extend(_table_cells(line, line_start))
            continue
        prefix = _LINE_PREFIX.match(line)
        content_start = line_start + (prefix.end() if prefix else 0)
        content_end = line_start + len(line.rstrip())
        starts_item = bool(prefix and prefix.group(0).strip())
        if current and not starts_item:
            current = (current[0], content_end)
        else:
            if current:
                blocks.append(current)
            current = (content_start, content_end)
    if current:
        blocks.append(current)
    return [(a, b) for a, b in blocks if b > a]


def _judgment_spans(body: str) -> list[tuple[int, int]]:
    """Return spans of paragraphs and list items, and of table rows (a header row has none)."""
    lines = body.splitlines(keepends=True)
    rows: list[tuple[int, int]] = []  # body rows of tables: their lines' spans
    headers: list[tuple[int, int]] = []
    pos = 0
    for index, line in enumerate(lines):
        line_start, pos = pos, pos + len(line)
        if not line.strip().startswith("|") or _is_delimiter_row(line):
            continue
        # The row just above a delimiter row (|---|) is the table's header.
        header = index + 1 < len(lines) and _is_delimiter_row(lines[index + 1])
        (headers if header else rows).append((line_start, pos))
    spans: list[tuple[int, int]] = []
    last_row: tuple[int, int] | None = None
    for a, b in _blocks(body):
        if any(s <= a < e for s, e in headers):
            continue
        row = next(((s, e) for s, e in rows if s <= a < e), None)
        if row is not None and row == last_row:
            spans[-1] = (spans[-1][0], b)  # another cell of the same row
        else:
            spans.append((a, b))
        last_row = row
    return spans


def _is_delimiter_row(line: str) -> bool:
    stripped = line.strip()
    return bool(re.fullmatch(r"[|:\-\s]+", stripped)) and "-" in stripped and "|" in stripped


def _table_cells(line: str, offset: int) -> list[tuple[int, int]]:
    cells = []
    for m in re.finditer(r"[^|]+", line.rstrip("\n")):
        text = m.group(0)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            cells.append((offset + m.start() + lead, offset + m.start() + len(text.rstrip())))
    return cells


def _sentence_spans(
    body: str, start: int, end: int, citations: list[Citation]
) -> list[tuple[int, int]]:
    text = body[start:end]
    inside_citation = [(c.start - start, c.end - start) for c in citations]
    spans: list[tuple[int, int]] = []
    s_start = 0
    for m in _SENTENCE_END.finditer(text):
        if any(a <= m.start() < b for a, b in inside_citation):
            continue
        nxt = text[m.end() :].lstrip()
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start(), nxt):
            continue
        if nxt and nxt[0].islower():
            continue
        spans.append((s_start, m.end()))
        s_start = m.end() + (len(text[m.end() :]) - len(nxt))
    if s_start < len(text) and text[s_start:].strip():
        spans.append((s_start, len(text.rstrip())))
    # A citation standing after the full stop ("… died. [@C5]") belongs to the sentence before.
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        piece = text[a:b].strip()
        if merged and re.fullmatch(r"(\[[^\]]*@C\d+[^\]]*\][.,;]?\s*)+", piece):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [(start + a, start + b) for a, b in merged]


def stray_citations(section: SectionText) -> list[tuple[int, int]]:
    """Return the spans of citation groups that stand without a sentence of their own.

    Such a group follows a sentence's end and either has its own full stop ("… died [@C5].
    [@C1].") or follows a sentence that already cites before its stop ("… died [@C5]. [@C1]"),
    or is a paragraph's only content. A citation after the stop of an uncited sentence
    ("… died. [@C5]") is a style, not a stray; neither is a table cell holding only a citation.
    """
    body = section.body
    found: list[tuple[int, int]] = []
    for sentence in section.sentences:
        if not sentence.citations:
            continue
        if not words(sentence.prose()):
            line_start = body.rfind("\n", 0, sentence.start) + 1
            if not body[line_start:].lstrip().startswith("|"):
                found.append((sentence.citations[0].start, sentence.citations[-1].end))
            continue
        text = sentence.text
        inside = [(c.start - sentence.start, c.end - sentence.start) for c in sentence.citations]
        # Citations before the first word belong to the sentence before (after its stop).
        first_word = _WORD.search(sentence.prose())
        opening = text.find(first_word.group(0)) if first_word else 0
        for m in _AFTER_END.finditer(text):
            stop = m.start("stop")
            if any(a <= stop < b for a, b in inside):
                continue
            if text[stop] == "." and _is_abbreviation(text, stop, text[m.start("cites") :]):
                continue
            cited_before = any(opening < a and b <= stop for a, b in inside)
            if m.group("own") or cited_before:
                found.append((sentence.start + m.start("cites"), sentence.start + m.end("cites")))
    return found


def _is_abbreviation(text: str, dot: int, following: str) -> bool:
    """Return whether the full stop at dot belongs to an abbreviation, not a sentence end."""
    m = re.search(r"([\w.]+)$", text[:dot])
    if not m:
        return False
    token = m.group(1).lower().rstrip(".")
    if token in TITLES or (len(token) == 1 and token.isalpha()):
        return True  # "Dr. Guo", "J. Smith"
    if token in ABBREVIATIONS or re.fullmatch(r"(?:\w\.)+\w", token):
        first = words(following[:40])
        return not (first and first[0].lower() in SENTENCE_OPENERS)
    return False
