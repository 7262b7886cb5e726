"""Text normalisation and claim anchoring (W3C TextQuote + TextPosition selectors)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefing_app.core.text.text_edit import common_head

CONTEXT_CHARS = 32


def normalise_text(text: str) -> str:
    """Return text as it is stored: no byte-order mark, LF line ends, Unicode NFC.

    Claim offsets index this form, so it is computed exactly once, at import.

    >>> normalise_text("\\ufeffa\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def sha256_text(text: str) -> str:
    """Return the hex SHA-256 of the UTF-8 encoding of text."""
    import hashlib  # loading OpenSSL costs start-up time, and only adding a source hashes

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words_sha256(text: str) -> str:
    """Return the SHA-256 of text's words with single spaces between them: the same for two
    texts that differ only in spacing (a page stored before and after blank-line paragraphs).

    >>> words_sha256("One line.\\nTwo.") == words_sha256("One  line.\\n\\nTwo.")
    True
    """
    return sha256_text(" ".join(text.split()))


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in a text: offsets plus the quote and its surrounding context."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return [start, end) without the whitespace at either end; None if only whitespace.

    >>> trimmed_span("  said so. ", 0, 11)
    (2, 10)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def whole_word_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the span trimmed of whitespace and widened to the whole words it cuts into.

    A passage dragged with the mouse often starts or stops a letter or two inside a word; a
    claim quoting "as marine st" would print that stub in the note and its annex.

    >>> text = "cultural guidance as marine strandings become"
    >>> start, end = whole_word_span(text, 10, 30)
    >>> text[start:end]
    'guidance as marine strandings'
    """
    span = trimmed_span(text, start, end)
    if span is None:
        return None
    start, end = span
    while start > 0 and _in_word(text[start - 1]) and _in_word(text[start]):
        start -= 1
    while end < len(text) and _in_word(text[end]) and _in_word(text[end - 1]):
        end += 1
    return start, end


# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer; Chinese and
# Japanese from U+2E80 on): there a run of letters is a clause, not a word, and is not widened.
_UNSPACED = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x10FFFF))


def _in_word(char: str) -> bool:
    code = ord(char)
    # A combining mark (a Devanagari vowel sign, an Arabic vowel) is part of its word too.
    letter = char.isalnum() or unicodedata.category(char).startswith("M")
    return letter and not any(low <= code <= high for low, high in _UNSPACED)


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """Return the anchor for text[start:end] with up to CONTEXT_CHARS of context each side."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text (length {len(text)})")
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def _flexible_pattern(quote: str) -> re.Pattern[str]:
    """Match quote with any run of whitespace standing for any other, and curly/straight quotes."""
    parts = []
    for chunk in re.split(r"(\s+)", quote.strip()):
        if not chunk:
            continue
        if chunk.isspace():
            parts.append(r"\s+")
            continue
        escaped = re.escape(chunk)
        escaped = re.sub(r"[\"“”]|\\\"", '["“”]', escaped)
        escaped = re.sub(r"['‘’]|\\'", "['‘’]", escaped)
        parts.append(escaped)
    return re.compile("".join(parts))


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Return the span of the n-th occurrence of quote in text, tolerant of whitespace and quotes.

    >>> find_quote("a  b c", "b c")
    (3, 6)
    """
    quote = normalise_text(quote)
    if not quote.strip():
        return None
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            break
    if start >= 0:
        return start, start + len(quote)
    matches = list(_flexible_pattern(quote).finditer(text))
    if len(matches) >= occurrence:
        m = matches[occurrence - 1]
        return m.start(), m.end()
    return None


def count_quote(text: str, quote: str) -> int:
    """Return how many times find_quote can find quote in text (same tolerance).

    >>> count_quote("said no, then said no", "said  no")
    2
    """
    quote = normalise_text(quote)
    if not quote.strip():
        return 0
    return len(list(_flexible_pattern(quote).finditer(text)))


def reanchor(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Find an anchored quote again in text whose offsets may have shifted.

    Tries the stored offsets first, then every occurrence of the quote, choosing the one whose
    surrounding text best matches the stored prefix and suffix (ties go to the nearest one).

    >>> reanchor("xx hello world", Anchor(0, 5, "hello", "", " world"))
    (3, 8)
    """
    if text[anchor.start : anchor.end] == anchor.quote:
        return anchor.start, anchor.end
    candidates: list[tuple[int, int]] = []
    pos = text.find(anchor.quote)
    while pos >= 0 and anchor.quote:
        candidates.append((pos, pos + len(anchor.quote)))
        pos = text.find(anchor.quote, pos + 1)
    if not candidates:
        match = _flexible_pattern(anchor.quote).search(text) if anchor.quote.strip() else None
        return (match.start(), match.end()) if match else None

    def score(span: tuple[int, int]) -> tuple[int, int]:
        before = text[max(0, span[0] - len(anchor.prefix)) : span[0]]
        after = text[span[1] : span[1] + len(anchor.suffix)]
        context = common_head(before[::-1], anchor.prefix[::-1]) + common_head(after, anchor.suffix)
        return (-context, abs(span[0] - anchor.start))

    return min(candidates, key=score)
