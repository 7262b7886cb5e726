"""Printing results: JSON for scripts, plain-text tables for people, -o files or stdout."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

# Control characters a terminal would obey (ESC starts a sequence that can retitle the window or
# rewrite the screen, BEL rings, CR overwrites the line) rather than show; tab and newline stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# json.dumps escapes C0 already; DEL and C1 pass through it.
_JSON_UNESCAPED = re.compile(r"[\x7f-\x9f]")


def printable(text: str) -> str:
    """Return text with control characters shown as escapes (`\\x1b`) instead of obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def echo(message: object = "", *, err: bool = False) -> None:
    """Print a line of output (to stderr with err), control characters escaped."""
    click.echo(printable(str(message)), err=err)


def echo_json(data: Any) -> None:
    """Print data as indented JSON with non-ASCII kept readable."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    click.echo(_JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> None:
    """Print rows under headers as an aligned table, clipping long cells."""

    def cell(value: Any) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    table = [[cell(h) for h in headers], *[[cell(v) for v in row] for row in rows]]
    widths = [max(len(r[i]) for r in table) for i in range(len(headers))]
    for n, row in enumerate(table):
        echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            echo("  ".join("-" * w for w in widths).rstrip())


def echo_template_problems() -> None:
    """Print one warning line on stderr for each of the user's template files left unread."""
    from briefing_app.core.templates import template_problems

    for problem in template_problems():
        echo(f"Warning: template not read: {problem}", err=True)


STDOUT = "-"


class OutputFile(click.Path):
    """A -o FILE option: a file to write, or '-' for standard output where the format is text.

    click.Path takes '-' as a file name, so `-o -` left a file called '-' in the folder where
    a script meant to pipe the output. A command whose files are never text (a .qdpx, a Word
    copy) refuses '-' in one line instead.
    """

    def __init__(self, *, stdout_ok: bool, what: str = "") -> None:
        super().__init__(dir_okay=False, path_type=Path, allow_dash=stdout_ok)
        self.stdout_ok = stdout_ok
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Return the path; refuse '-' where the output cannot go to standard output."""
        if str(value) == STDOUT and not self.stdout_ok:
            self.fail(
                f"{self.what} cannot go to standard output ('-'): give a file name", param, ctx
            )
        return super().convert(value, param, ctx)


def is_stdout(output: Path | None) -> bool:
    """Return whether -o names standard output ('-') rather than a file."""
    return output is not None and str(output) == STDOUT


@contextmanager
def output_path(output: Path, fmt: str, *, text: bool, as_json: bool = False) -> Iterator[Path]:
    """Yield the path a writer writes output to; for '-', a temporary file then copied to stdout.

    The core writes files atomically by path; standard output gets the finished file's bytes,
    so what is piped is what a file would hold. A format that is not text (xlsx, docx) and
    --json (which owns standard output) are refused before anything is written.
    """
    if not is_stdout(output):
        yield output
        return
    if not text:
        raise click.UsageError(f"-o -: {fmt} is not text and cannot go to standard output")
    if as_json:
        raise click.UsageError("-o - prints the file itself: --json cannot go with it")
    with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
        path = Path(folder) / f"output.{fmt}"
        yield path
        sys.stdout.flush()  # text echoed before must come first
        stream = click.get_binary_stream("stdout")
        with path.open("rb") as written:
            shutil.copyfileobj(written, stream)
        stream.flush()
