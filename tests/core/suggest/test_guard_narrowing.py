"""Guards narrowed to the shape they were written for, after the guard audit (issue 21).

benchmarks/suggest_guard_audit.py counts, per guard, the annotated statements it refused and the
unannotated sentences it kept from suggestions; these sentences, written for these tests, pin
each narrowed guard from both sides: the statement it no longer refuses, and what it still does.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The plant will close in May, The Chronicle reports, citing two managers.",
            "The Chronicle",
        ),
        ("Shelling went on all night, Reuters reports, quoting residents.", "Reuters"),
    ],
)
def test_a_name_set_off_by_commas_reports_what_went_before(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "He has produced many video reports, and several documentaries.",
        "She met her direct reports, a group of six, on Monday.",
        "Police reports show a rise in thefts.",
    ],
)
def test_reports_as_a_noun_is_still_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("When the meetings dragged on, Marsh would say, “Let us stop here.”", "Marsh"),
        ("Holloway would say the plan was reckless.", "Holloway"),
    ],
)
def test_a_named_persons_habit_of_saying_is_a_statement(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Critics would say the plan was reckless.",
        "Few would argue that the plan was sound.",
        "I would say the plan was reckless.",
        "You would say the plan was reckless.",
        "Rosing would report directly to him.",
        "After the vote, Marsh would announce the results.",
    ],
)
def test_would_before_a_verb_is_still_a_supposition_or_an_act(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The judge responded by threatening to end the hearing early.", "The judge"),
        ("The mayor responded by accusing the council of delay.", "The mayor"),
    ],
)
def test_responding_by_speaking_is_a_statement_not_a_passive(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    ["The firm countered by planting a second microphone.", "He was found by a neighbour."],
)
def test_by_before_an_act_or_an_agent_still_refuses(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "On the owners’ forum you’ll notice a few people complaining about the lid.",
            "a few people",
        ),
        ("Reporters heard the minister saying that the deal was dead.", "the minister"),
        (
            "The Leeds researchers aren’t the only ones calling the figures into question.",
            "The Leeds researchers",
        ),
        ("Dr. Amal Reyes is not the only one warning that the rota is unsafe.", "Dr. Amal Reyes"),
    ],
)
def test_a_participle_after_the_one_heard_or_among_others_has_its_speaker(
    text: str, party: str
) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "We watched the waves crashing on the rocks.",
        "She saw the river rising.",
        "Mira Patel isn’t the only one running the marathon this year.",
    ],
)
def test_a_participle_of_something_seen_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "In 1998, prompted by a protest in which students hung banners outside their "
            "windows, Provost Anna Lind penned an essay defending the right of students to "
            "protest.",
            "Provost Anna Lind",
        ),
        ("The senator wrote a letter defending the new rules.", "The senator"),
        ("Ruth Ames authored an op-ed arguing that the tax was unfair.", "Ruth Ames"),
        (
            "A couple of months after the deal closed, however, when there was no way back, "
            "Tom Hale called Ed Doerr and informed the investor that he had changed his mind.",
            "Tom Hale",
        ),
    ],
)
def test_a_text_defending_or_a_verb_after_a_long_opening_has_the_clauses_subject(
    text: str, party: str
) -> None:
    assert parties(text) == [party]


def test_defending_as_a_lawyers_work_is_still_no_statement() -> None:
    assert found("The lawyer spent years defending a law that banned the march.") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The researchers note that the tool was made with some care.", "The researchers"),
        ("Making the glue, the researchers note, took real planning.", "the researchers"),
    ],
)
def test_note_in_the_present_of_a_plural_subject_is_a_statement(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_french_note_is_a_finite_verb() -> None:
    assert [q for _, q in found("Il note que la réforme est injuste.", "fr")] == [
        "la réforme est injuste"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Add sugar and stir.",
        "Stretching may reduce common triggers like stress, depression, and anxiety.",
        "Support may be linked to lower eating and stress.",
        "To add to that pot, the league is expanding.",
    ],
)
def test_bare_note_add_stress_outside_a_statement_are_still_refused(text: str) -> None:
    assert found(text) == []


def test_a_straight_quote_closed_by_a_german_mark_is_one_quotation() -> None:
    # The inside-quote guard refused "sagt": the "“" was read as a second quotation opening.
    assert parties('"Mit diesem Strom laden wir die Akkus“, sagt Lena Brandt.', "de") == [
        "Lena Brandt"
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Das sagt Jana M. selbst am Telefon.", "Jana M."),
        ("Das bestätigt uns später auch Tobias R. selbst.", "Tobias R."),
    ],
)
def test_german_fronted_object_pronoun_puts_the_speaker_after_the_verb(
    text: str, party: str
) -> None:
    # The no-party refusal: after "Das"/"Dies"/"So" the subject follows the verb (V2).
    assert parties(text, "de") == [party]


def test_german_das_before_a_verb_without_a_named_subject_is_no_statement() -> None:
    assert found("Das sagt viel über die Lage.", "de") == []
