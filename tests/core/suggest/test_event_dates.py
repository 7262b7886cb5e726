"""Suggested event dates: read in the source's language, relative ones from the publication day."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.timeline import suggested_dates, timeline
from briefing_app.core.suggest.event_dates import claim_sentence, suggest_event_date

PUBLISHED = "2025-12-03"  # a Wednesday


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "Officials said three workers were killed on 26 November 2025.", "2025-11-26"),
        ("en", "Gunmen attacked the camp on 30 November 2025 at 14:00.", "2025-11-30T14:00"),
        ("en", "The attack happened in March 2024.", "2024-03"),
        ("fr", "Trois ouvriers ont été tués le 26 novembre 2025.", "2025-11-26"),
        ("de", "Am 30. November 2025 griffen Bewaffnete das Lager an.", "2025-11-30"),
    ],
)
def test_an_absolute_date_needs_no_publication_day(
    language: str, sentence: str, expected: str
) -> None:
    for published in (None, PUBLISHED):
        assert suggest_event_date(sentence, language, published).date == expected


@pytest.mark.parametrize(
    ("language", "sentence", "words", "expected"),
    [
        ("en", "The incident last week left three dead.", "last week", "2025-11-26"),
        ("en", "Officials said on Sunday that three workers were killed.", "on Sunday",
         "2025-11-30"),
        ("en", "Three workers were killed on 26 November.", "on 26 November", "2025-11-26"),
        ("fr", "Trois ouvriers ont été tués hier.", "hier", "2025-12-02"),
        ("fr", "Trois ouvriers ont été tués dimanche.", "dimanche", "2025-11-30"),
        ("de", "Letzte Woche wurde das Lager angegriffen.", "Letzte Woche", "2025-11-26"),
        ("de", "Die Polizei teilte am Sonntag mit, dass drei Arbeiter starben.", "Sonntag",
         "2025-11-30"),
        ("de", "Letzten Monat wurde das Lager angegriffen.", "Letzten Monat", "2025-11"),
    ],
)  # fmt: skip
def test_a_relative_date_counts_from_the_publication_day(
    language: str, sentence: str, words: str, expected: str
) -> None:
    found = suggest_event_date(sentence, language, PUBLISHED)
    assert found.date == expected
    assert words in found.words
    assert found.reason.endswith(f"counted from the publication day {PUBLISHED}")


@pytest.mark.parametrize(
    ("language", "sentence", "words"),
    [
        ("en", "The incident last week left three dead.", "last week"),
        ("fr", "Trois ouvriers ont été tués hier.", "hier"),
        ("de", "Letzte Woche wurde das Lager angegriffen.", "Letzte Woche"),
    ],
)
def test_without_a_publication_day_a_relative_date_gives_none_and_says_why(
    language: str, sentence: str, words: str
) -> None:
    for published in (None, "", "2025-12"):  # a month is not a day to count from
        found = suggest_event_date(sentence, language, published)
        assert found.date is None
        assert found.reason == f"{found.words!r} is relative and the source has no publication day"
        assert words in found.words


@pytest.mark.parametrize(
    ("language", "sentence", "words"),
    [
        ("de", "In der Nacht zum Montag ein Schaden entstanden.", "Montag"),
        ("de", "Am Montag zwei Männer festgenommen.", "Am Montag"),
        ("en", "On Monday one man died.", "On Monday"),
        ("en", "On Monday a man died.", "On Monday"),
        ("fr", "Lundi un homme est mort.", "Lundi"),
        ("pt", "Na segunda-feira um homem morreu.", "segunda-feira"),
    ],
)
def test_a_number_word_after_a_weekday_is_not_read_as_its_day(
    language: str, sentence: str, words: str
) -> None:
    # dateparser read "Montag ein" as 5 January (the "one" taken for the month): the tester's
    # German source, published Wednesday 5 March 2025, had its Monday dated two months early.
    found = suggest_event_date(sentence, language, "2025-03-05")
    assert (found.date, found.words) == ("2025-03-03", words)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "It may be the second attack this year, a spokesman said now."),
        ("de", "Die Polizei sagte, es gebe mit Sicherheit weitere Opfer."),
        ("en", "China has called on the Tajik authorities to guarantee safety."),
    ],
)
def test_ordinary_words_are_not_taken_for_dates(language: str, sentence: str) -> None:
    found = suggest_event_date(sentence, language, PUBLISHED)
    assert (found.date, found.reason) == (None, "no date in the claim's sentence")


def test_a_source_of_unknown_language_gets_no_suggestion_and_a_reason() -> None:
    assert suggest_event_date("Died on 3 May 2025.", "", None).reason == (
        "the source's language is not known"
    )
    assert suggest_event_date("Died on 3 May 2025.", "xx", None).reason == (
        "dates in language 'xx' cannot be read"
    )


def test_the_claim_sentence_is_the_one_holding_the_claim() -> None:
    text = "On 1 May 2020 nothing happened. Police said three died on Sunday. Then rain."
    start = text.index("three died")
    assert claim_sentence(text, start, start + 10) == "Police said three died on Sunday."


def test_the_timeline_suggests_dates_for_undated_claims_without_storing_them(
    lib: Library,
) -> None:
    text = "Le 1er mai 2020, rien. La police a dit dimanche que trois ouvriers sont morts."
    src = lib.sources.add(
        ExtractedDocument(title="T", text=text, language="fr", published=PUBLISHED)
    )
    claim = lib.claims.add(src.id, quote="trois ouvriers sont morts")
    rows = timeline(lib)
    found = suggested_dates(lib, rows)[claim.id]
    assert (found.date, found.words) == ("2025-11-30", "dimanche")
    assert lib.claims.get(claim.id).event_date == ""  # shown, never stored
    assert rows[0].to_json(found.to_json())["suggested_event_date"]["date"] == "2025-11-30"


def test_dateparser_is_imported_only_when_a_suggestion_is_asked_for(tmp_path: Path) -> None:
    code = (
        "import sys, json\n"
        "from briefing_app.core.library import Library\n"
        "from briefing_app.core.records.timeline import timeline\n"
        "lib = Library.open(':memory:')\n"
        "timeline(lib)\n"
        "before = 'dateparser' in sys.modules\n"
        "from briefing_app.core.suggest.event_dates import suggest_event_date\n"
        "imported = 'dateparser' in sys.modules\n"
        "suggest_event_date('Died on 3 May 2025.', 'en', None)\n"
        "print(json.dumps([before, imported, 'dateparser' in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )  # fmt: skip
    assert json.loads(out.stdout) == [False, False, True]
