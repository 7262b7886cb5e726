"""Four edges a walk through the command line found: each is one clear line, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_app.core.library import Library
from tests.cli.runner import Result, briefing
from tests.core.records.library_dump import dump


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edges") / "demo.sqlite"
    result = briefing("demo", library=path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def library(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    shutil.copy(demo_file, path)
    return path


def contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    lib = Library.open(path, create=False, backup=False)
    try:
        return dump(lib)
    finally:
        lib.close()


def refused(result: Result, line: str) -> None:
    """The run failed with exactly this one line on stderr and printed nothing else."""
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"Error: {line}"]
    assert result.stdout == ""


# -- 1. a tag kind with no name ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["claim", "add", "1", "--quote", "three Chinese workers", "--tag", "place:"],
        ["claim", "edit", "C1", "--tag", "place:"],
        ["claim", "edit", "C1", "--tag", "Khatlon", "--tag", "Actor: "],
    ],
)
def test_a_tag_kind_with_no_name_is_refused_in_one_line(library: Path, args: list[str]) -> None:
    before = contents(library)
    result = briefing(*args, library=library)
    tag = args[-1].strip()
    refused(result, f"tag {tag!r} has no name")
    assert contents(library) == before


# -- 2. control characters in a note section -----------------------------------------------------


@pytest.mark.parametrize(("body", "code"), [(b"a\x00b\n", "0000"), (b"Bell\x07 rings\n", "0007")])
def test_a_section_with_a_control_character_is_refused(
    library: Path, tmp_path: Path, body: bytes, code: str
) -> None:
    before = contents(library)
    section = tmp_path / "section.md"
    section.write_bytes(body)
    result = briefing("note", "set", "1", "summary", "--file", str(section), library=library)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: the section 'summary' holds a control character (U+{code}")
    assert contents(library) == before


def test_a_section_with_tabs_and_windows_line_ends_is_stored(library: Path, tmp_path: Path) -> None:
    section = tmp_path / "section.md"
    section.write_bytes(b"Col 1\tCol 2\r\nNext line\r\n")
    result = briefing("note", "set", "1", "summary", "--file", str(section), library=library)
    assert result.returncode == 0, result.stderr
    shown = briefing("note", "show", "1", library=library).stdout
    assert "Col 1\tCol 2\nNext line" in shown


# -- 3. note judge --clear with a question and hypothesis ------------------------------------------


def test_judge_clear_with_a_question_is_refused_and_the_judgment_kept(library: Path) -> None:
    judged = briefing("note", "judge", "1", "Q1", "H2", "--confidence", "moderate", library=library)
    assert judged.returncode == 0, judged.stderr
    before = contents(library)
    for extra in (["Q1", "H1"], ["Q1"], ["--confidence", "low"]):
        result = briefing("note", "judge", "--clear", "1", *extra, library=library)
        refused(
            result,
            "--clear removes the note's one judgment: give only the note "
            "(briefing note judge 1 --clear)",
        )
        assert contents(library) == before
    cleared = briefing("note", "judge", "--clear", "1", library=library)
    assert cleared.stdout == "Note 1 records no judgment\n"


def test_judge_help_says_clear_takes_only_the_note() -> None:
    result = briefing("note", "judge", "--help")
    assert "with --clear, remove it" in " ".join(result.stdout.split())
    assert "give only NOTE with it" in " ".join(result.stdout.split())


# -- 4. a library path in a folder that does not exist -------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["import", "{file}"],
        ["demo"],
        ["note", "new", "--template", "briefing-note", "--title", "Khatlon"],
    ],
)
def test_a_library_in_a_missing_folder_is_refused_and_no_folder_made(
    tmp_path: Path, args: list[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Three workers were killed in Khatlon province.\n")
    library = tmp_path / "a" / "b" / "library.sqlite"
    result = briefing(*[a.format(file=article) for a in args], library=library)
    refused(result, f"no folder {library.parent} for the library")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


def test_a_new_library_in_an_existing_folder_is_made(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Three workers were killed in Khatlon province.\n")
    result = briefing("import", str(article), library=tmp_path / "new.sqlite")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new.sqlite").is_file()


def test_the_default_library_gets_its_folder_on_a_first_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = briefing("demo")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "briefing" / "library.sqlite").is_file()
