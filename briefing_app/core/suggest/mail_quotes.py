"""The earlier messages a reply quotes: "> " lines under "On …, Name wrote:", or an Outlook
"-----Original Message-----" block, with whose words they are.

The e-mail importer keeps a reply's body as the mail program wrote it, so the quoted earlier
message sits in the source's text with its "> " marks and the line that names its writer. The
suggester reads the quoted words as prose (the marks and the "wrote:" line are no one's
statement) and knows whose message each quoted line belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

# "On Mon, 3 May 2024 at 10:02, Bob Smith <bob@example.org> wrote:" (a mail program may wrap
# it before "wrote:"), "Le lun. 3 mai 2024 à 10:02, Bob Smith <…> a écrit :",
# "Am Mo., 3. Mai 2024 um 10:02 Uhr schrieb Bob Smith <…>:". A mail program always gives a
# time or an address, or "> " lines follow it; "On Monday, Trump wrote:" in a news story is a
# lead-in, no header.
# (The indent is taken whole: given back a space at a time, each try rescanned the line for
# the time, minutes on a deep "> > > …" quote.)
_WROTE_LINE = (
    r"(?:On\s[^\n]{3,120}?,\s*(?P<en>[^,\n<>]{1,80}?)\s*(?:<[^<>\n]*>)?\s*wrote\s*:"
    r"|Le\s[^\n]{3,120}?,\s*(?P<fr>[^,\n<>]{1,80}?)\s*(?:<[^<>\n]*>)?\s*a\s+écrit\s*:"
    r"|Am\s[^\n]{3,120}?\s+schrieb\s+(?P<de>[^\n<>]{1,80}?)\s*(?:<[^<>\n]*>)?\s*:)"
)
_WROTE = re.compile(
    r"^[ \t]*+(?=[^\n]*(?:\d[:h.]\d\d|@))" + _WROTE_LINE, re.IGNORECASE | re.MULTILINE
)
# Right above "> " lines a mail program's line needs no time: "On Sun, 3 Mar 2024, Bob wrote:".
_WROTE_ABOVE_QUOTE = re.compile(r"^[ \t]*+" + _WROTE_LINE, re.IGNORECASE | re.MULTILINE)
# Outlook's separator, or a forwarded message's, then its "From:"/"Sent:" header lines.
_ORIGINAL = re.compile(
    r"^[ \t]*-{2,}\s*(?:Original Message|Forwarded message|Message d'origine|"
    r"Ursprüngliche Nachricht)\s*-{2,}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINE = re.compile(
    r"[ \t]*(?:From|Sent|Date|To|Cc|Subject|De|Envoyé|À|Objet|Von|Gesendet|An|Betreff)\s*:[^\n]*",
    re.IGNORECASE,
)
_FROM = re.compile(r"(?:From|De|Von)\s*:\s*(?P<name>[^<>\n\[]*?)\s*(?:[<\[][^\n]*)?$", re.I)
_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)


@dataclass(frozen=True)
class QuotedMessage:
    """An earlier message a reply quotes: its span in the text and its writer ('' if unnamed)."""

    start: int
    end: int
    writer: str


def quoted_messages(text: str) -> list[QuotedMessage]:
    """Return the quoted earlier messages of an e-mail's text, innermost last.

    >>> text = "Thanks.\\nOn Mon, 3 May 2024, Bob Smith <b@x.org> wrote:\\n> Talks failed.\\n"
    >>> [(text[m.start : m.end], m.writer) for m in quoted_messages(text)]
    [('> Talks failed.', 'Bob Smith')]
    """
    if not _may_quote(text):
        return []  # the common source: no mail quoting at all
    return [*_marked(text), *_unmarked(text), *_original(text)]


def unquoted(text: str) -> str:
    """Return text with the quoting marks and the "wrote:"/header lines blanked, same length.

    >>> unquoted("On Mon, 3 May, 10:02, Bob wrote:\\n> Hi.").split("\\n")[1]
    '  Hi.'
    """
    if not _may_quote(text):
        return text
    chars = list(text)
    for match in _MARKS.finditer(text):
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    for start, end in _wrapped_breaks(text):
        chars[start:end] = " " * (end - start)
    plain = "".join(chars)
    for start, end in _header_spans(plain) + _headers_above_quotes(text):
        chars[start:end] = re.sub(r"[^\n]", " ", plain[start:end])
    return "".join(chars)


def _wrapped_breaks(text: str) -> list[tuple[int, int]]:
    """Return the line breaks inside a quoted sentence that the mail program wrapped: a quoted
    line not ending a sentence, then a quoted line going on in lower case."""
    lines = _lines(text)
    breaks = []
    for (a, b), (c, d) in pairwise(lines):
        line, following = text[a:b], text[c:d]
        depth = _depth(line)
        words = _MARKS.sub("", following).lstrip()
        if (
            depth
            and depth == _depth(following)
            and line.rstrip()[-1:] not in '.!?:;"”»>'
            and words[:1].islower()
        ):
            breaks.append((b, b + 1))
    return breaks


def _may_quote(text: str) -> bool:
    """Return whether text may hold a quoted message at all (a cheap test before the scan)."""
    return ">" in text or "--" in text or any(w in text for w in ("wrote", "écrit", "schrieb"))


def _unmarked(text: str) -> list[QuotedMessage]:
    """Return the message under a "wrote:" line with no "> " marks (an HTML reply's quoted
    block loses them on import): it runs to the next such line or the text's end."""
    headers = [m for m in _WROTE.finditer(text) if _ends_line(text, m.end())]
    messages = []
    for i, header in enumerate(headers):
        following = text[header.end() :].lstrip()
        if not following or following.startswith(">") or header.group().lstrip().startswith(">"):
            continue  # (a marked message: its "> " lines say where it ends)
        name = header.group("en") or header.group("fr") or header.group("de") or ""
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        start = header.end() + len(text[header.end() :]) - len(following)
        messages.append(QuotedMessage(start, end, " ".join(name.split())))
    return messages


def _header_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the lines that introduce a quoted message (never a statement)."""
    spans = [(m.start(), m.end()) for m in _WROTE.finditer(text) if _ends_line(text, m.end())]
    for separator in _ORIGINAL.finditer(text):
        end = separator.end()
        for line in _HEADER_LINE.finditer(text, end + 1):
            if text[end : line.start()].strip():
                break
            end = line.end()
        spans.append((separator.start(), end))
    return spans


def _headers_above_quotes(text: str) -> list[tuple[int, int]]:
    """Return the spans of the "wrote:" lines right above "> " lines (with or without a time)."""
    spans = []
    for match in _WROTE_ABOVE_QUOTE.finditer(text):
        rest = text.find("\n", match.end())
        if rest >= 0 and _ends_line(text, match.end()) and _MARKS.match(text, rest + 1):
            spans.append((match.start(), match.end()))
    return spans


def _ends_line(text: str, at: int) -> bool:
    rest = text.find("\n", at)
    return not text[at : rest if rest >= 0 else len(text)].strip()


def _lines(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every line of text, blank ones included."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _depth(line: str) -> int:
    marks = _MARKS.match(line)
    return marks.group().count(">") if marks else 0


def _marked(text: str) -> list[QuotedMessage]:
    """Return each run of "> " lines (at each depth) with the writer its "wrote:" line names."""
    lines = _lines(text)
    depths = [_depth(text[a:b]) for a, b in lines]
    messages = []
    for level in range(1, min(max(depths, default=0), 4) + 1):
        i = 0
        while i < len(lines):
            if depths[i] < level:
                i += 1
                continue
            j = i
            while j + 1 < len(lines) and depths[j + 1] >= level:
                j += 1
            writer = _writer_before(text, lines, depths, i, level)
            messages.append(QuotedMessage(lines[i][0], lines[j][1], writer))
            i = j + 1
    return messages


def _writer_before(
    text: str, lines: list[tuple[int, int]], depths: list[int], first: int, level: int
) -> str:
    """Return the writer the "wrote:" line just above a quoted run names (it may wrap)."""
    k = first - 1
    while k >= 0 and not _MARKS.sub("", text[lines[k][0] : lines[k][1]]).strip():
        k -= 1
    if k < 0 or depths[k] != level - 1:
        return ""
    starts = [lines[k][0]]
    if k and depths[k - 1] == level - 1:
        starts.append(lines[k - 1][0])  # ("wrote:" wrapped onto a line of its own)
    for above in starts:
        header = " ".join(_MARKS.sub("", text[above : lines[k][1]]).split())
        found = _WROTE_ABOVE_QUOTE.fullmatch(header)  # (the quoted run is right below)
        if found is not None:
            name = found.group("en") or found.group("fr") or found.group("de") or ""
            return " ".join(name.split())
    return ""


def _original(text: str) -> list[QuotedMessage]:
    """Return the message under an "-----Original Message-----" line, credited to its From."""
    messages = []
    for separator in _ORIGINAL.finditer(text):
        writer = ""
        end = separator.end()
        for line in _HEADER_LINE.finditer(text, end + 1):
            if text[end : line.start()].strip():
                break
            sender = _FROM.match(line.group().strip())
            if sender and not writer:
                writer = sender.group("name").strip(" \"'")
            end = line.end()
        following = _ORIGINAL.search(text, end)
        messages.append(QuotedMessage(end, following.start() if following else len(text), writer))
    return messages
