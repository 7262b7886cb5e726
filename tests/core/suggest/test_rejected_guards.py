"""Reporting verbs the guards refused although a speaker was there to find (issue 21, tune4).

The sentences are written for these tests: subjects the party search could not read (a
hyphenated role, a description before a name, a relative clause with auxiliaries), clauses of
comparison ("as X said"), passives naming their speaker after "by".
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ('"We were never paid," the ex-employee recalled.', "the ex-employee"),
        ("The co-founder noted that the shop had never made a profit.", "The co-founder"),
    ],
)
def test_a_hyphenated_role_is_a_party(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "In the hills above the town, olive grower Maria Santos said half the crop was lost.",
            "Maria Santos",
        ),
        ("The vote may slip, according to analyst Tom Reyes, because of the strike.", "Tom Reyes"),
        ("Retired rowing champions like Anna Berg say the cuts will hurt.", "Anna Berg"),
    ],
)
def test_a_lower_case_description_before_a_name_leaves_the_name(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_a_function_word_before_a_name_makes_no_party() -> None:
    # "added to Portrait Mode": a feature list, not a statement of "Portrait Mode".
    assert found('"Soft light" effect added to Night Mode') == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The deal pleased investors like Sara Holt, who had long argued that the firm was "
            "cheap.",
            "Sara Holt",
        ),
        (
            "The memo was read out in front of Garcia, who proceeded to tell the staff that the "
            "plant would close.",
            "Garcia",
        ),
        ("Maria Lopez went on to say that the talks had collapsed.", "Maria Lopez"),
    ],
)
def test_a_relative_clause_with_auxiliaries_or_an_aspect_verb_speaks(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Or perhaps, as one commenter in Leeds suggested, the rules were never meant to work.",
            "one commenter in Leeds",
        ),
        ("The plan, as critics have repeatedly argued, had failed.", "critics"),
    ],
)
def test_an_as_clause_names_who_said_it(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_a_role_holder_right_before_the_verb_speaks_after_a_question() -> None:
    text = 'When asked what came next the club president said, "We will rebuild."'
    assert parties(text) == ["the club president"]


def test_a_role_holder_before_a_verb_with_an_object_is_not_taken() -> None:
    # "how the study emphasized these mutations…": no that-clause or quotation follows.
    text = "He ignored how the study emphasized these mutations were rare."
    assert found(text) == []


def test_a_plural_of_a_speaker_noun_names_speakers() -> None:
    text = '"It was chaos," one of the site managers present said later.'
    assert parties(text) == ["one of the site managers present"]


def test_a_counterfactual_would_have_reports_nothing() -> None:
    text = "It is no surprise that their managers would have answered that the rules were clear."
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Those figures are disputed by Jane Okafor, an economist at the bank.", "Jane Okafor"),
        (
            "Several charities were wrongly labeled extremist groups by the interior ministry.",
            "the interior ministry",
        ),
        ("The scheme matched a plan divulged by Ana Ruiz in court.", "Ana Ruiz"),
        (
            'Tom Baker - the engineer branded as a "saboteur" by Kessler - was dismissed.',
            "Kessler",
        ),
    ],
)
def test_the_agent_of_a_passive_reporting_verb_is_the_party(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was criticised by the end of the week.",
        "A meeting called by the mayor was cancelled.",
    ],
)
def test_a_by_phrase_that_names_no_speaker_or_an_act_is_no_passive_attribution(
    text: str,
) -> None:
    assert found(text) == []


def test_whom_opens_a_clause_whose_subject_speaks() -> None:
    text = "He was replaced by Ruiz, a former aide whom Smith branded as a traitor to the party."
    assert parties(text) == ["Smith"]
