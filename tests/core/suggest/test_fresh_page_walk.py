"""Party classes an analyst met walking the suggestion list on fresh news pages (issue 21).

The sentences are written for these tests, after the shapes the walk found.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    "opening",
    [
        "Neben vielen Zeitungen bringt der Sender einen Bericht über die Regel.",
        "Seither hat die Stadt einiges getan.",
        "Gegenüber der Presse äußerte sich der Minister nicht.",
    ],
)
def test_a_german_preposition_or_adverb_opening_a_sentence_is_nobody(opening: str) -> None:
    # The Konjunktiv sentence after it is someone's reported words, but not those of "Neben",
    # "Seither" or "Gegenüber der Presse": no party is better than a word of the setting.
    text = f"{opening} Die neue Regel sei manchen ein großes Ärgernis."
    first_words = {p.split()[0] for p in parties(text, "de") if p}
    assert not first_words & {"Neben", "Seither", "Gegenüber"}


def test_a_name_after_a_fronted_preposition_still_speaks() -> None:
    text = "Gegenüber der Presse sagte Anna Berg, die Regel sei falsch."
    assert parties(text, "de") == ["Anna Berg"]


@pytest.mark.parametrize(
    "verdict",
    [
        "In truth, it merely confirms how weak her cabinet is.",
        "It only confirms the weakness of her cabinet.",
    ],
)
def test_it_is_never_a_person_named_family_name_first(verdict: str) -> None:
    # "Chen says" after "Chen Shu-fen": the family name comes first, so "Chen" is no company
    # the writer's "it" could stand for (the author's verdict is nobody's claim).
    text = (
        "Mayor Chen Shu-fen won again. She cut the bus fare last week. "
        f"Chen says the city must plan ahead. {verdict}"
    )
    assert parties(text) == ["Chen Shu-fen", ""]


def test_it_still_stands_for_the_company_the_sentence_before_is_about() -> None:
    text = "Uber has been defending its pricing. It has now promised to cap fares."
    assert parties(text)[-1] == "Uber"


def test_it_is_never_a_plural_speaker_named_before() -> None:
    text = (
        "As some lawmakers said last week, the mayor botched the budget. "
        "In truth, it merely confirms how weak her cabinet is."
    )
    assert parties(text) == ["some lawmakers", ""]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        (
            "Der Minister ging, wie die britische Zeitung „The Daily Star“ berichtete.",
            "de",
            "The Daily Star",
        ),
        (
            "Die Zeitung „Der Kurier“ berichtete, der Minister sei zurückgetreten.",
            "de",
            "Der Kurier",
        ),
        ("Laut der Zeitung „Der Kurier“ ist der Minister zurückgetreten.", "de", "Der Kurier"),
        ("Le ministre a démissionné, selon le journal « Le Courrier ».", "fr", "Le Courrier"),
    ],
)
def test_a_newspaper_described_then_named_speaks_by_its_name(
    text: str, language: str, party: str
) -> None:
    # "die britische Zeitung" is a description; the name beside it is the party.
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        ("Dazu sagte der Minister „Nein“.", "de", "der Minister"),
        ("Darauf antwortete der Sprecher „Kein Kommentar“.", "de", "der Sprecher"),
    ],
)
def test_a_short_quoted_reply_after_a_person_is_what_they_said_not_their_name(
    text: str, language: str, party: str
) -> None:
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Erst im April verkündete Anna Berg ihren Rücktritt von allen Ämtern.",
        "Erst gestern verkündete Anna Berg ihren Rücktritt von allen Ämtern.",
        "Schon am Montag sagte Anna Berg, die Regel sei falsch.",
    ],
)
def test_a_particle_before_a_fronted_phrase_leaves_the_subject_the_speaker(text: str) -> None:
    # Not "Erst" (unresolved) with the speaker's name inside the quote.
    assert parties(text, "de") == ["Anna Berg"]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        ('Laut dem "Kurier" ist der Minister gegangen.', "Kurier", "ist der Minister gegangen"),
        ("Laut dem „Kurier“ ist der Minister gegangen.", "Kurier", "ist der Minister gegangen"),
        ('Laut der "Daily Star" soll er gegangen sein.', "Daily Star", "soll er gegangen sein"),
    ],
)
def test_laut_with_an_article_and_a_quoted_outlet_names_the_outlet(
    text: str, party: str, quote: str
) -> None:
    # Not missed, nor an unresolved "soll …" passive spanning the whole sentence.
    assert found(text, "de") == [(party, quote)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Sänger sagte das Konzert in Berlin kurzfristig ab.",
        "Die Firma sagt ihre Teilnahme an der Messe ab.",
        "Die Thesen des Grammatikers fordern immer wieder zu Widerspruch heraus.",
    ],
)
def test_a_german_particle_that_unmakes_the_saying_leaves_no_claim(text: str) -> None:
    # "absagen" cancels, "herausfordern" provokes: nobody is quoted.
    assert found(text, "de") == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Die Opposition fordert den Rücktritt des Ministers.", "den Rücktritt des Ministers"),
        ("Die Polizei sagte am Montag, der Täter sei geflohen.", "der Täter sei geflohen"),
    ],
)
def test_the_same_verbs_without_the_particle_still_report(text: str, quote: str) -> None:
    assert [q for _, q in found(text, "de")] == [quote]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Alors que le budget dépend du vote des députés au printemps, la pétition collective"
            " critique la mainmise des ministères.",
            "la mainmise des ministères",
        ),
        (
            "Bien que le vote soit serré, le ministre affirme que le résultat est clair.",
            "le résultat est clair",
        ),
        (
            "Alors que le budget dépend, en théorie, des députés, la pétition critique la"
            " mainmise des ministères.",
            "la mainmise des ministères",
        ),
    ],
)
def test_a_french_subordinate_clause_before_the_speaker_is_the_scene(text: str, quote: str) -> None:
    # The clause the author opens with is not what the petition or the minister said.
    assert [q for _, q in found(text, "fr")] == [quote]


@pytest.mark.parametrize(
    "story",
    [
        "Legend has it that there was a farmer in the valley, and he watched the river rise.",
        "Legend has it that a farmer who lived by the river watched it rise.",
    ],
)
def test_he_after_someone_the_story_brings_in_unnamed_is_not_the_author_named_before(
    story: str,
) -> None:
    # The writer was named at the top; "He" is the farmer, whom the text never names.
    text = (
        "Anna Berg visits the dam on a rainy day. The dam is old. "
        f"{story} He concluded that the dam would not hold."
    )
    assert parties(text) == [""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Normalerweise sagt der Minister Karl Hahn, die Regel sei falsch.", "Minister Karl Hahn"),
        ("Sinngemäß sagte Karl Hahn, die Regel sei falsch.", "Karl Hahn"),
    ],
)
def test_a_german_adverb_by_its_ending_is_no_party(text: str, party: str) -> None:
    # "Sinngemäß", "Normalerweise" open the sentence; the speaker follows the verb.
    assert parties(text, "de") == [party]
    text = "Regelmäßig begrüßt die Moderatorin Eva Roth Gäste und erläutert die Lage."
    assert "Regelmäßig" not in parties(text, "de")


@pytest.mark.parametrize(
    "second",
    [
        "She announced this before the budget debate, hoping it would make her look busy.",
        "She announced it on Monday.",
        "The ministry confirmed this to reporters on Monday.",
    ],
)
def test_a_pronoun_for_what_was_said_before_is_not_a_claim_of_its_own(second: str) -> None:
    # What she announced is the sentence before (the author's); the rest is the writer's
    # reading of her motives, not hers.
    assert found(f"Mayor Anna Berg lowered the bus fare. {second}") == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Mayor Anna Berg said this is wrong.", "this is wrong"),
        (
            "The editor rejected this, saying they had caved to pressure.",
            "this, saying they had caved to pressure",
        ),
    ],
)
def test_a_pronoun_opening_what_was_said_in_the_sentence_stays(text: str, quote: str) -> None:
    assert [q for _, q in found(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "language", "quote"),
    [
        (
            "The paper did not wait for the release, which had not yet come out: “We have the"
            " figures,” the article said.",
            "en",
            "We have the figures",
        ),
        (
            "Die Zeitung wartete nicht auf die Mitteilung des Vereins, denn diese war noch nicht"
            " erschienen: „Die Zahlen liegen uns vor“, heißt es dazu in dem Artikel.",
            "de",
            "„Die Zahlen liegen uns vor“",
        ),
    ],
)
def test_the_writers_words_before_a_colon_are_no_part_of_the_quotation(
    text: str, language: str, quote: str
) -> None:
    assert [q for _, q in found(text, language)] == [quote]
