"""`briefing board Q1`: one key question's positions, their claims and how they relate."""

from __future__ import annotations

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.records.board import build_board


@click.command("board")
@click.argument("key", metavar="QUESTION")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def board_command(app: AppContext, key: str, as_json: bool) -> None:
    """Show QUESTION's positions (by party), their claims, relations and independent sources.

    Example: briefing board Q1 --json
    """
    lib = app.library()
    board = build_board(lib, lib.questions.title_by_key(key).id)
    if as_json:
        echo_json(board.to_json())
        return
    echo(f"{board.question.key}: {board.question.text}")
    for position in board.positions:
        n = position.independent_sources
        echo("")
        echo(f"{position.party} ({n} independent source{'s' if n != 1 else ''})")
        echo_table(
            ["Key", "Kind", "Grade", "Event date", "Statement"],
            [
                (c.claim.key, c.claim.kind, c.source_grade, c.claim.event_date, c.text)
                for c in position.claims
            ],
        )
    if board.relations:
        echo("")
        for r in board.relations:
            echo(f"{r.from_key} {r.relation} {r.to_key}" + (f" ({r.note})" if r.note else ""))


COMMANDS = [board_command]
