"""German attribution frames of the fifth tune batch's classes (issue 21): verb-second order with
the speaker after any reporting verb, "Das sagt X" pointing back, Konjunktiv I going on with the
speaker, parties written with their role, and what is no statement. The sentences are ours."""

from __future__ import annotations

import pytest

from briefing_app.core.suggest import suggest_claims
from briefing_app.core.suggest.attribution import find_attributions, guard_audit
from briefing_app.core.suggest.languages import lexicon_for
from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # Any finite reporting verb after what was said puts its subject after it.
        (
            "Um pünktlich zu sein, müsse er früh aufstehen, berichtet Peter Maier.",
            "Peter Maier",
        ),
        (
            "Mit dem Fonds sei wenig erreicht worden, schrieben die Kontrolleure in einem Bericht.",
            "die Kontrolleure",
        ),
        ("Der Markt werde weiter wachsen, prognostizieren Fachleute.", "Fachleute"),
        # A listener's pronoun or an adverb of time between the verb and its subject.
        ("„Das macht Peter Maier.“ sagt uns die Quelle.", "die Quelle"),
        ("Die Miete sei zu hoch, sagte ihm später eine Nachbarin.", "eine Nachbarin"),
        # After "ein Anwalt", "der Kanzlei …" is the genitive; after a name, the listener.
        ("„Das ist falsch“, sagte Lucke der Zeitung.", "Lucke"),
        # "Vom … sprach X": what was spoken of opens the sentence, quotes and all.
        ("Vom größten Problem seit Jahren spricht der Manager eines Konkurrenten.", "der Manager"),
        # An ordinal ends no sentence: "am 30. März".
        ("Am 30. März sagte die Ministerin, die Reform komme im Herbst.", "die Ministerin"),
    ],
)
def test_german_verb_second_names_the_subject_after_the_verb(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


def test_a_genitive_after_a_common_noun_stays_with_the_party() -> None:
    suggested = parties("„Das ist falsch“, schreibt ein Anwalt der Kanzlei Meier.", "de")
    assert len(suggested) == 1 and "Kanzlei Meier" in suggested[0]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Das bestätigt Peter Maier später in einer Mail.", "Peter Maier"),
        ("Das bestätigt uns später auch Anna Berg selbst.", "Anna Berg"),
        # A description, its genitive, then the person's name between commas.
        (
            "Dies bestätigte bereits 2019 der frühere Schatzmeister der Partei, Klaus Berg, "
            "in einem Brief.",
            "Klaus Berg",
        ),
    ],
)
def test_das_sagt_x_points_back_and_is_a_statement_of_x(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


@pytest.mark.parametrize(
    "text",
    [
        # When and where someone answered, but nothing said.
        "Am Dienstag antwortete Peter Maier in einer langen Mail.",
        # Talking with someone is no statement.
        "Schließlich spricht er mit Peter Maier über den Plan.",
    ],
)
def test_german_verbs_with_nothing_said_report_nothing(text: str) -> None:
    assert found(text, "de") == []


def test_what_is_said_of_someone_is_an_unnamed_attribution() -> None:
    assert parties("Ihr wird ein Hang zur Sturheit nachgesagt.", "de") == [""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # The person, not where they belong.
        (
            "„Das stimmt“, meint Anna Berg von der Verbraucherzentrale, „aber nicht ganz.“",
            "Anna Berg",
        ),
        # The body whose aim or demand it is.
        ("Die Preise sollen sinken, so das Ziel der Initiative.", "Initiative"),
        # An article of no genitive opens the clause's next phrase: "laut dem Amt den Bau".
        ("Seit 2000 hat die Stadt laut dem Rechnungshof den Bau gefördert.", "dem Rechnungshof"),
        # A surname's particle in lower case.
        ("Die Miete sei gestiegen, berichtet van Dijk.", "van Dijk"),
        # An adverb, a dash or a clause of the speaker's own after the inverted subject.
        ("Dazu könne er nichts sagen, meint Peter Maier knapp.", "Peter Maier"),
        ("Das sei kaum zu erklären, warnt Peter Maier - zumal die Preise sinken.", "Peter Maier"),
        ("„Das ist falsch“, sagt Peter Maier und verlässt den Saal.", "Peter Maier"),
        # After a fronted adverb, the subject follows the verb, also for a verb coordinated
        # with it.
        ("Nun zieht auch die Taxibranche nach und fordert niedrigere Steuern.", "die Taxibranche"),
    ],
)
def test_german_parties_name_the_speaker(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


def test_a_title_before_a_german_name_stays_and_a_later_surname_is_the_full_name() -> None:
    text = (
        "Die Quote liege bei 80 Prozent, sagt Geschäftsführerin Clara Wendt. "
        "„Wir sparen Wasser“, sagt Wendt."
    )
    assert parties(text, "de") == ["Geschäftsführerin Clara Wendt", "Clara Wendt"]


@pytest.mark.parametrize(
    "text",
    [
        # The author's turn of phrase.
        "Man könnte boshaft sagen, dass der Plan zu gut klingt.",
        # A fronted phrase is no party: the sentence reports nothing.
        "Bei Reisen nach Hamburg nimmt er immer den Nachtzug.",
    ],
)
def test_german_turns_of_phrase_report_nothing(text: str) -> None:
    assert found(text, "de") == []


def test_konjunktiv_i_of_any_verb_goes_on_with_the_speaker() -> None:
    text = (
        "„Das Interesse wächst“, sagte Gaby Berger der Zeitung. "
        "Auch ein Newsletter befinde sich in Planung."
    )
    assert parties(text, "de") == ["Gaby Berger", "Gaby Berger"]


def test_a_plural_konjunktiv_ii_goes_on_only_after_reported_speech() -> None:
    reported = (
        "Mit dem Fonds sei wenig entstanden, schrieben die Kontrolleure. "
        "An Verbindungen hätten die Staaten kein Interesse."
    )
    assert parties(reported, "de") == ["die Kontrolleure", "die Kontrolleure"]
    # After a direct quotation, the author's own reckoning.
    direct = (
        "„Dann muss die Partei zahlen“, sagte Ulrich Berg. "
        "Insgesamt würden also zwei Millionen Euro fällig."
    )
    assert parties(direct, "de") == ["Ulrich Berg"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Und in dieser Version des Vertrags stand, dass sie nie dort war.",
            "dieser Version des Vertrags",
        ),
        ("So steht es zumindest in der Studie.", "der Studie"),
        ("Es gehe nicht nur um Geld, wird in der Mitteilung betont.", "der Mitteilung"),
    ],
)
def test_what_a_german_document_says_is_the_documents(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


def test_german_guillemets_open_with_the_right_pointing_mark() -> None:
    text = (
        "Die Bienen sind fleißig. »Das hält warm«, kommentierte ein Imker. "
        "Die Nachbarn lachen nicht."
    )
    assert found(text, "de") == [("ein Imker", "»Das hält warm«")]
    # A quotation of two sentences is one statement, the next sentence another's voice.
    text = "Der Chef sagt: »Wir glauben nichts. Gar nichts.« Zuständig ist Anna Berg."
    assert [quote for _, quote in found(text, "de")] == ["»Wir glauben nichts. Gar nichts.«"]


def test_a_german_quotation_on_its_own_goes_on_with_the_speaker() -> None:
    text = "„Die Reform kommt“, sagte Anna Berg. „Sie kommt im Herbst.“ »Und sie wird teuer.«"
    assert parties(text, "de") == ["Anna Berg"] * 3


def test_french_guillemets_still_close_with_the_right_pointing_mark() -> None:
    text = "« C’est une bonne décision. La peine est juste », affirme Jean Dupont. Il part."
    assert parties(text, "fr") == ["Jean Dupont"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # Separable verbs with their particle at the clause's end.
        (
            "Der Vorsitzende des Vereins stritt ab, die Partei informiert zu haben.",
            "Der Vorsitzende des Vereins",
        ),
        ("Bis heute streitet der Verein eine Verbindung zur Partei ab.", "der Verein"),
        ("Die Firma gab am Montag ihre Zahlen bekannt.", "Die Firma"),
        (
            "Interne Dokumente deuten darauf hin, dass die Partei Bescheid wusste.",
            "Interne Dokumente",
        ),
        ("»Sei pünktlich«, ließ die Mutter ihren Sohn wissen.", "die Mutter"),
        (
            "Peter Maier lässt über seinen Anwalt mitteilen, dass er den Verein nicht kenne.",
            "Peter Maier",
        ),
        # Present plural forms.
        (
            "Die beteiligten Politiker bestreiten, dass es sich so abgespielt hat.",
            "Die beteiligten Politiker",
        ),
        # "Sowohl X als auch Y": both.
        (
            "Sowohl Anna Berg als auch Peter Maier weisen die Darstellung zurück.",
            "Anna Berg und Peter Maier",
        ),
        # "»…«, lautet X": after a quotation only.
        ("»Wer rastet, der rostet«, lautet ein altes Sprichwort.", "ein altes Sprichwort"),
    ],
)
def test_more_german_reporting_verbs(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Die Frage lautet, wer das bezahlt.",
        "Er lässt das Auto vor dem Haus stehen.",
        "Es gibt keine Hinweise auf einen Anschlag.",
    ],
)
def test_german_lookalikes_of_the_new_verbs_report_nothing(text: str) -> None:
    assert found(text, "de") == []


def test_a_german_denial_is_a_denial() -> None:
    suggestions = suggest_claims(
        "Der Verein stritt ab, die Partei informiert zu haben.", language="de"
    )
    assert [s.kind for s in suggestions] == ["denial"]


_INTERVIEW = """Von Anna Berg
Herr Maier, Sie planen ein neues Angebot. Was kostet es?
Peter Maier: Das sagen wir noch nicht. Es wird aber billiger als alles andere.
Wann geht es los?
Im Frühjahr, wenn die Tests laufen.
Wir rechnen mit vielen Kunden.
Und die Konkurrenz?
Die beobachten wir genau.
"""


def test_an_interview_labelling_only_its_first_answer_gives_every_answer_to_that_speaker() -> None:
    suggested = found(_INTERVIEW, "de")
    assert [party for party, _ in suggested] == ["Peter Maier"] * 3
    assert suggested[0][1].startswith("Das sagen wir noch nicht")
    # An answer goes on over its paragraphs until the next question.
    assert suggested[1][1] == "Im Frühjahr, wenn die Tests laufen.\nWir rechnen mit vielen Kunden"


def test_one_label_without_questions_around_it_is_no_interview() -> None:
    text = "Die Stadt baut.\nPeter Maier: Bürgermeister seit 2010.\nDie Arbeiten beginnen im Mai.\n"
    assert found(text, "de") == []


def test_a_main_clause_in_konjunktiv_i_is_the_words_of_whom_the_sentence_before_is_about() -> None:
    text = (
        "Peter Maier hat Bedenken gegen den Plan. "
        "Er hält es für denkbar, dass die Zahlen falsch sind. "
        "Aber das heiße nicht, dass man den Plan aufgeben müsse."
    )
    assert found(text, "de") == [
        ("Peter Maier", "Aber das heiße nicht, dass man den Plan aufgeben müsse")
    ]


def test_konjunktiv_i_a_few_sentences_after_a_speaker_is_still_theirs() -> None:
    text = (
        "„Wünscht mir Glück“, schrieb Anna Berg. "
        "Doch dann, zwei Wochen später, ein Anruf. "
        "Sie habe jetzt eine Zusage der Behörde bekommen."
    )
    assert parties(text, "de") == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize(
    "text",
    [
        # An indirect question is the reporter's, however it is put.
        "Anna Berg geht ans Telefon. Ob sie die Vorsitzende des Vereins sei?",
        # Konjunktiv I with no one to give it to: too unsure to suggest.
        "Die Stadt liegt am Fluss. Es gebe dort viele Brücken.",
        # Konjunktiv I in a subordinate clause.
        "Er tut so, als habe er den Beweis gefunden.",
    ],
)
def test_konjunktiv_i_without_a_speaker_or_in_a_question_is_no_statement(text: str) -> None:
    assert found(text, "de") == []


def test_a_quotation_inside_a_german_quotation_does_not_end_it() -> None:
    text = (
        "„Die Firma hat uns erklärt, dass es sich um einen „Einzelfall“ handele“, "
        "schreibt eine Sprecherin der Behörde."
    )
    assert parties(text, "de") == ["eine Sprecherin der Behörde"]


def test_fuer_x_ist_gives_a_named_persons_view() -> None:
    text = (
        "Für den Verfassungsrechtler Martin Berg ist das Gesetz ein klarer Fehler. "
        "Hier habe der Bund seine Befugnisse überschritten."
    )
    # The view is the person's; their words go on under their name without the title.
    assert parties(text, "de") == ["Verfassungsrechtler Martin Berg", "Martin Berg"]
    assert found("Für die Stadt ist das ein Gewinn.", "de") == []


def test_a_german_quotation_whose_opening_mark_came_out_straight_closes_at_its_own_mark() -> None:
    text = (
        "Zuerst wird das Holz getrocknet. "
        '"Damit heizen wir die Halle“, sagt Berger. '
        "Dann wird es gesägt."
    )
    assert found(text, "de") == [("Berger", '"Damit heizen wir die Halle“')]


def test_a_colon_before_a_german_guillemet_quotation_goes_on_with_the_speaker() -> None:
    text = (
        "»Hier ruht ein treuer Freund«, heißt es auf dem Stein. "
        "Oder: »Unvergessen bleibt, wer Gutes tat und liebte.«"
    )
    assert len(found(text, "de")) == 2
    # A capitalised noun opening the sentence is no speaker: German capitalises every noun.
    assert (
        found("Er schweigt. Kurzes stummes Nicken: »Brauchen wir nicht, danke schön.«", "de") == []
    )


def test_an_inverted_speaker_after_a_document_speaks_and_their_quotation_follows_the_colon() -> (
    None
):
    text = (
        "Laut Akten, die uns vorliegen, antwortet Peter Maier dem Vorstand am 2. Mai: "
        "„Der Vertrag ist so gut wie unterschrieben.“"
    )
    assert found(text, "de") == [("Peter Maier", "„Der Vertrag ist so gut wie unterschrieben.“")]


def test_darin_heisst_es_is_the_document_the_sentence_before_names() -> None:
    text = (
        "Als Nachweis legte Anna Berg den Brief eines Nachbarn aus Bremen "
        "vor. Darin heißt es, sie habe das Haus nie betreten."
    )
    assert parties(text, "de") == ["den Brief eines Nachbarn aus Bremen"]
    # No document before: an unnamed report.
    assert parties("Er ging nach Hause. Darin heißt es, sie sei dort gewesen.", "de") == [""]


@pytest.mark.parametrize(
    "text",
    [
        # "abmahnen": a legal warning sent; "auffordern": asking someone to act.
        "Die Kanzlei mahnt dann in allen Fällen mittels Tom B. die Nutzer ab.",
        "Die Chefin fordert ihn auf, alles aufzuschreiben.",
        # A comparison: how well, not what was written.
        "Sie malt genauso gut, wie sie schreibt.",
        # "vermutlich": the author's own guess; "soll … erhältlich sein": a plan.
        "Die Viren kamen vermutlich mit Speiseabfällen nach Georgien.",
        "Ab Juni soll das Gerät in jedem Geschäft erhältlich sein.",
    ],
)
def test_german_acts_comparisons_and_guesses_report_nothing(text: str) -> None:
    assert found(text, "de") == []


def test_what_someone_reportedly_did_is_an_unnamed_attribution() -> None:
    assert parties("Er soll das auf einer Sitzung gesagt haben.", "de") == [""]
    assert parties("Die Firma hat mutmaßlich Daten gesammelt.", "de") == [""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Die Ministerin schwieg, wie die ausländische Presse spöttisch bemerkte.",
            "die ausländische Presse",
        ),
        ("Die Ministerin wies darauf hin, dass die Mittel begrenzt seien.", "Die Ministerin"),
        ("Der Minister gab zu, dass die Reform verspätet sei.", "Der Minister"),
        ("Der Anwalt wandte ein, dass die Frist abgelaufen sei.", "Der Anwalt"),
        ("Die Sprecherin beteuerte, von nichts gewusst zu haben.", "Die Sprecherin"),
    ],
)
def test_further_german_speech_verbs(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


def test_a_trailing_wie_clause_is_the_attribution_not_what_was_said() -> None:
    text = "Die Ministerin schwieg, wie die ausländische Presse spöttisch bemerkte."
    assert found(text, "de") == [("die ausländische Presse", "Die Ministerin schwieg")]


def test_words_going_on_after_an_unnamed_report_stay_unnamed() -> None:
    text = (
        "Die Ministerin schwieg, wie die Presse bemerkte. Die Steine sind alt. "
        "»Ein Leben voller Arbeit und Sorge«, heißt es. "
        "»Nun hat sie Ruhe gefunden.« Oder: »Wer liebt, wird niemals vergessen.«"
    )
    assert parties(text, "de") == ["die Presse", "", "", ""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Nach Angaben eines Sprechers wurde niemand verletzt.", "Sprechers"),
        ("Nach Informationen des „Spiegel“ plant die Regierung neue Schulden.", "Spiegel"),
        ("Gegenüber dem „Spiegel“ sagte die Ministerin: „Wir haben keine Wahl.“", "die Ministerin"),
        ("„Das ist ein Skandal“, empörte sich der Fraktionschef.", "der Fraktionschef"),
        ("Die Grünen fordern ein Tempolimit auf allen Autobahnen.", "Die Grünen"),
        ("Die Studie kommt zu dem Ergebnis, dass die Preise steigen.", "Die Studie"),
        ("Dann sagte die Ministerin, die Reform komme im Herbst.", "die Ministerin"),
        ("Der Vertrag ist gültig, sagen uns mehrere Juristen.", "mehrere Juristen"),
    ],
)
def test_common_german_news_frames(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


@pytest.mark.parametrize(
    "text",
    [
        # An infinitive after a modal or a future: no report.
        "Benutzt jemand das Werk falsch, kann der Urheber Schadenersatz fordern.",
        "Die Firma will am Montag berichten, wie die Zahlen sind.",
        "Die Zahlen sind schwer zu erklären.",
    ],
)
def test_a_german_infinitive_after_a_modal_reports_nothing(text: str) -> None:
    assert found(text, "de") == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Ein Sprecher der Stadt bestätigte auf Anfrage, dass die Straße gesperrt bleibt.",
            "die Straße gesperrt bleibt",
        ),
        (
            "Der Kanzler sagte am Rande des Gipfels, man werde weiter verhandeln.",
            "man werde weiter verhandeln",
        ),
        (
            "Die Zeitung berichtet unter Berufung auf Regierungskreise, dass der Minister gehe.",
            "der Minister gehe",
        ),
    ],
)
def test_when_where_and_to_whom_are_no_part_of_what_was_said(text: str, quote: str) -> None:
    assert [q for _, q in found(text, "de")] == [quote]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Wie aus einem Bericht des Ministeriums hervorgeht, stiegen die Kosten.",
            "ein Bericht des Ministeriums",
        ),
        (
            "Die Gebühren steigen, wie aus einem Gutachten hervorgeht, das uns vorliegt.",
            "ein Gutachten",
        ),
        (
            "Das geht aus einer Antwort der Bundesregierung hervor.",
            "eine Antwort der Bundesregierung",
        ),
        ("Wie es heißt, soll der Vertrag bald unterschrieben werden.", ""),
        ("Es heißt, der Vertrag sei fertig.", ""),
    ],
)
def test_what_a_german_document_shows_and_what_is_said_unnamed(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


def test_how_something_is_called_is_no_report() -> None:
    assert found("Die Frau heißt Anna. Er weiß, wie es heißt.", "de") == []


def test_the_german_guards_name_themselves_in_the_guard_audit() -> None:
    german = lexicon_for("de")
    sentence = "Benutzt jemand das Werk falsch, kann der Urheber Schadenersatz fordern."
    with guard_audit() as refusals:
        assert find_attributions(sentence, german) == []
    assert [guard for _, guard in refusals] == ["de-infinitive-after-modal"]
    # Waived, the guard lets the verb through (inside the audit only).
    with guard_audit(waive=["de-infinitive-after-modal"]) as refusals:
        waived = find_attributions(sentence, german)
    assert [a.lemma for a in waived] == ["fordern"] and refusals == []
    assert find_attributions(sentence, german) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation of four words or fewer before ", so X" is what X said, not a title.
        ("„Wir haben alles versucht“, so Müller.", [("Müller", "„Wir haben alles versucht“")]),
        ("„Das ist vorbei“, so der Sprecher.", [("der Sprecher", "„Das ist vorbei“")]),
    ],
)
def test_a_short_quotation_before_so_x_is_x_s_statement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, "de") == expected


def test_a_short_quoted_title_run_into_its_verb_stays_a_title() -> None:
    # Only a phrase opening with its own comma makes a short quotation what was said.
    text = "“Parasite” director Bong Joon Ho said the film was done."
    assert found(text) == [("Bong Joon Ho", "the film was done")]
