"""Suggested event dates: the date of the event reported, not of the reporting, nor of an
earlier event told in passing; a bare weekday is the latest such day up to publication."""

from __future__ import annotations

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.timeline import suggested_dates, timeline
from briefing_app.core.suggest.event_dates import suggest_event_date

TUESDAY = "2025-03-04"  # the source's publication day, a Tuesday


@pytest.mark.parametrize(
    ("language", "sentence", "words"),
    [
        ("en", "Residents said on Tuesday that they had seen a car outside the depot on the "
         "evening of 1 March.", "on the evening of 1 March"),
        ("en", "Residents said Tuesday they had seen a car on 1 March.", "on 1 March"),
        ("en", "On Tuesday, police said that three workers died on 1 March.", "on 1 March"),
        ("en", "The minister told reporters on Tuesday that the camp was attacked on 1 March.",
         "on 1 March"),
        ("en", "Three workers died on 1 March, police said on Tuesday.", "on 1 March"),
        ("en", "The ministry said in a statement on Tuesday that three workers died on 1 March.",
         "on 1 March"),
        ("fr", "La police a dit mardi que trois ouvriers sont morts le 1er mars.", "le 1er mars"),
        ("fr", "Les habitants ont déclaré mardi avoir vu une voiture le 1er mars.",
         "le 1er mars"),
        ("de", "Die Polizei teilte am Dienstag mit, dass Anwohner am 1. März ein Auto gesehen "
         "hätten.", "am 1. März"),
        ("de", "Am Dienstag sagte der Minister, das Lager sei am 1. März angegriffen worden.",
         "am 1. März"),
    ],
)  # fmt: skip
def test_a_date_inside_what_was_said_wins_over_the_day_it_was_said(
    language: str, sentence: str, words: str
) -> None:
    found = suggest_event_date(sentence, language, TUESDAY)
    assert (found.date, found.words) == ("2025-03-01", words)
    assert "when it was said" not in found.reason


@pytest.mark.parametrize(
    ("language", "sentence", "words"),
    [
        ("en", "Residents said on Tuesday that they had seen a car outside the depot.",
         "on Tuesday"),
        ("en", "On Tuesday police said three workers had died.", "On Tuesday"),
        ("fr", "La police a dit mardi que trois ouvriers sont morts.", "mardi"),
        ("de", "Die Polizei teilte am Dienstag mit, dass drei Arbeiter starben.", "Dienstag"),
        # Inverted after what was said, the speaker between the verb and the day.
        ("en", "“Three workers died,” said the minister on Tuesday.", "on Tuesday"),
        ("fr", "Trois ouvriers sont morts, a déclaré le ministre mardi.", "mardi"),
        ("de", "Drei Arbeiter starben, teilte das Ministerium am Dienstag mit.", "Dienstag"),
        ("de", "Drei Arbeiter starben, sagte der Minister am Dienstag.", "am Dienstag"),
    ],
)  # fmt: skip
def test_the_day_it_was_said_alone_is_suggested_as_the_latest_the_event_can_be(
    language: str, sentence: str, words: str
) -> None:
    found = suggest_event_date(sentence, language, TUESDAY)
    # The publication day itself, never the Tuesday a week before.
    assert found.date == TUESDAY
    assert words in found.words
    assert "(when it was said: the event is on or before it)" in found.reason


@pytest.mark.parametrize(
    ("language", "sentence", "words", "expected"),
    [
        ("en", "Police said three workers died on Sunday.", "on Sunday", "2025-03-02"),
        ("en", "Three workers died on Tuesday, police said.", "on Tuesday", TUESDAY),
        ("en", "Gunmen attacked the camp on Tuesday.", "on Tuesday", TUESDAY),
        ("en", "Gunmen attacked the camp on Tuesday evening.", "on Tuesday evening", TUESDAY),
        # "States" written as a name is no reporting verb.
        ("en", "On Tuesday the United States launched strikes on the port.", "On Tuesday",
         TUESDAY),
        # A saying still to come is the event itself.
        ("en", "On Tuesday, the ministry will announce a new strategy.", "On Tuesday", TUESDAY),
        # "Last Tuesday", said on a Tuesday, is the week before.
        ("en", "Gunmen attacked the camp last Tuesday.", "last Tuesday", "2025-02-25"),
        ("fr", "Des hommes armés ont attaqué le camp mardi soir.", "mardi", TUESDAY),
        ("de", "Bewaffnete griffen das Lager am Dienstagabend an.", "am Dienstag", TUESDAY),
        ("fr", "Des hommes armés ont attaqué le camp mardi.", "mardi", TUESDAY),
        ("de", "Bewaffnete griffen das Lager am Dienstag an.", "am Dienstag", TUESDAY),
        ("de", "Bewaffnete griffen das Lager am Mittwoch an.", "am Mittwoch", "2025-02-26"),
    ],
)  # fmt: skip
def test_a_weekday_away_from_the_reporting_verb_dates_the_event_on_or_before_publication(
    language: str, sentence: str, words: str, expected: str
) -> None:
    found = suggest_event_date(sentence, language, TUESDAY)
    assert found.date == expected
    assert words in found.words
    assert "when it was said" not in found.reason


@pytest.mark.parametrize(
    ("language", "sentence", "words", "expected"),
    [
        ("en", "The plant, which failed an inspection in January 2024, exploded on Sunday, "
         "police said.", "on Sunday", "2025-03-02"),
        ("en", "The ministry said the plant, which failed an inspection in January 2024, was "
         "closed on Monday.", "on Monday", "2025-03-03"),
        ("fr", "L'usine, qui avait échoué à une inspection en janvier 2024, a explosé dimanche.",
         "dimanche", "2025-03-02"),
        ("de", "Das Werk, das im Januar 2024 eine Prüfung nicht bestanden hatte, explodierte "
         "am Sonntag.", "am Sonntag", "2025-03-02"),
    ],
)  # fmt: skip
def test_a_date_told_in_passing_in_a_relative_clause_is_not_the_claims_event(
    language: str, sentence: str, words: str, expected: str
) -> None:
    found = suggest_event_date(sentence, language, TUESDAY)
    assert (found.date, found.words) == (expected, words)


@pytest.mark.parametrize(
    ("language", "sentence", "words"),
    [
        ("en", "The plant, which failed an inspection in January 2024, exploded.",
         "in January 2024"),
        ("fr", "L'usine, qui avait échoué à une inspection en janvier 2024, a explosé.",
         "en janvier 2024"),
        ("de", "Das Werk, das im Januar 2024 eine Prüfung nicht bestanden hatte, explodierte.",
         "im Januar 2024"),
    ],
)  # fmt: skip
def test_with_only_an_earlier_events_date_nothing_is_suggested_and_the_reason_says_why(
    language: str, sentence: str, words: str
) -> None:
    for published in (None, TUESDAY):
        found = suggest_event_date(sentence, language, published)
        assert (found.date, found.words) == (None, words)
        assert found.reason == f"{words!r} dates an earlier event told in passing, not the claim's"


def test_the_words_shown_are_the_date_and_no_more() -> None:
    thursday = "2025-03-06"
    found = suggest_event_date(
        "Un avion, qui attendait à Dubaï depuis mardi, a atterri jeudi à Katmandou.",
        "fr",
        thursday,
    )
    # "depuis mardi" tells the wait, in passing; the landing is this Thursday.
    assert (found.date, found.words) == (thursday, "jeudi")
    found = suggest_event_date("The founder said Tuesday in a post that it worked.", "en", TUESDAY)
    assert (found.date, found.words) == (TUESDAY, "Tuesday")
    found = suggest_event_date("The dam burst on April 17, 2015, officials said.", "en", None)
    assert (found.date, found.words) == ("2015-04-17", "on April 17, 2015")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The claim is what was failed: its month is the claim's event.
        ("The company said the plant failed an inspection in January 2024.", "2024-01"),
        # A clause running to the end carries the news itself.
        ("Police arrested a man, who had fled on Sunday.", "2025-03-02"),
    ],
)
def test_a_date_of_the_main_clause_or_an_unclosed_clause_stays_the_events(
    sentence: str, expected: str
) -> None:
    assert suggest_event_date(sentence, "en", TUESDAY).date == expected


def test_the_chronology_reads_the_claims_own_clause_when_the_claim_is_the_earlier_event(
    lib: Library,
) -> None:
    text = (
        "Officials met on 2 March 2025. "
        "The plant, which failed an inspection in January 2024, exploded, residents said."
    )
    src = lib.sources.add(ExtractedDocument(title="T", text=text, language="en", published=TUESDAY))
    inspection = lib.claims.add(src.id, quote="failed an inspection in January 2024")
    explosion = lib.claims.add(src.id, quote="The plant, which failed")
    found = suggested_dates(lib, timeline(lib))
    assert (found[inspection.id].date, found[inspection.id].words) == ("2024-01", "in January 2024")
    # The explosion's sentence has no date of its own; the first sentence's is not borrowed.
    assert found[explosion.id].date is None
    assert "earlier event" in found[explosion.id].reason


AFTER_IT = "(what it follows: the event is after it)"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Prices rose after the March 3 decision."),
        ("en", "Prices have risen since March 3."),
        ("en", "Protests spread following the 3 March vote."),
        ("fr", "Les prix ont augmenté depuis le 3 mars."),
        ("fr", "Les prix ont augmenté après le 3 mars."),
        ("de", "Die Preise steigen seit dem 3. März."),
        ("de", "Die Preise stiegen nach dem 3. März."),
    ],
)
def test_a_date_the_event_follows_is_offered_as_the_day_it_is_after(
    language: str, sentence: str
) -> None:
    """ "After/since <date>" is not the event's date: the rise is later than March 3."""
    found = suggest_event_date(sentence, language, TUESDAY)
    assert found.date == "2025-03-03"
    assert AFTER_IT in found.reason


WALK = (
    "DUSHANBE — Tajikistan's Ministry of Internal Affairs said on Tuesday that it would not "
    "allow Chinese private security companies to guard construction sites in Khatlon province, "
    "a week after three Chinese workers were killed in an attack on 26 November."
)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "China asked for guarantees after an attack on 26 November killed three workers."),
        ("en", "After three workers were killed on 26 November China asked for guarantees."),
        ("fr", "Pékin a demandé des garanties après que trois ouvriers ont été tués le "
         "26 novembre."),
        ("de", "Peking forderte Garantien, nachdem am 26. November drei Arbeiter getötet "
         "worden waren."),
    ],
)  # fmt: skip
def test_a_date_inside_an_after_clause_is_one_the_event_follows(
    language: str, sentence: str
) -> None:
    """The walk: "…, a week after three workers were killed in an attack on 26 November"
    offered 26 November as the day Tajikistan refused, with nothing to say it was before."""
    found = suggest_event_date(sentence, language, "2025-12-03")
    assert found.date == "2025-11-26"
    assert AFTER_IT in found.reason


def test_the_walks_refusal_follows_the_attack_unless_the_claim_is_the_attack() -> None:
    refusal = WALK.index("it would not")
    found = suggest_event_date(WALK, "en", "2025-12-03", claim=(refusal, len(WALK) - 1))
    assert found.date == "2025-11-26" and AFTER_IT in found.reason
    killed = WALK.index("three Chinese workers")
    found = suggest_event_date(WALK, "en", "2025-12-03", claim=(killed, len(WALK) - 1))
    assert found.date == "2025-11-26" and AFTER_IT not in found.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "After talks ended, the ministry said three workers died on 26 November.",
        "He has lived there since childhood and died on 26 November.",
        "The ministry issued the following statement on 26 November.",
    ],
)
def test_a_date_outside_any_after_clause_stays_the_events(sentence: str) -> None:
    found = suggest_event_date(sentence, "en", "2025-12-03")
    assert found.date == "2025-11-26" and AFTER_IT not in found.reason


def test_the_events_own_date_wins_over_one_it_follows() -> None:
    found = suggest_event_date("Prices rose on 4 March after the 3 March decision.", "en", TUESDAY)
    assert found.date == TUESDAY and "4 March" in found.words
    assert AFTER_IT not in found.reason


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("The man that police arrested on Sunday was released on Monday.", "on Monday",
         "2025-03-03"),
        ("The plant that failed an inspection in January 2024 exploded on Sunday.", "on Sunday",
         "2025-03-02"),
        ("The company said the plant that failed on 2 May will reopen on Monday.", "on Monday",
         "2025-03-03"),
    ],
)  # fmt: skip
def test_a_date_in_a_restrictive_that_clause_is_an_earlier_event_like_a_comma_set_one(
    sentence: str, words: str, expected: str
) -> None:
    found = suggest_event_date(sentence, "en", TUESDAY)
    assert (found.date, found.words) == (expected, words)


def test_with_only_a_restrictive_clauses_date_nothing_is_suggested_unless_the_claim_is_it() -> None:
    sentence = "The plant that failed on 2 May will reopen."
    found = suggest_event_date(sentence, "en", TUESDAY)
    assert (found.date, found.words) == (None, "on 2 May")
    assert found.reason == "'on 2 May' dates an earlier event told in passing, not the claim's"
    # The claim is the failure itself: its date is the claim's event.
    at = sentence.index("failed on 2 May")
    claim = (at, at + len("failed on 2 May"))
    assert suggest_event_date(sentence, "en", TUESDAY, claim=claim).date == "2024-05-02"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister told the press that the camp was attacked on 1 March and will be rebuilt.",
        "The minister said that the camp was attacked on 1 March and was rebuilt.",
        "Police said that three workers died on 1 March.",
    ],
)
def test_a_that_opening_what_was_said_is_no_relative_clause(sentence: str) -> None:
    assert suggest_event_date(sentence, "en", TUESDAY).date == "2025-03-01"
