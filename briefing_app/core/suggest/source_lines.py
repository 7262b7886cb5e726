"""Statements credited by a line after them: an embedded tweet's signature, a "[ Outlet ]" credit,
an epigraph's "— Name, place, date".

Web pages quote tweets as the tweet's text followed by a line "— Name (@handle) Date", review
round-ups quote each outlet's excerpt followed by "[ Outlet ]", and an article may open with a
quotation followed by "— Name, where, when". No reporting verb is in any of these statements:
the line after it says whose it is.
"""

from __future__ import annotations

import re

from briefing_app.core.suggest.languages import Lexicon
from briefing_app.core.suggest.party_names import is_person_like
from briefing_app.core.suggest.sentences import CLOSING_QUOTES, OPENING_QUOTES

# "— Governor Kristi Noem (@govkristinoem) November 18, 2019"
# (The spaces after the dash are taken whole and the name starts at a word: a dash, 10,000
# spaces and a letter made every split of the spaces between dash, name and handle a try.)
_TWEET_SIGNED = r"[—–-]\s*+(?P<name>[^()\s][^()\n]{1,59}?)\s*\(@\w{1,30}\)"
_TWEET = re.compile(_TWEET_SIGNED + r"(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?")
# "— Mike Pompeo, College Station, TX, April 15, 2019" under a quotation
_DASH = re.compile(r"[—–]\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})(?:,[^\n]{0,80})?")
# "[ Tom's Guide ]"
_CREDIT = re.compile(r"\[\s*+(?P<name>[^\[\]\s][^\[\]\n]{1,39}?)\s*\]")  # (as the tweet's name)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_CHUNK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")  # lines up to a blank line
_MOST_CREDITED = 4  # an outlet's excerpt is a few paragraphs, never a page


def source_blocks(text: str, lexicon: Lexicon | None = None) -> list[tuple[int, int, str]]:
    """Return (start, end, party) of each statement that a credit line after it attributes."""
    dashes = lexicon is not None and ("—" in text or "–" in text)
    if "(@" not in text and "[" not in text and not dashes:
        return []  # the common page: no credit lines, nothing to scan
    if lexicon is not None and lexicon.tweet_date and "(@" in text and "\n\n" not in text:
        return _line_tweets(text, lexicon)
    chunks = [(m.start(), m.end()) for m in _CHUNK.finditer(text)]
    blocks = []
    for i, (start, end) in enumerate(chunks):
        line = text[start:end].strip()
        tweet = _tweet_signature(line, lexicon)
        credit = _CREDIT.fullmatch(line) if tweet is None else None
        found = tweet or credit
        if found is None and i and lexicon is not None:
            found = _epigraph_credit(line, text[chunks[i - 1][0] : chunks[i - 1][1]], lexicon)
        if found is None or i == 0:
            continue
        name = _clean_name(found.group("name"))
        if not name:
            continue
        first = i - 1
        if credit is not None:
            # An excerpt runs back to the previous credit, a heading or a lead-in ("…say:").
            while first > 0 and i - first < _MOST_CREDITED:
                before = text[chunks[first - 1][0] : chunks[first - 1][1]].strip()
                if _is_credit(before) or _is_heading(before) or before.endswith(":"):
                    break
                first -= 1
        a, b = chunks[first][0], chunks[i - 1][1]
        if _is_credit(text[a:b].strip()) or _is_heading(text[a:b].strip()):
            continue
        blocks.append((a, b, name))
    return blocks


def _tweet_signature(line: str, lexicon: Lexicon | None) -> re.Match[str] | None:
    """Return the line as a tweet signature ("— Name (@handle) date"), or None."""
    if "(@" not in line:
        return None  # most lines: no handle, no signature, no regex to run
    return _TWEET.fullmatch(line) or _local_tweet(line, lexicon)


def _local_tweet(line: str, lexicon: Lexicon | None) -> re.Match[str] | None:
    """Return a tweet signature dated the language's way ("— Name (@handle) 25. Mai 2018")."""
    if lexicon is None or not lexicon.tweet_date:
        return None
    return re.fullmatch(_TWEET_SIGNED + r"(?:\s+" + lexicon.tweet_date + ")?", line)


def _line_tweets(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Return the tweets of a page that sets each paragraph on a line of its own (a saved web
    page's text): the line right above each signature is the tweet, its author's statement.

    (Only tweets: an outlet's "[ … ]" credit and an epigraph's dash need blank lines to say
    where the excerpt begins.)
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    blocks = []
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        found = _tweet_signature(line, lexicon)
        if found is None or i == 0:
            continue
        name = _clean_name(found.group("name"))
        a, b = lines[i - 1]
        before = text[a:b].strip()
        if name and not _is_credit(before) and not _is_heading(before):
            a += len(text[a:b]) - len(text[a:b].lstrip())  # (the line's own indent is no part)
            blocks.append((a, a + len(before), name))
    return blocks


def _epigraph_credit(line: str, before: str, lexicon: Lexicon) -> re.Match[str] | None:
    """Return the credit of a quotation standing alone ("“We lied.”" then "— Mike Pompeo, …"),
    or None: the line is a dash and a person's name, the chunk before it a quotation."""
    found = _DASH.fullmatch(line)
    before = before.strip()
    if found is None or not is_person_like(found.group("name"), lexicon):
        return None
    quoted = before[:1] in OPENING_QUOTES and before[-1:] in CLOSING_QUOTES + ".!?"
    return found if quoted and "\n" not in before else None


def _clean_name(name: str) -> str:
    """Return a credited name without emoji and marks, or "" when it names nobody."""
    # ("Johannes Ceh #ValueEnhancer": a hashtag in a display name is no part of the name.)
    name = re.sub(r"#\w+", " ", name)
    cleaned = " ".join(re.sub(r"[^\w.&’'\s-]", " ", name).split())
    words = cleaned.split()
    if not words or not words[0][:1].isupper() or len(words) > 6:
        return ""  # a handle's display name in lower case ("tall glass of …") is no party
    return cleaned


def _is_credit(chunk: str) -> bool:
    return bool(_tweet_signature(chunk, None) or _CREDIT.fullmatch(chunk))


def _is_heading(chunk: str) -> bool:
    """Return whether a chunk is a heading: one short line, most words capitalised."""
    words = chunk.split()
    if "\n" in chunk or not words or len(words) > 20:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised >= 0.6 * len(words)
