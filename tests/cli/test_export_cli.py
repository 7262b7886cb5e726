"""`briefing note new/show/set`, `briefing export` and `briefing templates`, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.cli.runner import briefing
from tests.conftest import write_fixture


def test_templates_json_lists_the_four_types() -> None:
    result = briefing("templates", "--json")
    assert result.returncode == 0, result.stderr
    names = {t["name"] for t in json.loads(result.stdout)}
    assert names >= {"briefing-note", "policy-memo", "intelligence-assessment", "sitrep"}
    assert "policy-memo" in briefing("templates").stdout


def test_new_set_show_export_a_note(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    created = briefing(
        "note",
        "new",
        "--template",
        "sitrep",
        "--title",
        "Khatlon sitrep 1",
        "--setting",
        "report_number=3",
        "--json",
        library=library,
    )
    assert created.returncode == 0, created.stderr
    note = json.loads(created.stdout)
    assert note["marking"] == "TLP:GREEN"
    assert note["settings"] == {"report_number": "3"}
    assert note["sections"][0]["key"] == "developments"

    body = write_fixture(tmp_path / "dev.md", "- Three workers killed [@C5].\n")
    result = briefing(
        "note", "set", str(note["id"]), "developments", "--file", str(body), library=library
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(
        briefing("note", "show", "Khatlon sitrep 1", "--json", library=library).stdout
    )
    assert shown["cited"] == ["C5"]
    assert (
        "Three workers killed" in briefing("note", "show", str(note["id"]), library=library).stdout
    )

    out = tmp_path / "sitrep.docx"
    result = briefing(
        "export",
        str(note["id"]),
        "--format",
        "docx",
        "-o",
        str(out),
        "--citations",
        "endnotes",
        library=library,
    )
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "TLP:GREEN"
    assert "Report no.:\t3" in [p.text for p in document.paragraphs]


def test_export_of_missing_claim_is_one_line_error(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    briefing("demo", library=library)
    bad = write_fixture(tmp_path / "bad.md", "Unsupported [@C999].\n")
    briefing("note", "set", "1", "issue", "--file", str(bad), library=library)
    out = tmp_path / "note.docx"
    result = briefing("export", "1", "-o", str(out), library=library)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: note 1 section 'issue' cites C999, which is not in the library"
    )
    assert not out.exists()


def test_unknown_section_and_template_are_reported(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    briefing("demo", library=library)
    result = briefing("note", "new", "--template", "haiku", "--title", "T", library=library)
    assert result.returncode == 1 and "no template 'haiku'" in result.stderr
    body = write_fixture(tmp_path / "b.md", "x")
    result = briefing("note", "set", "1", "nope", "--file", str(body), library=library)
    assert result.returncode == 1 and "no section 'nope'" in result.stderr


def test_export_refuses_a_format_that_contradicts_the_file_name(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    out = tmp_path / "memo.docx"
    result = briefing("export", "1", "--format", "md", "-o", str(out), library=library)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("the name says docx but the format asked for is md")
    assert not out.exists()


def test_note_new_with_a_blank_marking_lists_shows_and_exports_the_templates(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    made = briefing(
        "note", "new", "--template", "policy-memo", "--title", "T", "--marking", "", library=library
    )
    assert made.returncode == 0, made.stderr
    listed = briefing("notes", library=library).stdout.splitlines()[-1]
    assert "UNCLASSIFIED" in listed
    shown = briefing("note", "show", "1", library=library).stdout.splitlines()[1]
    assert shown.endswith("· draft · UNCLASSIFIED")
    out = tmp_path / "t.md"
    exported = briefing("export", "1", "--format", "md", "-o", str(out), library=library)
    assert exported.returncode == 0, exported.stderr
    assert "UNCLASSIFIED" in out.read_text(encoding="utf-8")


def test_note_new_refuses_a_date_that_is_not_a_real_day(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    args = ("note", "new", "--template", "policy-memo", "--title", "T", "--date")
    result = briefing(*args, "31/02/2025", library=library)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: memo date '31/02/2025' is not a real day written YYYY-MM-DD (e.g. 2025-02-28)"
    ]
    assert not library.exists()
    assert briefing(*args, "2025-02-28", library=library).returncode == 0
    assert "Date: 2025-02-28" in briefing("note", "show", "1", library=library).stdout


BROKEN_TEMPLATE = "name: broken\nsections:\n  - key: a\n    heading: A\n    kind: opinion\n"


def test_a_broken_user_template_is_reported_once_and_the_others_keep_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from briefing_app.core.templates import user_templates_dir

    broken = write_fixture(user_templates_dir() / "broken.yaml", BROKEN_TEMPLATE)
    warning = f"Warning: template not read: {broken}:5: kind must be"

    def reported_once(stderr: str) -> bool:
        lines = [line for line in stderr.splitlines() if str(broken) in line]
        return len(lines) == 1 and lines[0].startswith(warning)

    listed = briefing("templates")
    assert listed.returncode == 0, listed.stderr
    assert "sitrep" in listed.stdout and "broken" not in listed.stdout
    assert reported_once(listed.stderr), listed.stderr
    as_json = briefing("templates", "--json")
    assert as_json.returncode == 0 and len(json.loads(as_json.stdout)) == 4
    assert reported_once(as_json.stderr), as_json.stderr

    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    made = briefing("note", "new", "--template", "sitrep", "--title", "T", library=library)
    assert made.returncode == 0, made.stderr
    assert reported_once(made.stderr), made.stderr
    out = tmp_path / "demo.docx"
    exported = briefing("export", "1", "-o", str(out), library=library)
    assert exported.returncode == 0, exported.stderr
    assert reported_once(exported.stderr), exported.stderr
    assert docx.Document(str(out)).paragraphs

    asked = briefing("note", "new", "--template", "broken", "--title", "T", library=library)
    assert asked.returncode == 1
    assert asked.stderr.splitlines() == [asked.stderr.splitlines()[0]]
    assert asked.stderr.startswith(f"Error: {broken}:5: kind must be")


def test_export_warnings_name_their_section(tmp_path: Path) -> None:
    """The demo note's Summary and Considerations both rest on one source: two warnings."""
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    result = briefing("export", "1", "-o", str(tmp_path / "memo.md"), library=library)
    assert result.returncode == 0, result.stderr
    single = "Everything this section cites comes from a single source"
    assert [line.split(": ", 2)[:2] for line in result.stderr.splitlines()] == [
        ["warning", "Summary"],
        ["warning", "Considerations"],
    ]
    assert all(single in line for line in result.stderr.splitlines())


def test_export_warns_of_an_empty_section_and_leaves_it_out_unless_kept(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    made = briefing("note", "new", "--template", "policy-memo", "--title", "M", library=library)
    assert made.returncode == 0, made.stderr
    for key, text in (("bluf", "Approve the grant."), ("recommendation", "That you approve.")):
        assert briefing("note", "set", "1", key, text, library=library).returncode == 0
    memo = briefing("export", "1", "-o", str(tmp_path / "memo.md"), library=library)
    assert memo.returncode == 0, memo.stderr
    assert "warning: Background: Background is empty" in memo.stderr.splitlines()
    assert "## Background" not in (tmp_path / "memo.md").read_text("utf-8")
    draft = tmp_path / "draft.md"
    kept = briefing("export", "1", "-o", str(draft), "--keep-empty", library=library)
    assert kept.returncode == 0, kept.stderr
    assert "## Background" in draft.read_text("utf-8")
