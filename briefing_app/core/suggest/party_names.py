"""Naming parties: stripping articles, resolving pronouns, matching the library's names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from briefing_app.core.suggest.languages import Lexicon
from briefing_app.core.suggest.languages.places import is_place

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


# What a text calls an organisation it has named: "the company", "the firm".
_BODIES = frozenset(
    (
        *("company", "firm", "airline", "bank", "retailer", "carmaker", "automaker", "startup"),
        *("charity", "publisher", "broadcaster", "network", "manufacturer", "maker", "insurer"),
        *("chain", "giant", "conglomerate", "supermarket", "lender", "brand", "studio"),
        *("organization", "organisation", "agency", "nonprofit", "operator", "carrier"),
    )
)


def named_body(mention: str, before: str, lexicon: Lexicon) -> str | None:
    """Return the organisation a "the company"-style mention means when the text named it
    after such a noun ("…regional pay television operator, Austar. The company said…").

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> named_body("The company", "Jobs go at the airline, Skyway. ", lexicon_for("en"))
    'Skyway'
    """
    words = mention.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _BODIES:
        return None
    found = None
    for match in _DESCRIBED_BODY_NAME.finditer(before, max(0, len(before) - _BODY_REACH)):
        name = match.group(2)
        if match.group(1).lower() in _BODIES and _names_a_body(name, lexicon):
            found = name
    return found


# How far back a "the company" looks for the body the text named: a sentence or two.
_BODY_REACH = 400
# A body's noun, then its name closing the phrase: "operator, Austar.", "the airline Qantas,"
# (not "the company Jobs founded").
_DESCRIBED_BODY_NAME = re.compile(
    r"\b([a-z]+),?\s+((?:[A-Z][\w&.’'-]*\s+){0,3}[A-Z][\w&’'-]*)(?=[,.;:]|\s*$)"
)


def speaks_as_they(party: str, lexicon: Lexicon) -> bool:
    """Return whether "they" can mean party: a plural ("energy experts", "Officials in Kyiv"),
    a body ("the Taliban administration", "Apple"); not one person or one role-holder."""
    if re.search(r"\s(?:and|&)\s", party):
        return True  # "Jim Phillips and Jim Ryan": two people are a "they"
    if is_person_like(party, lexicon):
        return False
    head = re.split(r"\s(?:of|in|at|from|for|with|who|which)\s", party)[0].split()
    last = head[-1] if head else ""
    if last.islower() or len(head) == 1:
        noun = last.lower()
        if noun in lexicon.person_roles:
            return False  # "the manager of the grid"
        plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
        bodies = lexicon.official_nouns | lexicon.organisation_nouns | lexicon.collective_nouns
        return plural or noun in bodies or _names_a_body(party, lexicon)
    return _names_a_body(party, lexicon)


def is_plural_common(party: str) -> bool:
    """Return whether party is headed by a plural common noun ("some lawmakers", "officials in
    Kyiv"): a "they", never an "it"."""
    head = re.split(r"\s(?:of|in|at|from|for|with|who|which)\s", party)[0].split()
    last = head[-1] if head else ""
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def is_body(party: str, lexicon: Lexicon) -> bool:
    """Return whether party names one organisation ("Uber", "the ministry"), an "it"."""
    words = bare_party(party).split()
    # (One capitalised word may be a surname or a body: the caller knows the text's people.)
    if not words or (len(words) > 1 and is_person_like(party, lexicon)):
        return False
    head = re.split(r"\s(?:of|in|at|from|for)\s", bare_party(party))[0].split()
    noun = head[-1].lower() if head else ""
    return noun in lexicon.organisation_nouns or _names_a_body(party, lexicon)


def _names_a_body(party: str, lexicon: Lexicon) -> bool:
    """Return whether party may be an organisation's proper name ("Apple", "Whole Foods Market").

    A person is named by their fullest name, so one capitalised word is rather a body's name.
    """
    words = bare_party(party).split()
    if len(words) == 1 and words[0].lower() in lexicon.speaker_nouns - lexicon.organisation_nouns:
        return False  # "Residents said…": a common noun opening a sentence
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() or w.lower() in ("of", "and", "&") for w in words)
        and (len(words) == 1 or not is_person_like(party, lexicon))
        and not is_place(bare_party(party))
    )


# Two initials written as one given name ("TJ Miller", "AJ Smith").
_INITIALS = frozenset(("AJ", "BJ", "CJ", "DJ", "JJ", "JR", "KJ", "PJ", "RJ", "TJ", "JD", "JB"))


def is_person_like(party: str, lexicon: Lexicon) -> bool:
    """Return whether party ends in a person's name ("Taliban spokesman Zabihullah Mujahid").

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> en = lexicon_for("en")
    >>> is_person_like("Ira Katz of Little Five Points Pharmacy", en)
    True
    >>> is_person_like("the Chinese Embassy", en)
    False
    """
    held = portfolio_holder(party, lexicon)
    if held is not None:
        return is_person_like(held, lexicon)
    head = re.split(r",|\s(?:of|from|at|in|for|with)\s", party)[0]
    if is_place(head):
        return False  # "New York", "Las Vegas": a place written like a name
    words = head.split()
    owners = [i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s"))]
    if owners:
        # "Israel's Foreign Minister Shimon Peres", "the Wilderness Society's Lyndon Schneiders":
        # a full name after whose they are; not "Kennedy’s Instagram", something of a person's.
        owned = words[owners[-1] + 1 :]
        return len(owned) >= 2 and is_person_like(" ".join(owned), lexicon)
    if not words or words[0].lower() in lexicon.determiners | lexicon.possessives:
        return False  # ("My Sweet Lord": a title, no one's name)
    acronym = words[0].isupper() and len(words[0]) > 1  # ("US President…" is no "us")
    if words[0].lower() in lexicon.quantifiers | lexicon.non_party_starts and not acronym:
        return False  # "Some of Owens’ comments", "There": no one's name
    if len(words) == 1 and words[0].lower() in lexicon.speaker_nouns | lexicon.official_nouns:
        return False  # "Others", "Officials" opening a sentence: common nouns, not names
    if all(w.isupper() and len(w.strip(".,")) > 1 for w in words):
        return False  # a dateline ("ST. JOSEPH, Mich.") or an acronym, not a person
    if (
        len(words) >= 2
        and re.fullmatch(r"[A-Z]{2,}", words[0])
        and words[0] not in _INITIALS
        and not any(_titled(w, lexicon) for w in words[1:-1])  # ("EDS President Kim Brace")
    ):
        return False  # "CNN Español", "UC Global": an acronym opens a body's name
    institutions = lexicon.official_nouns | lexicon.organisation_nouns
    tail: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or word.strip(".,’'").lower() in institutions:
            break
        if tail and word.endswith(("’s", "'s")):
            break  # whose the person is, not their name
        tail.append(word)
    tail.reverse()
    name = re.sub(r"[’']s?$", "", " ".join(tail))
    if is_place(name):
        return False  # "upstate New York", "New York City’s"
    # "Patrol Chief James Hall", "Senate Majority Leader Chuck Schumer": the name after the
    # last title word is what counts.
    titles = [i for i, w in enumerate(tail[:-1]) if _titled(w, lexicon)]
    named = len(tail) - titles[-1] - 1 if titles else len(tail)
    if len(tail) == len(words):
        return 1 <= named <= 3
    return 2 <= named <= 3


# A title "of" a portfolio, then a name: "Secretary of State Colin Powell".
_PORTFOLIO = re.compile(r"((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\s+of\s+([A-Z].*)")


def portfolio_holder(party: str, lexicon: Lexicon) -> str | None:
    """Return the name after a title "of" a portfolio ("Secretary of State Colin Powell"),
    else None.

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> portfolio_holder("Minister of Defence Anna Berg", lexicon_for("en"))
    'Anna Berg'
    """
    held = _PORTFOLIO.fullmatch(party)
    if held is None or not all(_titled(w, lexicon) for w in held.group(1).split()):
        return None
    words = held.group(2).split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None  # "Minister of Foreign Affairs", "Secretary of State for Urbanism…"
    # The portfolio is a word or two, the name its last two words, with an initial between
    # them ("John F. Kerry").
    size = 3 if len(words) >= 4 and re.fullmatch(r"[A-Z]\.?", words[-2]) else 2
    name = " ".join(words[-size:])
    return name if is_person_like(name, lexicon) else None


def _titled(word: str, lexicon: Lexicon) -> bool:
    """Return whether a capitalised word before a name is a title or a role ("Farmer")."""
    bare = word.strip(".,").lower()
    return is_title_compound(bare, lexicon.person_titles | lexicon.person_roles) or is_plural_role(
        word, lexicon
    )


def is_plural_role(word: str, lexicon: Lexicon) -> bool:
    """Return whether a word is a role's plural ("Businessmen", "Senators"), as it stands before
    the names of those who hold it ("Businessmen Jo Lew and Ed Fox")."""
    bare = word.strip(".,").lower()
    singular = bare[:-3] + "man" if bare.endswith("men") else bare.removesuffix("s")
    return singular != bare and singular in lexicon.person_roles


def is_title_compound(bare: str, titles: frozenset[str]) -> bool:
    """Return whether a lower-case word is a title, or titles joined by hyphens.

    >>> is_title_compound("attorney-general", frozenset(("attorney", "general")))
    True
    """
    return bare in titles or ("-" in bare and all(p in titles for p in bare.split("-")))


def person_name(party: str, lexicon: Lexicon) -> str:
    """Return the name in a person-like party, without title or affiliation.

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> person_name("Tunisian Prime Minister Habib Essid", lexicon_for("en"))
    'Habib Essid'
    """
    held = portfolio_holder(party, lexicon)
    if held is not None:
        return person_name(held, lexicon)
    head = re.split(r",|\s(?:of|from|at|in|for|with)\s", party)[0].split()
    while len(head) > 2 and re.fullmatch(r"[A-Z]{2,5}", head[-1]):
        head.pop()  # credentials: "Kelly Jones MS"
    institutions = lexicon.official_nouns | lexicon.organisation_nouns
    tail: list[str] = []
    for word in reversed(head):
        if not word[:1].isupper() or word.strip(".,’'").lower() in institutions:
            break
        if tail and word.endswith(("’s", "'s")):
            break  # "Apple's Tim Cook": the name after whose the person is
        tail.append(word)
    tail.reverse()
    titles = [i for i, w in enumerate(tail[:-1]) if _titled(w, lexicon)]
    if titles:
        tail = tail[titles[-1] + 1 :]  # "Patrol Chief James Hall": the name after the title
    return " ".join(tail) if tail else party


def _is_role(party: str, lexicon: Lexicon) -> bool:
    """Return whether party is one person described by their role ("a doctor from Hebron")."""
    head = re.split(r"\s(?:of|from|at|in|for|with|who)\s|,", party)[0].split()
    if head and head[0].lower() in ("someone", "somebody"):
        return True  # "someone else wrote…": one person, unnamed
    return (
        2 <= len(head) <= 4
        and head[0].lower() in {"a", "an", "one"} | lexicon.definite_articles
        and head[-1].lower().rsplit("-", 1)[-1] in lexicon.person_roles  # ("the ex-partner")
    )


_TWO_PARTIES = re.compile(r"\s(?:and|&)\s+the\s")


class PartyMemory:
    """The parties named so far in a text, to resolve 'he', 'they' or 'the ministry'."""

    def __init__(
        self,
        lexicon: Lexicon,
        sexes: Mapping[str, str] | None = None,
        known: Callable[[str], bool] | None = None,
        with_first_name: Callable[[str], list[str]] | None = None,
    ) -> None:
        self._lexicon = lexicon
        self._seen: list[str] = []
        self._sexes = dict(sexes or {})
        # Surnames the text introduced in full ("Page" after "Larry Page"): a person even when
        # the word is also a common noun.
        self._known = known or (lambda _: False)
        # Full names by their first word: "Chen says" after "Chen Shu-fen" (family name first).
        self._with_first_name = with_first_name or (lambda _: [])

    def knows(self, surname: str) -> bool:
        """Return whether the text introduced someone in full with this surname."""
        return self._known(surname)

    def is_person(self, party: str) -> bool:
        """Return whether party names one person (by name, a known surname or a role)."""
        if is_person_like(party, self._lexicon):
            return True
        if " " not in party:
            return party[:1].isupper() and self._known(party)
        return _is_role(party, self._lexicon)

    def remember(self, party: str) -> None:
        """Note that party was named (most recent last)."""
        if party and party.lower() not in self._lexicon.pronouns:
            self._seen.append(party)

    def sex_of(self, person: str) -> str | None:
        """Return the sex the text's pronouns give a person ("m", "f"), or None if unknown."""
        words = person_name(person, self._lexicon).split()
        return self._sexes.get(words[-1]) if words else None

    def _opens_a_name(self, word: str) -> bool:
        """Return whether word opens a person's full name the text gave ("Chen" of "Chen
        Shu-fen", a family name written first): a person, never "it"."""
        return any(is_person_like(full, self._lexicon) for full in self._with_first_name(word))

    def resolve(self, mention: str, nearby: list[str] | None = None) -> str:
        """Return the named party a pronoun or short description refers to, else mention."""
        lower = mention.lower()
        role = self._lexicon.pronouns.get(lower)
        # Parties named earlier in the same sentence come first: "…Julie Graham…, she said".
        recent = list(reversed(nearby or [])) + list(reversed(self._seen))
        if role == "person":
            sex = self._lexicon.gendered.get(lower)
            person = next(
                (
                    p
                    for p in recent
                    if self.is_person(p)
                    and self._sexes.get(person_name(p, self._lexicon).split()[-1], sex) == sex
                ),
                None,
            )
            return person_name(person, self._lexicon) if person else mention
        if role == "group":
            # "they": a plural speaker ("energy experts") or a body, never one person or a
            # singular role ("the manager of the grid").
            return next((p for p in recent if speaks_as_they(p, self._lexicon)), mention)
        if role is not None:
            # "it" is never a person: with no organisation named before, it stays unresolved.
            # Nor "some lawmakers" who spoke sentences before (a "they"); in its own sentence
            # a plural keeps its "it is estimated" ("According to statistics…, it is…").
            earlier = [p for p in reversed(self._seen) if not is_plural_common(p)]
            return next(
                (
                    p
                    for p in [*reversed(nearby or []), *earlier]
                    # ("Uber": one capitalised word is a person only as a surname the text
                    # introduced in full.)
                    if (
                        not is_person_like(p, self._lexicon)
                        or (" " not in p and not self._known(p) and not self._opens_a_name(p))
                    )
                    # ("Israel and the United States objected…": two parties are "they".)
                    and not _TWO_PARTIES.search(p)
                ),
                mention,
            )
        words = lower.split()
        # "the ministry" after "the Chinese Foreign Ministry": the fuller earlier name.
        if len(words) == 2 and words[0] == "the" and words[1] in self._lexicon.official_nouns:
            for p in recent:
                if p.lower().split()[-1] == words[1] and len(p.split()) > 2:
                    return p
        if len(words) == 2 and words[0] == "the" and words[1] in _BODIES:
            # "Apple said… The company blamed…": the organisation named last, by its name.
            for p in recent:
                if _names_a_body(p, self._lexicon) and self.sex_of(p) is None:
                    return p
        return mention
