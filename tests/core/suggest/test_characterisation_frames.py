"""Characterisations and causal views are attributed statements; look-alike acts are not.

The sentences are written for these tests (the frame battery's English misses).
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Ukraine's foreign ministry called the attack a war crime.", "Ukraine's foreign ministry"),
        ("Brown called the fire a tragedy.", "Brown"),
        ("Brown called him a liar.", "Brown"),
        ("Brown branded the attack a war crime.", "Brown"),
        ("Nadella questioned whether the figures were accurate.", "Nadella"),
        ("Brown attributed the fire to faulty wiring.", "Brown"),
        ("Brown pointed to faulty wiring as a likely cause.", "Brown"),
    ],
)
def test_a_characterisation_or_a_view_of_causes_is_suggested(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Brown called the police a day later.",
        "Brown called his mother a few times.",
        "A group called Friends of the Earth protested.",
        "Police questioned the suspect.",
        "The suspect was questioned by police.",
        "She pointed to the door.",
        "The brand was sold in 2019.",
    ],
)
def test_a_phone_call_an_interrogation_or_a_gesture_is_not(text: str) -> None:
    assert parties(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("A memo seen by Reuters said the figures were misleading.", "A memo"),
        ("A report obtained by The Guardian says the plan failed.", "A report"),
        ("The man, seen by witnesses, said he ran.", "The man"),
    ],
)
def test_the_document_speaks_not_the_outlet_that_saw_it(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Zelensky repeated his call for more air defences.", "Zelensky"),
        ("Zelensky repeated his earlier warning about drones.", "Zelensky"),
        ("The team repeated its win from last year.", None),
        ("History repeated itself.", None),
    ],
)
def test_a_repeated_call_is_said_again_a_repeated_win_is_not(text: str, party: str | None) -> None:
    assert parties(text) == ([party] if party else [])
