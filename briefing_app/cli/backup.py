"""`briefing backup list|make|verify|restore`: the library's rolling backups."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing_app.cli.context import AppContext, pass_app, require_library
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.errors import NotFound
from briefing_app.core.storage.backup import (
    BackupInfo,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)


@click.group("backup")
def backup_group() -> None:
    """List, make, check and restore backups of the library (kept in backups/ beside it)."""


@backup_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """List the library's backups, newest first (number 1 is the newest).

    Example: briefing backup list --json
    """
    backups = list_backups(app.library_path)
    if not backups:
        # A deleted library's backups are still listed (to restore it); a typo lists nothing.
        require_library(app.library_path)
    if as_json:
        echo_json([_to_json(n, b) for n, b in enumerate(backups, 1)])
        return
    if not backups:
        echo(f"No backups of {app.library_path} yet.")
        return
    echo_table(
        ["#", "made", "sources", "claims", "notes", "file"],
        [
            [
                n,
                b.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                b.sources,
                b.claims,
                b.notes,
                b.path.name,
            ]
            for n, b in enumerate(backups, 1)
        ],
        max_width=80,
    )


@backup_group.command("make")
@click.option("--json", "as_json", is_flag=True, help="Print the new backup as `backup list` does.")
@pass_app
def make_command(app: AppContext, as_json: bool) -> None:
    """Back up the library now (the oldest backups beyond the last five are removed).

    Example: briefing backup make
    """
    path = make_backup(app.library_path)
    info = verify_backup(path)
    if as_json:
        echo_json(_to_json(1, info))  # the newest: number 1 in `backup list`
        return
    echo(f"Backed up to {path} ({info.sources} sources, {info.claims} claims).")


@backup_group.command("verify")
@click.argument("which")
@click.option("--json", "as_json", is_flag=True, help="Print the backup as `backup list` does.")
@pass_app
def verify_command(app: AppContext, which: str, as_json: bool) -> None:
    """Check that a backup (its number in `backup list`, or a path) opens as a sound library.

    Example: briefing backup verify 2
    """
    info = verify_backup(_resolve(app.library_path, which), app.library_path)
    if as_json:
        echo_json(_to_json(_number(which), info))
        return
    echo(f"OK: {info.describe()}")


@backup_group.command("restore")
@click.argument("which")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the backup restored and where the replaced library was saved, as JSON.",
)
@pass_app
def restore_command(app: AppContext, which: str, yes: bool, as_json: bool) -> None:
    """Replace the library with a backup (its number in `backup list`, or a path).

    The current library is backed up first, so a restore can itself be undone.

    Example: briefing backup restore 2 --yes
    """
    path = _resolve(app.library_path, which)
    info = verify_backup(path, app.library_path)
    if not yes and not _confirmed(
        f"Replace {app.library_path} with the backup of "
        f"{info.created_at.astimezone():%Y-%m-%d %H:%M:%S}?"
    ):
        # click's own abort printed "Aborted!" alone: the rule is one line saying what to do.
        raise click.ClickException(
            "nothing restored: not confirmed (--yes restores without asking)"
        )
    saved = restore_backup(info, app.library_path)
    if as_json:
        echo_json(
            {
                "restored": _to_json(_number(which), info),
                "saved_as": str(saved) if saved is not None else None,
            }
        )
        return
    echo(
        f"Restored {app.library_path} from {path.name} "
        f"({info.sources} sources, {info.claims} claims, {info.notes} notes)."
    )
    if saved is not None:
        echo(f"The replaced library was saved as {saved}.")


def _confirmed(question: str) -> bool:
    """Ask question on the terminal; no terminal to answer, or no answer, is no."""
    if not sys.stdin.isatty():
        # A script's stdout must not carry a question nobody is there to answer.
        return False
    try:
        return click.confirm(question, default=False, err=True)
    except click.Abort:
        click.echo(err=True)  # end the question's line: the error line then stands alone
        return False


def _resolve(library_path: Path, which: str) -> Path:
    """Turn a backup number from `backup list` (1 = newest) or a path into a path."""
    if which.isdigit():
        backups = list_backups(library_path)
        number = int(which)
        if not 1 <= number <= len(backups):
            raise NotFound(f"no backup number {number} (there are {len(backups)})")
        return backups[number - 1].path
    return Path(which).expanduser()


def _number(which: str) -> int | None:
    """Return the backup number WHICH gave (None: it named a path)."""
    return int(which) if which.isdigit() else None


def _to_json(number: int | None, info: BackupInfo) -> dict[str, object]:
    return {
        "number": number,
        "path": str(info.path),
        "created_at": info.created_at.isoformat(),
        "size": info.size,
        "schema_version": info.schema_version,
        "sources": info.sources,
        "claims": info.claims,
        "notes": info.notes,
    }


COMMANDS = [backup_group]
