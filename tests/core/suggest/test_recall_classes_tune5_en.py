"""English statements the fifth tune batch missed, by class, in sentences written here.

Issue 21, fifth pass (English "frame", "no-verb", "span" and "document" classes): a quotation
credited by a verb outside the word list, a quotation running on over several sentences, turns
of phrase of news English that report speech, and passives whose speakers go unnamed.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Nadia Petrov runs the shelter. “We never turn anyone away,” she beamed at the gate.",
            "Nadia Petrov",
            "We never turn anyone away",
        ),
        (
            "Omar Haddad took the stage. “The budget is a fraud,” he thundered from the podium.",
            "Omar Haddad",
            "The budget is a fraud",
        ),
        (
            "“The rats were clever,” remembers Joan Tully, a ranger on the island, with a grin.",
            "Joan Tully",
            "The rats were clever",
        ),
        (
            "“Nobody expected a flood,” shrugs Paul Marsh.",
            "Paul Marsh",
            "Nobody expected a flood",
        ),
    ],
)
def test_a_verb_outside_the_word_list_after_a_quotation_credits_the_person_there(
    text: str, party: str, quote: str
) -> None:
    assert found(text) == [(party, quote)]


def test_the_quotation_after_such_a_credit_goes_on_in_the_speakers_name() -> None:
    text = (
        "“The rats were clever,” remembers Joan Tully, a ranger on the island.\n"
        "“They learned to avoid every trap we set.”"
    )
    assert found(text) == [
        ("Joan Tully", "The rats were clever"),
        ("Joan Tully", "They learned to avoid every trap we set"),
    ]


def test_a_performed_quotation_or_a_place_after_it_credits_no_one() -> None:
    # Lyrics sung are no statement; a place or a thing after a quotation is no speaker.
    assert found("Mary Okoro wrote the song. “Had to find my own way,” she sings.") == []
    assert found("“The Long Road,” opened Paris Cinema in 1998.") == []


_RUN_ON = (
    "Lena Ortiz, 34, finished the race in second place.\n"
    'She said: "I trained for a year. But the heat was brutal, I nearly stopped twice.\n'
    '"The last mile was the worst. My legs simply gave up."\n'
    "The organisers said the race would move to October."
)


def test_a_quotation_an_attribution_opens_runs_on_to_where_it_closes() -> None:
    # One quotation over several sentences is one statement; the paragraph after it, opening
    # the quotation again, goes on in the same speaker's name.
    assert found(_RUN_ON) == [
        ("Lena Ortiz", "I trained for a year. But the heat was brutal, I nearly stopped twice"),
        ("Lena Ortiz", "The last mile was the worst. My legs simply gave up"),
        ("The organisers", "the race would move to October"),
    ]


def test_a_closed_quotation_does_not_run_on_into_the_authors_sentences() -> None:
    text = (
        'Lena Ortiz said: "I trained for a year." The heat that day reached 38C. '
        "Few runners finished."
    )
    assert found(text) == [("Lena Ortiz", "I trained for a year")]
