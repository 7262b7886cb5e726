"""German reporting verbs, attribution phrases and party nouns (the common news frames)."""

from __future__ import annotations

from briefing_app.core.suggest.languages import Lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# lemma -> inflected forms (present, simple past, subjunctive of reported speech).
_VERBS: dict[str, tuple[str, ...]] = {
    "sagen": ("sagte", "sagten", "sagt", "sagen", "hat gesagt", "haben gesagt"),
    "erklären": ("erklärte", "erklärten", "erklärt", "hat erklärt"),
    "betonen": ("betonte", "betonten", "betont"),
    "mitteilen": ("teilte mit", "teilten mit", "teilt mit", "hat mitgeteilt"),
    "berichten": ("berichtete", "berichteten", "berichtet"),
    "sprechen": ("sprach", "sprachen"),
    "fügen hinzu": ("fügte hinzu", "fügten hinzu", "ergänzte", "ergänzten"),
    "warnen": ("warnte", "warnten", "warnt"),
    "kritisieren": ("kritisierte", "kritisierten", "kritisiert"),
    "fordern": ("forderte", "forderten", "fordert"),
    "bestätigen": ("bestätigte", "bestätigten", "bestätigt"),
    "dementieren": ("dementierte", "dementierten", "dementiert"),
    "bestreiten": ("bestritt", "bestritten", "bestreitet"),
    "vorwerfen": ("warf vor", "warfen vor", "wirft vor"),
    "behaupten": ("behauptete", "behaupteten", "behauptet"),
    "ankündigen": ("kündigte an", "kündigten an", "kündigt an"),
    "schreiben": ("schrieb", "schrieben", "schreibt"),
    "meinen": ("meinte", "meinten", "meint"),
}

LEXICON = Lexicon(
    language="de",
    verb_forms={form: lemma for lemma, forms in _VERBS.items() for form in forms},
    verb_kinds={
        "dementieren": "denial",
        "bestreiten": "denial",
        "vorwerfen": "allegation",
        "behaupten": "allegation",
    },
    inverting_forms=_words(
        "sagte sagten sagt erklärte erklärten betonte betonten ergänzte ergänzten schrieb meinte"
    ),
    after_quote_forms=frozenset(),
    source_phrases=("laut", "nach Angaben von", "nach Angaben der", "nach Angaben des", "zufolge"),
    passive_patterns=(
        r"\bsoll(?:en)?\s+[^.,;]{0,80}\b(?:sein|haben|worden)\b",
        r"\b(?:angeblich|mutmaßlich|vermutlich|Berichten zufolge)\b",
    ),
    official_nouns=_words(
        """minister ministerin ministerium regierung polizei staatsanwaltschaft behörde behörden
        sprecher sprecherin bundesregierung kanzler kanzlerin präsident präsidentin gericht
        botschaft armee bundeswehr rathaus bürgermeister bürgermeisterin amt"""
    ),
    organisation_nouns=_words(
        """ministerium regierung polizei gericht verband unternehmen konzern firma partei
        gewerkschaft institut universität bank stiftung agentur amt behörde"""
    ),
    speaker_nouns=_words(
        """sprecher sprecherin polizei behörden experten expertin experte zeugen anwohner
        anwalt anwältin staatsanwaltschaft ministerium regierung bericht studie mitteilung
        unternehmen hersteller kritiker forscher"""
    ),
    leading_noise=_words("und aber doch denn als wie dass auch am heute gestern zudem noch"),
    trailing_noise=_words("hat haben hatte hatten ist sind war waren auch noch nicht"),
    pronouns={"er": "person", "sie": "group", "es": "organisation"},
    determiners=_words(
        "der die das den dem des ein eine einer eines einem einen sein seine ihr ihre"
    ),
    abbreviations=_words("dr prof bzw usw z.b d.h ca nr st hr fr vgl"),
    quantifiers=_words("ein eine zwei drei mehrere einige viele"),
    possessives=_words("sein seine ihr ihre"),
    complementisers=("dass",),
    nouns_capitalised=True,
    first_person=_words("ich wir"),
)
