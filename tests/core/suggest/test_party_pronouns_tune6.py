"""Whom a pronoun means (issue 21, sixth pass): the subject of the sentence before, named in full.

The sentences are written for these tests: a subject whose role the word lists do not hold
("dietitian"), a title "of" a portfolio ("Secretary of State"), a name whose run of capitals
stops on an initial, a name opening with "US".
"""

from __future__ import annotations

from tests.core.suggest.suggested import found, parties


def test_she_is_the_person_after_an_unlisted_role_not_the_body_before_it() -> None:
    text = (
        "Healthy Kids Ireland dietitian Clara Voss says the figures are worrying. "
        "She says children need more exercise."
    )
    assert parties(text) == ["Clara Voss", "Clara Voss"]


def test_he_is_the_secretary_of_state_who_spoke_not_the_man_he_spoke_of() -> None:
    text = (
        "Secretary of State Martin Hale says it is time for Mr Orlov to act. "
        '"He has to lead," he said.'
    )
    assert parties(text) == ["Secretary of State Martin Hale", "Martin Hale"]


def test_a_name_keeps_its_given_name_and_initial_after_a_long_title() -> None:
    text = (
        "US President Walter J Brandt has set out new sanctions. "
        "President Brandt says the assets will be frozen. "
        '"They funded the attacks," he said.'
    )
    assert parties(text) == ["President Brandt", "Walter J Brandt"]


def test_a_name_opening_with_us_names_a_party() -> None:
    text = "US Senator Rita Moles said the bill would pass."
    assert parties(text) == ["US Senator Rita Moles"]


def test_a_body_named_with_an_adjective_is_no_person_for_a_later_he() -> None:
    text = (
        "The Danish Government has cut all ties with the group. "
        "In response, Danish ships have left the port. "
        "The Government position was set out by spokesman Erik Lund. "
        '"We will not talk to them," he said.'
    )
    assert parties(text)[-1] == "Erik Lund"


def test_an_adverb_set_off_after_the_subject_leaves_the_subject_the_speaker() -> None:
    text = (
        "Chancellor Weber, meanwhile, said Mr Olsen remains the only partner for the talks, "
        "in a call with the mayor."
    )
    assert found(text) == [
        (
            "Chancellor Weber",
            "Mr Olsen remains the only partner for the talks, in a call with the mayor",
        )
    ]


def test_he_after_a_quotation_is_the_man_the_sentence_before_names_not_the_woman_asking() -> None:
    text = (
        "Tom Reyes founded the bakery. Reyes says he bakes every night, and Reyes says he "
        "never tires of it. The manager Helen Cairns recalls spotting Reyes with a cleaner. "
        "She later asked Reyes what they were discussing. "
        "“I want to know how everyone does their job,” he replied."
    )
    assert parties(text)[-1] == "Tom Reyes"


def test_they_is_the_plural_subject_of_the_sentence_before_though_it_said_nothing() -> None:
    text = (
        "Officials say most of the spilled oil is gone. "
        "The river researchers, however, do not accept that. "
        "They sampled the mud and concluded that most of it was still there."
    )
    assert parties(text) == ["Officials", "The river researchers"]


def test_with_no_one_named_nearby_he_is_the_man_the_profile_is_about() -> None:
    text = (
        "Joe Marlow the drummer was known as the quiet one of the band. "
        "But up against the talent of Ray Dunne, his songs were rarely recorded. "
        "Resentment grew and Marlow left the stage. "
        "After the band split up, solo success came in 1979 with the record Our Blue Hour. "
        "Always against a reunion, he declared in 1990 that the band was finished."
    )
    assert parties(text) == ["Joe Marlow"]


def test_a_title_opening_with_a_possessive_is_no_person_a_he_could_mean() -> None:
    text = (
        "Ray Dunne and Joe Marlow formed the band. Marlow wrote most songs. "
        "Marlow and Dunne fell out over the record My Golden Road. "
        "He said in 1990 that the band was finished."
    )
    assert "My Golden Road" not in " ".join(parties(text))
