"""A mistyped command line is one line on stderr and exit status 1, as any other bad input.

click's own usage errors (missing or unknown options, bad values, unknown commands) print a
usage block and exit with 2; `briefing` turns every one into `Error: <command>: <what> (see
<command> --help)` and leaves the library, its backups and every other file as they were.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.runner import briefing


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("usage") / "demo.sqlite"
    result = briefing("demo", library=path)
    assert result.returncode == 0, result.stderr
    return path


def _folder_state(folder: Path) -> dict[str, str]:
    """Return every file under folder (the library, its backups, any WAL) with its digest."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# (command path named in the error, arguments, what the line must say)
USAGE_ERRORS = [
    (
        "briefing assumption add",
        ["assumption", "add", "Q1", "The border stays closed"],
        "missing option '--rating'",
    ),
    (
        "briefing assumption add",
        ["assumption", "add", "Q1", "The border stays closed", "--rating", "maybe"],
        "invalid value for '--rating': 'maybe' is not one of 'solid', 'caveated', 'unsupported'",
    ),
    (
        "briefing claim add",
        ["claim", "add", "1", "--quote", "Taliban", "--kind", "gossip"],
        "invalid value for '--kind': 'gossip'",
    ),
    ("briefing sources", ["sources", "--source", "abc"], "invalid value for '--source': 'abc'"),
    (
        "briefing status",
        ["status", "1", "done"],
        "invalid value for 'STATUS': 'done' is not one of 'draft', 'in-review', 'final'",
    ),
    (
        "briefing claim link",
        ["claim", "link", "C1", "supports", "C2"],
        "invalid value for 'RELATION': 'supports' is not one of 'corroborates', 'contradicts'",
    ),
    ("briefing search", ["search", "attack", "--limit", "0"], "invalid value for '--limit': 0"),
    ("briefing claims", ["claims", "--bogus"], "no such option '--bogus'"),
    (
        "briefing claims",
        ["claims", "--sorce", "1"],
        "no such option '--sorce' (did you mean one of: '--json', '--source'?)",
    ),
    ("briefing claims", ["claims", "--source"], "option '--source' requires an argument"),
    ("briefing timeline", ["timeline", "--json=yes"], "option '--json' does not take a value"),
    ("briefing claims", ["claims", "extra"], "got unexpected extra argument (extra)"),
    ("briefing", ["frobnicate"], "no such command 'frobnicate'"),
    ("briefing note", ["note", "frobnicate"], "no such command 'frobnicate'"),
    ("briefing claim add", ["claim", "add"], "missing argument 'SOURCE_ID'"),
    ("briefing question", ["question"], "missing command: add, assign, unassign"),
    (
        "briefing source correct",
        ["source", "correct", "1", "--file", "{folder}/nowhere.txt"],
        "nowhere.txt' does not exist",
    ),
    (
        "briefing source correct",
        ["source", "correct", "1", "--file", "{folder}"],
        "is a directory",
    ),
    ("briefing", ["--library"], "option '--library' requires an argument"),
    ("briefing note set", ["note", "set", "1", "--field", "bad"], "'bad' is not NAME=VALUE"),
    (
        "briefing note set",
        ["note", "set", "1", "summary"],
        "give the new body of 'summary': note set NOTE summary \"TEXT\", TEXT '-' for standard "
        "input, or --file FILE",
    ),
    (
        "briefing note set",
        ["note", "set", "1", "summary", "New text", "--file", "-"],
        "give the new body as TEXT or with --file, not both",
    ),
    ("briefing note set", ["note", "set", "1"], 'nothing to set: give SECTION "TEXT"'),
    ("briefing source set", ["source", "set", "1"], "give at least one option to change"),
    (
        "briefing source set",
        ["source", "set", "1", "--reliability", "Z"],
        "invalid value for '--reliability': 'Z'",
    ),
]


@pytest.mark.parametrize(("where", "args", "says"), USAGE_ERRORS)
def test_a_usage_error_is_one_line_naming_the_command_and_exits_1(
    demo_file: Path, where: str, args: list[str], says: str
) -> None:
    folder = demo_file.parent
    before = _folder_state(folder)
    result = briefing(*[a.format(folder=folder) for a in args], library=demo_file)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {where}: "), line
    assert says in line, line
    assert line.endswith(f"(see {where} --help)"), line
    assert _folder_state(folder) == before


def test_the_library_option_naming_a_folder_is_one_line(tmp_path: Path) -> None:
    result = briefing("--library", str(tmp_path), "claims")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Error: briefing: invalid value for '--library': File '{tmp_path}' is a directory "
        "(see briefing --help)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_write_refused_for_a_missing_option_adds_nothing(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    before = briefing("assumptions", "Q1", "--json", library=library).stdout
    state = _folder_state(tmp_path)
    refused = briefing("assumption", "add", "Q1", "The border stays closed", library=library)
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "Error: briefing assumption add: missing option '--rating'. Choose from: solid, caveated, "
        "unsupported (see briefing assumption add --help)"
    ]
    assert _folder_state(tmp_path) == state
    assert briefing("assumptions", "Q1", "--json", library=library).stdout == before
    # The same command, mended, goes through: the refusal left nothing in its way.
    added = briefing(
        "assumption", "add", "Q1", "The border stays closed", "--rating", "solid", library=library
    )
    assert added.returncode == 0, added.stderr
    assert "The border stays closed" in briefing("assumptions", "Q1", library=library).stdout


def test_control_characters_in_a_bad_value_are_shown_escaped_on_the_one_line(
    demo_file: Path,
) -> None:
    result = briefing(
        "claim",
        "add",
        "1",
        "--quote",
        "Taliban",
        "--kind",
        "a\x1b]0;owned\x07\nb",
        library=demo_file,
    )
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "\x1b" not in line and "\x07" not in line
    assert "invalid value for '--kind'" in line


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["--help"], "Usage: briefing [OPTIONS] [COMMAND]"),
        (["assumption", "--help"], "Usage: briefing assumption [OPTIONS] COMMAND"),
        (["assumption", "add", "--help"], "Usage: briefing assumption add [OPTIONS] QUESTION TEXT"),
        # Its argument missing, a command still shows its help.
        (["claim", "add", "--help"], "Usage: briefing claim add [OPTIONS] SOURCE_ID"),
    ],
)
def test_help_is_still_printed_in_full_with_status_0(
    demo_file: Path, args: list[str], usage: str
) -> None:
    result = briefing(*args, library=demo_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(usage)
    assert "Options:" in result.stdout and result.stderr == ""
