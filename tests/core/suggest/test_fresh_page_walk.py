"""Party classes an analyst met walking the suggestion list on fresh news pages (issue 21).

The sentences are written for these tests, after the shapes the walk found.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import parties


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
