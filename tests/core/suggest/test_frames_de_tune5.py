"""German attribution frames of the fifth tune batch's classes (issue 21): verb-second order with
the speaker after any reporting verb, "Das sagt X" pointing back, Konjunktiv I going on with the
speaker, parties written with their role, and what is no statement. The sentences are ours."""

from __future__ import annotations

import pytest

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
            "Mit dem Programm sei wenig erreicht worden, schrieben die Prüfer in einem Bericht.",
            "die Prüfer",
        ),
        ("Im Land gebe es noch viel Potenzial, prognostizieren Fachleute.", "Fachleute"),
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
        ("Das sagt Peter Maier selbst am Telefon.", "Peter Maier"),
        ("Das bestätigt uns später auch Peter Maier selbst am Telefon.", "Peter Maier"),
        # A description, its genitive, then the person's name between commas.
        (
            "Dies erklärte bereits 2017 der damalige Kassenwart des Vereins, Klaus Berg, "
            "in einer Versicherung.",
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
    assert parties("Ihm wird ein Hang zum Streit nachgesagt.", "de") == [""]
