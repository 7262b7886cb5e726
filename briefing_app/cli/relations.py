"""`briefing claim link|unlink` and `briefing relations`: how claims bear on each other."""

from __future__ import annotations

import click

from briefing_app.cli.claims import claim_group
from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.models import RELATIONS
from briefing_app.core.records.relations import describe


@click.command("relations")
@click.option("--claim", "key", help="Only the relations of this claim (e.g. C6).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def relations_command(app: AppContext, key: str | None, as_json: bool) -> None:
    """List the relations between claims.

    Example: briefing relations --claim C6 --json
    """
    lib = app.library()
    claim_id = lib.claims.ids_by_key((key,))[0] if key is not None else None
    relations = lib.relations.all(claim_id)
    if as_json:
        echo_json([r.to_json() for r in relations])
        return
    echo_table(
        ["From", "Relation", "To", "Note"],
        [(r.from_key, r.relation, r.to_key, r.note) for r in relations],
    )


@claim_group.command("link")
@click.argument("first")
@click.argument("relation", type=click.Choice(RELATIONS), metavar="RELATION")
@click.argument("second")
@click.option("--note", default="", help="A short note on the relation.")
@click.option("--json", "as_json", is_flag=True, help="Print the relation as JSON.")
@pass_app
def claim_link_command(
    app: AppContext, first: str, relation: str, second: str, note: str, as_json: bool
) -> None:
    """Link claim FIRST to claim SECOND: corroborates, contradicts, repeats or updates.

    "C6 repeats C9": C6 reports C9 or comes from the same origin. "C6 updates C9": C6
    supersedes C9.

    Example: briefing claim link C6 contradicts C9 --note "casualty figure"
    """
    lib = app.library()
    a, b = lib.claims.ids_by_key((first, second))
    made = lib.relations.link(a, relation, b, note)
    if as_json:
        echo_json(made.to_json())
    else:
        echo(describe(made))


@claim_group.command("unlink")
@click.argument("first")
@click.argument("second")
@click.option("--json", "as_json", is_flag=True, help="Print the removed relation as JSON.")
@pass_app
def claim_unlink_command(app: AppContext, first: str, second: str, as_json: bool) -> None:
    """Remove the relation between claims FIRST and SECOND.

    Example: briefing claim unlink C6 C9
    """
    lib = app.library()
    a, b = lib.claims.ids_by_key((first, second))
    removed = lib.relations.unlink(a, b)
    if as_json:
        echo_json(removed.to_json())
    else:
        echo(f"removed: {describe(removed)}")


COMMANDS = [relations_command]
