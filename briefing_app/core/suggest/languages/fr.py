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


_SUBJECTS = ("il", "elle", "ils", "elles")


def _inverted(participle: str, present: tuple[str, ...]) -> tuple[str, ...]:
    """Return the inverted forms after a quotation: "a-t-il déclaré", "explique-t-elle"."""
    forms = [f"a-t-{who} {participle}" for who in ("il", "elle")]
    forms += [f"ont-{who} {participle}" for who in ("ils", "elles")]
    for verb in present:
        # "dit-il", "poursuit-elle"; a vowel at the end takes a -t-: "explique-t-il".
        link = "-t-" if verb[-1] in "aeé" else "-"
        singular = not verb.endswith("nt")
        # ("ajoute-t-on de même source": the unnamed source speaks.)
        people = (*_SUBJECTS[:2], "on") if singular else _SUBJECTS[2:]
        forms += [f"{verb}{link}{who}" for who in people]
    return tuple(forms)


def _verb(participle: str, present: tuple[str, ...], stem: str = "") -> tuple[str, ...]:
    """Return every news form of a reporting verb: compound past, present, inverted, imperfect."""
    return (
        *_forms(participle, present),
        *_inverted(participle, present),
        *(_imperfect(stem) if stem else ()),
    )


def _reflexive(participle: str, present: str) -> tuple[str, ...]:
    """Return a pronominal verb's forms: "s’indigne", "s’est indigné(e)", "s’indigne-t-il"."""
    forms = []
    for apostrophe in ("’", "'"):
        forms += [f"s{apostrophe}{present}", f"s{apostrophe}{present}nt"]
        forms += [f"s{apostrophe}est {participle}{end}" for end in ("", "e")]
        forms += [f"s{apostrophe}{present}-t-{who}" for who in ("il", "elle")]
    return tuple(forms)


def _reflexive_before_consonant(participle: str, present: str, plural: str) -> tuple[str, ...]:
    """Return a pronominal verb's forms before a consonant: "se réjouit", "s’est réjoui(e)"."""
    forms = [f"se {present}", f"se {plural}", f"se {present}-t-il", f"se {present}-t-elle"]
    forms += [f"se {present}-il", f"se {present}-elle"]
    for apostrophe in ("’", "'"):
        forms += [f"s{apostrophe}est {participle}{end}" for end in ("", "e")]
        forms += [f"s{apostrophe}étaient {participle}{end}" for end in ("s", "es")]
        forms += [f"se sont {participle}{end}" for end in ("s", "es")]
    return tuple(dict.fromkeys(forms))


# lemma -> inflected forms, with the auxiliary, since news French reports in the passé composé.
_VERBS: dict[str, tuple[str, ...]] = {
    "dire": _verb("dit", ("dit", "disent"), "dis"),
    "déclarer": _verb("déclaré", ("déclare", "déclarent"), "déclar"),
    "ajouter": _verb("ajouté", ("ajoute", "ajoutent"), "ajout"),
    "affirmer": _verb("affirmé", ("affirme", "affirment"), "affirm"),
    "annoncer": _verb("annoncé", ("annonce", "annoncent"), "annonç"),
    "assurer": _verb("assuré", ("assure", "assurent"), "assur"),
    "expliquer": _verb("expliqué", ("explique", "expliquent"), "expliqu"),
    "indiquer": _verb("indiqué", ("indique", "indiquent"), "indiqu"),
    "estimer": _verb("estimé", ("estime", "estiment"), "estim"),
    "souligner": _verb("souligné", ("souligne", "soulignent"), "soulign"),
    "préciser": _verb("précisé", ("précise", "précisent"), "précis"),
    "confirmer": _verb("confirmé", ("confirme", "confirment"), "confirm"),
    "démentir": _verb("démenti", ("dément", "démentent")),
    "nier": _verb("nié", ("nie", "nient")),
    "accuser": _verb("accusé", ("accuse", "accusent")),
    "dénoncer": _verb("dénoncé", ("dénonce", "dénoncent"), "dénonç"),
    "prévenir": _verb("prévenu", ("prévient", "préviennent"), "préven"),
    "avertir": _verb("averti", ("avertit", "avertissent")),
    # (Since the 1990 spelling reform "reconnait" drops its circumflex: both are written.)
    "reconnaître": _verb("reconnu", ("reconnaît", "reconnait", "reconnaissent"), "reconnaiss"),
    "concéder": _verb("concédé", ("concède", "concèdent")),
    "énumérer": _verb("énuméré", ("énumère", "énumèrent")),
    # "X questionne les moyens déployés", "Le Monde titre : « … »": a question put, a headline.
    "questionner": _verb("questionné", ("questionne", "questionnent"), "questionn"),
    "titrer": _verb("titré", ("titre", "titrent"), "titr"),
    "dresser le constat": tuple(
        f"{verb} {article} constat"
        for verb in ("dresse", "dressent", "a dressé", "ont dressé", "dressait", "fait", "font")
        for article in ("le", "un")
    ),
    "avouer": _verb("avoué", ("avoue", "avouent"), "avou"),
    "constater": _verb("constaté", ("constate", "constatent"), "constat"),
    # "Des scientifiques ont alerté sur…": a warning given (a bare "alerte" is mostly the
    # noun: "sont en alerte").
    "alerter": (*_forms("alerté", ("alertent",)), *_inverted("alerté", ("alerte", "alertent"))),
    "alerter sur": ("alerte sur", "alertent sur"),
    "considérer": _forms("considéré", ("considère", "considèrent")),
    "soulever": _forms("soulevé", ("soulève", "soulèvent")),
    "critiquer": _verb("critiqué", ("critique", "critiquent"), "critiqu"),
    "insister": _verb("insisté", ("insiste", "insistent"), "insist"),
    "réclamer": _verb("réclamé", ("réclame", "réclament"), "réclam"),
    "prévoir": ("prévoit", "prévoient"),
    "arguer": ("arguant",),
    "faire savoir": _forms("fait savoir", ("fait savoir",)),
    "faire part": _forms("fait part", ("fait part", "font part")),
    "juger": _verb("jugé", ("juge", "jugent"), "juge"),
    "déplorer": _verb("déploré", ("déplore", "déplorent"), "déplor"),
    "regretter": _verb("regretté", ("regrette", "regrettent"), "regrett"),
    "confier": _verb("confié", ("confie", "confient")),
    "rappeler": _verb("rappelé", ("rappelle", "rappellent"), "rappel"),
    "marteler": _verb("martelé", ("martèle", "martèlent")),
    "plaider": _verb("plaidé", ("plaide", "plaident")),
    "appeler à": _forms("appelé à", ("appelle à", "appellent à")),
    "montrer": _forms("montré", ("montre", "montrent")),
    "conclure": _verb("conclu", ("conclut", "concluent")),
    "révéler": _verb("révélé", ("révèle", "révèlent")),
    "raconter": _verb("raconté", ("raconte", "racontent"), "racont"),
    "témoigner": _verb("témoigné", ("témoigne", "témoignent")),
    "admettre": _verb("admis", ("admet", "admettent")),
    "promettre": _verb("promis", ("promet", "promettent")),
    "répondre": _verb("répondu", ("répond", "répondent")),
    "rétorquer": _verb("rétorqué", ("rétorque", "rétorquent")),
    "répliquer": _verb("répliqué", ("réplique", "répliquent")),
    "observer": _verb("observé", ("observe", "observent")),
    "noter": _verb("noté", ("note", "notent")),
    "relever": _verb("relevé", ("relève", "relèvent")),
    "signaler": _verb("signalé", ("signale", "signalent")),
    "commenter": _verb("commenté", ("commente", "commentent")),
    "détailler": _verb("détaillé", ("détaille", "détaillent")),
    # After a quotation only: "« … », lance-t-il" (not "lance un projet").
    "lancer": _verb("lancé", ("lance", "lancent")),
    "poursuivre": _verb("poursuivi", ("poursuit", "poursuivent")),
    "trancher": _verb("tranché", ("tranche", "tranchent")),
    "résumer": _verb("résumé", ("résume", "résument")),
    "ironiser": _verb("ironisé", ("ironise", "ironisent")),
    "glisser": _verb("glissé", ("glisse", "glissent")),
    "analyser": _verb("analysé", ("analyse", "analysent")),
    "exprimer": _verb("exprimé", ("exprime", "expriment")),
    "souffler": _verb("soufflé", ("souffle", "soufflent")),
    "lâcher": _verb("lâché", ("lâche", "lâchent")),
    "nuancer": _verb("nuancé", ("nuance", "nuancent")),
    "abonder": _verb("abondé", ("abonde", "abondent")),
    "renchérir": _verb("renchéri", ("renchérit", "renchérissent")),
    "sourire": _verb("souri", ("sourit", "sourient")),
    "condamner": _verb("condamné", ("condamne", "condamnent")),
    "demander": _forms("demandé", ("demande", "demandent")),
    "s’indigner": _reflexive("indigné", "indigne"),
    "s’emporter": _reflexive("emporté", "emporte"),
    "s’inquiéter": _reflexive("inquiété", "inquiète"),
    "se féliciter": _reflexive("félicité", "félicite"),
    "s’exclamer": _reflexive("exclamé", "exclame"),
    "s’étonner": _reflexive("étonné", "étonne"),
    "s’insurger": _reflexive("insurgé", "insurge"),
    "s’alarmer": _reflexive("alarmé", "alarme"),
    # "X s’interroge sur…": a question raised in public, as "questioned".
    "s’interroger": _reflexive("interrogé", "interroge"),
    "se réjouir": _reflexive_before_consonant("réjoui", "réjouit", "réjouissent"),
    "se plaindre": _reflexive_before_consonant("plaint", "plaint", "plaignent"),
    "écrire": _verb("écrit", ("écrit", "écrivent"), "écriv"),
    "fustiger": _verb("fustigé", ("fustige", "fustigent")),
    "saluer": _verb("salué", ("salue", "saluent")),
    "reprocher": _verb("reproché", ("reproche", "reprochent")),
    "contester": _verb("contesté", ("conteste", "contestent")),
    "réfuter": _verb("réfuté", ("réfute", "réfutent")),
    "soutenir": _forms("soutenu", ("soutient", "soutiennent")),
    "mettre en garde": _forms("mis en garde", ("met en garde", "mettent en garde")),
    "faire valoir": _forms("fait valoir", ("fait valoir", "font valoir")),
    "faire remarquer": _forms("fait remarquer", ("fait remarquer", "font remarquer")),
    "menacer": _verb("menacé", ("menace", "menacent")),
    "tweeter": _verb("tweeté", ("tweete", "tweetent")),
    "évoquer": _verb("évoqué", ("évoque", "évoquent")),
    "exiger": _verb("exigé", ("exige", "exigent")),
    "rejeter": _verb("rejeté", ("rejette", "rejettent")),
    "répéter": _verb("répété", ("répète", "répètent"), "répét"),
    # Only with what it was called: "a qualifié la réforme de « nécessaire »".
    "qualifier": _forms("qualifié", ("qualifie", "qualifient")),
    # "La ministre a tenu à rappeler que…": the verb after "tenir à" says what was said.
    "tenir à dire": tuple(
        f"{aux} tenu à {verb}"
        for aux in ("a", "ont", "avait")
        for verb in ("rappeler", "préciser", "souligner", "dire", "affirmer", "saluer")
    ),
    # "L’entourage du ministre s’en défend.": a denial of what was said before.
    "se défendre": tuple(
        f"{pronoun} {form}"
        for pronoun in ("s’en", "s'en")
        for form in ("défend", "défendent", "est défendu", "est défendue", "sont défendus")
    ),
    # "Chacun s’accorde à dire que…", "Les experts s’accordent à dire…"
    "s’accorder à dire": tuple(
        f"s{apostrophe}{form} à dire"
        for apostrophe in ("’", "'")
        for form in ("accorde", "accordent", "est accordé", "sont accordés")
    ),
}

# Verbs that report speech only right after a quotation ("« … », lance-t-il").
_AFTER_QUOTE = (
    *("lancer", "poursuivre", "trancher", "résumer", "ironiser", "glisser", "analyser"),
    *("souffler", "lâcher", "nuancer", "abonder", "renchérir", "sourire"),
    "exprimer",
)

# Titles and role nouns of one sex only, by sex ("journaliste", "ministre" are both).
_MASCULINE = """m. m monsieur directeur président chercheur fondateur sénateur ambassadeur auteur
acteur chanteur réalisateur conseiller infirmier avocat député élu militant représentant
dirigeant patron enseignant étudiant habitant policier préfet écrivain historien prévenu accusé
joueur agriculteur général colonel"""
_FEMININE = """mme mmes mlle madame directrice présidente chercheuse fondatrice sénatrice
ambassadrice autrice actrice chanteuse réalisatrice conseillère infirmière avocate députée élue
militante représentante dirigeante patronne enseignante étudiante habitante policière procureure
préfète écrivaine historienne prévenue accusée joueuse agricultrice générale"""

# The future of narration, after a quotation only ("« … », ajoutera-t-il plus tard"): the stem
# its third persons are built on, by lemma.
_FUTURE_STEMS = {
    "dire": "dir",
    "ajouter": "ajouter",
    "expliquer": "expliquer",
    "préciser": "préciser",
    "confier": "confier",
    "conclure": "conclur",
    "résumer": "résumer",
    "insister": "insister",
    "lancer": "lancer",
    "répondre": "répondr",
    "rétorquer": "rétorquer",
    "reconnaître": "reconnaîtr",
    "affirmer": "affirmer",
    "assurer": "assurer",
    "déclarer": "déclarer",
    "souligner": "souligner",
    "raconter": "raconter",
    "noter": "noter",
    "poursuivre": "poursuivr",
    "commenter": "commenter",
    "concéder": "concéder",
    "admettre": "admettr",
    "écrire": "écrir",
    "avouer": "avouer",
}


def _future(stem: str) -> tuple[str, ...]:
    """Return a future's third persons, plain and inverted ("ajoutera", "ajoutera-t-il")."""
    return (
        *(f"{stem}a", f"{stem}ont"),
        *(f"{stem}a-t-{who}" for who in ("il", "elle", "on")),
        *(f"{stem}ont-{who}" for who in ("ils", "elles")),
    )


_FUTURES = {lemma: _future(stem) for lemma, stem in _FUTURE_STEMS.items()}
for _lemma, _forms_of in _FUTURES.items():
    _VERBS[_lemma] = (*_VERBS[_lemma], *_forms_of)

LEXICON = Lexicon(
    language="fr",
    verb_forms={form: lemma for lemma, forms in _VERBS.items() for form in forms},
    verb_kinds={
        "démentir": "denial",
        "contester": "denial",
        "réfuter": "denial",
        "rejeter": "denial",
        "nier": "denial",
        "se défendre": "denial",
        "accuser": "allegation",
    },
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
            *("confier", "rappeler", "marteler", "conclure", "raconter", "témoigner"),
            *("répondre", "rétorquer", "répliquer", "commenter", "noter", "relever"),
            "détailler",
            *("critiquer", "dénoncer", "déplorer", "regretter", "juger", "reconnaître"),
            *("admettre", "avertir", "prévenir", "insister", "confirmer", "plaider"),
            *("écrire", "fustiger", "réfuter", "répéter", "tweeter"),
            *("condamner", "demander"),
            *_AFTER_QUOTE,
            *("s’indigner", "s’emporter", "s’inquiéter", "se féliciter", "s’exclamer"),
            *("s’étonner", "s’insurger", "s’alarmer", "se réjouir", "se plaindre"),
            *("concéder", "avouer", "constater", "évoquer", "alerter"),
        )
        for form in _VERBS[lemma]
    ),
    after_quote_forms=frozenset(
        (
            *(form for lemma in _AFTER_QUOTE for form in _VERBS[lemma]),
            *(form for forms in _FUTURES.values() for form in forms),
        )
    ),
    source_phrases=("selon", "d’après", "d'après", "de source"),
    passive_patterns=(
        r"\b(?:aurait|auraient) (?:été )?"
        r"(?!(?:aimé|préféré|souhaité|pensé|imaginé|deviné|soupçonné)\b)\w+é(?:e|s|es)?\b",
        # "Le suspect aurait pris la fuite": the conditional of a report (not "aurait pu"; nor
        # "qui aurait cru que…", "on aurait pensé": a thought, a rhetorical question).
        r"\b(?:aurait|auraient) (?:déjà |ainsi |également )?"
        r"(?!pu\b|dû\b|du\b|voulu\b|fallu\b|aimé\b|préféré\b|souhaité\b|cru\b|pensé\b|"
        r"imaginé\b|su\b|deviné\b|soupçonné\b)\w+",
        r"\b(?:selon certaines sources|dit-on|paraît-il)\b",
        # "Le suspect serait arrivé lundi", "ils seraient partis": the conditional of a report,
        # with être (not "ce serait fini", "si elle serait prête").
        # (The lookahead first: the lookbehinds are then tried only where "serait" stands.)
        r"\b(?=serai(?:t|ent) )(?<!\bce )(?<!\bc’)(?<!\bc')(?<!\bcela )(?<!\bça )(?<!\bsi )"
        r"(?:serait|seraient) (?:déjà |ainsi |également |toujours )?"
        r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\b",
        # "Le bilan s’élèverait à dix morts", "il s’agirait d’un accident": a pronominal verb's
        # conditional reports what is said, unconfirmed.
        r"\bs[’']\w{3,}(?:erait|eraient|irait|iraient)\b",
        # "On apprend que…", "on apprenait notamment que…": news learnt from an unnamed source.
        r"\b(?:on apprend|on apprenait|on a appris|apprend-on|apprenait-on)\b",
        r"\bprésumée?s?\b",
    ),
    official_nouns=_words(
        """ministre ministère gouvernement police gendarmerie préfecture préfet parquet procureur
        président présidence autorités porte-parole ambassade armée mairie maire conseil
        commission tribunal justice élysée matignon quai diplomate diplomates"""
    ),
    organisation_nouns=_words(
        """ministère gouvernement police parquet commission conseil tribunal association société
        groupe entreprise syndicat parti agence institut université banque assemblée sénat cnil
        état élysée"""
    ),
    speaker_nouns=_words(
        """ministre ministère gouvernement police autorités porte-parole responsables source
        sources experts témoins habitants avocat avocats procureur enquêteurs syndicat
        syndicats opposition rapport étude communiqué projet loi texte commission
        président députés sénateurs manifestants secours pompiers entourage proche proches
        droite gauche patrons dirigeants élus salariés économistes analystes chercheurs
        scientifiques médecins spécialistes médias presse quotidien journal rédaction ong
        collectif enquête éléments livre ouvrage article tribune pétition lettre
        hebdomadaire mensuel magazine sondage baromètre évaluation évaluations analyse
        analyses diplomate diplomates"""
    ),
    # "le journaliste Rémy Buisine", "la porte-parole", "Selon le chercheur": a role one
    # person holds (feminine forms too: French writes them).
    person_roles=_words(
        """journaliste chercheur chercheuse philosophe sociologue historien historienne
        politologue économiste avocat avocate juge procureur procureure médecin docteur
        infirmier infirmière directeur directrice président présidente ministre maire député
        députée sénateur sénatrice porte-parole conseiller conseillère secrétaire fondateur
        fondatrice patron patronne dirigeant dirigeante responsable représentant représentante
        militant militante syndicaliste témoin victime suspect prévenu prévenue accusé accusée
        auteur autrice écrivain écrivaine réalisateur réalisatrice cinéaste acteur actrice
        chanteur chanteuse artiste entraîneur joueur joueuse capitaine pilote chauffeur
        enseignant enseignante professeur professeure étudiant étudiante habitant habitante
        agriculteur agricultrice commissaire général générale colonel officier policier
        policière gendarme préfet préfète ambassadeur ambassadrice diplomate spécialiste
        expert experte analyste chef cheffe président-directeur fondateur élu élue maire-adjoint
        adjoint adjointe père mère fils fille frère sœur épouse mari veuve veuf femme homme"""
    ),
    # Titles before a name that are not part of it: "M. Macron", "Mme Borne", "Me Dupond".
    person_titles=_words(
        """m mme mlle mmes dr pr me monsieur madame président présidente ministre général
        générale colonel commissaire docteur professeur maître sénateur sénatrice député
        députée juge procureur procureure préfet préfète ambassadeur ambassadrice journaliste
        maire"""
    ),
    leading_noise=_words(
        """et mais alors que qui dont comme puis aussi cependant toutefois lundi mardi mercredi
        jeudi vendredi samedi dimanche hier aujourd’hui notamment encore déjà également"""
    ),
    trailing_noise=_words("a ont avait avaient aurait est sont était ne pas aussi également"),
    # ("selon lui", "d’après eux": the stressed forms after a preposition.)
    pronouns={
        **{"il": "person", "elle": "person", "ils": "group", "elles": "group"},
        **{"lui": "person", "eux": "group"},
        # "Celui-ci conteste les faits": the person just named.
        **{"celui-ci": "person", "celle-ci": "person", "ceux-ci": "group", "celles-ci": "group"},
    },
    determiners=_words("le la les l’ l' un une des du de ce cette ces son sa ses leur leurs"),
    abbreviations=_words("m mm mme mmes dr pr st ste etc av apr env"),
    document_words=(
        *("un communiqué de", "un rapport de", "une source du", "une source de"),
        # "selon les dernières estimations de la WCF": the body whose figures they are.
        *(
            f"{article} {adjective}{noun} de"
            for article in ("les",)
            for adjective in ("", "dernières ", "derniers ", "premières ", "premiers ")
            for noun in ("estimations", "chiffres", "données", "statistiques", "projections")
        ),
    ),
    quantifiers=_words("un une deux trois quatre cinq plusieurs certains beaucoup"),
    possessives=_words("son sa ses leur leurs"),
    complementisers=("que", "qu’", "qu'"),
    gendered={"il": "m", "elle": "f", "lui": "m", "celui-ci": "m", "celle-ci": "f"},
    first_person=_words("je j’ j' nous"),
    same_source_subjects=_words("on"),
    same_source=r"\bde (?:la )?même source\b",
    # "la critique de…", "le rapport": a verb form after these is a noun.
    noun_determiners=_words("le la les un une son sa ses leur leurs cette ces"),
    relatives=("qui",),
    # "comme l’a souligné l’Arcep", "Voici ce que demandent les patrons"
    inversion_leads=("comme", "ce que", "ce qu’", "ce qu'"),
    non_party_starts=_words(
        """en dans pour par sur avec après avant lors selon depuis cependant toutefois ainsi
        enfin puis alors mais donc or aujourd’hui hier demain chez dès au aux à a malgré face
        sous entre contre durant pendant"""
    ),
    right_stops=r"à|au|aux|lors|dans|devant|auprès|sur|en|après|avant|pendant|depuis|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|hier|début|fin|mi",
    opening_phrases=("pour",),
    # "son rapport", "Dans le rapport de l’IGGN, on apprend…": a text that speaks.
    document_nouns=_words(
        """rapport rapports étude études enquête communiqué document documents courrier lettre
        note dossier arrêt jugement ordonnance avis"""
    ),
    gendered_titles={
        **dict.fromkeys(_MASCULINE.split(), "m"),
        **dict.fromkeys(_FEMININE.split(), "f"),
        # (Before a role only: "le journaliste Rémy Buisine", "la ministre".)
        **{"le": "m", "la": "f"},
    },
    definite_articles=_words("le la ce cette"),
    object_clitics=_words("me m’ m' te t’ t' nous vous lui leur le la les l’ l' y en"),
    clause_words=(
        *("que", "qu’", "qu'", "dont", "lorsque", "lorsqu’", "lorsqu'", "puisque", "quand"),
        *("car", "où"),
    ),
    verb_asides=(
        r"pour (?:sa|leur) part|quant à (?:lui|elle|eux|elles)|de (?:son|leur) côté|"
        r"à (?:son|leur) tour|(?:lui|elle|eux|elles) aussi|d[’']ailleurs|de nouveau|"
        r"aussi|également|encore|alors|même|enfin"
    ),
    guillemets=True,
    media_nouns=_words(
        """journal quotidien hebdomadaire mensuel magazine revue chaîne radio station agence
        site média émission"""
    ),
    viewpoint_patterns=(
        r"\b[ÀA] en croire (?P<party>[^,;:“”\"«»]{2,50})",
        r"\b[ÀA] (?P<party>l[’']|les )en croire\b",
        r"\b[Aa]ux yeux (?:de |d’|d')(?P<party>[^,;:“”\"«»]{2,50})",
    ),
    # "— Jeanne Martin (@jmartin) 25 septembre 2018" under an embedded tweet.
    tweet_date=r"(?:le\s+)?\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}",
)
