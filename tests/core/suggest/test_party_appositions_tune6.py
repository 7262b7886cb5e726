"""A description, then the speaker's own name set off by commas (issue 21, sixth pass).

The sentences are written for these tests: a movement or an offshoot described before its
name, an official whose name opens with initials, and a description that stays the party.
"""

from __future__ import annotations

from tests.core.suggest.suggested import found, parties


def test_a_movement_named_after_its_description_is_the_party() -> None:
    text = "The militant nationalist movement, Kordan, claimed the bombing of the depot."
    assert parties(text) == ["Kordan"]


def test_an_offshoot_of_a_party_named_after_its_description_is_the_party() -> None:
    text = (
        "A breakaway offshoot of the ruling party, the Green Dawn Brigades, said in a "
        "statement that it had carried out the raid."
    )
    assert parties(text) == ["the Green Dawn Brigades"]


def test_an_official_named_with_initials_after_the_office_is_the_party() -> None:
    text = "Kenya's Trade Minister, JK Otieno, said the tariffs would be lifted in March."
    assert parties(text) == ["JK Otieno"]


def test_a_person_described_then_named_by_a_first_name_stays_described() -> None:
    text = "The driver, who gave his first name, Tom, said the brakes failed."
    assert parties(text) == ["The driver"]


def test_a_minister_named_with_initials_after_a_participle_is_the_party() -> None:
    text = (
        "Kenya's Trade Minister, JK Otieno, has been quoted by the local press as telling a "
        "meeting of traders that the tariffs would go."
    )
    assert parties(text) == ["JK Otieno"]


def test_a_long_opening_clause_is_no_speaker_of_the_participle_after_it() -> None:
    text = (
        "Shortly after the storm flattened the eastern coastal towns and the river burst its "
        "banks, Governor Ruth Abel made a televised address, telling residents that help was "
        "coming."
    )
    assert parties(text) == ["Governor Ruth Abel"]


def test_two_kinds_of_speaker_joined_by_and_after_the_statement_are_one_party() -> None:
    text = "The convoy reached the border crossing at dawn, witnesses and local police said."
    assert parties(text) == ["witnesses and local police"]


def test_a_bodys_short_name_in_brackets_is_part_of_the_party() -> None:
    text = (
        "A spokesperson for the Rail Freight Association (RFA) said the offer was fair. "
        "“We are pleased with it,” he said."
    )
    assert parties(text) == ["A spokesperson for the Rail Freight Association (RFA)"] * 2


def test_the_company_is_the_body_the_text_named_after_its_noun() -> None:
    text = (
        "More than 300 staff will lose their jobs at the regional pay television operator, "
        "Skyview. The company has announced wide restructuring plans. "
        "The company says staff will receive their entitlements."
    )
    assert parties(text) == ["Skyview", "Skyview"]


def test_the_company_is_no_founder_named_after_the_noun() -> None:
    text = "Lena Ortiz left the company Ortiz founded in 1999. The company says profits fell."
    assert parties(text) == ["The company"]


def test_a_speaker_after_a_single_quoted_quotation_keeps_where_they_are_from_aside() -> None:
    text = (
        "‘On the ship, we have four weeks to take samples from the deep sea’, says Professor "
        "Hanna Berg from the University of Bonn about the project. "
        "‘We are interested in water from the bottom of the ocean.’"
    )
    assert found(text) == [
        (
            "Professor Hanna Berg",
            "On the ship, we have four weeks to take samples from the deep sea",
        ),
        ("Professor Hanna Berg", "We are interested in water from the bottom of the ocean"),
    ]
