"""`briefing notes`: the notes in the library."""

from __future__ import annotations

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo_json, echo_table


@click.command("notes")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (with section bodies).")
@pass_app
def notes_command(app: AppContext, as_json: bool) -> None:
    """List the notes in the library."""
    lib = app.library()
    notes = lib.notes.all()
    if as_json:
        echo_json([{**n.to_json(), "cited": lib.notes.cited_keys(n)} for n in notes])
        return
    echo_table(
        ["ID", "Title", "Template", "Status", "Marking", "Cites"],
        [
            (n.id, n.title, n.template, n.status, n.marking, len(lib.notes.cited_keys(n)))
            for n in notes
        ],
    )


COMMANDS = [notes_command]
