"""The console-script entry point: the command line, which starts the GUI when given no command.

It lives outside both `cli` and `gui` so that neither imports the other (import-linter layers).
`briefing` alone or `briefing --library PATH` starts the desktop app without loading the
command line (click and every command module): start-up time is what users notice most.
"""

from __future__ import annotations

import sys
from pathlib import Path

_LIBRARY_OPTION = "--library"


def _start_gui(library_path: Path) -> int:
    from briefing_app.gui.app import run

    return run(library_path)


def gui_library(argv: list[str]) -> Path | None:
    """Return the library to open when argv asks for nothing but the desktop app, else None.

    Only the two forms that start the app are recognised (no arguments; `--library PATH` or
    `--library=PATH`); anything else, help and errors included, goes to the command line.
    """
    if not argv:
        from briefing_app.core.library import default_library_path

        return default_library_path()
    value = None
    if len(argv) == 2 and argv[0] == _LIBRARY_OPTION:
        value = argv[1]
    elif len(argv) == 1 and argv[0].startswith(_LIBRARY_OPTION + "="):
        value = argv[0].split("=", 1)[1]
    if not value or value.startswith("-"):
        return None
    return Path(value).expanduser()


def main() -> None:
    """Run `briefing`."""
    library = gui_library(sys.argv[1:])
    if library is not None:
        sys.exit(_start_gui(library))
    from briefing_app.cli.main import main as cli_main

    cli_main(start_gui=_start_gui)


if __name__ == "__main__":
    main()
