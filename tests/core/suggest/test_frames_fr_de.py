"""French and German attribution frames news writes every day (issue 21): inverted verbs after a
quotation, opinion openers, separable verbs, postpositions and unnamed reports."""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("« C'est injuste », lance Jean Dupont.", "Jean Dupont"),
        ("« C'est injuste », s'indigne Jean Dupont.", "Jean Dupont"),
        ("« C'est injuste », s'est emporté Jean Dupont.", "Jean Dupont"),
        ("« C'est injuste », tranche la ministre.", "la ministre"),
        ("Jean Dupont déplore que la réforme soit injuste.", "Jean Dupont"),
        ("Jean Dupont a confié au Monde que la réforme était injuste.", "Jean Dupont"),
        ("Jean Dupont a rappelé que la réforme serait votée.", "Jean Dupont"),
        ("Une étude publiée mardi montre que les prix ont augmenté.", "Une étude publiée mardi"),
        ("Le rapport conclut que les prix ont augmenté de 5 %.", "Le rapport"),
        ("Pour la ministre, cette innovation va dénaturer le renseignement.", "la ministre"),
        ("Pour le gouvernement, la réforme est nécessaire.", "le gouvernement"),
    ],
)
def test_french_frames_name_their_party(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


def test_a_pronoun_inside_an_inverted_french_verb_is_the_last_speaker() -> None:
    text = (
        "Jean Dupont a affirmé que la réforme serait votée. "
        "« C'est une question de justice », a-t-il ajouté. "
        "« Nous irons jusqu'au bout », poursuit-il."
    )
    assert parties(text, "fr") == ["Jean Dupont"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "Pour la première fois, le parti a gagné la ville.",
        "Pour cela, il faudra attendre le printemps.",
        "La société lance un nouveau modèle.",
        "Il aurait pu gagner la course.",
    ],
)
def test_french_lookalikes_report_nothing(text: str) -> None:
    assert parties(text, "fr") == []


def test_a_french_conditional_of_report_is_an_unnamed_attribution() -> None:
    assert parties("Le suspect aurait pris la fuite vers la Belgique.", "fr") == [""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Die Reform werde verabschiedet, so der Minister.", "der Minister"),
        ("Drei Menschen wurden verletzt, teilte die Polizei mit.", "die Polizei"),
        ("Die Polizei teilte am Montag mit, dass drei Menschen verletzt wurden.", "Die Polizei"),
        ("Wie die Polizei mitteilte, wurden drei Menschen verletzt.", "die Polizei"),
        ("Scholz räumte ein, dass die Reform verspätet sei.", "Scholz"),
        ("Scholz wies die Vorwürfe zurück.", "Scholz"),
        ("Dem Minister zufolge kommt die Reform im Herbst.", "Dem Minister"),
        ("Nach Ansicht von Experten kommt die Reform zu spät.", "Experten"),
        ("Die Reform komme zu spät, sagen Experten.", "Experten"),
        ("Eine Studie zeigt, dass die Preise gestiegen sind.", "Eine Studie"),
        ("„Das ist ungerecht“, kritisierte die Gewerkschaft.", "die Gewerkschaft"),
    ],
)
def test_german_frames_name_their_party(text: str, party: str) -> None:
    assert parties(text, "de") == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Das Foto zeigt einen Mann vor dem Rathaus.",
        "Er teilte das Brot mit seinem Bruder.",
        "Sie wies den Weg zum Bahnhof.",
    ],
)
def test_german_lookalikes_report_nothing(text: str) -> None:
    assert parties(text, "de") == []


def test_a_german_report_from_unnamed_circles_is_an_unnamed_attribution() -> None:
    text = "Der Verdächtige sei geflohen, hieß es aus Polizeikreisen."
    assert parties(text, "de") == [""]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        ("Aux yeux de la ministre, la réforme est urgente.", "fr", "la ministre"),
        ("À en croire Jean Dupont, la réforme est urgente.", "fr", "Jean Dupont"),
        ("Aus Sicht der Polizei ist die Lage ruhig.", "de", "Polizei"),
    ],
)
def test_whose_view_a_sentence_gives(text: str, language: str, party: str) -> None:
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Die Proteste verklärten die Vorfälle, sagte Lucke am Samstag der Presse-Agentur.",
            "Lucke",
            "Die Proteste verklärten die Vorfälle",
        ),
        ("Das sei falsch, kritisierte Lucke weiter.", "Lucke", "Das sei falsch"),
        (
            "Die Vorlesung sei abgesagt, schrieb der AStA auf Twitter.",
            "der AStA",
            "Die Vorlesung sei abgesagt",
        ),
        (
            "Der AStA hatte bereits am Freitag moniert, Lucke habe die Lage angeheizt.",
            "Der AStA",
            "Lucke habe die Lage angeheizt",
        ),
        (
            "Die Polizei teilte am Montag mit, dass drei Menschen verletzt wurden.",
            "Die Polizei",
            "drei Menschen verletzt wurden",
        ),
    ],
)
def test_german_parties_end_where_the_name_does(text: str, party: str, quote: str) -> None:
    assert found(text, "de") == [(party, quote)]


def test_german_reported_speech_goes_on_in_the_subjunctive() -> None:
    text = (
        "Bernd Lucke sagte, er werde nicht kommen. "
        "Ein Gespräch mit dem AStA sei auf dieser Basis nicht sinnvoll. "
        "Die Vorlesung fand dennoch statt."
    )
    assert parties(text, "de") == ["Bernd Lucke", "Bernd Lucke"]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "En revanche, le message est faux, détaille Mme Cardenal.",
            "Mme Cardenal",
            "En revanche, le message est faux",
        ),
        (
            "Une infodémie massive, comme prévenait l'OMS début mars.",
            "l'OMS",
            "Une infodémie massive",
        ),
    ],
)
def test_french_parties_and_quotes_after_the_verb(text: str, party: str, quote: str) -> None:
    assert found(text, "fr") == [(party, quote)]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Der AStA entziehe sich seiner Verantwortung, indem er die Vorlesung störe, "
            "kritisierte Lucke weiter.",
            "Lucke",
            "Der AStA entziehe sich seiner Verantwortung, indem er die Vorlesung störe",
        ),
        (
            "«Wenn jemand das Opfer spielt, dann ist das falsch», schrieb der AStA auf Twitter.",
            "der AStA",
            "Wenn jemand das Opfer spielt, dann ist das falsch",
        ),
    ],
)
def test_a_german_statement_with_a_clause_in_it_keeps_its_speaker_after_the_verb(
    text: str, party: str, quote: str
) -> None:
    assert found(text, "de") == [(party, quote)]
