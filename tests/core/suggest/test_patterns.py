"""Each attribution pattern the suggester knows, on short sentences written for the test."""

from __future__ import annotations

import pytest

from briefing_app.core.suggest import Suggestion, suggest_claims


def only(text: str) -> Suggestion:
    """Return the one suggestion found in text, checking its quote against its offsets."""
    found = suggest_claims(text)
    assert len(found) == 1, [(s.party, s.quote) for s in found]
    assert found[0].quote == text[found[0].start : found[0].end]
    return found[0]


@pytest.mark.parametrize(
    ("text", "party", "quote", "kind"),
    [
        (
            "The ministry said three soldiers were wounded.",
            "The ministry",
            "three soldiers were wounded",
            "official statement",
        ),
        (
            "Three soldiers were wounded, the ministry said on Monday.",
            "the ministry",
            "Three soldiers were wounded",
            "official statement",
        ),
        (
            "Three soldiers were wounded, according to the health ministry.",
            "the health ministry",
            "Three soldiers were wounded",
            "official statement",
        ),
        (
            "According to a statement from the Red Cross, the camp has no water.",
            "the Red Cross",
            "the camp has no water",
            "reported fact",
        ),
        (
            "The company denied any wrongdoing.",
            "The company",
            "any wrongdoing",
            "denial",
        ),
        (
            "Rebel commanders claim that the town has fallen.",
            "Rebel commanders",
            "the town has fallen",
            "allegation",
        ),
        (
            "The opposition accused the government of rigging the vote.",
            "The opposition",
            "the government of rigging the vote",
            "allegation",
        ),
        (
            "The United Nations condemned the shelling of the hospital.",
            "The United Nations",
            "the shelling of the hospital",
            "reported fact",
        ),
        (
            "The airline announced that flights would resume next week.",
            "The airline",
            "flights would resume next week",
            "reported fact",
        ),
        (
            "Human Rights Watch called on the authorities to free the detainees.",
            "Human Rights Watch",
            "the authorities to free the detainees",
            "reported fact",
        ),
        (
            "Local officials urged residents to leave the coast.",
            "Local officials",
            "residents to leave the coast",
            "official statement",
        ),
        (
            "The police spokesman dismissed the reports as rumours.",
            "The police spokesman",
            "the reports as rumours",
            "denial",
        ),
    ],
)
def test_reporting_verb_patterns(text: str, party: str, quote: str, kind: str) -> None:
    found = only(text)
    assert (found.party, found.quote, found.kind) == (party, quote, kind)


def test_in_a_statement_names_the_party_even_without_a_reporting_verb() -> None:
    found = only("In a statement, the embassy apologised for the delay.")
    assert found.party == "the embassy"
    assert found.kind == "official statement"


def test_a_quote_followed_by_its_speaker() -> None:
    found = only("“We will rebuild the school,” said Mayor Ana Lopez.")
    assert found.party == "Mayor Ana Lopez"
    assert found.quote == "We will rebuild the school"


def test_a_speaker_introducing_a_quote() -> None:
    found = only("Lopez said: “We will rebuild the school.”")
    assert found.party == "Lopez"
    assert "We will rebuild the school" in found.quote


def test_a_quote_spanning_two_sentences_is_one_suggestion() -> None:
    text = "“We were not warned. Nobody came to help us,” said Ahmed Karim, a resident."
    found = only(text)
    assert found.party == "Ahmed Karim"
    assert found.quote == "We were not warned. Nobody came to help us"


def test_a_quotation_continuing_the_last_speaker_is_attributed_to_them() -> None:
    text = "“The river rose in an hour,” Karim said. “We lost everything.”"
    found = suggest_claims(text)
    assert [(s.party, s.quote) for s in found] == [
        ("Karim", "The river rose in an hour"),
        ("Karim", "We lost everything"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It was reported that the bridge had collapsed.", "reported fact"),
        ("It is alleged that funds were diverted to the militia.", "allegation"),
        ("The suspect allegedly fled across the border.", "allegation"),
    ],
)
def test_passive_attributions_have_no_party(text: str, kind: str) -> None:
    found = only(text)
    assert found.party == ""
    assert found.kind == kind


def test_two_speakers_in_one_sentence_get_one_suggestion_each() -> None:
    text = "The army said the town was secure, but rebels claimed they still held the airport."
    found = suggest_claims(text)
    assert [(s.party, s.kind) for s in found] == [
        ("The army", "official statement"),
        ("rebels", "allegation"),
    ]
    army, rebels = found
    assert army.end <= rebels.start
    assert "the town was secure" in army.quote
    assert "still held the airport" in rebels.quote


def test_a_pronoun_is_resolved_to_the_person_named_before() -> None:
    text = "Maria Silva, a teacher, lives by the river. She said the water rose within minutes."
    found = only(text)
    assert (found.party, found.mention) == ("Maria Silva", "She")


def test_an_appositive_keeps_the_name_as_the_party() -> None:
    found = only("Guo Li, the ambassador in Dushanbe, said the talks went well.")
    assert found.party == "Guo Li"


def test_text_without_attributions_gives_no_suggestions() -> None:
    text = (
        "The river flows through the valley. Farmers grow wheat and barley there.\n\n"
        "Mr. Rahimov owns the largest farm in the U.S. state of Idaho, a neighbour's cousin."
    )
    assert suggest_claims(text) == []


def test_noun_uses_of_reporting_words_are_not_attributions() -> None:
    assert suggest_claims("The claims were investigated. The most promising states grew.") == []
    assert suggest_claims("Officials will announce the plan on Friday.") == []
    assert suggest_claims("No group claimed responsibility for the blast.") == []


def test_a_passive_attribution_names_its_agent() -> None:
    found = only("The floods have been described as “historic” by the weather service.")
    assert found.party == "the weather service"


def test_a_caption_between_quote_paragraphs_does_not_end_the_quote() -> None:
    text = (
        "“The sea is angry,” says Parata, an elder.\n\n"
        "Parata at his farm near the coast\n\n"
        "“We need to listen to it.”"
    )
    found = suggest_claims(text)
    assert [(s.party, s.quote) for s in found] == [
        ("Parata", "The sea is angry"),
        ("Parata", "We need to listen to it"),
    ]


def test_agreeing_to_act_and_being_called_on_are_not_statements() -> None:
    assert suggest_claims("The league has agreed to create a bonus pool.") == []
    assert suggest_claims("Mr. Tane, 75, is an expert, called on by tribes for advice.") == []
