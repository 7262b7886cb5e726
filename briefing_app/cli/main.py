"""The `briefing` command group: options, error handling, and command registration."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from briefing_app import __version__
from briefing_app.cli.context import AppContext, resolve_library_path
from briefing_app.cli.output import echo, printable
from briefing_app.core.errors import BriefingError


class BriefingGroup(click.Group):
    """A click group that turns core errors and usage errors into one line on stderr and exit
    status 1.

    Commands are registered on first lookup, so `briefing` with no command (the desktop app)
    starts without importing every command module.
    """

    _registered = False

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return the command called cmd_name, registering the commands first."""
        _register()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return every command name, registering the commands first."""
        _register()
        return super().list_commands(ctx)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse briefing's own options; a usage error in them is one line (usage_error_line)."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise usage_error_line(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report a BriefingError as one line, never a traceback."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # click would end with "Aborted!" and status 1; a shell expects 128 + SIGINT.
            echo("briefing: interrupted", err=True)
            ctx.exit(130)
        except click.UsageError as exc:
            # Every command's and sub-group's parsing and callback run inside this call.
            raise usage_error_line(exc) from exc
        except click.ClickException as exc:
            # Messages name files and records: their control characters must not reach a terminal.
            exc.message = printable(exc.message)
            raise
        except BriefingError as exc:
            raise click.ClickException(printable(_with_command_hint(exc))) from exc
        except sqlite3.DatabaseError as exc:
            # Damage found by a read after the library opened: core names it (LibraryDamaged).
            from briefing_app.core.library import damaged_error

            app = ctx.find_object(AppContext)
            damage = damaged_error(app.library_path if app else None, exc)
            if damage is None:
                raise
            raise click.ClickException(printable(str(damage))) from exc
        except BrokenPipeError:
            # The reader of the output left (`briefing claims | head`): nothing to say to it,
            # and Python's own flush at exit must not say it either (the docs' recipe).
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:
            name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise click.ClickException(printable(f"{name}{exc.strerror or exc}")) from exc
        finally:
            app = ctx.find_object(AppContext)
            if app is not None:
                app.close()


def _with_command_hint(exc: BriefingError) -> str:
    """Return the error's line, with the command that gets past it where core names a step."""
    from briefing_app.core.errors import NoteIsFinal

    if isinstance(exc, NoteIsFinal):  # "reopen it" is a menu in the window, a command here
        return f"{exc} (briefing status {exc.note_id} draft)"
    return str(exc)


def usage_error_line(exc: click.UsageError) -> click.ClickException:
    """Return click's usage error as one line naming the command, for exit status 1.

    click prints the usage, a hint and the error on three to seven lines and exits with 2; the
    rule for every command is one line and 1, as for any other bad input. Example:
    `Error: briefing claims: no such option '--sourc' (did you mean one of: '--json',
    '--source'?) (see briefing claims --help)`.
    """
    ctx = exc.ctx or _innermost_context(exc)
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        # A group given no command: click prints its whole help, which is no error line.
        group = exc.ctx.command
        names = group.list_commands(exc.ctx) if isinstance(group, click.Group) else []
        message = f"missing command: {', '.join(names)}" if names else "missing arguments"
    else:
        # Choice lists come one per line, suggestions after a full stop: joined, one sentence.
        message = " ".join(line.strip() for line in exc.format_message().splitlines()).strip()
        message = re.sub(r"\. \(Did you mean", " (did you mean", message).removesuffix(".")
        if message[:1].isupper() and message[1:2].islower():
            message = message[0].lower() + message[1:]  # "Missing option" but not "Q1 ..."
    where = ctx.command_path if ctx is not None else "briefing"
    hint = f" (see {where} --help)" if ctx is not None and ctx.command.get_help_option(ctx) else ""
    return click.ClickException(printable(f"{where}: {message}{hint}"))


def _innermost_context(exc: BaseException) -> click.Context | None:
    """Return the context of the command whose parsing raised exc, if it can be found."""
    # click's option parser raises "requires an argument" and "does not take a value" without
    # the command's context (its own output then names no command); the deepest `ctx` on the
    # way down to the raise is the context of the command being parsed.
    found = None
    tb = exc.__traceback__
    while tb is not None:
        candidate = tb.tb_frame.f_locals.get("ctx")
        if isinstance(candidate, click.Context):
            found = candidate
        tb = tb.tb_next
    return found


@click.group(cls=BriefingGroup, invoke_without_command=True)
@click.option(
    "--library",
    "library",
    type=click.Path(dir_okay=False),
    envvar="BRIEFING_LIBRARY",
    help="Library file to use (else $BRIEFING_LIBRARY; default: library.sqlite in your user "
    "data folder).",
)
@click.version_option(__version__, prog_name="briefing")
@click.pass_context
def cli(ctx: click.Context, library: str | None) -> None:
    """Briefing: collect sources, tag claims, write and export briefing notes.

    With no command, starts the desktop app.
    """
    start_gui = (ctx.obj or {}).get("start_gui") if isinstance(ctx.obj, dict) else None
    ctx.obj = AppContext(resolve_library_path(library), start_gui=start_gui)
    if ctx.invoked_subcommand is None:
        if start_gui is None:
            echo(ctx.get_help())
            return
        ctx.exit(start_gui(ctx.obj.library_path))


def _register() -> None:
    """Add the commands of every module in this package that lists them in COMMANDS."""
    # Discovery rather than a hand-kept list: each noun's module registers itself, and
    # parallel work on different commands never collides on one line.
    import importlib
    import pkgutil

    import briefing_app.cli as package

    if BriefingGroup._registered:
        return
    BriefingGroup._registered = True
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"briefing_app.cli.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


def main(argv: list[str] | None = None, start_gui: Callable[[Path], int] | None = None) -> None:
    """Run the command line (the console script `briefing` enters through briefing_app.launch)."""
    try:
        cli.main(args=argv, obj={"start_gui": start_gui}, prog_name="briefing")
    except KeyboardInterrupt:
        echo("briefing: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - the last guard against a traceback
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        echo(f"Error: internal error: {type(exc).__name__}: {exc}", err=True)
        echo("(set BRIEFING_DEBUG=1 to see the traceback)", err=True)
        sys.exit(1)


if __name__ == "__main__":  # `python -m briefing_app.cli.main`, as the developer notes run it
    main()
