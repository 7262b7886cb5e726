"""Naming parties: stripping articles, resolving pronouns, matching the library's names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from briefing_app.core.suggest.languages import Lexicon

_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def bare_party(party: str) -> str:
    """Return party without a leading article, a possessive ending or extra spaces.

    >>> bare_party("the Taliban’s")
    'Taliban'
    """
    text = " ".join(party.split())
    text = _ARTICLE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


def party_key(party: str) -> str:
    """Return the comparison key of a party name: bare and lower case."""
    return bare_party(party).lower()


def normalise_party(
    party: str, known_parties: Iterable[str] = (), aliases: Mapping[str, str] | None = None
) -> str:
    """Return the library's name for party: an alias's canonical name, a known party, or bare.

    >>> aliases = {"taliban administration": "Taliban"}
    >>> normalise_party("the Taliban administration", ["Taliban"], aliases)
    'Taliban'
    >>> normalise_party("The Taliban administration")
    'Taliban administration'
    """
    if not party.strip():
        return ""
    key = party_key(party)
    for alias, canonical in (aliases or {}).items():
        if party_key(alias) == key:
            return canonical
    for known in known_parties:
        if party_key(known) == key:
            return known
    return bare_party(party)


def is_person_like(party: str, lexicon: Lexicon) -> bool:
    """Return whether party reads like a person's name (capitalised words, no institution)."""
    words = party.split()
    if not 1 <= len(words) <= 4:
        return False
    if words[0].lower() in lexicon.determiners:
        return False
    return all(w[:1].isupper() for w in words) and not any(
        w.lower().strip(".,’'s") in lexicon.speaker_nouns | lexicon.official_nouns for w in words
    )


class PartyMemory:
    """The parties named so far in a text, to resolve 'he', 'they' or 'the ministry'."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._seen: list[str] = []

    def remember(self, party: str) -> None:
        """Note that party was named (most recent last)."""
        if party and party.lower() not in self._lexicon.pronouns:
            self._seen.append(party)

    def resolve(self, mention: str) -> str:
        """Return the named party a pronoun or short description refers to, else mention."""
        lower = mention.lower()
        role = self._lexicon.pronouns.get(lower)
        recent = list(reversed(self._seen))
        if role == "person":
            return next((p for p in recent if is_person_like(p, self._lexicon)), mention)
        if role is not None:
            return next(
                (p for p in recent if not is_person_like(p, self._lexicon)),
                recent[0] if recent else mention,
            )
        words = lower.split()
        # "the ministry" after "the Chinese Foreign Ministry": the fuller earlier name.
        if len(words) == 2 and words[0] == "the" and words[1] in self._lexicon.official_nouns:
            for p in recent:
                if words[1] in p.lower().split() and len(p.split()) > 2:
                    return p
        return mention
