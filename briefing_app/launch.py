"""The console-script entry point: the command line, which starts the GUI when given no command.

It lives outside both `cli` and `gui` so that neither imports the other (import-linter layers).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

OPENABLE_SUFFIXES = (".briefpack",)


def _start_gui(library_path: Path, open_files: Sequence[Path] = ()) -> int:
    from briefing_app.gui.app import run

    return run(library_path, open_files)


def split_open_files(argv: list[str]) -> tuple[list[str], list[Path]]:
    """Separate files to open (`briefing note.briefpack`, as a file manager runs it) from args.

    Only when no command is given: `briefing pack import x.briefpack` keeps its argument.

    >>> split_open_files(["--library", "l.sqlite", "pack", "import", "x.briefpack"])
    (['--library', 'l.sqlite', 'pack', 'import', 'x.briefpack'], [])
    """
    args: list[str] = []
    files: list[Path] = []
    expect_value = False
    for arg in argv:
        if expect_value:
            args.append(arg)
            expect_value = False
        elif arg == "--library":
            args.append(arg)
            expect_value = True
        elif arg.lower().endswith(OPENABLE_SUFFIXES) and Path(arg).is_file():
            files.append(Path(arg))
        elif arg.startswith("-"):
            args.append(arg)
        else:
            return list(argv), []  # a command: leave everything to it
    return args, files


def main() -> None:
    """Run `briefing`; given package files and no command, open them in the desktop app."""
    from briefing_app.cli.main import main as cli_main

    args, files = split_open_files(sys.argv[1:])
    if files:
        cli_main(args, start_gui=lambda path: _start_gui(path, files))
    else:
        cli_main(start_gui=_start_gui)


if __name__ == "__main__":
    main()
