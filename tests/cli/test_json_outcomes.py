"""A script learns what a command made or wrote from its --json, not by parsing a sentence.

`briefing export`, `pack export`, `review export`, `backup make`, `comment add`, `comment
reply` and `edit suggest` printed only "Wrote memo.docx", "Comment 3 added": a script
needing the new comment's id, or the backup's path, had to cut it out of English.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library
from tests.cli.runner import briefing
from tests.cli.test_help_examples import COMMANDS


@pytest.fixture
def demo_library(library_path: Path) -> Path:
    """A library holding the demo's source, claims and note (id 1)."""
    with Library.open(library_path) as lib:
        build_demo(lib)
    return library_path


@pytest.mark.parametrize(
    "path",
    sorted(p for p, c in COMMANDS.items() if any("-o" in o.opts for o in c.params)),
)
def test_every_command_writing_a_file_offers_json(path: str) -> None:
    shown = briefing(*path.split(), "--help").stdout
    assert "--json" in shown, f"`briefing {path}` writes a file but has no --json"


@pytest.mark.parametrize(
    ("args", "name", "fmt"),
    [
        (["export", "1", "--force"], "memo.docx", "docx"),
        (["export", "1", "--force", "--format", "md"], "memo.md", "md"),
        (["pack", "export", "1"], "note.briefpack", "briefpack"),
        (["review", "export", "1", "--force"], "copy.docx", "docx"),
    ],
)
def test_an_export_says_in_json_what_it_wrote(
    demo_library: Path, tmp_path: Path, args: list[str], name: str, fmt: str
) -> None:
    target = tmp_path / name
    result = briefing(*args, "-o", str(target), "--json", library=demo_library)
    assert result.returncode == 0, result.stderr
    written = json.loads(result.stdout)  # nothing but the JSON document on stdout
    assert (written["path"], written["format"], written["note"]) == (str(target), fmt, 1)
    assert target.stat().st_size > 0


def test_export_json_counts_the_findings_it_printed_on_stderr(
    demo_library: Path, tmp_path: Path
) -> None:
    result = briefing("export", "1", "-o", str(tmp_path / "m.docx"), "--json", library=demo_library)
    assert result.returncode == 0, result.stderr
    written = json.loads(result.stdout)
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert written["errors"] == 0 and written["warnings"] == len(warned)


def test_backup_make_json_is_the_entry_backup_list_then_shows_first(demo_library: Path) -> None:
    made = briefing("backup", "make", "--json", library=demo_library)
    assert made.returncode == 0, made.stderr
    listed = json.loads(briefing("backup", "list", "--json", library=demo_library).stdout)
    assert json.loads(made.stdout) == listed[0]
    assert Path(listed[0]["path"]).is_file()


def test_a_script_answers_the_comment_it_added_by_its_json_id(demo_library: Path) -> None:
    added = briefing(
        "comment", "add", "1", "summary", "Which source?", "--json", library=demo_library
    )
    assert added.returncode == 0, added.stderr
    comment = json.loads(added.stdout)
    assert (comment["section_key"], comment["body"]) == ("summary", "Which source?")
    replied = briefing(
        "comment", "reply", str(comment["id"]), "The ministry's.", "--json", library=demo_library
    )
    assert replied.returncode == 0, replied.stderr
    assert json.loads(replied.stdout)["parent_id"] == comment["id"]


def test_a_script_accepts_the_edit_it_suggested_by_its_json_id(demo_library: Path) -> None:
    body = json.loads(briefing("note", "show", "1", "--json", library=demo_library).stdout)
    words = next(s for s in body["sections"] if s["body"])
    first = words["body"].split()[0]
    suggested = briefing(
        "edit", "suggest", "1", words["key"], first, "Indeed", "--json", library=demo_library
    )
    assert suggested.returncode == 0, suggested.stderr
    edit = json.loads(suggested.stdout)
    assert (edit["old_text"], edit["new_text"], edit["status"]) == (first, "Indeed", "pending")
    accepted = briefing("edit", "accept", str(edit["id"]), library=demo_library)
    assert accepted.returncode == 0, accepted.stderr
    after = json.loads(briefing("note", "show", "1", "--json", library=demo_library).stdout)
    assert next(s for s in after["sections"] if s["key"] == words["key"])["body"].startswith(
        "Indeed"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["sources"],
        ["claims"],
        ["notes"],
        ["questions"],
        ["relations"],
        ["parties"],
        ["rules"],
        ["timeline"],
        ["search", "attack"],
        ["suggest", "1", "--all"],
        ["comments", "1"],
        ["assumptions", "Q1"],
        ["board", "Q1"],
    ],
)
def test_the_entries_of_a_json_list_all_have_the_same_keys(
    demo_library: Path, args: list[str]
) -> None:
    # As the guide promises scripts; `timeline` gave suggested_event_date to undated rows only.
    assert (
        briefing("claim", "edit", "C9", "--event-date", "2025-11", library=demo_library).returncode
        == 0
    )
    assert (
        briefing("comment", "add", "1", "summary", "Source?", library=demo_library).returncode == 0
    )
    assert briefing("comment", "reply", "1", "The ministry.", library=demo_library).returncode == 0
    result = briefing(*args, "--json", library=demo_library)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    lists = (
        [shown] if isinstance(shown, list) else [v for v in shown.values() if isinstance(v, list)]
    )
    for entries in lists:
        assert entries, f"`briefing {' '.join(args)}` listed nothing to compare"
        assert len({tuple(sorted(e)) for e in entries if isinstance(e, dict)}) <= 1, entries


def test_backup_verify_and_restore_tell_a_script_what_they_found_and_saved(
    demo_library: Path,
) -> None:
    made = json.loads(briefing("backup", "make", "--json", library=demo_library).stdout)
    verified = briefing("backup", "verify", "1", "--json", library=demo_library)
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout) == made
    by_path = json.loads(
        briefing("backup", "verify", made["path"], "--json", library=demo_library).stdout
    )
    assert by_path == {**made, "number": None}
    restored = briefing("backup", "restore", "1", "--yes", "--json", library=demo_library)
    assert restored.returncode == 0, restored.stderr
    outcome = json.loads(restored.stdout)
    assert outcome["restored"] == made and Path(outcome["saved_as"]).is_file()
