"""Every command's --help shows an example, and every example is a command line that parses.

sqlite-utils' habit (tests/test_docs.py there): help is where a scripting analyst looks first,
and an example that no longer parses (a renamed option, a choice gone) misleads at once.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from briefing_app.cli.main import _register, cli
from tests.cli.runner import briefing


def leaf_commands() -> dict[str, click.Command]:
    """Return every command that runs (not a group), by its path after `briefing`."""
    _register()
    found: dict[str, click.Command] = {}

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        else:
            found[" ".join(path)] = command

    for name, command in cli.commands.items():
        walk(command, [name])
    return found


COMMANDS = leaf_commands()
_EXAMPLE = re.compile(r"Example: (briefing .+)")


def examples(path: str) -> list[str]:
    """Return the example command lines of a command's help, as printed."""
    shown = briefing(*path.split(), "--help").stdout
    description = shown.split("\nOptions:", 1)[0]
    # click wraps a long example: it goes on in the lines up to the paragraph's end.
    paragraphs = [" ".join(p.split()) for p in description.split("\n\n")]
    return [m[1] for p in paragraphs if (m := _EXAMPLE.match(p))]


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_command_shows_an_example_that_parses(
    path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where the files the examples read are made
    shown = examples(path)
    assert shown, f"`briefing {path} --help` shows no example"
    for line in shown:
        argv = shlex.split(line)[1:]
        if argv[:1] == ["--library"]:
            argv = argv[2:]
        for arg in argv:
            if re.fullmatch(r"[\w-]+\.(txt|html|docx|md|briefpack|qdpx)", arg):
                (tmp_path / arg).touch()  # a file an option requires to exist
        words = path.split()
        assert argv[: len(words)] == words, f"{line!r} is not an example of `briefing {path}`"
        # Parsing converts and checks every argument and option (types, choices, ranges)
        # without running the command.
        COMMANDS[path].make_context(f"briefing {path}", argv[len(words) :])


def _groups() -> dict[str, click.Group]:
    """Return every group of commands, by its path after `briefing` ('' for briefing itself)."""
    _register()
    found: dict[str, click.Group] = {}

    def walk(command: click.Group, path: list[str]) -> None:
        found[" ".join(path)] = command
        for name, sub in command.commands.items():
            if isinstance(sub, click.Group):
                walk(sub, [*path, name])

    walk(cli, [])
    return found


@pytest.mark.parametrize("path", sorted(_groups()))
def test_a_group_lists_each_command_with_a_whole_phrase(path: str) -> None:
    # click cuts a command's line in the listing at the first full stop before a capital, so
    # "Change claim KEY (e.g. C5): regrade..." was listed as "Change claim KEY (e.g.". Asked
    # for a long line, as a wide terminal would, the phrase must still be whole.
    group = _groups()[path]
    for name, command in group.commands.items():
        summary = command.get_short_help_str(limit=1000)
        listed = f"`briefing {path}` lists {name}: {summary!r}"
        assert summary.count("(") == summary.count(")"), listed
        assert not summary.endswith(("e.g.", "i.e.")), listed


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_option_says_what_it_does(path: str) -> None:
    # `briefing pack export --help` showed "-o, --output FILE  [required]" and nothing else.
    shown = briefing(*path.split(), "--help").stdout.split("\nOptions:\n", 1)[1]
    command = COMMANDS[path]
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"`briefing {path} --help`: {param.opts[0]} has no help\n{shown}"


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_a_note_is_named_note_in_every_usage_line(path: str) -> None:
    # `check`, `diff` and `status` said NOTE; `export`, `note show` and `note set` NOTE_REF.
    usage = briefing(*path.split(), "--help").stdout.splitlines()[0]
    assert "NOTE_REF" not in usage, usage


@pytest.mark.parametrize(
    ("path", "usage"),
    [
        ("board", "briefing board [OPTIONS] QUESTION"),
        ("question assign", "briefing question assign [OPTIONS] QUESTION CLAIMS..."),
        ("ach show", "briefing ach show [OPTIONS] QUESTION"),
    ],
)
def test_a_key_question_is_named_question_in_every_usage_line(path: str, usage: str) -> None:
    # `board` and `question assign` said KEY where `ach`, `assumption` and `note judge` say
    # QUESTION for the same Q1 (and KEY is a hypothesis's or an assumption's there).
    assert briefing(*path.split(), "--help").stdout.splitlines()[0] == f"Usage: {usage}"
