"""Legacy-encoded text and web pages import in the encoding they were written in."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.importers.base import extract_file
from tests.conftest import write_fixture

WESTERN = [
    pytest.param("Café.", id="one-word"),
    pytest.param("Le café de Genève a été fermé.", id="french-short"),
    pytest.param("Señor Núñez said talks failed.", id="spanish-short"),
    pytest.param(
        "Talks between Señor Núñez and officials from Genève resumed on Friday.",
        id="english-with-foreign-names",
    ),
    pytest.param(
        "O ministro disse que as negociações serão retomadas em São Paulo.", id="portuguese"
    ),
    pytest.param("Il ministro ha detto che i colloqui riprenderanno venerdì.", id="italian"),
]

OTHERS = [
    pytest.param(
        "Minister spraw zagranicznych powiedział, że rozmowy zostaną wznowione w piątek. "
        "Źródła w ministerstwie twierdzą, że Łódź poprze ten plan.",
        "cp1250",
        id="polish",
    ),
    pytest.param("Rząd ogłosił, że granica będzie zamknięta.", "cp1250", id="polish-short"),
    pytest.param(
        "Ministr zahraničí řekl, že jednání budou obnovena v pátek. "
        "Podle úřadů se situace na hranici zhoršila.",
        "cp1250",
        id="czech",
    ),
    pytest.param(
        "Министр иностранных дел заявил, что переговоры возобновятся в пятницу. "
        "Граница остаётся закрытой.",
        "cp1251",
        id="russian-cp1251",
    ),
    pytest.param(
        "Министр иностранных дел заявил, что переговоры возобновятся в пятницу. "
        "Граница остаётся закрытой.",
        "koi8_r",
        id="russian-koi8-r",
    ),
]


@pytest.mark.parametrize("sentence", WESTERN)
def test_windows_1252_text_file_reads_as_written(tmp_path: Path, sentence: str) -> None:
    path = write_fixture(tmp_path / "note.txt", (sentence + "\n").encode("cp1252"))
    assert extract_file(path).text == sentence


@pytest.mark.parametrize(("sentence", "encoding"), OTHERS)
def test_central_european_and_cyrillic_text_files_keep_their_letters(
    tmp_path: Path, sentence: str, encoding: str
) -> None:
    path = write_fixture(tmp_path / "note.txt", (sentence + "\n").encode(encoding))
    assert extract_file(path).text == sentence


def test_web_page_without_a_declared_charset_reads_as_windows_1252(tmp_path: Path) -> None:
    page = "<html><body><p>La frontière était fermée, selon le ministère.</p></body></html>"
    path = write_fixture(tmp_path / "fr.html", page.encode("cp1252"))
    assert extract_file(path).text == "La frontière était fermée, selon le ministère."


def test_russian_web_page_without_a_declared_charset_stays_russian(tmp_path: Path) -> None:
    sentence = "Министр иностранных дел заявил, что переговоры возобновятся в пятницу."
    page = f"<html><body><p>{sentence}</p></body></html>"
    path = write_fixture(tmp_path / "ru.html", page.encode("cp1251"))
    assert extract_file(path).text == sentence


def test_page_labelled_latin_1_shows_its_windows_quotes(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body>'
        "<p>The minister called it \x93a step forward\x94 \x96 his words.</p></body></html>"
    )
    path = write_fixture(tmp_path / "quotes.html", page.encode("latin-1"))
    assert extract_file(path).text == "The minister called it “a step forward” – his words."


def test_a_page_labelled_ascii_that_is_really_utf8_reads_as_utf8() -> None:
    from briefing_app.core.importers.decoding import decode_html

    page = '<html><head><meta charset="us-ascii"></head><body><p>Genève café in Zürich</p>'
    assert "Genève café in Zürich" in decode_html(page.encode("utf-8"))
