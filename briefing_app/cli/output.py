"""Printing results: JSON for scripts, aligned plain-text tables for people."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
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
            echo("  ".join("-" * w for w in widths))


def echo_template_problems() -> None:
    """Print one warning line on stderr for each of the user's template files left unread."""
    from briefing_app.core.templates import template_problems

    for problem in template_problems():
        echo(f"Warning: template not read: {problem}", err=True)
