"""The classes of misses found on pages the rules were never tuned on (issue 21)."""

from __future__ import annotations

import pytest

from briefing_app.core.suggest import Suggestion, suggest_claims


def found(text: str) -> list[tuple[str, str]]:
    """Return (party, quote) of every suggestion, checking each quote against its offsets."""
    suggestions = suggest_claims(text)
    for s in suggestions:
        assert s.quote == text[s.start : s.end]
    return [(s.party, s.quote) for s in suggestions]


def only(text: str) -> Suggestion:
    """Return the one suggestion found in text."""
    suggestions = suggest_claims(text)
    assert len(suggestions) == 1, [(s.party, s.quote) for s in suggestions]
    return suggestions[0]


@pytest.mark.parametrize(
    ("text", "party", "mention"),
    [
        (
            "Barack Obama spoke in Berlin on Monday. Mr Obama said the talks had failed.",
            "Barack Obama",
            "Mr Obama",
        ),
        (
            "The economist Jeffrey Frankel was in Paris. Mr. Frankel said growth was slowing.",
            "Jeffrey Frankel",
            "Mr. Frankel",
        ),
        (
            "President Barack Obama arrived late. The president said the deal was dead.",
            "Barack Obama",
            "The president",
        ),
        (
            "Kevin Smith, the driver, was unhurt. The driver said the brakes had failed.",
            "Kevin Smith",
            "The driver",
        ),
    ],
)
def test_a_short_mention_is_named_by_the_fullest_name_given_earlier(
    text: str, party: str, mention: str
) -> None:
    suggestion = only(text)
    assert (suggestion.party, suggestion.mention) == (party, mention)


def test_a_pronoun_speaker_is_the_person_named_in_the_sentence_before() -> None:
    text = (
        "While he rarely buys fish, Bassi keeps an eye on the markets. “It is pure white,” he said."
    )
    assert only("Skipper Wade Bassi was at the dock. " + text).party == "Wade Bassi"


def test_an_appositive_description_is_not_the_party() -> None:
    text = "Jane Doe, mother of a woman who took the drug, said the label was wrong."
    assert only(text).party == "Jane Doe"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The road was closed, ministry said.", "ministry"),
        ("Its residents said the water was unsafe.", "Its residents"),
        ("There are claims, he said, that the vote was rigged.", "he"),
    ],
)
def test_a_mention_that_names_nobody_leaves_the_party_unresolved(text: str, mention: str) -> None:
    suggestion = only(text)
    assert (suggestion.party, suggestion.mention) == ("", mention)


@pytest.mark.parametrize(
    "text",
    [
        "According to the FBI.",
        "Yahoo Finance reported earlier this year.",
        "When NBC News asked Kennedy in August what he thought of the vote, the room went quiet.",
        "Weiss asked whether Kennedy worried about his position.",
    ],
)
def test_an_attribution_or_a_question_alone_is_not_a_claim(text: str) -> None:
    assert found(text) == []


def test_each_item_of_a_list_under_a_lead_in_is_the_speakers_statement() -> None:
    text = (
        "In interviews, Robert Kennedy steadfastly maintained:\n\n"
        "    Vaccines cause autism.\n\n"
        "    Masks do not work. They never did.\n\n"
        "For Kennedy, the matter is settled."
    )
    assert found(text) == [
        ("Robert Kennedy", "Vaccines cause autism"),
        ("Robert Kennedy", "Masks do not work"),
        ("Robert Kennedy", "They never did"),
    ]
