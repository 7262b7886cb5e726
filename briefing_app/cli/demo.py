"""`briefing demo`: build the worked example library."""

from __future__ import annotations

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json
from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.text.counts import counted


@click.command("demo")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_app
def demo_command(app: AppContext, as_json: bool) -> None:
    """Load the sample article with its claims and an example note.

    Example: briefing --library demo.sqlite demo
    """
    result = build_demo(app.library(create=True))
    if as_json:
        echo_json(result)
    elif result["created"]:
        echo(
            f"Demo loaded into {app.library_path}: source {result['source_id']}, "
            f"{result['claims']} claims, {counted(result['notes'], 'notes')}."
        )
        if result["question_keys"]:
            key = result["question_keys"][0]
            echo(f"Its key question and the claims that answer it: briefing board {key}")
            echo(f"Its competing hypotheses, rated and scored: briefing ach show {key}")
    else:
        echo(f"The demo is already in {app.library_path} (source {result['source_id']}).")


COMMANDS = [demo_command]
