"""Run `briefing` inside the test process, through the console script's own entry point.

A child process per call cost most of the CLI tests' time. This runs the same function the
console script runs (`briefing_app.launch.main`, which reads `sys.argv` and exits), under click's
`CliRunner` isolation for stdin, stdout, stderr and the environment, and puts back everything a
run can change in the process. tests/cli/test_console_script.py keeps a few real processes.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from click.testing import CliRunner

from briefing_app import launch


@dataclass(frozen=True)
class Result:
    """What a finished `briefing` run left: its exit status and what it printed on each stream."""

    returncode: int
    stdout: str
    stderr: str


def briefing(*args: str, library: Path | None = None, stdin: str | None = None) -> Result:
    """Run `briefing [--library LIBRARY] ARGS` in this process (stdin given); return its output."""
    argv = [*(["--library", str(library)] if library is not None else []), *args]
    if launch.gui_library(launch.split_open_files(argv)[0]) is not None:
        # This would open the desktop app and wait for it to close.
        raise ValueError(f"`briefing {' '.join(argv)}` starts the desktop app: not in-process")
    # As the child processes had it: only --library names the library, never the environment.
    runner = CliRunner(env={"BRIEFING_LIBRARY": ""})
    with runner.isolation(input=stdin) as (out, err, _), _as_a_fresh_process(["briefing", *argv]):
        returncode = _exit_status(launch.main)
        # As the interpreter does at exit: what print() left in the buffers is output too.
        sys.stdout.flush()
        sys.stderr.flush()
    return Result(returncode, out.getvalue().decode(), err.getvalue().decode())


def _exit_status(main: Callable[[], object]) -> int:
    """Call main as the interpreter would at the top level and return the process's exit status."""
    try:
        main()
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)  # sys.exit("message"): printed, status 1
        return 1
    return 0


@contextmanager
def _as_a_fresh_process(argv: list[str]) -> Iterator[None]:
    """Give the run the argv, logging and warnings a new process has, then restore pytest's.

    A new process prints library log records and warnings on stderr; pytest would capture them
    instead, and a test checking "one line on stderr" could then never fail because of them.
    """
    saved_argv, sys.argv = sys.argv, argv
    root = logging.getLogger()
    saved_handlers, root.handlers = root.handlers, []  # records reach logging.lastResort
    saved_level = root.level
    root.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.resetwarnings()
            quiet = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)
            for category in quiet:  # Python's default filters
                warnings.simplefilter("ignore", category)
            warnings.showwarning = _show_on_stderr
            yield
    finally:
        sys.argv = saved_argv
        root.handlers = saved_handlers
        root.setLevel(saved_level)


def _show_on_stderr(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print a warning on the current stderr, as Python does outside pytest."""
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))
