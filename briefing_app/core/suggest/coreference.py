"""Who a short mention means: "Mr. Frankel" or "the president" -> the fullest name given earlier.

Also decides when a mention names no party at all ("There", "ministry", "its residents"), so the
suggester can say the party is unresolved (an empty party) rather than guess.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

from briefing_app.core.suggest.languages import Lexicon
from briefing_app.core.suggest.languages.places import is_place
from briefing_app.core.suggest.party_names import (
    is_person_like,
    is_plural_role,
    is_title_compound,
    person_name,
    portfolio_holder,
)

# A capitalised word, or an initial or a short abbreviation with its dot ("H.", "Mr.", "St."):
# not a word ending a sentence ("…prominent Democrats. No, the former mayor…").
_CAPITALISED = r"(?:[A-Z][a-z]?\.|[A-Z](?:[\w’'-]|\.(?=\w))*)"
# French names often open with an accented capital ("Éric", "Élisabeth", "Étienne").
_ACCENTED_CAPITALISED = _CAPITALISED.replace("A-Z", "A-ZÀ-ÖØ-Þ")
# Words of one name stand on one line.
_GAP = r"[ \t\u00a0]+"
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|\s+I{2,3}\b)?"


def strip_title(mention: str, lexicon: Lexicon) -> str:
    """Return mention without a leading courtesy or job title ("Mr. Frankel" -> "Frankel").

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> strip_title("Opposition Leader Bill Shorten", lexicon_for("en"))
    'Bill Shorten'
    >>> strip_title("Dr. David H. Gorski", lexicon_for("en"))
    'David H. Gorski'
    """
    # "Prime Minister Tony Blair and US President George W Bush": two people, each named
    # without their title; "A and B and C" is A and the pair "B and C", from the last pair
    # back (a loop, not one call per "and": thousands of them ran out of stack).
    # (Offsets, not the tails themselves: thousands of tails of a long mention fill memory.)
    starts, heads = [0], []
    while (pair := _PAIR.fullmatch(mention, starts[-1])) is not None:
        heads.append(mention[pair.start(1) : pair.end(1)])
        starts.append(pair.start(2))
    stripped = _strip_one(mention[starts[-1] :], lexicon)
    for head, start in zip(reversed(heads), reversed(starts[:-1]), strict=True):
        # (The head holds a pair of its own only when a line break ends it: never deep.)
        both = [strip_title(head, lexicon), stripped]
        if all(len(b.split()) >= 2 and is_person_like(b, lexicon) for b in both):
            stripped = " and ".join(both)
        else:
            stripped = _strip_one(mention[start:], lexicon)
    return stripped


_PAIR = re.compile(r"(.+?)\s+and\s+(.+)")


def _strip_one(mention: str, lexicon: Lexicon) -> str:
    """Return one person's mention without a leading title (see strip_title)."""
    # ("Secretary of State Colin Powell": the name after the portfolio.)
    words = (portfolio_holder(mention, lexicon) or mention).split()
    while len(words) > 2 and _is_title(words[0], lexicon):
        words.pop(0)  # "Opposition Leader Bill Shorten"
    rest = " ".join(words)
    if not is_person_like(rest, lexicon):
        return mention
    words = person_name(rest, lexicon).split()
    while len(words) > 1 and _is_title(words[0], lexicon):
        words.pop(0)
    return " ".join(words) if words else mention


def _is_title(word: str, lexicon: Lexicon) -> bool:
    bare = word.strip(".,").lower()
    # ("Bundesverkehrsminister", "Flixbus-Manager": a compound ending in a title; "Attorney-
    # General", "Vice-President": titles joined by a hyphen.)
    return is_title_compound(bare, lexicon.person_titles) or (
        bool(lexicon.title_suffixes)
        and word[:1].isupper()
        and bare.endswith(lexicon.title_suffixes)
    )


class NameIndex:
    """The full names a text introduces, by surname, to name a later "Mr Obama" in full.

    Built once per text, so resolving each mention does not rescan the text before it.

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> names = NameIndex("said Jeffrey Frankel, an economist. Mr. Frankel", lexicon_for("en"))
    >>> names.fullest("Mr. Frankel", upto=40)
    'Jeffrey Frankel'
    """

    _FULL = re.compile(
        r"((?:" + _CAPITALISED + _GAP + r"){1,3})(?!(?:Jr|Sr)\b)([A-Z][\w’'-]*)\b(" + _SUFFIX + ")"
    )
    _ACCENTED_FULL = re.compile(
        r"((?:"
        + _ACCENTED_CAPITALISED
        + _GAP
        + r"){1,3})(?!(?:Jr|Sr)\b)([A-ZÀ-ÖØ-Þ][\w’'-]*)\b("
        + _SUFFIX
        + ")"
    )

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        accented = lexicon.language == "fr"
        self._full = self._ACCENTED_FULL if accented else self._FULL
        self._word = _ACCENTED_WORD if accented else _WORD
        self._by_surname: dict[str, list[tuple[int, int, str]]] = {}
        self._by_given: dict[str, list[tuple[int, str]]] = {}  # first name -> full names
        stop = (
            lexicon.organisation_nouns
            | lexicon.determiners
            | lexicon.non_party_starts
            | lexicon.leading_noise
            | lexicon.quantifiers  # "“All Apple really has done…”": no Mr Apple
        )
        articles = lexicon.determiners | lexicon.possessives
        for match in self._matches(text):
            given: list[str] = []
            opener = ""  # the word before the given names, if the run holds one
            for word in reversed(match.group(1).split()):
                bare = word.strip(".,").lower()
                opener = bare
                if (
                    _is_title(word, lexicon)
                    or is_plural_role(word, lexicon)
                    or bare in stop
                    or word.endswith(("’s", "'s"))
                    or (word.isupper() and len(word.rstrip(".")) > 1)  # not an initial "M."
                    or (word.endswith(".") and len(word) > 2 and bare not in lexicon.abbreviations)
                ):
                    break  # a title, an organisation or the end of the sentence before
                given.insert(0, word)
                opener = ""
            before = text[max(0, match.start() - 5) : match.start()]
            if opener in articles or (not opener and re.search(r"\b(?:the|our|my)\s+$", before)):
                continue  # "Our Blue Hour", "the Rolling Stones": a title or a body, no one
            if len(given) >= 2 and re.search(r"\b(?:of|for|to)\s+$", before):
                # "Secretary of State for Urbanism Ans Persoons": a portfolio; "ambassador to
                # Pakistan Abdul Zaeef": a posting.
                given.pop(0)
            if given:
                # "Michelle Hege’s response": the name without its possessive.
                surname = re.sub(r"[’']s$", "", match.group(2))
                if surname.lower() in lexicon.organisation_nouns | lexicon.official_nouns:
                    continue  # "the Israeli Government": a body, no one's surname
                full = " ".join([*given, surname]) + match.group(3).replace(",", "")
                if is_place(full):
                    continue  # "New York" is no Mr or Ms York
                entry = (match.start(), len(given), full)
                self._by_surname.setdefault(surname, []).append(entry)
                self._by_given.setdefault(full.split()[0], []).append((match.start(), full))
        self._text = text
        self._sexes: dict[str, str] = self._find_sexes(text)

    @functools.cached_property
    def _surname_ends(self) -> dict[str, list[int]]:
        """Return where each surname ends as a whole word in the text, in order."""
        # Built on the first unresolved pronoun, not for every text: most never ask.
        text = self._text
        # One pass over the words, so main_person counts with a bisect instead of a search
        # of the text so far for every surname at every pronoun (minutes on 50 KB of names).
        ends: dict[str, list[int]] = {surname: [] for surname in self._by_surname}
        for match in re.finditer(r"\w+", text):
            if match.group() in ends:
                ends[match.group()].append(match.end())
        for surname in ends:
            if not re.fullmatch(r"\w+", surname):  # "O’Brien", "Lloyd-Webber": not one word
                pattern = r"\b" + re.escape(surname) + r"\b"
                ends[surname] = [m.end() for m in re.finditer(pattern, text)]
        return ends

    def _count_before(self, surname: str, upto: int) -> int:
        """Return how often text[:upto] writes surname as a whole word."""
        count = bisect_left(self._surname_ends[surname], upto)
        # A word cut at upto counts too, as a search of text[:upto] would count it.
        start = upto - len(surname)
        if (
            start >= 0
            and self._text.startswith(surname, start)
            and not (start and _WORD_CHAR.match(self._text, start - 1))
            and _WORD_CHAR.match(surname[-1])
        ):
            count += 1
        return count

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the capitalised runs that may be names, trying again from a run's last word
        when the name goes on ("Florida State President Richard McCullough")."""
        pos = 0
        while (match := self._full.search(text, pos)) is not None:
            upper = r"[A-ZÀ-ÖØ-Þ]" if self._full is self._ACCENTED_FULL else r"[A-Z]"
            going_on = re.match(_GAP + upper, text[match.end(2) :]) and not match.group(3)
            words = match.group(1).split()
            if going_on and len(match.group(2)) == 1 and len(words) >= 3:
                # "US President George W Bush": the run stops on an initial, no surname; one
                # word on, the name keeps its given names ("George W Bush", not "W Bush").
                pos = match.start(1) + len(words[0])
                continue
            yield match
            pos = match.start(2) if going_on else match.end()

    def sexes(self) -> dict[str, str]:
        """Return the sex ("m", "f") the text's pronouns give each surname, where they agree."""
        return dict(self._sexes)

    def _find_sexes(self, text: str) -> dict[str, str]:
        """Return the sex ("m", "f") the text's pronouns give each surname, where they agree.

        After each mention of a surname, the first gendered pronoun within a few words that are
        not a quotation votes ("Steenburgen realized that she…"); a tie or no vote says nothing.
        """
        gendered = self._lexicon.gendered
        if not gendered:
            return {}
        votes: dict[str, list[str]] = {}
        # One pass over the capitalised words. Not "Steenburgen’s son … he": a possessive
        # speaks of someone else.
        for match in self._word.finditer(text):
            surname = match.group(0)
            if surname in self._by_surname:
                window = text[match.end() : match.end() + 80]
                # (Not past the sentence's end: "…spotting Reyes with a cleaner. She asked"
                # is someone else's "she".)
                window = re.split(r"[“”\"\n]|[.!?]\s", window, maxsplit=1)[0]
                for word in re.findall(r"[\w’']+", window)[:10]:
                    if word.lower() in gendered:
                        votes.setdefault(surname, []).append(gendered[word.lower()])
                        break
                    if word[:1].isupper() and word not in ("I", "A"):
                        break  # another name comes first: the pronoun may be theirs
            titled = self._title_sex(text, match.start(), match.end(), surname)
            if titled is not None:
                # "Mme Borne", "la journaliste Léa Roux", "Céline Roux, directrice": a title of
                # one sex says it as surely as two pronouns.
                votes.setdefault(surname, []).extend((titled, titled))
        found = {}
        for surname, marks in votes.items():
            male, female = marks.count("m"), marks.count("f")
            if max(male, female) >= 2 and min(male, female) * 3 <= max(male, female):
                found[surname] = "m" if male > female else "f"
        return found

    def main_person(self, upto: int, sex: str | None) -> str | None:
        """Return the person the text is about before offset upto: the one whose surname it
        writes most often, twice at least and more than anyone else's, of the sex given (or
        of none the text gives); None when no one stands out.

        >>> from briefing_app.core.suggest.languages import lexicon_for
        >>> text = "Ann Lo sang. Bo Ek played. Lo left. "
        >>> NameIndex(text, lexicon_for("en")).main_person(len(text), "f")
        'Ann Lo'
        """
        counts = Counter(
            {
                surname: self._count_before(surname, upto)
                for surname, entries in self._by_surname.items()
                if entries[0][0] < upto
                and self._sexes.get(surname, sex) == sex
                and not is_place(entries[0][2])
            }
        )
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        surname = ranked[0][0]
        fullest = self.fullest(surname, upto)
        return fullest if fullest != surname else None

    def _title_sex(self, text: str, start: int, end: int, surname: str) -> str | None:
        """Return the sex a title or role next to the name ending at end gives, if any."""
        titles = self._lexicon.gendered_titles
        if not titles:
            return None
        words = re.findall(r"[\w’'.-]+", text[max(0, start - 60) : start])
        if surname not in self._by_surname:
            # A surname alone counts after a courtesy title only: "M. Petit", "Mme Roux".
            last = words[-1].lower() if words else ""
            courtesy = last in titles and last in self._lexicon.person_titles | {"m."}
            return titles[last] if courtesy else None
        while words and words[-1][:1].isupper() and words[-1].lower() not in titles:
            words.pop()  # the given names before the surname
        last = words[-1].lower() if words else ""
        article = words[-2].lower() if len(words) >= 2 else ""
        if last in titles and last not in self._lexicon.determiners:
            return titles[last]  # "Mme Borne", "la directrice Céline Roux"
        if last in self._lexicon.person_roles and article in titles:
            return titles[article]  # "le journaliste Rémy Buisine"
        after = re.match(r",\s+(?:(?:une?|l[ea])\s+)?([\w’'-]+)", text[end : end + 60])
        if after is not None and after.group(1).lower() not in self._lexicon.determiners:
            return titles.get(after.group(1).lower())  # "Céline Roux, directrice de…"
        return None

    def knows(self, surname: str) -> bool:
        """Return whether the text introduces someone in full with this surname."""
        return surname in self._by_surname

    def with_first_name(self, word: str) -> list[str]:
        """Return the full names the text introduces with this first word ("Chen Shu-fen")."""
        return [full for _, full in self._by_given.get(word, [])]

    def fullest(self, mention: str, upto: int) -> str:
        """Return the fullest name given before offset upto for a short person mention."""
        name = strip_title(mention, self._lexicon)
        words = name.split()
        if len(words) != 1 or not is_person_like(mention, self._lexicon):
            return mention  # a full name already (titles and all), or no person's name
        # The first introduction with the fewest given names: "Professor of Urbanism Ans
        # Persoons" and "Ans Persoons" name the same person.
        earlier = [e for e in self._by_surname.get(words[0], []) if e[0] < upto]
        if not earlier and words[0] not in self._by_surname:
            # "Curie said" after "Curie Kim", "Gerry" after "Gerry Turner": a first name the
            # text gave one person in full (no one else of that name, no one of that surname).
            given = {full for at, full in self._by_given.get(words[0], []) if at < upto}
            return given.pop() if len(given) == 1 else mention
        people = Counter(e[2].split()[0] for e in earlier)
        if len(people) > 1:
            # "Kennedy" after John F. and Robert F. Kennedy Jr.: the one the text names most
            # (the article's subject), and no guess on a tie.
            (first, most), (_, next_most) = people.most_common(2)
            if most == next_most:
                return mention
            earlier = [e for e in earlier if e[2].split()[0] == first]
        return min(earlier, key=lambda e: (e[1], e[0]))[2] if earlier else mention


_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"\b[A-Z][\w’'-]*")  # "Steenburgen’s" stays whole, so it is no surname
_ACCENTED_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]*")
_ROLE_WINDOW = 6000


def role_holder(mention: str, before: str, lexicon: Lexicon) -> str | None:
    """Return the person introduced with the role a "the driver"-style mention names, if any.

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> role_holder("the president", "President Barack Obama spoke.", lexicon_for("en"))
    'Barack Obama'
    """
    words = mention.split()
    if (
        not 2 <= len(words) <= 4
        or words[0].lower() not in lexicon.definite_articles
        or words[-1].lower() not in lexicon.person_roles
        or not all(w.islower() for w in words[1:-1])
    ):
        return None  # "the driver", "the award-winning actor"; not "the Labor leader"
    role = "(?i:" + re.escape(words[-1]) + ")"
    capitalised = _ACCENTED_CAPITALISED if lexicon.language == "fr" else _CAPITALISED
    name = r"((?:" + capitalised + _GAP + r"){0,2}" + capitalised + r")"
    # ("Mathieu Rigouste, sociologue et chercheur": French sets a role after a name bare.)
    article = (
        r"(?:the|a|an|its|their)\s+"
        if lexicon.language == "en"
        else r"(?:(?:" + "|".join(sorted(lexicon.determiners)) + r")\s+)?"
    )
    patterns = (
        # "President Barack Obama", "the driver, Kevin Smith,"
        re.compile(r"\b" + role + r",?\s+" + name),
        # "Kevin Smith, the driver", "Kevin Smith, a driver from Leeds"
        re.compile(name + r",\s+" + article + r"(?:[\w-]+\s+){0,3}" + role + r"\b"),
    )
    found: list[tuple[int, str]] = []
    window = before[-_ROLE_WINDOW:]  # the role is introduced near its mention
    for pattern in patterns:
        for match in pattern.finditer(window):
            words = match.group(1).split()
            while len(words) > 2 and words[0].lower() in lexicon.non_party_starts:
                words.pop(0)  # "Pour Mathieu Rigouste, sociologue": the name after "Pour"
            candidate = strip_title(" ".join(words), lexicon)
            if is_person_like(candidate, lexicon) and len(candidate.split()) >= 2:
                found.append((match.start(), candidate))
    return max(found)[1] if found else None


def names_party(mention: str, lexicon: Lexicon) -> bool:
    """Return whether a mention can name a party on its own (not "There", "ministry", "Five").

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> en = lexicon_for("en")
    >>> [names_party(m, en) for m in ("There", "group", "its residents", "On Dec", "the ministry")]
    [False, False, False, False, True]
    """
    words = mention.split()
    if not words:
        return True  # an empty party is already unresolved
    lowered = [w.strip(".,’'“”\"").lower() for w in words]
    if lowered[0] in lexicon.non_party_starts and not (words[0].isupper() and len(words[0]) > 1):
        # ("US President George W Bush": an acronym, not the pronoun "us".)
        return False
    if len(words) == 1 and lowered[0].endswith(lexicon.adverb_endings):
        return False  # "Regelmäßig beantwortet …": an adverb opening the sentence
    if len(words) == 1 and lowered[0] in lexicon.quantifiers | lexicon.possessives:
        return False
    if lowered[0] in lexicon.possessives and len(words) <= 3:
        # "its residents": whose, the text does not say here; but "her husband" is one person,
        # and "their paper" a text that speaks for its authors.
        role = len(words) == 2 and lowered[1] in lexicon.person_roles
        return role or lowered[-1] in lexicon.document_nouns
    elided = re.match(r"[lL][’'](\w.*)", words[0]) if len(words) == 1 else None
    if elided is not None and lexicon.language == "fr":
        # "l’hebdomadaire", "l’ONG": an article and its noun written as one word.
        noun = elided.group(1)
        nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.organisation_nouns
        return noun[:1].isupper() or noun.lower() in nouns | lexicon.person_roles
    if len(words) == 1 and words[0].islower() and lowered[0] not in lexicon.pronouns:
        # a bare singular noun ("ministry", "group") names nobody; a plural ("experts") may
        return lowered[0].endswith("s") or lowered[0] in lexicon.collective_nouns
    return True
