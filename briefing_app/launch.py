"""The console-script entry point: the command line, which starts the GUI when given no command.

It lives outside both `cli` and `gui` so that neither imports the other (import-linter layers).
`briefing` alone or `briefing --library PATH` starts the desktop app without loading the
command line (click and every command module): start-up time is what users notice most.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

OPENABLE_SUFFIXES = (".briefpack",)
_LIBRARY_OPTION = "--library"


def no_display() -> str | None:
    """Return why no window can open here (Linux without a display server), else None.

    Qt would abort the process with a core dump and a page of plugin messages; this says it in
    one line before Qt is loaded.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY is not set); "
        "the command line works without one: briefing --help"
    )


def missing_library_folder(library_path: Path) -> str | None:
    """Return why the app will not make a library at library_path (its folder is missing)."""
    from briefing_app.core.errors import LibraryError
    from briefing_app.core.library import require_library_folder

    try:
        require_library_folder(library_path)
    except LibraryError as exc:
        return str(exc)
    return None


def _start_gui(library_path: Path, open_files: Sequence[Path] = ()) -> int:
    # The start-up trace's zero before the check loads the core: that load is start-up time.
    import briefing_app.gui.startup_trace  # noqa: F401

    problem = missing_library_folder(library_path)
    if problem:
        # A mistyped --library, as the command line refuses it: nothing made, no window.
        print(f"briefing: {problem}", file=sys.stderr)
        return 2
    problem = no_display()
    if problem:
        print(f"briefing: {problem}", file=sys.stderr)
        return 1
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


def gui_library(argv: list[str]) -> Path | None:
    """Return the library to open when argv asks for nothing but the desktop app, else None.

    Only the two forms that start the app are recognised (no arguments; `--library PATH` or
    `--library=PATH`); anything else, help and errors included, goes to the command line.
    """
    if not argv:
        return library_at_start()
    value = None
    if len(argv) == 2 and argv[0] == _LIBRARY_OPTION:
        value = argv[1]
    elif len(argv) == 1 and argv[0].startswith(_LIBRARY_OPTION + "="):
        value = argv[0].split("=", 1)[1]
    if not value or value.startswith("-"):
        return None
    return Path(value).expanduser()


def library_at_start() -> Path:
    """Return the library `briefing` alone opens: $BRIEFING_LIBRARY, else the one used last.

    The default library (the demo, on a true first start) only when neither is there.
    """
    from briefing_app.core.library import LIBRARY_ENV, default_library_path

    if not os.environ.get(LIBRARY_ENV):
        from briefing_app.gui.settings import last_library

        last = last_library()
        if last is not None:
            return last
    return default_library_path()


def main() -> None:
    """Run `briefing`; given package files and no command, open them in the desktop app."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        # In the frozen app a worker process of a big import is this executable started again.
        multiprocessing.freeze_support()
    args, files = split_open_files(sys.argv[1:])
    library = gui_library(args)
    if library is not None:
        # The desktop app alone: no click and no command modules to load (start-up time).
        sys.exit(_start_gui(library, files) if files else _start_gui(library))
    from briefing_app.cli.main import main as cli_main

    if files:
        cli_main(args, start_gui=lambda path: _start_gui(path, files))
    else:
        cli_main(start_gui=_start_gui)


if __name__ == "__main__":
    main()
