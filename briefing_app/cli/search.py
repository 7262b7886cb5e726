"""`briefing search`: full-text search over sources and claims."""

from __future__ import annotations

import click

from briefing_app.cli.context import COUNT, AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table


@click.command("search")
@click.argument("query")
@click.option("--limit", type=COUNT, default=50, help="Most results of each kind.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def search_command(app: AppContext, query: str, limit: int, as_json: bool) -> None:
    """Find sources and claims containing the words of QUERY.

    Example: briefing search "Khatlon drone" --limit 5
    """
    hits = app.library().search.query(query, limit=limit)
    if as_json:
        echo_json([h.to_json() for h in hits])
        return
    if not hits:
        echo("No matches.")
        return
    echo_table(["Kind", "ID", "Label", "Match"], [(h.kind, h.id, h.label, h.snippet) for h in hits])


COMMANDS = [search_command]
