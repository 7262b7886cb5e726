"""Statements with no reporting verb of their own (issue 21, fourth pass): transcript turns,
lists under a lead-in, quotations still open, and documents as speakers.

The sentences are written for these tests.
"""

from __future__ import annotations

from tests.core.suggest.suggested import found

_BROADCAST = (
    "Harbour fees to rise\n"
    "PETER LANG: The port authority has raised its fees for the third year running.\n"
    "Anna Reyes reports.\n"
    "ANNA REYES: Fishermen on the north quay were angry this morning.\n"
    "Among them is Tom Vale, who has worked the harbour for thirty years.\n"
    "TOM VALE: It is a disgrace. We were never asked.\n"
    "The boats will go somewhere cheaper, and the town will be poorer for it.\n"
    "ANNA REYES: Will you move your own boat?\n"
    "TOM VALE: I have no choice.\n"
    "PETER LANG: Anna Reyes reporting from the north quay.\n"
)


def test_a_transcript_turn_is_its_speakers_statement() -> None:
    assert found(_BROADCAST) == [
        ("Tom Vale", "It is a disgrace. We were never asked"),
        ("Tom Vale", "The boats will go somewhere cheaper, and the town will be poorer for it"),
        ("Tom Vale", "I have no choice"),
    ]


def test_the_interviewer_of_a_published_interview_asks_and_the_subject_answers() -> None:
    text = (
        "Dana Whitlock built her first bakery in a garage. We talked with her last week.\n"
        "Courier: How did it start?\n"
        "Whitlock: With one oven and a loan from my aunt. I said yes before I had a plan.\n"
        "What would you do differently?\n"
        "Whitlock: Nothing. The mistakes were the school.\n"
        "I still bake on Sundays.\n"
    )
    assert found(text) == [
        ("Dana Whitlock", "With one oven and a loan from my aunt. I said yes before I had a plan"),
        ("Dana Whitlock", "Nothing. The mistakes were the school"),
        ("Dana Whitlock", "I still bake on Sundays"),
    ]


def test_headings_with_a_colon_are_no_transcript() -> None:
    text = (
        "Oregon: The state widens family leave to two weeks.\n"
        "Texas: Drivers must carry proof of insurance on paper.\n"
        "Related: Ten laws that change in January\n"
        "Ohio: Fireworks are allowed on more days.\n"
    )
    assert found(text) == []


def test_one_labelled_line_is_no_transcript() -> None:
    text = "Key Points: The bridge closes on Monday for repairs that will take a month.\n"
    assert found(text) == []


def test_a_bulleted_list_under_a_long_lead_in_is_the_speakers() -> None:
    text = (
        "The coach later wrote down her rules for the new season in a letter to players:\n"
        "- Train every morning, even in the rain.\n"
        "- Nobody skips the team meal. Eating together builds trust.\n"
        "The season starts in May.\n"
    )
    assert found(text) == [
        ("The coach", "Train every morning, even in the rain"),
        ("The coach", "Nobody skips the team meal"),
        ("The coach", "Eating together builds trust"),
    ]


def test_a_list_credited_to_a_source_in_its_lead_in_is_the_sources() -> None:
    text = (
        "The cabinet approved new cuts on Friday. The details come from Reuters:\n"
        "- Pensions above $2,000 a month will be cut by a tenth\n"
        "- 5,000 clerks will be moved to a reserve list\n"
    )
    assert [party for party, _ in found(text)][-2:] == ["Reuters", "Reuters"]


def test_a_list_under_a_heading_or_a_place_is_nobodys() -> None:
    text = (
        "Photos from Lisbon:\n"
        "- The old tram climbs the hill.\n"
        "Highlights from Tuesday:\n"
        "- The market opened late.\n"
        "What to pack for the trip:\n"
        "- Two pairs of boots.\n"
    )
    assert found(text) == []
