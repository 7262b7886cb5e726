"""French reporting verbs, attribution phrases and party nouns (the common news frames)."""

from __future__ import annotations

from briefing_app.core.suggest.languages import Lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _forms(participle: str, present: tuple[str, ...]) -> tuple[str, ...]:
    """Return the compound past ("a déclaré", "ont déclaré", "avait déclaré") and present forms."""
    auxiliaries = ("a", "ont", "avait", "avaient", "aurait", "auraient")
    # "comme l’a souligné l’Arcep": the object pronoun stands before the auxiliary.
    clitic = (f"{pronoun}{aux} {participle}" for pronoun in ("l’", "l'") for aux in ("a", "ont"))
    return (*(f"{aux} {participle}" for aux in auxiliaries), *clitic, *present)


def _imperfect(stem: str) -> tuple[str, str]:
    """Return the imperfect's third persons ("affirmait", "affirmaient"): reports of the past."""
    return f"{stem}ait", f"{stem}aient"


# lemma -> inflected forms, with the auxiliary, since news French reports in the passé composé.
_VERBS: dict[str, tuple[str, ...]] = {
    "dire": (*_forms("dit", ("dit", "disent")), "a-t-il dit", "a-t-elle dit", *_imperfect("dis")),
    "déclarer": (
        *_forms("déclaré", ("déclare", "déclarent")),
        "a-t-il déclaré",
        *_imperfect("déclar"),
    ),
    "ajouter": (*_forms("ajouté", ("ajoute", "ajoutent")), "a-t-il ajouté", "a-t-elle ajouté"),
    "affirmer": (*_forms("affirmé", ("affirme", "affirment")), *_imperfect("affirm")),
    "annoncer": _forms("annoncé", ("annonce", "annoncent")),
    "assurer": (*_forms("assuré", ("assure", "assurent")), *_imperfect("assur")),
    "expliquer": (*_forms("expliqué", ("explique", "expliquent")), *_imperfect("expliqu")),
    "indiquer": (*_forms("indiqué", ("indique", "indiquent")), *_imperfect("indiqu")),
    "estimer": (*_forms("estimé", ("estime", "estiment")), *_imperfect("estim")),
    "souligner": _forms("souligné", ("souligne", "soulignent")),
    "préciser": _forms("précisé", ("précise", "précisent")),
    "confirmer": _forms("confirmé", ("confirme", "confirment")),
    "démentir": _forms("démenti", ("dément", "démentent")),
    "nier": _forms("nié", ("nie", "nient")),
    "accuser": _forms("accusé", ("accuse", "accusent")),
    "dénoncer": _forms("dénoncé", ("dénonce", "dénoncent")),
    "prévenir": _forms("prévenu", ("prévient", "préviennent")),
    "avertir": _forms("averti", ("avertit", "avertissent")),
    "reconnaître": _forms("reconnu", ("reconnaît", "reconnaissent")),
    "considérer": _forms("considéré", ("considère", "considèrent")),
    "soulever": _forms("soulevé", ("soulève", "soulèvent")),
    "critiquer": _forms("critiqué", ("critique", "critiquent")),
    "insister": (*_forms("insisté", ("insiste", "insistent")), *_imperfect("insist")),
    "réclamer": (*_forms("réclamé", ("réclame", "réclament")), *_imperfect("réclam")),
    "prévoir": ("prévoit", "prévoient"),
    "arguer": ("arguant",),
    "faire savoir": _forms("fait savoir", ("fait savoir",)),
    "faire part": _forms("fait part", ("fait part", "font part")),
}

LEXICON = Lexicon(
    language="fr",
    verb_forms={form: lemma for lemma, forms in _VERBS.items() for form in forms},
    verb_kinds={"démentir": "denial", "nier": "denial", "accuser": "allegation"},
    inverting_forms=frozenset(
        form
        for lemma in (
            "dire",
            "déclarer",
            "ajouter",
            "affirmer",
            "expliquer",
            "indiquer",
            "estimer",
            "souligner",
            "préciser",
            "assurer",
            "prévoir",
        )
        for form in _VERBS[lemma]
    ),
    after_quote_forms=frozenset(),
    source_phrases=("selon", "d’après", "d'après", "de source"),
    passive_patterns=(
        r"\b(?:aurait|auraient) (?:été )?\w+é(?:e|s|es)?\b",
        r"\b(?:selon certaines sources|dit-on|paraît-il)\b",
        r"\bprésumée?s?\b",
    ),
    official_nouns=_words(
        """ministre ministère gouvernement police gendarmerie préfecture préfet parquet procureur
        président présidence autorités porte-parole ambassade armée mairie maire conseil
        commission tribunal justice élysée matignon quai"""
    ),
    organisation_nouns=_words(
        """ministère gouvernement police parquet commission conseil tribunal association société
        groupe entreprise syndicat parti agence institut université banque assemblée sénat cnil"""
    ),
    speaker_nouns=_words(
        """ministre ministère gouvernement police autorités porte-parole responsables source
        sources experts témoins habitants avocat avocats procureur enquêteurs syndicat
        syndicats opposition rapport étude communiqué projet loi texte commission
        président députés sénateurs manifestants secours pompiers"""
    ),
    leading_noise=_words(
        """et mais alors que qui dont comme puis aussi cependant toutefois lundi mardi mercredi
        jeudi vendredi samedi dimanche hier aujourd’hui notamment encore déjà également"""
    ),
    trailing_noise=_words("a ont avait avaient aurait est sont était ne pas aussi également"),
    pronouns={"il": "person", "elle": "person", "ils": "group", "elles": "group"},
    determiners=_words("le la les l’ l' un une des du de ce cette ces son sa ses leur leurs"),
    abbreviations=_words("m mm mme mmes dr pr st ste etc av apr env"),
    document_words=("un communiqué de", "un rapport de", "une source du", "une source de"),
    quantifiers=_words("un une deux trois quatre cinq plusieurs certains beaucoup"),
    possessives=_words("son sa ses leur leurs"),
    complementisers=("que", "qu’", "qu'"),
    gendered={"il": "m", "elle": "f"},
    first_person=_words("je j’ j' nous"),
    # "la critique de…", "le rapport": a verb form after these is a noun.
    noun_determiners=_words("le la les un une son sa ses leur leurs cette ces"),
    relatives=("qui",),
    inversion_leads=("comme",),
)
