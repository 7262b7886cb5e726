"""`briefing assumption add|set` and `briefing assumptions`: a question's key assumptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.ach.model import ASSUMPTION_RATINGS

F = TypeVar("F", bound=Callable[..., None])


@click.command("assumptions")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def assumptions_command(app: AppContext, question: str, as_json: bool) -> None:
    """List QUESTION's key assumptions: rating, why, what would show each wrong.

    Example: briefing assumptions Q1
    """
    lib = app.library()
    found = lib.assumptions.all(lib.questions.title_by_key(question).id)
    if as_json:
        echo_json([a.to_json() for a in found])
        return
    echo_table(
        ["Key", "Assumption", "Rating", "Why", "Wrong if", "Supports", "Hypotheses"],
        [a.cells() for a in found],
        max_width=40,
    )


@click.group("assumption")
def assumption_group() -> None:
    """Add or change a key assumption (each is also a row of the question's ACH matrix)."""


def _fields(fn: F) -> F:
    """Give a command the options an assumption has."""
    fn = click.option("--json", "as_json", is_flag=True, help="Print it as JSON.")(fn)
    depends = "A hypothesis that depends on it (repeatable)."
    fn = click.option("--hypothesis", "hypotheses", multiple=True, help=depends)(fn)
    fn = click.option("--supports", multiple=True, help="A claim that supports it (repeatable).")(
        fn
    )
    fn = click.option("--wrong-if", default=None, help="What would show it wrong.")(fn)
    fn = click.option("--why", default=None, help="Why it is rated so.")(fn)
    return fn


@assumption_group.command("add")
@click.argument("question")
@click.argument("text")
@click.option(
    "--rating",
    type=click.Choice(ASSUMPTION_RATINGS),
    required=True,
    help="solid, caveated (correct with caveats) or unsupported.",
)
@_fields
@pass_app
def assumption_add_command(
    app: AppContext,
    question: str,
    text: str,
    rating: str,
    why: str | None,
    wrong_if: str | None,
    supports: tuple[str, ...],
    hypotheses: tuple[str, ...],
    as_json: bool,
) -> None:
    """Add the key assumption TEXT to QUESTION; print its key.

    Example: briefing assumption add Q1 "The attackers crossed from Afghanistan"
    --rating caveated --supports C9 --hypothesis H1
    """
    lib = app.library()
    q = lib.questions.title_by_key(question)
    edit = lib.assumptions.add(
        q.id,
        text,
        rating=rating,
        why=why or "",
        wrong_if=wrong_if or "",
        supports=supports,
        hypotheses=hypotheses,
    )
    _print(app, q.id, edit.made, as_json)


@assumption_group.command("set")
@click.argument("question")
@click.argument("key")
@click.option("--text", default=None, help="New wording.")
@click.option(
    "--rating",
    type=click.Choice(ASSUMPTION_RATINGS),
    default=None,
    help="solid, caveated (correct with caveats) or unsupported.",
)
@_fields
@pass_app
def assumption_set_command(
    app: AppContext,
    question: str,
    key: str,
    text: str | None,
    rating: str | None,
    why: str | None,
    wrong_if: str | None,
    supports: tuple[str, ...],
    hypotheses: tuple[str, ...],
    as_json: bool,
) -> None:
    """Change assumption KEY of QUESTION (--supports and --hypothesis replace those held).

    Example: briefing assumption set Q1 A1 --rating unsupported --why "Single source"
    """
    lib = app.library()
    q = lib.questions.title_by_key(question)
    edit = lib.assumptions.update(
        q.id,
        key,
        text=text,
        rating=rating,
        why=why,
        wrong_if=wrong_if,
        supports=supports or None,
        hypotheses=hypotheses or None,
    )
    _print(app, q.id, edit.made, as_json)


def _print(app: AppContext, question_id: int, key: str, as_json: bool) -> None:
    found = app.library().assumptions.get(question_id, key)
    if as_json:
        echo_json(found.to_json())
    else:
        echo(found.key)


COMMANDS = [assumptions_command, assumption_group]
