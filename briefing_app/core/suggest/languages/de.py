"""German reporting verbs, attribution phrases and party nouns (the common news frames)."""

from __future__ import annotations

from briefing_app.core.suggest.languages import Lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# lemma -> inflected forms (present, simple past, subjunctive of reported speech).
_VERBS: dict[str, tuple[str, ...]] = {
    "sagen": ("sagte", "sagten", "sagt", "sagen", "hat gesagt", "haben gesagt", "gesagt hat"),
    "erklären": ("erklärte", "erklärten", "erklärt", "hat erklärt", "erklären"),
    "betonen": ("betonte", "betonten", "betont", "betonen"),
    "mitteilen": (
        *("teilte mit", "teilten mit", "teilt mit", "hat mitgeteilt", "mitteilte"),
        *("mitteilten", "mitgeteilt hat", "teilte", "teilten", "teilt"),
    ),
    "berichten": ("berichtete", "berichteten", "berichtet", "berichten"),
    "sprechen": ("sprach", "sprachen", "spricht"),
    "fügen hinzu": ("fügte hinzu", "fügten hinzu", "ergänzte", "ergänzten", "fügte", "fügten"),
    "warnen": ("warnte", "warnten", "warnt", "warnen"),
    "kritisieren": ("kritisierte", "kritisierten", "kritisiert", "kritisieren"),
    "fordern": ("forderte", "forderten", "fordert", "fordern"),
    "bestätigen": ("bestätigte", "bestätigten", "bestätigt", "bestätigen"),
    "dementieren": ("dementierte", "dementierten", "dementiert"),
    "bestreiten": ("bestritt", "bestritten", "bestreitet", "bestreiten"),
    "vorwerfen": ("warf vor", "warfen vor", "wirft vor", "warf", "warfen", "vorwarf"),
    "behaupten": ("behauptete", "behaupteten", "behauptet", "behaupten"),
    "ankündigen": (
        *("kündigte an", "kündigten an", "kündigt an", "kündigte", "kündigten", "ankündigte"),
    ),
    "einräumen": ("räumte ein", "räumten ein", "räumt ein", "räumte", "räumten", "einräumte"),
    "zurückweisen": (
        *("wies zurück", "wiesen zurück", "weist zurück", "wies", "wiesen", "weist", "weisen"),
    ),
    "abstreiten": ("stritt ab", "stritten ab", "streitet ab", "stritt", "stritten", "streitet"),
    "bekanntgeben": ("gab bekannt", "gaben bekannt", "gibt bekannt", "gab", "gaben", "gibt"),
    "hindeuten": ("deutet", "deuten", "deutete", "deuteten"),
    # "ließ der König seinen Sohn wissen", "lässt über seinen Anwalt mitteilen, dass …".
    "wissen lassen": ("ließ", "ließen", "lässt", "lassen"),
    "lauten": ("lautet", "lautete", "lauteten"),
    "bemerken": ("bemerkte", "bemerkten", "bemerkt"),
    "beteuern": ("beteuerte", "beteuerten", "beteuert"),
    "argumentieren": ("argumentierte", "argumentierten", "argumentiert"),
    "verraten": ("verriet", "verrieten", "verrät"),
    "äußern": ("äußerte", "äußerten", "äußert"),
    "bilanzieren": ("bilanzierte", "bilanzierten", "bilanziert"),
    "twittern": ("twitterte", "twitterten", "twittert"),
    # Separable, their particle ending the clause: "wies darauf hin, dass", "gab zu, dass",
    # "wandte ein, dass".
    "hinweisen": ("wies hin", "wiesen hin", "weist hin"),
    "zugeben": ("gab zu", "gaben zu", "gibt zu"),
    "einwenden": ("wandte ein", "wandten ein", "wendet ein", "wandte", "wandten", "wendet"),
    "angeben": ("gab an", "gaben an", "gibt an", "angab", "angaben"),
    "zeigen": ("zeigt", "zeigte", "zeigen", "zeigten"),
    # Findings: "Die Umfrage ergab, dass …" (only with what was found: "ergab 10 Punkte").
    "ergeben": ("ergab", "ergaben", "ergibt"),
    # Only as an aside after what is thought (parenthetical_forms): "…, glaubt Stenger."
    # Only a forecast of a figure: "Für 2020 rechnet Lyft mit einem Umsatzplus von 60 Prozent".
    "rechnen mit": ("rechnet", "rechnete", "rechnen", "rechneten"),
    # Only an estimate of a figure: "Lobbycontrol schätzt den Wert auf 600.000 Euro".
    "schätzen": ("schätzt", "schätzte", "schätzen", "schätzten"),
    "glauben": ("glaubt", "glauben", "glaubte", "glaubten"),
    "vermuten": ("vermutet", "vermuten", "vermutete", "vermuteten"),
    "schließen": (
        *("kommt zu dem Schluss", "kam zu dem Schluss", "kommt zum Schluss", "kam zum Schluss"),
        *("kommt zu dem Ergebnis", "kam zu dem Ergebnis", "kommt zum Ergebnis"),
        *("kam zum Ergebnis", "kommen zu dem Schluss", "kommen zu dem Ergebnis"),
    ),
    # Reflexive: "„…“, empörte sich der Fraktionschef", "beschwerte sich über …".
    "empören": ("empörte sich", "empörten sich", "empört sich"),
    "beschweren": ("beschwerte sich", "beschwerten sich", "beschwert sich"),
    "erläutern": ("erläuterte", "erläuterten", "erläutert"),
    "unterstreichen": ("unterstrich", "unterstrichen", "unterstreicht"),
    "versichern": ("versicherte", "versicherten", "versichert"),
    "beklagen": ("beklagte", "beklagten", "beklagt"),
    "verweisen": ("verwies auf", "verwiesen auf", "verweist auf"),
    "zitieren": ("zitiert", "zitierte"),
    "erzählen": ("erzählte", "erzählten", "erzählt"),
    "antworten": (
        "antwortete",
        "antworteten",
        "antwortet",
        "entgegnete",
        "entgegneten",
        "entgegnet",
    ),
    "bekräftigen": ("bekräftigte", "bekräftigten", "bekräftigt"),
    "monieren": ("monierte", "monierten", "moniert", "bemängelte", "bemängelten", "bemängelt"),
    "schreiben": ("schrieb", "schrieben", "schreibt"),
    "meinen": ("meinte", "meinten", "meint"),
    "mahnen": ("mahnte", "mahnten", "mahnt", "appellierte", "appellierten", "appelliert"),
    "verlangen": ("verlangte", "verlangten"),
    "loben": ("lobte", "lobten", "lobt"),
    "erwidern": ("erwiderte", "erwiderten", "konterte", "konterten", "widersprach"),
    # ("kommentiert" only before what was said: "Er kommentiert: „…“", not "wird kommentiert".)
    "kommentieren": ("kommentierte", "kommentierten", "kommentiert"),
    "verkünden": ("verkündete", "verkündeten"),
    "prognostizieren": ("prognostizierte", "prognostizierten", "prognostiziert", "prognostizieren"),
    "gestehen": ("gestand", "gestanden", "gesteht"),
    # Only with what it was called: "bezeichnete die Reform als notwendig".
    "bezeichnen": ("bezeichnete", "bezeichneten", "bezeichnet"),
    # Right after the verb only (their particle may stand at the clause's end otherwise).
    "klarstellen": ("stellte klar", "stellten klar", "stellt klar", "stellte fest", "stellt fest"),
    "erinnern": ("erinnerte daran", "erinnerten daran", "erinnert daran"),
    "Kritik üben": tuple(
        f"{verb} {how}Kritik"
        for verb in ("übte", "übten", "übt")
        for how in ("", "scharfe ", "heftige ", "deutliche ")
    ),
    # (Not "verlangt", "kommentiert": the participle of a passive, "wird … verlangt".)
    # Separable: only with the particle ending the clause ("hob … hervor", "machte … deutlich").
    "hervorheben": ("hob hervor", "hoben hervor", "hob", "hoben", "hervorhob"),
    "deutlich machen": ("machte deutlich", "machten deutlich", "machte", "machten"),
}

# Texts that speak for their authors.
_DOCUMENTS = (
    r"(?:Mitteilung|Pressemitteilung|Erklärung|Stellungnahme|Bericht|Brief|Schreiben|Mail|"
    r"E-Mail|Studie|Gutachten|Sondergutachten|Papier|Dokument|Urteil|Begründung|Version|"
    r"Geschichte|Verordnung|Antwort)"
)

# Forms that stand only at the end of a subordinate clause ("wie die Polizei mitteilte").
_CLAUSE_FINAL = _words(
    "mitteilte mitteilten mitgeteilt ankündigte einräumte vorwarf hervorhob angab angaben"
)

# "nach Angaben der Polizei", "nach Ansicht von Experten": whose account or view it is.
_VIEW_NOUNS = (
    *("Angaben", "Ansicht", "Einschätzung", "Auffassung", "Meinung", "Aussage", "Aussagen"),
    *("Darstellung", "Informationen", "Worten"),
)

# "Regelmäßig", "Sinngemäß", "Normalerweise": adverbs by their ending.
_ADVERB_ENDINGS = ("mäßig", "gemäß", "weise")

LEXICON = Lexicon(
    language="de",
    verb_forms={form: lemma for lemma, forms in _VERBS.items() for form in forms},
    verb_kinds={
        "dementieren": "denial",
        "bestreiten": "denial",
        "abstreiten": "denial",
        "zurückweisen": "denial",
        "vorwerfen": "allegation",
        "behaupten": "allegation",
    },
    # Verb-second: any finite reporting verb after what was said puts its subject after it
    # ("…, berichtet de Decker", "…, schrieben die Prüfer"); not the forms that end a
    # subordinate clause ("wie die Polizei mitteilte") nor "bezeichnete … als".
    inverting_forms=frozenset(
        form
        for lemma, forms in _VERBS.items()
        for form in forms
        if (" " not in form or form.endswith(" sich"))
        and form not in _CLAUSE_FINAL
        and lemma != "bezeichnen"
    ),
    # A verb whose particle ends the clause: "…, teilte die Polizei mit."
    separable={
        **dict.fromkeys(("teilte", "teilten", "teilt"), "mit"),
        **dict.fromkeys(("fügte", "fügten"), "hinzu"),
        **dict.fromkeys(("warf", "warfen"), "vor"),
        **dict.fromkeys(("kündigte", "kündigten"), "an"),
        **dict.fromkeys(("räumte", "räumten"), "ein"),
        **dict.fromkeys(("wies", "wiesen", "weist"), "zurück|darauf hin|hin"),
        "weisen": "zurück",
        **dict.fromkeys(("wandte", "wandten", "wendet"), "ein"),
        **dict.fromkeys(("stritt", "stritten", "streitet"), "ab"),
        **dict.fromkeys(("gab", "gaben", "gibt"), "bekannt|zu"),
        **dict.fromkeys(("deutet", "deuten", "deutete", "deuteten"), "hin"),
        **dict.fromkeys(("ließ", "ließen", "lässt", "lassen"), "wissen|mitteilen|ausrichten"),
        **dict.fromkeys(("hob", "hoben"), "hervor"),
        **dict.fromkeys(("machte", "machten"), "deutlich"),
    },
    unsaying_particles={
        **dict.fromkeys(("sagt", "sagte", "sagten", "sagen", "sage"), "ab"),
        **dict.fromkeys(("fordert", "forderte", "forderten", "fordern"), "heraus"),
    },
    after_quote_forms=frozenset(),
    source_phrases=(
        "laut",
        *(
            f"nach {what} {of}"
            for what in _VIEW_NOUNS
            for of in ("von", "vom", "der", "des", "eines", "einer")
        ),
        ", so",
    ),
    # "Dem Minister zufolge kommt die Reform": the party stands before the word.
    postpositions=("zufolge",),
    passive_patterns=(
        # "Er soll geflohen sein", "soll … gesagt haben": what someone reportedly did (not
        # "soll ab Juni erhältlich sein", a plan).
        r"\bsoll(?:en)?\s+[^.,;]{0,80}\b[a-zäöüß]+(?:t|en)\s+(?:sein|haben|worden)\b",
        # (Not "vermutlich", "presumably": the author's own guess.)
        r"\b(?:angeblich|mutmaßlich|Berichten zufolge)\b",
        # "Ihm wird ein Hang zum Streit nachgesagt": what is said of someone, by no one named.
        r"\bnachgesagt\b",
        # "…, hieß es aus Polizeikreisen", "Wie es heißt, …": a report whose source goes
        # unnamed.
        r"\b(?:hieß|heißt) es\b",
        r"(?:^|,\s*)(?:[Ww]ie )?[Ee]s (?:hieß|heißt)\s*,",
        # "…, als es hieß, er habe …": a rumour reported, by no one named.
        r"\b(?:als|wo|weil|nachdem) es (?:hieß|heißt)\s*,",
        # Research findings, by no one named: "In einem Experiment wurde herausgefunden, dass
        # …", "Bei Erwachsenen lässt sich nachweisen, dass …".
        r"\b(?:wurde|wurden|wird|werden|konnte|konnten)\s+(?:[^.,;:]{0,60}\s)?"
        r"(?:herausgefunden|ermittelt|nachgewiesen|festgestellt|gezeigt)"
        r"(?:\s+werden)?\s*,\s*dass\b",
        r"\b(?:lässt|ließ) sich\s+(?:[^.,;:]{0,40}\s)?(?:nachweisen|zeigen|belegen)\s*,\s*dass\b",
        r"\b(?:Nachweis|Beweis|Beleg) erbracht\s*,\s*dass\b",
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
        unternehmen hersteller kritiker forscher gewerkschaft verband partei opposition
        erklärung stellungnahme schreiben schrift brief mail version geschichte gutachten
        verordnung antwort abmahnung unterlagen dokumente akten daten anwälte juristen
        ökonomen ärzte ärztinnen politiker beamte mitarbeiter
        bürger einwohner demonstranten aktivisten lehrer eltern nutzer ermittler fachleute
        wissenschaftler analysten beobachter untersuchung untersuchungen umfrage umfragen
        analyse auswertung messung messungen experiment experimente befragung"""
    ),
    leading_noise=_words("und aber doch denn als wie dass auch am heute gestern zudem noch"),
    trailing_noise=_words("hat haben hatte hatten ist sind war waren auch noch nicht"),
    # ("Ihm zufolge", "laut ihnen": the dative after a preposition.)
    pronouns={
        **{"er": "person", "sie": "group", "es": "organisation"},
        **{"ihm": "person", "ihnen": "group"},
    },
    determiners=_words(
        "der die das den dem des ein eine einer eines einem einen sein seine ihr ihre"
        " dieser diese dieses diesem diesen"
    ),
    # (And an ordinal number: "am 30. März", "im 17. Jahrhundert" end no sentence.)
    # Fronted adverbs and prepositions a verb-second sentence opens with: never a party
    # ("Nun zieht auch die Busbranche nach", "Bei Fahrten in die Heimat sitze er …").
    non_party_starts=_words(
        """auf bei beim mit um nun dazu darüber daher deshalb dann danach dort hier heute
        gestern morgen jetzt zudem außerdem in im am an aus für gegen ohne nach seit
        während wegen trotz über unter zwischen durch bis ab zu zum zur vom als wenn wie so da
        damit ob dass was warum wer erst zuerst zunächst schließlich später zuvor inzwischen
        mittlerweile zuletzt ebenso allerdings jedoch trotzdem dennoch immerhin vielleicht
        offenbar also man ich wir du wenige ende anfang mitte überhaupt zwar freilich
        natürlich tatsächlich eigentlich ohnehin bislang bisher stattdessen dabei darin davon
        dafür dagegen deswegen somit sonst kaum fast etwa sogar nur nicht kein keine welche
        welcher welches wann weshalb wieso
        neben hinter gegenüber anlässlich angesichts aufgrund dank gemäß infolge innerhalb
        außerhalb seitens statt anstatt ungeachtet entgegen mangels binnen jenseits abseits
        seither seitdem"""
    ),
    unlabelled_answers=True,
    adverb_endings=_ADVERB_ENDINGS,
    media_nouns=_words(
        """zeitung tageszeitung wochenzeitung boulevardzeitung blatt boulevardblatt zeitschrift
        magazin nachrichtenmagazin sender fernsehsender radiosender rundfunk nachrichtenagentur
        agentur portal nachrichtenportal onlineportal website sendung"""
    ),
    document_nouns=_words(
        """mitteilung pressemitteilung erklärung stellungnahme bericht brief schreiben mail
        e-mail studie gutachten papier dokument urteil begründung version antwort verordnung
        schrift nachricht abmahnung"""
    ),
    person_titles=_words("herr herrn frau dr prof professor professorin"),
    title_suffixes=(
        *("chef", "chefin", "minister", "ministerin", "leiter", "leiterin", "sprecher"),
        *("sprecherin", "manager", "managerin", "anwalt", "anwältin", "rechtler"),
        *("rechtlerin", "vorsitzende", "vorsitzender", "präsident", "präsidentin"),
        *("direktor", "direktorin", "experte", "expertin", "geschäftsführer"),
        *("geschäftsführerin", "politiker", "politikerin", "redakteur", "redakteurin"),
        *("reporter", "reporterin", "forscher", "forscherin", "dokumentar", "berater"),
        *("beraterin", "ökonom", "ökonomin", "wissenschaftler", "wissenschaftlerin"),
        *("kandidat", "kandidatin", "gründer", "gründerin", "bürgermeister"),
        *("bürgermeisterin", "abgeordnete", "abgeordneter", "kanzler", "kanzlerin"),
        *("sekretär", "sekretärin", "kommissar", "kommissarin", "trainer", "trainerin"),
    ),
    abbreviations=_words("dr prof bzw usw z.b d.h ca nr st hr fr vgl")
    | frozenset(str(n) for n in range(1, 100)),
    quantifiers=_words("ein eine zwei drei mehrere einige viele"),
    possessives=_words("sein seine ihr ihre"),
    complementisers=("dass",),
    nouns_capitalised=True,
    first_person=_words("ich wir"),
    parenthetical_forms=_words(
        "glaubt glauben glaubte glaubten vermutet vermuten vermutete vermuteten"
    ),
    right_stops=r"am|im|auf|bei|gegenüber|in|vor|nach|mit|weiter|zufolge|zudem|noch|dazu|der|dem",
    party_stops=r"hat|hatte|haben|hatten|ist|war|sind|waren|wird|wurde|werden|bereits|schon|am|im",
    reported_forms=_words(
        "sei seien habe werde könne müsse solle wolle dürfe gebe stehe gehe komme liege bleibe"
        " wisse brauche befinde gelte fehle handle handele heiße zeige lasse halte sehe mache"
        " trage führe bringe finde nehme erhalte entstehe bestehe biete setze arbeite plane"
        " sitze zwinge nutze bedeute erwarte rechne lohne reiche spiele treffe verliere"
        " gewinne zahle kenne möge verfüge sorge gehöre hänge schaffe suche wachse sinke"
        " steige koste erreiche verlange lehne prüfe"
        # (Common verbs of a court's or an authority's reasons: "fördere den Absatz", "diene".)
        " fördere agiere beantworte ergänze diene betreffe fordere ändere erlaube verstoße"
        " widerspreche entspreche verhindere ermögliche schade helfe"
    ),
    # (Plural only: there Konjunktiv I looks like the indicative, "sie hätten" for "sie haben".)
    standin_forms=_words("hätten würden könnten müssten dürften"),
    # When, where and to whom, between a verb and what was said: "bestätigte auf Anfrage,
    # dass …", "sagte am Rande des Gipfels, man werde …" (the comma before the content too).
    setting_words=(
        r"(?:auf (?:Anfrage|Nachfrage)|am (?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
        r"Samstag|Sonntag|Wochenende|Abend|Morgen|Rande (?:de[rs] )?[\wäöüß-]+)|"
        r"gegenüber (?:der|dem|den) (?:[\wäöüß„“-]+ ){0,2}?[\wäöüß„“-]+|"
        r"(?:im|in einem) (?:Interview|Gespräch)(?: mit (?:der|dem) [\wäöüß„“-]+)?|"
        r"in (?:einer|einem|der|seiner|ihrer) (?:Erklärung|Mitteilung|Stellungnahme|Rede|"
        r"Pressekonferenz)|unter Berufung auf (?:[\wäöüß„“-]+ ){0,3}?[\wäöüß„“-]+|"
        r"bereits|zudem|außerdem|erneut|jedoch|nun|heute|gestern)"
        r"(?:\s*,)?"
    ),
    # "…, sagt uns die Quelle", "Dies erklärte bereits 2017 der Kassenwart": a listener's
    # pronoun and adverbs of time between an inverted verb and its subject.
    verb_subject_fillers=(
        r"uns|mir|ihm|ihr|ihnen|später|auch|dann|nun|jetzt|bereits|schon|zudem|außerdem|"
        r"ebenfalls|damals|gestern|heute|(?:19|20)\d\d"
    ),
    fronted=(
        # "Erst gestern verkündete die Ministerin …": a particle before the fronted phrase.
        r"(?:(?:erst|schon|bereits|gerade)\s+)?(?:"
        # (Not a focus particle before the subject: "Vor allem die Opposition kritisierte".)
        # "Vom „größten Projekt“ sprach der Minister": what was spoken of, quotes and all.
        r"(?:vom|von)\s+[^,;:]{1,100}|das|dies|"
        r"(?!vor allem|allen voran)(?:(?:am|im|an|auf|bei|beim|gegenüber|nach|vor|in|mit|zum|zur|"
        r"seit|bis|während|wegen|für|"
        # (A quoted name inside it: "Gegenüber dem „Spiegel“ sagte die Ministerin".)
        r"trotz|über|unter)\s+(?:[^,;:„“”\"]|„[^,;:„“”\"]{1,30}“){1,40}|dazu|später|zuvor|zudem|"
        r"außerdem|daher|"
        r"deshalb|dennoch|jedoch|heute|gestern|morgen|damals|inzwischen|mittlerweile|zuletzt|"
        r"nun|jetzt|dort|darauf|darüber|dabei|danach|anschließend|ebenso|auch|dann|schließlich|"
        r"zunächst|bald|hier|bislang|bisher|trotzdem|allerdings|immerhin|tatsächlich|offenbar|"
        # An adverb by its ending: "Regelmäßig", "Sinngemäß", "Normalerweise".
        r"[a-zäöüß]{2,}(?:" + "|".join(_ADVERB_ENDINGS) + r")|"
        # "Das sagt Lutz S. selbst", "Dies bestätigte die Polizei": a fronted object pronoun.
        r"das|dies|so))"
    ),
    viewpoint_patterns=(
        # "In einem Experiment an der Universität Mainz wurde herausgefunden, dass …": the
        # research that found it.
        r"\b[Ii]n (?:einem|einer|der|dem|diesem|dieser) (?P<party>(?:[a-zäöüß-]+ )?"
        r"(?=[A-ZÄÖÜ])[\wäöüß-]*?(?:[Ee]xperiment|[Ss]tudie|[Uu]ntersuchung|[Pp]rojekt|[Aa]nalyse|"
        r"[Uu]mfrage|[Bb]efragung|[Aa]uswertung|[Ff]orschung|[Vv]ersuch|[Ww]issenschaft|ik|"
        r"ologie)(?: (?:an|der|des|von|vom|am) [^,;:„“”\"]{1,40}?)?) "
        r"(?:wurde|wurden|konnte|konnten)\s+(?:[^.,;:]{0,60}\s)?(?:herausgefunden|ermittelt|"
        r"nachgewiesen|festgestellt|gezeigt|der Nachweis erbracht)\b",
        # "In einer Mitteilung des Ministeriums heißt es, …": the author of the document.
        r"\b[Ii]n (?:einer|der|einem|dem|seiner|ihrer) (?:[\wäöüß-]+ )?(?:Mitteilung|"
        r"Pressemitteilung|Erklärung|Stellungnahme|Bericht|Brief|Schreiben|Begründung) "
        r"(?:des|der|von) (?P<party>[^,;:“”\"„]{2,50}?) (?:heißt|hieß) es\b",
        r"\b[Aa]us Sicht (?:der |des |von )(?P<party>[^,;:“”\"„]{2,50}?)(?=\s+[a-zäöüß]|[,;:]|$)",
        # "Wie aus einem Bericht des Ministeriums hervorgeht, …", "Das geht aus einer Antwort
        # der Regierung hervor": what a document shows.
        r"\b[Ww]ie aus (?P<party>(?:der|dem|den|einer|einem|internen|\w+en) [^,;:„“”\"]{1,60}?) "
        r"hervorgeht\b",
        r"\b(?:geht|ging|gehen|gingen) (?:\w+ ){0,2}?aus (?P<party>(?:der|dem|den|einer|einem) "
        r"[^,;:„“”\"]{1,60}?) hervor\b",
        r"^(?:Auch |Doch |Aber )?[Ff]ür (?:den |die )?"
        r"(?P<party>(?:[A-ZÄÖÜ][\wäöüß.-]+ ){1,3}[A-ZÄÖÜ][\wäöüß.-]+) "
        r"(?:ist|sind|war|waren|bleibt|bleiben|steht|stand) (?:das|dies|es|die|der|klar|"
        r"eindeutig|offensichtlich)\b",
        # "In dieser Version der Mail stand, dass …", "So steht es in der Studie", "…, wird in
        # der Mitteilung betont": what a document says, the document the party.
        r"\b[Ii]n (?P<party>(?:der|dem|einer|einem|dieser|diesem|seiner|ihrer|seinem|ihrem) "
        r"(?:[\wäöüß-]+ ){0,2}?" + _DOCUMENTS + r"(?: (?:der|des) [^,;:“”\"„]{1,40}?)?) "
        r"(?:steht|stand)\b",
        r"\b(?:[Ss]teht|stand|heißt|hieß) es (?:\w+ ){0,2}in (?P<party>(?:der|dem|einer|einem|"
        r"dieser|diesem) (?:[\wäöüß-]+ )?" + _DOCUMENTS + r")\b",
        r"\b(?:wird|wurde) in (?P<party>(?:der|dem|einer|einem) (?:[\wäöüß-]+ )?"
        + _DOCUMENTS
        + r") (?:betont|erklärt|gefordert|kritisiert|festgestellt|bemängelt|hervorgehoben|"
        r"gewarnt)\b",
    ),
    # "— Peter Muster (@pmuster) 25. September 2018" under an embedded tweet.
    tweet_date=r"\d{1,2}\.\s+[A-ZÄÖÜ][a-zäöü]+\.?\s+\d{4}",
)
