"""A QDA project's sources get a language as a file import gives one: the project's Language
variable wins; a source without one has its language guessed from its text, marked guessed."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers.base import ExtractedDocument, extract_file
from briefing_app.core.library import Library
from briefing_app.core.qdpx.reader import import_project
from tests.conftest import write_fixture
from tests.core.importers.test_guessed_language import ENGLISH_REPORT, GERMAN_REPORT
from tests.core.qdpx.projects import Sel, Src, span, write_project
from tests.core.qdpx.test_writer import _export

HURT = "Die Ursache des Feuers ist noch unklar"


def _languages(lib: Library) -> dict[str, tuple[str, bool]]:
    return {s.title: (s.language, s.language_guessed) for s in lib.sources.all()}


def test_a_german_source_without_a_language_comes_in_guessed_as_german(
    lib: Library, tmp_path: Path
) -> None:
    path = write_project(
        tmp_path / "qualcoder.qdpx",
        [
            Src("Brand", GERMAN_REPORT, [Sel(*span(GERMAN_REPORT, HURT), name=HURT)]),
            Src("Harbour", ENGLISH_REPORT),
            Src("Short", "Hafen gesperrt.\n"),
        ],
    )

    report = import_project(lib, path)

    assert report.kept["sources"] == 3 and report.kept["claims"] == 1
    assert _languages(lib) == {
        "Brand": ("de", True),
        "Harbour": ("en", True),
        # Too little text to tell: no language, and nothing marked guessed.
        "Short": ("", False),
    }
    # The guess is what the suggester goes by: German rules name the police as the party.
    brand = next(s for s in lib.sources.all() if s.title == "Brand")
    assert "die Polizei" in [s.party for s in lib.suggestions.for_source(brand.id)]


def test_the_project_s_language_variable_wins_over_the_text(lib: Library, tmp_path: Path) -> None:
    path = write_project(
        tmp_path / "maxqda.qdpx",
        [
            # A tool's language name, an analyst's tag, and one over a text in another language.
            Src("Brand", GERMAN_REPORT, variables={"Language": "German"}),
            Src("Harbour", ENGLISH_REPORT, variables={"Language": "en_GB"}),
            Src("Brand 2", GERMAN_REPORT + "\nNachtrag.\n", variables={"Language": "French"}),
        ],
    )

    import_project(lib, path)

    assert _languages(lib) == {
        "Brand": ("de", False),
        "Harbour": ("en-GB", False),
        "Brand 2": ("fr", False),
    }


def test_a_guess_can_be_corrected_and_importing_again_keeps_the_correction(
    lib: Library, tmp_path: Path
) -> None:
    path = write_project(tmp_path / "p.qdpx", [Src("Brand", GERMAN_REPORT)])
    import_project(lib, path)
    (source,) = lib.sources.all()
    lib.sources.edit(source.id, language="de-AT")

    import_project(lib, path)

    assert _languages(lib) == {"Brand": ("de-AT", False)}


def test_a_guess_exported_by_briefing_stays_a_guess_in_another_briefing(
    lib: Library, tmp_path: Path
) -> None:
    author = Library.open(tmp_path / "author.sqlite")
    author.sources.add(extract_file(write_fixture(tmp_path / "brand.txt", GERMAN_REPORT)))
    author.sources.add(ExtractedDocument(title="Harbour", text=ENGLISH_REPORT, language="en"))
    # The export is valid against the schema and says "Language guessed" of the guess alone.
    project = _export(author, tmp_path, "author.qdpx")
    names = {v.get("guid"): v.get("name") for v in project.all("//q:Variable")}
    said = {
        source.get("name"): {
            names[v.find("{*}VariableRef").get("targetGUID")]: v.findtext("{*}TextValue")
            for v in source.findall("{*}VariableValue")
        }
        for source in project.all("//q:TextSource")
    }
    assert said == {
        "Brand in Lagerhalle": {"Reliability": "F", "Language": "de", "Language guessed": "yes"},
        "Harbour": {"Reliability": "F", "Language": "en"},
    }

    import_project(lib, tmp_path / "author.qdpx")

    assert _languages(lib) == {"Brand in Lagerhalle": ("de", True), "Harbour": ("en", False)}
