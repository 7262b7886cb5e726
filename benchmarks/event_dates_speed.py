"""The Chronology's suggested event date of one claim against one plain dateparser read of its
sentence.

    python benchmarks/event_dates_speed.py [--runs 5]

Ours: `suggest_event_date` over SENTENCES (English, French, German; dates of the event, of the
reporting, of an earlier event in a relative clause, relative ones counted from a publication
day), the time per sentence: dateparser read from two base days, the role of each date found,
a third read from the publication day when a date depends on it.
Baseline: dateparser's `search_dates` once over each of the same sentences, in its language,
from the publication day: the least any date suggester built on it pays.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from timing import paired_medians

from briefing_app.core.suggest.event_dates import suggest_event_date

PUBLISHED = "2025-03-04"
SENTENCES = (
    ("en", "Residents said on Tuesday that they had seen a car outside the depot on the "
     "evening of 1 March."),
    ("en", "Officials said on Sunday that three workers were killed."),
    ("en", "The plant, which failed an inspection in January 2024, exploded on Sunday, police "
     "said."),
    ("en", "Gunmen attacked the camp on 30 November 2024 at 14:00."),
    ("en", "The incident last week left three dead."),
    ("en", "China has called on the Tajik authorities to guarantee safety."),
    ("fr", "La police a dit mardi que trois ouvriers sont morts le 1er mars."),
    ("fr", "L'usine, qui avait échoué à une inspection en janvier 2024, a explosé dimanche."),
    ("de", "Die Polizei teilte am Dienstag mit, dass Anwohner am 1. März ein Auto gesehen "
     "hätten."),
    ("de", "Letzte Woche wurde das Lager angegriffen."),
)  # fmt: skip


def measure(runs: int) -> dict[str, float]:
    """Return the medians (seconds per sentence) of ours and of the baseline."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(PUBLISHED).replace(hour=12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}

    def ours() -> None:
        for language, sentence in SENTENCES:
            suggest_event_date(sentence, language, PUBLISHED)

    def baseline() -> None:
        for language, sentence in SENTENCES:
            search_dates(sentence, languages=[language], settings=settings)

    mine, theirs = paired_medians(runs, ours, baseline)
    return {
        "ours": mine / len(SENTENCES),
        "baseline": theirs / len(SENTENCES),
        "sentences": len(SENTENCES),
    }


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    m = measure(parser.parse_args().runs)
    print(
        f"suggested event date: {m['ours'] * 1000:.2f} ms a sentence; one dateparser read "
        f"{m['baseline'] * 1000:.2f} ms; ratio {m['ours'] / m['baseline']:.2f}x "
        f"({m['sentences']:.0f} sentences)"
    )


if __name__ == "__main__":
    main()
