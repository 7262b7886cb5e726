"""A text's language guessed from its most common words, for sources whose file declares none.

Each language has a profile of its function words (articles, pronouns, prepositions,
auxiliaries): they make up a third to a half of any running text and differ between languages,
while names and topic words do not. Italian, Spanish, Catalan, Dutch and a few more have
profiles too, only so that their texts are recognised as *other* languages: a guess is one of
the languages the suggester has word lists for (en, fr, de, pt) or "" (unsure).
"""

from __future__ import annotations

import re
from collections import Counter

# The languages a guess may name: those with claim-suggestion word lists (suggest/languages/).
GUESSED_LANGUAGES = ("en", "fr", "de", "pt")

# Enough text to be sure, and the cost stays a millisecond or two on a whole book.
SAMPLE_CHARS = 20_000
# The opening read first, and what settles a guess on it alone: plenty of function words and a
# clear lead (a text mixed within its opening reads on, and is judged on the whole sample).
FIRST_LOOK_CHARS = 4_000
SETTLED_WORDS = 150
SETTLED_LEAD = 4.0
# Fewer function words than this and a guess is a coin toss ("Berlin, 3 May: Merkel").
MIN_PROFILE_WORDS = 12
# The winner's share of the text's words: running prose in its language scores 0.25-0.5;
# a list of names, a table of figures or another language entirely scores little.
MIN_SHARE = 0.12
# How far the winner must lead the runner-up: a text half English, half German has no winner.
MIN_LEAD = 2.0

_PROFILES = {
    "en": """the of and to a in is was that for on it with as by at from he she his her they
        their them be been are were has have had not this which who but or an will would
        said says its there after also than into more about when what we our you could
        should can may over up out new one all these those while because before against
        during between under did does do if then so no how where any some such only""",
    "fr": """le la les l un une des du de et est à au aux en dans que qui ne pas sur pour par
        plus avec ce cette ces il elle ils elles on nous vous leur leurs son sa ses a été
        sont ont était mais ou où se s qu d n c j y dont selon aussi être avoir fait
        comme entre sans sous après avant lors tout tous très déjà encore depuis chez
        cela ceci lui même quand car donc""",
    "de": """der die das den dem des ein eine einen einem einer eines und ist sind war waren
        nicht mit von zu zum zur im in auf für auch sich es sie er wir ihr ihre ihren
        sein seine seiner wird werden wurde wurden hat haben hatte hatten dass als wie
        noch nach bei aus über unter vor durch gegen oder aber nur schon sehr kein keine
        diese dieser dieses man ob wenn beim vom sei habe bereits sowie zwischen""",
    "pt": """o a os as um uma uns umas de do da dos das em no na nos nas ao aos à às e é que
        não para por pelo pela pelos pelas com se seu sua seus suas mais mas foi foram
        ser ter tem têm está estão era como também já ele ela eles elas isso este esta
        esse essa muito sobre entre após até quando onde há nem num numa pela disse
        segundo ainda sem depois""",
    # Profiles of languages Briefing has no word lists for: they only keep their texts from
    # being mistaken for one of ours (Spanish and Italian share most words with Portuguese
    # and French; Dutch with German).
    "es": """el la los las un una unos unas de del al y en que es son fue fueron no se por
        para con su sus lo le les más pero como este esta estos estas ese esa ha han
        había ser muy sobre entre también ya cuando donde hasta desde sin porque otro
        otra todo todos hay según dijo tras está están durante ni nos él ella ellos""",
    "it": """il lo la i gli le un uno una di del dello della dei degli delle da dal dalla in
        nel nella nei con su sul sulla per tra fra e è sono era erano non che chi si
        come anche ma più questo questa questi quello quella ha hanno ho essere stato
        stata molto dopo prima ancora già quando dove perché sua suo suoi loro ci ne
        alla alle agli al ad ed""",
    "ca": """el la els les un una de del dels al als i en que és són va van no es per amb
        el seu seva seus seves més però com aquest aquesta aquests aquestes ha han
        també ja quan on fins des sense perquè tot tots hi ho pel pels molt""",
    "nl": """de het een en van in is op te dat die niet met voor zijn was er aan om ook als
        bij door maar wordt worden werd naar uit nog dan tot of heeft hebben had over
        deze dit onder wel geen zo al hun haar hij zij wij ze ons meer kan zal""",
    "ro": """și în la cu de din pe pentru care este sunt nu a al ai ale că se mai un o
        unei unui dar sau fost au fi ce acest această după către prin între fără""",
    "sv": """och att det som en ett är på av för med till den har de inte om var han hon
        men ett sig så vid kan från eller vara blev efter också när där mot""",
    "da": """og at det som en et er på af for med til den har de ikke om var han hun men
        sig så ved kan fra eller være blev efter også når der mod""",
    "pl": """i w na z do nie się że jest o to jak po od za przez dla są był była było ale
        czy tak jego jej ich oraz który która które także przy""",
    "tr": """ve bir bu da de için ile olarak olan çok daha gibi ama en sonra kadar ise
        değil var olduğu şekilde""",
    "id": """yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga oleh
        adalah ada karena sudah mereka kami kita atau bisa""",
}

# A word's vote is shared among the profiles holding it, so "de" or "a" (in five profiles)
# counts for little and "the", "und", "não" for much.
_VOTES: dict[str, tuple[tuple[str, float], ...]] = {}


def _build_votes() -> None:
    holders: dict[str, list[str]] = {}
    for lang, words in _PROFILES.items():
        for word in set(words.split()):
            holders.setdefault(word, []).append(lang)
    for word, langs in holders.items():
        _VOTES[word] = tuple((lang, 1.0 / len(langs)) for lang in langs)


_build_votes()

# Words; French and Portuguese elisions split at the apostrophe ("l'État", "d’un"). Numbers
# count as words that are in no profile (a table of figures is no prose): \w+ finds them twice
# as fast as a letters-only pattern.
_WORD = re.compile(r"\w+")


def guess_language(text: str) -> str:
    """Return text's language ('en', 'fr', 'de', 'pt') by its function words, or '' if unsure.

    Unsure means too little running text, two languages mixed, or another language.

    >>> guess_language("The minister said on Monday that the talks would go on, and that "
    ...     "they were not over. It was the first time he had spoken of them since the vote.")
    'en'
    >>> guess_language("Fünf Tote bei Unfall")
    ''
    """
    tally = _Tally()
    # The opening settles most texts; the rest of the sample is read only when it does not.
    cut = text.rfind(" ", 0, FIRST_LOOK_CHARS) if len(text) > FIRST_LOOK_CHARS else -1
    if cut > 0:
        tally.add(text[:cut])
        if tally.found >= SETTLED_WORDS and tally.verdict(SETTLED_LEAD):
            return tally.verdict(SETTLED_LEAD)
        tally.add(text[cut:SAMPLE_CHARS])
    else:
        tally.add(text[:SAMPLE_CHARS])
    if tally.found < MIN_PROFILE_WORDS:
        return ""
    return tally.verdict(MIN_LEAD)


class _Tally:
    """Function-word votes per language over the words read so far."""

    def __init__(self) -> None:
        self.words = 0
        self.found = 0
        self.scores: dict[str, float] = {}

    def add(self, sample: str) -> None:
        words = _WORD.findall(sample.lower())
        self.words += len(words)
        for word, n in Counter(words).items():
            votes = _VOTES.get(word)
            if votes is None:
                continue
            self.found += n
            for lang, weight in votes:
                self.scores[lang] = self.scores.get(lang, 0.0) + n * weight

    def verdict(self, lead: float) -> str:
        """Return the leading language if it is ours, prose, and ahead by lead; else ''."""
        if not self.scores:
            return ""
        ranked = sorted(self.scores.items(), key=lambda item: item[1], reverse=True)
        best, top = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if best not in GUESSED_LANGUAGES or top < MIN_SHARE * self.words:
            return ""
        return best if top >= lead * runner_up else ""


def language_tag(declared: str) -> str:
    """Return a declared language written as a BCP 47 tag: 'pt_BR' -> 'pt-BR', 'DE' -> 'de'.

    >>> [language_tag(v) for v in ("pt_BR", " EN-us ", "de", "")]
    ['pt-BR', 'en-US', 'de', '']
    """
    parts = declared.strip().replace("_", "-").split("-")
    if not parts[0]:
        return ""
    head = parts[0].lower()
    # A two-letter subtag after the language is a region, written in capitals.
    rest = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    return "-".join([head, *rest])
