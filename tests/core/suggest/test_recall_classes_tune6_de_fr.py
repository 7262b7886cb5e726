"""German and French classes of the sixth tune batch: sentences written for these tests."""

from __future__ import annotations

from tests.core.suggest.suggested import found


def test_a_german_tweet_on_a_page_of_one_line_paragraphs_is_its_author_s() -> None:
    text = (
        "Die Grünen-Chefin reagierte schnell auf die Debatte.\n"
        "Wer die Schulen schließt, muss auch die Eltern entlasten. Das ist jetzt die Aufgabe.\n"
        "— Erika Muster #Bildung (@emuster) 3. März 2020\n"
        "Der Tweet wurde tausendfach geteilt."
    )
    assert found(text, "de") == [
        (
            "Erika Muster",
            "Wer die Schulen schließt, muss auch die Eltern entlasten. Das ist jetzt die Aufgabe.",
        )
    ]


def test_a_french_tweet_dated_the_french_way_is_its_author_s() -> None:
    text = (
        "Le maire était en réunion ce soir-là.\n"
        "Les travaux du pont reprendront lundi, comme prévu depuis le printemps.\n"
        "— Paul Durand (@pdurand) 12 avril 2021\n"
        "La circulation reste coupée."
    )
    assert found(text, "fr") == [
        ("Paul Durand", "Les travaux du pont reprendront lundi, comme prévu depuis le printemps.")
    ]


def test_a_heading_above_a_german_signature_is_no_tweet() -> None:
    text = "Unser Lieblingstweet Des Jahres\n— Erika Muster (@emuster) 3. März 2020\nMehr dazu."
    assert found(text, "de") == []


def test_a_court_s_reasons_in_konjunktiv_after_its_ruling_are_the_court_s() -> None:
    text = (
        "Das Landgericht Bremen wies die Klage der Mieterin ab. "
        "Der Vermieter habe die Frist eingehalten. "
        "Damit fördere die Klage nur neue Kosten."
    )
    assert found(text, "de") == [
        ("Landgericht Bremen", "Der Vermieter habe die Frist eingehalten"),
        ("Landgericht Bremen", "Damit fördere die Klage nur neue Kosten"),
    ]


def test_a_body_that_is_no_authority_does_not_take_the_reported_words() -> None:
    text = "Der Sportverein Blau-Weiß verlor am Sonntag. Der Trainer habe keine Schuld."
    assert found(text, "de") == []


def test_a_court_named_in_the_genitive_is_the_court_the_text_named() -> None:
    text = (
        "Das Oberlandesgericht hat am Montag entschieden. "
        "Nach Ansicht des Oberlandesgerichts ist der Vertrag gültig."
    )
    assert found(text, "de") == [("Oberlandesgericht", "ist der Vertrag gültig")]


def test_sentences_inside_a_french_quotation_opened_by_the_speaker_are_theirs() -> None:
    text = (
        "La directrice Claire Martin déclare : « Le nouveau campus ouvrira en septembre. "
        "Les étudiants y trouveront des laboratoires modernes.\n"
        "Nous en sommes très fiers. Les travaux ont été longs ». Le chantier a coûté cher."
    )
    assert found(text, "fr") == [
        ("Claire Martin", "Le nouveau campus ouvrira en septembre"),
        ("Claire Martin", "Les étudiants y trouveront des laboratoires modernes"),
        ("Claire Martin", "Nous en sommes très fiers"),
        ("Claire Martin", "Les travaux ont été longs"),
    ]


def test_a_french_quotation_broken_across_lines_is_not_a_second_statement() -> None:
    text = (
        "Le procureur affirme qu’il n’est « pas possible d’établir un lien entre le jet d’une\n"
        "grenade et le décès du jeune homme ». L’enquête continue."
    )
    assert [party for party, _ in found(text, "fr")] == ["Le procureur"]


_LABELLED_INTERVIEW = (
    "Vor der Wahl sprachen wir mit Anna Berger, Expertin für Energiepolitik.\n"
    "Stadtblatt: Was hat Sie am Bericht überrascht?\n"
    "Anna Berger: Die Zahlen sind schlechter als erwartet.\n"
    "Jonas Weber sagte, die Netze seien zu alt.\n"
    "Und was erwarten Sie von der Regierung?\n"
    "Mehr Mut beim Ausbau der Netze.\n"
    "Wird das reichen?\n"
    "Nein, aber es ist ein Anfang.\n"
)


def test_an_interview_whose_interviewer_labels_the_first_question_gives_the_answers() -> None:
    suggested = found(_LABELLED_INTERVIEW, "de")
    assert [party for party, _ in suggested] == ["Anna Berger", "Jonas Weber"] + ["Anna Berger"] * 2
    assert suggested[2][1] == "Mehr Mut beim Ausbau der Netze"
    assert suggested[3][1] == "Nein, aber es ist ein Anfang"


def test_an_answer_that_reports_a_named_person_keeps_that_person_s_words() -> None:
    suggested = found(_LABELLED_INTERVIEW, "de")
    assert ("Jonas Weber", "die Netze seien zu alt") in suggested
    # The answer is still the interviewee's, from its label on.
    assert suggested[0][1].startswith("Die Zahlen sind schlechter als erwartet.")


def test_german_research_findings_are_attributed_to_the_research() -> None:
    assert found("Beide Umfragen ergaben, dass die Mieten stark gestiegen sind.", "de") == [
        ("Beide Umfragen", "die Mieten stark gestiegen sind")
    ]
    assert found(
        "In einem Experiment wurde schon 2015 herausgefunden, dass Kinder schneller lesen.", "de"
    ) == [
        (
            "Experiment",
            "In einem Experiment wurde schon 2015 herausgefunden, dass Kinder schneller lesen",
        )
    ]


def test_a_german_finding_by_no_one_named_is_a_passive_attribution() -> None:
    text = "Bei älteren Menschen lässt sich nachweisen, dass sie langsamer lesen."
    assert found(text, "de") == [("", text[:-1])]


def test_ergeben_without_a_finding_is_no_statement() -> None:
    assert found("Die Rechnung ergab am Ende zehn Euro.", "de") == []


def test_a_french_evaluation_that_shows_a_finding_is_its_source() -> None:
    text = "L’évaluation des politiques publiques montre que les aides ont peu d’effet."
    assert found(text, "fr") == [
        ("L’évaluation des politiques publiques", "les aides ont peu d’effet")
    ]


def test_a_fronted_phrase_is_no_german_party_for_a_later_sie() -> None:
    text = (
        "Bei Annas Blogbeitrag ging es um die Wahl: Ihre Meinung wurde oft geteilt.\n"
        "Sie erklärt: „Ich wollte nur zum Wählen aufrufen.“\n"
    )
    assert [party for party, _ in found(text, "de")] == [""]


def test_a_french_quotation_after_a_sentence_about_one_named_person_is_theirs() -> None:
    text = (
        "Un constat avec lequel Julie Moreau est en accord. "
        "«Les rédactions doivent changer de méthode.» Le débat continue."
    )
    assert found(text, "fr") == [("Julie Moreau", "Les rédactions doivent changer de méthode")]


def test_a_french_quotation_after_a_name_in_passing_is_no_one_s() -> None:
    text = (
        "La loi date de Nicolas Sarkozy en 2010. "
        "«Les rédactions doivent changer de méthode.» Le débat continue."
    )
    assert found(text, "fr") == []


def test_a_german_inverted_aside_of_belief_reports_and_its_konjunktiv_run_follows() -> None:
    text = (
        "Fabian Müller leitet die Firma. "
        "Nur durch Wettbewerb könnten die Ziele erreicht werden, glaubt Müller. "
        "Wettbewerb zwinge die Bahn zudem, besser zu werden."
    )
    assert found(text, "de") == [
        ("Fabian Müller", "Nur durch Wettbewerb könnten die Ziele erreicht werden"),
        ("Fabian Müller", "Wettbewerb zwinge die Bahn zudem, besser zu werden"),
    ]


def test_a_german_aside_inside_a_sentence_names_its_holders() -> None:
    assert found("Eine fatale Sucht, glauben Kritiker, sei das Schreiben.", "de")[0][0] == (
        "Kritiker"
    )


def test_german_belief_that_is_no_aside_is_a_mental_state_not_a_statement() -> None:
    assert found("Er glaubt, dass es morgen regnet.", "de") == []
    assert found("Die Kinder glauben an den Weihnachtsmann.", "de") == []


def test_a_rumour_reported_in_a_german_subordinate_clause_is_a_passive_attribution() -> None:
    text = "Der Bürgermeister geriet unter Druck, als es hieß, er habe Akten vernichtet."
    assert found(text, "de") == [("", text[:-1])]


def test_an_authority_after_a_fronted_object_gives_the_reasons_that_follow() -> None:
    text = (
        "Das Oberlandesgericht Hamm prüfte zwei Fälle. "
        "Auch diesen Fall stufte das Gericht als unzulässig ein. "
        "Es fehle der Bezug zur Klage."
    )
    assert found(text, "de") == [("Oberlandesgericht Hamm", "Es fehle der Bezug zur Klage")]


def test_kommentiert_before_a_colon_reports_but_its_participle_does_not() -> None:
    text = "Peter Muster ist Autor. Er kommentiert: „Ein gutes Thema reicht.“"
    assert found(text, "de") == [("Peter Muster", "„Ein gutes Thema reicht.“")]
    assert found("Der Vorschlag wurde in den Medien vielfach kommentiert.", "de") == []


def test_a_german_estimate_of_a_figure_is_its_source_s_but_esteem_is_not() -> None:
    text = "Experten schätzen den Schaden an der Brücke auf 10 Millionen Euro."
    assert found(text, "de") == [("Experten", "den Schaden an der Brücke auf 10 Millionen Euro")]
    assert found("Er schätzt seine Kollegen sehr.", "de") == []


def test_a_german_forecast_of_a_figure_is_its_source_s() -> None:
    text = "Für das nächste Jahr rechnet die Firma mit einem Gewinn von 3 Millionen Euro."
    assert found(text, "de") == [("die Firma", text[:-1])]
    assert found("Wir rechnen mit dem Schlimmsten.", "de") == []
