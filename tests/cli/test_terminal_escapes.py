"""Text from sources and notes cannot drive the terminal: control characters print as escapes.

A party, title or source text holding ESC or BEL (a crafted web page, a pasted string) would
otherwise retitle the window, clear the screen or ring when `briefing` prints it (issue 22 §5).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from tests.cli.runner import briefing

RETITLE = "\x1b]0;owned\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"


@pytest.fixture
def hostile_library(library_path: Path) -> Path:
    """A library whose source, claim party and note title hold terminal control sequences."""
    with Library.open(library_path) as lib:
        source = lib.sources.add(
            ExtractedDocument(
                title=f"Report {RETITLE}",
                text=f"Officials said {CLEAR}three died{C1_CSI} in the attack on Tuesday.",
            )
        )
        lib.claims.add(source.id, quote="three died", party=f"Officials {CLEAR}")
        lib.notes.create(f"Memo {RETITLE}", "sitrep", [("summary", "Summary")])
    return library_path


def run(library: Path, *args: str) -> str:
    """Run `briefing --library LIBRARY ARGS`; return what it printed."""
    result = briefing(*args, library=library)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [["sources"], ["claims"], ["claims", "--party", f"Officials {CLEAR}"], ["note", "show", "1"]],
)
def test_control_characters_print_as_visible_escapes(
    hostile_library: Path, args: list[str]
) -> None:
    out = run(hostile_library, *args)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b" in out


def test_json_output_escapes_them_and_still_parses_to_the_stored_text(
    hostile_library: Path,
) -> None:
    out = run(hostile_library, "claims", "--json")
    assert "\x1b" not in out and "\x9b" not in out
    (claim,) = json.loads(out)
    assert claim["party"] == f"Officials {CLEAR}"


def test_an_error_message_naming_the_text_escapes_it_too(
    hostile_library: Path, tmp_path: Path
) -> None:
    missing = tmp_path / f"Report {RETITLE}.md"
    result = briefing("inspect", str(missing), library=hostile_library)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "Report \\x1b]0;owned\\x07.md" in result.stderr


def test_a_manual_line_break_in_a_note_prints_as_a_line_break(library_path: Path) -> None:
    # Walk: `briefing note show` printed a Shift+Enter line break as a literal "\x0b".
    with Library.open(library_path) as lib:
        note = lib.notes.create("Memo", "sitrep", [("summary", "Summary")])
        lib.notes.set_section(note.id, "summary", "Convoy stopped \x0bRoad shut.")
    out = run(library_path, "note", "show", str(note.id))
    assert "\nConvoy stopped\nRoad shut.\n" in out
    assert "\\x0b" not in out and "\x0b" not in out


def test_a_manual_line_break_in_a_diff_prints_as_a_line_break(library_path: Path) -> None:
    # Walk: `briefing diff` printed a Shift+Enter line break the analyst added as "\x0b".
    with Library.open(library_path) as lib:
        note = lib.notes.create("Memo", "sitrep", [("summary", "Summary")])
        lib.notes.set_section(note.id, "summary", "Convoy stopped.")
        lib.versions.snapshot(note.id, "sent for review")
        lib.notes.set_section(note.id, "summary", "Convoy stopped.\x0bRoad shut.")
    out = run(library_path, "diff", str(note.id), "1")
    assert "Convoy stopped.{+\nRoad shut.+}" in out
    assert "\\x0b" not in out and "\x0b" not in out
