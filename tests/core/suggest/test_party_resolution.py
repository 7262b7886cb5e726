"""Who said it: the party of a suggestion is the fullest name the text gives that person.

The sentences are written for these tests (issue 21, fourth pass): titles inside a name, a
pronoun after a sentence about someone, mentions with a stray word before or after the name.
"""

from __future__ import annotations

from tests.core.suggest.suggested import parties


def test_a_title_inside_a_name_leaves_the_person_and_their_employer_aside() -> None:
    text = (
        "Brian Good said the route was set. "
        "“The roads will reopen tonight,” Traffic Chief Dana Morrow with the city police said. "
        "“We are ready,” he said."
    )
    assert parties(text) == ["Brian Good", "Traffic Chief Dana Morrow", "Dana Morrow"]


def test_a_pronoun_means_the_person_after_a_long_title() -> None:
    text = (
        "Ella Park said the vote was close. "
        "House Minority Leader Paul Hendry opposed the bill on Monday. "
        "He said the vote would fail."
    )
    assert parties(text) == ["Ella Park", "Paul Hendry"]
