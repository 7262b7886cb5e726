"""Sentence splitting by offsets: abbreviations, initials and quotations."""

from __future__ import annotations

from briefing_app.core.suggest.languages import lexicon_for
from briefing_app.core.suggest.sentences import split_sentences

ABBREVIATIONS = lexicon_for("en").abbreviations


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, ABBREVIATIONS)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    assert texts("Mr. Li met Dr. J. Smith at 5 p.m. Monday. The U.S. Army left.") == [
        "Mr. Li met Dr. J. Smith at 5 p.m. Monday.",
        "The U.S. Army left.",
    ]


def test_a_quotation_keeps_its_sentences_together() -> None:
    assert texts("“Go. Now,” she said. They left.") == ["“Go. Now,” she said.", "They left."]


def test_offsets_index_the_text_and_paragraphs_split() -> None:
    text = "First one.\n\n  Second one? Yes."
    sentences = split_sentences(text, ABBREVIATIONS)
    assert [text[s.start : s.end] for s in sentences] == ["First one.", "Second one?", "Yes."]
    assert [s.paragraph for s in sentences] == [0, 1, 1]
