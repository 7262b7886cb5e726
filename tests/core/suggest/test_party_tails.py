"""Party names that carry too many words: a place, a participle phrase or a media noun after
the name (issue 21, party trimming).

The sentences are written for these tests, in English, French and German; each trimmed class
has negatives whose words belong to the name and must stay whole.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import parties


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        # A generic media noun, then where the paper is published.
        (
            "The Harbour Gazette newspaper in Freetown reported that the ferry had sunk.",
            "en",
            "The Harbour Gazette",
        ),
        (
            "The Coastal Herald newspaper said that the port would close.",
            "en",
            "The Coastal Herald",
        ),
        ("Nordwind Motors in Stuttgart said that it would cut 400 jobs.", "en", "Nordwind Motors"),
        ("Die Rheinpost Zeitung berichtete, dass die Brücke gesperrt wird.", "de", "Die Rheinpost"),
        (
            "Die Firma Kessler Bau aus Dresden teilte mit, dass sie Insolvenz anmeldet.",
            "de",
            "Die Firma Kessler Bau",
        ),
        (
            "Le cabinet Marchal Conseil à Lyon a indiqué que le contrat serait rompu.",
            "fr",
            "Le cabinet Marchal Conseil",
        ),
    ],
)
def test_a_place_or_media_noun_after_a_name_is_trimmed(
    text: str, language: str, party: str
) -> None:
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        ("A spokesman based in Geneva said that talks would resume.", "en", "A spokesman"),
        (
            "A diplomat speaking at the summit said that the deal was close.",
            "en",
            "A diplomat",
        ),
        (
            "Un responsable syndical départemental présent à la réunion a indiqué que la grève "
            "continuerait.",
            "fr",
            "Un responsable syndical départemental",
        ),
        (
            "Une élue régionale présente lors du vote a déclaré que le budget était injuste.",
            "fr",
            "Une élue régionale",
        ),
        (
            "Die Reederei Hansa Linie mit Sitz in Bremen teilte mit, dass sie Schiffe verkauft.",
            "de",
            "Die Reederei Hansa Linie",
        ),
        (
            "A professor visiting from Oxford said that the results were wrong.",
            "en",
            "A professor",
        ),
    ],
)
def test_a_participle_phrase_after_the_speaker_is_trimmed(
    text: str, language: str, party: str
) -> None:
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        # Names that hold "of", "at", a capitalised media noun or an adjective before it.
        ("The Bank of England said that rates would rise.", "en", "The Bank of England"),
        (
            "The University of Texas at Austin said that classes would resume.",
            "en",
            "The University of Texas at Austin",
        ),
        ("The Mayor of London said that fares would be frozen.", "en", "The Mayor of London"),
        (
            "The Wall Street Journal reported that the merger was off.",
            "en",
            "The Wall Street Journal",
        ),
        ("Le Monde a indiqué que le ministre démissionnait.", "fr", "Le Monde"),
        (
            "Die Süddeutsche Zeitung berichtete, dass der Minister zurücktritt.",
            "de",
            "Die Süddeutsche Zeitung",
        ),
        (
            "Die Frankfurter Allgemeine Zeitung berichtete, dass der Minister zurücktritt.",
            "de",
            "Die Frankfurter Allgemeine Zeitung",
        ),
        (
            "Die Berliner Zeitung berichtete, dass der Senat zurücktritt.",
            "de",
            "Die Berliner Zeitung",
        ),
        # A common noun before a place: the place says which officials.
        ("Officials in Liberia said that he had no symptoms.", "en", "Officials in Liberia"),
        # A description ending in a media noun is not a name with a noun after it.
        (
            "The editor of a British tabloid said that the story was true.",
            "en",
            "The editor of a British tabloid",
        ),
        # "Ohio based" before a name is an adjective, not a participle phrase to cut at.
        (
            "The trial failed, and this week Ohio based company Lantern Bio said that it would "
            "stop.",
            "en",
            "Lantern Bio",
        ),
    ],
)
def test_words_that_belong_to_the_name_stay(text: str, language: str, party: str) -> None:
    assert parties(text, language) == [party]
