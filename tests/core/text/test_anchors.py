"""Normalisation and re-anchoring: offsets stay exact whatever the input's encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefing_app.core.importers.base import extract_file
from briefing_app.core.library import Library
from briefing_app.core.text.anchors import Anchor, anchor_at, normalise_text, reanchor
from tests.conftest import write_fixture

ARTICLE = (
    "Deadly Attack in Khatlon\r\n\r\n"
    "Tajik officials said “three workers” died.\r\nCafé owners fled.\r\n"
)


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1252"),
        ARTICLE.replace("\r\n", "\r").encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252", "cr-only"],
)
def test_any_encoding_imports_to_the_same_text_and_offsets(
    lib: Library, tmp_path: Path, encoded: bytes
) -> None:
    path = write_fixture(tmp_path / "article.txt", encoded)
    doc = extract_file(path)
    assert doc.title == "Deadly Attack in Khatlon"
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    source = lib.sources.add(doc)
    claim = lib.claims.add(source.id, quote="“three workers” died")
    stored = lib.sources.get(source.id).text
    assert stored[claim.start : claim.end] == "“three workers” died"
    assert claim.start == stored.index("“three")
    assert "Café" in stored


def test_decomposed_accents_are_stored_composed() -> None:
    assert normalise_text("Cafe\u0301") == "Café"


def test_reanchor_finds_the_quote_after_the_text_shifted() -> None:
    old = "Intro. The Taliban denied it. Later the Taliban denied it again."
    anchor = anchor_at(old, old.rindex("the Taliban denied"), old.rindex(" again"))
    new = "A new first paragraph was added.\n\n" + old
    start, end = reanchor(new, anchor) or (0, 0)
    assert new[start:end] == anchor.quote
    assert new[end:].startswith(" again")  # the second occurrence, chosen by its context


def test_reanchor_tolerates_changed_whitespace_and_reports_missing() -> None:
    anchor = Anchor(0, 15, "three   workers", "", "")
    text = "We heard three workers died."
    span = reanchor(text, anchor)
    assert span is not None and text[span[0] : span[1]] == "three workers"
    assert reanchor("nothing here", Anchor(0, 5, "three", "", "")) is None


def test_a_span_is_trimmed_of_the_whitespace_at_its_ends() -> None:
    from briefing_app.core.text.anchors import trimmed_span

    text = "Police said:\n  three died. \n"
    assert trimmed_span(text, 12, len(text)) == (15, 26)
    assert text[15:26] == "three died."
    assert trimmed_span(text, 12, 15) is None  # only whitespace: nothing to tag
    assert trimmed_span(text, 0, 6) == (0, 6)


def test_a_span_cut_inside_words_is_widened_to_the_whole_words() -> None:
    from briefing_app.core.text.anchors import whole_word_span

    text = "Parata, 75, has overseen 500 strandings in Māori land.\n"
    start = text.index("trandings")
    span = whole_word_span(text, text.index("ata,"), start + 2)
    assert span is not None and text[span[0] : span[1]] == "Parata, 75, has overseen 500 strandings"
    # Already on word edges, or ending at punctuation: unchanged but for the whitespace.
    edges = whole_word_span(text, 8, text.index(" in") + 1)
    assert edges is not None and text[edges[0] : edges[1]] == "75, has overseen 500 strandings"
    in_word = whole_word_span(text, text.index("āori") + 1, text.index("āori") + 2)
    assert in_word is not None and text[in_word[0] : in_word[1]] == "Māori"
    assert whole_word_span(text, len(text) - 1, len(text)) is None
    # Chinese has no spaces between words: a selection there is taken as it is, not widened
    # to the whole clause around it.
    chinese = "谷歌旗下的DeepMind公司发布了新电脑。"
    begin = chinese.index("发布")
    assert whole_word_span(chinese, begin, begin + 2) == (begin, begin + 2)
    hindi = "मंत्रालय ने कहा"  # "the ministry said": its first word has vowel signs and a virama
    span = whole_word_span(hindi, 2, 4)
    assert span is not None and hindi[span[0] : span[1]] == "मंत्रालय"
