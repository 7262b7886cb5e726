"""Importing real formats from the command line: inspect for every format, bad files refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from briefing_app.core.library import Library
from tests.cli.runner import briefing
from tests.conftest import write_fixture
from tests.core.importers.samples import (
    docx_with_table,
    email_with_html_body,
    mhtml_archive,
    news_page_with_json_ld,
    pdf_with_hyphenation,
    zip_bomb_docx,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    write_fixture(folder / "page.html", news_page_with_json_ld())
    write_fixture(
        folder / "saved.mht",
        mhtml_archive(
            "<html><body><p>Saved page text that is "
            "long enough to be an article.</p></body>"
            "</html>",
            "https://example.org/saved",
        ),
    )
    write_fixture(folder / "report.docx", docx_with_table())
    write_fixture(folder / "mail.eml", email_with_html_body())
    pdf_with_hyphenation(folder / "statement.pdf")
    return folder


@pytest.mark.parametrize(
    ("name", "fmt", "title"),
    [
        ("page.html", "html", "Embassy urges safety after attack on workers"),
        ("saved.mht", "mhtml", None),
        ("report.docx", "docx", "Khatlon situation report"),
        ("mail.eml", "email", "Embassy statement on the Khatlon attack"),
        ("statement.pdf", "pdf", "Khatlon statement"),
    ],
)
def test_inspect_json_works_for_every_format(
    inbox: Path, name: str, fmt: str, title: str | None
) -> None:
    result = briefing("inspect", str(inbox / name), "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["format"] == fmt
    assert shown["text"]
    if title is not None:
        assert shown["title"] == title


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.html", b"", "the file is empty"),
        ("junk.html", bytes(range(256)) * 40, "binary data"),
        ("truncated.docx", docx_with_table()[:3000], "truncated"),
        ("bomb.docx", zip_bomb_docx(300 * 1024 * 1024), "zip bomb"),
        ("notes.xyz", b"hello", "unsupported file type"),
    ],
)
def test_bad_file_is_one_line_exit_1_and_the_library_is_unchanged(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    library = tmp_path / "lib.sqlite"
    good = write_fixture(tmp_path / "good.txt", "Headline Here\n\nBody text.\n")
    assert briefing("import", str(good), library=library).returncode == 0
    before = _digest(library)
    bad = write_fixture(tmp_path / name, data)
    result = briefing("import", str(bad), library=library)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(bad) in lines[0] and reason in lines[0]
    assert _digest(library) == before
    inspected = briefing("inspect", str(bad), "--json")
    assert inspected.returncode == 1
    assert inspected.stderr.strip().splitlines() == [f"Error: {bad}: {lines[0].split(': ', 1)[1]}"]


def test_an_unknown_type_names_the_reference_lists_import_reads_too(tmp_path: Path) -> None:
    # The list of known types left out .ris, .bib and .json, which `briefing import` reads.
    bad = write_fixture(tmp_path / "notes.xyz", "hello")
    result = briefing("import", str(bad), library=tmp_path / "lib.sqlite")
    assert result.returncode == 1
    assert "reference lists: .bib, .json, .ris" in result.stderr


def test_source_text_can_be_corrected_from_a_file(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    good = write_fixture(tmp_path / "good.txt", "Headline Here\n\nSecond paragraph. First one.\n")
    assert briefing("import", str(good), library=library).returncode == 0
    fixed = write_fixture(tmp_path / "fixed.txt", "Headline Here\n\nFirst one. Second paragraph.\n")
    result = briefing("source", "correct", "1", "--file", str(fixed), library=library)
    assert result.returncode == 0, result.stderr
    lib = Library.open(library)
    try:
        assert lib.sources.get(1).text == "Headline Here\n\nFirst one. Second paragraph."
    finally:
        lib.close()
    missing = briefing("source", "correct", "7", "--file", str(fixed), library=library)
    assert missing.returncode == 1
    assert "no source with id 7" in missing.stderr


def test_a_folder_with_a_file_that_fails_exits_non_zero_but_keeps_the_rest(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    write_fixture(folder / "good.txt", "The ministry said the border was closed on Monday.")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\ngarbage")
    library = tmp_path / "lib.sqlite"
    result = briefing("import", str(folder), library=library)
    assert result.returncode == 1
    assert "imported" in result.stdout and "good.txt" in result.stdout
    # One line for the bad file; nothing from the PDF library's own log.
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        next(line for line in result.stderr.splitlines() if "broken.pdf" in line)
    ]
    assert "1 imported" in result.stdout


def test_inspect_on_a_folder_says_it_takes_one_file(tmp_path: Path) -> None:
    result = briefing("inspect", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path}: is a folder; inspect takes one file (import takes folders)"
    ]


def test_inspect_shows_each_item_of_a_reference_file_as_the_source_it_would_make(
    tmp_path: Path,
) -> None:
    """The guide says to try inspect before importing; on a Zotero export it said
    "unsupported file type '.bib'", though import reads it."""
    refs = write_fixture(
        tmp_path / "refs.bib",
        "@article{k, title = {Attack in Khatlon}, journal = {Asia-Plus}, date = {2025-11-27},\n"
        "  keywords = {Khatlon, China}, abstract = {Three workers were killed.}}\n"
        "@techreport{icg, title = {Southern Border}, year = {2025},\n"
        "  institution = {International Crisis Group}, abstract = {Border gaps.}}\n",
    )
    result = briefing("inspect", str(refs))
    assert result.returncode == 0, result.stderr
    assert "— item 1 of 2 —" in result.stdout and "— item 2 of 2 —" in result.stdout
    assert "outlet     Asia-Plus" in result.stdout
    assert "tags       Khatlon, China" in result.stdout
    assert "Three workers were killed." in result.stdout
    as_json = json.loads(briefing("inspect", "--json", str(refs)).stdout)
    assert [(d["title"], d["outlet"]) for d in as_json] == [
        ("Attack in Khatlon", "Asia-Plus"),
        ("Southern Border", "International Crisis Group"),
    ]


def test_inspect_of_a_package_names_the_command_that_reads_it(tmp_path: Path) -> None:
    pack = write_fixture(tmp_path / "note.briefpack", "not really a zip")
    result = briefing("inspect", str(pack))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {pack}: a review package, not a source; it is read by: briefing pack import"
    ]


@pytest.mark.parametrize("name", ["notes", "notes.txt"])
def test_inspect_on_a_missing_file_says_there_is_none(tmp_path: Path, name: str) -> None:
    """A mistyped name without a suffix was an "unsupported file type '(none)'"."""
    result = briefing("inspect", str(tmp_path / name))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path / name}: no such file or folder"
    ]


def test_import_json_gives_every_file_the_same_keys(tmp_path: Path) -> None:
    """A reference's entries had an "item" key the others lacked: one shape for jq or a sheet."""
    from tests.core.importers.references.zotero_exports import RIS

    folder = tmp_path / "in"
    write_fixture(folder / "Bericht über Größe.txt", "Die Polizei meldete drei Tote.\n")
    write_fixture(folder / "empty.txt", "")
    refs = write_fixture(tmp_path / "zotero" / "refs.ris", RIS)
    result = briefing("import", "--json", str(folder), str(refs), library=tmp_path / "lib.sqlite")
    files = json.loads(result.stdout)["files"]
    assert {f["status"] for f in files} >= {"imported", "failed"}
    assert {tuple(f) for f in files} == {("path", "status", "reason", "source_id", "item")}
    assert any(f["item"] for f in files) and any(f["item"] == "" for f in files)


def test_a_folder_s_files_of_other_types_are_named_as_skipped(tmp_path: Path) -> None:
    """A folder of .odt files read "0 imported, 0 duplicate, 0 failed", status 0, and no more."""
    folder = tmp_path / "Dossier Khatlon"
    write_fixture(folder / "bericht.txt", "Die Polizei meldete drei Tote.\n")
    write_fixture(folder / "notes.odt", b"PK\x03\x04 not read")
    write_fixture(folder / "sub" / "map.png", b"\x89PNG")
    write_fixture(folder / ".DS_Store", b"\x00")
    library = tmp_path / "lib.sqlite"

    result = briefing("import", str(folder), library=library)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1 imported, 0 duplicate, 0 failed"
    assert result.stderr.splitlines() == [
        "Skipped in the folders: 1 .odt, 1 .png (types Briefing does not import)"
    ]
    again = json.loads(briefing("import", "--json", str(folder), library=library).stdout)
    assert again["skipped"] == [str(folder / "notes.odt"), str(folder / "sub" / "map.png")]
