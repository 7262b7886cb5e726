"""The console-script entry point: the command line, which starts the GUI when given no command.

It lives outside both `cli` and `gui` so that neither imports the other (import-linter layers).
"""

from __future__ import annotations

from pathlib import Path


def _start_gui(library_path: Path) -> int:
    from briefing_app.gui.app import run

    return run(library_path)


def main() -> None:
    """Run `briefing`."""
    from briefing_app.cli.main import main as cli_main

    cli_main(start_gui=_start_gui)


if __name__ == "__main__":
    main()
