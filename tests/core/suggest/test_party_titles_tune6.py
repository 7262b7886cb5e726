"""Who said it, named without their title (issue 21, sixth pass): the titles of news English.

The sentences are written for these tests: titles joined by a hyphen, titles of four words and
more, a person's initials, whose the person is ("Norway's …"), a party affiliation, a role in
the plural before two names, a posting ("envoy to Chile") before the name.
"""

from __future__ import annotations

from briefing_app.core.suggest.coreference import strip_title
from briefing_app.core.suggest.languages import lexicon_for
from tests.core.suggest.suggested import parties


def test_a_hyphenated_title_is_no_part_of_the_name_a_pronoun_gives() -> None:
    text = (
        "Attorney-General Maria Lund says the bill is fair. "
        '"We expect support from the crossbench," she said.'
    )
    assert parties(text) == ["Attorney-General Maria Lund", "Maria Lund"]


def test_a_four_word_title_and_name_is_one_person_for_the_pronoun_after_it() -> None:
    text = (
        "Shadow Treasurer Tom Bexley says the budget is weak. "
        '"It relies on luck and nothing else," he said. '
        "He says the spending was too high."
    )
    assert parties(text) == ["Shadow Treasurer Tom Bexley", "Tom Bexley", "Tom Bexley"]


def test_whose_official_the_person_is_stays_out_of_the_name() -> None:
    text = (
        "Norway's Fisheries Minister Ola Brekke said the quota would stay. "
        '"We will not move on this," he said. '
        "The Rivers Trust's Helen Okafor says the weir should go. "
        '"Fish cannot pass it," she said.'
    )
    assert parties(text)[1::2] == ["Ola Brekke", "Helen Okafor"]


def test_a_party_affiliation_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Republican Sam Whitford says the vote must be delayed. "
        '"Nobody has read the bill," he said.'
    )
    assert parties(text) == ["Republican Sam Whitford", "Sam Whitford"]


def test_a_role_in_the_plural_before_two_names_is_no_given_name() -> None:
    text = (
        "Businessmen Karl Deane and Ivo Marsh say their bid is sound. "
        "Mr Deane says the price is fair."
    )
    assert parties(text) == ["Businessmen Karl Deane and Ivo Marsh", "Karl Deane"]
    assert strip_title(parties(text)[0], lexicon_for("en")) == "Karl Deane and Ivo Marsh"


def test_two_titled_people_are_each_named_without_their_title() -> None:
    en = lexicon_for("en")
    both = "Prime Minister Ann Corley and US President Jill Maddox"
    assert strip_title(both, en) == "Ann Corley and Jill Maddox"
    # One person with two titles stays one person.
    assert strip_title("Acme co-founder and CEO Dan Ruiz", en) == "Dan Ruiz"


def test_a_posting_before_a_name_is_no_part_of_the_name() -> None:
    text = (
        "Former envoy to Chile Mark Dunn spoke to reporters on Monday. "
        '"The talks will resume in May," he said.'
    )
    assert parties(text) == ["Mark Dunn"]
