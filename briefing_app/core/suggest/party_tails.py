"""Trimming words after a party's name: where it is, what it was doing, what kind of body it is.

"The Daily Observer newspaper in Monrovia reported" names "The Daily Observer"; "un
responsable syndical académique présent à l’AG a indiqué" names "un responsable syndical
académique". A real name that holds such words stays whole: "Bank of England", "University of
Texas at Austin", "Süddeutsche Zeitung", "Le Monde".
"""

from __future__ import annotations

from briefing_app.core.suggest.languages import Lexicon

# Prepositions that open where a named party is ("in Monrovia", "à Paris", "aus München").
# ("at" is left out: "University of Texas at Austin" is one name.)
_LOCATIVES = {
    "en": frozenset(("in",)),
    "fr": frozenset(("à", "au", "aux")),
    "de": frozenset(("in", "aus")),
}
# Participles that open what a party was doing or where it sat ("based in London", "speaking
# at the summit", "présent à l’AG", "ansässig in Köln"): a description, never the name.
_PARTICIPLES = {
    "en": frozenset(
        (
            *("based", "speaking", "present", "located", "headquartered", "stationed"),
            *("visiting", "writing"),
        )
    ),
    "fr": frozenset(
        (
            *("présent", "présente", "présents", "présentes", "basé", "basée", "basés"),
            *("basées", "installé", "installée", "installés", "installées", "s’exprimant"),
            *("intervenant", "interrogé", "interrogée", "interrogés", "interrogées"),
        )
    ),
    "de": frozenset(("ansässig", "anwesend", "mit Sitz")),
}
# The longest place a locative may name after a party ("in New York City").
_PLACE_WORDS = 3
# German adjective endings: "Süddeutsche Zeitung", "Berliner Zeitung" are names, whole.
_ADJECTIVE_ENDINGS = ("e", "er", "en", "es", "em")


def trim_party_tail(party: str, lexicon: Lexicon) -> str:
    """Return party without a trailing place, participle phrase or generic media noun.

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> trim_party_tail("The Daily Observer newspaper in Monrovia", lexicon_for("en"))
    'The Daily Observer'
    >>> trim_party_tail("Bank of England", lexicon_for("en"))
    'Bank of England'
    """
    words = party.split(" ")
    if len(words) < 3 or any(not w for w in words):
        return party
    words = _without_participle(words, lexicon)
    words = _without_locative(words, lexicon)
    words = _without_media_noun(words, lexicon)
    return " ".join(words)


def _without_participle(words: list[str], lexicon: Lexicon) -> list[str]:
    """Drop "présent à l’AG", "based in London" after a head of two words or more."""
    participles = _PARTICIPLES.get(lexicon.language, frozenset())
    prepositions = _PREPOSITIONS.get(lexicon.language, frozenset())
    for i in range(2, len(words) - 1):
        size = 2 if f"{words[i]} {words[i + 1]}" in participles else 1
        if size == 1 and words[i] not in participles:
            continue
        # A preposition must follow: "based in London" describes, "Massachusetts based
        # company Advance Cell" is an adjective before the name.
        # ("speaking" opening a name would be capitalised: "Speaking Out Foundation".)
        if i + size < len(words) and words[i + size] in prepositions:
            return words[:i] if _is_head(words[:i], lexicon) else words
    return words


# What follows a participle that describes a party's whereabouts ("present at", "présent à").
_PREPOSITIONS = {
    "en": frozenset(("in", "at", "on", "to", "near", "outside", "inside", "from", "before")),
    "fr": frozenset(("à", "au", "aux", "en", "dans", "lors", "sur", "par", "chez", "devant")),
    "de": frozenset(("in", "im", "bei", "beim", "am", "an", "auf", "aus")),
}


def _is_head(head: list[str], lexicon: Lexicon) -> bool:
    """Return whether words can stand alone as a party: a name or a described role."""
    content = [w for w in head if w.lower() not in lexicon.determiners]
    return bool(content) and content[-1].lower() not in _LINKS


# Lower-case words inside a name ("Frontiers in Ecology and the Environment", "Le Monde").
_NAME_LINKS = frozenset(
    (
        *("the", "of", "and", "&", "in", "for", "on", "de", "du", "des", "la", "le", "les"),
        *("et", "der", "die", "das", "für", "und"),
    )
)
# Words a party never ends on, so no cut may leave them last.
_LINKS = frozenset(("of", "and", "de", "et", "und", "the", "le", "la", "les", "der", "die", "das"))


def _without_locative(words: list[str], lexicon: Lexicon) -> list[str]:
    """Drop "in Monrovia" after a proper name ("Apple in Cupertino"), not after a common
    noun ("officials in Liberia", "Officials in Kyiv", "prosecutors in San Francisco")."""
    locatives = _LOCATIVES.get(lexicon.language, frozenset())
    for i in range(len(words) - _PLACE_WORDS - 1, len(words) - 1):
        if i < 1 or words[i] not in locatives:
            continue
        place = words[i + 1 :]
        if all(_capitalised(w) for w in place) and _proper_head(words[:i], lexicon):
            return words[:i]
    return words


def _proper_head(head: list[str], lexicon: Lexicon) -> bool:
    """Return whether head ends in a proper name, or a media noun right after one."""
    if head[-1].lower() in lexicon.media_nouns and len(head) >= 2 and not _capitalised(head[-1]):
        head = head[:-1]  # "The Daily Observer newspaper in Monrovia"
    content = [w for w in head if w.lower() not in lexicon.determiners]
    if not content or not _capitalised(content[-1]):
        return False
    bare = content[-1].lower()
    people = lexicon.speaker_nouns | lexicon.person_roles
    common = people | lexicon.official_nouns | lexicon.collective_nouns
    if bare in people or (bare.endswith("s") and bare[:-1] in people):
        return False  # "Officials in Kyiv", "Senior Doctors in Gaza": which ones, by place
    # One common noun capitalised to open a sentence ("Police in Berlin"); a German noun is
    # always capitalised ("Forscher in Mainz").
    return len(content) > 1 or not (
        bare in common
        or bare in lexicon.organisation_nouns
        or (bare.endswith("s") and bare[:-1] in common)
        or lexicon.nouns_capitalised
    )


def _without_media_noun(words: list[str], lexicon: Lexicon) -> list[str]:
    """Drop a generic media noun after a proper name ("the Daily Observer newspaper"), keeping
    a name that holds one ("the Wall Street Journal", "Süddeutsche Zeitung")."""
    last, before = words[-1], words[-2]
    if last.lower() not in lexicon.media_nouns or not _capitalised(before):
        return words
    if not all(_capitalised(w) or w.lower() in _NAME_LINKS for w in words[:-1]):
        return words  # "the editor of a British tabloid": a description, not a name
    if lexicon.nouns_capitalised:
        # Every German noun is capitalised: "Bild Zeitung" is the paper Bild, but an adjective
        # before "Zeitung" makes it part of the name.
        if before.lower().endswith(_ADJECTIVE_ENDINGS) or len(words) < 3:
            return words
    elif _capitalised(last):
        return words  # "the Wall Street Journal": the noun is part of the name
    return words[:-1]


def _capitalised(word: str) -> bool:
    """Return whether word opens with a capital letter, past an elided article ("l’AG")."""
    bare = word.lstrip('“"(«')
    if bare[:2].lower() in ("l’", "l'", "d’", "d'"):
        bare = bare[2:]
    return bare[:1].isupper()
