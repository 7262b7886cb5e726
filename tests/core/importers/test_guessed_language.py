"""A file declaring no language is imported with one guessed from its text; a declared one wins."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx

from briefing_app.core.importers.base import extract_file
from briefing_app.core.importers.references import read_references, reference_document
from briefing_app.core.library import Library
from briefing_app.core.suggest.event_dates import suggest_for_claim
from tests.cli.runner import briefing
from tests.conftest import write_fixture

GERMAN_REPORT = (
    "Brand in Lagerhalle\n\n"
    "Bei einem Brand in einer Lagerhalle am Stadtrand ist in der Nacht zum Montag ein Schaden "
    "von mehreren Millionen Euro entstanden. Drei Menschen wurden verletzt, teilte die Polizei "
    "mit. Die Feuerwehr war mit mehr als hundert Einsatzkräften vor Ort und konnte ein "
    "Übergreifen der Flammen auf die benachbarten Wohnhäuser verhindern. Dem Bürgermeister "
    "zufolge soll die Halle nicht wieder aufgebaut werden. Die Ursache des Feuers ist noch "
    "unklar, die Ermittlungen dauern an. Bereits am 28. Februar hatte es in der Halle "
    "gebrannt.\n"
)
FRENCH_REPORT = (
    "Le gouvernement a annoncé lundi que les négociations reprendraient la semaine prochaine, "
    "selon un communiqué du ministère. Il s’agit de la première rencontre depuis les "
    "élections, a déclaré le porte-parole, qui a précisé que les deux parties étaient prêtes "
    "à discuter de toutes les questions qui restent ouvertes."
)
ENGLISH_REPORT = (
    "The harbour master said on Monday that the port would stay closed until the end of the "
    "week, and that ships waiting outside it had been told to anchor further out. It was the "
    "second closure this year, and the authorities have not said when the work will be done."
)


def test_a_german_text_file_is_imported_as_german_and_suggested_with_german_rules(
    tmp_path: Path,
) -> None:
    doc = extract_file(write_fixture(tmp_path / "brand.txt", GERMAN_REPORT))
    assert (doc.language, doc.language_guessed) == ("de", True)
    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(doc)
    assert lib.sources.get(source.id).language == "de"
    # Read with the English rules (as before), "teilte die Polizei mit" named no one.
    parties = [s.party for s in lib.suggestions.for_source(source.id)]
    assert parties == ["die Polizei", "Dem Bürgermeister"]
    # And the Chronology reads its dates in German (before: "the language is not known").
    lib.sources.update(source.id, published="2025-03-05")
    claim = lib.claims.add(source.id, quote="am 28. Februar hatte es in der Halle gebrannt")
    suggested = suggest_for_claim(claim, lib.sources.get(source.id))
    assert suggested.date == "2025-02-28", suggested.reason


def test_a_text_too_short_to_tell_stays_without_a_language(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "short.txt", "Port closed\n\nShips wait outside."))
    assert (doc.language, doc.language_guessed) == ("", False)


def test_an_italian_text_file_is_not_labelled_as_one_of_ours(tmp_path: Path) -> None:
    italian = (
        "Il governo ha annunciato lunedì che i negoziati riprenderanno la settimana prossima, "
        "secondo un comunicato del ministero. Si tratta del primo incontro dopo le elezioni, "
        "ha dichiarato il portavoce, che ha precisato che le due parti sono pronte a discutere "
        "di tutte le questioni ancora aperte."
    )
    doc = extract_file(write_fixture(tmp_path / "it.txt", italian))
    assert doc.language == ""


def _word_file(path: Path, text: str, language: str) -> Path:
    document = docx.Document()
    document.core_properties.language = language
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def test_a_word_file_s_declared_language_wins_over_its_text(tmp_path: Path) -> None:
    # Declared French, written in English (a template's setting): the file's word stands,
    # written as a tag.
    doc = extract_file(_word_file(tmp_path / "memo.docx", ENGLISH_REPORT, "fr_FR"))
    assert (doc.language, doc.language_guessed) == ("fr-FR", False)
    undeclared = extract_file(_word_file(tmp_path / "note.docx", FRENCH_REPORT, ""))
    assert (undeclared.language, undeclared.language_guessed) == ("fr", True)


def _page(head: str, body: str, html_attrs: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split(". "))
    return (
        f"<html{html_attrs}><head><title>Report</title>{head}</head>"
        f"<body><article><h1>Report</h1>{paragraphs}</article></body></html>"
    )


def test_a_page_s_declared_language_wins_and_an_undeclared_one_is_guessed(
    tmp_path: Path,
) -> None:
    declared = _page("", ENGLISH_REPORT, ' lang="de-DE"')
    doc = extract_file(write_fixture(tmp_path / "a.html", declared))
    assert (doc.language, doc.language_guessed) == ("de-DE", False)
    # No <html lang>: OpenGraph's locale is the page's declaration.
    og = _page('<meta property="og:locale" content="pt_BR">', ENGLISH_REPORT)
    assert extract_file(write_fixture(tmp_path / "b.html", og)).language == "pt-BR"
    equiv = _page('<meta http-equiv="Content-Language" content="en">', FRENCH_REPORT)
    assert extract_file(write_fixture(tmp_path / "c.html", equiv)).language == "en"
    bare = extract_file(write_fixture(tmp_path / "d.html", _page("", FRENCH_REPORT)))
    assert (bare.language, bare.language_guessed) == ("fr", True)


def test_a_reference_s_language_wins_over_its_attachment_s_guess(tmp_path: Path) -> None:
    attachment = write_fixture(tmp_path / "report.txt", GERMAN_REPORT)
    ris = write_fixture(
        tmp_path / "refs.ris",
        f"TY  - RPRT\nTI  - Brand\nLA  - English\nL1  - {attachment}\nER  - \n"
        f"TY  - RPRT\nTI  - Brand 2\nL1  - {attachment}\nER  - \n",
    )
    declared, undeclared = (reference_document(r) for r in read_references(ris))
    assert (declared.language, declared.language_guessed) == ("en", False)
    assert (undeclared.language, undeclared.language_guessed) == ("de", True)


def test_inspect_says_the_language_was_guessed(tmp_path: Path) -> None:
    path = write_fixture(tmp_path / "brand.txt", GERMAN_REPORT)
    shown = briefing("inspect", str(path), library=tmp_path / "l.sqlite")
    assert shown.returncode == 0, shown.stderr
    assert "language   de (guessed from the text; the file declares none)" in shown.stdout
    as_json = json.loads(
        briefing("inspect", str(path), "--json", library=tmp_path / "l.sqlite").stdout
    )
    assert (as_json["language"], as_json["language_guessed"]) == ("de", True)


def test_a_guessed_language_is_corrected_with_source_set(tmp_path: Path) -> None:
    library = tmp_path / "l.sqlite"
    path = write_fixture(tmp_path / "brand.txt", GERMAN_REPORT)
    assert briefing("import", str(path), library=library).returncode == 0
    listed = json.loads(briefing("sources", "--json", library=library).stdout)
    assert (listed[0]["language"], listed[0]["language_guessed"]) == ("de", True)
    fixed = briefing("source", "set", "1", "--language", "de-AT", "--json", library=library)
    assert json.loads(fixed.stdout)["language"] == "de-AT"
    source = Library.open(library).sources.get(1)
    assert (source.language, source.language_guessed) == ("de-AT", False)


def test_setting_the_language_ends_the_guess_and_undo_brings_it_back(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(extract_file(write_fixture(tmp_path / "b.txt", GERMAN_REPORT)))
    assert source.language_guessed
    # Confirming the guess as it is makes it a person's choice too.
    edit = lib.sources.edit(source.id, language="de")
    assert lib.sources.get(source.id).language_guessed is False
    lib.sources.revert(edit)
    assert lib.sources.get(source.id) == source
    # Other fields leave the guess a guess.
    lib.sources.update(source.id, outlet="Lokalzeitung")
    assert lib.sources.get(source.id).language_guessed is True


def test_a_source_added_without_a_guess_is_not_marked_guessed(tmp_path: Path) -> None:
    # What other paths store (a review package's sources, a QDA project's) was never guessed.
    from briefing_app.core.importers.base import ExtractedDocument

    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(ExtractedDocument(title="Brand", text=GERMAN_REPORT))
    assert (source.language, source.language_guessed) == ("", False)


def test_a_reference_imported_again_keeps_the_language_a_person_set(tmp_path: Path) -> None:
    attachment = write_fixture(tmp_path / "report.txt", GERMAN_REPORT)
    ris = write_fixture(
        tmp_path / "refs.ris", f"TY  - RPRT\nTI  - Brand\nL1  - {attachment}\nER  - \n"
    )
    lib = Library.open(tmp_path / "lib.sqlite")
    (ref,) = read_references(ris)
    source, outcome, _ = lib.sources.add_or_update(reference_document(ref))
    assert (outcome, source.language, source.language_guessed) == ("imported", "de", True)
    lib.sources.update(source.id, language="de-CH")
    # The guess made again on the second import does not undo the person's choice.
    again, _, _ = lib.sources.add_or_update(reference_document(ref))
    assert (again.language, again.language_guessed) == ("de-CH", False)


def _pdf(path: Path, text: str, lang: str = "") -> Path:
    import textwrap

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    y = 780.0
    for line in textwrap.wrap(text, 80):
        pdf.drawString(72, y, line)
        y -= 14
    pdf.showPage()
    pdf.save()
    if lang:
        writer = PdfWriter(clone_from=PdfReader(str(path)))
        writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
        writer.write(str(path))
    return path


def test_a_pdf_s_catalog_language_wins_and_a_pdf_without_one_is_guessed(
    tmp_path: Path,
) -> None:
    declared = extract_file(_pdf(tmp_path / "a.pdf", ENGLISH_REPORT, lang="fr-FR"))
    assert (declared.language, declared.language_guessed) == ("fr-FR", False)
    guessed = extract_file(_pdf(tmp_path / "b.pdf", GERMAN_REPORT.replace("\n", " ")))
    assert (guessed.language, guessed.language_guessed) == ("de", True)


def test_sources_of_an_older_library_keep_their_language_unguessed(tmp_path: Path) -> None:
    import shutil

    from tests.fixtures import make_schema_fixtures as fixtures

    older = shutil.copy(fixtures.fixture_path(11), tmp_path / "v11.sqlite")
    with sqlite3.connect(older) as conn:
        before = conn.execute("SELECT id, language FROM sources ORDER BY id").fetchall()
    lib = Library.open(older)
    after = [(s.id, s.language, s.language_guessed) for s in lib.sources.all()][::-1]
    assert after == [(i, language, False) for i, language in before]
