"""Word lists that drive the suggester, one module per language (English first)."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.core.errors import InvalidInput


@dataclass(frozen=True)
class Lexicon:
    """The reporting verbs, attribution phrases and party nouns of one language."""

    language: str
    # Every inflected form of a reporting verb, mapped to its lemma.
    verb_forms: dict[str, str]
    # The claim kind a verb's lemma implies (lemmas not listed imply none).
    verb_kinds: dict[str, str]
    # Forms that may stand after their subject's quote: "…," said Smith.
    inverting_forms: frozenset[str]
    # Forms that report speech only right after a quotation: "…," Yoon continued.
    after_quote_forms: frozenset[str]
    # Phrases that introduce their source: "according to X".
    source_phrases: tuple[str, ...]
    # Regexes for attributions without a named party ("it was reported that", "allegedly").
    passive_patterns: tuple[str, ...]
    # Nouns that make a party an official or institution ("ministry", "police").
    official_nouns: frozenset[str]
    # Words that make a capitalised name an organisation rather than a person.
    organisation_nouns: frozenset[str]
    # Nouns that can head a speaker phrase written in lower case ("residents", "experts").
    speaker_nouns: frozenset[str]
    # Words that never start or end a party (conjunctions, auxiliaries, adverbs).
    leading_noise: frozenset[str]
    trailing_noise: frozenset[str]
    pronouns: dict[str, str]
    determiners: frozenset[str]
    # Abbreviations that do not end a sentence, lower case without the final dot.
    abbreviations: frozenset[str]
    # Words before a document that stands for its author: "a statement from X".
    document_words: tuple[str, ...] = field(default_factory=tuple)
    # Titles before a name that are not part of it ("Mr", "Dr", "Opposition Leader" -> "leader").
    person_titles: frozenset[str] = frozenset()
    # Endings of compound titles before a name (German "Bundesverkehrsminister Scheuer",
    # "FDP-Chef Christian Lindner"): the name is the party, the title no part of it.
    title_suffixes: tuple[str, ...] = ()
    # Nouns for a role one person holds, so "the driver" can mean the driver named earlier.
    person_roles: frozenset[str] = frozenset()
    # First words that never start a party ("There", "On Dec", "Five"): places, dates, counts.
    non_party_starts: frozenset[str] = frozenset()
    # Counts and quantifiers that name nobody alone ("Five", "Some"), though "Some people" may.
    quantifiers: frozenset[str] = frozenset()
    # Possessive determiners: "its residents" names nobody the sentence says.
    possessives: frozenset[str] = frozenset()
    # Words that open reported content after a lead-in verb ("said that…", "a déclaré que…").
    complementisers: tuple[str, ...] = ("that",)
    # Whether every noun is capitalised (German): a party after "laut" ends at a lower-case word.
    nouns_capitalised: bool = False
    # Singular nouns that name a party alone, written in lower case ("police", "staff").
    collective_nouns: frozenset[str] = frozenset()
    # Relative pronouns after a comma: "…ZeniMax Media, which accuses…" (the party is before).
    relatives: tuple[str, ...] = ("which", "who")
    # Words after which a reporting verb puts its party after it: "comme l’a souligné l’Arcep".
    inversion_leads: tuple[str, ...] = ()
    # Pronouns (and possessives) by the sex they refer to, so "she said" skips a man named last.
    gendered: dict[str, str] = field(default_factory=dict)
    # The author's own pronouns: "I always say" is the author's voice, not a party's.
    first_person: frozenset[str] = frozenset()
    # An unnamed subject ("ajoute-t-on"): the source quoted before when a phrase says it is the
    # same (same_source, a pattern: "de même source"), else no one named.
    same_source_subjects: frozenset[str] = frozenset()
    same_source: str = ""
    # Determiners that make a following verb form a noun ("la critique de…").
    noun_determiners: frozenset[str] = frozenset()
    # Words that open a sentence with whose view it is: "Pour la ministre, …" (a party follows).
    opening_phrases: tuple[str, ...] = ()
    # Words after which their party stands before them: "Dem Minister zufolge …".
    postpositions: tuple[str, ...] = ()
    # Verbs of thought that report only as an aside: "…, scientists think, …" (not "I think").
    parenthetical_forms: frozenset[str] = frozenset()
    # A regex of the words that say when or how something was said, between a verb and what
    # was said: "said Thursday that…", "have argued for years that…".
    setting_words: str = ""
    # Words that end a party written after its verb, besides punctuation: "…, sagte Lucke am
    # Samstag der dpa" (a regex alternation; English's are built in).
    right_stops: str = ""
    # Words at which a party written before its verb ends: "Der AStA hatte bereits am Freitag
    # moniert" (a regex alternation; German puts the auxiliary and the time between).
    party_stops: str = ""
    # Verb forms of reported speech (German Konjunktiv I: "sei", "habe"): a sentence in them
    # right after a statement goes on with that speaker's words.
    reported_forms: frozenset[str] = frozenset()
    # Forms that stand in for them where they look like the indicative (German Konjunktiv II:
    # "hätten", "würden"): reported speech only right after reported speech, since the author
    # writes them too ("Insgesamt wären 1,8 Millionen Euro fällig").
    standin_forms: frozenset[str] = frozenset()
    # Regexes with a "party" group for whose view a sentence gives: "In Brown’s view, …".
    viewpoint_patterns: tuple[str, ...] = ()
    # Verb forms whose particle ends their clause ("teilte … mit"), and that particle.
    separable: dict[str, str] = field(default_factory=dict)
    # Verb forms a particle at the clause's end turns into no saying (German "sagte das
    # Konzert ab": cancelled; "fordern zu Widerspruch heraus": provoke), as a regex.
    unsaying_particles: dict[str, str] = field(default_factory=dict)
    # A regex of a phrase opening the sentence before its finite verb, after which the subject
    # follows the verb (German verb-second: "Am Montag sagte der Minister, …").
    fronted: str = ""
    # A regex of the words that may stand between an inverted verb and its subject, which
    # follows them (German: "…, sagt uns die Quelle", "Dies erklärte bereits 2017 der Kassenwart").
    verb_subject_fillers: str = ""
    # Nouns for what someone says, announced by a lead-in ending in a colon: "Analysts had a
    # few theories:", "… the following statement:" (the paragraph after it is theirs).
    lead_in_nouns: frozenset[str] = frozenset()
    # Whether a published interview may label only its first answer ("Christoph Vilanek: …"),
    # the questions after it unlabelled, each answer the labelled speaker's (German magazines).
    unlabelled_answers: bool = False
    # Nouns for a text that speaks for its authors: "their paper argues", "its report says"
    # name a party even after a possessive (where "its residents" names nobody).
    document_nouns: frozenset[str] = frozenset()
    # Articles before a role that mean one person named before: "the driver", "le chercheur".
    definite_articles: frozenset[str] = frozenset(("the", "this"))
    # Words that open a clause inside the words before a verb (French "Des chiffres que le
    # quotidien estime…"): the party follows the last of them.
    clause_words: tuple[str, ...] = ()
    # Words next to a name that give the person's sex ("M.", "Mme", "la directrice X", "X,
    # directrice de…"), for "il"/"elle" to skip the other sex; articles count before a role.
    gendered_titles: dict[str, str] = field(default_factory=dict)
    # Object pronouns French sets between a subject and its verb ("Le ministre nous a
    # expliqué", "Les médias le disent"): no part of the party.
    object_clitics: frozenset[str] = frozenset()
    # A regex of the asides between an inverted verb and its party ("…» insiste quant à lui
    # X", "…», indique pour sa part le général"): stepped over to find the party.
    verb_asides: str = ""
    # Whether an opening guillemet ends a party named before it ("Selon X « … »", "…»
    # confirme X « … »"): the quotation goes on after the party.
    guillemets: bool = False
    # Word endings that make an adverb, never a party ("Regelmäßig", "Normalerweise").
    adverb_endings: tuple[str, ...] = ()
    # Nouns for a newspaper, broadcaster or agency, whose quoted name after them is the party
    # ("die Zeitung „Der Kurier“"); not people ("der Sprecher „Nein“" is a reply).
    media_nouns: frozenset[str] = frozenset()
    # A regex of a tweet signature's date written the language's way ("— Name (@handle)
    # 25. September 2018"); set, a tweet is found too in a page that sets each paragraph on a
    # line of its own, the line above its signature.
    tweet_date: str = ""


def lexicon_for(language: str) -> Lexicon:
    """Return the lexicon for a language code ('en', 'en-GB'...); raise InvalidInput if none."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    if code == "en":
        from briefing_app.core.suggest.languages.en import LEXICON as EN

        return EN
    if code == "fr":
        from briefing_app.core.suggest.languages.fr import LEXICON as FR

        return FR
    if code == "de":
        from briefing_app.core.suggest.languages.de import LEXICON as DE

        return DE
    if code == "pt":
        from briefing_app.core.suggest.languages.pt import LEXICON as PT

        return PT
    raise InvalidInput(
        f"no claim-suggestion word list for language {language!r} (have: en, fr, de, pt)"
    )
