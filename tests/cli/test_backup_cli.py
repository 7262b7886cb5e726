"""`briefing backup list|make|verify|restore`, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.runner import briefing
from tests.conftest import write_fixture


def test_backup_make_list_and_restore_bring_back_the_old_library(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert briefing("demo", library=library).returncode == 0
    article = write_fixture(tmp_path / "extra.txt", "Officials said the pass was closed.\n")
    # Opening the existing library to import backs it up first (1 source).
    assert briefing("import", str(article), library=library).returncode == 0
    made = briefing("backup", "make", library=library)
    assert made.returncode == 0, made.stderr
    assert "2 sources" in made.stdout

    listed = json.loads(briefing("backup", "list", "--json", library=library).stdout)
    assert [b["sources"] for b in listed] == [2, 1]
    table = briefing("backup", "list", library=library).stdout
    assert Path(listed[0]["path"]).name in table

    assert briefing("backup", "verify", "2", library=library).stdout.startswith("OK:")
    restored = briefing("backup", "restore", "2", "--yes", library=library)
    assert restored.returncode == 0, restored.stderr
    assert "The replaced library was saved as" in restored.stdout
    sources = json.loads(briefing("sources", "--json", library=library).stdout)
    assert len(sources) == 1


def test_restoring_a_backup_number_that_does_not_exist_is_one_clear_error(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert briefing("demo", library=library).returncode == 0
    result = briefing("backup", "restore", "7", "--yes", library=library)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: no backup number 7 (there are 0)"


def test_verify_names_a_damaged_backup(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert briefing("demo", library=library).returncode == 0
    assert briefing("backup", "make", library=library).returncode == 0
    backup = json.loads(briefing("backup", "list", "--json", library=library).stdout)[0]["path"]
    Path(backup).write_bytes(Path(backup).read_bytes()[:3000])
    result = briefing("backup", "verify", "1", library=library)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {Path(backup).name}: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_failed_backup_on_open_is_a_warning_and_the_command_still_runs(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert briefing("demo", library=library).returncode == 0
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    result = briefing("sources", library=library)
    assert result.returncode == 0
    assert result.stderr.startswith("Warning: no backup made: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_restoring_backup_1_of_a_library_never_loads_a_same_stem_neighbour(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "lib.sqlite", tmp_path / "lib.db"
    assert briefing("demo", library=ours).returncode == 0
    assert briefing("backup", "make", library=ours).returncode == 0
    made = briefing(
        "note", "new", "--template", "sitrep", "--title", "Other library", library=theirs
    )
    assert made.returncode == 0, made.stderr
    assert briefing("backup", "make", library=theirs).returncode == 0

    listed = json.loads(briefing("backup", "list", "--json", library=ours).stdout)
    assert [Path(b["path"]).name.startswith("lib.sqlite.") for b in listed] == [True]
    assert briefing("backup", "restore", "1", "--yes", library=ours).returncode == 0
    notes = briefing("notes", library=ours).stdout
    assert "Other library" not in notes and "Khatlon" in notes

    other = json.loads(briefing("backup", "list", "--json", library=theirs).stdout)[0]["path"]
    refused = briefing("backup", "verify", other, library=ours)
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith("a backup of lib.db, not of lib.sqlite")


def test_a_restore_not_confirmed_is_one_error_line_and_restores_nothing(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert briefing("demo", library=library).returncode == 0
    assert briefing("backup", "make", library=library).returncode == 0
    briefing("note", "new", "--template", "sitrep", "--title", "After the backup", library=library)

    # No answer to "Replace …?" (no terminal, as in a script): click said only "Aborted!".
    result = briefing("backup", "restore", "1", library=library)

    assert (result.returncode, result.stdout) == (1, "")  # no question left on stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "--yes" in lines[0]
    assert "After the backup" in briefing("notes", library=library).stdout
