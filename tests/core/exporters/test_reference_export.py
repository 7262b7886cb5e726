"""Sources back out for Zotero: what is written reads back as the same references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.core.exporters.references import write_references
from briefing_app.core.importers.batch import import_paths
from briefing_app.core.importers.references import read_references
from briefing_app.core.library import Library
from tests.cli.runner import briefing
from tests.core.importers.references.zotero_exports import RIS


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("ris", ".ris"), ("bibtex", ".bib"), ("csl-json", ".json")]
)
def test_exported_references_read_back_with_dates_grades_and_tags(
    lib: Library, tmp_path: Path, fmt: str, suffix: str
) -> None:
    source_file = tmp_path / "in.ris"
    source_file.write_text(RIS)
    summary = import_paths(lib, [source_file])
    sources = [lib.sources.get(o.source_id or 0) for o in summary.outcomes]
    lib.sources.update(sources[1].id, published="2024-03-05", byline="Ministry Press Office")
    sources[1] = lib.sources.get(sources[1].id)
    out = write_references(sources, tmp_path / f"out{suffix}", fmt)
    attack, statement = read_references(out)
    assert attack.title == "Three workers killed near the border"
    assert attack.published == "2025-11"  # a year-month stays a year-month
    assert attack.container == "Asia Wire"
    assert attack.doi == "10.1234/AW.2025.11"
    assert attack.url == "https://asiawire.example.org/attack"
    assert attack.accessed == "2025-12-01"
    assert (attack.reliability(), attack.marking()) == ("B", "TLP:AMBER")
    assert sorted(attack.tags) == ["Khatlon", "border security"]
    assert statement.published == "2024-03-05"
    assert statement.authors == ["Ministry Press Office"]


def test_briefing_sources_writes_a_notes_cited_sources(demo_lib: Library, tmp_path: Path) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    demo_lib.sources.add(ExtractedDocument(title="Not cited", text="Nobody cites this."))
    library = Path(demo_lib.path)
    note = demo_lib.notes.headers()[0]
    cited = demo_lib.sources.cited_in(note.id)
    assert cited, "the demo note cites sources"
    out = tmp_path / "cited.json"
    result = briefing(
        "sources", "--format", "csl-json", "-o", str(out), "--note", str(note.id), library=library
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(out.read_text())
    assert [i["title"] for i in items] == [s.title for s in cited]
    assert len(items) < demo_lib.sources.count()
    every = tmp_path / "all.ris"
    assert briefing("sources", "--format", "ris", "-o", str(every), library=library).returncode == 0
    assert len(read_references(every)) == demo_lib.sources.count()
    refused = briefing("sources", "--format", "ris", library=library)
    assert refused.returncode != 0 and "-o FILE" in refused.stderr


def test_briefing_import_reads_a_zotero_export_and_names_each_item(tmp_path: Path) -> None:
    from tests.core.importers.references.zotero_exports import RIS_WITH_ANNOTATIONS, export_folder

    export_folder(tmp_path / "export", "Exported Items.ris", RIS_WITH_ANNOTATIONS)
    library = tmp_path / "lib.sqlite"
    first = briefing("import", str(tmp_path / "export"), library=library)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].startswith("imported ") and "[Three workers killed near the border]" in lines[0]
    assert (
        "1 highlight(s) not found in the text: “the minister resigned on Friday” (p. 2)" in lines[0]
    )
    assert lines[-1] == "2 imported, 0 duplicate, 0 failed"
    again = briefing("import", "--json", str(tmp_path / "export"), library=library)
    report = json.loads(again.stdout)
    assert (report["imported"], report["unchanged"]) == (0, 2)
    assert [f["item"] for f in report["files"]] == [
        "Three workers killed near the border",
        "Ministry statement on the incident",
    ]


def test_bibtex_names_the_language_as_biblatex_does_and_reads_it_back(
    lib: Library, tmp_path: Path
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    languages = {"Border report": "en", "Grenzbericht": "de", "Rapport": "fr", "Informe": "es"}
    for title, code in languages.items():
        source = lib.sources.add(ExtractedDocument(title=title, text=f"{title}: the text."))
        lib.sources.update(source.id, language=code)
    sources = [lib.sources.get(s.id) for s in lib.sources.all()]

    out = write_references(sources, tmp_path / "out.bib", "bibtex")

    text = out.read_text(encoding="utf-8")
    # biblatex's langid takes a babel/polyglossia language name, not an ISO code.
    for name in ("english", "ngerman", "french", "spanish"):
        assert f"langid = {{{name}}}" in text
    assert "langid = {en}" not in text
    # Read back as an import reads it (the language a source gets is the item's code).
    assert {r.title: r.language_code() for r in read_references(out)} == languages


def test_a_reference_file_named_for_another_format_is_refused(
    demo_lib: Library, tmp_path: Path
) -> None:
    """Zotero reads a file by its name: RIS written as sources.bib would not import."""
    from briefing_app.core.errors import InvalidInput

    out = tmp_path / "out"
    out.mkdir()

    sources = [demo_lib.sources.get(s.id) for s in demo_lib.sources.all()]
    with pytest.raises(InvalidInput, match=r"sources\.bib: the name says bibtex but the format"):
        write_references(sources, out / "sources.bib", "ris")
    assert list(out.iterdir()) == []
    assert write_references(sources, out / "sources.txt", "ris").exists()


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("bibtex", ".bib"), ("ris", ".ris"), ("csl-json", ".json")]
)
def test_references_written_and_imported_back_at_once_are_unchanged(
    demo_lib: Library, tmp_path: Path, fmt: str, suffix: str
) -> None:
    """BibTeX's first round trip reported every item updated (the key it wrote became the
    source's reference id) and only a second one unchanged."""
    from briefing_app.core.importers.base import ExtractedDocument
    from tests.core.records.library_dump import dump

    added = demo_lib.sources.add(
        ExtractedDocument(
            title="Border crossing reopens",
            text="The border crossing reopened on Monday.",
            url="https://news.example.org/border",
            byline="Asia Wire staff",
            outlet="Asia Wire",
            published="2025-11-30",
        )
    )
    demo_lib.sources.update(added.id, language="en")
    library = Path(demo_lib.path or "")
    before = dump(demo_lib)
    out = tmp_path / f"all{suffix}"
    written = briefing("sources", "--format", fmt, "-o", str(out), library=library)
    assert written.returncode == 0, written.stderr
    for attempt in ("first", "second"):
        result = briefing("import", "--json", str(out), library=library)
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        counts = (report["imported"], report["updated"], report["unchanged"])
        assert counts == (0, 0, demo_lib.sources.count()), attempt
        assert dump(demo_lib) == before, attempt


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("ris", ".ris"), ("bibtex", ".bib"), ("csl-json", ".json")]
)
def test_a_guessed_language_goes_out_and_comes_back_as_a_guess(
    lib: Library, tmp_path: Path, fmt: str, suffix: str
) -> None:
    from briefing_app.core.importers.base import extract_file
    from briefing_app.core.importers.batch import import_reference
    from briefing_app.core.importers.references import reference_document
    from tests.conftest import write_fixture
    from tests.core.importers.test_guessed_language import GERMAN_REPORT

    source = lib.sources.add(extract_file(write_fixture(tmp_path / "b.txt", GERMAN_REPORT)))
    # Found again by its address and title, as an item Zotero got from Briefing is.
    lib.sources.update(source.id, url="https://lokal.example.org/brand")
    out = write_references([lib.sources.get(source.id)], tmp_path / f"out{suffix}", fmt)
    (ref,) = read_references(out)
    # Zotero gets the language (its citation styles use it) and an Extra line saying so.
    assert (ref.language_code(), ref.language_guessed()) == ("de", True)
    doc = reference_document(ref)
    assert (doc.language, doc.language_guessed) == ("de", True)
    # The analyst corrects it after the export: the guess coming back does not undo that.
    lib.sources.edit(source.id, language="de-AT")
    outcome = import_reference(lib, out, ref)
    assert (outcome.status, outcome.source_id) == ("unchanged", source.id)
    again = lib.sources.get(source.id)
    assert (again.language, again.language_guessed) == ("de-AT", False)
