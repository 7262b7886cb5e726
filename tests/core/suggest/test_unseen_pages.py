"""The classes of misses found on pages the rules were never tuned on (issue 21)."""

from __future__ import annotations

import pytest

from briefing_app.core.suggest import Suggestion, suggest_claims
from tests.core.suggest.suggested import found


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
    text = "The mother of a woman who took the drug, Jane Doe, said the label was wrong."
    assert (only(text).party, only(text).quote) == ("Jane Doe", "the label was wrong")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The road was closed, ministry said.", "ministry"),
        ("Its residents said the water was unsafe.", "Its residents"),
        ("There are claims, he said, that the vote was rigged.", "he"),
        ("“Stay a size two forever,” someone joked.", "someone"),
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


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The driver was drunk, the filing reads.", "the filing"),
        ("Court records show the driver was drunk.", "Court records"),
        ("The criminal complaint states the driver was drunk.", "The criminal complaint"),
        ("Jane Doe stated that the driver was drunk.", "Jane Doe"),
        ("McDonald’s said the price would rise.", "McDonald’s"),
        ("Per jail records, the driver was held overnight.", "jail records"),
        ("The deal is close, per Jon Heyman.", "Jon Heyman"),
        ("Fox 6 reports that the driver was held overnight.", "Fox 6"),
        ("Dana Lee told WLUK the driver was held overnight.", "Dana Lee"),
        ("In a complaint obtained by People, the woman alleges she was hurt.", "the woman"),
        ("Economists hinted that rates would rise.", "Economists"),
        ("Residents complained that the water smelled.", "Residents"),
        ("Steenburgen called the performance “stunning.”", "Steenburgen"),
        ("“Unbothered,” Owens captioned his post.", "Owens"),
        ("“Stay a size two forever,” Lee joked.", "Lee"),
        ("Kennedy floated the idea that the virus was engineered.", "Kennedy"),
        ("Rates will rise next year, say economists.", "economists"),
        ("Smith was quoted as saying the plan had failed.", "Smith"),
    ],
)
def test_reporting_frames_outside_the_old_word_list(text: str, party: str) -> None:
    assert only(text).party == party


@pytest.mark.parametrize(
    "text",
    [
        "A group called Save Our Park met on Monday.",
        "At the last minute, a sample came in called “Glasgow (No Place Like Home).”",
        "She reads books at night.",
        "The state states its case in court.",
        "The Taliban’s claims about the attack are false.",
        "The ministry requested overseas travel bans for three officers.",
    ],
)
def test_the_same_verbs_as_actions_are_not_claims(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("language", "text", "party", "quote"),
    [
        (
            "fr",
            "Un troisième Français a été tué au Népal, a déclaré jeudi le ministre.",
            "le ministre",
            "Un troisième Français a été tué au Népal",
        ),
        (
            "fr",
            "«Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.",
            "Laurent Fabius",
            "Pour certains d’entre eux on est très interrogatif",
        ),
        (
            "fr",
            "L’avion s’est posé avec 206 passagers, selon le Quai d’Orsay.",
            "le Quai d’Orsay",
            "L’avion s’est posé avec 206 passagers",
        ),
        (
            "fr",
            "François Hollande avait annoncé qu'il saisirait le Conseil.",
            "François Hollande",
            "il saisirait le Conseil",
        ),
        (
            "de",
            "Die Polizei sagte, drei Menschen seien verletzt worden.",
            "Die Polizei",
            "drei Menschen seien verletzt worden",
        ),
        (
            "de",
            "„Wir bauen die Schule wieder auf“, sagte Bürgermeisterin Anna Schmidt.",
            "Bürgermeisterin Anna Schmidt",
            "„Wir bauen die Schule wieder auf“",
        ),
        (
            "de",
            "Laut Polizei wurden drei Menschen verletzt.",
            "Polizei",
            "wurden drei Menschen verletzt",
        ),
    ],
)
def test_french_and_german_attribution_frames(
    language: str, text: str, party: str, quote: str
) -> None:
    suggestions = suggest_claims(text, language=language)
    assert [(s.party, s.quote) for s in suggestions] == [(party, quote)]


def test_a_german_reported_rumour_is_a_claim_with_no_party() -> None:
    text = "Die Engine im Browser soll beschleunigt worden sein."
    assert [s.party for s in suggest_claims(text, language="de")] == [""]


def test_a_quotation_that_goes_on_into_the_next_paragraph_stays_the_speakers() -> None:
    text = (
        "“I felt strange as soon as the anesthesia wore off,” Mary Steenburgen said.\n\n"
        "“So I called a friend, a Scottish woman who started out as a nanny,” a detail "
        "that fits the film.\n\n"
        "“All of a sudden she was picking up random instruments,” McDowell laughed."
    )
    assert [s.party for s in suggest_claims(text)] == ["Mary Steenburgen"] * 2 + ["McDowell"]


def test_a_quotation_after_a_colon_is_the_subjects() -> None:
    text = (
        "Jessie Buckley, who phoned in from Chicago, had a similar experience: "
        "“It was just that immediate feeling of this is the song.”"
    )
    suggestion = only(text)
    assert suggestion.party == "Jessie Buckley"
    assert suggestion.quote == "It was just that immediate feeling of this is the song"
