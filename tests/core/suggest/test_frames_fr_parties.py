"""French parties news writes every day (issue 21, fourth pass): a speaker's entourage or close
aide after an inverted verb, a relative clause's antecedent, "ce que demandent X", a speaker
followed by when and where they spoke, and suppositions that report nothing."""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("« Nous tiendrons », plaide Marie Leroy après son discours.", "Marie Leroy"),
        ("C’est la seule voie, plaide l’entourage du maire.", "l’entourage du maire"),
        ("« Rien n’est décidé », ajoute un proche de Marie Leroy.", "un proche de Marie Leroy"),
        ("Le maire a été la cible de la gauche, qui condamne ses retards.", "la gauche"),
        ("Voici ce que demandent les patrons dans une lettre ouverte.", "les patrons"),
        ("Le syndicat demande une enquête sur l’accident.", "Le syndicat"),
    ],
)
def test_french_parties_are_named_in_full(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


def test_a_french_subject_pronoun_after_quand_speaks() -> None:
    text = "Marie Leroy a parlé. Elle ne cite pas son rival quand elle dénonce « un aveu »."
    assert parties(text, "fr") == ["Marie Leroy"]


@pytest.mark.parametrize(
    "text",
    [
        "La commission pourra saisir le juge si elle estime que la loi est violée.",
        "Il lève les bras avant de faire celui qui montre ses muscles.",
        "Vous expliquerez en quoi l’expression «fonds étrangers» révèle un idéal d’amitié.",
        "Vous direz en quoi l’expression « fonds étrangers » révèle un idéal.",
    ],
)
def test_a_french_supposition_or_a_gesture_reports_nothing(text: str) -> None:
    assert parties(text, "fr") == []


def test_on_from_the_same_source_is_the_source_quoted_before() -> None:
    text = (
        "« Nous tiendrons », plaide l’entourage du maire. "
        "« Les efforts paieront », ajoute-t-on de même source. "
        "« Rien n’est joué », ajoute-t-on."
    )
    assert parties(text, "fr") == ["l’entourage du maire", "l’entourage du maire", ""]
