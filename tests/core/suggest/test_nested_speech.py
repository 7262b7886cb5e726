"""Speech reported inside another speaker's statement is that speaker's, one suggestion.

"A diplomat said that Beijing had asked for permission": what Beijing asked is part of what the
diplomat said. The sentences are written for these tests; each class pins both sides: the
nested speaker that is no party, and the sentences where the inner speaker still speaks.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The outer speaker's verb, then "that" (or no "that"), then another speaker's verb.
        (
            "A diplomat said that Beijing had asked for permission to station troops.",
            [("A diplomat", "Beijing had asked for permission to station troops")],
        ),
        (
            "A diplomat said Beijing had asked for permission to station troops.",
            [("A diplomat", "Beijing had asked for permission to station troops")],
        ),
        (
            "The minister said on Monday that the rebels had demanded a ceasefire before talks.",
            [("The minister", "the rebels had demanded a ceasefire before talks")],
        ),
        (
            "Officials told reporters that Moscow had warned it would respond.",
            [("Officials", "Moscow had warned it would respond")],
        ),
        (
            "The agency reported that the ministry had claimed victory in the north.",
            [("The agency", "the ministry had claimed victory in the north")],
        ),
        (
            "A spokesman said the company had denied any wrongdoing.",
            [("A spokesman", "the company had denied any wrongdoing")],
        ),
        # The inner speaker deeper in the clause, and a clause that goes on past it.
        (
            "The newspaper reported that a source close to the mayor said she would resign.",
            [("The newspaper", "a source close to the mayor said she would resign")],
        ),
        (
            "A diplomat said that Beijing had asked for permission, and the request was refused.",
            [("A diplomat", "Beijing had asked for permission, and the request was refused")],
        ),
    ],
)
def test_a_speaker_inside_another_speakers_clause_is_no_party(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle that reports: no "attribution clause alone" as a quote of its own.
        (
            "The minister criticised the plan, saying that Beijing had demanded too much.",
            [("The minister", "Beijing had demanded too much")],
        ),
        (
            "Saying that Beijing had demanded too much, the minister voted against the plan.",
            [("the minister", "Beijing had demanded too much")],
        ),
        # A name inside the speaker's words: "what he called" is part of the denunciation.
        (
            "The coalition split, with the foreign minister denouncing what he called a bid to "
            "topple the government.",
            [
                (
                    "the foreign minister",
                    "The coalition split, with the foreign minister denouncing what he called a "
                    "bid to topple the government",
                )
            ],
        ),
    ],
)
def test_a_participle_or_a_name_inside_what_a_speaker_says_is_no_second_statement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The credit closes the sentence: the clause before it is what the credit says.
        (
            "Beijing had asked for permission to station troops, a diplomat said.",
            [("a diplomat", "Beijing had asked for permission to station troops")],
        ),
        (
            "Beijing has asked for permission to station troops, diplomats told Reuters on Monday.",
            [("diplomats", "Beijing has asked for permission to station troops")],
        ),
        # Words on the credit's speaker after it: still the credit of the clause before.
        (
            "Beijing had asked for permission to station troops, a diplomat said on condition "
            "of anonymity.",
            [("a diplomat", "Beijing had asked for permission to station troops")],
        ),
        (
            "Beijing had asked for permission to station troops, said a diplomat who declined "
            "to be named.",
            [("a diplomat", "Beijing had asked for permission to station troops")],
        ),
        (
            "Beijing had asked for permission to station troops, according to a diplomat.",
            [("a diplomat", "Beijing had asked for permission to station troops")],
        ),
        # An aside inside the clause credits the whole of it.
        (
            "Beijing, a diplomat said, had asked for permission to station troops.",
            [
                (
                    "a diplomat",
                    "Beijing, a diplomat said, had asked for permission to station troops",
                )
            ],
        ),
        (
            "The suspect, police said on Monday, fled on foot.",
            [("police", "The suspect, police said on Monday, fled on foot")],
        ),
        # ("reported" inverts as "said" does: "…, reported Euro News.")
        (
            "Earlier this month, the state declared an emergency over the forest fires, "
            "reported Euro News.",
            [
                (
                    "Euro News",
                    "Earlier this month, the state declared an emergency over the forest fires",
                )
            ],
        ),
        (
            "On Sunday the envoy told both delegations they had 48 hours to make “real progress” "
            "or he would leave, an official said.",
            [
                (
                    "an official",
                    "On Sunday the envoy told both delegations they had 48 hours to make "
                    "“real progress” or he would leave",
                )
            ],
        ),
    ],
)
def test_a_credit_closing_the_sentence_speaks_for_the_clause_before_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Un diplomate a déclaré que Pékin avait demandé l’autorisation de stationner des "
            "troupes.",
            "fr",
            [("Un diplomate", "Pékin avait demandé l’autorisation de stationner des troupes")],
        ),
        (
            "Pékin avait demandé l’autorisation de stationner des troupes, a déclaré un diplomate.",
            "fr",
            [("un diplomate", "Pékin avait demandé l’autorisation de stationner des troupes")],
        ),
        (
            "Le ministre a affirmé que les rebelles avaient exigé un cessez-le-feu.",
            "fr",
            [("Le ministre", "les rebelles avaient exigé un cessez-le-feu")],
        ),
        (
            "Ein Diplomat sagte, Peking habe gefordert, Truppen stationieren zu dürfen.",
            "de",
            [("Ein Diplomat", "Peking habe gefordert, Truppen stationieren zu dürfen")],
        ),
        (
            "Ein Diplomat sagte, dass Peking die Erlaubnis gefordert habe.",
            "de",
            [("Ein Diplomat", "Peking die Erlaubnis gefordert habe")],
        ),
        (
            "Peking habe die Erlaubnis gefordert, sagte ein Diplomat.",
            "de",
            [("ein Diplomat", "Peking habe die Erlaubnis gefordert")],
        ),
    ],
)
def test_french_and_german_nested_speech_is_the_outer_speakers(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # The inner speaker is the outer one: still one statement, the speaker's own.
        (
            "Beijing said it had asked for permission to station troops.",
            "en",
            [("Beijing", "it had asked for permission to station troops")],
        ),
        (
            "Pékin a déclaré qu’il avait demandé l’autorisation de stationner des troupes.",
            "fr",
            [("Pékin", "il avait demandé l’autorisation de stationner des troupes")],
        ),
        (
            "Peking sagte, es habe um Erlaubnis gebeten.",
            "de",
            [("Peking", "es habe um Erlaubnis gebeten")],
        ),
    ],
)
def test_a_speaker_reporting_its_own_words_stays_the_party(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The reported clause ends, and the writer goes on to another speaker.
        (
            "The ministry said the border was closed but was otherwise calm and the army "
            "said it was holding the bridge.",
            ["The ministry", "the army"],
        ),
        (
            "After Moscow said in March that the plant would open this year, the secretary "
            "said that the timing was premature.",
            ["Moscow", "the secretary"],
        ),
        (
            "The coach said he was tired, however the captain criticised the media for its "
            "questions.",
            ["The coach", "the captain"],
        ),
        (
            "The coach said the team was tired; the captain denied it was a problem.",
            ["The coach", "the captain"],
        ),
        # With no "that", the verb's object, then an event with a speaker of its own.
        (
            "The company announced a recall after regulators warned of defects.",
            ["The company", "regulators"],
        ),
        # A name for the clause before, then who answers it: no credit of the clause.
        (
            "The report said ministers had ignored warnings, a claim the government denied.",
            ["The report"],
        ),
        # A clause that only sets the scene is no credit's content.
        (
            "When the mayor mentioned that the buses were late again, her deputy told her why.",
            ["the mayor", "her deputy"],
        ),
        # Hearsay with no one behind it passes on the inner speaker's own words.
        ("Reports say that the agency warned banks that the rule had changed.", ["the agency"]),
    ],
)
def test_a_speaker_after_the_reported_clause_ends_still_speaks(
    text: str, expected: list[str]
) -> None:
    assert [party for party, _ in found(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Late yesterday afternoon," sets the scene as "On Monday," does: what follows the verb
        # is what was said, the other speaker inside it included.
        (
            "Late yesterday afternoon, the family said the police had told them not to comment.",
            [("the family", "the police had told them not to comment")],
        ),
        (
            "Early on Monday, the ministry said the border was closed.",
            [("the ministry", "the border was closed")],
        ),
        # ("Late" opening a clause is what was said.)
        ("Late payments are rising, officials said.", [("officials", "Late payments are rising")]),
    ],
)
def test_a_late_or_early_time_opening_the_sentence_is_no_part_of_the_quote(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected
