"""Speech reported inside another speaker's statement: whose words a nested clause holds.

"A diplomat said that Beijing had asked for permission": what Beijing asked is part of what the
diplomat said, one statement, and the diplomat is its party; Beijing is only someone the
diplomat speaks about.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_app.core.suggest.attribution import Attribution
    from briefing_app.core.suggest.languages import Lexicon

# Bounded runs of words (no nested repeats), so a long sentence costs one pass per pair.
_WORDS = r"(?:[^\s.,;:!?“”\"«»„()]+\s+)"
# "said (in a statement on Monday) that", "told reporters that", "a déclaré jeudi que".
_THAT_CLAUSE = {
    "en": re.compile(r"\s+" + _WORDS + r"{0,7}?that\s+"),
    "fr": re.compile(r"\s+" + _WORDS + r"{0,5}?qu(?:e\s+|[’']\s*)"),
    # ("sagte, Peking habe…", "sagte am Montag, dass Peking…": the comma opens the clause.)
    "de": re.compile(r"(?:\s+[^\s.,;:!?“”\"«»„()]+){0,5}?\s*,\s*(?:dass\s+)?"),
}
# "told reporters Moscow had warned": whom the speaker told, then the clause with no "that".
_LISTENER = re.compile(
    r"\s+(?:me|him|her|us|them|you|reporters|journalists|lawmakers|parliament|"
    r"(?:the\s+|a\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+"
)
_LISTENER_LEMMAS = frozenset(("tell", "inform", "assure", "remind"))
# Hearsay with no one behind it: "Reports say that the agency warned banks…" holds the agency's
# own warning, the reports only pass it on.
_UNNAMED_HEARSAY = re.compile(r"(?i)(?:(?:media|news|press|unconfirmed)\s+)?(?:reports|rumou?rs)")
# What may close a sentence after a trailing attribution: "…, a diplomat said (on Monday)."
_CLOSING = re.compile(r"[\s.!?”\"’»]*")


def reported_within(sentence: str, inner: Attribution, outer: Attribution, lexicon: Lexicon) -> bool:
    """Return whether inner's speaker stands in the clause that outer's speaker says.

    >>> from briefing_app.core.suggest.attribution import find_attributions
    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> [a.party for a in find_attributions("Police said that Smith had denied it.", lexicon_for("en"))]
    ['Police']
    """
    if (
        inner is outer
        or inner.pattern != "X verb"
        or inner.party_start < 0
        or not outer.party
        or outer.pattern not in ("X verb", "verb X")
        or _UNNAMED_HEARSAY.fullmatch(outer.party)
    ):
        return False
    if outer.verb_end <= inner.party_start:
        return outer.anchor_end <= inner.party_start and _opens_clause(sentence, inner, outer, lexicon)
    return _closes_clause(sentence, inner, outer)


def _opens_clause(sentence: str, inner: Attribution, outer: Attribution, lexicon: Lexicon) -> bool:
    """Return whether outer's verb opens a clause whose subject is inner's party."""
    start, end = outer.anchor_end, inner.party_start
    that = _THAT_CLAUSE.get(lexicon.language)
    if that is not None and that.fullmatch(sentence, start, end):
        return True
    if lexicon.language != "en":
        return False
    # No "that": the subject right after the verb, or after when it was said, or whom it was
    # told ("said Beijing had asked", "said on Monday Beijing had asked").
    if _setting(lexicon.setting_words).fullmatch(sentence, start, end):
        return True
    return outer.lemma in _LISTENER_LEMMAS and _LISTENER.fullmatch(sentence, start, end) is not None


def _closes_clause(sentence: str, inner: Attribution, outer: Attribution) -> bool:
    """Return whether outer closes the sentence after the clause inner's speaker opens.

    "Beijing had asked for permission, a diplomat said.": the clause before the comma is what
    the diplomat said.
    """
    if inner.verb_end > outer.anchor_start:
        return False
    head = sentence[: inner.party_start]
    between = sentence[inner.verb_end : outer.anchor_start]
    tail = sentence[outer.anchor_end :]
    return (
        not re.search(r"[“”\"«»„;:]", head + between)
        and between.rstrip().endswith(",")
        and _CLOSING.fullmatch(tail) is not None
    )


@cache
def _setting(setting_words: str) -> re.Pattern[str]:
    """Return the pattern of when or how something was said, between a verb and its clause."""
    words = setting_words or r"(?!)"
    return re.compile(r"\s+(?:(?:" + words + r")\s+){0,2}")
